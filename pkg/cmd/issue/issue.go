// Package issue is `coord issue PERIOD`: issue an approved consolidated programme — status issued with the
// date (--as-of), the official outputs rendered (Markdown, HTML, iCalendar for everyone and one feed per
// leader, XLSX, DOCX) into issued/<year>/<period>/ inside the repo or --out DIR — and commit.
package issue

import (
	"path"
	"path/filepath"

	"github.com/coordvn/coord/pkg/cmd/merge"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/spf13/cobra"
)

// Options are issue's flags and dependencies.
type Options struct {
	F        *cmdutil.Factory
	Period   string
	Out      string
	Force    bool
	Commit   merge.CommitFunc // nil: write without committing
	NoCommit bool
}

// NewCmdIssue builds the command; runF replaces the run function in flag-parsing tests.
func NewCmdIssue(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f, Commit: merge.GitCommit(f)}
	cmd := &cobra.Command{
		Use:   "issue PERIOD [--out DIR]",
		Short: "Ban hành chương trình tổng hợp đã phê duyệt — issue an approved consolidated programme",
		Long: "Chuyển chương trình tổng hợp đã phê duyệt của kỳ PERIOD sang trạng thái đã ban hành (ngày theo --as-of),\n" +
			"xuất Markdown, HTML, ICS (chung và riêng từng lãnh đạo), XLSX, DOCX vào issued/<năm>/<kỳ>/ (hoặc --out) và commit.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Period = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Out, "out", "", "thư mục xuất (mặc định issued/<năm>/<kỳ>/ trong kho)")
	cmd.Flags().BoolVar(&o.Force, "force", false, "xuất lại chương trình đã ban hành")
	cmd.Flags().BoolVar(&o.NoCommit, "no-commit", false, "ghi tệp nhưng không commit")
	return cmd
}

// Run issues.
func Run(o *Options) error {
	op, err := merge.OpenConsolidated(o.F, o.Period)
	if err != nil {
		return err
	}
	p, root, l, c, rel := op.P, op.Root, op.L, op.C, op.Rel
	if !(c.Status == "approved" || (c.Status == "issued" && o.Force)) {
		return cmdutil.Refused(i18n.Errorf("merge.issue.status", p.String(), c.Status))
	}
	date := l.Ctx.Now.Format("2006-01-02")
	c.Status, c.Issued = "issued", date

	dir := filepath.Join(root, filepath.FromSlash(path.Join("issued", p.String()[:4], p.Name())))
	if o.Out != "" {
		if dir, err = merge.AbsDir(o.F, o.Out); err != nil {
			return err
		}
	}
	outputs, err := merge.RenderAll(merge.RenderInput(l, p, c, o.F.Lang()))
	if err != nil {
		return err
	}
	files, err := merge.WriteOutputs(root, dir, outputs)
	if err != nil {
		return err
	}
	data, err := merge.Encode(c)
	if err != nil {
		return err
	}
	files[rel] = data
	commit := o.Commit
	if o.NoCommit {
		commit = nil
	}
	if err := merge.Save(root, files, merge.CommitMessage("issue", c), commit); err != nil {
		return err
	}
	o.F.Warnf("merge.rendered", len(outputs), dir)
	o.F.Printf("merge.issued", p.String(), date)
	return nil
}
