// Package merge is `coord merge`: consolidate the offices' programmes of one period into
// consolidated/<year>/<period>.yaml — joint items merged into one item carrying all their offices, every
// item's origin, the conflicts of time and place found (the overlap/* and joint/mismatch rules) — propose
// adjustments, and record the coordinator's decisions (move, drop, keep with a reason) so that merging again
// keeps them.
//
// Deciding with merge:
//
//	coord merge --quarter 2026-Q3                       consolidate, print the conflicts
//	coord merge --quarter 2026-Q3 --suggest             … and propose a free slot for each error conflict
//	coord merge --quarter 2026-Q3 --accept              record every proposal as a move
//	coord merge --quarter 2026-Q3 --accept ID…          record the proposals of these items only
//	coord merge --quarter 2026-Q3 --move ID --to WHEN [--place P] --reason R
//	coord merge --quarter 2026-Q3 --drop ID --reason R
//	coord merge --quarter 2026-Q3 --keep ID --reason R  both stay: the conflict is accepted (info, not error)
//	coord merge --quarter 2026-Q3 --undo ID             forget the decision on an item
//
// To edit a proposal, --move the item to the time you prefer. A move into a slot that conflicts is refused
// unless --force. Merging an approved or issued period resets it to draft, with --force only.
//
// The consolidation itself is pkg/consolidate's; this command reads the flags, calls it and prints.
package merge

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/render"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are merge's flags and dependencies.
type Options struct {
	F                          *cmdutil.Factory
	Year, Quarter, Month, Week string
	Suggest, Accept            bool
	AcceptIDs                  []string
	Move, Drop, Keep, Undo     string
	To, Place, Reason          string
	Force                      bool
	Format                     string
	Out                        string
	Step                       workspace.Step
	period                     period.Period
	decisionID, decisionAction string
}

// NewCmdMerge builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.merge.* (pkg/i18n/help.go), set by root.
func NewCmdMerge(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use: "merge",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.AcceptIDs = args
			if len(args) > 0 && !o.Accept {
				return cmdutil.Usage(i18n.Errorf("merge.use.args"))
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Year, "year", "", "")
	fl.StringVar(&o.Quarter, "quarter", "", "")
	fl.StringVar(&o.Month, "month", "", "")
	fl.StringVar(&o.Week, "week", "", "")
	fl.BoolVar(&o.Suggest, "suggest", false, "")
	fl.BoolVar(&o.Accept, "accept", false, "")
	fl.StringVar(&o.Move, "move", "", "")
	fl.StringVar(&o.Drop, "drop", "", "")
	fl.StringVar(&o.Keep, "keep", "", "")
	fl.StringVar(&o.Undo, "undo", "", "")
	fl.StringVar(&o.To, "to", "", "")
	fl.StringVar(&o.Place, "place", "", "")
	fl.StringVar(&o.Reason, "reason", "", "")
	fl.BoolVar(&o.Force, "force", false, "")
	fl.StringVar(&o.Format, "format", "text", "")
	fl.StringVar(&o.Out, "out", "", "")
	fl.BoolVar(&o.Step.NoCommit, "no-commit", false, "")
	fl.BoolVar(&o.Step.NoPush, "no-push", false, "")
	return cmd
}

