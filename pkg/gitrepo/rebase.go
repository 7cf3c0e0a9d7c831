package gitrepo

import (
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Rebuilding local submissions on top of the server's branch, and moving the worktree along.

// maxWalk bounds history walks that look for where two lines of history meet.
const maxWalk = 200000

// pendingChain returns the commits on local's first-parent line that remote's lacks, oldest first, and the
// commit where the two lines meet. Both lines are walked in turn, so the cost is the distance to that commit.
func (r *Repo) pendingChain(local, remote plumbing.Hash) ([]*object.Commit, plumbing.Hash, error) {
	var chain []*object.Commit
	seenL := map[plumbing.Hash]int{}
	seenR := map[plumbing.Hash]bool{}
	a, b := local, remote
	parent := func(c *object.Commit) plumbing.Hash {
		if len(c.ParentHashes) == 0 {
			return zero
		}
		return c.ParentHashes[0]
	}
	for steps := 0; a != zero || b != zero; steps++ {
		if steps > maxWalk {
			break
		}
		if a != zero {
			if seenR[a] {
				return reverse(chain), a, nil
			}
			seenL[a] = len(chain)
			c, err := r.commit(a)
			if err != nil {
				return nil, zero, wrapGit(err)
			}
			chain = append(chain, c)
			a = parent(c)
		}
		if b != zero {
			if i, ok := seenL[b]; ok {
				return reverse(chain[:i]), b, nil
			}
			seenR[b] = true
			c, err := r.commit(b)
			if err != nil {
				return nil, zero, wrapGit(err)
			}
			b = parent(c)
		}
	}
	if remote == zero {
		return reverse(chain), zero, nil
	}
	return nil, zero, newErr(ErrGit, "git.unrelated")
}

func reverse(cs []*object.Commit) []*object.Commit {
	out := make([]*object.Commit, len(cs))
	for i, c := range cs {
		out[len(cs)-1-i] = c
	}
	return out
}

// replay re-applies each commit of chain (oldest first) on top of onto: the files it changed, taken from
// its own diff. A file the server already holds as the commit wrote it is skipped (a submission that landed
// before a crash is not applied twice); a file the server changed otherwise is a conflict: another
// submission's work is never overwritten. Authors, messages and times are kept.
func (r *Repo) replay(chain []*object.Commit, onto plumbing.Hash) (plumbing.Hash, map[plumbing.Hash]plumbing.Hash, error) {
	newOf := map[plumbing.Hash]plumbing.Hash{}
	cur := onto
	curTree, err := r.commitTree(onto)
	if err != nil {
		return zero, nil, wrapGit(err)
	}
	for _, c := range chain {
		if len(c.ParentHashes) != 1 || Trailer(c.Message, KindTrailer) == "" {
			return zero, nil, newErr(ErrForeignCommits, "git.foreign_commit", c.Hash.String()[:10], subject(c.Message))
		}
		ptree, err := r.commitTree(c.ParentHashes[0])
		if err != nil {
			return zero, nil, wrapGit(err)
		}
		changes := map[string]change{}
		var conflicts []string
		err = r.diffTrees(ptree, c.TreeHash, "", func(d diffEntry) error {
			now, err := r.lookup(curTree, d.Path)
			if err != nil {
				return err
			}
			switch now {
			case d.To:
			case d.From:
				changes[d.Path] = change{Blob: d.To, Del: d.To == zero}
			default:
				conflicts = append(conflicts, d.Path)
			}
			return nil
		}, nil)
		if err != nil {
			return zero, nil, wrapGit(err)
		}
		if len(conflicts) > 0 {
			e := newErr(ErrConflict, "git.conflict", strings.Join(conflicts, ", "), subject(c.Message))
			e.Paths, e.commit = conflicts, c.Hash
			return zero, nil, e
		}
		if len(changes) == 0 {
			newOf[c.Hash] = zero // already on the server
			continue
		}
		nt, err := r.applyTree(curTree, changes, true)
		if err != nil {
			return zero, nil, wrapGit(err)
		}
		if err := r.verifyOnly(curTree, nt, changes); err != nil {
			return zero, nil, err
		}
		nc, err := r.writeCommit(nt, []plumbing.Hash{cur},
			Author{c.Author.Name, c.Author.Email, c.Author.When},
			Author{c.Committer.Name, c.Committer.Email, c.Committer.When}, c.Message)
		if err != nil {
			return zero, nil, wrapGit(err)
		}
		newOf[c.Hash] = nc
		cur, curTree = nc, nt
	}
	return cur, newOf, nil
}

// verifyOnly checks that the change from tree a to tree b touches exactly the paths of changes.
func (r *Repo) verifyOnly(a, b plumbing.Hash, changes map[string]change) error {
	var stray []string
	err := r.diffTrees(a, b, "", func(d diffEntry) error {
		if _, ok := changes[d.Path]; !ok {
			stray = append(stray, d.Path)
		}
		return nil
	}, nil)
	if err != nil {
		return wrapGit(err)
	}
	if len(stray) > 0 {
		return newErr(ErrGit, "git.stray", strings.Join(stray, ", "))
	}
	return nil
}

func subject(msg string) string {
	s, _, _ := strings.Cut(strings.TrimSpace(msg), "\n")
	return s
}

// treeDiff lists the files that differ between the trees of two commits.
func (r *Repo) treeDiff(from, to plumbing.Hash) ([]diffEntry, error) {
	ta, err := r.commitTree(from)
	if err != nil {
		return nil, wrapGit(err)
	}
	tb, err := r.commitTree(to)
	if err != nil {
		return nil, wrapGit(err)
	}
	var out []diffEntry
	err = r.diffTrees(ta, tb, "", func(d diffEntry) error { out = append(out, d); return nil }, nil)
	return out, wrapGit(err)
}

// moveBranch brings the worktree, the index and the branch from commit from to commit to, touching only
// the files that differ between them. It refuses, before changing anything, when one of those files has
// local edits (skip: paths whose worktree content is known to be ours). It returns the paths updated.
func (r *Repo) moveBranch(idx *idxFile, branch string, from, to plumbing.Hash, skip map[string]bool) ([]string, error) {
	diffs, err := r.treeDiff(from, to)
	if err != nil {
		return nil, err
	}
	dirty, err := r.dirtyPaths(idx, diffs, skip)
	if err != nil {
		return nil, wrapGit(err)
	}
	if len(dirty) > 0 {
		e := newErr(ErrLocalEdits, "git.local_edits", strings.Join(dirty, ", "))
		e.Paths = dirty
		return nil, e
	}
	if err := r.checkout(idx, diffs); err != nil {
		return nil, wrapGit(err)
	}
	if err := idx.write(r.gitDir); err != nil {
		return nil, wrapGit(err)
	}
	if err := r.setRef(plumbing.NewBranchReferenceName(branch), to); err != nil {
		return nil, wrapGit(err)
	}
	paths := make([]string, 0, len(diffs))
	for _, d := range diffs {
		paths = append(paths, d.Path)
	}
	sort.Strings(paths)
	return paths, nil
}
