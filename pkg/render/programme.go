package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// programme is what every format shows: the effective programme of pkg/consolidate (the decisions applied,
// places resolved once) laid out for reading — items in time order, those left out set apart, conflicts
// numbered and tied to the items they concern, names resolved. It is built once per rendering and only read
// afterwards.
type programme struct {
	in        Input
	lang      i18n.Lang
	pol       when.Policy
	loc       *time.Location
	entries   []*entry // effective items whose time parses, in time order
	undated   []*entry // effective items whose `when` cannot be read: listed, never placed on a calendar
	dropped   []*entry // items the coordinator left out, in the order of the decisions
	conflicts []*conflict
	adjusted  []*entry // items with a decision, in the order of the decisions
	offices   []string // office codes in legend order (registry codes first, sorted, then unknown ones)
	colour    map[string]int
	places    map[string]consolidate.Place // what each place text of the programme resolves to
	byID      map[string]*entry
}

// entry is one item of the effective programme.
type entry struct {
	item   record.MergedItem  // as it now stands (after a move)
	span   when.Span          // meaningful when dated
	dated  bool               // the effective `when` parses
	adj    *record.Adjustment // the coordinator's decision on this item, if any
	place  consolidate.Place  // where it now stands, resolved
	before []consolidate.Before
	marks  []*conflict // conflicts to flag on this item: open or kept, not resolved
	all    []*conflict // every conflict naming the item
}

// conflict is one recorded conflict, numbered from 1 in the order of the record.
type conflict struct {
	n     int
	c     record.Conflict
	state consolidate.ConflictState
	items []*entry
}

// Actions of an adjustment.
const (
	actionMove = record.ActionMove
	actionDrop = record.ActionDrop
	actionKeep = record.ActionKeep
)

