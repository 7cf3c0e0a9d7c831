package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
)

// jointMismatchRule: items sharing a joint key are one event, so they must agree on its time (the same
// instants, whatever form each writes) and its venue (a venue id and its name or alias agree; an item naming
// no place agrees with any). The finding sits on the item that disagrees with the reference one — the
// coordinator's, else the first listed — on the field at fault. Disagreeing items stay separate events for
// the overlap rules, but never conflict with each other.
var _ = register(Rule{ID: "joint/mismatch", Across: AcrossPeriod, Severity: finding.Error,
	Keys:     []string{"rule.overlap.joint_time", "rule.overlap.joint_place", "rule.overlap.joint_both"},
	Schedule: jointFindings})

func jointFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, m := range s.Mismatches {
		g := &s.Groups[m.Group]
		ref, part := g.Parts[m.Ref], g.Parts[m.Part]
		title := g.Item.Title
		field, msg := "when", i18n.M("rule.overlap.joint_time", title, c.OfficeName(part.Office), part.Span.Phrase(), c.OfficeName(ref.Office), ref.Span.Phrase())
		switch {
		case m.Time && m.Place:
			msg = i18n.M("rule.overlap.joint_both", title, c.OfficeName(part.Office), part.Span.Phrase(), c.placeText(part.Item.Place),
				c.OfficeName(ref.Office), ref.Span.Phrase(), c.placeText(ref.Item.Place))
		case m.Place:
			field, msg = "place", i18n.M("rule.overlap.joint_place", title, c.OfficeName(part.Office), c.placeText(part.Item.Place), c.OfficeName(ref.Office), c.placeText(ref.Item.Place))
		}
		a, b := c.originPos(part.Origin, field), c.originPos(ref.Origin, field)
		if !c.Wants(a.File) && c.Wants(b.File) {
			a, b = b, a
		}
		emit(ScheduleFinding{
			Finding: finding.Finding{Pos: a, Msg: msg,
				Subject: "joint:" + g.Joint, Related: []finding.Pos{b}},
			Items: []string{g.ID},
		})
	}
}

// placeText is a place as a person reads it: a venue's registry name, else the free text as written.
func (c *Context) placeText(place string) string {
	if v, ok := c.ResolveVenue(place); ok {
		return c.VenueName(v)
	}
	return place
}
