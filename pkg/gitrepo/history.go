package gitrepo

import (
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// openTip opens the clone at root and resolves branch (see branchTip); the caller closes the Repo.
func openTip(root, branch string) (*Repo, plumbing.Hash, error) {
	r, err := Open(root)
	if err != nil {
		return nil, zero, err
	}
	tip, err := r.branchTip(branch)
	if err != nil {
		r.Close()
		return nil, zero, err
	}
	return r, tip, nil
}

// branchTip resolves a branch: a local branch, else origin's remote-tracking branch; or a full ref name.
func (r *Repo) branchTip(branch string) (plumbing.Hash, error) {
	names := []plumbing.ReferenceName{plumbing.NewBranchReferenceName(branch), plumbing.NewRemoteReferenceName("origin", branch)}
	if strings.HasPrefix(branch, "refs/") {
		names = []plumbing.ReferenceName{plumbing.ReferenceName(branch)}
	}
	for _, n := range names {
		tip, err := r.refHash(n)
		if err != nil {
			return zero, err
		}
		if tip != zero {
			return tip, nil
		}
	}
	return zero, newErr(ErrNoBranch, "git.no_branch", branch, r.Root)
}

// step is one commit of a first-parent line.
type step struct {
	hash plumbing.Hash
	tree plumbing.Hash
	when time.Time
}

// lineWalk is the first-parent line from tip back to stop (excluded; zero: to the root), newest first, and
// whether stop was reached.
func (r *Repo) lineWalk(tip, stop plumbing.Hash) ([]step, bool, error) {
	if full := lastLine.get(r.gitDir, tip); full != nil {
		for i, s := range full {
			if s.hash == stop {
				return full[:i:i], true, nil
			}
		}
		return full, stop == zero, nil
	}
	var line []step
	for h := tip; h != zero; {
		if h == stop {
			return line, true, nil
		}
		c, err := r.commit(h)
		if err != nil {
			return nil, false, wrapGit(err)
		}
		line = append(line, step{h, c.TreeHash, c.Committer.When})
		h = zero
		if len(c.ParentHashes) > 0 {
			h = c.ParentHashes[0]
		}
	}
	lastLine.put(r.gitDir, tip, line)
	return line, stop == zero, nil
}

// lastLine is the last first-parent line walked to the root in this process, with its clone and tip: the
// history caches of one command (the first-added times, the first-seen reception days) are built on a new
// clone by walking the same line, which decoding ten years of commits once is enough for.
var lastLine lineMemo

type lineMemo struct {
	mu     sync.Mutex
	gitDir string
	tip    plumbing.Hash
	line   []step
}

func (m *lineMemo) get(gitDir string, tip plumbing.Hash) []step {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gitDir == gitDir && m.tip == tip {
		return m.line
	}
	return nil
}

func (m *lineMemo) put(gitDir string, tip plumbing.Hash, line []step) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gitDir, m.tip, m.line = gitDir, tip, line
}

// firstAdded records in out, for each path keep accepts that the line's commits add (oldest first, diffed
// from the tree prev), the commit time of the first one; paths already in out keep theirs.
func (r *Repo) firstAdded(prev plumbing.Hash, steps []step, keep func(string, bool) bool, out map[string]time.Time) error {
	return r.walkChanged(prev, steps, keep, func(s step, d diffEntry) error {
		if d.From == zero && d.To != zero {
			if _, seen := out[d.Path]; !seen {
				out[d.Path] = s.when
			}
		}
		return nil
	})
}

// walkChanged calls fn, oldest commit first, for each file keep accepts that a commit of the line changed
// (the first one diffed from the tree prev), with the commit's step.
func (r *Repo) walkChanged(prev plumbing.Hash, steps []step, keep func(string, bool) bool, fn func(s step, d diffEntry) error) error {
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		if err := r.diffTreesIn(prev, s.tree, "", keep, func(d diffEntry) error { return fn(s, d) }, nil); err != nil {
			return wrapGit(err)
		}
		prev = s.tree
	}
	return nil
}

// FirstAddedIn is FirstAdded for the files under folder ("programmes/"), kept in a cache in the clone's git
// folder (.git/coord/) and brought up to date by walking only the commits that reached the branch since:
// ten years of history are walked once per clone, not once per submission. A branch whose history was
// rewritten under the cache is walked again from its root.
func FirstAddedIn(root, branch, folder string) (map[string]time.Time, error) {
	folder, keep := under(folder)
	return cachedWalk(root, branch, "first-added-"+cacheName(folder, branch), func(r *Repo, prev plumbing.Hash, line []step, times map[string]time.Time) error {
		return r.firstAdded(prev, line, keep, times)
	})
}

// FirstSeenIn is, for each key that keys finds in the files under folder on the branch's first-parent line,
// the commit time of the first commit whose version of some file holds it: when a piece of a record (a
// reception day of a programme, say) first reached the branch, whatever file held it and whatever later
// commits did to it. keys reads one version of one file (it sees each changed file of each commit once;
// it should be cheap on files without what it looks for). The times are cached like FirstAddedIn's, in a
// cache named after name, which must change when what keys finds changes.
func FirstSeenIn(root, branch, folder, name string, keys func(path string, data []byte) []string) (map[string]time.Time, error) {
	folder, keep := under(folder)
	return cachedWalk(root, branch, "first-seen-"+name+"-"+cacheName(folder, branch), func(r *Repo, prev plumbing.Hash, line []step, times map[string]time.Time) error {
		return r.walkChanged(prev, line, keep, func(s step, d diffEntry) error {
			if d.To == zero {
				return nil
			}
			data, err := r.readBlob(d.To)
			if err != nil {
				return err
			}
			for _, k := range keys(d.Path, data) {
				if _, seen := times[k]; !seen && k != "" && !strings.ContainsAny(k, "\n\r") {
					times[k] = s.when
				}
			}
			return nil
		})
	})
}

// under is a folder without its trailing slash and the filter of diffTreesIn that keeps what lies under it.
func under(folder string) (string, func(p string, dir bool) bool) {
	folder = strings.TrimSuffix(folder, "/")
	return folder, func(p string, dir bool) bool {
		return p == folder || strings.HasPrefix(p, folder+"/") || (dir && strings.HasPrefix(folder, p+"/"))
	}
}

func cacheName(folder, branch string) string {
	return strings.NewReplacer("/", "_", "\\", "_").Replace(folder + "@" + branch)
}

// cachedWalk brings the cache of first times named name up to date with the commits that reached branch
// since the cache's tip — record walks them (line is newest first, prev the tree before the oldest) and adds
// to times — and returns the times. A branch whose history was rewritten under the cache is walked again
// from its root.
func cachedWalk(root, branch, name string, record func(r *Repo, prev plumbing.Hash, line []step, times map[string]time.Time) error) (map[string]time.Time, error) {
	r, tip, err := openTip(root, branch)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	c := readTimes(r.cachePath(name))
	if c.tip == tip {
		return c.times, nil
	}
	line, found, err := r.lineWalk(tip, c.tip)
	if err != nil {
		return nil, err
	}
	prev := zero
	if found && c.tip != zero {
		if prev, err = r.commitTree(c.tip); err != nil {
			return nil, wrapGit(err)
		}
	} else {
		c.times = map[string]time.Time{}
		if line, _, err = r.lineWalk(tip, zero); err != nil {
			return nil, err
		}
	}
	if err := record(r, prev, line, c.times); err != nil {
		return nil, err
	}
	c.tip = tip
	writeTimes(r.cachePath(name), c) // a cache: failing to write it only costs the next run a walk
	return c.times, nil
}
