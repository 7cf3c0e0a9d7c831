package rules

import (
	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
)

// taskOverdueRule: a conclusion task past its due day and not done, as of --as-of (a task due 30/6 is overdue
// from 1/7). Its state on that day is read from its progress notes (conclusion.At), so a check as of an
// earlier day sees the task as it stood then. The finding sits on the task's due date; its subject names the
// task as `coord task update` takes it.
var _ = register(Rule{ID: "task/overdue", Across: AcrossNone, Severity: finding.Warning, Keys: []string{"rule.task.overdue"},
	Check: func(c *Context, out Out) {
		for _, t := range conclusion.Known(conclusion.All(c.Repo), c.Now) {
			s := conclusion.At(t.Task, c.Now)
			if s.State != conclusion.Overdue {
				continue
			}
			out.Emit(finding.Finding{Pos: t.File.Pos("tasks", t.Index, "due"), Subject: "task:" + t.Key(),
				Msg: i18n.M("rule.task.overdue", t.Task.Content, c.BodyName(t.Task.Owner), t.Conclusion.Number, conclusion.StateMsg(s))})
		}
	}})
