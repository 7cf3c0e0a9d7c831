// Package synccmd is `coord sync`: bring the clone up to date with the server and push the submissions
// that were committed while offline (or with --no-push), rebuilt on top of the other offices' work.
package synccmd

import (
	"context"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/spf13/cobra"
)

// Options are sync's inputs.
type Options struct {
	F   *cmdutil.Factory
	Ctx context.Context
}

// NewCmdSync builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.sync.* (pkg/i18n/help.go), set by root.
func NewCmdSync(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "sync",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Ctx = cmd.Context()
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	return cmd
}

// Run syncs the clone.
func Run(o *Options) error {
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	root, err := o.F.RepoRoot()
	if err != nil {
		return err
	}
	res, err := gitrepo.Sync(o.Ctx, root, gitrepo.SyncOptions{
		Remote: o.F.Remote(), Branch: o.F.Branch(), Auth: o.F.GitAuth(),
		OnWait: func() { o.F.Warnf("git.submit.waiting") },
	})
	if err != nil {
		return cmdutil.GitError(err)
	}
	o.F.PrepareClone(root, o.F.Branch())
	if len(res.Dropped) > 0 {
		o.F.Warnf("git.history_rewritten", len(res.Dropped), strings.Join(res.Dropped, "; "))
	}
	if len(res.Updated) > 0 {
		o.F.Printf("git.sync.updated", len(res.Updated))
	}
	if res.Pushed > 0 {
		o.F.Printf("git.sync.pushed", res.Pushed, res.RemoteURL)
	}
	if n := res.Pending - res.Pushed; n > 0 {
		o.F.Printf("git.sync.already", n)
	}
	if len(res.Updated) == 0 && res.Pending == 0 {
		o.F.Printf("git.sync.up_to_date", res.RemoteURL)
	}
	if len(res.Commit) >= 10 {
		o.F.Printf("git.sync.head", res.Commit[:10])
	}
	return nil
}
