package gitrepo

import (
	"context"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// DefaultLockWait bounds how long a coord process waits for another one working on the same clone.
const DefaultLockWait = 3 * time.Minute

// lock takes .git/coord.lock (an OS file lock: released by the kernel when a process dies, so a killed
// coord never leaves the clone locked). When another process holds it, onWait is called once and the
// lock is retried until wait has passed.
func (r *Repo) lock(ctx context.Context, wait time.Duration, onWait func()) (func(), error) {
	if wait <= 0 {
		wait = DefaultLockWait
	}
	fl := flock.New(filepath.Join(r.gitDir, "coord.lock"))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, wrapGit(err)
	}
	if !ok {
		if onWait != nil {
			onWait()
		}
		wctx, cancel := context.WithTimeout(ctx, wait)
		defer cancel()
		ok, err = fl.TryLockContext(wctx, 50*time.Millisecond)
		if !ok || err != nil {
			return nil, newErr(ErrLocked, "git.locked", wait.Round(time.Second).String())
		}
	}
	return func() { _ = fl.Unlock() }, nil
}
