package rules

import (
	"slices"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/schedule"
)

// A person or venue double-booked by n events at once is one finding, not n(n-1)/2: overlap/person and
// overlap/venue report each clash cluster (schedule.Clusters: the events of one subject linked by overlaps)
// once. A cluster of two reads as it always has, on the event proposed to move, naming the other; a cluster
// of more names how many events clash and lists them, and relates every one of them. Its Items are all the
// cluster's merged items, so the coordinator's decisions still resolve it: moving one item out of a 3-way
// clash leaves a 2-way clash.

// clusterListed is how many events a cluster's message names before "and n more" (related lists them all).
const clusterListed = 5

// clusterFindings are the findings of one kind of clash in a schedule.
func (c *Context) clusterFindings(s *schedule.Set, k schedule.Kind, include func(ev int) bool) []ScheduleFinding {
	cl := s.Clusters(k, include)
	out := make([]ScheduleFinding, 0, len(cl))
	for _, x := range cl {
		out = append(out, c.clusterFinding(s, x))
	}
	return out
}

// clusterFinding is the finding of one clash cluster: a pair as pairFinding words it; more on the mover's
// `when` (or, when check PATH… does not want the mover's file, on the first event in a wanted file),
// related to the others.
func (c *Context) clusterFinding(s *schedule.Set, k schedule.Cluster) ScheduleFinding {
	name, pairKey, manyKey := c.PersonName(k.ID), "rule.overlap.person", "rule.overlap.person_n"
	if k.What == schedule.WhatPlace {
		name, pairKey, manyKey = c.VenueName(k.ID), "rule.overlap.venue", "rule.overlap.venue_n"
	}
	if p, ok := k.Pair(); ok {
		return c.pairFinding(s, p, func(a, b *schedule.Event) i18n.Msg {
			return i18n.M(pairKey, name, a.Span().Phrase(), b.Title, c.offices(b), b.Span().Phrase())
		})
	}
	at := k.Mover
	if !c.Wants(c.eventPos(s, at, "when").File) {
		for _, e := range k.Events {
			if c.Wants(c.eventPos(s, e, "when").File) {
				at = e
				break
			}
		}
	}
	// Listed by time, then as the programmes list them.
	byTime := slices.Clone(k.Events)
	slices.SortStableFunc(byTime, func(a, b int) int { return s.Events[a].Start.Compare(s.Events[b].Start) })
	var list i18n.Msg
	for i, e := range byTime[:min(len(byTime), clusterListed)] {
		ev := &s.Events[e]
		one := i18n.M("rule.cluster.item", ev.Title, c.offices(ev), ev.Span().Phrase())
		if i == 0 {
			list = one
		} else {
			list = i18n.M("rule.cluster.sep", list, one)
		}
	}
	if n := len(byTime) - clusterListed; n > 0 {
		list = i18n.M("rule.cluster.more", list, n)
	}
	f := ScheduleFinding{Finding: finding.Finding{Pos: c.eventPos(s, at, "when"), Subject: k.Subject(),
		Msg: i18n.M(manyKey, name, len(k.Events), list)}}
	seen := map[string]bool{}
	item := func(e int) {
		if id := s.Group(e).ID; !seen[id] {
			seen[id] = true
			f.Items = append(f.Items, id)
		}
	}
	item(k.Mover)
	for _, e := range k.Events {
		if e != at {
			f.Related = append(f.Related, c.eventPos(s, e, "when"))
		}
		item(e)
	}
	return f
}

// splitKept: a cluster of three events or more with an item the coordinator kept is lowered to information
// (PeriodSchedule.Findings), but the items not kept may still clash with each other: those clashes are
// findings of their own, errors, found again without the kept items.
func (c *Context) splitKept(s *schedule.Set, fs []ScheduleFinding, kept func(id string) bool) []ScheduleFinding {
	kinds := map[string]schedule.Kind{overlapPersonRule.ID: schedule.KindPerson, overlapVenueRule.ID: schedule.KindVenue}
	sev := map[string]finding.Severity{overlapPersonRule.ID: overlapPersonRule.Severity, overlapVenueRule.ID: overlapVenueRule.Severity}
	var extra []ScheduleFinding
	for _, f := range fs {
		k, ok := kinds[f.Rule]
		if !ok || len(f.Items) < 3 || !slices.ContainsFunc(f.Items, kept) {
			continue
		}
		in := map[string]bool{}
		for _, id := range f.Items {
			in[id] = !kept(id)
		}
		for _, r := range c.clusterFindings(s, k, func(ev int) bool { return in[s.Group(ev).ID] }) {
			if r.Subject == f.Subject {
				r.Rule, r.Severity = f.Rule, sev[f.Rule]
				extra = append(extra, r)
			}
		}
	}
	if len(extra) == 0 {
		return fs
	}
	out := append(slices.Clone(fs), extra...)
	sortScheduleFindings(out)
	return out
}
