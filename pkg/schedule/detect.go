package schedule

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// Kind is a kind of conflict; each is one rule of docs/rules.md.
type Kind int

const (
	KindPerson    Kind = iota + 1 // overlap/person: one person in two precise events at overlapping times
	KindVenue                     // overlap/venue: one venue booked by two precise events at overlapping times
	KindLocality                  // overlap/locality: two field trips of different bodies to one locality on one day
	KindTravel                    // overlap/travel: consecutive events of one person, too little time to travel
	KindTentative                 // overlap/tentative: a person or venue overlap where one side is a week or month
)

// Subject kinds, as docs/output.md writes them before the colon.
const (
	WhatPerson   = "person"
	WhatPlace    = "place"
	WhatLocality = "locality"
)

// Conflict is one conflicting pair of events about one subject. A is the event proposed to move (findings
// sit on it, see Set.Mover), B the other.
type Conflict struct {
	Kind Kind
	What string        // WhatPerson, WhatPlace or WhatLocality
	ID   string        // the person, venue or locality id
	A, B int           // indexes in Set.Events
	Day  time.Time     // KindLocality: the (first) shared day, 00:00
	Gap  time.Duration // KindTravel: the time between the two events
	Need time.Duration // KindTravel: the travel time
}

// Subject is "person:ID", "place:ID" or "locality:ID".
func (c Conflict) Subject() string { return c.What + ":" + c.ID }

// ival is an event's interval on one key, in Unix seconds, for the sweeps.
type ival struct {
	start, end int64
	ev         int32
	coarse     bool
}

// Detect returns the conflicts of one kind, each pair once per subject, sorted by the events' listing order.
// Back-to-back events (one ends when the next starts) do not overlap; the events of one joint group never
// conflict with each other. travel is needed for KindTravel only (nil: no travel times, no conflicts).
func (s *Set) Detect(k Kind, travel *Travel) []Conflict {
	var out []Conflict
	switch k {
	case KindPerson, KindTentative:
		coarse := k == KindTentative
		s.sweep(WhatPerson, coarse, &out)
		if coarse {
			s.sweep(WhatPlace, true, &out)
		}
	case KindVenue:
		s.sweep(WhatPlace, false, &out)
	case KindLocality:
		out = s.localities()
	case KindTravel:
		out = s.travel(travel)
	}
	sortConflicts(out)
	return out
}

// sweep finds overlaps per key (each person, or each venue): sort by start, keep the events still running,
// pair each new event with them. tentative selects pairs where at least one side is coarse; otherwise only
// pairs of precise events are kept.
func (s *Set) sweep(what string, tentative bool, out *[]Conflict) {
	keys, lists := s.keyed(what, tentative)
	var active []ival
	for ki, list := range lists {
		if len(list) < 2 {
			continue
		}
		active = active[:0]
		for _, x := range list {
			w := 0
			for _, a := range active {
				if a.end > x.start { // back to back (a.end == x.start) is no overlap
					active[w] = a
					w++
				}
			}
			active = active[:w]
			for _, a := range active {
				if tentative != (a.coarse || x.coarse) {
					continue
				}
				if s.Events[a.ev].Group == s.Events[x.ev].Group {
					continue // two clusters of one joint event: joint/mismatch covers them
				}
				kind := KindPerson
				if what == WhatPlace {
					kind = KindVenue
				}
				if tentative {
					kind = KindTentative
				}
				m, o := s.moverFor(kind, int(a.ev), int(x.ev))
				*out = append(*out, Conflict{Kind: kind, What: what, ID: keys[ki], A: m, B: o})
			}
			active = append(active, x)
		}
	}
}

func cmpIval(a, b ival) int {
	switch {
	case a.start != b.start:
		return cmpInt64(a.start, b.start)
	case a.end != b.end:
		return cmpInt64(a.end, b.end)
	}
	return int(a.ev - b.ev)
}

