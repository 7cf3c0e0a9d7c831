// Package task is `coord task update CONCLUSION#TASK --status S --note TEXT`: a progress note appended to a
// conclusion task's updates (and its status set), committed and pushed like the other commands that write.
// Finding the task and writing the note into the record are pkg/conclusion's.
package task

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are task update's flags.
type Options struct {
	F      *cmdutil.Factory
	Ref    string
	Status string
	Note   string
	By     string
	Date   string
	Step   workspace.Step
}

// NewCmdTask builds `coord task` and its subcommand update; runF replaces update's run function in tests.
// Their usage lines, help texts and flag usages are the catalog's help.task.* (pkg/i18n/tasks.go), set by root.
func NewCmdTask(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{Use: "task"} // an unknown subcommand is a usage error (root)
	o := &Options{F: f}
	up := &cobra.Command{
		Use:  "update",
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Ref = args[0]
			if runF != nil {
				return runF(o)
			}
			return Update(o)
		},
	}
	up.Flags().StringVar(&o.Status, "status", "", "")
	up.Flags().StringVar(&o.Note, "note", "", "")
	up.Flags().StringVar(&o.By, "by", "", "")
	up.Flags().StringVar(&o.Date, "date", "", "")
	up.Flags().BoolVar(&o.Step.NoCommit, "no-commit", false, "")
	up.Flags().BoolVar(&o.Step.NoPush, "no-push", false, "")
	cmd.AddCommand(up)
	return cmd
}

// Update writes the note into the conclusion and commits it.
func Update(o *Options) error {
	f := o.F
	status := ""
	if strings.TrimSpace(o.Status) != "" {
		s, ok := conclusion.ParseStatus(o.Status)
		if !ok {
			return cmdutil.Usage(i18n.Errorf("task.bad_status", o.Status, strings.Join(conclusion.Statuses, ", ")))
		}
		status = s
	}
	note := strings.TrimSpace(o.Note)
	if status == "" && note == "" {
		return cmdutil.Usage(i18n.Errorf("task.nothing"))
	}
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	l, err := f.LoadOnly(root, datarepo.Under("registry/", "conclusions/"))
	if err != nil {
		return err
	}
	t, err := conclusion.Find(conclusion.All(l.Repo), o.Ref)
	if err != nil {
		return cmdutil.Usage(err)
	}
	by := strings.TrimSpace(o.By)
	if by == "" {
		by = strings.TrimSpace(f.V.GetString("office"))
	}
	if by == "" {
		return cmdutil.Usage(i18n.Errorf("task.no_by"))
	}
	if _, ok := l.Ctx.Bodies[by]; !ok {
		if _, ok := l.Ctx.Offices[by]; !ok {
			return cmdutil.Usage(i18n.Errorf("task.bad_by", by))
		}
	}
	day := conclusion.Day(l.Ctx.Now)
	if o.Date != "" {
		d, err := cmdutil.ParseInstant(strings.TrimSpace(o.Date), l.Repo.Loc)
		if err != nil {
			return cmdutil.Usage(err)
		}
		day = conclusion.Day(d)
	}
	rel := t.File.Path
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return cmdutil.Env(err)
	}
	out, err := conclusion.Apply(data, rel, t.Task.ID, conclusion.Update{Date: day, By: by, Note: note, Status: status})
	if err != nil {
		return cmdutil.Refused(err)
	}
	// What is written must read back as a valid conclusion: a note coord cannot store is refused, never written.
	v, err := record.NewValidator()
	if err != nil {
		return cmdutil.Env(err)
	}
	if back := record.Decode(rel, out, v); !back.Clean {
		finding.Sort(back.Problems)
		_ = finding.WriteList(f.Err, back.Problems, f.Lang())
		return cmdutil.Refused(i18n.Errorf("task.unwritable", rel, back.Problems[0].Msg))
	}
	c := t.Conclusion
	office := c.Office
	if office == "" {
		office = "-"
	}
	msg := gitrepo.Message(record.KindConclusion+"("+office+"): "+c.Number+" "+t.Task.ID,
		[][2]string{{gitrepo.KindTrailer, record.KindConclusion}, {"Coord-Office", office}, {"Coord-Id", c.Number}})
	if err := f.Save(context.Background(), l.Repo, map[string][]byte{rel: out}, msg, o.Step); err != nil {
		return err
	}
	if status == "" {
		status = t.Task.Status
	}
	f.Printf("task.updated", t.Task.Content, c.Number, statusWord(status), l.Ctx.BodyName(by), when.DateText(day))
	return nil
}

// statusWord is a status in the user's words.
func statusWord(s string) i18n.Msg { return i18n.M("task.status." + s) }
