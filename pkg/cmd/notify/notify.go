// Package notify is `coord notify PERIOD`: one message per office about the consolidated programme of a
// period, so that offices are told before the programme is issued (seed 004, point 1). The message itself is
// pkg/render's (Notice); this command picks the offices and writes the messages to stdout or --out DIR.
package notify

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/render"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are notify's flags and dependencies.
type Options struct {
	F       *cmdutil.Factory
	Period  string
	Out     string
	Offices []string
	Step    workspace.Step
}

// NewCmdNotify builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.notify.* (pkg/i18n/help.go), set by root.
func NewCmdNotify(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "notify",
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Period = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Out, "out", "", "")
	cmd.Flags().StringSliceVar(&o.Offices, "office", nil, "")
	cmd.Flags().BoolVar(&o.Step.NoCommit, "no-commit", false, "")
	cmd.Flags().BoolVar(&o.Step.NoPush, "no-push", false, "")
	return cmd
}

// Run writes the messages.
func Run(o *Options) error {
	p, root, l, err := o.F.LoadPeriod(o.Period, nil)
	if err != nil {
		return err
	}
	rec, err := consolidate.Open(l.Ctx, p)
	if err != nil {
		return err
	}
	for _, code := range o.Offices {
		if _, ok := l.Ctx.Offices[code]; !ok {
			return cmdutil.Usage(i18n.Errorf("merge.notify.office", code))
		}
	}
	in := render.NewInput(l.Ctx, consolidate.Effective(l.Ctx, p, rec), o.F.Lang())
	offices := render.NoticeOffices(in)
	if len(o.Offices) > 0 {
		offices = slices.DeleteFunc(offices, func(x string) bool { return !slices.Contains(o.Offices, x) })
	}
	if o.Out == "" {
		for i, code := range offices {
			if i > 0 {
				fmt.Fprint(o.F.Out, "\n---\n\n")
			}
			if err := render.Notice(o.F.Out, in, code); err != nil {
				return err
			}
		}
		return nil
	}
	dir, err := o.F.AbsDir(o.Out)
	if err != nil {
		return err
	}
	outputs := map[string][]byte{}
	for _, code := range offices {
		var b bytes.Buffer
		if err := render.Notice(&b, in, code); err != nil {
			return err
		}
		outputs[code+".md"] = b.Bytes()
	}
	files, err := cmdutil.Outputs(root, dir, outputs)
	if err != nil {
		return err
	}
	if err := o.F.Save(context.Background(), l.Repo, files, consolidate.CommitMessage("notify", rec), o.Step); err != nil {
		return err
	}
	o.F.Warnf("merge.notify.written", len(outputs), dir)
	return nil
}
