package rules

import (
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/when"
)

// deadlineLateRule: a programme must reach the main branch before its period's deadline (docs/rules.md, deadline/late).
// Its submission time is the commit time of the first commit on main that added its file; a file not yet on
// main (a pull request, a dry run) is judged at Context.Now (--as-of). With a late_reason it is a warning.
var _ = register(Rule{ID: "deadline/late", Across: AcrossNone, Severity: finding.Error,
	Keys: []string{"rule.deadline.late", "rule.deadline.committed", "rule.deadline.judged_now", "rule.deadline.at"}, Check: func(c *Context, out Out) {
		for _, pf := range c.Programmes() {
			s, ok := c.Submission(pf)
			if !ok || !s.Late {
				continue
			}
			sev := finding.Error
			if pf.LateReason != "" {
				sev = finding.Warning
			}
			how := i18n.M("rule.deadline.judged_now", instant(s.At))
			if s.OnMain {
				how = i18n.M("rule.deadline.committed", instant(s.At))
			}
			out.Emit(finding.Finding{Severity: sev, Pos: pf.File.Pos("period"),
				Subject: "period:" + s.Period.String(),
				Msg:     i18n.M("rule.deadline.late", s.Period.Text(), when.Before(s.Deadline.In(c.Repo.Loc)), how)})
		}
	}})

// instant words a moment: "10h05 ngày 20/6/2026".
func instant(t time.Time) i18n.Msg {
	return i18n.M("rule.deadline.at", i18n.M("phrase.clock", t.Hour(), t.Minute()), when.Date(t))
}
