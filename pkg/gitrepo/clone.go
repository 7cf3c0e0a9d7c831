package gitrepo

import (
	"context"
	"errors"
	"io/fs"
	"os"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
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
// this clone and never stored; the clone's config keeps the URL without them (and an SSH alias as written,
// as git keeps it). A failed clone leaves no folder behind. The objects come through the same connection
// code as submit and sync (dial, fetch), so ca_file, the plain-http rule, ~/.ssh/config and known_hosts
// apply to the first contact exactly as to every later one.
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
	res, err := cloneInto(ctx, c, dir, branch)
	if err != nil {
		cleanup(dir, created)
		return nil, err
	}
	return res, nil
}

// cloneInto is what git clone --single-branch --no-tags does: an empty repository whose origin is the URL
// as written, the branch's objects fetched, the branch created at the server's tip with origin as its
// upstream, and the worktree and index checked out by go-git.
func cloneInto(ctx context.Context, c *conn, dir, branch string) (*CloneResult, error) {
	ref := plumbing.NewBranchReferenceName(branch)
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: ref}})
	if err != nil {
		return nil, wrapGit(err, c.secrets...)
	}
	_, err = repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{c.url},
		Fetch: []config.RefSpec{config.RefSpec("+" + ref.String() + ":refs/remotes/origin/" + branch)}})
	if err != nil {
		return nil, wrapGit(err, c.secrets...)
	}
	r, err := Open(dir)
	if err != nil {
		return nil, err
	}
	tips, refs, err := r.fetchCounting(ctx, c, "origin", []string{branch})
	if err == nil && tips[branch] != zero {
		err = r.setRef(ref, tips[branch])
	}
	r.Close()
	if err != nil {
		return nil, err
	}
	tip := tips[branch]
	if tip == zero {
		if refs == 0 {
			return nil, newErr(ErrEmptyRemote, "git.empty_remote", c.host())
		}
		return nil, newErr(ErrNoBranch, "git.no_branch", branch, c.host())
	}
	// Opened again: the storage opened before the fetch would not see the pack it wrote.
	repo, err = git.PlainOpen(dir)
	if err != nil {
		return nil, wrapGit(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, wrapGit(err)
	}
	if err := wt.Reset(&git.ResetOptions{Mode: git.MergeReset, Commit: tip}); err != nil {
		return nil, wrapGit(err)
	}
	if err := repo.CreateBranch(&config.Branch{Name: branch, Remote: "origin", Merge: ref}); err != nil {
		return nil, wrapGit(err)
	}
	res := &CloneResult{Dir: dir, Branch: branch, Commit: tip.String(), RemoteURL: c.host()}
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
