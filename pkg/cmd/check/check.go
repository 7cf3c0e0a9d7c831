// Package check is `coord check [PATH…]`: every rule over the data repo, all findings at once.
package check

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/suppress"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are check's flags and inputs.
type Options struct {
	F       *cmdutil.Factory
	Paths   []string
	Format  string
	Rules   []string
	Changed string // BASE: check what BASE..HEAD changed, and who changed it
	FailOn  string // error | warning: the lowest severity that exits 1
}

// NewCmdCheck builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.check.* (pkg/i18n/help.go), set by root.
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use: "check",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "")
	cmd.Flags().StringSliceVar(&opts.Rules, "rule", nil, "")
	cmd.Flags().StringVar(&opts.Changed, "changed", "", "")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "error", "")
	// The lists the usage texts name (help.check.flag.format, help.check.flag.fail-on).
	_ = cmd.Flags().SetAnnotation("format", cmdutil.HelpArgs, []string{strings.Join(finding.Formats, " | ")})
	_ = cmd.Flags().SetAnnotation("fail-on", cmdutil.HelpArgs, []string{strings.Join(finding.FailOns, " | ")})
	return cmd
}

// Run checks the repo and prints the findings.
func Run(o *Options) error {
	start := o.F.Now()
	failOn, ok := finding.ParseFailOn(o.FailOn)
	if !ok {
		return cmdutil.Usage(i18n.Errorf("ci.bad_fail_on", o.FailOn))
	}
	if !validFormat(o.Format) {
		return cmdutil.Usage(i18n.Errorf("cli.bad_format", o.Format, strings.Join(finding.Formats, ", ")))
	}
	for _, id := range o.Rules {
		if len(rules.Select([]string{id})) == 0 {
			return cmdutil.Usage(i18n.Errorf("check.unknown_rule", id, strings.Join(rules.IDs(), ", ")))
		}
	}
	root, err := o.F.RepoRoot()
	if err != nil {
		return err
	}
	if o.Changed != "" && len(o.Paths) > 0 {
		return cmdutil.Usage(i18n.Errorf("check.changed_and_paths"))
	}
	ran := rules.Select(o.Rules)
	if o.Changed == "" && len(o.Paths) == 0 {
		// Every record: read part by part, memory flat in the repo's size.
		c, err := o.F.Check(root, ran)
		if err != nil {
			return err
		}
		return report(o, c.Settings, c.Findings, finding.Summary{Files: c.Files, Records: c.Records}, failOn, start)
	}
	only, sel, err := selectPaths(o.F, root, o.Paths)
	if err != nil {
		return err
	}
	var load func(rel string) bool
	var commits []rules.Commit
	if o.Changed != "" {
		var changed []string
		if commits, changed, err = cmdutil.Changes(root, o.Changed); err != nil {
			return err
		}
		// What the change touched and what that interacts with; a change to the settings or the registry
		// concerns every record.
		l, report, all := workspace.Interacting(changed, ran)
		if !all {
			load, only = l, report
			if len(only) == 0 {
				only = map[string]bool{}
			}
		}
	} else if l, _, all := workspace.Interacting(slices.Sorted(maps.Keys(only)), ran); !all {
		// PATH…: what the given records interact with, reported on the given records only.
		load = l
	}
	l, err := o.F.LoadOnly(root, load)
	if err != nil {
		return err
	}
	if err := sel.matched(l.Repo); err != nil {
		return err
	}
	l.Ctx.Only = only
	l.Ctx.Commits = commits
	fs := rules.Run(l.Ctx, ran)
	sum := finding.Summary{Files: len(l.Repo.Files) + len(l.Repo.Problems), Records: countRecords(l.Repo)}
	if only != nil {
		sum.Files, sum.Records = len(only), 0
		for _, f := range l.Repo.Files {
			if only[f.Path] && f.Value != nil {
				sum.Records++
			}
		}
	}
	return report(o, l, fs, sum, failOn, start)
}

// report applies coord.yaml's suppressions, prints the findings in the chosen format and sets the exit
// code: 1 when a finding at --fail-on or above remains.
func report(o *Options, l *workspace.Loaded, fs []finding.Finding, sum finding.Summary, failOn finding.Severity, start time.Time) error {
	res := suppress.Apply(l.Repo.Settings.Suppressions, l.Repo.File(datarepo.SettingsFile), fs, rules.IDs())
	fs, sum.Suppressed = res.Kept, res.Suppressed
	ran := rules.Select(o.Rules)
	infos := make([]finding.RuleInfo, 0, len(ran))
	for _, r := range ran {
		infos = append(infos, finding.RuleInfo{ID: r.ID, Severity: r.Severity, Doc: r.Doc()})
		if r.ID == suppress.Rule { // problems of the suppressions are schema findings of coord.yaml
			for _, p := range res.Problems {
				if l.Ctx.Wants(p.File) {
					fs = append(fs, p)
				}
			}
			finding.Sort(fs)
		}
	}
	rep := finding.Report{Findings: fs, Summary: sum, Lang: o.F.Lang(), Rules: infos, FailOn: failOn,
		Start: start.In(l.Repo.Loc), Elapsed: o.F.Now().Sub(start)}
	if err := rep.Write(o.F.Out, o.Format); err != nil {
		return err
	}
	if finding.Fails(fs, failOn) {
		return cmdutil.Findings()
	}
	return nil
}

func validFormat(f string) bool {
	for _, x := range finding.Formats {
		if f == x {
			return true
		}
	}
	return false
}

func countRecords(r *datarepo.Repo) int {
	n := 0
	for _, f := range r.Files {
		if f.Value != nil {
			n++
		}
	}
	return n
}
