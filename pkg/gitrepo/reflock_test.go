package gitrepo

import (
	"os"
	"path/filepath"
	"testing"
)

// A branch's lock file: owned by one push at a time; a lock file a live process holds is never taken; one
// left by a process that died (nobody holds it, unchanged while watched) is taken over; git's own
// exclusive creation still excludes a second owner.
func TestRefLock(t *testing.T) {
	lock := filepath.Join(t.TempDir(), "main.lock")
	release, busy, err := lockRef(lock)
	if err != nil || busy {
		t.Fatalf("first: busy %v, %v", busy, err)
	}
	if _, busy, err := lockRef(lock); err != nil || !busy {
		t.Fatalf("while held: busy %v, %v", busy, err)
	}
	release()
	if _, err := os.Lstat(lock); !os.IsNotExist(err) {
		t.Fatalf("released lock file stays: %v", err)
	}

	// Left behind by a process that died: the file exists, nobody holds it.
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	release, busy, err = lockRef(lock)
	if err != nil || busy {
		t.Fatalf("abandoned lock not taken over: busy %v, %v", busy, err)
	}
	if _, busy, _ := lockRef(lock); !busy {
		t.Fatal("a lock taken over is not held")
	}
	release()

	// Held by a live process (another open file holding the operating system lock): never taken.
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	live, err := os.OpenFile(lock, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := tryLockFile(live); !ok || err != nil {
		t.Fatalf("tryLockFile: %v %v", ok, err)
	}
	if _, busy, err := lockRef(lock); err != nil || !busy {
		t.Fatalf("a live lock was taken: busy %v, %v", busy, err)
	}
	live.Close()
}
