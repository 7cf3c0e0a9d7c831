package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapVenueRule: one venue booked by two precise events at overlapping times. A place written as free text
// counts when it is a venue's name or alias after folding ("hội trường tỉnh uỷ" is hoi-truong-tinh-uy); free
// text that matches no venue takes part in no venue rule. Events linked by overlaps are one finding
// (cluster.go).
var overlapVenueRule = register(Rule{ID: "overlap/venue", Across: AcrossPeriod, Severity: finding.Error,
	Keys:     []string{"rule.overlap.venue", "rule.overlap.venue_n", "rule.cluster.item", "rule.cluster.sep", "rule.cluster.more"},
	Schedule: venueFindings})

func venueFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, f := range c.clusterFindings(s, schedule.KindVenue, nil) {
		emit(f)
	}
}
