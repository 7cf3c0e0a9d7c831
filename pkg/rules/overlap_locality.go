package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
	"github.com/coordvn/coord/pkg/when"
)

// overlapLocalityRule: two field trips (kind: field-trip) of different bodies to one locality on one day —
// the commune receives two delegations. The locality is the item's, else its venue's. Week and month items
// name no day and take no part.
var _ = register(Rule{ID: "overlap/locality", Across: AcrossPeriod, Severity: finding.Warning,
	Keys:     []string{"rule.overlap.locality"},
	Schedule: localityFindings})

func localityFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, k := range s.Detect(schedule.KindLocality, nil) {
		emit(c.pairFinding(s, k, func(a, b *schedule.Event) i18n.Msg {
			return i18n.M("rule.overlap.locality", c.LocalityName(k.ID), when.Date(k.Day), c.names(a.Bodies, c.BodyName),
				b.Title, c.names(b.Bodies, c.BodyName), b.Span().Phrase())
		}))
	}
}
