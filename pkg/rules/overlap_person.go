package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/schedule"
)

// overlapPersonRule: one person in two precise events at overlapping times. The items of one joint event are
// one event; back-to-back events (one ends when the next starts) do not overlap; a week or month item is
// overlap/tentative's.
var overlapPersonRule = Rule{ID: "overlap/person", Severity: finding.Error, Doc: i18n.M("rule.doc.overlap/person"),
	Check: scheduleCheck(personFindings)}

func personFindings(c *Context, s *schedule.Set, emit func(ScheduleFinding)) {
	for _, k := range s.Detect(schedule.KindPerson, nil) {
		emit(c.pairFinding(s, k, "overlap/person", finding.Error, func(a, b *schedule.Event) i18n.Msg {
			return i18n.M("rule.overlap.person", c.personName(k.ID), a.When(), b.Title, offices(b), b.When())
		}))
	}
}

// The rest of this file is shared by the six rules computed on a merged schedule (overlap/*, joint/mismatch)
// and by `coord merge`, which recomputes them after the coordinator's adjustments.

// ScheduleRuleIDs are the rules computed on a merged schedule.
var ScheduleRuleIDs = []string{"overlap/person", "overlap/venue", "overlap/locality", "overlap/travel", "overlap/tentative", "joint/mismatch"}

// ScheduleFinding is a finding of a schedule rule with the merged items it is about (ids of schedule.Group).
type ScheduleFinding struct {
	finding.Finding
	Items []string
}

// PeriodSchedule is the merged schedule of the programmes of one period.
type PeriodSchedule struct {
	Period string
	Set    *schedule.Set
}

// Schedules merges the programmes of each period, in period order. Events are compared only among the
// programmes of one period: a month programme refines a quarter's, and comparing across periods would report
// every refined event twice. A programme whose period does not parse takes part in nothing (schema reports it).
func (c *Context) Schedules() []PeriodSchedule {
	if c.schedules != nil {
		return c.schedules // the six schedule rules share one merge
	}
	c.schedules = c.buildSchedules()
	return c.schedules
}

func (c *Context) buildSchedules() []PeriodSchedule {
	by := map[string][]ProgrammeFile{}
	for _, pf := range c.Programmes() {
		p, err := period.Parse(pf.Period)
		if err != nil {
			continue
		}
		by[p.String()] = append(by[p.String()], pf)
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]PeriodSchedule, 0, len(keys))
	for _, k := range keys {
		out = append(out, PeriodSchedule{k, c.MergeSchedule(c.ScheduleSources(by[k]))})
	}
	return out
}

// MergeSchedule merges sources (the programmes of one period) with the repo's resolver, the coordinator as
// the preferred office of joint events and the last one proposed to move.
func (c *Context) MergeSchedule(srcs []schedule.Source) *schedule.Set {
	return schedule.MergeJoint(srcs, c.ScheduleResolver(), schedule.Options{Prefer: c.Repo.Settings.Coordinator})
}

// ScheduleSources turns programme files into schedule sources, offices in registry order (then by path), so
// that "the office listed later" means the same thing in every command.
func (c *Context) ScheduleSources(files []ProgrammeFile) []schedule.Source {
	rank := map[string]int{}
	for i, o := range c.Repo.Offices.Offices {
		if _, ok := rank[o.Code]; !ok {
			rank[o.Code] = i
		}
	}
	r := func(o string) int {
		if v, ok := rank[o]; ok {
			return v
		}
		return len(rank)
	}
	sorted := append([]ProgrammeFile(nil), files...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if r(a.Office) != r(b.Office) {
			return r(a.Office) < r(b.Office)
		}
		if a.Office != b.Office {
			return a.Office < b.Office
		}
		return a.File.Path < b.File.Path
	})
	out := make([]schedule.Source, 0, len(sorted))
	for _, pf := range sorted {
		out = append(out, schedule.Source{File: pf.File.Path, Office: pf.Office, Items: pf.Items})
	}
	return out
}

