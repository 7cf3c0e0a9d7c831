package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// programme is the effective programme that every format shows: the merged items with the coordinator's
// adjustments applied (moved items at their new time, dropped items set apart), conflicts tied to the items
// they concern, and names resolved. It is built once per rendering and only read afterwards.
type programme struct {
	in        Input
	lang      i18n.Lang
	pol       when.Policy
	loc       *time.Location
	entries   []*entry // effective items whose time parses, in time order
	undated   []*entry // effective items whose `when` cannot be read: listed, never placed on a calendar
	dropped   []*entry // items the coordinator left out, in the order of the adjustments
	conflicts []*conflict
	adjusted  []*entry // items with an adjustment, in the order of the adjustments
	offices   []string // office codes in legend order (registry codes first, sorted, then unknown ones)
	colour    map[string]int
}

// entry is one item of the effective programme.
type entry struct {
	item      record.MergedItem  // When and Place are the effective ones (after a move)
	span      when.Span          // meaningful when dated
	dated     bool               // the effective `when` parses
	adj       *record.Adjustment // the coordinator's decision on this item, if any
	fromWhen  string             // the `when` before a move
	fromPlace string             // the place before a move
	marks     []*conflict        // conflicts to flag on this item: open or kept, not resolved
	all       []*conflict        // every conflict naming the item
}

// conflictState says what the coordinator did about a conflict.
type conflictState int

const (
	conflictOpen     conflictState = iota // no decision on any of its items
	conflictAccepted                      // an item is kept as it is, with a reason
	conflictResolved                      // an item was moved or left out
)

// conflict is one recorded conflict, numbered from 1 in the order of the record.
type conflict struct {
	n     int
	c     record.Conflict
	state conflictState
}

// Actions of an adjustment.
const (
	actionMove = "move"
	actionDrop = "drop"
	actionKeep = "keep"
)

// newProgramme applies the adjustments and orders the items. It never fails: what cannot be read is listed as
// undated, unknown ids are printed as written.
func newProgramme(in Input) *programme {
	p := &programme{in: in, lang: in.Lang, pol: in.Sessions, colour: map[string]int{}}
	if p.lang != i18n.EN {
		p.lang = i18n.VI
	}
	if p.pol.Validate() != nil {
		p.pol = when.DefaultPolicy(p.pol.Loc)
	}
	p.loc = p.pol.Loc
	if p.loc == nil {
		p.loc = when.DefaultPolicy(nil).Loc
	}
	c := in.C
	if c == nil {
		c = &record.Consolidated{}
	}

	// The last decision on an item wins: a coordinator who changes their mind appends a new adjustment.
	adjs := map[string]*record.Adjustment{}
	var adjOrder []string
	for i := range c.Adjustments {
		a := &c.Adjustments[i]
		if _, seen := adjs[a.Item]; !seen {
			adjOrder = append(adjOrder, a.Item)
		}
		adjs[a.Item] = a
	}

	byID := map[string]*entry{}
	for _, it := range c.Items {
		e := &entry{item: it, adj: adjs[it.ID]}
		e.item.Chair = slices.Clone(it.Chair)
		e.item.Attendees = slices.Clone(it.Attendees)
		if _, dup := byID[it.ID]; !dup {
			byID[it.ID] = e
		}
		if e.adj != nil && e.adj.Action == actionDrop {
			continue
		}
		if e.adj != nil && e.adj.Action == actionMove {
			if e.adj.When != "" {
				e.fromWhen, e.item.When = it.When, e.adj.When
			}
			if e.adj.Place != "" && e.adj.Place != it.Place {
				e.fromPlace, e.item.Place = it.Place, e.adj.Place
			}
		}
		if sp, err := when.Parse(e.item.When, p.pol); err == nil {
			e.span, e.dated = sp, true
			p.entries = append(p.entries, e)
		} else {
			p.undated = append(p.undated, e)
		}
	}
	for _, id := range adjOrder {
		if e := byID[id]; e != nil {
			p.adjusted = append(p.adjusted, e)
			if e.adj.Action == actionDrop {
				p.dropped = append(p.dropped, e)
			}
		}
	}

	for i, rc := range c.Conflicts {
		k := &conflict{n: i + 1, c: rc}
		for _, id := range rc.Items {
			if e := byID[id]; e != nil && e.adj != nil {
				switch e.adj.Action {
				case actionMove, actionDrop:
					k.state = conflictResolved
				case actionKeep:
					k.state = max(k.state, conflictAccepted)
				}
			}
		}
		p.conflicts = append(p.conflicts, k)
		for _, id := range rc.Items {
			if e := byID[id]; e != nil && !slices.Contains(e.all, k) {
				e.all = append(e.all, k)
				if k.state != conflictResolved {
					e.marks = append(e.marks, k)
				}
			}
		}
	}

	slices.SortStableFunc(p.entries, func(a, b *entry) int {
		return cmp.Or(a.span.Start.Compare(b.span.Start), cmp.Compare(formRank(a.span.Form), formRank(b.span.Form)),
			a.span.End.Compare(b.span.End), strings.Compare(a.item.ID, b.item.ID))
	})
	slices.SortStableFunc(p.undated, func(a, b *entry) int { return strings.Compare(a.item.ID, b.item.ID) })

	// Legend and colours: registry offices in code order, then any office named only by an item.
	seen := map[string]bool{}
	for code := range in.Offices {
		seen[code] = true
		p.offices = append(p.offices, code)
	}
	slices.Sort(p.offices)
	var extra []string
	for _, it := range c.Items {
		for _, o := range it.Offices {
			if !seen[o] {
				seen[o] = true
				extra = append(extra, o)
			}
		}
	}
	slices.Sort(extra)
	p.offices = append(p.offices, extra...)
	for i, o := range p.offices {
		p.colour[o] = i % len(palette)
	}
	return p
}

