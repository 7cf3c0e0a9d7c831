package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapPersonRule: one person in two precise events at overlapping times. The items of one joint event are
// one event; back-to-back events (one ends when the next starts) do not overlap; a week or month item is
// overlap/tentative's. Events linked by overlaps are one finding (cluster.go): five events in one
// slot are one finding listing them, not ten pairs.
var overlapPersonRule = register(Rule{ID: "overlap/person", Across: AcrossPeriod, Severity: finding.Error,
	Keys:     []string{"rule.overlap.person", "rule.overlap.person_n", "rule.cluster.item", "rule.cluster.sep", "rule.cluster.more"},
	Schedule: personFindings})

func personFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, f := range c.clusterFindings(s, schedule.KindPerson, nil) {
		emit(f)
	}
}
