package gitrepo_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// A submission that renames programmes/2026/q3/vpubnd.yaml to programmes/2026/Q3/VPUBND.yaml removes the old
// name from the commit and the index. On a case-insensitive file system both names are one file, which must
// stay on disk: a hard link stands for that on Linux (two names, one file), and the old name is not deleted.
// Without the link (Linux's case-sensitive names) the old file is deleted.
func TestRenameKeepsOneFileUnderTwoSpellings(t *testing.T) {
	for _, linked := range []bool{true, false} {
		bare, clone := setup(t)
		oldRel, newRel := "programmes/2026/q3/vpubnd.yaml", "programmes/2026/Q3/VPUBND.yaml"
		oldFull, newFull := filepath.Join(clone, filepath.FromSlash(oldRel)), filepath.Join(clone, filepath.FromSlash(newRel))
		for _, d := range []string{filepath.Dir(oldFull), filepath.Dir(newFull)} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		content := "kind: programme\noffice: VPUBND\n"
		if err := os.WriteFile(oldFull, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if linked {
			if err := os.Link(oldFull, newFull); err != nil {
				t.Skipf("no hard links here: %v", err)
			}
		}
		s := submission(map[string]string{newRel: content}, msg("programme", "VPUBND", "2026-Q3"))
		s.Files[oldRel] = nil
		if _, err := gitrepo.Submit(context.Background(), clone, s); err != nil {
			t.Fatalf("linked=%v: %v", linked, err)
		}
		_, err := os.Lstat(oldFull)
		if linked && err != nil {
			t.Errorf("the file under its other spelling was deleted: %v", err)
		}
		if !linked && !os.IsNotExist(err) {
			t.Errorf("the old file stays on a case-sensitive file system: %v", err)
		}
		if got := gittest.Run(t, clone, nil, "ls-files", "programmes"); got != newRel {
			t.Errorf("linked=%v: index %q", linked, got)
		}
		if got := gittest.Run(t, bare, nil, "ls-tree", "-r", "--name-only", "main", "programmes"); got != newRel {
			t.Errorf("linked=%v: server %q", linked, got)
		}
	}
}
