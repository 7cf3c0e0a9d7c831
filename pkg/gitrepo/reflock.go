package gitrepo

import (
	"errors"
	"os"
	"time"
)

// The lock a push to a shared folder takes on the branch it moves. It is git's: refs/heads/NAME.lock,
// created exclusively, so a git-receive-pack serving the same repository (an administrator's push) and
// coord exclude each other. coord also holds an operating system lock on that file (flock; LockFileEx on
// Windows, which a Windows file server enforces) for as long as it owns it, because the server runs in
// the clerk's own process: a PC switched off in the middle of a push leaves the lock file behind, and
// git's lock file alone cannot tell an abandoned lock from a live one. A lock file that nobody holds and
// that is still there, unchanged, a moment later (staleWait) was left by a process that died, and is taken
// over — by one process only: taking it over means holding its operating system lock. A live owner holds
// that lock from just after it creates the file until the ref is written; it never writes the ref
// without holding it.

// staleWait is how long a lock file nobody holds is watched before it is taken over: far longer than
// creating a file and locking it takes, so a live owner caught between the two is never robbed.
const staleWait = time.Second

// lockRef takes the lock file at lockPath. busy is true when another push owns it (the client tries again
// after a fetch); release closes and removes it.
func lockRef(lockPath string) (release func(), busy bool, err error) {
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		for i := 0; ; i++ {
			ok, lerr := tryLockFile(f)
			if lerr != nil {
				f.Close()
				os.Remove(lockPath)
				return nil, false, lerr
			}
			if ok {
				return releaser(f, lockPath), false, nil
			}
			if i == 50 { // someone holds our new file: it is theirs now (they found it abandoned)
				f.Close()
				return nil, true, nil
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if !errors.Is(err, os.ErrExist) {
		return nil, false, err
	}
	first, ok := unheld(lockPath, nil)
	if !ok {
		return nil, true, nil
	}
	time.Sleep(staleWait)
	g, err := os.OpenFile(lockPath, os.O_RDWR, 0)
	if err != nil {
		return nil, true, nil
	}
	if ok, err := tryLockFile(g); err != nil || !ok {
		g.Close()
		return nil, true, nil
	}
	if _, same := sameLockFile(g, lockPath, first); !same {
		g.Close()
		return nil, true, nil
	}
	return releaser(g, lockPath), false, nil // abandoned: taken over, and held
}

// unheld reports whether nobody holds the lock file at lockPath now, and what it is.
func unheld(lockPath string, want os.FileInfo) (os.FileInfo, bool) {
	g, err := os.OpenFile(lockPath, os.O_RDWR, 0)
	if err != nil {
		return nil, false
	}
	defer g.Close() // releases the lock taken to look
	if ok, err := tryLockFile(g); err != nil || !ok {
		return nil, false
	}
	return sameLockFile(g, lockPath, want)
}

// sameLockFile reports whether the open file g is still the file at lockPath, and (want not nil) the file
// seen before, unchanged.
func sameLockFile(g *os.File, lockPath string, want os.FileInfo) (os.FileInfo, bool) {
	st, err := g.Stat()
	if err != nil {
		return nil, false
	}
	cur, err := os.Lstat(lockPath)
	if err != nil || !os.SameFile(st, cur) {
		return nil, false
	}
	if want != nil && (!os.SameFile(st, want) || !st.ModTime().Equal(want.ModTime()) || st.Size() != want.Size()) {
		return nil, false
	}
	return st, true
}

// releaser closes the lock file, which releases the operating system lock, then removes it. A removal
// that fails (on Windows, another process looking at it) leaves a file nobody holds, which the next push
// takes over after staleWait.
func releaser(f *os.File, lockPath string) func() {
	return func() {
		f.Close()
		os.Remove(lockPath)
	}
}