// ScheduleResolver reads items with the repo's policy and registry.
func (c *Context) ScheduleResolver() schedule.Resolver {
	return schedule.Resolver{
		Span:  c.Span,
		Venue: c.ResolveVenue,
		VenueLocality: func(v string) string {
			if ve, ok := c.Venues[v]; ok {
				return ve.Locality
			}
			return ""
		},
	}
}

// TravelTimes are the registry's travel minutes between localities.
func (c *Context) TravelTimes() *schedule.Travel { return schedule.NewTravel(c.Repo.Places.Localities) }

// ScheduleFindings are the findings of every schedule rule on one merged schedule, sorted.
func (c *Context) ScheduleFindings(s *schedule.Set) []ScheduleFinding {
	// The six rules only read the schedule and the context: they run at once, and their findings are joined
	// in rule order, so the stable sort below gives the order one run after the other would.
	fns := []func(*Context, *schedule.Set, func(ScheduleFinding)){
		personFindings, venueFindings, localityFindings, travelFindings, tentativeFindings, jointFindings}
	parts := make([][]ScheduleFinding, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(c, s, func(f ScheduleFinding) { parts[i] = append(parts[i], f) })
		}()
	}
	wg.Wait()
	var out []ScheduleFinding
	for _, p := range parts {
		out = append(out, p...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		case a.Subject != b.Subject:
			return a.Subject < b.Subject
		}
		return strings.Join(a.Items, " ") < strings.Join(b.Items, " ")
	})
	return out
}

// scheduleCheck makes a rule's Check from its findings function: every period's schedule.
func scheduleCheck(fn func(*Context, *schedule.Set, func(ScheduleFinding))) func(*Context, *finding.Collector) {
	return func(c *Context, out *finding.Collector) {
		for _, ps := range c.Schedules() {
			fn(c, ps.Set, func(f ScheduleFinding) { c.Emit(out, f.Finding) })
		}
	}
}

// pairFinding places a conflict's finding on the `when` of the event proposed to move (A), related to the
// other's; when only the other's file is wanted (check PATH…), on the other's, so a clerk checking their own
// file sees it. msg words the finding from the side it sits on.
func (c *Context) pairFinding(s *schedule.Set, k schedule.Conflict, rule string, sev finding.Severity,
	msg func(this, other *schedule.Event) i18n.Msg) ScheduleFinding {
	a, b := k.A, k.B
	if pa, pb := c.eventPos(s, a, "when"), c.eventPos(s, b, "when"); !c.Wants(pa.File) && c.Wants(pb.File) {
		a, b = b, a
	}
	return ScheduleFinding{
		Finding: finding.Finding{Rule: rule, Severity: sev, Pos: c.eventPos(s, a, "when"), Msg: msg(&s.Events[a], &s.Events[b]),
			Subject: k.Subject(), Related: []finding.Pos{c.eventPos(s, b, "when")}},
		Items: []string{s.Group(k.A).ID, s.Group(k.B).ID},
	}
}

// eventPos is the position of a field of an event's first item in its programme file.
func (c *Context) eventPos(s *schedule.Set, ev int, field string) finding.Pos {
	return c.originPos(s.Origin(ev), field)
}

func (c *Context) originPos(o schedule.Origin, field string) finding.Pos {
	if f := c.Repo.File(o.File); f != nil {
		return f.Pos("items", o.Index, field)
	}
	return finding.Pos{File: o.File, Line: 1, Column: 1}
}

func (c *Context) personName(id string) string {
	if p, ok := c.People[id]; ok && p.Name != "" {
		return p.Name
	}
	return id
}

func (c *Context) venueName(id string) string {
	if v, ok := c.Venues[id]; ok && v.Name != "" {
		return v.Name
	}
	return id
}

func (c *Context) localityName(id string) string {
	if l, ok := c.Locals[id]; ok && l.Name != "" {
		return l.Name
	}
	return id
}

func offices(e *schedule.Event) string { return strings.Join(e.Offices, ", ") }

// dmy writes a day as clerks do: 06/8/2026.
func dmy(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%02d/%d/%04d", d, int(m), y)
}
