package gitrepo

import (
	"context"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// SyncOptions configure Sync.
type SyncOptions struct {
	Remote, Branch string // default origin, main
	Auth           Auth
	Retries        int
	LockWait       time.Duration
	OnWait         func()
	Timeout        time.Duration
}

// SyncResult says what Sync did.
type SyncResult struct {
	Pending   int      // local submissions that were waiting to be pushed
	Pushed    int      // of those, pushed now (the others were already on the server)
	Updated   []string // paths brought into the worktree from the server
	Dropped   []string // commits once fetched that the server no longer holds (its history was rewritten): dropped here
	Commit    string   // the branch tip afterwards
	Retries   int
	RemoteURL string
}

// Sync brings the clone up to date with the server: fetch, rebuild the pending local submissions (commits
// ahead of the server carrying a Coord-Kind trailer) on the server's tip, update the worktree where the
// server changed it (refusing when those files have local edits), and push the submissions.
func Sync(ctx context.Context, root string, o SyncOptions) (*SyncResult, error) {
	s := Submission{Remote: o.Remote, Branch: o.Branch, Retries: o.Retries, Timeout: o.Timeout}
	s.defaults()
	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	c, err := r.dialRemote(s.Remote, o.Auth)
	if err != nil {
		return nil, err
	}
	res := &SyncResult{RemoteURL: c.host()}
	unlock, err := r.lock(ctx, o.LockWait, o.OnWait)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := r.checkBranch(s.Branch); err != nil {
		return nil, err
	}
	idx, err := r.readIndex()
	if err != nil {
		return nil, wrapGit(err)
	}
	ref := plumbing.NewBranchReferenceName(s.Branch)
	local, err := r.refHash(ref)
	if err != nil {
		return nil, err
	}
	// What this clone last knew of the server, before the fetch: which local commits came from it.
	tracking, err := r.refHash(plumbing.NewRemoteReferenceName(s.Remote, s.Branch))
	if err != nil {
		return nil, err
	}
	if err := r.seedPending(local, s.Remote, s.Branch); err != nil {
		return nil, wrapGit(err)
	}
	fctx, cancel := context.WithTimeout(ctx, s.Timeout)
	tips, err := r.fetch(fctx, c, s.Remote, []string{s.Branch})
	cancel()
	if err != nil {
		return nil, err
	}
	rtip := tips[s.Branch]
	chain, _, err := r.pendingChain(local, rtip)
	if err != nil {
		return nil, err
	}
	chain, dropped, err := r.ownChain(chain, local, tracking)
	if err != nil {
		return nil, err
	}
	res.Dropped = droppedText(dropped)
	res.Pending = len(chain)
	newTip, toPush := local, len(chain)
	if rtip != zero {
		var newOf map[plumbing.Hash]plumbing.Hash
		newTip, newOf, err = r.replay(chain, rtip)
		if err != nil {
			return nil, err
		}
		toPush = 0
		for _, n := range newOf {
			if n != zero {
				toPush++
			}
		}
		if err := r.updatePending(newOf, false); err != nil {
			return nil, wrapGit(err)
		}
	}
	if newTip != local {
		updated, err := r.moveBranch(idx, s.Branch, local, newTip, nil)
		if err != nil {
			return nil, err
		}
		res.Updated = updated
	}
	res.Commit = newTip.String()
	if newTip == rtip || newTip == zero {
		return res, nil
	}
	sub := &Result{}
	err = r.pushLoop(ctx, c, s.Remote, s.Branch, s.Retries, s.Timeout, idx, nil, zero, rtip, nil, sub)
	res.Dropped = append(res.Dropped, sub.Dropped...)
	res.Retries = sub.Retries
	res.Updated = mergeSorted(res.Updated, sub.Updated)
	if sub.Commit != "" {
		res.Commit = sub.Commit
	}
	if err == nil {
		res.Pushed = toPush
	}
	return res, err
}
