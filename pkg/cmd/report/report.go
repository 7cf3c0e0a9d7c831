// Package reportcmd is `coord report --quarter Q | --year Y [--format md|html] [--out DIR]`: the figures of a
// quarter or a year for the evaluation of coordination, each a table and a chart. The report is pkg/report's;
// this command reads the flags, loads the records of the period's year, and prints the report or writes it
// (with its charts) into a folder outside the data repo. It never writes into the data repo.
package reportcmd

import (
	"path/filepath"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/report"
	"github.com/spf13/cobra"
)

// Options are report's flags.
type Options struct {
	F       *cmdutil.Factory
	Periods period.Flags // Quarter or Year
	Format  string
	Out     string
}

// NewCmdReport builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.report.* (pkg/i18n/report.go), set by root.
func NewCmdReport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "report",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Periods.Quarter, "quarter", "", "")
	cmd.Flags().StringVar(&o.Periods.Year, "year", "", "")
	cmd.Flags().StringVar(&o.Format, "format", "md", "")
	cmd.Flags().StringVar(&o.Out, "out", "", "")
	return cmd
}

// Run builds the report and prints or writes it.
func Run(o *Options) error {
	f := o.F
	if err := cmdutil.Format(o.Format, "md", "html"); err != nil {
		return err
	}
	p, err := o.Periods.Period()
	if err != nil {
		return err
	}
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	dir := ""
	if o.Out != "" {
		if dir, err = f.AbsDir(o.Out); err != nil {
			return err
		}
		if rel, err := filepath.Rel(root, dir); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return cmdutil.Usage(i18n.Errorf("report.out_in_repo", o.Out))
		}
	}
	l, err := f.LoadOnly(root, report.Files(p))
	if err != nil {
		return err
	}
	f.SayUnreadable(l.Repo)
	rep, err := report.Build(l.Ctx, p)
	if err != nil {
		return cmdutil.Usage(err)
	}
	lang := f.Lang()
	files := map[string][]byte{}
	name := report.Name(p)
	if o.Format == "html" {
		page, err := report.HTML(rep, lang)
		if err != nil {
			return err
		}
		name += ".html"
		files[name] = page
	} else {
		page, charts := report.Markdown(rep, lang, dir != "")
		name += ".md"
		files[name] = page
		for n, b := range charts {
			files[n] = b
		}
	}
	if dir == "" {
		if o.Format == "md" {
			f.Warnf("report.charts_need_out")
		}
		_, err := f.Out.Write(files[name])
		return err
	}
	full := map[string][]byte{}
	for n, b := range files {
		full[filepath.Join(dir, n)] = b
	}
	if err := fsutil.WriteSet(full, nil); err != nil {
		return cmdutil.Env(err)
	}
	if len(files) > 1 {
		f.Warnf("report.written_charts", p.Text(), filepath.Join(dir, name), len(files)-1)
	} else {
		f.Warnf("report.written", p.Text(), filepath.Join(dir, name))
	}
	return nil
}
