package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapTentativeRule: a person or a venue in two events that may overlap, where at least one side says only
// a week or a month ("2026-W27", "2026-07"). Quarter and year programmes often know no more, so it is
// information, never an error; the finding sits on the coarse item, which is the one to pin down.
var overlapTentativeRule = Rule{ID: "overlap/tentative", Severity: finding.Info, Doc: i18n.M("rule.doc.overlap/tentative"),
	Check: scheduleCheck(tentativeFindings)}

func tentativeFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, k := range s.Detect(schedule.KindTentative, nil) {
		name, key := c.personName(k.ID), "rule.overlap.tentative.person"
		if k.What == schedule.WhatPlace {
			name, key = c.venueName(k.ID), "rule.overlap.tentative.place"
		}
		emit(c.pairFinding(s, k, "overlap/tentative", finding.Info, func(a, b *schedule.Event) i18n.Msg {
			return i18n.M(key, name, a.When, b.Title, offices(b), b.When)
		}))
	}
}
