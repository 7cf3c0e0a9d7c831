package consolidate

import (
	"slices"

	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/when"
)

// Programme is the effective programme of a consolidated record: every item as it now stands after the
// coordinator's decisions, with its time read and its place resolved against the registry once. Every output
// (the issued documents, the calendars, the notices) reads it, so a moved item stands at the same time and
// place, in the same locality, everywhere.
type Programme struct {
	Period    period.Period
	Record    *record.Consolidated
	Entries   []*Entry    // every item in the record's order, left-out ones included (Dropped)
	Decided   []*Entry    // the items with a decision, in the order of the decisions
	Conflicts []*Conflict // the recorded conflicts, numbered from 1, with what the decisions did to them
}

// Entry is one item of the effective programme.
type Entry struct {
	Item     record.MergedItem  // as it now stands: the time, place and locality after the decision
	Recorded record.MergedItem  // as merged from the offices' programmes
	Decision *record.Adjustment // the coordinator's last decision on the item, if any
	Dropped  bool               // left out of the programme
	Span     when.Span          // the time, when Dated
	Dated    bool               // the time parses
	Place    Place              // where it now stands
	// Before is where the item stood before a move, once per distinct time and place among its offices'
	// programmes that differ from where it now stands (a joint event aligned on one office's time moved only
	// the others). Empty when the item did not move.
	Before    []Before
	Conflicts []*Conflict // the recorded conflicts naming the item
}

// Place is a place resolved against the registry.
type Place struct {
	Text         string // as written in the record (a venue id or free text)
	Venue        string // the venue id, "" for free text that names no venue
	Name         string // what a person reads: the venue's registry name, else the free text
	Locality     string // the item's own locality, else its venue's ("" when neither says)
	LocalityName string
}

// Same reports whether two places are one: the same venue, however it is written, or the same text.
func (p Place) Same(q Place) bool {
	if p.Venue != "" || q.Venue != "" {
		return p.Venue == q.Venue
	}
	return p.Text == q.Text
}

// Before is a time and place an item stood at before a move, and the offices whose programmes said so.
type Before struct {
	Offices []string
	When    string
	Span    when.Span
	Dated   bool
	Place   Place
}

// ConflictState says what the coordinator's decisions did to a recorded conflict.
type ConflictState int

const (
	ConflictOpen     ConflictState = iota // no decision on any of its items
	ConflictAccepted                      // an item is kept as it is, with a reason
	ConflictResolved                      // an item was moved or left out
)

// Conflict is a recorded conflict of the consolidated record.
type Conflict struct {
	N      int
	Record record.Conflict
	State  ConflictState
	Items  []*Entry // the entries it names that exist
}

// Effective reads a consolidated record as it now stands, with the registry and policy of c.
func Effective(c *rules.Context, p period.Period, rec *record.Consolidated) *Programme {
	prog := &Programme{Period: p, Record: rec}
	if rec == nil {
		return prog
	}
	last := map[string]*record.Adjustment{}
	var order []string
	for i := range rec.Adjustments {
		a := &rec.Adjustments[i]
		order = slices.DeleteFunc(order, func(id string) bool { return id == a.Item })
		order = append(order, a.Item)
		last[a.Item] = a
	}
	byID := map[string]*Entry{}
	for _, it := range rec.Items {
		e := &Entry{Recorded: it, Decision: last[it.ID]}
		e.Item = it
		e.Item.Item, e.Dropped = e.Decision.Apply(it.Item)
		e.Span, e.Dated = span(c, e.Item.When)
		e.Place = resolve(c, e.Item.Item)
		if e.Decision != nil && e.Decision.Action == record.ActionMove {
			e.Before = before(c, e)
		}
		if _, dup := byID[it.ID]; !dup {
			byID[it.ID] = e
		}
		prog.Entries = append(prog.Entries, e)
	}
	for _, id := range order {
		if e := byID[id]; e != nil {
			prog.Decided = append(prog.Decided, e)
		}
	}
	for i, rc := range rec.Conflicts {
		k := &Conflict{N: i + 1, Record: rc}
		for _, id := range rc.Items {
			e := byID[id]
			if e == nil {
				continue
			}
			k.Items = append(k.Items, e)
			if e.Decision != nil {
				switch e.Decision.Action {
				case record.ActionMove, record.ActionDrop:
					k.State = ConflictResolved
				case record.ActionKeep:
					k.State = max(k.State, ConflictAccepted)
				}
			}
		}
		prog.Conflicts = append(prog.Conflicts, k)
		for _, e := range k.Items {
			if !slices.Contains(e.Conflicts, k) {
				e.Conflicts = append(e.Conflicts, k)
			}
		}
	}
	return prog
}

// before lists where a moved item's parts stood, leaving out those already where it now stands.
func before(c *rules.Context, e *Entry) []Before {
	var out []Before
	origins := e.Recorded.Origins
	if len(origins) == 0 {
		origins = []record.Origin{{Office: ""}}
	}
	for _, o := range origins {
		w, pl := o.When, o.Place
		if w == "" {
			w = e.Recorded.When
		}
		if pl == "" {
			pl = e.Recorded.Place
		}
		it := e.Recorded.Item
		it.When, it.Place = w, pl
		if pl != e.Recorded.Place {
			it.Locality = ""
		}
		place := resolve(c, it)
		if w == e.Item.When && place.Same(e.Place) {
			continue
		}
		i := slices.IndexFunc(out, func(b Before) bool { return b.When == w && b.Place.Same(place) })
		if i < 0 {
			b := Before{When: w, Place: place}
			b.Span, b.Dated = span(c, w)
			out = append(out, b)
			i = len(out) - 1
		}
		if o.Office != "" {
			out[i].Offices = append(out[i].Offices, o.Office)
		}
	}
	return out
}

func span(c *rules.Context, text string) (when.Span, bool) {
	s, err := c.Span(text)
	return s, err == nil
}

// resolve reads an item's place with the resolver the conflicts use: the venue it names, what a person
// reads of it, and its locality.
func resolve(c *rules.Context, it record.Item) Place {
	p := Place{Text: it.Place, Name: it.Place}
	p.Venue, p.Locality = c.ScheduleResolver().Place(it)
	if p.Venue != "" {
		p.Name = c.VenueName(p.Venue)
	}
	if p.Locality != "" {
		p.LocalityName = c.LocalityName(p.Locality)
	}
	return p
}
