// Package approve is `coord approve PERIOD --decision NUMBER`: record the Standing Committee's decision on
// the consolidated programme of a period (status approved, decision number, date, by whom) and commit it.
//
// A draft is approved only when it is current — no programme of the period changed or appeared since the
// merge — and no error conflict is left open (each is moved, dropped or kept with a reason).
package approve

import (
	"strings"

	"github.com/coordvn/coord/pkg/cmd/merge"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/spf13/cobra"
)

// Options are approve's flags and dependencies.
type Options struct {
	F        *cmdutil.Factory
	Period   string
	Decision string
	Commit   merge.CommitFunc // nil: write without committing
	NoCommit bool
}

// NewCmdApprove builds the command; runF replaces the run function in flag-parsing tests.
func NewCmdApprove(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f, Commit: merge.GitCommit(f)}
	cmd := &cobra.Command{
		Use:   "approve PERIOD --decision NUMBER",
		Short: "Ghi quyết định phê duyệt chương trình tổng hợp — record the approval of a consolidated programme",
		Long: "Ghi quyết định của Thường trực Tỉnh ủy (số, ngày theo --as-of, cơ quan) vào chương trình tổng hợp của kỳ\n" +
			"PERIOD (2026-Q3, 2026-07, …) và commit. Chỉ phê duyệt dự thảo còn khớp với các chương trình nguồn và không\n" +
			"còn trùng lặp mức lỗi chưa xử lý.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Period = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Decision, "decision", "", "số, ký hiệu quyết định của Thường trực (ví dụ 125-QĐ/TU)")
	cmd.Flags().BoolVar(&o.NoCommit, "no-commit", false, "ghi tệp nhưng không commit")
	return cmd
}

// Run approves.
func Run(o *Options) error {
	p, err := merge.ParsePeriod(o.Period)
	if err != nil {
		return err
	}
	if strings.TrimSpace(o.Decision) == "" {
		return cmdutil.Usage(i18n.Errorf("merge.approve.need"))
	}
	num, err := docnum.Parse(o.Decision)
	if err != nil {
		return cmdutil.Usage(i18n.Errorf("merge.approve.number", o.Decision, err))
	}
	op, err := merge.OpenConsolidated(o.F, o.Period)
	if err != nil {
		return err
	}
	root, l, c, rel := op.Root, op.L, op.C, op.Rel
	if c.Status != "draft" && c.Status != "submitted" {
		return cmdutil.Refused(i18n.Errorf("merge.approve.status", p.String(), c.Status))
	}
	res := merge.Consolidate(l, p, c, c.Adjustments)
	if f := stale(c.Sources, res.C.Sources); f != "" {
		return cmdutil.Refused(i18n.Errorf("merge.approve.stale", f))
	}
	if open := res.OpenErrors(); len(open) > 0 {
		var subjects []string
		for _, sf := range open {
			subjects = append(subjects, sf.Subject)
		}
		return cmdutil.Refused(i18n.Errorf("merge.approve.conflicts", len(open), strings.Join(subjects, ", ")))
	}
	by := strings.TrimSpace(o.F.V.GetString("office"))
	if by == "" {
		by = l.Repo.Settings.Coordinator
	}
	date := l.Ctx.Now.Format("2006-01-02")
	c.Status = "approved"
	c.Decision = &record.Decision{Number: num.String(), Date: date, By: by}
	data, err := merge.Encode(c)
	if err != nil {
		return err
	}
	commit := o.Commit
	if o.NoCommit {
		commit = nil
	}
	if err := merge.Save(root, map[string][]byte{rel: data}, merge.CommitMessage("approve "+num.String(), c), commit); err != nil {
		return err
	}
	o.F.Printf("merge.approved", p.String(), num.String(), date)
	return nil
}

// stale returns the first source that differs between the record and the programmes now ("" when none).
func stale(recorded, now []record.Source) string {
	was := map[string]string{}
	for _, s := range recorded {
		was[s.File] = s.Hash
	}
	for _, s := range now {
		if h, ok := was[s.File]; !ok || h != s.Hash {
			return s.File
		}
		delete(was, s.File)
	}
	for _, s := range recorded {
		if _, gone := was[s.File]; gone {
			return s.File
		}
	}
	return ""
}