// newProgramme orders the effective programme for reading. It never fails: what cannot be read is listed as
// undated, unknown ids are printed as written.
func newProgramme(in Input) *programme {
	p := &programme{in: in, lang: in.Lang, pol: in.Sessions, colour: map[string]int{},
		places: map[string]consolidate.Place{}, byID: map[string]*entry{}}
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
	prog := in.Prog
	if prog == nil {
		prog = &consolidate.Programme{Period: in.Period}
	}
	for _, ce := range prog.Entries {
		e := &entry{item: ce.Item, span: ce.Span, dated: ce.Dated, adj: ce.Decision, place: ce.Place, before: ce.Before}
		e.item.Chair = slices.Clone(ce.Item.Chair)
		e.item.Attendees = slices.Clone(ce.Item.Attendees)
		p.places[ce.Item.Place] = ce.Place
		for _, b := range ce.Before {
			p.places[b.Place.Text] = b.Place
		}
		if _, dup := p.byID[ce.Item.ID]; !dup {
			p.byID[ce.Item.ID] = e
		}
		switch {
		case ce.Dropped:
			// listed with the decisions below
		case ce.Dated:
			p.entries = append(p.entries, e)
		default:
			p.undated = append(p.undated, e)
		}
	}
	for _, ce := range prog.Decided {
		if e := p.byID[ce.Item.ID]; e != nil {
			p.adjusted = append(p.adjusted, e)
			if ce.Dropped {
				p.dropped = append(p.dropped, e)
			}
		}
	}
	for _, ck := range prog.Conflicts {
		k := &conflict{n: ck.N, c: ck.Record, state: ck.State}
		for _, ce := range ck.Items {
			e := p.byID[ce.Item.ID]
			if e == nil || slices.Contains(e.all, k) {
				continue
			}
			k.items = append(k.items, e)
			e.all = append(e.all, k)
			if k.state != consolidate.ConflictResolved {
				e.marks = append(e.marks, k)
			}
		}
		p.conflicts = append(p.conflicts, k)
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
	for _, ce := range prog.Entries {
		for _, o := range ce.Item.Offices {
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
	if p.in.Period.Kind == 0 {
		return p.record().Period
	}
	return p.in.Period.String()
}

// periodBounds is the period as instants in the repo's timezone.
func (p *programme) periodBounds() (time.Time, time.Time) {
	return p.in.Period.Start(p.loc), p.in.Period.End(p.loc)
}

// record is the consolidated record rendered (an empty one when there is none).
func (p *programme) record() *record.Consolidated {
	if p.in.Prog != nil && p.in.Prog.Record != nil {
		return p.in.Prog.Record
	}
	return &record.Consolidated{}
}

// status is "Đã phê duyệt ngày 26/6/2026 (Thông báo số 125-TB/TU của Thường trực Tỉnh ủy), ban hành ngày
// 29/6/2026".
func (p *programme) status() string {
	c := p.record()
	s := p.msg("render.status." + cmp.Or(c.Status, "draft"))
	if d := c.Decision; d != nil {
		by := p.bodyOrOffice(d.By)
		switch {
		case d.Number != "" && by != "":
			s += " " + p.msg("render.decision_by", p.isoDateText(d.Date), d.Number, by)
		case d.Number != "":
			s += " " + p.msg("render.decision", p.isoDateText(d.Date), d.Number)
		case d.Date != "":
			s += " " + p.msg("render.decision_date", p.isoDateText(d.Date))
		}
	}
	if c.Issued != "" {
		s += ", " + p.msg("render.issued", p.isoDateText(c.Issued))
	}
	return s
}

// generated is the as-of instant in the repo's timezone, in words: "9h30 ngày 26/6/2026".
func (p *programme) generated() string {
	t := p.in.Generated.In(p.loc)
	return p.msg("render.at_time", p.clock(t), when.Date(t).Render(p.lang))
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

// placeName is what a person reads of a place: the venue's registry name (a venue id, or a name or alias
// typed as free text, as the effective programme resolved it), or the free text as written.
func (p *programme) placeName(place string) string {
	if pl, ok := p.places[place]; ok && pl.Name != "" {
		return pl.Name
	}
	if v, ok := p.in.Venues[place]; ok && v.Name != "" {
		return v.Name
	}
	return place
}

// localityName is the item's own locality, else its venue's: for a moved item, the new venue's.
func (p *programme) localityName(it record.Item) string {
	id := it.Locality
	if id == "" {
		if pl, ok := p.places[it.Place]; ok && pl.Venue != "" {
			id = p.in.Venues[pl.Venue].Locality
		} else {
			id = p.in.Venues[it.Place].Locality
		}
	}
	if v, ok := p.in.Localities[id]; ok && v.Name != "" {
		return v.Name
	}
	return id
}

// subjectName is what a conflict is about, as a person reads it: a leader's, a venue's or a locality's
// name, or the title of a joint activity — never the subject key of the record.
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
		return id
	case "joint":
		if e := p.byID["joint."+id]; e != nil && e.item.Title != "" {
			return e.item.Title
		}
		return p.msg("render.joint")
	}
	return ""
}

// ruleName is what kind of conflict a rule finds, in words ("một người dự hai hoạt động cùng lúc").
func (p *programme) ruleName(rule string) string {
	if i18n.Has("render.rule." + rule) {
		return p.msg("render.rule." + rule)
	}
	return p.msg("render.rule.other")
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

func (p *programme) stateName(s consolidate.ConflictState) string {
	switch s {
	case consolidate.ConflictAccepted:
		return p.msg("render.conflict.accepted")
	case consolidate.ConflictResolved:
		return p.msg("render.conflict.resolved")
	}
	return p.msg("render.conflict.open")
}

// entryByID finds an item of the consolidated programme (effective, undated or dropped).
func (p *programme) entryByID(id string) *entry { return p.byID[id] }

// --- dates and times ---

func (p *programme) weekday(t time.Time) string {
	return p.msg("render.weekday." + string(rune('0'+isoWeekday(t))))
}

// isoWeekday is 1 (Monday) .. 7 (Sunday).
func isoWeekday(t time.Time) int { return (int(t.Weekday())+6)%7 + 1 }

func (p *programme) dayMonth(t time.Time) string {
	return p.msg("render.daymonth", t.Day(), int(t.Month()))
}

func (p *programme) clock(t time.Time) string { return p.msg("render.clock", t.Hour(), t.Minute()) }

// isoDateText renders a YYYY-MM-DD text as a date; other text is printed as written.
func (p *programme) isoDateText(s string) string { return when.DateText(s).Render(p.lang) }

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

// describe is a time as prose says it (when.Phrase: "chiều 14/8/2026", "tuần 37 (07/9–13/9/2026)"). A `when`
// that does not parse is returned as written.
func (p *programme) describe(text string) string {
	sp, err := when.Parse(text, p.pol)
	if err != nil {
		return text
	}
	return sp.Phrase().Render(p.lang)
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

// movedNote is "đã dời từ Sáng Thứ Ba, 14/7/2026 (lý do: …)" — the time (and place) the offices'
// programmes gave before the move, never the new one — or "" for an item that did not move.
func (p *programme) movedNote(e *entry) string {
	if e.adj == nil || e.adj.Action != actionMove || len(e.before) == 0 {
		return ""
	}
	var froms []string
	for _, b := range e.before {
		f := p.describe(b.When)
		if !b.Place.Same(e.place) && b.Place.Name != "" {
			f = p.msg("render.at_place", f, b.Place.Name)
		}
		if len(e.before) > 1 || len(b.Offices) < len(e.item.Offices) {
			f += " (" + p.officeNames(b.Offices) + ")"
		}
		froms = append(froms, f)
	}
	s := p.msg("render.moved", strings.Join(froms, "; "))
	if e.adj.Reason != "" {
		s += " (" + p.msg("render.reason", e.adj.Reason) + ")"
	}
	return s
}

// conflictTip is the text of the conflicts flagged on an item: "Trùng lặp T1: message; …".
func (p *programme) conflictTip(e *entry) string {
	var parts []string
	for _, k := range e.marks {
		s := p.msg("render.conflict.ref", conflictRef(k))
		if k.c.Message != "" {
			s += ": " + k.c.Message
		} else {
			s += ": " + p.ruleName(k.c.Rule)
		}
		if k.state == consolidate.ConflictAccepted {
			s += " — " + p.stateName(k.state)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// conflictRef is the short reference of a conflict, "T1".
func conflictRef(k *conflict) string { return "T" + strconv.Itoa(k.n) }

// resolution is the coordinator's decisions on a conflict's items in sentences ("Dời «…» sang chiều
// 14/8/2026 (lý do: …)"), or the conflict's state when no item has a decision.
func (p *programme) resolution(k *conflict) string {
	var acts []string
	for _, e := range k.items {
		if e.adj == nil {
			continue
		}
		var a string
		switch e.adj.Action {
		case actionMove:
			to := p.describe(e.item.When)
			if e.place.Name != "" && len(e.before) > 0 && !e.before[0].Place.Same(e.place) {
				to = p.msg("render.at_place", to, e.place.Name)
			}
			a = p.msg("render.resolve.move", e.item.Title, to)
		case actionDrop:
			a = p.msg("render.resolve.drop", e.item.Title)
		case actionKeep:
			a = p.msg("render.resolve.keep", e.item.Title)
		default:
			continue
		}
		if e.adj.Reason != "" {
			a += " (" + p.msg("render.reason", e.adj.Reason) + ")"
		}
		acts = append(acts, a)
	}
	if len(acts) == 0 {
		return p.stateName(k.state)
	}
	return strings.Join(acts, "; ")
}

// itemLabel names an item in a cross-reference, as a person reads it: its title and offices.
func (p *programme) itemLabel(id string) string {
	if e := p.entryByID(id); e != nil && e.item.Title != "" {
		return "«" + e.item.Title + "» — " + p.officeNames(e.item.Offices)
	}
	return p.msg("render.unknown_item")
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
