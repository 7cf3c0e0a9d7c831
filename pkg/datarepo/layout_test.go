package datarepo_test

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/internal/testtree"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
)

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	testtree.Write(t, root, files)
}

func pathProblems(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == "path" {
			out = append(out, f.File)
		}
	}
	sort.Strings(out)
	return out
}

// The walk loads the records of the layout and reports, without reading them, a YAML file outside it, a
// symlink (to a record in the repo or out of it) and a special file; dot folders and a nested data repo
// are not walked. A partial load (Options.Only, what submit and merge read) reports only what it accepts.
func TestLayout(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	doc := "kind: document\nnumber: 01-TB/TU\ntype: TB\ndate: 2026-01-05\nissuer: VPTU\nsummary: Thông báo\n"
	writeTree(t, root, map[string]string{
		"coord.yaml":                        "kind: settings\nversion: 1\nprovince: Đồng Nai\n",
		"documents/2026/VPTU/01-TB-TU.yaml": doc,
		"documents/2026/VPTU/01-TB-TU.pdf":  "%PDF",
		"notes/x.yaml":                      doc,
		"issued/2026/Q3/x.YML":              "a: 1\n",
		"stray.yaml":                        doc,
		".github/workflows/coord.yml":       "on: push\n",
		".gitlab-ci.yml":                    "a: 1\n",
		"nested/coord.yaml":                 "kind: settings\nversion: 1\nprovince: Lồng\n",
		"nested/notes/y.yaml":               doc,
	})
	writeTree(t, outside, map[string]string{"2026/VPTU/02-TB-TU.yaml": doc, "p.yaml": doc})
	links := map[string]string{
		"documents/2026/VPTU/02-TB-TU.yaml": filepath.Join(outside, "p.yaml"),
		"documents/2026/VPTU/03-TB-TU.yaml": "01-TB-TU.yaml",
		"conclusions":                       outside,
	}
	for l, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(l))); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	r, err := datarepo.Load(root, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var loaded []string
	for _, f := range r.Files {
		loaded = append(loaded, f.Path)
	}
	if want := []string{"coord.yaml", "documents/2026/VPTU/01-TB-TU.yaml"}; !slices.Equal(loaded, want) {
		t.Errorf("loaded %v, want %v", loaded, want)
	}
	want := []string{"conclusions", "documents/2026/VPTU/02-TB-TU.yaml", "documents/2026/VPTU/03-TB-TU.yaml",
		"issued/2026/Q3/x.YML", "notes/x.yaml", "stray.yaml"}
	if got := pathProblems(r.Problems); !slices.Equal(got, want) {
		t.Errorf("path findings on %v, want %v", got, want)
	}
	part, err := datarepo.Load(root, datarepo.Options{Only: datarepo.Under("documents/2026/")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pathProblems(part.Problems), []string{"documents/2026/VPTU/02-TB-TU.yaml", "documents/2026/VPTU/03-TB-TU.yaml"}; !slices.Equal(got, want) {
		t.Errorf("partial load: path findings on %v, want %v", got, want)
	}
}

// coord.yaml itself is never followed when it is a symlink: the repo has no settings, and a path finding.
func TestSettingsSymlink(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	writeTree(t, outside, map[string]string{"coord.yaml": "kind: settings\nversion: 1\nprovince: Ngoài\n"})
	if err := os.Symlink(filepath.Join(outside, "coord.yaml"), filepath.Join(root, "coord.yaml")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	r, err := datarepo.Load(root, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Settings.Province != "" || !slices.Equal(pathProblems(r.Problems), []string{"coord.yaml"}) {
		t.Errorf("settings %+v, problems %v", r.Settings, r.Problems)
	}
}

// A socket is classified from its directory entry like a FIFO: a path finding, never opened.
func TestSocket(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"coord.yaml": "kind: settings\nversion: 1\nprovince: Đồng Nai\n"})
	if err := os.MkdirAll(filepath.Join(root, "petitions"), 0o755); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(root, "petitions", "s.yaml"))
	if err != nil {
		t.Skipf("no unix sockets here: %v", err)
	}
	defer l.Close()
	r, err := datarepo.Load(root, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pathProblems(r.Problems); !slices.Equal(got, []string{"petitions/s.yaml"}) || len(r.Files) != 1 {
		t.Fatalf("problems %v, files %d", r.Problems, len(r.Files))
	}
	if msg := r.Problems[0].Msg.Render(i18n.EN); !strings.Contains(msg, "a socket") {
		t.Errorf("message %q", msg)
	}
}
