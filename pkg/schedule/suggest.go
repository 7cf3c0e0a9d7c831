package schedule

import (
	"time"

	"github.com/coordvn/coord/pkg/when"
)

// Calendar is what a free-slot search needs to know of the calendar.
type Calendar struct {
	Sessions   when.Policy              // session hours and the timezone
	WorkingDay func(day time.Time) bool // weekends, holidays and make-up days (policy.Policy.WorkingDay); nil: Monday–Friday
	From, To   time.Time                // the period: a slot lies inside [From, To)
	NotBefore  time.Time                // no slot starts before this (the as-of instant); zero: no bound
	Step       time.Duration            // how far apart interval starts are tried; 0: 30 minutes
}

// Proposal is a new time for one merged item.
type Proposal struct {
	Group    int       // the group (merged item) to move
	Event    int       // its event that conflicted
	Conflict *Conflict // the conflict it resolves, or nil
	Mismatch *Mismatch // the joint mismatch it resolves, or nil
	Span     when.Span // the new time; Span.Canonical() is the `when` to write
	Found    bool      // false: no free slot in the period
}

// Planner searches free slots. It sees the events where they are, or where earlier proposals put them, so
// that two proposals never take the same slot.
type Planner struct {
	set      *Set
	cal      Calendar
	loc      *time.Location
	cur      []span
	byPerson map[string][]int
	byVenue  map[string][]int
	moved    map[int]bool // groups
}

type span struct{ start, end time.Time }

// NewPlanner indexes the events of s.
func NewPlanner(s *Set, cal Calendar) *Planner {
	p := &Planner{set: s, cal: cal, byPerson: map[string][]int{}, byVenue: map[string][]int{}, moved: map[int]bool{}}
	p.loc = cal.Sessions.Loc
	if p.loc == nil {
		p.loc = cal.From.Location()
	}
	if p.cal.Step <= 0 {
		p.cal.Step = 30 * time.Minute
	}
	p.cur = make([]span, len(s.Events))
	for i := range s.Events {
		e := &s.Events[i]
		p.cur[i] = span{e.Start, e.End}
		if e.Coarse() {
			continue // "some time that month" blocks nothing
		}
		for _, q := range e.People {
			p.byPerson[q] = append(p.byPerson[q], i)
		}
		if e.Venue != "" {
			p.byVenue[e.Venue] = append(p.byVenue[e.Venue], i)
		}
	}
	return p
}

// Free reports whether [start, end) is free for every person and the venue given, ignoring the events of
// group skip (the one being moved).
func (p *Planner) Free(people []string, venue string, start, end time.Time, skip int) bool {
	busy := func(list []int) bool {
		for _, i := range list {
			if p.set.Events[i].Group == skip {
				continue
			}
			c := p.cur[i]
			if c.start.Before(end) && start.Before(c.end) {
				return true
			}
		}
		return false
	}
	for _, q := range people {
		if busy(p.byPerson[q]) {
			return false
		}
	}
	return venue == "" || !busy(p.byVenue[venue])
}

// Move puts every event of group g at sp: later searches see it there.
func (p *Planner) Move(g int, sp when.Span) {
	for _, i := range p.set.Groups[g].Events {
		p.cur[i] = span{sp.Start, sp.End}
	}
	p.moved[g] = true
}

// who returns the people and the venue of a whole group (every event of a joint group moves together).
func (p *Planner) who(g int) ([]string, string) {
	var people []string
	venue := ""
	for _, i := range p.set.Groups[g].Events {
		e := &p.set.Events[i]
		people = append(people, e.People...)
		if venue == "" {
			venue = e.Venue
		}
	}
	return sortedUnique(people), venue
}

// Find returns the earliest free slot for event ev's group with the shape of ev: the same duration, or the
// same session, day or run of days; inside the working sessions of working days (no weekend or holiday
// unless it is a make-up working day); in ev's ISO week first, then the later weeks of the period. A week or
// month item has no slot to find.
func (p *Planner) Find(ev int) (when.Span, bool) {
	e := &p.set.Events[ev]
	if e.Coarse() {
		return when.Span{}, false
	}
	people, venue := p.who(e.Group)
	cur := p.cur[ev]
	var found when.Span
	ok := false
	p.candidates(e, cur, func(sp when.Span) bool {
		if sp.Start.Equal(cur.start) && sp.End.Equal(cur.end) {
			return true
		}
		if p.Free(people, venue, sp.Start, sp.End, e.Group) {
			found, ok = sp, true
			return false
		}
		return true
	})
	return found, ok
}

