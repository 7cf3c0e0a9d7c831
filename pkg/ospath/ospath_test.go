package ospath

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// A path in another case, or with backslashes, selects the record under Windows's rules; under macOS's
// the case matches but a backslash is part of a name; under Linux's only the exact path matches.
func TestLocateUnderEachSystem(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip(`the cases state how a host whose separator is "/" reads each system's rules`)
	}
	root := tree(t, "programmes/2026/Q3/VPUBND.yaml", "registry/offices.yaml")
	wd := filepath.Join(root, "programmes")
	for _, c := range []struct {
		rules    Rules
		arg, rel string
	}{
		{Windows, `..\PROGRAMMES\2026\q3\vpubnd.yaml`, "programmes/2026/Q3/VPUBND.yaml"},
		{Windows, `2026\Q3\VPUBND.YAML`, "programmes/2026/Q3/VPUBND.yaml"},
		{Windows, `..\Registry`, "registry"},
		{Windows, `../programmes/2026/q3`, "programmes/2026/Q3"},
		{Darwin, "../PROGRAMMES/2026/q3/vpubnd.yaml", "programmes/2026/Q3/VPUBND.yaml"},
		{Darwin, `2026\q3\vpubnd.yaml`, `programmes/2026\q3\vpubnd.yaml`},
		{Linux, "../PROGRAMMES/2026/q3/vpubnd.yaml", "PROGRAMMES/2026/q3/vpubnd.yaml"},
		{Linux, "2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPUBND.yaml"},
		{Linux, "..", "."},
	} {
		abs, rel := c.rules.Locate(root, wd, c.arg)
		if rel != c.rel {
			t.Errorf("%+v %q: rel %q, want %q", c.rules, c.arg, rel, c.rel)
		}
		if rel == "." {
			continue
		}
		if want := filepath.Join(root, filepath.FromSlash(c.rel)); abs != want {
			t.Errorf("%+v %q: abs %q, want %q", c.rules, c.arg, abs, want)
		}
	}
	// The root itself in another case (C:\Users\lien\TINH for C:\Users\lien\tinh) under folding rules.
	if _, ok := Windows.Rel("/srv/tinh", "/SRV/Tinh/programmes"); !ok {
		t.Error("Windows.Rel: root in another case")
	}
	if _, ok := Linux.Rel("/srv/tinh", "/SRV/Tinh/programmes"); ok {
		t.Error("Linux.Rel: root in another case matched")
	}
	if _, ok := Windows.Rel("/srv/tinh", "/srv/tinh-khac/x"); ok {
		t.Error("a sibling folder with the root's name as prefix is not inside")
	}
	// Outside the repo: no rel.
	if _, rel := Windows.Locate(root, wd, `..\..\x.yaml`); rel != "" {
		t.Errorf("outside: rel %q", rel)
	}
}

// Two entries that differ in case only (possible on Linux): the exact one wins; folding picks the first.
func TestResolvePrefersTheExactName(t *testing.T) {
	root := tree(t, "a/VPUBND.yaml", "a/vpubnd.yaml")
	for _, c := range []struct{ in, want string }{{"a/vpubnd.yaml", "a/vpubnd.yaml"}, {"a/VPUBND.yaml", "a/VPUBND.yaml"}, {"A/Vpubnd.yaml", "a/VPUBND.yaml"}} {
		if got, ok := Windows.Resolve(root, filepath.FromSlash(c.in)); !ok || got != c.want {
			t.Errorf("Resolve(%q) = %q %v, want %q", c.in, got, ok, c.want)
		}
	}
	if _, ok := Linux.Resolve(root, "A/vpubnd.yaml"); ok {
		t.Error("Linux resolved another case")
	}
	if _, ok := Windows.Resolve(root, "a/khong-co.yaml"); ok {
		t.Error("a missing name resolved")
	}
}

func TestForAndSetNative(t *testing.T) {
	if For("windows") != Windows || For("darwin") != Darwin || For("linux") != Linux {
		t.Fatal("For")
	}
	before := Native()
	restore := SetNative(Windows)
	if Native() != Windows {
		t.Fatal("SetNative")
	}
	restore()
	if Native() != before {
		t.Fatal("restore")
	}
}
