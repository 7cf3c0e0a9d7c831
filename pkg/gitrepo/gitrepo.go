// Package gitrepo owns every git operation of coord: opening and cloning the data repo, building a commit
// for exactly the paths a command writes (blobs, the trees along those paths, the commit, the ref — never a
// whole-tree status or hash), pushing with safe retries on top of other offices' work, syncing pending
// submissions, the per-clone process lock, credentials, and reading history (FirstAdded). Nothing else in
// coord imports go-git. It writes refs, the index and worktree files atomically (temp file + rename, and a
// commit's files all or none: fsutil.WriteSet), so a killed process never leaves a corrupt clone or half a
// record, and a file held open in another program leaves the worktree as it was. It never prints, logs or returns a secret:
// every error that may carry a URL or a token is sanitised before it leaves the package.
package gitrepo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// Error kinds. Every error of this package matches one of them with errors.Is, and renders (i18n.Localize)
// as one sentence in the user's language.
var (
	ErrNotRepo        = errors.New("not a git repository")
	ErrAuth           = errors.New("authentication failed")
	ErrHostKey        = errors.New("unknown or changed SSH host key")
	ErrHostKeyUnknown = errors.New("SSH host key not in known_hosts")       // also ErrHostKey
	ErrHostKeyChanged = errors.New("SSH host key differs from known_hosts") // also ErrHostKey
	ErrKeyPassphrase  = errors.New("SSH key needs its passphrase")          // also ErrAuth
	ErrTLS            = errors.New("server certificate not trusted")
	ErrPlainHTTP      = errors.New("credentials refused over plain http")
	ErrSSHConfig      = errors.New("unusable ~/.ssh/config entry")
	ErrUnreachable    = errors.New("server unreachable")
	ErrNoRemote       = errors.New("remote not configured")
	ErrRepoNotFound   = errors.New("repository not found on the server")
	ErrEmptyRemote    = errors.New("remote repository is empty")
	ErrNoBranch       = errors.New("branch not found")
	ErrWrongBranch    = errors.New("worktree is on another branch")
	ErrConflict       = errors.New("another submission changed the same record")
	ErrLocalEdits     = errors.New("local edits to paths the remote changed")
	ErrForeignCommits = errors.New("local commits not made by coord")
	ErrRejected       = errors.New("push rejected after every retry")
	ErrLocked         = errors.New("another coord process holds the clone")
	ErrBadPath        = errors.New("path not allowed in the data repo")
	ErrBadAuthor      = errors.New("invalid commit author")
	ErrDirNotEmpty    = errors.New("target folder not empty")
	ErrWrite          = errors.New("a file could not be written or replaced in the worktree")
	ErrRefused        = errors.New("refused by a check of the submission")
	ErrGit            = errors.New("git operation failed")
)

// refusals are the kinds that mean "refused, for a reason the user can fix in the data" (exit 1); the rest
// are environment problems (exit 2).
var refusals = []error{ErrConflict, ErrLocalEdits, ErrForeignCommits, ErrWrongBranch, ErrBadPath, ErrRefused}

// IsRefusal reports whether err is a refused operation (exit 1) rather than an environment problem (exit 2).
func IsRefusal(err error) bool {
	for _, k := range refusals {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}

// Error is an error of this package: a kind (errors.Is), the user's sentence (an *i18n.Error, so
// i18n.Localize renders it), and the paths it is about.
type Error struct {
	Kind   error
	Msg    *i18n.Error
	Paths  []string
	commit plumbing.Hash // for ErrConflict: the local commit that could not be rebuilt
}

// parentKinds are the kinds that are a finer case of a broader one, so that callers testing the broad kind
// (errors.Is(err, ErrAuth)) keep working when the sentence is more precise.
var parentKinds = map[error]error{ErrHostKeyUnknown: ErrHostKey, ErrHostKeyChanged: ErrHostKey, ErrKeyPassphrase: ErrAuth}

func (e *Error) Error() string { return e.Msg.Error() }
func (e *Error) Unwrap() error { return e.Msg }
func (e *Error) Is(target error) bool {
	return target == e.Kind || parentKinds[e.Kind] != nil && target == parentKinds[e.Kind]
}

func newErr(kind error, key string, args ...any) *Error {
	return &Error{Kind: kind, Msg: i18n.Errorf(key, args...)}
}

// Refusal is the error a Submission's BeforePush returns to refuse the submission (ErrRefused, exit 1):
// the push is stopped and the commit taken back off the branch. msg is the user's sentence.
func Refusal(msg *i18n.Error) error { return &Error{Kind: ErrRefused, Msg: msg} }

// userinfo matches the credentials part of a URL (scheme://user:secret@host).
var userinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://)[^/@\s"']*@`)

// Sanitize removes credentials from s: the userinfo of every URL, and each of secrets wherever it occurs.
func Sanitize(s string, secrets ...string) string {
	s = userinfo.ReplaceAllString(s, "$1")
	for _, x := range secrets {
		if len(x) >= 4 {
			s = strings.ReplaceAll(s, x, "***")
		}
	}
	return s
}

// Repo is an opened clone: its worktree root, its .git folder and go-git's object and ref storage.
type Repo struct {
	Root   string
	gitDir string
	st     *filesystem.Storage
	trees  map[plumbing.Hash][]object.TreeEntry // decoded trees (trees are immutable: never stale)
}

// Open opens the clone whose worktree is root (the data repo root holds .git).
func Open(root string) (*Repo, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, newErr(ErrNotRepo, "git.not_repo", root)
	}
	gitDir, err := findGitDir(abs)
	if err != nil {
		return nil, err
	}
	st := filesystem.NewStorageWithOptions(osfs.New(gitDir), cache.NewObjectLRU(32*cache.MiByte),
		filesystem.Options{KeepDescriptors: false, MaxOpenDescriptors: 64})
	return &Repo{Root: abs, gitDir: gitDir, st: st}, nil
}

