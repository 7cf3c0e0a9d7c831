// Package policy owns the rules of the calendar that a province may tune in coord.yaml: session hours,
// submission deadlines, the Party committee's terms, the statutory petition deadlines, the notice of citizen
// reception days, holidays and make-up working days, and the counting of days and working days. Defaults
// follow the deadlines of docs/rules.md (deadline/late, petition/overdue, reception/notice); every override
// is data, never code. It reads no clock and does no I/O.
package policy

import (
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// Policy is the effective policy of a repo.
type Policy struct {
	Loc        *time.Location
	Sessions   when.Policy
	Deadlines  Deadlines
	PartyTerms []time.Time
	// Petitions are the statutory petition deadlines in force (petitions.go).
	Petitions []record.PetitionLimit
	// PetitionRemind is how many working days before a petition's deadline the reminders start.
	PetitionRemind int
	// ReceptionNotice is how many working days ahead a citizen reception day must be announced.
	ReceptionNotice int
	holidays        map[string]string // date -> name
	workdays        map[string]bool   // make-up working days
	hosts           []string          // host.rotation: the offices hosting the annual evaluation, in turn
	hostsFrom       int               // host.first_year: the year the first of them hosts
}

// Deadlines are the submission deadlines (docs/rules.md, deadline/late).
type Deadlines struct {
	YearMonth, YearDay int          // year Y: before YearDay/YearMonth of Y-1 (30 November)
	QuarterDay         int          // before this day of the last month of the previous quarter (20)
	MonthDay           int          // before this day of the previous month (25)
	WeekDay            time.Weekday // week: before this weekday…
	WeekClock          when.Clock   // …at this time, of the previous week (Thursday 17:00)
}

// DefaultPartyTerms are the start dates of the provincial Party committees' recent terms (congresses of 2020
// and 2025); a province sets its own in policy.party_terms.
var DefaultPartyTerms = []string{"2015-10-01", "2020-10-01", "2025-10-01"}

// Default returns the default policy in loc.
func Default(loc *time.Location) Policy {
	p := Policy{Loc: loc, Sessions: when.DefaultPolicy(loc),
		Deadlines: Deadlines{YearMonth: 11, YearDay: 30, QuarterDay: 20, MonthDay: 25, WeekDay: time.Thursday, WeekClock: 17 * 60},
		Petitions: DefaultPetitionLimits(), PetitionRemind: DefaultPetitionRemind, ReceptionNotice: DefaultReceptionNotice,
		holidays: map[string]string{}, workdays: map[string]bool{}}
	for _, d := range DefaultPartyTerms {
		t, _ := time.ParseInLocation("2006-01-02", d, loc)
		p.PartyTerms = append(p.PartyTerms, t)
	}
	return p
}

// Problem is an invalid override: the field (path in coord.yaml) and what is wrong.
type Problem struct {
	Field []any
	Err   error
}

// FromSettings applies coord.yaml's overrides and the holiday registry to the defaults. Invalid overrides are
// reported and the default kept.
func FromSettings(s record.Settings, h record.Holidays, loc *time.Location) (Policy, []Problem) {
	p := Default(loc)
	var probs []Problem
	if ss := s.Policy.Sessions; ss != nil {
		for _, x := range []struct {
			name string
			text string
			dst  *when.Range
		}{{"morning", ss.Morning, &p.Sessions.Morning}, {"afternoon", ss.Afternoon, &p.Sessions.Afternoon}, {"evening", ss.Evening, &p.Sessions.Evening}} {
			if x.text == "" {
				continue
			}
			r, err := when.ParseRange(x.text)
			if err != nil {
				probs = append(probs, Problem{[]any{"policy", "sessions", x.name}, err})
				continue
			}
			*x.dst = r
		}
		if err := p.Sessions.Validate(); err != nil {
			probs = append(probs, Problem{[]any{"policy", "sessions"}, err})
			p.Sessions = when.DefaultPolicy(loc)
		}
	}
	if d := s.Policy.Deadlines; d != nil {
		set := func(dst *int, v, lo, hi int, name string) {
			if v == 0 {
				return
			}
			if v < lo || v > hi {
				probs = append(probs, Problem{[]any{"policy", "deadlines", name}, i18n.Errorf("policy.range", name, v, lo, hi)})
				return
			}
			*dst = v
		}
		set(&p.Deadlines.YearMonth, d.YearMonth, 1, 12, "year_month")
		set(&p.Deadlines.YearDay, d.YearDay, 1, 31, "year_day")
		set(&p.Deadlines.QuarterDay, d.QuarterDay, 1, 31, "quarter_day")
		set(&p.Deadlines.MonthDay, d.MonthDay, 1, 31, "month_day")
		if d.Week != "" {
			wd, clk, err := parseWeekly(d.Week)
			if err != nil {
				probs = append(probs, Problem{[]any{"policy", "deadlines", "week"}, err})
			} else {
				p.Deadlines.WeekDay, p.Deadlines.WeekClock = wd, clk
			}
		}
	}
	if len(s.Policy.PartyTerms) > 0 {
		var terms []time.Time
		for i, d := range s.Policy.PartyTerms {
			t, err := time.ParseInLocation("2006-01-02", d, loc)
			if err != nil || (len(terms) > 0 && !t.After(terms[len(terms)-1])) {
				probs = append(probs, Problem{[]any{"policy", "party_terms", i}, i18n.Errorf("policy.terms", d)})
				terms = nil
				break
			}
			terms = append(terms, t)
		}
		if terms != nil {
			p.PartyTerms = terms
		}
	}
	if len(s.Policy.Petitions) > 0 {
		var pp []Problem
		p.Petitions, pp = petitionLimits(s.Policy.Petitions)
		probs = append(probs, pp...)
	}
	if n := s.Policy.PetitionRemind; n > 0 && n <= 60 {
		p.PetitionRemind = n
	}
	if n := s.Policy.ReceptionNotice; n > 0 && n <= 60 {
		p.ReceptionNotice = n
	}
	for _, d := range h.Days {
		if d.Date != "" {
			p.holidays[d.Date] = d.Name
			continue
		}
		from, err1 := time.ParseInLocation("2006-01-02", d.From, loc)
		to, err2 := time.ParseInLocation("2006-01-02", d.To, loc)
		if err1 != nil || err2 != nil || to.Before(from) || to.Sub(from) > 60*24*time.Hour {
			continue // the schema rule reports malformed dates
		}
		for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
			p.holidays[t.Format("2006-01-02")] = d.Name
		}
	}
	for _, w := range h.Workdays {
		p.workdays[w.Date] = true
	}
	if len(s.Host.Rotation) > 0 && s.Host.FirstYear > 0 {
		p.hosts, p.hostsFrom = s.Host.Rotation, s.Host.FirstYear
	}
	return p, probs
}

