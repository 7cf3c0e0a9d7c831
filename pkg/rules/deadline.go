package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
)

// deadlineLateRule: a programme must reach the main branch before its period's deadline (DESIGN section 5).
// Its submission time is the commit time of the first commit on main that added its file; a file not yet on
// main (a pull request, a dry run) is judged at Context.Now (--as-of). With a late_reason it is a warning.
var deadlineLateRule = Rule{ID: "deadline/late", Severity: finding.Error, Doc: i18n.M("rule.doc.deadline/late"), Check: func(c *Context, out *finding.Collector) {
	for _, pf := range c.Programmes() {
		p, err := period.Parse(pf.Period)
		if err != nil {
			continue // schema reports the period
		}
		at, onMain := c.Submitted[pf.File.Path]
		if !onMain {
			at = c.Now
		}
		deadline := c.Policy.Deadline(p)
		if at.Before(deadline) {
			continue
		}
		sev := finding.Error
		if pf.LateReason != "" {
			sev = finding.Warning
		}
		how := i18n.M("rule.deadline.judged_now", at.In(c.Repo.Loc).Format("02/01/2006 15:04"))
		if onMain {
			how = i18n.M("rule.deadline.committed", at.In(c.Repo.Loc).Format("02/01/2006 15:04"))
		}
		c.Emit(out, finding.Finding{Rule: "deadline/late", Severity: sev, Pos: pf.File.Pos("period"),
			Subject: "period:" + p.String(),
			Msg:     i18n.M("rule.deadline.late", p.String(), deadline.In(c.Repo.Loc).Format("02/01/2006 15:04"), how)})
	}
}}
