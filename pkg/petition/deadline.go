package petition

import (
	"time"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// The statutory deadlines of a petition (docs/records.md, "Statutory deadlines"): for each step the law
// limits — accept, forward, answer, resolve, as policy.petitions says for the petition's case — the day its
// count starts after, its last day with the extensions decided, and whether it was met. petition/overdue,
// `coord petition due` and the annual report ("handled within the legal deadline") all read them here.

// State is where a step stands.
type State int

const (
	// Pending: the clock runs.
	Pending State = iota
	// Met: the step was taken on or before its last day.
	Met
	// Late: the step was taken after its last day, or the petition was closed after it without the step.
	Late
	// Stopped: the petition was closed (forwarded, refused, withdrawn, resolved) before the last day without
	// this step, which is then no longer due; or its status says it is closed and its history not when.
	Stopped
)

// Deadline is one step's statutory deadline for one petition.
type Deadline struct {
	Step  string               // policy.StepAccept, …
	Limit record.PetitionLimit // the entry of policy.petitions that applies
	From  time.Time            // the day of the event the count starts after (received, accepted), 00:00
	// Due is the last day (00:00), the extensions included: the step is overdue from the next day's 00:00.
	Due        time.Time
	Extensions []Extension // the extensions that count, in order
	Done       time.Time   // the day the step was taken or the clock stopped; zero while pending or unknown
	State      State
}

// Extension is an extension of a step by a written decision (a history step `action: extended`).
type Extension struct {
	History  int       // its index in the petition's history
	Date     time.Time // the day it was decided
	Days     int       // the days it adds (counted like the limit)
	Decision string    // the decision's number, as written
}

// IsOpen reports whether the petition's status leaves it open: received or accepted (or none written).
func IsOpen(p *record.Petition) bool {
	switch p.Status {
	case Transferred, Resolved, Rejected, Withdrawn:
		return false
	}
	return true
}

// At is the petition as its record stood at the end of the day of asOf (in asOf's location): its history up
// to that day, and the status its last step up to then set (received when none had). A record whose
// history holds nothing after the day is returned as it is, its status as written. The annual report judges
// a petition's deadlines on it (Deadlines(At(p, asOf), …)), so a report made as of an earlier day does not
// count steps taken after it.
func At(p *record.Petition, asOf time.Time) *record.Petition {
	day := asOf.Format(time.DateOnly)
	later := false
	for _, h := range p.History {
		later = later || h.Date > day
	}
	if !later {
		return p
	}
	q := *p
	q.History, q.Status = nil, Received
	for _, h := range p.History {
		if h.Date > day {
			continue
		}
		q.History = append(q.History, h)
		if h.Action != Extended {
			q.Status = h.Action
		}
	}
	return &q
}

// Case is the petition's case for choosing limits; remote says whether its locality is remote.
func Case(p *record.Petition, remote bool) policy.PetitionCase {
	return policy.PetitionCase{Type: p.Type, Attempt: p.Attempt, Complex: p.Complex, Remote: remote}
}

// events are the days of a petition's history actions: the first of each, by its place in the list.
type events struct {
	first    map[string]time.Time
	extended []Extension
}

func historyOf(p *record.Petition, loc *time.Location) events {
	ev := events{first: map[string]time.Time{}}
	for i, h := range p.History {
		d, err := time.ParseInLocation(time.DateOnly, h.Date, loc)
		if err != nil {
			continue // the schema rule reports the date
		}
		if h.Action == Extended {
			ev.extended = append(ev.extended, Extension{History: i, Date: d, Days: h.Days, Decision: h.Decision})
			continue
		}
		if _, seen := ev.first[h.Action]; !seen {
			ev.first[h.Action] = d
		}
	}
	return ev
}

// earliest is the earliest of the days of actions that happened (zero when none did).
func (ev events) earliest(actions ...string) time.Time {
	var out time.Time
	for _, a := range actions {
		if d, ok := ev.first[a]; ok && (out.IsZero() || d.Before(out)) {
			out = d
		}
	}
	return out
}

// stepRule says, for a step, the actions that take it and those that stop its clock.
type stepRule struct {
	step           string
	takenBy, stops []string
	optional       bool // judged only once taken (forwarding is one way of handling a petition, not a duty)
}

// The steps in the order of handling. A step is taken by the first of its actions; a petition that is
// forwarded, refused, withdrawn (or, for what remains after acceptance, resolved) stops the clocks of the
// steps not taken.
var stepRules = []stepRule{
	{step: policy.StepAccept, takenBy: []string{Accepted, Rejected}, stops: []string{Transferred, Withdrawn, Resolved}},
	{step: policy.StepForward, takenBy: []string{Transferred}, optional: true},
	{step: policy.StepAnswer, takenBy: []string{Resolved, Rejected}, stops: []string{Transferred, Withdrawn}},
	{step: policy.StepResolve, takenBy: []string{Resolved}, stops: []string{Transferred, Withdrawn, Rejected}},
}

// Deadlines are the statutory deadlines of the petition's steps under pol (remote: its locality is remote),
// in the order of handling: each step that has a limit for the petition's case and whose count has started
// (a received date; a date of acceptance for what counts from it). A limit in calendar days that ends on a
// day off ends on the next working day (Civil Code 2015, art. 148). Extensions (history steps `extended`)
// lengthen the step whose clock runs on their day and whose limit allows them: at most the limit's
// `extensions`, each by its `days` but at most `extension_days` (all of it when none is written), each
// decided on or before the last day it extends — a decision after the deadline passed does not revive it.
func Deadlines(p *record.Petition, pol policy.Policy, remote bool) []Deadline {
	loc := pol.Loc
	received, err := time.ParseInLocation(time.DateOnly, p.Received, loc)
	if err != nil {
		return nil // the schema rule reports it
	}
	ev := historyOf(p, loc)
	c := Case(p, remote)
	var out []Deadline
	for _, sr := range stepRules {
		lim, ok := pol.PetitionLimit(c, sr.step)
		if !ok {
			continue
		}
		from := received
		if lim.From == policy.FromAccepted {
			if from, ok = ev.first[Accepted]; !ok {
				continue // not accepted: its count has not started
			}
		}
		d := Deadline{Step: sr.step, Limit: lim, From: from, Due: due(pol, from, lim.Days, lim.WorkingDays)}
		done := ev.earliest(sr.takenBy...)
		if sr.optional && done.IsZero() {
			continue
		}
		stop := ev.earliest(sr.stops...)
		if !stop.IsZero() && stop.Before(from) {
			stop = time.Time{} // an action before the count started does not stop it (a history out of order)
		}
		d.Extensions, d.Due = extend(pol, lim, ev.extended, from, d.Due, firstOf(done, stop))
		switch {
		case !done.IsZero() && (stop.IsZero() || !stop.Before(done)):
			d.Done, d.State = done, Met
			if done.After(d.Due) {
				d.State = Late
			}
		case !stop.IsZero():
			d.Done, d.State = stop, Stopped
			if stop.After(d.Due) {
				d.State = Late
			}
		case !IsOpen(p):
			d.State = Stopped // closed by its status, its history silent on when
		}
		out = append(out, d)
	}
	return out
}

// due is the last day of a limit of days (working days when working) counted after from.
func due(pol policy.Policy, from time.Time, days int, working bool) time.Time {
	d := pol.AddDays(from, days, working)
	if !working {
		d = pol.NextWorkingDay(d)
	}
	return d
}

// extend applies the extensions that count to a step whose clock started on from and ended on end (zero:
// still running), from the last day last; it returns them and the new last day.
func extend(pol policy.Policy, lim record.PetitionLimit, exts []Extension, from, last, end time.Time) ([]Extension, time.Time) {
	var out []Extension
	for _, e := range exts {
		if len(out) >= lim.Extensions {
			break
		}
		if e.Date.Before(from) || (!end.IsZero() && e.Date.After(end)) || e.Date.After(last) {
			continue
		}
		if e.Days <= 0 || e.Days > lim.ExtensionDays {
			e.Days = lim.ExtensionDays
		}
		last = due(pol, last, e.Days, lim.WorkingDays)
		out = append(out, e)
	}
	return out, last
}

// firstOf is the earlier of two days, a zero one ignored.
func firstOf(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

// Next is the pending deadline with the earliest last day (ok false when none is pending).
func Next(ds []Deadline) (Deadline, bool) {
	var best Deadline
	ok := false
	for _, d := range ds {
		if d.State == Pending && (!ok || d.Due.Before(best.Due)) {
			best, ok = d, true
		}
	}
	return best, ok
}

// Urgency is how close a pending deadline is, as of a moment.
type Urgency int

const (
	// Later: more than the reminder's working days ahead.
	Later Urgency = iota
	// Soon: the last day is within the next policy.PetitionRemind working days.
	Soon
	// LastDay: today is the last day.
	LastDay
	// Overdue: the last day has passed (from the next day's 00:00).
	Overdue
)

// Urgency of d as of now under pol (a pending deadline; Later for the others).
func (d Deadline) Urgency(now time.Time, pol policy.Policy) Urgency {
	if d.State != Pending {
		return Later
	}
	today := pol.AddDays(now, 0, false)
	switch {
	case today.After(d.Due):
		return Overdue
	case today.Equal(d.Due):
		return LastDay
	case !d.Due.After(pol.AddDays(today, pol.PetitionRemind, true)):
		return Soon
	}
	return Later
}

// WorkingDaysLeft is how many working days there are from the day after now up to the last day (0 on it
// or after).
func (d Deadline) WorkingDaysLeft(now time.Time, pol policy.Policy) int {
	n := 0
	for day := pol.AddDays(now, 0, false); day.Before(d.Due) && n < 3660; n++ {
		day = pol.AddDays(day, 1, true)
	}
	return n
}

// TypeText words a petition's type and attempt: "đơn khiếu nại", "đơn khiếu nại lần hai", "đơn tố cáo", …
func TypeText(typ string, attempt int) i18n.Msg {
	switch {
	case typ == "khieu-nai" && attempt == 2:
		return i18n.M("deadline.type.khieu-nai-2")
	case i18n.Has("petition.type." + typ):
		return i18n.M("deadline.type", TypeName(typ))
	}
	return i18n.M("deadline.type.other", typ)
}

// StepText words a step: "thụ lý", "chuyển đơn", "giải quyết", "trả lời".
func StepText(step string) i18n.Msg {
	if i18n.Has("deadline.step." + step) {
		return i18n.M("deadline.step." + step)
	}
	return i18n.M("deadline.step.other", step)
}

// CheckExtension says whether the last step of p's history, an extension, counts under pol (remote: the
// petition's locality is remote): nil when it lengthens a deadline, else a refusal saying why not — the law
// gives this petition's steps no extension, the extensions allowed are used up, or the step's last day had
// passed when it was decided.
func CheckExtension(p *record.Petition, pol policy.Policy, remote bool) error {
	last := len(p.History) - 1
	var extendable *Deadline
	ds := Deadlines(p, pol, remote)
	for i := range ds {
		d := &ds[i]
		for _, e := range d.Extensions {
			if e.History == last {
				return nil
			}
		}
		if d.Limit.Extensions > 0 && extendable == nil {
			extendable = d
		}
	}
	switch {
	case extendable == nil:
		return i18n.Refusef("petition.update.extend_not_allowed", p.ID)
	case len(extendable.Extensions) >= extendable.Limit.Extensions:
		return i18n.Refusef("petition.update.extend_used_up", p.ID, extendable.Limit.Extensions)
	}
	return i18n.Refusef("petition.update.extend_late", p.ID, when.DateText(extendable.Due.Format(time.DateOnly)))
}
