package gitrepo

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
)

// HookLocation is where git looks for the hooks of a data repo.
type HookLocation struct {
	Top      string // the work tree's top folder (git runs hooks there)
	HooksDir string // core.hooksPath, else the hooks folder of the repository's (common) git folder
}

// Hooks finds the git work tree holding root (root or a folder above it), its git folder (a ".git"
// folder, or the folder a ".git" file names: worktrees, submodules; a worktree's hooks are its main
// repository's) and the hooks folder, as git does: core.hooksPath of the repository's config, else of the
// user's global config (relative to the work tree, "~/" for the home folder), else <git folder>/hooks.
func Hooks(root string) (HookLocation, error) {
	top, err := filepath.Abs(root)
	if err != nil {
		return HookLocation{}, newErr(ErrNotRepo, "git.not_repo", root)
	}
	for {
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			break
		}
		up := filepath.Dir(top)
		if up == top {
			return HookLocation{}, newErr(ErrNotRepo, "git.not_repo", root)
		}
		top = up
	}
	gitDir := filepath.Join(top, ".git")
	if st, err := os.Stat(gitDir); err == nil && !st.IsDir() {
		b, err := os.ReadFile(gitDir)
		if err != nil || !strings.HasPrefix(string(b), "gitdir:") {
			return HookLocation{}, newErr(ErrNotRepo, "git.not_repo", root)
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
	loc := HookLocation{Top: top, HooksDir: filepath.Join(common, "hooks")}
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

// Init makes dir a git repository on branch main unless it (or a folder above it) already is one; it reports
// whether it made one.
func Init(dir string) (bool, error) {
	if _, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true}); !errors.Is(err, git.ErrRepositoryNotExists) {
		return false, nil
	}
	_, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")}})
	if err != nil {
		return false, wrapGit(err)
	}
	return true, nil
}