func cmpInt64(a, b int64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// keyed lists the intervals of the events per person or per venue, each list sorted by start. withCoarse
// includes week and month events. The events are sorted once and dealt into flat per-key lists, so no list
// is sorted or grown on its own.
func (s *Set) keyed(what string, withCoarse bool) ([]string, [][]ival) {
	n := len(s.Events)
	ivs := make([]ival, n)
	order := make([]int32, 0, n)
	for i := range s.Events {
		e := &s.Events[i]
		c := e.Coarse()
		if c && !withCoarse {
			continue
		}
		ivs[i] = ival{e.Start.Unix(), e.End.Unix(), int32(i), c}
		order = append(order, int32(i))
	}
	slices.SortFunc(order, func(a, b int32) int { return cmpIval(ivs[a], ivs[b]) })
	index := make(map[string]int32, 256)
	var keys []string
	var counts []int32
	slot := make([]int32, 0, 4*len(order))
	var one [1]string
	keysOf := func(e *Event) []string {
		if what == WhatPlace {
			if e.Venue == "" {
				return nil
			}
			one[0] = e.Venue
			return one[:]
		}
		return e.People
	}
	for _, i := range order {
		for _, k := range keysOf(&s.Events[i]) {
			ki, ok := index[k]
			if !ok {
				ki = int32(len(keys))
				index[k] = ki
				keys = append(keys, k)
				counts = append(counts, 0)
			}
			counts[ki]++
			slot = append(slot, ki)
		}
	}
	flat := make([]ival, len(slot))
	lists := make([][]ival, len(keys))
	off := int32(0)
	for ki, c := range counts {
		lists[ki] = flat[off : off : off+c]
		off += c
	}
	si := 0
	for _, i := range order {
		for range keysOf(&s.Events[i]) {
			ki := slot[si]
			si++
			lists[ki] = append(lists[ki], ivs[i])
		}
	}
	return keys, lists
}

// localities finds two precise field trips of different sets of bodies to one locality sharing a day.
func (s *Set) localities() []Conflict {
	type dayKey struct {
		loc string
		day int64
	}
	type entry struct {
		ev     int
		bodies string
		day    time.Time
	}
	lists := map[dayKey][]entry{}
	for i := range s.Events {
		e := &s.Events[i]
		if e.Kind != "field-trip" || e.Locality == "" || e.Coarse() || !e.End.After(e.Start) {
			continue
		}
		bk := bodyKey(e.Bodies)
		for _, d := range days(e.Start, e.End) {
			k := dayKey{e.Locality, d.Unix()}
			lists[k] = append(lists[k], entry{i, bk, d})
		}
	}
	keys := make([]dayKey, 0, len(lists))
	for k, l := range lists {
		if len(l) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].day != keys[j].day {
			return keys[i].day < keys[j].day
		}
		return keys[i].loc < keys[j].loc
	})
	seen := map[[2]int]bool{}
	var out []Conflict
	for _, k := range keys {
		l := lists[k]
		sort.Slice(l, func(i, j int) bool {
			if l[i].bodies != l[j].bodies {
				return l[i].bodies < l[j].bodies
			}
			return l[i].ev < l[j].ev
		})
		// runs of equal bodies; every pair across two runs is a conflict (the output bounds the work)
		var runs [][]entry
		for i := 0; i < len(l); {
			j := i
			for j < len(l) && l[j].bodies == l[i].bodies {
				j++
			}
			runs = append(runs, l[i:j])
			i = j
		}
		for r1 := 0; r1 < len(runs); r1++ {
			for r2 := r1 + 1; r2 < len(runs); r2++ {
				for _, a := range runs[r1] {
					for _, b := range runs[r2] {
						x, y := min(a.ev, b.ev), max(a.ev, b.ev)
						if seen[[2]int{x, y}] || s.Events[x].Group == s.Events[y].Group {
							continue
						}
						seen[[2]int{x, y}] = true
						m, o := s.moverFor(KindLocality, x, y)
						out = append(out, Conflict{Kind: KindLocality, What: WhatLocality, ID: k.loc, A: m, B: o, Day: a.day})
					}
				}
			}
		}
	}
	return out
}

// days returns 00:00 of every calendar day that [start, end) touches.
func days(start, end time.Time) []time.Time {
	loc := start.Location()
	y, m, d := start.Date()
	var out []time.Time
	for i := 0; i < 400; i++ {
		day := time.Date(y, m, d+i, 0, 0, 0, 0, loc)
		if i > 0 && !day.Before(end) {
			break
		}
		out = append(out, day)
	}
	return out
}

