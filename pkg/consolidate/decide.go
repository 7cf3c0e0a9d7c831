package consolidate

import (
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/schedule"
	"github.com/coordvn/coord/pkg/when"
)

// Decision is one decision of the coordinator on a merged item.
type Decision struct {
	Action string // record.ActionMove, ActionDrop, ActionKeep, or "undo" (forget the decision on the item)
	Item   string // the merged item id: OFFICE.item-id or joint.key
	When   string // move: the new time, canonical or as a clerk writes it ("Chiều 22/7/2026")
	Place  string // move: a new place (optional)
	Reason string
	By     string // the office deciding
	Force  bool   // move into a slot that conflicts anyway
}

// Undo is the action that forgets a decision.
const Undo = "undo"

// Decide records a decision and returns the consolidation under it. A move into a slot where the item
// conflicts with something new is refused unless Force; the refusal comes with those conflicts.
func (r *Result) Decide(d Decision) (*Result, []finding.Finding, error) {
	id := d.Item
	if !r.Has(id) {
		return nil, nil, i18n.Refusef("merge.no_item", id, r.Period.String())
	}
	decisions := r.S.DecisionList()
	if d.Action == Undo {
		i := slices.IndexFunc(decisions, func(a record.Adjustment) bool { return a.Item == id })
		if i < 0 {
			return nil, nil, i18n.Refusef("merge.no_adjust", id)
		}
		return r.WithDecisions(slices.Delete(decisions, i, i+1)), nil, nil
	}
	a := record.Adjustment{Item: id, Action: d.Action, Reason: strings.TrimSpace(d.Reason), By: d.By,
		Date: r.ctx.Now.Format("2006-01-02")}
	if a.Action == record.ActionMove {
		w, err := r.Target(d.When)
		if err != nil {
			return nil, nil, err
		}
		a.When, a.Place = w, strings.TrimSpace(d.Place)
	}
	next := r.WithDecisions(append(decisions, a))
	if a.Action == record.ActionMove && !d.Force {
		before := map[string]bool{}
		for _, sf := range r.OpenErrors() {
			before[conflictKey(sf)] = true
		}
		var fresh []finding.Finding
		for _, sf := range next.OpenErrors() {
			if slices.Contains(sf.Items, id) && !before[conflictKey(sf)] {
				fresh = append(fresh, sf.Finding)
			}
		}
		if len(fresh) > 0 {
			sp, _ := r.ctx.Span(a.When)
			return nil, fresh, i18n.Refusef("merge.move_busy", id, sp.Phrase())
		}
	}
	return next, nil, nil
}

// Target reads the time of a move: the canonical grammar, or a clerk's form rewritten; a precise time inside
// the period. A bad time is bad usage.
func (r *Result) Target(text string) (string, error) {
	text = strings.TrimSpace(text)
	sp, err := r.ctx.Span(text)
	if err != nil {
		canon, nerr := when.Normalize(text, r.Period.Year)
		if nerr != nil {
			return "", i18n.Usagef("merge.use.to_bad", text, err)
		}
		text = canon
		if sp, err = r.ctx.Span(text); err != nil {
			return "", i18n.Usagef("merge.use.to_bad", text, err)
		}
	}
	if sp.Coarse() {
		return "", i18n.Usagef("merge.use.to_coarse", text)
	}
	if !r.Period.Contains(sp.Start, sp.End, r.ctx.Repo.Loc) {
		return "", i18n.Usagef("merge.use.to_outside", text, r.Period.Text())
	}
	return sp.Canonical(), nil
}

// Proposal is a proposed move of one merged item, with the sentence that says why.
type Proposal struct {
	Item   string    // the merged item id
	Title  string    // the item's title
	From   when.Span // where it is now (for a joint mismatch: the part that disagrees)
	To     when.Span // the free slot; zero when none was found
	Found  bool
	Reason i18n.Msg // "Đồng chí … đã có lịch «…» vào chiều 14/8/2026 nên dời sang sáng 14/8/2026"
}

// Suggest proposes a free slot for each open error conflict of the effective programme (a kept item's
// conflicts are settled) and each joint mismatch.
func (r *Result) Suggest() []Proposal {
	s := r.S.Eff
	kept := func(id string) bool {
		a := r.S.Decisions[id]
		return a != nil && a.Action == record.ActionKeep
	}
	var conflicts []schedule.Conflict
	for _, k := range []schedule.Kind{schedule.KindPerson, schedule.KindVenue} {
		for _, c := range s.Detect(k, nil) {
			if !kept(s.Group(c.A).ID) && !kept(s.Group(c.B).ID) {
				conflicts = append(conflicts, c)
			}
		}
	}
	var mismatches []schedule.Mismatch
	for _, m := range s.Mismatches {
		if !kept(s.Groups[m.Group].ID) {
			mismatches = append(mismatches, m)
		}
	}
	pol := r.ctx.Policy
	cal := schedule.Calendar{Sessions: pol.Sessions, WorkingDay: pol.WorkingDay,
		From: r.Period.Start(r.ctx.Repo.Loc), To: r.Period.End(r.ctx.Repo.Loc), NotBefore: r.ctx.Now}
	var out []Proposal
	for _, p := range schedule.Suggest(s, conflicts, mismatches, cal) {
		g := s.Groups[p.Group]
		ev := &s.Events[p.Event]
		pr := Proposal{Item: g.ID, Title: g.Item.Title, From: ev.Span(), To: p.Span, Found: p.Found}
		switch {
		case p.Conflict != nil:
			other := &s.Events[p.Conflict.B]
			if p.Conflict.Kind == schedule.KindVenue {
				pr.Reason = i18n.M("merge.reason.venue", r.ctx.VenueName(p.Conflict.ID), other.Title, other.Span().Phrase())
			} else {
				pr.Reason = i18n.M("merge.reason.person", r.ctx.PersonName(p.Conflict.ID), other.Title, other.Span().Phrase())
			}
			if p.Found {
				pr.Reason = i18n.M("merge.reason.move_to", pr.Reason, p.Span.Phrase())
			}
		case p.Mismatch != nil:
			part, ref := g.Parts[p.Mismatch.Part], g.Parts[p.Mismatch.Ref]
			pr.From = part.Span
			pr.Reason = i18n.M("merge.reason.joint", r.ctx.OfficeName(part.Office), part.Span.Phrase(), r.ctx.OfficeName(ref.Office))
			if p.Found {
				pr.Reason = i18n.M("merge.reason.align_to", pr.Reason, p.Span.Phrase())
			}
		}
		out = append(out, pr)
	}
	return out
}

// Accept records proposals as moves: all of them, or those of the items named (each must have a proposal
// with a free slot). It returns the consolidation and how many moves it recorded.
func (r *Result) Accept(props []Proposal, ids []string, by string) (*Result, int, error) {
	want := map[string]bool{}
	for _, id := range ids {
		if !slices.ContainsFunc(props, func(p Proposal) bool { return p.Item == id && p.Found }) {
			return nil, 0, i18n.Refusef("merge.not_proposed", id)
		}
		want[id] = true
	}
	decisions := r.S.DecisionList()
	n := 0
	for _, p := range props {
		if !p.Found || (len(want) > 0 && !want[p.Item]) {
			continue
		}
		decisions = append(decisions, record.Adjustment{Item: p.Item, Action: record.ActionMove, When: p.To.Canonical(),
			Reason: p.Reason.Render(i18n.VI), By: by, Date: r.ctx.Now.Format("2006-01-02")})
		n++
	}
	return r.WithDecisions(decisions), n, nil
}