// formRank orders items that start at the same instant: a month before a week before a dated item.
func formRank(f when.Form) int {
	switch f {
	case when.FormMonth:
		return 0
	case when.FormWeek:
		return 1
	}
	return 2
}

// msg renders a catalog message in the programme's language.
func (p *programme) msg(key string, args ...any) string { return i18n.M(key, args...).Render(p.lang) }

// vi renders a catalog message in Vietnamese (documents).
func vi(key string, args ...any) string { return i18n.M(key, args...).Render(i18n.VI) }

// title is "Chương trình công tác Quý III năm 2026".
func (p *programme) title() string { return p.msg("render.title", p.in.Period.Label(p.lang)) }

// periodText is the period's machine form, "2026-Q3"; the record's own text when the Input has no period.
func (p *programme) periodText() string {
	if p.in.Period.Kind == 0 && p.in.C != nil {
		return p.in.C.Period
	}
	return p.in.Period.String()
}

// periodBounds is the period as instants in the repo's timezone.
func (p *programme) periodBounds() (time.Time, time.Time) {
	return p.in.Period.Start(p.loc), p.in.Period.End(p.loc)
}

// status is "Đã phê duyệt — Quyết định số 12-CTr/TU ngày 25/6/2026 của Thường trực Tỉnh ủy".
func (p *programme) status() string {
	c := p.in.C
	if c == nil {
		return p.msg("render.status.draft")
	}
	s := p.msg("render.status." + cmp.Or(c.Status, "draft"))
	if d := c.Decision; d != nil && d.Number != "" {
		date := p.isoDateText(d.Date)
		if d.By != "" {
			s += " — " + p.msg("render.decision_by", d.Number, date, p.bodyOrOffice(d.By))
		} else {
			s += " — " + p.msg("render.decision", d.Number, date)
		}
	}
	if c.Issued != "" {
		s += ", " + p.msg("render.issued", p.isoDateText(c.Issued))
	}
	return s
}

// generated is the as-of instant in the repo's timezone, "2026-06-26 09:30 (+07:00)".
func (p *programme) generated() string {
	return p.in.Generated.In(p.loc).Format("2006-01-02 15:04 (-07:00)")
}

// --- names ---

func (p *programme) personName(id string) string {
	if v, ok := p.in.People[id]; ok && v.Name != "" {
		return v.Name
	}
	return id
}

func (p *programme) people(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = p.personName(id)
	}
	return strings.Join(out, ", ")
}

func (p *programme) officeName(code string) string {
	if v, ok := p.in.Offices[code]; ok && v.Name != "" {
		return v.Name
	}
	return code
}

func (p *programme) officeNames(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = p.officeName(c)
	}
	return strings.Join(out, ", ")
}

func (p *programme) bodyNames(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = p.bodyOrOffice(c)
	}
	return strings.Join(out, ", ")
}

// bodyOrOffice names a body or an office code (a decision is taken by a body, a task owned by either).
func (p *programme) bodyOrOffice(code string) string {
	if v, ok := p.in.Bodies[code]; ok && v.Name != "" {
		return v.Name
	}
	return p.officeName(code)
}

// placeName is a venue's name, or the free text as written.
func (p *programme) placeName(place string) string {
	if v, ok := p.in.Venues[place]; ok && v.Name != "" {
		return v.Name
	}
	return place
}

// localityName is the item's locality, else its venue's.
func (p *programme) localityName(it record.Item) string {
	id := it.Locality
	if id == "" {
		id = p.in.Venues[it.Place].Locality
	}
	if v, ok := p.in.Localities[id]; ok && v.Name != "" {
		return v.Name
	}
	return id
}

