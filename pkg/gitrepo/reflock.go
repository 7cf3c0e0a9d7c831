package gitrepo

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// How a push to a shared folder moves a branch. git's protocol: refs/heads/NAME.lock is created exclusively,
// the ref is read under it and compared with the old value the client saw, the new value is written into
// the lock file, which is then renamed over the ref — so a git-receive-pack serving the same repository (an
// administrator's push) and coord exclude each other, and a lock file disappears in the very rename that
// moves the branch.
//
// The server runs in the clerk's own process, so a PC switched off in the middle of a push can leave the
// lock file behind (never a moved branch with its lock: the rename consumes it), and git's lock file
// cannot tell an abandoned lock from a live one; git asks for it to be deleted by hand. coord's pushes
// therefore first take an operating system lock on a permanent file of the repository, coord-push.lock
// (flock; LockFileEx on Windows, which a Windows file server enforces for all its clients), which the
// system releases when its owner dies. Holding it, a push knows that any git lock file is either a git
// process's, held for milliseconds, or abandoned: one that stays, unchanged, for staleWait is removed.

// pushLockWait bounds the wait for another coord push to the same folder (which holds its lock for
// milliseconds) before the client is told to try again.
const pushLockWait = 2 * time.Second

// staleWait is how long a git lock file must stay unchanged, while coord's push lock is held, to be taken
// for abandoned: far longer than git holds one.
const staleWait = time.Second

// lockPushes takes coord's push lock of the repository at gitDir, waiting up to wait; busy when another
// push still holds it. release gives it back.
func lockPushes(gitDir string, wait time.Duration) (release func(), busy bool, err error) {
	f, err := os.OpenFile(filepath.Join(gitDir, "coord-push.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, err
	}
	deadline := time.Now().Add(wait)
	for {
		ok, err := tryLockFile(f)
		if err != nil {
			f.Close()
			return nil, false, err
		}
		if ok {
			return func() { f.Close() }, false, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, true, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// takeRefLock creates git's lock file at lockPath, as git does, with coord's push lock held. A lock file
// already there is a git process's (waited for) or abandoned (removed once it has stayed unchanged for
// staleWait). busy when it cannot be had within a few seconds.
func takeRefLock(lockPath string) (*os.File, bool, error) {
	var seen os.FileInfo
	var since time.Time
	start := time.Now()
	for time.Since(start) < 3*staleWait {
		f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return f, false, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, false, err
		}
		st, err := os.Lstat(lockPath)
		switch {
		case errors.Is(err, os.ErrNotExist):
			seen = nil
			continue // released meanwhile
		case err != nil:
			return nil, false, err
		case seen == nil || !os.SameFile(st, seen) || !st.ModTime().Equal(seen.ModTime()) || st.Size() != seen.Size():
			seen, since = st, time.Now()
		case time.Since(since) >= staleWait:
			// Unchanged while watched: left by a process that died. No other coord push can be here (the
			// push lock), and git cannot create a new one while this one exists, so it is this one removed.
			if err := os.Remove(lockPath); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, true, nil
			}
			seen = nil
			continue
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil, true, nil
}

// moveRef moves the branch name of the repository at gitDir from old to new (git's protocol above). The
// status is "ok", or what the client reads as "fetch first and try again": the branch moved, or the lock
// could not be had.
func moveRef(gitDir string, name plumbing.ReferenceName, old, new plumbing.Hash) (string, error) {
	refPath := filepath.Join(gitDir, filepath.FromSlash(name.String()))
	if err := os.MkdirAll(filepath.Dir(refPath), 0o755); err != nil {
		return "", err
	}
	release, busy, err := lockPushes(gitDir, pushLockWait)
	if err != nil {
		return "", err
	}
	if busy {
		return "failed to lock", nil
	}
	defer release()
	lockPath := refPath + ".lock"
	f, busy, err := takeRefLock(lockPath)
	if err != nil {
		return "", err
	}
	if busy {
		return "failed to lock", nil
	}
	abandon := func() {
		f.Close()
		os.Remove(lockPath)
	}
	cur, err := readRef(gitDir, name)
	if err != nil {
		abandon()
		return "", err
	}
	if cur != old {
		abandon()
		return "fetch first", nil
	}
	_, err = f.WriteString(new.String() + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(lockPath)
		return "", err
	}
	if err := os.Rename(lockPath, refPath); err != nil {
		os.Remove(lockPath)
		return "failed to update ref", nil // on Windows, a reader holding the ref open: the client tries again
	}
	return "ok", nil
}
