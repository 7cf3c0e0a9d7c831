package gitrepo

import (
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// FirstAdded returns, for every file on branch, the committer time of the first commit on the branch's
// first-parent line that added it (a file deleted and added again keeps its first time; a file that came
// in through a merge counts from the merge commit, when it reached the branch). One pass: the first-parent
// line is walked once and each commit is diffed against its parent once, skipping equal subtrees, so the
// cost is the size of the history's changes, not files × commits. branch is a short name (main), looked up
// as a local branch, then as origin's remote-tracking branch; or a full ref name.
func FirstAdded(root, branch string) (map[string]time.Time, error) {
	return FirstAddedOf(root, branch, nil)
}

// FirstAddedOf is FirstAdded for the given paths only (all when paths is nil): the walk enters only the
// folders that lead to them, so a submission looks up its own records without listing the whole repo.
func FirstAddedOf(root, branch string, paths []string) (map[string]time.Time, error) {
	var keep func(string, bool) bool
	if paths != nil {
		want := map[string]bool{}
		for _, p := range paths {
			want[p] = true
			for d := p; strings.Contains(d, "/"); {
				d = d[:strings.LastIndexByte(d, '/')]
				want[d] = true
			}
		}
		keep = func(p string, _ bool) bool { return want[p] }
	}
	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	tip := zero
	names := []plumbing.ReferenceName{plumbing.NewBranchReferenceName(branch), plumbing.NewRemoteReferenceName("origin", branch)}
	if strings.HasPrefix(branch, "refs/") {
		names = []plumbing.ReferenceName{plumbing.ReferenceName(branch)}
	}
	for _, n := range names {
		if tip, err = r.refHash(n); err != nil {
			return nil, err
		}
		if tip != zero {
			break
		}
	}
	if tip == zero {
		return nil, newErr(ErrNoBranch, "git.no_branch", branch, r.Root)
	}
	type step struct {
		tree plumbing.Hash
		when time.Time
	}
	var line []step
	for h := tip; h != zero; {
		c, err := r.commit(h)
		if err != nil {
			return nil, wrapGit(err)
		}
		line = append(line, step{c.TreeHash, c.Committer.When})
		h = zero
		if len(c.ParentHashes) > 0 {
			h = c.ParentHashes[0]
		}
	}
	out := map[string]time.Time{}
	prev := zero
	for i := len(line) - 1; i >= 0; i-- {
		s := line[i]
		err := r.diffTreesIn(prev, s.tree, "", keep, func(d diffEntry) error {
			if d.From == zero && d.To != zero {
				if _, seen := out[d.Path]; !seen {
					out[d.Path] = s.when
				}
			}
			return nil
		}, nil)
		if err != nil {
			return nil, wrapGit(err)
		}
		prev = s.tree
	}
	return out, nil
}
