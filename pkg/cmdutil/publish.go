package cmdutil

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sort"
	"strings"

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

// Publish writes the coordinator's files (repo-relative slash paths → bytes: records, whose line ends
// become LF, and rendered outputs, kept byte for byte) into the data repo at root, all or none, commits
// exactly those paths as the user in settings (name, email) with message, and pushes like `coord submit`
// (gitrepo.Submit: one process per clone, bounded retries on top of other offices' work, the commit kept
// for `coord sync` when the server is unreachable). noPush commits only. message must carry a Coord-Kind
// trailer (gitrepo.Message with gitrepo.KindTrailer) so that `coord sync` can push a commit that stayed
// local.
//
// Not errors: without a name or email the files are written and not committed (one warning); a data repo
// that is not a git clone gets the files and no commit; a clone without a remote gets the commit and
// nothing is pushed. What happened is printed on f.Err in the user's language. Errors are mapped to exit
// codes (GitError: refusals 1, the rest 2).
func (f *Factory) Publish(ctx context.Context, root string, files map[string][]byte, message string, noPush bool) (*PublishResult, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	res := &PublishResult{}
	for p := range files {
		// The same check gitrepo makes, here for the routes that write without it: never outside root.
		if p == "" || strings.Contains(p, "\\") || !filepath.IsLocal(filepath.FromSlash(p)) || slices.ContainsFunc(strings.Split(p, "/"), isGitDir) {
			return nil, Usage(i18n.Errorf("git.bad_path", p))
		}
		res.Paths = append(res.Paths, p)
	}
	sort.Strings(res.Paths)
	name, email := strings.TrimSpace(f.V.GetString("name")), strings.TrimSpace(f.V.GetString("email"))
	if name == "" || email == "" {
		_, err := gitrepo.Open(root)
		res.NoGit = errors.Is(err, gitrepo.ErrNotRepo)
		if err := writeFiles(root, files); err != nil {
			return nil, err
		}
		if !res.NoGit {
			res.NoAuthor = true
			f.Warnf("merge.no_author")
		}
		return res, nil
	}
	s := gitrepo.Submission{
		Files: files, Name: name, Email: email, Message: message,
		Remote: f.Remote(), Branch: f.Branch(), NoPush: noPush, AllowNoRemote: true,
		Auth: f.GitAuth(), Now: f.CommitClock(),
		OnWait: func() { f.Warnf("git.submit.waiting") },
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
			f.Warnf("publish.kept_local", shortHash(gr.Commit))
		}
		return res, GitError(err)
	}
	switch {
	case gr.Already:
		f.Warnf("git.submit.already")
	case gr.Unchanged:
		f.Warnf("publish.unchanged", gr.Branch)
	default:
		f.Warnf("publish.committed", shortHash(gr.Commit), gr.Branch)
	}
	if gr.Retries > 0 {
		f.Warnf("git.submit.retried", gr.Retries)
	}
	if len(gr.Dropped) > 0 {
		f.Warnf("git.history_rewritten", len(gr.Dropped), strings.Join(gr.Dropped, "; "))
	}
	if len(gr.Updated) > 0 {
		f.Warnf("git.submit.updated", len(gr.Updated))
	}
	switch {
	case gr.NoRemote:
		f.Warnf("publish.no_remote", s.Remote)
	case gr.Pending:
		f.Warnf("publish.pending", gr.RemoteURL, shortHash(gr.Commit))
	case noPush:
		f.Warnf("publish.no_push")
	case gr.Pushed:
		f.Warnf("publish.pushed", gr.RemoteURL, gr.Branch)
	}
	return res, nil
}

// writeFiles writes the files into root without git: all or none, records with LF line ends.
func writeFiles(root string, files map[string][]byte) error {
	set := make(map[string][]byte, len(files))
	for p, b := range files {
		set[filepath.Join(root, filepath.FromSlash(p))] = b
	}
	if err := fsutil.WriteSet(set, fsutil.IsRecordPath); err != nil {
		return Env(err)
	}
	return nil
}

func isGitDir(el string) bool { return strings.EqualFold(el, ".git") }

func shortHash(h string) string {
	if len(h) > 10 {
		return h[:10]
	}
	return h
}
