package gitrepo

import (
	"context"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// Functions the tests of gitrepo_test use and coord does not: they stay out of the binary.

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
	r, tip, err := openTip(root, branch)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	line, _, err := r.lineWalk(tip, zero)
	if err != nil {
		return nil, err
	}
	out := map[string]time.Time{}
	if err := r.firstAdded(zero, line, keep, out); err != nil {
		return nil, err
	}
	return out, nil
}

// CommitPaths commits files (nil content deletes the path; records get LF line ends, other files are
// committed byte for byte) on the branch HEAD is on, with the same
// machinery as Submit and without pushing: for commands that write records (approve, issue). message
// should carry a Coord-Kind trailer so that Sync pushes the commit later. It returns the new commit ("" when
// nothing changed).
func CommitPaths(root string, files map[string][]byte, message string, author Author) (string, error) {
	files, _, err := prepareFiles(files)
	if err != nil {
		return "", err
	}
	r, err := Open(root)
	if err != nil {
		return "", err
	}
	defer r.Close()
	unlock, err := r.lock(context.Background(), 0, nil)
	if err != nil {
		return "", err
	}
	defer unlock()
	branch, err := r.headBranch()
	if err != nil {
		return "", err
	}
	if branch == "" {
		return "", newErr(ErrWrongBranch, "git.wrong_branch", "HEAD", "main")
	}
	idx, err := r.readIndex()
	if err != nil {
		return "", wrapGit(err)
	}
	prev, err := r.refHash(plumbing.NewBranchReferenceName(branch))
	if err != nil {
		return "", err
	}
	if author.When.IsZero() {
		author.When = time.Now()
	}
	if err := author.Check(); err != nil {
		return "", err
	}
	if err := r.seedPending(prev, "origin", branch); err != nil {
		return "", wrapGit(err)
	}
	tip, _, err := r.commitFiles(idx, branch, prev, files, author, message)
	if err != nil || tip == prev {
		return "", err
	}
	return tip.String(), nil
}

// Changes is Reader.Changes on a clone opened for it.
func Changes(root, base, head string) ([]Change, error) {
	x, err := OpenReader(root)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	return x.Changes(base, head)
}

// KeptDir and KeptMax: where ReadKept keeps objects below the clone's cache folder, and how many.
const (
	KeptDir = keptDir
	KeptMax = keptMax
)
