package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// petitionOverdueRule: each step of a petition that the law limits (policy.petitions: accept, answer,
// resolve; forwarding once done) is taken by its last day (pkg/petition.Deadlines). A pending step is
// information from policy.petition_remind_days working days before its last day, a warning on the last day,
// and an error from the next day's 00:00 (--as-of). A petition forwarded, refused, withdrawn or resolved
// stops its clocks; a step taken late is no finding (the annual report counts it). The finding sits on the
// petition's status, related to its acceptance when its count starts there and to the extensions that count,
// and names the article. Its errors do not block `coord submit` (Advisory): recording what was done about
// an overdue petition must stay possible.
var _ = register(Rule{ID: "petition/overdue", Across: AcrossNone, Severity: finding.Error, Advisory: true,
	Keys:  []string{"rule.petition.soon", "rule.petition.last_day", "rule.petition.overdue"},
	Check: petitionOverdue})

func petitionOverdue(c *Context, out Out) {
	for _, f := range c.Repo.Files {
		p, ok := f.Value.(*record.Petition)
		if !ok || p == nil || !c.Wants(f.Path) {
			continue
		}
		p = petition.At(p, c.Now) // as it stood on the day checked: a step taken later was not taken yet
		for _, d := range petition.Deadlines(p, c.Policy, c.Remote(p.Locality)) {
			u := d.Urgency(c.Now, c.Policy)
			if u == petition.Later {
				continue
			}
			source := d.SourceText()
			kind, received, step := petition.TypeText(p.Type, p.Attempt), when.DateText(p.Received), petition.StepText(d.Step)
			var sev finding.Severity
			var msg i18n.Msg
			switch u {
			case petition.Soon:
				sev, msg = finding.Info, i18n.M("rule.petition.soon", kind, received, step, when.Date(d.Due), d.WorkingDaysLeft(c.Now, c.Policy), source)
			case petition.LastDay:
				sev, msg = finding.Warning, i18n.M("rule.petition.last_day", kind, received, when.Date(d.Due), step, source)
			default:
				sev, msg = finding.Error, i18n.M("rule.petition.overdue", kind, received, step, when.Date(d.Due), d.DaysOverdue(c.Now, c.Policy), source)
			}
			var related []finding.Pos
			if d.Limit.From == policy.FromAccepted {
				for i, h := range p.History {
					if h.Action == petition.Accepted {
						related = []finding.Pos{f.Pos("history", i)}
						break
					}
				}
			}
			for _, e := range d.Extensions {
				related = append(related, f.Pos("history", e.History))
			}
			pos := f.Pos("status")
			if f.Node("status") == nil {
				pos = f.Pos("received")
			}
			out.Emit(finding.Finding{Severity: sev, Pos: pos, Subject: "petition:" + p.ID, Msg: msg, Related: related})
		}
	}
}
