package schedule

import (
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/unionfind"
)

// Cluster is one clash of a person or a venue: the precise events of that subject linked by overlaps — a
// connected component of the subject's overlap graph, two events or more. n events in one slot are one
// cluster, not n(n-1)/2 pairs; A overlapping B and B overlapping C are one cluster even when A and C do not
// overlap (moving B alone may settle it). The events of one joint group never overlap each other (they are
// one event; joint/mismatch covers their disagreement).
type Cluster struct {
	Kind   Kind   // KindPerson or KindVenue
	What   string // WhatPerson or WhatPlace
	ID     string // the person or venue id
	Events []int  // indexes in Set.Events, in listing order
	// Mover is the event proposed to move, where findings sit: of a pair, Set.Mover's choice; of more,
	// the one Mover prefers to move when it is put against each of the others in turn.
	Mover int
}

// Subject is "person:ID" or "place:ID".
func (c Cluster) Subject() string { return c.What + ":" + c.ID }

// Pair is the cluster of two events as the conflict Detect reports for them (A the mover, B the other);
// ok is false for a cluster of more.
func (c Cluster) Pair() (Conflict, bool) {
	if len(c.Events) != 2 {
		return Conflict{}, false
	}
	other := c.Events[0]
	if other == c.Mover {
		other = c.Events[1]
	}
	return Conflict{Kind: c.Kind, What: c.What, ID: c.ID, A: c.Mover, B: other}, true
}

// Clusters returns the clashes of one kind (KindPerson or KindVenue; any other kind has none), each person's
// or venue's precise events grouped by overlap, sorted by their first event's listing order. include, when
// not nil, leaves out the events it refuses (the coordinator's kept items, say). One sort and sweep per key:
// a run of events each starting before the latest end so far is one component of the interval graph, and
// it is the clash unless two of its events belong to one joint group (rare: then its pairs are looked at).
// So the work is O(n log n) and never the pairs: 2,000 events in one slot are one cluster found in a pass.
func (s *Set) Clusters(k Kind, include func(ev int) bool) []Cluster {
	what := WhatPerson
	switch k {
	case KindPerson:
	case KindVenue:
		what = WhatPlace
	default:
		return nil
	}
	keys, lists := s.keyed(what, false)
	var out []Cluster
	var run []ival
	for ki, list := range lists {
		if len(list) < 2 {
			continue
		}
		var end int64
		run = run[:0]
		flush := func() {
			if len(run) >= 2 {
				for _, evs := range s.components(run) {
					out = append(out, s.cluster(k, what, keys[ki], evs))
				}
			}
			run = run[:0]
		}
		for _, x := range list {
			if include != nil && !include(int(x.ev)) {
				continue
			}
			if len(run) > 0 && x.start >= end { // back to back (x.start == end) is no overlap
				flush()
			}
			if len(run) == 0 || x.end > end {
				end = x.end
			}
			run = append(run, x)
		}
		flush()
	}
	slices.SortStableFunc(out, func(a, b Cluster) int {
		switch {
		case a.Events[0] != b.Events[0]:
			return a.Events[0] - b.Events[0]
		case a.What != b.What:
			return strings.Compare(a.What, b.What)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// components splits a run of overlapping intervals (sorted by start) into the clash components: the run
// itself when its events belong to distinct groups, else the components of its overlap pairs without the
// pairs of one group.
func (s *Set) components(run []ival) [][]int {
	groups := make(map[int]bool, len(run))
	distinct := true
	for _, x := range run {
		g := s.Events[x.ev].Group
		if groups[g] {
			distinct = false
			break
		}
		groups[g] = true
	}
	if distinct {
		evs := make([]int, len(run))
		for i, x := range run {
			evs[i] = int(x.ev)
		}
		slices.Sort(evs)
		return [][]int{evs}
	}
	sets := unionfind.New(len(run))
	linked := make([]bool, len(run))
	for j := 1; j < len(run); j++ {
		for i := 0; i < j; i++ {
			a, b := run[i], run[j]
			if a.end > b.start && s.Events[a.ev].Group != s.Events[b.ev].Group {
				sets.Union(i, j)
				linked[i], linked[j] = true, true
			}
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i, x := range run {
		if !linked[i] {
			continue
		}
		r := sets.Find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], int(x.ev))
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		evs := byRoot[r]
		slices.Sort(evs)
		out = append(out, evs)
	}
	return out
}

func (s *Set) cluster(k Kind, what, id string, evs []int) Cluster {
	m := evs[0]
	for _, e := range evs[1:] {
		m, _ = s.Mover(m, e)
	}
	return Cluster{Kind: k, What: what, ID: id, Events: evs, Mover: m}
}
