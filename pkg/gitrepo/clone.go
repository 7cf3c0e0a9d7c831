package gitrepo

import (
	"context"
	"errors"
	"io/fs"
	"os"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// CloneResult says what Clone did.
type CloneResult struct {
	Dir       string
	Branch    string
	Commit    string
	Files     int
	RemoteURL string // as stored in the clone's config: never with credentials
}

// Clone makes the first copy of the data repo on a clerk's PC: branch only, checked out into dir (which
// must not exist or be empty). Credentials written into the URL (https://user:token@host/…) are used for
// this clone and never stored; the clone's config keeps the URL without them. A failed clone leaves no
// folder behind.
func Clone(ctx context.Context, rawURL, dir string, a Auth, branch string) (*CloneResult, error) {
	if branch == "" {
		branch = "main"
	}
	c, err := dial(rawURL, a)
	if err != nil {
		return nil, err
	}
	created := false
	if ents, err := os.ReadDir(dir); err == nil {
		if len(ents) > 0 {
			return nil, newErr(ErrDirNotEmpty, "git.dir_not_empty", dir)
		}
	} else if errors.Is(err, fs.ErrNotExist) {
		created = true
	} else {
		return nil, wrapGit(err)
	}
	repo, err := git.PlainCloneContext(ctx, dir, false, &git.CloneOptions{
		URL:           c.url,
		Auth:          c.auth,
		ReferenceName: plumbing.NewBranchReferenceName(branch),
		SingleBranch:  true,
		Tags:          git.NoTags,
	})
	if err != nil {
		cleanup(dir, created)
		if errors.Is(err, git.NoMatchingRefSpecError{}) || errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil, newErr(ErrNoBranch, "git.no_branch", branch, c.host())
		}
		return nil, c.classify(err)
	}
	head, err := repo.Head()
	if err != nil {
		cleanup(dir, created)
		return nil, wrapGit(err, c.secrets...)
	}
	res := &CloneResult{Dir: dir, Branch: branch, Commit: head.Hash().String(), RemoteURL: c.host()}
	if idx, err := repo.Storer.Index(); err == nil {
		res.Files = len(idx.Entries)
	}
	return res, nil
}

// cleanup removes what a failed clone wrote: the folder when Clone created it, else its content.
func cleanup(dir string, created bool) {
	if created {
		os.RemoveAll(dir)
		return
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		os.RemoveAll(dir + string(os.PathSeparator) + e.Name())
	}
}