// subjectName resolves a conflict's subject ("person:ID", "place:ID", "locality:ID", "joint:KEY").
func (p *programme) subjectName(s string) string {
	kind, id, ok := strings.Cut(s, ":")
	if !ok {
		return s
	}
	switch kind {
	case "person":
		return p.personName(id)
	case "place":
		return p.placeName(id)
	case "locality":
		if v, ok := p.in.Localities[id]; ok && v.Name != "" {
			return v.Name
		}
	case "joint":
		return p.msg("render.joint") + " " + id
	}
	return s
}

// ruleName is "overlap/person (một người dự hai hoạt động cùng lúc)".
func (p *programme) ruleName(rule string) string {
	if i18n.Has("render.rule." + rule) {
		return rule + " (" + p.msg("render.rule."+rule) + ")"
	}
	return rule
}

func (p *programme) severityName(s string) string {
	if i18n.Has("render.severity." + s) {
		return p.msg("render.severity." + s)
	}
	return s
}

func (p *programme) actionName(a string) string {
	if i18n.Has("render.action." + a) {
		return p.msg("render.action." + a)
	}
	return a
}

func (p *programme) stateName(s conflictState) string {
	switch s {
	case conflictAccepted:
		return p.msg("render.conflict.accepted")
	case conflictResolved:
		return p.msg("render.conflict.resolved")
	}
	return p.msg("render.conflict.open")
}

// entryByID finds an item of the consolidated programme (effective, undated or dropped).
func (p *programme) entryByID(id string) *entry {
	for _, list := range [][]*entry{p.entries, p.undated, p.dropped} {
		for _, e := range list {
			if e.item.ID == id {
				return e
			}
		}
	}
	return nil
}

// --- dates and times ---

func (p *programme) weekday(t time.Time) string {
	return p.msg("render.weekday." + string(rune('0'+isoWeekday(t))))
}

// isoWeekday is 1 (Monday) .. 7 (Sunday).
func isoWeekday(t time.Time) int { return (int(t.Weekday())+6)%7 + 1 }

func (p *programme) date(t time.Time) string {
	return p.msg("render.date", t.Day(), int(t.Month()), t.Year())
}

func (p *programme) dayMonth(t time.Time) string {
	return p.msg("render.daymonth", t.Day(), int(t.Month()))
}

func (p *programme) clock(t time.Time) string { return p.msg("render.clock", t.Hour(), t.Minute()) }

// isoDateText renders a YYYY-MM-DD text as a date; other text is printed as written.
func (p *programme) isoDateText(s string) string {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return p.date(t)
	}
	return s
}

// local is the span in the repo's timezone.
func (p *programme) local(sp when.Span) (time.Time, time.Time) {
	return sp.Start.In(p.loc), sp.End.In(p.loc)
}

// lastDay is the calendar day holding the last instant of the span.
func lastDay(end time.Time) time.Time {
	l := end.Add(-time.Nanosecond)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, l.Location())
}

// weekOf is the ISO week of a coarse week span.
func weekOf(sp when.Span) (int, int) { return sp.Start.ISOWeek() }

// dayText is the date column: "Thứ Sáu, 03/7"; "Thứ Tư, 08/7 - Thứ Năm, 09/7"; "Tháng 8"; "Tuần 38 (từ 14/9 đến 20/9)".
func (p *programme) dayText(sp when.Span) string {
	s, e := p.local(sp)
	switch sp.Form {
	case when.FormMonth:
		return p.msg("render.month_short", int(s.Month()))
	case when.FormWeek:
		_, w := weekOf(sp)
		return p.msg("render.week_range", w, p.dayMonth(s), p.dayMonth(lastDay(e)))
	}
	last := lastDay(e)
	first := p.weekday(s) + ", " + p.dayMonth(s)
	if sameDay(s, last) {
		return first
	}
	return first + " - " + p.weekday(last) + ", " + p.dayMonth(last)
}

// timeText is the time column: "8h00-11h30", "Sáng", "Cả ngày", "8h00 03/7 - 17h00 04/7", "Trong tháng".
func (p *programme) timeText(sp when.Span) string {
	s, e := p.local(sp)
	switch sp.Form {
	case when.FormInterval:
		return p.clock(s) + "-" + p.clock(e)
	case when.FormSpan:
		return p.clock(s) + " " + p.dayMonth(s) + " - " + p.clock(e) + " " + p.dayMonth(e)
	case when.FormSession:
		return p.sessionName(sp.Session)
	case when.FormDay, when.FormDays:
		return p.msg("render.allday")
	case when.FormWeek:
		return p.msg("render.in_week")
	case when.FormMonth:
		return p.msg("render.in_month")
	}
	return sp.Canonical()
}

