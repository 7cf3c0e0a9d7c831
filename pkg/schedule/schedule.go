// Package schedule owns time-and-place reasoning over the events of work programmes: merging the items that
// share a joint key into one event carrying all their offices (and finding where they disagree), detecting
// conflicts — one person or one venue in two events at once, two field trips to one locality on one day,
// too little time to travel between localities, tentative overlaps with week- or month-only items — and
// searching free slots to propose as adjustments.
//
// It does no I/O, reads no clock and knows nothing of rules, findings or messages: callers (pkg/rules,
// coord merge) turn its typed results into findings. Detection sorts and sweeps per key (person, venue,
// locality-day): O(n log n) plus the size of the output, never all pairs.
//
// Events are compared only within one call: callers pass the programmes of one period. A month programme
// refines a quarter's, so comparing a quarter's items with a month's would report every refined event twice.
package schedule

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/when"
)

// Source is one office's programme file: the input of MergeJoint.
type Source struct {
	File   string // repo-relative path
	Office string
	Items  []record.Item
	// Index, when set, is each item's index in the file: Items is then a selection of the file's items (the
	// valid ones, the ones not dropped), and origins still point at the right item.
	Index []int
}

// Origin locates a source item.
type Origin struct {
	File   string
	Index  int    // the item's index in the file's items
	Item   string // the item's id
	Office string
}

// Resolver is how items are read: their time, and their place as a venue.
type Resolver struct {
	Span          func(text string) (when.Span, error) // required
	Venue         func(place string) (string, bool)    // a venue id or free text → venue id; nil: no venues
	VenueLocality func(venue string) string            // the locality of a venue; nil: none
}

// Part is one source item of a group, as read.
type Part struct {
	Origin
	Item     record.Item
	Span     when.Span
	Valid    bool   // the item's when parsed
	Venue    string // the resolved venue id, "" when the place names no venue
	Locality string // the item's locality, else its venue's
	placeKey string // the venue id, else the folded free text, else ""
}

// Group is one merged item: a single source item, or every item sharing a joint key.
type Group struct {
	ID      string // "<OFFICE>.<item-id>", or "joint.<key>"
	Joint   string
	Parts   []Part
	Ref     int         // the reference part: the preferred office's, else the first listed
	Item    record.Item // the reference item with bodies, chairs and attendees of every part united
	Offices []string    // in listing order
	Events  []int       // indexes of its events in Set.Events (none when no part's when parsed)
}

// Event is what conflicts are computed on: a group, or — when a joint group's parts disagree on time or
// place — one cluster of its agreeing parts.
type Event struct {
	Group    int   // index in Set.Groups
	Parts    []int // indexes of the group's parts in this event, the first one is where findings go
	Start    time.Time
	End      time.Time
	Form     when.Form
	Session  string   // the session name, for when.FormSession
	People   []string // chairs and attendees of every part, sorted, unique
	Venue    string   // resolved venue id or ""
	Locality string   // locality id or ""
	Kind     string
	Bodies   []string // sorted, unique
	Joint    string
	Title    string
	Offices  []string // the group's offices
}

// When is the canonical text of the event's time.
func (e *Event) When() string { return e.Span().Canonical() }

// Span is the event's time.
func (e *Event) Span() when.Span {
	return when.Span{Start: e.Start, End: e.End, Form: e.Form, Session: e.Session}
}

// Coarse reports whether the event only says "some time that week or month".
func (e *Event) Coarse() bool { return e.Form == when.FormWeek || e.Form == when.FormMonth }

// Mismatch is a joint group whose parts disagree: Part (the finding goes there) against Ref (the reference).
type Mismatch struct {
	Group int
	Ref   int // part index of the reference
	Part  int // part index that disagrees
	Time  bool
	Place bool
}

// Set is the merged schedule of one period.
type Set struct {
	Groups     []Group
	Events     []Event
	Mismatches []Mismatch
	// officeRank is each office's position in the listing (first appearance): the move policy uses it.
	officeRank map[string]int
	prefer     string
}

// Options tune MergeJoint.
type Options struct {
	// Prefer is the coordinating office: its part is the reference of a joint event, and its events are the
	// last to be proposed to move (they are the Standing Committee's own).
	Prefer string
}

// GroupID is the merged id of a single-office item.
func GroupID(office, item string) string { return office + "." + item }

// JointID is the merged id of a joint event.
func JointID(key string) string { return "joint." + key }

