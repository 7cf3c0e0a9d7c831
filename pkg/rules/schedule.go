package rules

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/par"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/schedule"
)

// This file is the machinery shared by the rules computed on a merged schedule (overlap/*, joint/mismatch,
// consolidated/stale) and by the consolidation (pkg/consolidate): one period's programmes merged as the
// offices submitted them, the coordinator's decisions applied, and the findings of the schedule rules on the
// result. `coord check` and `coord merge` both go through PeriodSchedule, so a conflict the coordinator
// resolved is resolved for both.

// ScheduleFinding is a finding of a schedule rule with the merged items it is about (ids of schedule.Group).
type ScheduleFinding struct {
	finding.Finding
	Items []string
}

// PeriodSchedule is one period's programmes merged, before and after the coordinator's decisions.
type PeriodSchedule struct {
	Period    period.Period
	Files     []ProgrammeFile               // the period's programmes, sorted by path
	Sources   []schedule.Source             // their items that can be consolidated, offices in registry order
	Skipped   int                           // items left out: no usable id, title, kind, bodies or when in the period
	Orig      *schedule.Set                 // as submitted
	Eff       *schedule.Set                 // with Decisions applied (Orig itself when there are none)
	Decisions map[string]*record.Adjustment // by merged item id: the decision on each item, applied in Eff
	// Record is the period's consolidated record as loaded (check only; nil when there is none or it does not
	// decode), and Stale what changed in the sources since it was written.
	Record *record.Consolidated
	File   *record.File
	Stale  []StaleItem

	order    []*record.Adjustment // Decisions in the order they were made
	c        *Context
	once     sync.Once
	findings []ScheduleFinding
	orig     []ScheduleFinding
}

// StaleItem is a difference between a consolidated record and the sources it was merged from.
type StaleItem struct {
	ID     string // the merged item id
	Title  string
	Change string          // StaleChanged, StaleAdded or StaleRemoved
	Index  int             // the item's index in the record's items (-1: added since)
	Origin schedule.Origin // the source item (changed or added)
}

// Kinds of StaleItem.Change.
const (
	StaleChanged = "changed"
	StaleAdded   = "added"
	StaleRemoved = "removed"
)

// Schedules are the schedules of every period that has programmes or a consolidated record, in period order,
// each with the decisions of its consolidated record that still apply (built once for the schedule rules).
// Events are compared only among the programmes of one period: a month programme refines a quarter's, and
// comparing across periods would report every refined event twice. A programme whose period does not parse
// takes part in nothing (schema reports it).
func (c *Context) Schedules() []*PeriodSchedule {
	if c.schedules == nil {
		c.schedules = c.buildSchedules()
	}
	return c.schedules
}

