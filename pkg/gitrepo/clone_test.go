package gitrepo_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// Clone fetches through coord's own connection code: an empty server and a missing branch keep their
// sentences, and a failed clone leaves no folder (and empties a folder it did not create).
func TestCloneEmptyRemoteAndMissingBranch(t *testing.T) {
	root := t.TempDir()
	empty := gittest.NewBare(t, root, "empty.git")
	dir := filepath.Join(t.TempDir(), "c")
	if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(empty), dir, gitrepo.Auth{}, "main"); !errors.Is(err, gitrepo.ErrEmptyRemote) {
		t.Fatalf("empty server: want ErrEmptyRemote, got %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("a failed clone left its folder")
	}
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	existing := t.TempDir()
	_, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), existing, gitrepo.Auth{}, "ban-hanh")
	if !errors.Is(err, gitrepo.ErrNoBranch) {
		t.Fatalf("missing branch: want ErrNoBranch, got %v", err)
	}
	if ents, _ := os.ReadDir(existing); len(ents) != 0 {
		t.Fatalf("a failed clone into an empty folder left %d entries", len(ents))
	}
}
