// Package clone is `coord clone URL [DIR]`: the first set-up of a clerk's PC — a copy of the shared data
// repo, with the credentials from settings (COORD_TOKEN, COORD_SSH_KEY or the SSH agent), and no Git
// installed.
package clone

import (
	"context"
	"path"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/spf13/cobra"
)

// Options are clone's inputs.
type Options struct {
	F   *cmdutil.Factory
	Ctx context.Context
	URL string
	Dir string
}

// NewCmdClone builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.clone.* (pkg/i18n/help.go), set by root.
func NewCmdClone(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "clone",
		Args: cmdutil.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.URL, o.Ctx = args[0], cmd.Context()
			if len(args) == 2 {
				o.Dir = args[1]
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	return cmd
}

// Run clones.
func Run(o *Options) error {
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	dir := o.Dir
	if dir == "" {
		dir = DefaultDir(o.URL)
	}
	res, err := gitrepo.Clone(o.Ctx, o.URL, dir, o.F.GitAuth(), o.F.V.GetString("branch"))
	if err != nil {
		return cmdutil.GitError(err)
	}
	o.F.PrepareClone(res.Dir, res.Branch)
	o.F.Printf("git.clone.done", res.RemoteURL, res.Dir, res.Branch, res.Files)
	o.F.Printf("git.clone.next")
	return nil
}

// DefaultDir is the folder a URL clones into: its last element without ".git".
func DefaultDir(url string) string {
	u := strings.TrimRight(strings.ReplaceAll(url, "\\", "/"), "/")
	if i := strings.LastIndexAny(u, "/:"); i >= 0 {
		u = u[i+1:]
	}
	u = strings.TrimSuffix(path.Clean(u), ".git")
	if u == "" || u == "." || u == ".." {
		return "data"
	}
	return u
}