// MergeJoint merges the items of srcs (the programmes of one period, in listing order: offices in registry
// order) into groups — items sharing a joint key across files become one group with all their offices —
// and derives the events conflicts are computed on. Parts whose when does not parse take part in nothing.
func MergeJoint(srcs []Source, r Resolver, opt Options) *Set {
	s := &Set{officeRank: map[string]int{}, prefer: opt.Prefer}
	if r.Venue != nil {
		// places repeat: resolve each distinct text once (free text is folded, which is not cheap)
		venue, cache := r.Venue, map[string]string{}
		r.Venue = func(place string) (string, bool) {
			v, ok := cache[place]
			if !ok {
				v, _ = venue(place)
				cache[place] = v
			}
			return v, v != ""
		}
	}
	n := 0
	for _, src := range srcs {
		n += len(src.Items)
	}
	s.Groups = make([]Group, 0, n) // the structs are large: no regrowing
	s.Events = make([]Event, 0, n)
	byID := make(map[string]int, n)
	used := make(map[string]int, n)
	for _, src := range srcs {
		if _, ok := s.officeRank[src.Office]; !ok {
			s.officeRank[src.Office] = len(s.officeRank)
		}
		for i, it := range src.Items {
			p := readPart(src, i, it, r)
			id := GroupID(src.Office, it.ID)
			if it.Joint != "" {
				id = JointID(it.Joint)
			} else {
				// the same office and item id twice (a duplicated id, or a file at the wrong path): keep both
				used[id]++
				if n := used[id]; n > 1 {
					id = fmt.Sprintf("%s~%d", id, n)
				}
			}
			gi, ok := byID[id]
			if !ok || it.Joint == "" {
				gi = len(s.Groups)
				byID[id] = gi
				s.Groups = append(s.Groups, Group{ID: id, Joint: it.Joint})
			}
			if s.Groups[gi].Parts == nil {
				s.Groups[gi].Parts = make([]Part, 0, 1)
			}
			s.Groups[gi].Parts = append(s.Groups[gi].Parts, p)
		}
	}
	for gi := range s.Groups {
		s.finishGroup(gi, opt.Prefer)
	}
	return s
}

func readPart(src Source, i int, it record.Item, r Resolver) Part {
	at := i
	if i < len(src.Index) {
		at = src.Index[i]
	}
	p := Part{Origin: Origin{File: src.File, Index: at, Item: it.ID, Office: src.Office}, Item: it}
	if it.When != "" && r.Span != nil {
		if sp, err := r.Span(it.When); err == nil {
			p.Span, p.Valid = sp, true
		}
	}
	p.Venue, p.Locality = r.Place(it)
	if it.Place != "" {
		p.placeKey = p.Venue
		if p.placeKey == "" && it.Joint != "" { // only joint parts are compared by place
			p.placeKey = "text:" + vntext.Key(it.Place)
		}
	}
	return p
}

// Place resolves an item's place: the venue it names ("" for free text that names none) and its locality —
// the item's own, else its venue's. Conflicts and every output read places through it.
func (r Resolver) Place(it record.Item) (venue, locality string) {
	if it.Place != "" && r.Venue != nil {
		if v, ok := r.Venue(it.Place); ok {
			venue = v
		}
	}
	locality = it.Locality
	if locality == "" && venue != "" && r.VenueLocality != nil {
		locality = r.VenueLocality(venue)
	}
	return venue, locality
}

