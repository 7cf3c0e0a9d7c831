package when

import (
	"fmt"
	"time"
)

// Form is which canonical form a span was written in; it decides how the span is rendered back.
type Form int

const (
	FormInterval Form = iota + 1 // 2026-07-03 08:00-11:30
	FormSpan                     // 2026-07-03 08:00..2026-07-04 17:00
	FormSession                  // 2026-07-03 sáng | chiều | tối (also morning | afternoon | evening)
	FormDay                      // 2026-07-03  (the whole working day: morning start .. afternoon end)
	FormDays                     // 2026-07-03..2026-07-05 (first day morning start .. last day afternoon end)
	FormWeek                     // 2026-W27 (ISO week, Monday 00:00 .. next Monday 00:00) — coarse
	FormMonth                    // 2026-07 (1st 00:00 .. next month's 1st 00:00) — coarse
)

// String names the form (for logs and test output).
func (f Form) String() string {
	switch f {
	case FormInterval:
		return "interval"
	case FormSpan:
		return "span"
	case FormSession:
		return "session"
	case FormDay:
		return "day"
	case FormDays:
		return "days"
	case FormWeek:
		return "week"
	case FormMonth:
		return "month"
	}
	return fmt.Sprintf("Form(%d)", int(f))
}

// Span is the meaning of a `when`: the instants it covers and how it was written.
type Span struct {
	Start, End time.Time // half-open [Start, End), in Policy.Loc
	Form       Form
	Session    string // "sáng" | "chiều" | "tối" for FormSession, else ""
}

// Coarse reports whether the span only says "some time in that week or month": overlap rules treat such
// spans as tentative, not as occupying the whole period.
func (s Span) Coarse() bool { return s.Form == FormWeek || s.Form == FormMonth }

// Equal reports whether two spans mean the same instants written in the same form (time.Time values are
// compared as instants, not by location pointer).
func (s Span) Equal(o Span) bool {
	return s.Start.Equal(o.Start) && s.End.Equal(o.End) && s.Form == o.Form && s.Session == o.Session
}

// Canonical renders the span in the canonical text of its form; Parse of the result gives the span back.
// The text is read in the span's own location, so no policy is needed. Sessions are written in Vietnamese.
// An interval ending at midnight is written 24:00; an interval over days ending at midnight is written as
// 00:00 of the next day (the instant is the same, and 24:00 of the last day would read as the same date).
// A zero Span renders as "".
func (s Span) Canonical() string {
	switch s.Form {
	case FormInterval:
		end := clockOf(s.End)
		if !sameDate(s.Start, s.End) {
			end = endOfDay
		}
		return dateText(s.Start) + " " + clockOf(s.Start).String() + "-" + end.String()
	case FormSpan:
		return dateText(s.Start) + " " + clockOf(s.Start).String() + ".." + dateText(s.End) + " " + clockOf(s.End).String()
	case FormSession:
		return dateText(s.Start) + " " + s.Session
	case FormDay:
		return dateText(s.Start)
	case FormDays:
		return dateText(s.Start) + ".." + dateText(lastInstant(s.End))
	case FormWeek:
		y, w := s.Start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case FormMonth:
		return fmt.Sprintf("%04d-%02d", s.Start.Year(), int(s.Start.Month()))
	}
	return ""
}

// String is the canonical text.
func (s Span) String() string { return s.Canonical() }

// Days returns the calendar days (00:00 in the span's location) that the span touches, in order. The end is
// exclusive: a span ending at midnight does not touch the next day. Day ranges are bounded (maxDays), so the
// result is small.
func (s Span) Days() []time.Time {
	if !s.End.After(s.Start) {
		return nil
	}
	loc := s.Start.Location()
	y, m, d := s.Start.Date()
	var out []time.Time
	// Build each day with time.Date from the calendar date, not by adding 24h, so a DST change cannot skip
	// or repeat a day.
	for i := 0; ; i++ {
		day := time.Date(y, m, d+i, 0, 0, 0, 0, loc)
		if !day.Before(s.End) && i > 0 {
			break
		}
		out = append(out, day)
		if i > maxDays+62 { // a month has at most 31 days and a range at most maxDays: a guard, never reached
			break
		}
	}
	return out
}

// clockOf is the wall-clock time of t in its location.
func clockOf(t time.Time) Clock { return Clock(t.Hour()*60 + t.Minute()) }

func dateText(t time.Time) string {
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
}

func sameDate(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// lastInstant is the last instant inside a half-open span ending at end.
func lastInstant(end time.Time) time.Time { return end.Add(-time.Nanosecond) }
