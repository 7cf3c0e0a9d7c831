package gitrepo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// coord's push lock excludes a second push until the first releases it, and the system releases it with
// its owner (a closed file stands for a process that died).
func TestPushLock(t *testing.T) {
	dir := t.TempDir()
	release, busy, err := lockPushes(dir, 0)
	if err != nil || busy {
		t.Fatalf("first: busy %v, %v", busy, err)
	}
	if _, busy, err := lockPushes(dir, 0); err != nil || !busy {
		t.Fatalf("while held: busy %v, %v", busy, err)
	}
	release()
	release, busy, err = lockPushes(dir, 0)
	if err != nil || busy {
		t.Fatalf("after release: busy %v, %v", busy, err)
	}
	release()
}

// A branch moves only from the old value the client saw; git's lock file is consumed by the move; one left
// by a process that died is removed and the branch moves.
func TestMoveRef(t *testing.T) {
	gitDir := t.TempDir()
	name := plumbing.NewBranchReferenceName("main")
	a, b := plumbing.NewHash("1111111111111111111111111111111111111111"), plumbing.NewHash("2222222222222222222222222222222222222222")
	if st, err := moveRef(gitDir, name, zero, a); st != "ok" || err != nil {
		t.Fatalf("create: %s %v", st, err)
	}
	if st, _ := moveRef(gitDir, name, zero, b); st != "fetch first" {
		t.Fatalf("stale old value: %s", st)
	}
	lock := filepath.Join(gitDir, "refs", "heads", "main.lock")
	if err := os.WriteFile(lock, []byte(a.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := moveRef(gitDir, name, a, b); st != "ok" || err != nil {
		t.Fatalf("past an abandoned lock: %s %v", st, err)
	}
	if h, _ := readRef(gitDir, name); h != b {
		t.Fatalf("ref %s, want %s", h, b)
	}
	if _, err := os.Lstat(lock); !os.IsNotExist(err) {
		t.Fatalf("the lock file stays: %v", err)
	}
	refs, err := listRefs(gitDir)
	if err != nil || len(refs) != 1 || refs["refs/heads/main"] != b {
		t.Fatalf("refs %v %v", refs, err)
	}
}
