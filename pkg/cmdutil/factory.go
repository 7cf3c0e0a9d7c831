package cmdutil

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/workspace"
)

// The application layer (pkg/workspace) wired to the user's settings: the clock (--as-of), the branch, the
// committer. Each method is the workspace's function with the settings filled in and its errors given their
// exit codes.

// Options are the workspace options of these settings, loading what only accepts (nil: all).
func (f *Factory) Options(only func(rel string) bool) workspace.Options {
	return workspace.Options{Only: only, AsOf: f.AsOf, Branch: f.Branch()}
}

// Load loads the data repo at root with its policy and rules context, as of --as-of.
func (f *Factory) Load(root string) (*workspace.Loaded, error) { return f.LoadOnly(root, nil) }

// LoadOnly is Load limited to the record paths only accepts (nil: all).
func (f *Factory) LoadOnly(root string, only func(rel string) bool) (*workspace.Loaded, error) {
	l, err := workspace.Load(root, f.Options(only))
	return l, exitCode(err)
}

// SayUnreadable says on stderr, in one line, how many of the records loaded into r could not be read and so
// were not counted (datarepo.Repo.Unreadable), pointing to coord check; nothing when every record was read.
// The commands that list or count records (tasks, inbox, report, find, status) call it after loading; their
// stdout and exit code stay theirs.
func (f *Factory) SayUnreadable(r *datarepo.Repo) {
	if n := len(r.Unreadable()); n > 0 {
		f.Warnf("repo.unreadable", n)
	}
}

// Check runs rules over the whole data repo at root, part by part when the rules allow (workspace.Check).
func (f *Factory) Check(root string, rs []rules.Rule) (*workspace.Checked, error) {
	c, err := workspace.Check(root, f.Options(nil), rs)
	return c, exitCode(err)
}

// LoadPeriod reads a period argument as a clerk writes it ("2026-Q3", "quý 3/2026") and loads what a
// workflow step on that period reads (workspace.LoadPeriod). It returns the period, the data repo's root and
// the loaded repo.
func (f *Factory) LoadPeriod(arg string, also func(rel string) bool) (period.Period, string, *workspace.Loaded, error) {
	p, err := period.Arg(arg)
	if err != nil {
		return p, "", nil, err
	}
	root, err := f.RepoRoot()
	if err != nil {
		return p, "", nil, err
	}
	l, err := workspace.LoadPeriod(root, p, also, f.Options(nil))
	return p, root, l, exitCode(err)
}

// Committer is the user of these settings as a committer: name, email, remote, branch, credentials, the
// commit clock, and what happened said on stderr in the user's language.
func (f *Factory) Committer() workspace.Committer {
	return workspace.Committer{
		Name: strings.TrimSpace(f.V.GetString("name")), Email: strings.TrimSpace(f.V.GetString("email")),
		Remote: f.Remote(), Branch: f.Branch(), Auth: f.GitAuth(), Now: f.CommitClock(), Say: f.Warnf,
	}
}

// Save writes, commits and pushes a workflow step's files as the user (workspace.Save).
func (f *Factory) Save(ctx context.Context, repo *datarepo.Repo, files map[string][]byte, message string, s workspace.Step) error {
	return exitCode(workspace.Save(ctx, repo, files, message, s, f.Committer()))
}

// Authorize refuses (exit 1) when the user (settings email) may not change one of paths, by the registry
// of repo (workspace.Authorize).
func (f *Factory) Authorize(repo *datarepo.Repo, paths []string) error {
	return exitCode(workspace.Authorize(repo, paths, f.Committer()))
}

// AuthorizeFiles refuses (exit 1) when the user may not commit files (paths → content), judged on their
// content as authz/path judges a commit (workspace.AuthorizeFiles).
func (f *Factory) AuthorizeFiles(repo *datarepo.Repo, files map[string][]byte) error {
	return exitCode(workspace.AuthorizeFiles(repo, files, f.Committer()))
}

// Outputs places a step's rendered files (workspace.Outputs).
func Outputs(root, dir string, files map[string][]byte) (map[string][]byte, error) {
	out, err := workspace.Outputs(root, dir, files)
	return out, exitCode(err)
}

// Changes reads the commits of BASE..HEAD with the registry before and after each (workspace.Changes).
func Changes(root, base string) ([]rules.Commit, []string, error) {
	cs, paths, err := workspace.Changes(root, base)
	return cs, paths, exitCode(err)
}

// exitCode gives an error of the application layer its exit code: an *ExitError keeps its own, a refusal
// (of the data, or of the git layer: gitrepo.IsRefusal) exits 1, bad usage 2, anything else is the
// environment's (2).
func exitCode(err error) error {
	var ee *ExitError
	switch {
	case err == nil || errors.As(err, &ee):
		return err
	case isRefusal(err):
		return Refused(err)
	case isUsage(err):
		return Usage(err)
	}
	return Env(err)
}

// AbsDir resolves a folder given on the command line against the working directory.
func (f *Factory) AbsDir(dir string) (string, error) {
	if filepath.IsAbs(dir) {
		return dir, nil
	}
	wd, err := f.Getwd()
	if err != nil {
		return "", Env(err)
	}
	return filepath.Join(wd, dir), nil
}

// Blocked prints the findings behind a refusal (a *finding.Blocked) on stderr, so the user sees what to
// mend, and returns the error for its exit code.
func (f *Factory) Blocked(err error) error {
	var b *finding.Blocked
	if errors.As(err, &b) && len(b.Findings) > 0 {
		finding.Sort(b.Findings)
		_ = finding.WriteList(f.Err, b.Findings, f.Lang())
	}
	return err
}
