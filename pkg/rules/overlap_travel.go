package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapTravelRule: one person's consecutive events in different localities with less time between them
// than the journey. Minutes come from registry/places.yaml: an explicit travel_to in either direction, else
// both localities' travel to the provincial centre added up; a missing time counts as 0.
var _ = register(Rule{ID: "overlap/travel", Across: AcrossPeriod, Severity: finding.Warning,
	Keys:     []string{"rule.overlap.travel"},
	Schedule: travelFindings})

func travelFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, k := range s.Detect(schedule.KindTravel, c.TravelTimes()) {
		emit(c.pairFinding(s, k, func(first, second *schedule.Event) i18n.Msg {
			if second.Start.Before(first.Start) {
				first, second = second, first
			}
			return i18n.M("rule.overlap.travel", c.PersonName(k.ID), c.LocalityName(first.Locality), c.LocalityName(second.Locality),
				first.Title, first.Span().Phrase(), second.Title, second.Span().Phrase(), int(k.Gap.Minutes()), int(k.Need.Minutes()))
		}))
	}
}
