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
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/go-git/go-git/v5/config"
	"github.com/spf13/cobra"
)

// Marker is the line that says coord wrote a hook: only a hook holding it is ever replaced or removed.
const Marker = "# coord-hook: pre-commit"

// NewCmdHook builds `coord hook` and its subcommands.
func NewCmdHook(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hook",
		Short: "Hook git của kho dữ liệu — the data repo's git hooks",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "install",
		Short: "Cài hook pre-commit chạy coord check trên các hồ sơ được stage — install a pre-commit hook that checks the staged records",
		Long: "Cài hook pre-commit vào kho git của kho dữ liệu: mỗi git commit chạy coord check trên các hồ sơ được stage\n" +
			"(toàn bộ kho khi coord.yaml hoặc registry/ thay đổi) và từ chối commit khi có lỗi. Không ghi đè một hook\n" +
			"không do coord viết.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return Install(f) },
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "uninstall",
		Short: "Gỡ hook pre-commit do coord cài — remove the pre-commit hook coord installed",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return Uninstall(f) },
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

// Location is where git looks for the hooks of a data repo.
type Location struct {
	Top      string // the work tree's top folder (git runs hooks there)
	HooksDir string // core.hooksPath, else the hooks folder of the repository's (common) git folder
}

// Locate finds the git work tree holding root (root or a folder above it), its git folder (a ".git"
// folder, or the folder a ".git" file names: worktrees, submodules; a worktree's hooks are its main
// repository's) and the hooks folder, as git does: core.hooksPath of the repository's config, else of the
// user's global config (relative to the work tree, "~/" for the home folder), else <git folder>/hooks.
func Locate(root string) (Location, error) {
	top, err := filepath.Abs(root)
	if err != nil {
		return Location{}, cmdutil.Env(err)
	}
	for {
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			break
		}
		up := filepath.Dir(top)
		if up == top {
			return Location{}, cmdutil.Env(i18n.Errorf("ci.hook_no_git", root))
		}
		top = up
	}
	gitDir := filepath.Join(top, ".git")
	if st, err := os.Stat(gitDir); err == nil && !st.IsDir() {
		b, err := os.ReadFile(gitDir)
		if err != nil || !strings.HasPrefix(string(b), "gitdir:") {
			return Location{}, cmdutil.Env(i18n.Errorf("ci.hook_no_git", root))
		}
		gitDir = strings.TrimSpace(strings.TrimPrefix(string(b), "gitdir:"))
		if !filepath.IsAbs(gitDir) {
			gitDir = filepath.Join(top, gitDir)
		}
	}
	common := gitDir
	if b, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		common = strings.TrimSpace(string(b))
		if !filepath.IsAbs(common) {
			common = filepath.Join(gitDir, common)
		}
	}
	loc := Location{Top: top, HooksDir: filepath.Join(common, "hooks")}
	hooksPath := ""
	if b, err := os.ReadFile(filepath.Join(common, "config")); err == nil {
		if c, err := config.ReadConfig(bytes.NewReader(b)); err == nil {
			hooksPath = c.Raw.Section("core").Option("hooksPath")
		}
	}
	if hooksPath == "" {
		if c, err := config.LoadConfig(config.GlobalScope); err == nil {
			hooksPath = c.Raw.Section("core").Option("hooksPath")
		}
	}
	if hooksPath != "" {
		if rest, ok := strings.CutPrefix(hooksPath, "~/"); ok {
			if home, err := os.UserHomeDir(); err == nil {
				hooksPath = filepath.Join(home, rest)
			}
		}
		if !filepath.IsAbs(hooksPath) {
			hooksPath = filepath.Join(top, hooksPath)
		}
		loc.HooksDir = filepath.Clean(hooksPath)
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
