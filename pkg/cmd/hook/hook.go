// Package hook is `coord hook install|uninstall`: a git pre-commit hook in the data repo that runs coord check
// on the records staged for the commit, so an error is caught before it is committed (CI checks again).
package hook

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/spf13/cobra"
)

// Marker is the line that says coord wrote a hook: only a hook holding it is ever replaced or removed.
const Marker = "# coord-hook: pre-commit"

// NewCmdHook builds `coord hook` and its subcommands.
// Its usage line, help texts and flag usages are the catalog's help.hook.* (pkg/i18n/help.go), set by root.
func NewCmdHook(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{Use: "hook"} // an unknown subcommand is a usage error (root)
	cmd.AddCommand(&cobra.Command{
		Use:  "install",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return Install(f) },
	})
	cmd.AddCommand(&cobra.Command{
		Use:  "uninstall",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return Uninstall(f) },
	})
	return cmd
}

// Install writes the pre-commit hook, or replaces the one coord wrote before.
func Install(f *cmdutil.Factory) error {
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	loc, err := Locate(root)
	if err != nil {
		return err
	}
	path := filepath.Join(loc.HooksDir, "pre-commit")
	if old, err := os.ReadFile(path); err == nil && !bytes.Contains(old, []byte(Marker)) {
		return cmdutil.Refused(i18n.Errorf("ci.hook_foreign", path))
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return cmdutil.Env(err)
	}
	self, _ := os.Executable()
	rel, err := filepath.Rel(loc.Top, root)
	if err != nil {
		return cmdutil.Env(err)
	}
	if err := os.MkdirAll(loc.HooksDir, 0o755); err != nil {
		return cmdutil.Env(err)
	}
	if err := os.WriteFile(path, []byte(Script(filepath.ToSlash(rel), self)), 0o755); err != nil {
		return cmdutil.Env(err)
	}
	if err := os.Chmod(path, 0o755); err != nil { // an older file keeps its mode through WriteFile
		return cmdutil.Env(err)
	}
	f.Printf("ci.hook_installed", path)
	return nil
}

// Uninstall removes the hook coord wrote; it leaves any other hook alone.
func Uninstall(f *cmdutil.Factory) error {
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	loc, err := Locate(root)
	if err != nil {
		return err
	}
	path := filepath.Join(loc.HooksDir, "pre-commit")
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		f.Printf("ci.hook_none", path)
		return nil
	}
	if err != nil {
		return cmdutil.Env(err)
	}
	if !bytes.Contains(old, []byte(Marker)) {
		return cmdutil.Refused(i18n.Errorf("ci.hook_foreign_keep", path))
	}
	if err := os.Remove(path); err != nil {
		return cmdutil.Env(err)
	}
	f.Printf("ci.hook_removed", path)
	return nil
}

// Locate finds where git looks for the hooks of the data repo at root (gitrepo.Hooks).
func Locate(root string) (gitrepo.HookLocation, error) {
	loc, err := gitrepo.Hooks(root)
	if errors.Is(err, gitrepo.ErrNotRepo) {
		return loc, cmdutil.Env(i18n.Errorf("ci.hook_no_git", root))
	}
	if err != nil {
		return loc, cmdutil.GitError(err)
	}
	return loc, nil
}

// Script is the pre-commit hook: from the data repo's folder (rel, relative to the work tree's top), it
// checks the staged records (added, copied, modified or renamed .yaml/.yml files), or the whole repo when
// coord.yaml or the registry is staged (every record depends on them). It runs the coord on PATH, else the
// coord that installed it (self). Deleted files are not checked; a file's working copy is what is checked.
func Script(rel, self string) string {
	fallback := ""
	if self != "" {
		fallback = "command -v coord >/dev/null 2>&1 || coord=" + shellQuote(self) + "\n"
	}
	return "#!/bin/sh\n" + Marker + "\n" +
		"# Viết bởi coord hook install (coord hook uninstall gỡ nó; git commit --no-verify bỏ qua nó).\n" +
		"# Written by coord hook install: runs coord check on the staged records and refuses a commit with errors.\n" +
		"coord=coord\n" + fallback +
		"cd " + shellQuote(rel) + " || exit 2\n" +
		"if git diff --cached --name-only --relative -- coord.yaml registry | grep -q .; then\n" +
		"  exec \"$coord\" check\n" +
		"fi\n" +
		"if git diff --cached --quiet --diff-filter=ACMR --relative -- '*.yaml' '*.yml'; then\n" +
		"  exit 0\n" +
		"fi\n" +
		"git diff --cached --name-only -z --diff-filter=ACMR --relative -- '*.yaml' '*.yml' | xargs -0 \"$coord\" check --\n"
}

// shellQuote quotes s for sh: in single quotes, each single quote closed, escaped and reopened.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
