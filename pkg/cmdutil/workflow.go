package cmdutil

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
)

// CommitFunc commits files (repo-relative slash paths and their content, already written) with a message.
type CommitFunc func(root string, files map[string][]byte, message string) error

// GitCommit commits through pkg/gitrepo as the user set in COORD_NAME and COORD_EMAIL. A data repo without
// git (coord init --no-git) is not an error; without a name and email the files are written and a warning
// says they were not committed.
func (f *Factory) GitCommit() CommitFunc {
	return func(root string, files map[string][]byte, message string) error {
		name, email := strings.TrimSpace(f.V.GetString("name")), strings.TrimSpace(f.V.GetString("email"))
		if name == "" || email == "" {
			f.Warnf("merge.no_author")
			return nil
		}
		commit, err := gitrepo.CommitPaths(root, files, message, gitrepo.Author{Name: name, Email: email, When: f.Now()})
		switch {
		case errors.Is(err, gitrepo.ErrNotRepo):
			return nil
		case err != nil && gitrepo.IsRefusal(err):
			return Refused(err)
		case err != nil:
			return Env(err)
		}
		if commit != "" {
			f.Warnf("merge.committed", commit[:min(len(commit), 12)])
		}
		return nil
	}
}

// Save writes files into the repo at root (atomically), then commits them when commit is not nil.
func Save(root string, files map[string][]byte, message string, commit CommitFunc) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := fsutil.WriteFile(filepath.Join(root, filepath.FromSlash(n)), files[n], 0o644); err != nil {
			return Env(err)
		}
	}
	if commit == nil {
		return nil
	}
	return commit(root, files, message)
}

// WriteOutputs writes rendered files into dir; it returns those inside the repo at root by repo-relative path
// (for the commit).
func WriteOutputs(root, dir string, files map[string][]byte) (map[string][]byte, error) {
	inRepo := map[string][]byte{}
	for name, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := fsutil.WriteFile(full, data, 0o644); err != nil {
			return nil, Env(err)
		}
		if rel, err := filepath.Rel(root, full); err == nil && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel) {
			inRepo[filepath.ToSlash(rel)] = data
		}
	}
	return inRepo, nil
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
