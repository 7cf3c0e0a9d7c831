package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapTentativeRule: a person or a venue in two events that may overlap, where at least one side says only
// a week or a month ("2026-W27", "2026-07"). Quarter and year programmes often know no more, so it is
// information, never an error. The finding sits on the coarse item, which is the one to pin down; a coarse
// item that may overlap several events of one person (or venue) gets one finding listing them all in
// related, not one per event.
var _ = register(Rule{ID: "overlap/tentative", Across: AcrossPeriod, Severity: finding.Info,
	Keys:     []string{"rule.overlap.tentative.person", "rule.overlap.tentative.place", "rule.overlap.tentative.person_n", "rule.overlap.tentative.place_n"},
	Schedule: tentativeFindings})

func tentativeFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	type key struct {
		a        int
		what, id string
	}
	var order []key
	groups := map[key][]schedule.Conflict{}
	for _, k := range s.Detect(schedule.KindTentative, nil) {
		g := key{k.A, k.What, k.ID}
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], k)
	}
	for _, g := range order {
		ks := groups[g]
		name, key := c.PersonName(g.id), "rule.overlap.tentative.person"
		if g.what == schedule.WhatPlace {
			name, key = c.VenueName(g.id), "rule.overlap.tentative.place"
		}
		pair := func(k schedule.Conflict) ScheduleFinding {
			return c.pairFinding(s, k, func(a, b *schedule.Event) i18n.Msg {
				return i18n.M(key, name, a.Span().Phrase(), b.Title, c.offices(b), b.Span().Phrase())
			})
		}
		at := c.eventPos(s, g.a, "when")
		if len(ks) == 1 || !c.Wants(at.File) {
			for _, k := range ks {
				emit(pair(k))
			}
			continue
		}
		a, b := &s.Events[g.a], &s.Events[ks[0].B]
		f := ScheduleFinding{
			Finding: finding.Finding{Pos: at, Subject: ks[0].Subject(),
				Msg: i18n.M(key+"_n", name, a.Span().Phrase(), len(ks), b.Title, c.offices(b), b.Span().Phrase())},
			Items: []string{s.Group(g.a).ID},
		}
		for _, k := range ks {
			f.Related = append(f.Related, c.eventPos(s, k.B, "when"))
			f.Items = append(f.Items, s.Group(k.B).ID)
		}
		emit(f)
	}
}
