// Package tasks is `coord tasks`: the conclusion tasks each office must chase (theo dõi, đôn đốc), sorted by
// urgency, as text, JSON or Markdown; with --digest DIR, one Markdown reminder per office (what is overdue,
// what falls due within the week, what was done since the previous reminder). The selection and the states are
// pkg/conclusion's; the Markdown is pkg/render's; this command wires flags to them.
package tasks

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/render"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/status"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are tasks' flags.
type Options struct {
	F         *cmdutil.Factory
	Office    string
	Owner     string
	Overdue   bool
	DueWithin string
	All       bool
	Format    string
	Digest    string
	Step      workspace.Step
}

// NewCmdTasks builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.tasks.* (pkg/i18n/tasks.go), set by root.
func NewCmdTasks(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "tasks",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Office, "office", "", "")
	cmd.Flags().StringVar(&o.Owner, "owner", "", "")
	cmd.Flags().BoolVar(&o.Overdue, "overdue", false, "")
	cmd.Flags().StringVar(&o.DueWithin, "due-within", "", "")
	cmd.Flags().BoolVar(&o.All, "all", false, "")
	cmd.Flags().StringVar(&o.Format, "format", "text", "")
	cmd.Flags().StringVar(&o.Digest, "digest", "", "")
	cmd.Flags().BoolVar(&o.Step.NoCommit, "no-commit", false, "")
	cmd.Flags().BoolVar(&o.Step.NoPush, "no-push", false, "")
	return cmd
}

// Run lists the tasks, or writes the reminders.
func Run(o *Options) error {
	f := o.F
	if err := cmdutil.Format(o.Format, "text", "json", "md"); err != nil {
		return err
	}
	within := 0
	if o.DueWithin != "" {
		n, err := conclusion.ParseWithin(o.DueWithin)
		if err != nil {
			return cmdutil.Usage(err)
		}
		within = n
	}
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	l, err := f.LoadOnly(root, datarepo.Under("registry/", "conclusions/"))
	if err != nil {
		return err
	}
	f.SayUnreadable(l.Repo)
	c, reg := l.Ctx, &l.Repo.Offices
	office := ""
	if o.Office != "" {
		if office, err = status.ResolveOffice(l.Repo, o.Office); err != nil {
			return cmdutil.Usage(err)
		}
	}
	owner, err := resolveOwner(c, o.Owner)
	if err != nil {
		return err
	}
	all := conclusion.Known(conclusion.All(l.Repo), c.Now)
	if o.Digest != "" {
		return digest(o, root, l, all, office)
	}
	var chosen []conclusion.Task
	for _, t := range all {
		if office != "" && !conclusion.Concerns(reg, t, office) || owner != "" && t.Task.Owner != owner {
			continue
		}
		s := conclusion.At(t.Task, c.Now)
		switch {
		case o.Overdue || within > 0:
			// --overdue and --due-within together: what is overdue or falls due soon.
			if !(o.Overdue && s.State == conclusion.Overdue || within > 0 && s.DueWithin(within)) {
				continue
			}
		case !o.All && s.Closed():
			continue
		}
		chosen = append(chosen, t)
	}
	list := conclusion.NewListing(chosen, c.Now, office, owner)
	switch o.Format {
	case "json":
		return conclusion.WriteJSON(f.Out, list, reg)
	case "md":
		return render.TaskTable(f.Out, list, c, f.Lang())
	}
	return conclusion.WriteText(f.Out, list, c, f.Lang())
}

// resolveOwner finds a task owner (a body or an office) by code or name; "" stays "".
func resolveOwner(c *rules.Context, owner string) (string, error) {
	owner = strings.TrimSpace(owner)
	if owner == "" {
		return "", nil
	}
	m := vntext.NewMatcher()
	for _, b := range c.Repo.Offices.Bodies {
		if b.Code == owner {
			return owner, nil
		}
		m.Add(b.Code, b.Name)
	}
	for _, of := range c.Repo.Offices.Offices {
		if of.Code == owner {
			return owner, nil
		}
		m.Add(of.Code, of.Name)
	}
	if code, ok := m.Lookup(owner); ok {
		return code, nil
	}
	return "", cmdutil.Usage(i18n.Errorf("tasks.unknown_owner", owner, i18n.DidYouMean(m.Suggest(owner, 2))))
}

// digest writes one reminder per office (or the office of --office) into DIR: outside the data repo as files,
// under issued/ committed and pushed like the coordinator's other outputs. Each reminder reads the previous
// one at the same place to know since when done tasks are news.
func digest(o *Options, root string, l *workspace.Loaded, all []conclusion.Task, office string) error {
	f := o.F
	dir, err := f.AbsDir(o.Digest)
	if err != nil {
		return err
	}
	var offices []string
	for _, of := range l.Repo.Offices.Offices {
		if office == "" || of.Code == office {
			offices = append(offices, of.Code)
		}
	}
	day := conclusion.Day(l.Ctx.Now)
	outputs := map[string][]byte{}
	for _, code := range offices {
		name := code + ".md"
		prev, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return cmdutil.Env(err)
		}
		d := conclusion.BuildDigest(&l.Repo.Offices, all, code, l.Ctx.Now, prev)
		var b bytes.Buffer
		if err := render.TaskDigest(&b, d, l.Ctx, f.Lang()); err != nil {
			return err
		}
		outputs[name] = b.Bytes()
	}
	files, err := cmdutil.Outputs(root, dir, outputs)
	if err != nil {
		return err
	}
	who := l.Repo.Settings.Coordinator
	if office != "" {
		who = office
	}
	msg := gitrepo.Message("tasks("+who+"): digest "+day, [][2]string{{gitrepo.KindTrailer, "tasks"}, {"Coord-Office", who}, {"Coord-Id", day}})
	if err := f.Save(context.Background(), l.Repo, files, msg, o.Step); err != nil {
		return err
	}
	f.Warnf("tasks.digest.written", len(outputs), dir)
	return nil
}