// travel finds, for each person, an event that starts after the previous one ends (the one that ends last
// among those that started before it) with less time between them than the travel between their localities.
// Overlapping events are overlap/person's; coarse events have no time to travel from.
func (s *Set) travel(t *Travel) []Conflict {
	if t == nil {
		return nil
	}
	keys, lists := s.keyed(WhatPerson, false)
	var out []Conflict
	for ki, list := range lists {
		if len(list) < 2 {
			continue
		}
		last := list[0]
		for _, x := range list[1:] {
			if last.end <= x.start {
				a, b := &s.Events[last.ev], &s.Events[x.ev]
				need := time.Duration(t.Minutes(a.Locality, b.Locality)) * time.Minute
				gap := time.Duration(x.start-last.end) * time.Second
				if need > 0 && gap < need && a.Group != b.Group {
					m, o := s.moverFor(KindTravel, int(last.ev), int(x.ev))
					out = append(out, Conflict{Kind: KindTravel, What: WhatPerson, ID: keys[ki], A: m, B: o, Gap: gap, Need: need})
				}
			}
			if x.end > last.end || (x.end == last.end && x.start >= last.start) {
				last = x
			}
		}
	}
	return out
}

func sortConflicts(cs []Conflict) {
	slices.SortStableFunc(cs, func(a, b Conflict) int {
		a1, a2 := min(a.A, a.B), max(a.A, a.B)
		b1, b2 := min(b.A, b.B), max(b.A, b.B)
		switch {
		case a1 != b1:
			return a1 - b1
		case a2 != b2:
			return a2 - b2
		case a.Kind != b.Kind:
			return int(a.Kind) - int(b.Kind)
		case a.What != b.What:
			return strings.Compare(a.What, b.What)
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// Mover decides which of two conflicting events is proposed to move (and where the finding goes):
//
//  1. never the coordinator's own events (its programme is the Standing Committee's) when the other is not;
//  2. the one that is not a joint event (moving a joint event moves several offices);
//  3. the one with fewer people;
//  4. the one of the office listed later (offices are listed in registry order);
//  5. the one that starts later, then the one listed later.
func (s *Set) Mover(x, y int) (move, stay int) {
	if s.moves(x, y) {
		return x, y
	}
	return y, x
}

// moverFor is Mover, except that a tentative conflict's coarse side is the one to pin down.
func (s *Set) moverFor(k Kind, x, y int) (int, int) {
	if k == KindTentative {
		cx, cy := s.Events[x].Coarse(), s.Events[y].Coarse()
		if cx != cy {
			if cx {
				return x, y
			}
			return y, x
		}
	}
	return s.Mover(x, y)
}

// moves reports whether x rather than y should move.
func (s *Set) moves(x, y int) bool {
	a, b := &s.Events[x], &s.Events[y]
	if pa, pb := s.protected(a), s.protected(b); pa != pb {
		return pb
	}
	if ja, jb := a.Joint != "", b.Joint != ""; ja != jb {
		return jb
	}
	if len(a.People) != len(b.People) {
		return len(a.People) < len(b.People)
	}
	if ra, rb := s.rank(a), s.rank(b); ra != rb {
		return ra > rb
	}
	if !a.Start.Equal(b.Start) {
		return a.Start.After(b.Start)
	}
	return x > y
}

func (s *Set) protected(e *Event) bool {
	return s.prefer != "" && slices.Contains(e.Offices, s.prefer)
}

// rank is the listing position of an event's first-listed office.
func (s *Set) rank(e *Event) int {
	r := len(s.officeRank)
	for _, o := range e.Offices {
		if v, ok := s.officeRank[o]; ok && v < r {
			r = v
		}
	}
	return r
}

// Describe is a short text of a conflict for logs and tests: "person:ID A-B".
func (s *Set) Describe(c Conflict) string {
	ids := []string{s.Groups[s.Events[c.A].Group].ID, s.Groups[s.Events[c.B].Group].ID}
	return c.Subject() + " " + strings.Join(ids, " ")
}
