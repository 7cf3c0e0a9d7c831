package submit_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/cmd/submit"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// files lists the regular files under dir/sub as slash paths relative to dir.
func files(t *testing.T, dir, sub string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, sub), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func programme(t *testing.T) string {
	t.Helper()
	b, err := examples.Province.ReadFile("province/programmes/2026/Q3/VPUBND.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A clerk saved the programme in the clone as programmes/2026/q3/vpubnd.yaml. Submit commits it as
// programmes/2026/Q3/VPUBND.yaml and leaves the worktree holding exactly that path, with git's index
// agreeing (on Linux the old file is removed; the folder it leaves empty too), so `coord check` has no
// path finding left. The same when the wrong name had been committed before: the commit is a rename.
func TestSubmitRenamesAFileNamedInAnotherCase(t *testing.T) {
	want := "programmes/2026/Q3/VPUBND.yaml"
	for _, tracked := range []bool{false, true} {
		extra := map[string]string{}
		if tracked {
			extra["programmes/2026/q3/vpubnd.yaml"] = programme(t)
		}
		e := newEnvWith(t, extra)
		if !tracked {
			if err := os.MkdirAll(filepath.Join(e.clone, "programmes", "2026", "q3"), 0o755); err != nil {
				t.Fatal(err)
			}
			writeDraft(t, filepath.Join(e.clone, "programmes", "2026", "q3"), "vpubnd.yaml", programme(t))
		}
		r := e.submit(t, map[string]string{"as-of": "2026-06-10"}, submit.Options{Paths: []string{"programmes/2026/q3/vpubnd.yaml"}})
		if r.code != 0 {
			t.Fatalf("tracked=%v: exit %d\n%s%s", tracked, r.code, r.out.String(), r.err.String())
		}
		if !strings.Contains(r.out.String(), "The file programmes/2026/q3/vpubnd.yaml on this PC was renamed programmes/2026/Q3/VPUBND.yaml") {
			t.Errorf("tracked=%v: the rename is not said:\n%s", tracked, r.out.String())
		}
		if got := files(t, e.clone, "programmes"); strings.Join(got, " ") != want {
			t.Errorf("tracked=%v: worktree holds %v, want exactly %s", tracked, got, want)
		}
		if got := gittest.Run(t, e.clone, nil, "ls-files", "programmes"); got != want {
			t.Errorf("tracked=%v: index holds %q, want %s", tracked, got, want)
		}
		if st := gittest.Run(t, e.clone, nil, "status", "--porcelain", "--untracked-files=all"); st != "" {
			t.Errorf("tracked=%v: clone not clean:\n%s", tracked, st)
		}
		if got := gittest.Run(t, e.bare, nil, "ls-tree", "-r", "--name-only", "main", "programmes"); got != want {
			t.Errorf("tracked=%v: the server holds %q, want %s", tracked, got, want)
		}
	}
}

// FixCase spells a path as the repo does, folder by folder, where only the case differs (what a
// case-insensitive file system needs after the record was written under its old spelling); an element
// whose exact name exists is left alone.
func TestFixCase(t *testing.T) {
	root := t.TempDir()
	writeAt := func(rel string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeDraft(t, filepath.Dir(p), filepath.Base(p), "x")
	}
	writeAt("programmes/2026/q3/vpubnd.yaml")
	writeAt("programmes/2026/q3/VPTU.yaml")
	n, err := submit.FixCase(root, "programmes/2026/Q3/VPUBND.yaml")
	if err != nil || n != 2 {
		t.Fatalf("FixCase: %d renames, %v", n, err)
	}
	if got := files(t, root, "programmes"); strings.Join(got, " ") != "programmes/2026/Q3/VPTU.yaml programmes/2026/Q3/VPUBND.yaml" {
		t.Fatalf("after FixCase: %v", got)
	}
	if n, err := submit.FixCase(root, "programmes/2026/Q3/VPUBND.yaml"); err != nil || n != 0 {
		t.Fatalf("again: %d, %v", n, err)
	}
	writeAt("documents/2026/vpubnd/1-tb.yaml")
	writeAt("documents/2026/VPUBND/2-tb.yaml")
	// VPUBND exists exactly: left alone (on Linux both spellings can exist), and nothing in it to rename.
	if n, err := submit.FixCase(root, "documents/2026/VPUBND/1-tb.yaml"); err != nil || n != 0 {
		t.Fatalf("exact folder: %d, %v", n, err)
	}
	if got := files(t, root, "documents"); strings.Join(got, " ") != "documents/2026/VPUBND/2-tb.yaml documents/2026/vpubnd/1-tb.yaml" {
		t.Fatalf("exact folder touched: %v", got)
	}
}
