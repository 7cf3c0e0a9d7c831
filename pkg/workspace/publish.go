package workspace

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
)

// PublishResult says what Publish did.
type PublishResult struct {
	Paths     []string // the repo paths written, sorted
	Commit    string   // the commit holding them ("" when not committed)
	Committed bool     // this run made a new commit
	Unchanged bool     // the branch already held exactly these files: no new commit
	Pushed    bool     // the server's branch holds the commit
	Pending   bool     // the server was unreachable: the commit waits for `coord sync`
	NoRemote  bool     // the clone has no remote: committed, nothing pushed
	NoGit     bool     // the data repo is not a git clone: files written, not committed
	NoAuthor  bool     // no name or email set: files written, not committed
	RemoteURL string   // without credentials
}

// Committer is who commits, and how: the user's name and email (settings name, email), the remote and the
// branch, the credentials, the clock written into commits, and Say, which tells the user what happened (a
// catalog message, on stderr).
type Committer struct {
	Name, Email    string
	Remote, Branch string
	Auth           gitrepo.Auth
	Now            func() time.Time
	Say            func(key string, args ...any)
}

func (c Committer) say(key string, args ...any) {
	if c.Say != nil {
		c.Say(key, args...)
	}
}

// Publish writes the coordinator's files (repo-relative slash paths → bytes: records, whose line ends
// become LF, and rendered outputs, kept byte for byte) into the data repo at root, all or none, commits
// exactly those paths as c (its name and email) with message, and pushes like `coord submit`
// (gitrepo.Submit: one process per clone, bounded retries on top of other offices' work, the commit kept
// for `coord sync` when the server is unreachable). noPush commits only. message must carry a Coord-Kind
// trailer (gitrepo.Message with gitrepo.KindTrailer) so that `coord sync` can push a commit that stayed
// local.
//
// Not errors: without a name or email the files are written and not committed (one warning); a data repo
// that is not a git clone gets the files and no commit; a clone without a remote gets the commit and
// nothing is pushed. What happened is said through c.Say. The errors are the git layer's (gitrepo.IsRefusal
// tells a refusal) and the file system's.
func Publish(ctx context.Context, root string, files map[string][]byte, message string, noPush bool, c Committer) (*PublishResult, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	res := &PublishResult{}
	for p := range files {
		// The same check gitrepo makes, here for the routes that write without it: never outside root.
		if p == "" || strings.Contains(p, "\\") || !filepath.IsLocal(filepath.FromSlash(p)) || slices.ContainsFunc(strings.Split(p, "/"), isGitDir) {
			return nil, i18n.Usagef("git.bad_path", p)
		}
		res.Paths = append(res.Paths, p)
	}
	sort.Strings(res.Paths)
	name, email := strings.TrimSpace(c.Name), strings.TrimSpace(c.Email)
	if name == "" || email == "" {
		_, err := gitrepo.Open(root)
		res.NoGit = errors.Is(err, gitrepo.ErrNotRepo)
		if err := writeFiles(root, files); err != nil {
			return nil, err
		}
		if !res.NoGit {
			res.NoAuthor = true
			c.say("merge.no_author")
		}
		return res, nil
	}
	s := gitrepo.Submission{
		Files: files, Name: name, Email: email, Message: message,
		Remote: c.Remote, Branch: c.Branch, NoPush: noPush, AllowNoRemote: true,
		Auth: c.Auth, Now: c.Now,
		OnWait: func() { c.say("git.submit.waiting") },
	}
	gr, err := gitrepo.Submit(ctx, root, s)
	if errors.Is(err, gitrepo.ErrNotRepo) {
		// `coord init --no-git`: the files are the whole result.
		res.NoGit = true
		if err := writeFiles(root, files); err != nil {
			return nil, err
		}
		return res, nil
	}
	if gr != nil {
		res.Commit, res.Pushed, res.Pending, res.NoRemote, res.RemoteURL = gr.Commit, gr.Pushed, gr.Pending, gr.NoRemote, gr.RemoteURL
		res.Unchanged = gr.Unchanged
		res.Committed = gr.Commit != "" && !gr.Unchanged
	}
	if err != nil {
		if gr != nil && gr.Commit != "" && !gr.Pushed && !gitrepo.IsRefusal(err) {
			c.say("publish.kept_local", shortHash(gr.Commit))
		}
		return res, err
	}
	switch {
	case gr.Already:
		c.say("git.submit.already")
	case gr.Unchanged:
		c.say("publish.unchanged", gr.Branch)
	default:
		c.say("publish.committed", shortHash(gr.Commit), gr.Branch)
	}
	if gr.Retries > 0 {
		c.say("git.submit.retried", gr.Retries)
	}
	if len(gr.Dropped) > 0 {
		c.say("git.history_rewritten", len(gr.Dropped), strings.Join(gr.Dropped, "; "))
	}
	if len(gr.Updated) > 0 {
		c.say("git.submit.updated", len(gr.Updated))
	}
	switch {
	case gr.NoRemote:
		c.say("publish.no_remote", s.Remote)
	case gr.Pending:
		c.say("publish.pending", gr.RemoteURL, shortHash(gr.Commit))
	case noPush:
		c.say("publish.no_push")
	case gr.Pushed:
		c.say("publish.pushed", gr.RemoteURL, gr.Branch)
	}
	return res, nil
}

// writeFiles writes the files into root without git: all or none, records with LF line ends.
func writeFiles(root string, files map[string][]byte) error {
	set := make(map[string][]byte, len(files))
	for p, b := range files {
		set[filepath.Join(root, filepath.FromSlash(p))] = b
	}
	return fsutil.WriteSet(set, fsutil.IsRecordPath)
}

func isGitDir(el string) bool { return strings.EqualFold(el, ".git") }

func shortHash(h string) string {
	if len(h) > 10 {
		return h[:10]
	}
	return h
}
