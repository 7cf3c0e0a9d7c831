package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapPersonRule: one person in two precise events at overlapping times. The items of one joint event are
// one event; back-to-back events (one ends when the next starts) do not overlap; a week or month item is
// overlap/tentative's.
var overlapPersonRule = Rule{ID: "overlap/person", Severity: finding.Error, Doc: i18n.M("rule.doc.overlap/person"),
	Schedule: personFindings}

func personFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, k := range s.Detect(schedule.KindPerson, nil) {
		emit(c.pairFinding(s, k, func(a, b *schedule.Event) i18n.Msg {
			return i18n.M("rule.overlap.person", c.PersonName(k.ID), a.Span().Phrase(), b.Title, offices(b), b.Span().Phrase())
		}))
	}
}
