package datarepo_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/record"
)

// walkedNumbers is the truth: every document and conclusion under folders in the worktree, decoded.
func walkedNumbers(t *testing.T, dir string, folders []string) []string {
	t.Helper()
	var out []string
	for _, folder := range folders {
		filepath.WalkDir(filepath.Join(dir, folder), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !datarepo.IsRecordName(d.Name()) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			f := record.Decode(filepath.ToSlash(rel), b, nil)
			switch v := f.Value.(type) {
			case *record.Document:
				out = append(out, fmt.Sprintf("%s %s %s %s %d", f.Path, v.Number, v.Type, v.Date, f.Pos("number").Line))
			case *record.Conclusion:
				out = append(out, fmt.Sprintf("%s %s  %s %d", f.Path, v.Number, v.Issued, f.Pos("number").Line))
			}
			return nil
		})
	}
	sort.Strings(out)
	return out
}

func cachedNumbers(t *testing.T, dir string, folders []string) []string {
	t.Helper()
	snap, err := gitrepo.OpenSnapshot(dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	uses, err := datarepo.CommittedNumbers(snap, folders, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, u := range uses {
		out = append(out, fmt.Sprintf("%s %s %s %s %d", u.Path, u.Number, u.Type, u.Date, u.Line))
		if f := u.File(); f.Pos("number").Line != u.Line || f.Kind != u.Kind {
			t.Errorf("%s: File() does not stand for the use", u.Path)
		}
	}
	sort.Strings(out)
	return out
}

// TestCommittedNumbers: through a cold cache, a warm one, files added, changed and removed in some folders,
// a damaged cache and one deleted, the numbers are those of decoding every committed record.
func TestCommittedNumbers(t *testing.T) {
	gittest.Git(t)
	dir := t.TempDir()
	gittest.Run(t, dir, nil, "init", "-q", "-b", "main")
	write := func(p, s string) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(msg string) {
		gittest.Run(t, dir, nil, "add", "-A")
		gittest.Run(t, dir, nil, "commit", "-q", "-m", msg)
	}
	doc := func(n int, issuer, date string) string {
		return fmt.Sprintf("kind: document\nnumber: %d/TB-%s\ntype: TB\ndate: %s\nissuer: %s\nsummary: S\n", n, issuer, date, issuer)
	}
	write("coord.yaml", "kind: settings\n")
	for i := 1; i <= 30; i++ {
		write(fmt.Sprintf("documents/2025/VPUBND/%d.yaml", i), doc(i, "UBND", "2025-03-01"))
		write(fmt.Sprintf("documents/2026/VPTU/%d.yaml", i), doc(i, "TU", "2026-04-01"))
	}
	write("documents/2026/VPTU/scan.pdf", "%PDF-1.4 not a record")
	write("documents/2026/VPTU/broken.yaml", "kind: [unclosed\n")
	write("documents/2026/VPTU/tab\tname.yaml", doc(99, "TU", "2026-04-02"))
	write("conclusions/2026/VPTU/kl.yaml", "kind: conclusion\nnumber: \"12-TB/TU\"\noffice: VPTU\nmeeting: {date: 2026-05-01}\nissued: 2026-05-02\n")
	write("petitions/2026/VPTU/p.yaml", "kind: petition\n")
	commit("c1")
	folders := []string{"conclusions/2026", "documents/2025", "documents/2026"}
	same := func(step string) {
		t.Helper()
		got, want := cachedNumbers(t, dir, folders), walkedNumbers(t, dir, folders)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\ncached %q\nwalked %q", step, got, want)
		}
		if len(want) < 60 {
			t.Fatalf("%s: only %d numbers", step, len(want))
		}
	}
	same("cold")
	same("warm")
	cache, _ := gitrepo.CacheDir(dir)
	file := filepath.Join(cache, "numbers-v1", "d-documents%2F2025%2FVPUBND")
	if _, err := os.Stat(file); err != nil {
		t.Fatal("no cache written")
	}
	write("documents/2026/VPTU/3.yaml", doc(300, "TU", "2026-04-03"))   // changed
	os.Remove(filepath.Join(dir, "documents/2026/VPTU/4.yaml"))         // removed
	write("documents/2026/VPDBHD/1.yaml", doc(1, "HDND", "2026-05-01")) // a new folder
	commit("c2")
	same("after changes")
	// Planted: a wrong number for an unchanged file, under the tree hash it has — the cache is believed
	// for what its hashes name; then a damaged file, which is thrown away.
	b, _ := os.ReadFile(file)
	planted := strings.Replace(string(b), "\t1/TB-UBND\t", "\t999/TB-UBND\t", 1)
	os.WriteFile(file, []byte(planted), 0o644)
	if got := cachedNumbers(t, dir, []string{"documents/2025"}); !strings.Contains(strings.Join(got, "\n"), "999/TB-UBND") {
		t.Fatal("the cache was not used for an unchanged folder")
	}
	os.WriteFile(file, []byte("coord numbers v1\nf\tx\n"), 0o644)
	same("after damage of the header")
	b, _ = os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(b), "\tdocument\t", "\tdocument\tx\t", 1)), 0o644)
	same("after damage of a line")
	os.RemoveAll(filepath.Dir(file))
	same("after removal")
}
