package gitrepo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
)

// The first push of a new data repo (`coord init DIR --remote URL`): the administrator's first commit goes
// to an empty repository on the server, which the clerks then clone.

// Error kinds of the first push (also matched with errors.Is).
var (
	ErrRemoteNotEmpty = errors.New("remote repository is not empty")
	ErrNotFresh       = errors.New("folder already has git history")
)

// CheckEmptyRemote asks the server at rawURL for its branches and refuses (ErrRemoteNotEmpty) when it has
// any: the first commit of a data repo goes only to an empty repository, never over someone's history.
// Nothing is sent but the question.
func CheckEmptyRemote(ctx context.Context, rawURL string, a Auth) error {
	c, err := dial(rawURL, a)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cl, err := client.NewClient(c.ep)
	if err != nil {
		return c.classify(err)
	}
	sess, err := cl.NewUploadPackSession(c.ep, c.auth)
	if err != nil {
		return c.classify(err)
	}
	defer sess.Close()
	ar, err := c.advertised(ctx, sess)
	if err != nil {
		return err
	}
	var branches []string
	for name := range ar.References {
		branches = append(branches, plumbing.ReferenceName(name).Short())
	}
	if len(branches) > 0 {
		sort.Strings(branches)
		return newErr(ErrRemoteNotEmpty, "init.remote.not_empty", c.host(), len(branches))
	}
	return nil
}

// FreshRepo refuses (ErrNotFresh) a folder whose first commit cannot be made there: one inside another git
// repository, or a repository that already has commits on branch. A folder that does not exist yet, or is
// not in any repository, or is an empty repository, is fresh.
func FreshRepo(dir, branch string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return wrapGit(err)
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil
	}
	if err != nil {
		return wrapGit(err)
	}
	if _, err := os.Stat(filepath.Join(abs, ".git")); err != nil {
		wt, _ := repo.Worktree()
		top := ""
		if wt != nil {
			top = wt.Filesystem.Root()
		}
		return newErr(ErrNotFresh, "init.remote.inside", abs, top)
	}
	if ref, err := repo.Reference(plumbing.NewBranchReferenceName(branch), true); err == nil && !ref.Hash().IsZero() {
		return newErr(ErrNotFresh, "init.remote.has_commits", abs, branch)
	}
	return nil
}

// FirstPush is the first commit of a new data repo and where it goes.
type FirstPush struct {
	URL     string   // the empty repository on the server (credentials in it are used, never stored)
	Remote  string   // default origin
	Branch  string   // default main
	Paths   []string // the repo paths to commit, as they are on disk (records get LF line ends)
	Name    string   // the author
	Email   string
	Message string // must carry a Coord-Kind trailer, so that `coord sync` can push it if this push fails
	Auth    Auth
	Now     func() time.Time
	Timeout time.Duration // per network exchange (default 2 minutes)
}

// FirstResult says what PushFirst did.
type FirstResult struct {
	Commit    string
	Branch    string
	Files     int
	Pushed    bool   // the server holds the commit
	Pending   bool   // the server was unreachable: the commit waits for `coord sync`
	RemoteURL string // without credentials
}

// PushFirst makes the first commit of the fresh repository at root (see FreshRepo) from the files at
// o.Paths, records o.URL as the remote (without credentials) with branch tracking it as `coord clone` sets
// it up, and pushes the branch to the server, which must be empty (CheckEmptyRemote). The commit is
// recorded as this clone's own before the push, so an unreachable server leaves it for `coord sync`.
func PushFirst(ctx context.Context, root string, o FirstPush) (*FirstResult, error) {
	if o.Remote == "" {
		o.Remote = "origin"
	}
	if o.Branch == "" {
		o.Branch = "main"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if Trailer(o.Message, KindTrailer) == "" {
		return nil, newErr(ErrGit, "git.no_kind", KindTrailer)
	}
	if err := FreshRepo(root, o.Branch); err != nil {
		return nil, err
	}
	author := Author{o.Name, o.Email, o.Now()}
	if err := author.Check(); err != nil {
		return nil, err
	}
	raw := map[string][]byte{}
	for _, p := range o.Paths {
		if err := checkPath(p); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return nil, wrapGit(err)
		}
		raw[p] = data
	}
	files, paths, err := prepareFiles(raw)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, newErr(ErrBadPath, "git.no_files")
	}
	c, err := dial(o.URL, o.Auth)
	if err != nil {
		return nil, err
	}
	if _, err := git.PlainInitWithOptions(root, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(o.Branch)}}); err != nil && !errors.Is(err, git.ErrRepositoryAlreadyExists) {
		return nil, wrapGit(err)
	}
	repo, err := git.PlainOpen(root)
	if err != nil {
		return nil, wrapGit(err)
	}
	ref := plumbing.NewBranchReferenceName(o.Branch)
	if rc, err := repo.Remote(o.Remote); err == nil {
		if urls := rc.Config().URLs; len(urls) == 0 || urls[0] != c.url {
			return nil, newErr(ErrNotFresh, "init.remote.other_remote", o.Remote, Sanitize(firstOr(urls), c.secrets...))
		}
	} else if _, err := repo.CreateRemote(&config.RemoteConfig{Name: o.Remote, URLs: []string{c.url},
		Fetch: []config.RefSpec{config.RefSpec("+" + ref.String() + ":refs/remotes/" + o.Remote + "/" + o.Branch)}}); err != nil {
		return nil, wrapGit(err, c.secrets...)
	}
	if _, err := repo.Branch(o.Branch); err != nil {
		if err := repo.CreateBranch(&config.Branch{Name: o.Branch, Remote: o.Remote, Merge: ref}); err != nil {
			return nil, wrapGit(err)
		}
	}

	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	unlock, err := r.lock(ctx, 0, nil)
	if err != nil {
		return nil, err
	}
	defer unlock()
	idx, err := r.readIndex()
	if err != nil {
		return nil, wrapGit(err)
	}
	if err := r.seedPending(zero, o.Remote, o.Branch); err != nil {
		return nil, wrapGit(err)
	}
	tip, _, err := r.commitFiles(idx, o.Branch, zero, files, author, o.Message)
	if err != nil {
		return nil, err
	}
	res := &FirstResult{Commit: tip.String(), Branch: o.Branch, Files: len(paths), RemoteURL: c.host()}
	pctx, cancel := context.WithTimeout(ctx, o.Timeout)
	out, reason, err := r.push(pctx, c, o.Remote, o.Branch, tip, zero)
	cancel()
	if errors.Is(err, ErrUnreachable) {
		res.Pending = true
		return res, nil
	}
	if err != nil {
		return res, err
	}
	if out != pushed && out != upToDate {
		// The server got a branch between the check and the push: someone else's history; never forced.
		if reason == "" {
			reason = "non-fast-forward"
		}
		return res, newErr(ErrRemoteNotEmpty, "init.remote.raced", c.host(), Sanitize(reason, c.secrets...))
	}
	res.Pushed = true
	return res, wrapGit(r.updatePending(nil, true))
}

func firstOr(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