func (p *programme) sessionName(s string) string {
	switch s {
	case when.SessionMorning:
		return p.msg("render.session.morning")
	case when.SessionAfternoon:
		return p.msg("render.session.afternoon")
	}
	return p.msg("render.session.evening")
}

// describe is a span in one phrase with the full date: "Sáng Thứ Ba, 14/7/2026", "8h00-11h30 Thứ Sáu,
// 03/7/2026", "tháng 8/2026". A `when` that does not parse is returned as written.
func (p *programme) describe(text string) string {
	sp, err := when.Parse(text, p.pol)
	if err != nil {
		return text
	}
	s, e := p.local(sp)
	last := lastDay(e)
	switch sp.Form {
	case when.FormMonth:
		return p.msg("render.month_year", int(s.Month()), s.Year())
	case when.FormWeek:
		y, w := weekOf(sp)
		return p.msg("render.week_year", w, y)
	case when.FormDay:
		return p.weekday(s) + ", " + p.date(s)
	case when.FormDays:
		return p.weekday(s) + ", " + p.date(s) + " - " + p.weekday(last) + ", " + p.date(last)
	case when.FormSpan:
		return p.clock(s) + " " + p.weekday(s) + ", " + p.date(s) + " - " + p.clock(e) + " " + p.weekday(e) + ", " + p.date(e)
	}
	return p.timeText(sp) + " " + p.weekday(s) + ", " + p.date(s)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// anchor is the instant an entry is filed under (its month, its week): a coarse week that begins before the
// period is filed under the period's first day.
func (p *programme) anchor(e *entry) time.Time {
	s, _ := p.local(e.span)
	if p.in.Period.Kind != 0 {
		if start, _ := p.periodBounds(); s.Before(start) && e.span.End.After(start) {
			return start
		}
	}
	return s
}

// --- notes ---

// movedNote is "đã dời từ Sáng Thứ Ba, 14/7/2026 (lý do: …)", or "" for an item not moved.
func (p *programme) movedNote(e *entry) string {
	if e.adj == nil || e.adj.Action != actionMove || (e.fromWhen == "" && e.fromPlace == "") {
		return ""
	}
	from := e.fromWhen
	if from == "" {
		from = e.item.When
	}
	var s string
	if e.fromPlace != "" {
		s = p.msg("render.moved_place", p.describe(from), p.placeName(e.fromPlace))
	} else {
		s = p.msg("render.moved", p.describe(from))
	}
	if e.adj.Reason != "" {
		s += " (" + p.msg("render.reason", e.adj.Reason) + ")"
	}
	return s
}

// conflictTip is the text of the conflicts flagged on an item: "Trùng lặp T1: message; …".
func (p *programme) conflictTip(e *entry) string {
	var parts []string
	for _, k := range e.marks {
		s := p.msg("render.conflict.ref", conflictRef(k)) + " (" + k.c.Rule + ")"
		if k.c.Message != "" {
			s += ": " + k.c.Message
		}
		if k.state == conflictAccepted {
			s += " — " + p.stateName(k.state)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// conflictRef is the short reference of a conflict, "T1".
func conflictRef(k *conflict) string { return "T" + strconv.Itoa(k.n) }

// resolution is the coordinator's decisions on a conflict's items ("Dời lịch VPDBHD.x (reason)"), or the
// conflict's state when no item has a decision.
func (p *programme) resolution(k *conflict) string {
	var acts []string
	for _, id := range k.c.Items {
		if e := p.entryByID(id); e != nil && e.adj != nil {
			a := p.actionName(e.adj.Action) + " " + id
			if e.adj.Reason != "" {
				a += " (" + e.adj.Reason + ")"
			}
			acts = append(acts, a)
		}
	}
	if len(acts) == 0 {
		return p.stateName(k.state)
	}
	return strings.Join(acts, "; ")
}

// itemLabel names an item in a cross-reference: its title and id, or the id alone when unknown.
func (p *programme) itemLabel(id string) string {
	if e := p.entryByID(id); e != nil && e.item.Title != "" {
		return e.item.Title + " (" + id + ")"
	}
	return id
}

// palette is the office colours: a border and a light background, distinct in colour and in print.
var palette = []struct{ Border, Fill string }{
	{"#1f5fa8", "#dceaf8"}, // blue
	{"#2e7d32", "#dff0d8"}, // green
	{"#c05600", "#fde7d3"}, // orange
	{"#6a3fa0", "#ebe1f5"}, // violet
	{"#00796b", "#d6f0ec"}, // teal
	{"#8d5524", "#f1e4d6"}, // brown
	{"#ad1457", "#f8dde8"}, // pink
	{"#5d6d00", "#eef2cf"}, // olive
}

// jointColour is the colour of an activity shared by several offices.
var jointColour = struct{ Border, Fill string }{"#8a6d00", "#fff1b8"}