// Run consolidates, records the decision given, writes the record and prints the findings.
func Run(o *Options) error {
	if err := o.validate(); err != nil {
		return err
	}
	root, err := o.F.RepoRoot()
	if err != nil {
		return err
	}
	// The record this clone's last merge wrote, when the file still holds it, is not read again.
	only := datarepo.PeriodFiles(o.period)
	prev, recalled := consolidate.Recall(root, o.period)
	if recalled {
		inPeriod, rel := only, datarepo.ConsolidatedPath(o.period)
		only = func(p string) bool { return p != rel && inPeriod(p) }
	}
	l, err := o.F.LoadOnly(root, only)
	if err != nil {
		return err
	}
	if !recalled {
		if prev, err = consolidate.Read(l.Repo, o.period); err != nil {
			return err
		}
	}
	if prev != nil && consolidate.Settled(prev) && !o.Force {
		return cmdutil.Refused(i18n.Errorf("merge.locked", o.period.Label(o.F.Lang()), i18n.M("merge.status."+prev.Status)))
	}
	var decisions []record.Adjustment
	if prev != nil {
		decisions = prev.Adjustments
	}
	res := consolidate.Consolidate(l.Ctx, o.period, prev, decisions)
	if len(res.Files()) == 0 {
		return cmdutil.Refused(i18n.Errorf("merge.no_sources", o.period.Text()))
	}
	if o.decisionAction != "" {
		next, fresh, err := res.Decide(consolidate.Decision{Action: o.decisionAction, Item: o.decisionID, When: o.To,
			Place: o.Place, Reason: o.Reason, By: o.by(l.Repo.Settings.Coordinator), Force: o.Force})
		if len(fresh) > 0 {
			_ = finding.Write(o.F.Err, "text", fresh, res.Summary(), o.F.Lang())
		}
		if err != nil {
			return err
		}
		res = next
	}
	var proposals []consolidate.Proposal
	if o.Suggest || o.Accept {
		proposals = res.Suggest()
		if o.Accept {
			next, n, err := res.Accept(proposals, o.AcceptIDs, o.by(l.Repo.Settings.Coordinator))
			if err != nil {
				return err
			}
			o.F.Warnf("merge.accepted", n)
			res = next
			proposals = res.Suggest() // what is still open
		}
	}

	data, err := consolidate.Encode(res.C)
	if err != nil {
		return err
	}
	files := map[string][]byte{res.Path: data}
	var rendered int
	var renderDir string
	if o.Out != "" {
		if renderDir, err = o.F.AbsDir(o.Out); err != nil {
			return err
		}
		outputs, err := render.All(render.NewInput(l.Ctx, consolidate.Effective(l.Ctx, o.period, res.C), o.F.Lang()))
		if err != nil {
			return err
		}
		inRepo, err := cmdutil.Outputs(root, renderDir, outputs)
		if err != nil {
			return err
		}
		for p, b := range inRepo {
			files[p] = b
		}
		rendered = len(outputs)
	}
	if err := o.F.Save(context.Background(), l.Repo, files, consolidate.CommitMessage("merge", res.C), o.Step); err != nil {
		return err
	}
	consolidate.Remember(root, o.period, data, res.C)

	fs := res.Findings()
	if err := finding.Write(o.F.Out, o.Format, fs, res.Summary(), o.F.Lang()); err != nil {
		return err
	}
	if o.Suggest || o.Accept {
		w := o.F.Out
		if o.Format == "json" {
			w = o.F.Err // stdout stays the findings object
		}
		o.printProposals(w, proposals)
	}
	if n := res.Skipped(); n > 0 {
		o.F.Warnf("merge.skipped", n)
	}
	o.F.Warnf("merge.written", res.Path, len(res.C.Items), len(res.Files()), len(res.C.Conflicts), len(res.OpenErrors()), len(res.C.Adjustments))
	if rendered > 0 {
		o.F.Warnf("merge.rendered", rendered, renderDir)
	}
	for _, f := range fs {
		if f.Severity == finding.Error {
			return cmdutil.Findings()
		}
	}
	return nil
}

// validate checks the flags: one period of the right kind, one decision with what it needs.
func (o *Options) validate() error {
	if err := cmdutil.Format(o.Format, "text", "json"); err != nil {
		return err
	}
	p, err := period.Flags{Year: o.Year, Quarter: o.Quarter, Month: o.Month, Week: o.Week}.Period()
	if err != nil {
		return err
	}
	o.period = p
	decisions := 0
	for _, d := range []struct{ id, action string }{{o.Move, record.ActionMove}, {o.Drop, record.ActionDrop},
		{o.Keep, record.ActionKeep}, {o.Undo, consolidate.Undo}} {
		if d.id != "" {
			decisions++
			o.decisionID, o.decisionAction = d.id, d.action
		}
	}
	switch {
	case decisions > 1 || (decisions == 1 && o.Accept):
		return cmdutil.Usage(i18n.Errorf("merge.use.one"))
	case o.decisionAction == record.ActionMove && o.To == "":
		return cmdutil.Usage(i18n.Errorf("merge.use.to"))
	case o.decisionAction != record.ActionMove && (o.To != "" || o.Place != ""):
		return cmdutil.Usage(i18n.Errorf("merge.use.to_alone"))
	case o.decisionAction != "" && o.decisionAction != consolidate.Undo && strings.TrimSpace(o.Reason) == "":
		return cmdutil.Usage(i18n.Errorf("merge.use.reason", "--"+o.decisionAction))
	}
	return nil
}

// by is who decides: the user's office (COORD_OFFICE), else the coordinator.
func (o *Options) by(coordinator string) string {
	if v := strings.TrimSpace(o.F.V.GetString("office")); v != "" {
		return v
	}
	return coordinator
}

func (o *Options) printProposals(w io.Writer, proposals []consolidate.Proposal) {
	if len(proposals) == 0 {
		fmt.Fprintln(w, o.F.Msg("merge.no_proposals"))
		return
	}
	fmt.Fprintln(w, o.F.Msg("merge.proposals", o.period.Flag()))
	for _, p := range proposals {
		if !p.Found {
			fmt.Fprintln(w, o.F.Msg("merge.proposal_none", p.Item, p.Title, p.From.Phrase(), p.Reason))
			continue
		}
		fmt.Fprintln(w, o.F.Msg("merge.proposal", p.Item, p.Title, p.From.Phrase(), p.Reason))
	}
}