// Host is the office that hosts the annual evaluation of coordination in year (seed 000: hosting passes in
// turn): coord.yaml's host.rotation taken in order from host.first_year, starting again after the last. ok is
// false when there is no rotation, no first year, or year comes before it.
func (p Policy) Host(year int) (office string, ok bool) {
	if len(p.hosts) == 0 || year < p.hostsFrom {
		return "", false
	}
	return p.hosts[(year-p.hostsFrom)%len(p.hosts)], true
}

var weekdays = map[string]time.Weekday{"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday}

func parseWeekly(s string) (time.Weekday, when.Clock, error) {
	f := strings.Fields(strings.ToLower(s))
	bad := i18n.Errorf("policy.week", s)
	if len(f) != 2 {
		return 0, 0, bad
	}
	wd, ok := weekdays[f[0]]
	if !ok {
		return 0, 0, bad
	}
	h, m, ok := strings.Cut(f[1], ":")
	hh, e1 := strconv.Atoi(h)
	mm, e2 := strconv.Atoi(m)
	if !ok || e1 != nil || e2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, 0, bad
	}
	return wd, when.Clock(hh*60 + mm), nil
}

// Deadline returns the submission deadline of a programme for period per: the instant before which it must
// be submitted.
func (p Policy) Deadline(per period.Period) time.Time {
	d := p.Deadlines
	switch per.Kind {
	case period.Year:
		return p.dayOf(per.Year-1, time.Month(d.YearMonth), d.YearDay)
	case period.Quarter:
		// the last month of the previous quarter is the month before the quarter starts
		last := per.Start(p.Loc).AddDate(0, -1, 0)
		return p.dayOf(last.Year(), last.Month(), d.QuarterDay)
	case period.Month:
		prev := per.Start(p.Loc).AddDate(0, -1, 0)
		return p.dayOf(prev.Year(), prev.Month(), d.MonthDay)
	default:
		// the given weekday of the previous ISO week
		monday := per.Start(p.Loc).AddDate(0, 0, -7)
		off := (int(d.WeekDay) + 6) % 7
		day := monday.AddDate(0, 0, off)
		return time.Date(day.Year(), day.Month(), day.Day(), int(d.WeekClock)/60, int(d.WeekClock)%60, 0, 0, p.Loc)
	}
}

// dayOf is the start of day `day` of a month; a day the month does not have (the 31st of June, a province's
// quarter_day: 31) means the month's end, the start of the next month's first day — never a day of the month
// after (time.Date would make 31 June 1 July, and 30 February 2 March).
func (p Policy) dayOf(year int, month time.Month, day int) time.Time {
	last := time.Date(year, month+1, 0, 0, 0, 0, 0, p.Loc).Day()
	return time.Date(year, month, min(day, last+1), 0, 0, 0, 0, p.Loc)
}

// WorkingDay reports whether day is a working day: Monday–Friday and not a holiday, or a make-up working day.
func (p Policy) WorkingDay(day time.Time) bool {
	key := day.In(p.Loc).Format("2006-01-02")
	if p.workdays[key] {
		return true
	}
	if _, h := p.holidays[key]; h {
		return false
	}
	wd := day.In(p.Loc).Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddDays is the last day of a limit of n days counted from the day after day (Civil Code 2015, art. 147):
// n working days when working (Saturdays, Sundays and the registry's holidays skipped, its make-up working
// days counted), else n calendar days. It returns the start (00:00) of that day in the policy's timezone;
// n <= 0 gives the start of day itself. It is the one count of days of coord: statutory deadlines, their
// extensions, a reception day's notice and `--within`.
func (p Policy) AddDays(day time.Time, n int, working bool) time.Time {
	d := day.In(p.Loc)
	d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, p.Loc)
	if !working {
		return d.AddDate(0, 0, max(n, 0))
	}
	// A registry that declares years of holidays in a row cannot make this loop forever: a span with no
	// working day in ten years ends the count.
	for idle := 0; n > 0 && idle < 3660; {
		d = d.AddDate(0, 0, 1)
		if p.WorkingDay(d) {
			n--
			idle = 0
		} else {
			idle++
		}
	}
	return d
}

// NextWorkingDay is day itself when it is a working day, else the first working day after it (00:00 in
// the policy's timezone): where a limit counted in calendar days that ends on a day off ends (Civil Code
// 2015, art. 148).
func (p Policy) NextWorkingDay(day time.Time) time.Time {
	d := p.AddDays(day, 0, false)
	for i := 0; i < 3660 && !p.WorkingDay(d); i++ {
		d = d.AddDate(0, 0, 1)
	}
	return d
}
