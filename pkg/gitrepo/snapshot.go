package gitrepo

import (
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// Snapshot is a read-only view of the files committed at the tip of a branch, read from the object store
// (no worktree, no index): what the server holds once the branch is pushed.
type Snapshot struct {
	r    *Repo
	tree plumbing.Hash
	Tip  string // the commit
}

// Blob is one file of a snapshot.
type Blob struct {
	Path string // slash path from the repo root
	Hash string // its git blob hash
}

// OpenSnapshot opens the tip of branch (a local branch, else origin's remote-tracking one). Close it.
func OpenSnapshot(root, branch string) (*Snapshot, error) {
	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	tip, err := r.branchTip(branch)
	if err != nil {
		r.Close()
		return nil, err
	}
	tree, err := r.commitTree(tip)
	if err != nil {
		r.Close()
		return nil, wrapGit(err)
	}
	return &Snapshot{r: r, tree: tree, Tip: tip.String()}, nil
}

// Close releases the object store.
func (s *Snapshot) Close() error { return s.r.Close() }

// Blobs lists the files under folder ("documents/2026"), at any depth, in path order; none when the folder
// does not exist.
func (s *Snapshot) Blobs(folder string) ([]Blob, error) {
	folder = strings.Trim(folder, "/")
	h := s.tree
	if folder != "" {
		var err error
		if h, err = s.r.lookupTree(s.tree, folder); err != nil || h == zero {
			return nil, err
		}
	}
	var out []Blob
	var walk func(h plumbing.Hash, prefix string) error
	walk = func(h plumbing.Hash, prefix string) error {
		entries, err := s.r.treeEntries(h)
		if err != nil {
			return wrapGit(err)
		}
		for _, e := range entries {
			p := path.Join(prefix, e.Name)
			switch {
			case e.Mode == filemode.Dir:
				if err := walk(e.Hash, p); err != nil {
					return err
				}
			case e.Mode.IsFile():
				out = append(out, Blob{Path: p, Hash: e.Hash.String()})
			}
		}
		return nil
	}
	return out, walk(h, folder)
}

// Read returns a blob's content.
func (s *Snapshot) Read(hash string) ([]byte, error) {
	b, err := s.r.readBlob(plumbing.NewHash(hash))
	return b, wrapGit(err)
}

// lookupTree returns the tree at folder p in tree root (zero when absent).
func (r *Repo) lookupTree(root plumbing.Hash, p string) (plumbing.Hash, error) {
	cur := root
	for _, name := range strings.Split(p, "/") {
		entries, err := r.treeEntries(cur)
		if err != nil {
			return zero, wrapGit(err)
		}
		next := zero
		for _, e := range entries {
			if e.Name == name && e.Mode == filemode.Dir {
				next = e.Hash
				break
			}
		}
		if next == zero {
			return zero, nil
		}
		cur = next
	}
	return cur, nil
}
