// Package statuscmd is `coord status [--format text|json]`: what the clerk's office has to do and what
// happened — the coming programme deadlines and whether each is met, the submissions waiting on this PC,
// what the last sync brought, the open conflicts on the office's items, and for the coordinating office
// which offices have not submitted. The report is pkg/status's; this command wires settings to it. It also
// keeps the sync journal status reads (RecordSync, which the root command wraps around `coord sync`).
package statuscmd

import (
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/status"
	"github.com/spf13/cobra"
)

// Options are status's flags.
type Options struct {
	F      *cmdutil.Factory
	Format string
	Office string // default: the office setting
}

// NewCmdStatus builds the command; runF replaces the run function in flag-parsing tests.
func NewCmdStatus(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "status",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "text", "")
	cmd.Flags().StringVar(&o.Office, "office", "", "")
	return cmd
}

// Run reports.
func Run(o *Options) error {
	f := o.F
	if err := cmdutil.Format(o.Format, "text", "json"); err != nil {
		return err
	}
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	office := o.Office
	if office == "" {
		office = f.V.GetString("office")
	}
	in, err := status.Gather(status.Options{Root: root, Office: office, Email: f.V.GetString("email"),
		Remote: f.Remote(), Branch: f.Branch(), AsOf: f.AsOf})
	if err != nil {
		return cmdutil.Env(err)
	}
	f.SayUnreadable(in.Repo)
	rep := status.Build(in)
	if o.Format == "json" {
		return status.WriteJSON(f.Out, rep)
	}
	names := func(code string) string {
		for _, of := range in.Repo.Offices.Offices {
			if of.Code == code && of.Name != "" {
				return of.Name
			}
		}
		return code
	}
	return status.WriteText(f.Out, rep, names, f.Lang())
}

// RecordSync runs a `coord sync` (run) and records in the clone's sync journal the remote-tracking tip
// before and after it (gitrepo.RecordSync), at the commit clock (--as-of, else now), so that `coord status`
// can tell what that sync brought. A failed sync records nothing; a folder that is not a clone is left
// alone.
func RecordSync(f *cmdutil.Factory, run func() error) error {
	root, rerr := f.RepoRoot()
	before := ""
	if rerr == nil {
		before, rerr = gitrepo.TrackingTip(root, f.Remote(), f.Branch())
	}
	if err := run(); err != nil || rerr != nil {
		return err
	}
	after, err := gitrepo.TrackingTip(root, f.Remote(), f.Branch())
	if err != nil {
		return nil // the sync itself succeeded; the journal is only a cache
	}
	_ = gitrepo.RecordSync(root, gitrepo.SyncMark{When: f.CommitClock()(), Before: before, After: after})
	return nil
}
