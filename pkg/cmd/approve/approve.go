// Package approve is `coord approve PERIOD [--decision NOTICE] [--by BODY]`: record that the deciding body
// (the Standing Committee's Standing Board by default) approved the consolidated programme of a period — who
// decided, when (the as-of day), and the notice that carries the decision when one is cited — and commit it.
//
// A draft is approved only when it is current (no programme of the period changed or appeared since the
// merge), its sources have no error, and no error conflict is left open (pkg/consolidate.Ready).
package approve

import (
	"context"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/when"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are approve's flags and dependencies.
type Options struct {
	F        *cmdutil.Factory
	Period   string
	Decision string // the Standing Committee's notice (optional)
	By       string // the deciding body (default: coord.yaml issue.approved_by, else the coordinator)
	Step     workspace.Step
}

// NewCmdApprove builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.approve.* (pkg/i18n/help.go), set by root.
func NewCmdApprove(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "approve",
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Period = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Decision, "decision", "", "")
	cmd.Flags().StringVar(&o.By, "by", "", "")
	cmd.Flags().BoolVar(&o.Step.NoCommit, "no-commit", false, "")
	cmd.Flags().BoolVar(&o.Step.NoPush, "no-push", false, "")
	return cmd
}

// Run approves.
func Run(o *Options) error {
	p, _, l, err := o.F.LoadPeriod(o.Period, nil)
	if err != nil {
		return err
	}
	rec, err := consolidate.Open(l.Ctx, p)
	if err != nil {
		return err
	}
	if err := consolidate.Approve(l.Ctx, p, rec, o.By, o.Decision); err != nil {
		return o.F.Blocked(err)
	}
	data, err := consolidate.Encode(rec)
	if err != nil {
		return err
	}
	step := "approve"
	if rec.Decision.Number != "" {
		step += " " + rec.Decision.Number
	}
	if err := o.F.Save(context.Background(), l.Repo, map[string][]byte{datarepo.ConsolidatedPath(p): data}, consolidate.CommitMessage(step, rec), o.Step); err != nil {
		return err
	}
	by := l.Ctx.BodyName(rec.Decision.By)
	if rec.Decision.Number != "" {
		o.F.Printf("merge.approved_notice", by, p.Label(o.F.Lang()), when.DateText(rec.Decision.Date), rec.Decision.Number)
	} else {
		o.F.Printf("merge.approved", by, p.Label(o.F.Lang()), when.DateText(rec.Decision.Date))
	}
	return nil
}