func (c *Context) buildSchedules() []*PeriodSchedule {
	by := map[period.Period][]ProgrammeFile{}
	for _, pf := range c.Programmes() {
		p, err := period.Parse(pf.Period)
		if err != nil {
			continue
		}
		by[p] = append(by[p], pf)
	}
	records := map[period.Period]*record.File{}
	for _, f := range c.Repo.Files {
		if v, ok := f.Value.(*record.Consolidated); ok && v != nil {
			if p, err := period.Parse(v.Period); err == nil && f.Path == datarepo.ConsolidatedPath(p) {
				records[p] = f
				if _, ok := by[p]; !ok {
					by[p] = nil
				}
			}
		}
	}
	keys := make([]period.Period, 0, len(by))
	for p := range by {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	out := make([]*PeriodSchedule, 0, len(keys))
	for _, p := range keys {
		ps := c.newPeriodSchedule(p, by[p])
		if f := records[p]; f != nil {
			ps.honour(f)
		} else {
			ps.Eff = ps.Orig
		}
		out = append(out, ps)
	}
	return out
}

// PeriodScheduleOf is the schedule of period p with the decisions given (the consolidation: the decisions
// the coordinator is making, whatever the record on disk says). Decisions on items that do not exist are
// left out; the last decision on an item wins.
func (c *Context) PeriodScheduleOf(p period.Period, decisions []record.Adjustment) *PeriodSchedule {
	var files []ProgrammeFile
	for _, pf := range c.Programmes() {
		if q, err := period.Parse(pf.Period); err == nil && q == p {
			files = append(files, pf)
		}
	}
	ps := c.newPeriodSchedule(p, files)
	return ps.WithDecisions(decisions)
}

// WithDecisions is the same schedule under other decisions: only what depends on them is computed again.
func (ps *PeriodSchedule) WithDecisions(decisions []record.Adjustment) *PeriodSchedule {
	n := &PeriodSchedule{Period: ps.Period, Files: ps.Files, Sources: ps.Sources, Skipped: ps.Skipped, Orig: ps.Orig,
		c: ps.c, orig: ps.orig, Decisions: map[string]*record.Adjustment{}}
	exists := make(map[string]bool, len(ps.Orig.Groups))
	for _, g := range ps.Orig.Groups {
		exists[g.ID] = true
	}
	for i := range decisions {
		if a := &decisions[i]; exists[a.Item] {
			n.Decisions[a.Item] = a
			n.order = slices.DeleteFunc(n.order, func(b *record.Adjustment) bool { return b.Item == a.Item })
			n.order = append(n.order, a)
		}
	}
	n.apply()
	return n
}

// DecisionList is the decisions that apply, in the order they were made (a changed mind counts as made
// last).
func (ps *PeriodSchedule) DecisionList() []record.Adjustment {
	out := make([]record.Adjustment, 0, len(ps.order))
	for _, a := range ps.order {
		out = append(out, *a)
	}
	return out
}

func (c *Context) newPeriodSchedule(p period.Period, files []ProgrammeFile) *PeriodSchedule {
	ps := &PeriodSchedule{Period: p, Files: files, c: c}
	ps.Sources = c.ScheduleSources(files)
	for i := range ps.Sources {
		var items []record.Item
		var index []int
		for j, it := range ps.Sources[i].Items {
			if c.consolidable(it, p) {
				items = append(items, it)
				index = append(index, j)
			} else {
				ps.Skipped++
			}
		}
		ps.Sources[i].Items, ps.Sources[i].Index = items, index
	}
	ps.Orig = c.MergeSchedule(ps.Sources)
	return ps
}

// consolidable reports whether an item can be consolidated: the fields the consolidated schema requires, a
// known kind, and a `when` that parses and lies in the period (the other rules report what is wrong with
// the rest).
func (c *Context) consolidable(it record.Item, p period.Period) bool {
	if it.ID == "" || it.Title == "" || !slices.Contains(record.ItemKinds, it.Kind) || len(it.Bodies) == 0 {
		return false
	}
	s, err := c.Span(it.When)
	if err != nil {
		return false
	}
	loc := c.Repo.Loc
	if s.Coarse() {
		return s.Start.Before(p.End(loc)) && s.End.After(p.Start(loc))
	}
	return p.Contains(s.Start, s.End, loc)
}

// honour takes the decisions of the period's consolidated record that still apply: those on items whose
// sources have not changed since the merge (their content hash, decision included, is the recorded one).
// What changed is Stale; a changed item's decision is not applied, so its conflicts show again.
func (ps *PeriodSchedule) honour(f *record.File) {
	rec := f.Value.(*record.Consolidated)
	ps.Record, ps.File = rec, f
	last := map[string]*record.Adjustment{}
	for i := range rec.Adjustments {
		last[rec.Adjustments[i].Item] = &rec.Adjustments[i]
	}
	recorded := make(map[string]int, len(rec.Items))
	for i, it := range rec.Items {
		if _, dup := recorded[it.ID]; !dup {
			recorded[it.ID] = i
		}
	}
	ps.Decisions = map[string]*record.Adjustment{}
	seen := make(map[string]bool, len(ps.Orig.Groups))
	for gi, mi := range MergedItems(ps.Orig) {
		g := &ps.Orig.Groups[gi]
		seen[g.ID] = true
		i, ok := recorded[g.ID]
		origin := g.Parts[g.Ref].Origin
		if !ok {
			ps.Stale = append(ps.Stale, StaleItem{ID: g.ID, Title: g.Item.Title, Change: StaleAdded, Index: -1, Origin: origin})
			continue
		}
		if h := rec.Items[i].Hash; h != "" && h != record.ItemHash(mi, last[g.ID]) {
			ps.Stale = append(ps.Stale, StaleItem{ID: g.ID, Title: g.Item.Title, Change: StaleChanged, Index: i, Origin: origin})
			continue
		}
		if a := last[g.ID]; a != nil {
			ps.Decisions[g.ID] = a
		}
	}
	for i, it := range rec.Items {
		if !seen[it.ID] {
			seen[it.ID] = true
			ps.Stale = append(ps.Stale, StaleItem{ID: it.ID, Title: it.Title, Change: StaleRemoved, Index: i})
		}
	}
	for i := range rec.Adjustments {
		if a := &rec.Adjustments[i]; ps.Decisions[a.Item] == a {
			ps.order = append(ps.order, a)
		}
	}
	ps.apply()
}

// apply builds Eff: the sources with the decisions applied to every part of each decided item (a moved
// joint event moves in every office's programme), merged again.
func (ps *PeriodSchedule) apply() {
	if len(ps.Decisions) == 0 {
		ps.Eff = ps.Orig
		return
	}
	type at struct {
		file string
		idx  int
	}
	act := map[at]*record.Adjustment{}
	for _, g := range ps.Orig.Groups {
		if a := ps.Decisions[g.ID]; a != nil {
			for _, p := range g.Parts {
				act[at{p.File, p.Index}] = a
			}
		}
	}
	out := make([]schedule.Source, len(ps.Sources))
	for i, s := range ps.Sources {
		out[i] = schedule.Source{File: s.File, Office: s.Office}
		for j, it := range s.Items {
			it, dropped := act[at{s.File, s.Index[j]}].Apply(it)
			if dropped {
				continue
			}
			out[i].Items = append(out[i].Items, it)
			out[i].Index = append(out[i].Index, s.Index[j])
		}
	}
	ps.Eff = ps.c.MergeSchedule(out)
}

// Findings are the findings of every schedule rule on the schedule after the decisions: a conflict that a
// move or a drop removed is gone, one with an item kept on purpose is information naming the decision (and
// a clash cluster's items not kept that still clash with each other are a finding of their own).
func (ps *PeriodSchedule) Findings() []ScheduleFinding {
	ps.once.Do(func() {
		ps.findings = ps.c.ScheduleFindings(ps.Eff)
		ps.findings = ps.c.splitKept(ps.Eff, ps.findings, func(id string) bool {
			a := ps.Decisions[id]
			return a != nil && a.Action == record.ActionKeep
		})
		for i, sf := range ps.findings {
			for _, id := range sf.Items {
				if a := ps.Decisions[id]; a != nil && a.Action == record.ActionKeep {
					ps.findings[i].Severity = finding.Info
					ps.findings[i].Msg = i18n.M("rule.overlap.kept", sf.Msg, a.Reason)
					break
				}
			}
		}
	})
	return ps.findings
}

// OrigFindings are the findings of the schedule as submitted, before any decision (the conflicts a
// consolidated record lists).
func (ps *PeriodSchedule) OrigFindings() []ScheduleFinding {
	if ps.orig == nil {
		ps.orig = ps.c.ScheduleFindings(ps.Orig)
		if ps.orig == nil {
			ps.orig = []ScheduleFinding{}
		}
	}
	return ps.orig
}

// MergedItems are the groups of a schedule as items of a consolidated programme: the reference item with
// every part's bodies and people, the offices, and each part's origin — with its own time and place when
// they differ from the merged item's (the parts of a joint event that disagree).
func MergedItems(s *schedule.Set) []record.MergedItem {
	out := make([]record.MergedItem, len(s.Groups))
	for i, g := range s.Groups {
		mi := record.MergedItem{Item: g.Item, Offices: g.Offices}
		mi.ID, mi.Joint = g.ID, g.Joint
		mi.Origins = make([]record.Origin, 0, len(g.Parts))
		for _, part := range g.Parts {
			o := record.Origin{File: part.File, Item: part.Item.ID, Office: part.Office}
			if len(g.Parts) > 1 {
				if part.Item.When != g.Item.When {
					o.When = part.Item.When
				}
				if part.Item.Place != g.Item.Place && part.Item.Place != "" {
					o.Place = part.Item.Place
				}
			}
			mi.Origins = append(mi.Origins, o)
		}
		out[i] = mi
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

// scheduleRules are the registered rules computed on a merged schedule.
func scheduleRules() []Rule {
	var out []Rule
	for _, r := range All() {
		if r.Schedule != nil {
			out = append(out, r)
		}
	}
	return out
}

// IsScheduleRule reports whether a rule id is computed on a merged schedule (the consolidation runs those on
// its own schedule, and the others on its inputs).
func IsScheduleRule(id string) bool {
	for _, r := range scheduleRules() {
		if r.ID == id {
			return true
		}
	}
	return false
}

// ScheduleFindings are the findings of every schedule rule on one merged schedule, sorted.
func (c *Context) ScheduleFindings(s *schedule.Set) []ScheduleFinding {
	// The rules only read the schedule and the context: they run at once, and their findings are joined in
	// rule order, so the stable sort below gives the order one run after the other would.
	rs := scheduleRules()
	parts := make([][]ScheduleFinding, len(rs))
	var g par.Group
	for i, r := range rs {
		g.Go("", func() {
			r.Schedule(c, s, func(f ScheduleFinding) {
				f.Rule = r.ID
				if f.Severity == "" {
					f.Severity = r.Severity
				}
				parts[i] = append(parts[i], f)
			})
		})
	}
	g.MustWait()
	var out []ScheduleFinding
	for _, p := range parts {
		out = append(out, p...)
	}
	sortScheduleFindings(out)
	return out
}

// sortScheduleFindings sorts findings by position, rule, subject and items (stable).
func sortScheduleFindings(out []ScheduleFinding) {
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
}

// scheduleCheck is the Check of a schedule rule: its findings in every period's schedule after the
// decisions of the period's consolidated record.
func scheduleCheck(c *Context, out Out) {
	for _, ps := range c.Schedules() {
		for _, f := range ps.Findings() {
			if f.Rule == out.rule.ID {
				out.Emit(f.Finding)
			}
		}
	}
}

// pairFinding places a conflict's finding on the `when` of the event proposed to move (A), related to the
// other's; when only the other's file is wanted (check PATH…), on the other's, so a clerk checking their own
// file sees it. msg words the finding from the side it sits on. The rule id and severity are the rule's.
func (c *Context) pairFinding(s *schedule.Set, k schedule.Conflict, msg func(this, other *schedule.Event) i18n.Msg) ScheduleFinding {
	a, b := k.A, k.B
	if pa, pb := c.eventPos(s, a, "when"), c.eventPos(s, b, "when"); !c.Wants(pa.File) && c.Wants(pb.File) {
		a, b = b, a
	}
	return ScheduleFinding{
		Finding: finding.Finding{Pos: c.eventPos(s, a, "when"), Msg: msg(&s.Events[a], &s.Events[b]),
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

// PersonName is a person's registry name, else the id as written.
func (c *Context) PersonName(id string) string {
	if p, ok := c.People[id]; ok && p.Name != "" {
		return p.Name
	}
	return id
}

// VenueName is a venue's registry name, else the id as written.
func (c *Context) VenueName(id string) string {
	if v, ok := c.Venues[id]; ok && v.Name != "" {
		return v.Name
	}
	return id
}

// LocalityName is a locality's registry name, else the id as written.
func (c *Context) LocalityName(id string) string {
	if l, ok := c.Locals[id]; ok && l.Name != "" {
		return l.Name
	}
	return id
}

// Remote reports whether the registry marks a locality remote (vùng sâu, vùng xa: `remote: true`), which
// gives a petition from it the law's longer limits.
func (c *Context) Remote(locality string) bool {
	l, ok := c.Locals[locality]
	return ok && l.Remote
}

// OfficeName is an office's registry name, else the code.
func (c *Context) OfficeName(code string) string {
	if o, ok := c.Offices[code]; ok && o.Name != "" {
		return o.Name
	}
	return code
}

// offices names an event's offices, as the registry does.
func (c *Context) offices(e *schedule.Event) string { return c.names(e.Offices, c.OfficeName) }

// names joins the registry names of codes.
func (c *Context) names(codes []string, name func(string) string) string {
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = name(code)
	}
	return strings.Join(out, ", ")
}

// BodyName is a body's or an office's registry name, else the code.
func (c *Context) BodyName(code string) string {
	if b, ok := c.Bodies[code]; ok && b.Name != "" {
		return b.Name
	}
	return c.OfficeName(code)
}