// finishGroup picks the reference part, unites the content, finds disagreements and builds the events.
func (s *Set) finishGroup(gi int, prefer string) {
	g := &s.Groups[gi]
	if len(g.Parts) == 1 { // most groups: one item, nothing to unite or compare
		p := g.Parts[0]
		g.Ref, g.Item, g.Offices = 0, p.Item, []string{p.Office}
		if p.Valid {
			g.Events = []int{len(s.Events)}
			s.Events = append(s.Events, s.makeEvent(gi, []int{0}))
		}
		return
	}
	g.Ref = 0
	for i, p := range g.Parts {
		if p.Office == prefer {
			g.Ref = i
			break
		}
	}
	ref := g.Parts[g.Ref]
	g.Item = ref.Item
	g.Item.Bodies = nil
	g.Item.Chair = nil
	g.Item.Attendees = nil
	seenOffice := map[string]bool{}
	for _, p := range g.Parts {
		if !seenOffice[p.Office] {
			seenOffice[p.Office] = true
			g.Offices = append(g.Offices, p.Office)
		}
		g.Item.Tentative = g.Item.Tentative || p.Item.Tentative
	}
	// the reference's lists first, then the others' additions, in listing order
	order := append([]int{g.Ref}, without(len(g.Parts), g.Ref)...)
	var bodies, chairs, att []string
	for _, i := range order {
		it := g.Parts[i].Item
		bodies = appendNew(bodies, it.Bodies...)
		chairs = appendNew(chairs, it.Chair...)
	}
	for _, i := range order {
		for _, a := range g.Parts[i].Item.Attendees {
			if !contains(chairs, a) {
				att = appendNew(att, a)
			}
		}
	}
	g.Item.Bodies, g.Item.Chair, g.Item.Attendees = bodies, chairs, att

	// Clusters of agreeing parts: same instants and same place (a part naming no place agrees with any).
	refKey := ref.placeKey
	if refKey == "" {
		for _, i := range order {
			if k := g.Parts[i].placeKey; k != "" && g.Parts[i].Valid {
				refKey = k
				break
			}
		}
	}
	type clusterKey struct {
		start, end int64
		form       bool // coarse
		place      string
	}
	keyOf := func(p Part) clusterKey {
		k := p.placeKey
		if k == "" {
			k = refKey
		}
		return clusterKey{p.Span.Start.Unix(), p.Span.End.Unix(), p.Span.Coarse(), k}
	}
	var keys []clusterKey
	members := map[clusterKey][]int{}
	for _, i := range order {
		p := g.Parts[i]
		if !p.Valid {
			continue
		}
		k := keyOf(p)
		if _, ok := members[k]; !ok {
			keys = append(keys, k)
		}
		members[k] = append(members[k], i)
	}
	if len(keys) == 0 {
		return
	}
	first := members[keys[0]][0] // the reference when it is valid
	for ci, k := range keys {
		parts := members[k]
		if ci > 0 {
			a, b := g.Parts[first], g.Parts[parts[0]]
			s.Mismatches = append(s.Mismatches, Mismatch{Group: gi, Ref: first, Part: parts[0],
				Time:  !a.Span.Start.Equal(b.Span.Start) || !a.Span.End.Equal(b.Span.End) || a.Span.Coarse() != b.Span.Coarse(),
				Place: k.place != keys[0].place})
		}
		g.Events = append(g.Events, len(s.Events))
		s.Events = append(s.Events, s.makeEvent(gi, parts))
	}
}

func (s *Set) makeEvent(gi int, parts []int) Event {
	g := &s.Groups[gi]
	p0 := g.Parts[parts[0]]
	e := Event{Group: gi, Parts: parts, Start: p0.Span.Start, End: p0.Span.End, Form: p0.Span.Form, Session: p0.Span.Session,
		Kind: p0.Item.Kind, Joint: g.Joint, Title: p0.Item.Title, Offices: g.Offices}
	var people, bodies []string
	for _, i := range parts {
		p := g.Parts[i]
		people = append(people, p.Item.Chair...)
		people = append(people, p.Item.Attendees...)
		bodies = append(bodies, p.Item.Bodies...)
		if e.Venue == "" {
			e.Venue = p.Venue
		}
		if e.Locality == "" {
			e.Locality = p.Locality
		}
	}
	e.People = sortedUnique(people)
	e.Bodies = sortedUnique(bodies)
	return e
}

// Origin is where an event's findings go: its first part.
func (s *Set) Origin(ev int) Origin {
	e := &s.Events[ev]
	return s.Groups[e.Group].Parts[e.Parts[0]].Origin
}

// Group returns the group of an event.
func (s *Set) Group(ev int) *Group { return &s.Groups[s.Events[ev].Group] }

func sortedUnique(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	w := 0
	for i, x := range out {
		if i == 0 || x != out[w-1] {
			out[w] = x
			w++
		}
	}
	return out[:w]
}

func appendNew(dst []string, xs ...string) []string {
	for _, x := range xs {
		if x != "" && !contains(dst, x) {
			dst = append(dst, x)
		}
	}
	return dst
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func without(n, skip int) []int {
	out := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if i != skip {
			out = append(out, i)
		}
	}
	return out
}

// bodyKey is an event's set of bodies as one comparable string.
func bodyKey(bs []string) string { return strings.Join(bs, ",") }