// candidates yields slots of e's shape in search order until yield returns false.
func (p *Planner) candidates(e *Event, cur span, yield func(when.Span) bool) {
	loc := p.loc
	s := p.cal.Sessions
	c0 := cur.start.In(loc)
	y, m, d := c0.Date()
	back := (int(c0.Weekday()) + 6) % 7 // days since Monday
	first := time.Date(y, m, d-back, 0, 0, 0, 0, loc)
	lower := p.cal.From
	if p.cal.NotBefore.After(lower) {
		lower = p.cal.NotBefore
	}
	at := func(day time.Time, c when.Clock) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), int(c)/60, int(c)%60, 0, 0, loc)
	}
	inside := func(a, b time.Time) bool { return !a.Before(lower) && !b.After(p.cal.To) }
	dur := cur.end.Sub(cur.start)
	nDays := len(days(cur.start.In(loc), cur.end.In(loc)))
	for i := 0; ; i++ {
		day := time.Date(first.Year(), first.Month(), first.Day()+i, 0, 0, 0, 0, loc)
		if !day.Before(p.cal.To) || i > 800 {
			return
		}
		if !p.working(day) {
			continue
		}
		try := func(sp when.Span) bool {
			if !inside(sp.Start, sp.End) {
				return true
			}
			return yield(sp)
		}
		switch e.Form {
		case when.FormSession:
			r := sessionRange(s, e.Session)
			if !try(when.Span{Start: at(day, r.Start), End: at(day, r.End), Form: when.FormSession, Session: e.Session}) {
				return
			}
		case when.FormDay:
			if !try(when.Span{Start: at(day, s.Morning.Start), End: at(day, s.Afternoon.End), Form: when.FormDay}) {
				return
			}
		case when.FormDays:
			last := time.Date(day.Year(), day.Month(), day.Day()+nDays-1, 0, 0, 0, 0, loc)
			if p.allWorking(day, last) {
				if !try(when.Span{Start: at(day, s.Morning.Start), End: at(last, s.Afternoon.End), Form: when.FormDays}) {
					return
				}
			}
		case when.FormSpan:
			st := at(day, s.Morning.Start)
			en := st.Add(dur)
			if p.allWorking(day, en.Add(-time.Nanosecond)) {
				if !try(when.Span{Start: st, End: en, Form: when.FormSpan}) {
					return
				}
			}
		default: // an interval: slide inside a session, or inside the working day when no session holds it
			var ranges []when.Range
			for _, r := range []when.Range{s.Morning, s.Afternoon} {
				if time.Duration(r.End-r.Start)*time.Minute >= dur {
					ranges = append(ranges, r)
				}
			}
			if len(ranges) == 0 {
				ranges = []when.Range{{Start: s.Morning.Start, End: s.Afternoon.End}}
			}
			for _, r := range ranges {
				for st := at(day, r.Start); !st.Add(dur).After(at(day, r.End)); st = st.Add(p.cal.Step) {
					if !try(when.Span{Start: st, End: st.Add(dur), Form: when.FormInterval}) {
						return
					}
				}
			}
		}
	}
}

func sessionRange(s when.Policy, name string) when.Range {
	switch name {
	case when.SessionMorning:
		return s.Morning
	case when.SessionAfternoon:
		return s.Afternoon
	}
	return s.Evening
}

func (p *Planner) working(day time.Time) bool {
	if p.cal.WorkingDay != nil {
		return p.cal.WorkingDay(day)
	}
	wd := day.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// allWorking reports whether every calendar day from a to b (inclusive) is a working day.
func (p *Planner) allWorking(a, b time.Time) bool {
	for _, d := range days(a, b.Add(time.Nanosecond)) {
		if !p.working(d) {
			return false
		}
	}
	return true
}

// Suggest proposes a move for each joint mismatch (first: the reference part's time when it is free for
// everyone of the joint event, else the earliest free slot) and then for each conflict given (its A event,
// see Set.Mover), in order, skipping a conflict that an earlier proposal already resolved. Pass only the
// conflicts that need a move (errors). The result is deterministic. An item gets one proposal at most: one
// for which no free slot was found is not searched for again for its other conflicts (n items in one slot
// are n(n-1)/2 conflicts, and the proposals stay proportional to the items).
func Suggest(s *Set, conflicts []Conflict, mismatches []Mismatch, cal Calendar) []Proposal {
	p := NewPlanner(s, cal)
	var out []Proposal
	proposed := map[int]bool{} // groups with a proposal, found or not
	for i := range mismatches {
		mm := &mismatches[i]
		g := &s.Groups[mm.Group]
		if p.moved[mm.Group] || len(g.Events) == 0 {
			continue
		}
		ev := g.Events[0] // the reference's cluster
		ref := g.Parts[mm.Ref].Span
		people, venue := p.who(mm.Group)
		prop := Proposal{Group: mm.Group, Event: ev, Mismatch: mm}
		if p.Free(people, venue, ref.Start, ref.End, mm.Group) {
			prop.Span, prop.Found = ref, true
		} else {
			prop.Span, prop.Found = p.Find(ev)
		}
		if prop.Found {
			p.Move(mm.Group, prop.Span)
		}
		proposed[mm.Group] = true
		out = append(out, prop)
	}
	for i := range conflicts {
		c := &conflicts[i]
		ga, gb := s.Events[c.A].Group, s.Events[c.B].Group
		if p.moved[ga] || proposed[ga] {
			continue // its new slot was chosen free for all its people and its venue, or there is none
		}
		if p.moved[gb] && !p.overlapping(c.A, c.B) {
			continue
		}
		prop := Proposal{Group: ga, Event: c.A, Conflict: c}
		prop.Span, prop.Found = p.Find(c.A)
		if prop.Found {
			p.Move(ga, prop.Span)
		}
		proposed[ga] = true
		out = append(out, prop)
	}
	return out
}

func (p *Planner) overlapping(a, b int) bool {
	x, y := p.cur[a], p.cur[b]
	return x.start.Before(y.end) && y.start.Before(x.end)
}
