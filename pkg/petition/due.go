package petition

import (
	"sort"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
)

// Due is what `coord petition due` lists: the open petitions and their next statutory deadline, the most
// urgent first. It carries what a report may print — id, type, office, dates, subject, step, article —
// and nothing of the petitioner: not the sealed identity, not the blind index.
type Due struct {
	ID       string
	Type     string
	Attempt  int
	Office   string
	Received string // YYYY-MM-DD, as written
	Subject  string
	File     string
	Deadline Deadline
	Urgency  Urgency
	// WorkingDaysLeft from the day after as-of up to the last day; DaysOverdue since it.
	WorkingDaysLeft, DaysOverdue int
}

// DueQuery says which petitions to list: those of an office ("" for all), whose next deadline falls at the
// latest Within after Now (nil: whenever; overdue ones always).
type DueQuery struct {
	Office string
	Within *policy.Days
	Now    time.Time
}

// DueList lists the open petitions among files (the loaded records; others are skipped) with a pending
// statutory deadline, by the last day of their next one (overdue first), then by id. remote says whether a
// locality is remote.
func DueList(files []*record.File, pol policy.Policy, remote func(locality string) bool, q DueQuery) []Due {
	today := pol.AddDays(q.Now, 0, false)
	var horizon time.Time
	if q.Within != nil {
		horizon = pol.AddDays(today, q.Within.N, q.Within.Working)
	}
	var out []Due
	for _, f := range files {
		p, ok := f.Value.(*record.Petition)
		if !ok || p == nil || (q.Office != "" && p.Office != q.Office) || p.Received > q.Now.Format(time.DateOnly) {
			continue
		}
		p = At(p, q.Now) // as it stood on the day asked: a step taken later was not taken yet
		d, ok := Next(Deadlines(p, pol, remote != nil && remote(p.Locality)))
		if !ok || (q.Within != nil && d.Due.After(horizon)) {
			continue
		}
		e := Due{ID: p.ID, Type: p.Type, Attempt: p.Attempt, Office: p.Office, Received: p.Received, Subject: p.Subject,
			File: f.Path, Deadline: d, Urgency: d.Urgency(q.Now, pol), WorkingDaysLeft: d.WorkingDaysLeft(q.Now, pol),
			DaysOverdue: d.DaysOverdue(q.Now, pol)}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Deadline.Due.Equal(out[j].Deadline.Due) {
			return out[i].Deadline.Due.Before(out[j].Deadline.Due)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// SourceText is the article of a deadline, with the extensions that count: "Luật Tố cáo năm 2018, Điều 30;
// đã gia hạn 1 lần".
func (d Deadline) SourceText() i18n.Msg {
	if n := len(d.Extensions); n > 0 {
		return i18n.M("deadline.extended", d.Limit.Source, n)
	}
	return i18n.M("deadline.source", d.Limit.Source)
}

// DaysOverdue is how many days have passed since the last day, as of now (0 until it has).
func (d Deadline) DaysOverdue(now time.Time, pol policy.Policy) int {
	today := pol.AddDays(now, 0, false)
	if !today.After(d.Due) {
		return 0
	}
	return int(today.Sub(d.Due).Hours()+12) / 24
}
