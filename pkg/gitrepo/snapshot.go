package gitrepo

import (
	"path/filepath"

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

// CacheDir is where coord keeps its caches for this clone (see the function CacheDir).
func (s *Snapshot) CacheDir() string { return filepath.Join(s.r.gitDir, "coord") }

// OpenSnapshot opens the tip of branch (a local branch, else origin's remote-tracking one). Close it.
func OpenSnapshot(root, branch string) (*Snapshot, error) {
	r, tip, err := openTip(root, branch)
	if err != nil {
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

// Entry is one entry of a tree: a file (blob) or a folder (tree).
type Entry struct {
	Name string
	Hash string
	Dir  bool
}

// Root is the hash of the snapshot's root tree.
func (s *Snapshot) Root() string { return s.tree.String() }

// Tree lists the files and folders of the tree with the given hash (other entries, such as submodules, are
// left out).
func (s *Snapshot) Tree(hash string) ([]Entry, error) {
	entries, err := s.r.treeEntries(plumbing.NewHash(hash))
	if err != nil {
		return nil, wrapGit(err)
	}
	out := make([]Entry, 0, len(entries))
	for _, e := range entries {
		switch {
		case e.Mode == filemode.Dir:
			out = append(out, Entry{Name: e.Name, Hash: e.Hash.String(), Dir: true})
		case e.Mode.IsFile():
			out = append(out, Entry{Name: e.Name, Hash: e.Hash.String()})
		}
	}
	return out, nil
}

// Read returns a blob's content.
func (s *Snapshot) Read(hash string) ([]byte, error) {
	b, err := s.r.readBlob(plumbing.NewHash(hash))
	return b, wrapGit(err)
}