// Close releases open pack descriptors.
func (r *Repo) Close() error { return r.st.Close() }

// findGitDir returns root/.git, following a "gitdir:" file (worktrees, submodules).
func findGitDir(root string) (string, error) {
	p := filepath.Join(root, ".git")
	st, err := os.Stat(p)
	if err != nil {
		return "", newErr(ErrNotRepo, "git.not_repo", root)
	}
	if st.IsDir() {
		return p, nil
	}
	b, err := os.ReadFile(p)
	if err != nil || !strings.HasPrefix(string(b), "gitdir:") {
		return "", newErr(ErrNotRepo, "git.not_repo", root)
	}
	d := strings.TrimSpace(strings.TrimPrefix(string(b), "gitdir:"))
	if !filepath.IsAbs(d) {
		d = filepath.Join(root, d)
	}
	return d, nil
}

// headBranch returns the branch HEAD points to ("" when detached).
func (r *Repo) headBranch() (string, error) {
	ref, err := r.st.Reference(plumbing.HEAD)
	if err != nil {
		return "", wrapGit(err)
	}
	if ref.Type() != plumbing.SymbolicReference || !ref.Target().IsBranch() {
		return "", nil
	}
	return ref.Target().Short(), nil
}

// checkBranch refuses to work when HEAD is not on branch: the worktree belongs to another branch.
func (r *Repo) checkBranch(branch string) error {
	b, err := r.headBranch()
	if err != nil {
		return err
	}
	if b != branch {
		if b == "" {
			b = "HEAD"
		}
		return newErr(ErrWrongBranch, "git.wrong_branch", b, branch)
	}
	return nil
}

// RemoteURL returns the URL of a configured remote, without credentials.
func (r *Repo) RemoteURL(remote string) (string, error) {
	u, err := r.remoteURL(remote)
	return Sanitize(u), err
}

func (r *Repo) remoteURL(remote string) (string, error) {
	cfg, err := r.st.Config()
	if err != nil {
		return "", wrapGit(err)
	}
	rc, ok := cfg.Remotes[remote]
	if !ok || len(rc.URLs) == 0 {
		return "", newErr(ErrNoRemote, "git.no_remote", remote)
	}
	return rc.URLs[0], nil
}

// wrapGit turns an unexpected go-git or OS error into ErrGit with a sanitised detail.
func wrapGit(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	var ge *Error
	if errors.As(err, &ge) {
		return err
	}
	// A file that could not be written or replaced keeps its own sentence: it names the file to close.
	var we *fsutil.WriteError
	if errors.As(err, &we) {
		return &Error{Kind: ErrWrite, Msg: &i18n.Error{Msg: we.Message(), Err: we}, Paths: []string{we.Path}}
	}
	if m, ok := osPhrase(err, secrets); ok { // an OS error in the user's words (pkg/oserr), not Go's
		return newErr(ErrGit, "git.failed", m)
	}
	return newErr(ErrGit, "git.failed", Sanitize(err.Error(), secrets...))
}

// checkPath refuses a path that is not a clean, relative slash path inside the data repo.
func checkPath(p string) error {
	bad := p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") ||
		strings.HasSuffix(p, "/") || strings.Contains(p, ":")
	if !bad {
		for _, el := range strings.Split(p, "/") {
			if el == "" || el == "." || el == ".." || strings.EqualFold(el, ".git") {
				bad = true
			}
		}
	}
	if bad {
		return newErr(ErrBadPath, "git.bad_path", fmt.Sprintf("%q", p))
	}
	return nil
}
