// Package issue is `coord issue PERIOD --number N-CTr/TU --signer PERSON`: issue an approved consolidated
// programme under its own number and signer — status issued with the date (--as-of), the programme entered
// in the document register, the official outputs rendered (Markdown, HTML, iCalendar for everyone and one
// feed per leader, XLSX, DOCX) into issued/<year>/<period>/ inside the repo or --out DIR — and commit.
package issue

import (
	"context"
	"path"
	"path/filepath"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/render"
	"github.com/coordvn/coord/pkg/when"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are issue's flags and dependencies.
type Options struct {
	F      *cmdutil.Factory
	Period string
	Number string // the programme's own number, "12-CTr/TU" (or "12" in coord.yaml's series)
	Signer string // a person id (default: coord.yaml issue.signer)
	Out    string
	Force  bool
	Step   workspace.Step
}

// NewCmdIssue builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.issue.* (pkg/i18n/help.go), set by root.
func NewCmdIssue(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "issue",
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Period = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Number, "number", "", "")
	cmd.Flags().StringVar(&o.Signer, "signer", "", "")
	cmd.Flags().StringVar(&o.Out, "out", "", "")
	cmd.Flags().BoolVar(&o.Force, "force", false, "")
	cmd.Flags().BoolVar(&o.Step.NoCommit, "no-commit", false, "")
	cmd.Flags().BoolVar(&o.Step.NoPush, "no-push", false, "")
	return cmd
}

// Run issues.
func Run(o *Options) error {
	now, err := o.F.AsOf(time.UTC)
	if err != nil {
		return err
	}
	// The period's files, and the register a programme number shares its series with (a Party term; the
	// as-of year read in UTC may be the repo's year before, near New Year).
	var folders []string
	for _, f := range append(datarepo.NumberFolders(now.Year()), datarepo.NumberFolders(now.Year()+1)...) {
		folders = append(folders, f+"/")
	}
	p, root, l, err := o.F.LoadPeriod(o.Period, datarepo.Under(folders...))
	if err != nil {
		return err
	}
	rec, err := consolidate.Open(l.Ctx, p)
	if err != nil {
		return err
	}
	iss, err := consolidate.Issue(l.Ctx, p, rec, o.Number, o.Signer, o.Force)
	if err != nil {
		return o.F.Blocked(err)
	}

	dir := filepath.Join(root, filepath.FromSlash(path.Join("issued", p.String()[:4], p.Name())))
	if o.Out != "" {
		if dir, err = o.F.AbsDir(o.Out); err != nil {
			return err
		}
	}
	outputs, err := render.All(render.NewInput(l.Ctx, consolidate.Effective(l.Ctx, p, rec), o.F.Lang()))
	if err != nil {
		return err
	}
	files, err := cmdutil.Outputs(root, dir, outputs)
	if err != nil {
		return err
	}
	data, err := consolidate.Encode(rec)
	if err != nil {
		return err
	}
	files[datarepo.ConsolidatedPath(p)] = data
	files[iss.RegisterPath] = iss.RegisterData
	if err := o.F.Save(context.Background(), l.Repo, files, consolidate.CommitMessage("issue "+rec.Number, rec), o.Step); err != nil {
		return err
	}
	o.F.Warnf("merge.rendered", len(outputs), dir)
	o.F.Printf("merge.issued", p.Label(o.F.Lang()), rec.Number, when.DateText(rec.Issued), iss.RegisterPath)
	return nil
}
