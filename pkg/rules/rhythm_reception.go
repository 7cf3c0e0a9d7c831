package rules

import (
	"sort"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
)

// rhythmReceptionRule: a person the registry binds to receive citizens each month (`receives_citizens:
// monthly` in registry/people.yaml; the law binds the Chairman of the provincial People's Committee and the
// Party Secretary: the rule follows the registry, not titles) has a reception day (an item of `kind:
// reception` they chair or attend) in each month that has ended by --as-of and lies in a year, quarter or
// month for which the repo holds programmes. A reception item of any programme counts, week programmes
// included, in every month its `when` touches. One finding per person and month, on the person's entry,
// related to the programmes of that month's periods.
var _ = register(Rule{ID: "rhythm/reception", Severity: finding.Warning,
	Keys: []string{"rule.rhythm.reception"}, Check: rhythmReception})

func rhythmReception(c *Context, out Out) {
	people := c.Repo.File("registry/people.yaml")
	if people == nil || !c.Wants(people.Path) {
		return
	}
	var bound []int
	for i, p := range c.Repo.People.People {
		if p.ReceivesCitizens == "monthly" && p.ID != "" {
			bound = append(bound, i)
		}
	}
	if len(bound) == 0 {
		return
	}
	loc := c.Repo.Loc
	covered := map[period.Period][]finding.Pos{} // ended months -> the programmes of their periods
	received := map[string]map[period.Period]bool{}
	for _, pf := range c.Programmes() {
		per, err := period.Parse(pf.Period)
		if err != nil {
			continue
		}
		if per.Kind != period.Week {
			for m := per.Start(loc); m.Before(per.End(loc)); m = m.AddDate(0, 1, 0) {
				month := period.Period{Kind: period.Month, Year: m.Year(), N: int(m.Month())}
				if !c.Now.Before(month.End(loc)) {
					covered[month] = append(covered[month], pf.File.Pos("period"))
				}
			}
		}
		for _, it := range pf.Items {
			if it.Kind != "reception" {
				continue
			}
			s, err := c.Span(it.When)
			if err != nil || !s.End.After(s.Start) {
				continue
			}
			for _, id := range append(append([]string(nil), it.Chair...), it.Attendees...) {
				if received[id] == nil {
					received[id] = map[period.Period]bool{}
				}
				for _, m := range monthsOf(s.Start, s.End) {
					received[id][m] = true
				}
			}
		}
	}
	months := make([]period.Period, 0, len(covered))
	for m := range covered {
		months = append(months, m)
	}
	sort.Slice(months, func(i, j int) bool { return months[i].String() < months[j].String() })
	for _, i := range bound {
		p := c.Repo.People.People[i]
		for _, m := range months {
			if received[p.ID][m] {
				continue
			}
			out.Emit(finding.Finding{Pos: people.Pos("people", i), Subject: "person:" + p.ID,
				Msg: i18n.M("rule.rhythm.reception", c.PersonName(p.ID), m.Text()), Related: covered[m]})
		}
	}
}

// monthsOf are the calendar months that [start, end) touches (in start's timezone).
func monthsOf(start, end time.Time) []period.Period {
	var out []period.Period
	last := end.Add(-time.Nanosecond)
	for m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, start.Location()); !m.After(last); m = m.AddDate(0, 1, 0) {
		out = append(out, period.Period{Kind: period.Month, Year: m.Year(), N: int(m.Month())})
		if len(out) > 24 {
			break // a span of years is no reception day; a bound on the loop
		}
	}
	return out
}
