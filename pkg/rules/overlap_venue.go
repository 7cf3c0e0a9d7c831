package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapVenueRule: one venue booked by two precise events at overlapping times. A place written as free text
// counts when it is a venue's name or alias after folding ("hội trường tỉnh uỷ" is hoi-truong-tinh-uy); free
// text that matches no venue takes part in no venue rule.
var overlapVenueRule = Rule{ID: "overlap/venue", Severity: finding.Error, Doc: i18n.M("rule.doc.overlap/venue"),
	Schedule: venueFindings}

func venueFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, k := range s.Detect(schedule.KindVenue, nil) {
		emit(c.pairFinding(s, k, func(a, b *schedule.Event) i18n.Msg {
			return i18n.M("rule.overlap.venue", c.VenueName(k.ID), a.Span().Phrase(), b.Title, offices(b), b.Span().Phrase())
		}))
	}
}
