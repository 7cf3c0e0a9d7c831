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
// month for which the repo holds programmes (Context.Receptions). One finding per person and month missed,
// on the person's entry, related to the programmes of that month's periods.
var _ = register(Rule{ID: "rhythm/reception", Across: AcrossProgrammes, Severity: finding.Warning,
	Keys: []string{"rule.rhythm.reception"}, Check: rhythmReception})

func rhythmReception(c *Context, out Out) {
	people := c.Repo.File("registry/people.yaml")
	if people == nil || !c.Wants(people.Path) {
		return
	}
	for _, r := range c.Receptions() {
		for _, m := range r.Months {
			if m.Held {
				continue
			}
			out.Emit(finding.Finding{Pos: people.Pos("people", r.Index), Subject: "person:" + r.ID,
				Msg: i18n.M("rule.rhythm.reception", c.PersonName(r.ID), m.Month.Text()), Related: m.Programmes})
		}
	}
}

// Reception is a person the registry binds to receive citizens monthly, with the months judged for them.
type Reception struct {
	Index  int    // the person's index in registry/people.yaml
	ID     string // the person's id
	Months []ReceptionMonth
}

// ReceptionMonth is a month judged: one that has ended by --as-of and that a year, quarter or month
// programme of the repo covers.
type ReceptionMonth struct {
	Month period.Period
	// Held: some programme, a week's included, holds a `kind: reception` item the person chairs or attends
	// whose `when` touches the month (a coarse `when: 2026-09` counts).
	Held bool
	// Programmes are the positions of the programmes covering the month.
	Programmes []finding.Pos
}

// Receptions are the people bound to receive citizens monthly (`receives_citizens: monthly`), in registry
// order, each with the months judged, in order, and whether each had a reception day of theirs: what
// rhythm/reception reports (the months not held) and `coord report` counts (the months held against those
// due). Every bound person is judged on the same months. A month is judged once it has ended by c.Now (from
// the first day of the next month, 00:00) and only when a year, quarter or month programme of the loaded
// repo covers it; a reception item of any programme counts in every month its `when` touches.
func (c *Context) Receptions() []Reception {
	var out []Reception
	for i, p := range c.Repo.People.People {
		if p.ReceivesCitizens == "monthly" && p.ID != "" {
			out = append(out, Reception{Index: i, ID: p.ID})
		}
	}
	if len(out) == 0 {
		return nil
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
	for i := range out {
		for _, m := range months {
			out[i].Months = append(out[i].Months, ReceptionMonth{Month: m, Held: received[out[i].ID][m], Programmes: covered[m]})
		}
	}
	return out
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
