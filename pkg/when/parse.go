package when

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/text/unicode/norm"
)

const (
	// maxRunes bounds every input: a `when` is a short phrase, and the bound keeps parsing cheap on hostile input.
	maxRunes = 200
	// maxDays bounds day ranges and spans over days: a programme item longer than a (leap) year is a typing
	// error, and the bound keeps Days small.
	maxDays = 366
)

// canonicalForms lists the grammar for error messages; it is the same text in every language.
const canonicalForms = "2026-07-03 08:00-11:30 | 2026-07-03 08:00..2026-07-04 17:00 | 2026-07-03 sáng|chiều|tối | " +
	"2026-07-03 | 2026-07-03..2026-07-05 | 2026-W27 | 2026-07"

// date is a calendar date, already validated.
type date struct {
	y int
	m time.Month
	d int
}

func (d date) String() string { return dateText(time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC)) }

// at is the instant of clock c on day d in loc; time.Date carries 24:00 over to the next day and resolves DST.
func (d date) at(c Clock, loc *time.Location) time.Time {
	return time.Date(d.y, d.m, d.d, int(c)/60, int(c)%60, 0, 0, loc)
}

// dateOf is the calendar date of t in its own location.
func dateOf(t time.Time) date {
	y, m, d := t.Date()
	return date{y, m, d}
}

// dayNumber counts days on a proleptic calendar, to measure ranges without going through a timezone.
func (d date) dayNumber() int64 {
	return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Parse reads the canonical `when` grammar of docs/records.md#when (English session words accepted too) into a span
// in p's timezone. The input is NFC-normalised and trimmed; otherwise it must be exactly canonical (single
// spaces, two-digit fields). Dates must exist, hours are 00–23 and minutes 00–59, 24:00 may only end an
// interval, the end must be after the start, a day range must go forward and last at most 366 days, and an ISO
// week must exist in its ISO year. Sessions and days take their hours from p.
func Parse(s string, p Policy) (Span, error) {
	t, err := prepare(s)
	if err != nil {
		return Span{}, err
	}
	if f := strings.Join(strings.Fields(t), " "); f != t {
		return Span{}, i18n.Errorf("when.spaces", t, f)
	}
	loc := p.loc()
	if left, right, ok := strings.Cut(t, ".."); ok {
		if strings.Contains(right, "..") {
			return Span{}, i18n.Errorf("when.syntax", t, canonicalForms)
		}
		if strings.Contains(left, " ") || strings.Contains(right, " ") {
			return parseSpanForm(t, left, right, loc)
		}
		return parseDaysForm(left, right, p)
	}
	if dt, rest, ok := strings.Cut(t, " "); ok {
		d, err := parseDate(dt)
		if err != nil {
			return Span{}, err
		}
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return parseIntervalForm(d, rest, loc)
		}
		name, ok := canonicalSession(rest)
		if !ok {
			return Span{}, i18n.Errorf("when.session_unknown", rest)
		}
		if err := p.Validate(); err != nil {
			return Span{}, err
		}
		r := p.session(name)
		return Span{Start: d.at(r.Start, loc), End: d.at(r.End, loc), Form: FormSession, Session: name}, nil
	}
	switch {
	case len(t) >= 6 && t[4] == '-' && (t[5] == 'W' || t[5] == 'w'):
		return parseWeekForm(t, loc)
	case len(t) == 7 && t[4] == '-':
		return parseMonthForm(t, loc)
	case len(t) == 10 && t[4] == '-':
		d, err := parseDate(t)
		if err != nil {
			return Span{}, err
		}
		if err := p.Validate(); err != nil {
			return Span{}, err
		}
		return Span{Start: d.at(p.Morning.Start, loc), End: d.at(p.Afternoon.End, loc), Form: FormDay}, nil
	case strings.Count(t, "-") == 2:
		return Span{}, i18n.Errorf("when.date_form", t) // a date with a field of the wrong width, like 2026-7-03
	}
	return Span{}, i18n.Errorf("when.syntax", t, canonicalForms)
}

// prepare applies what every entry point does first: NFC, trimming, and the length bound.
func prepare(s string) (string, error) {
	// Count before normalising so that a huge input costs no more than one pass.
	if n := utf8.RuneCountInString(s); n > maxRunes*4 {
		return "", i18n.Errorf("when.too_long", n, maxRunes)
	}
	t := strings.TrimSpace(norm.NFC.String(s))
	if n := utf8.RuneCountInString(t); n > maxRunes {
		return "", i18n.Errorf("when.too_long", n, maxRunes)
	}
	if t == "" {
		return "", i18n.Errorf("when.empty", canonicalForms)
	}
	return t, nil
}

// parseDate reads exactly YYYY-MM-DD and requires a real calendar date.
func parseDate(s string) (date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return date{}, i18n.Errorf("when.date_form", s)
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:])
	if !ok1 || !ok2 || !ok3 {
		return date{}, i18n.Errorf("when.date_form", s)
	}
	return makeDate(y, m, d, s)
}

// makeDate validates a date; text is how the user wrote it, for the error.
func makeDate(y, m, d int, text string) (date, error) {
	if y < 1 || y > 9999 {
		return date{}, i18n.Errorf("when.year_range", text)
	}
	if m < 1 || m > 12 {
		return date{}, i18n.Errorf("when.month_range", text)
	}
	if n := daysIn(y, time.Month(m)); d < 1 || d > n {
		return date{}, i18n.Errorf("when.day_range", text, m, y, n)
	}
	return date{y, time.Month(m), d}, nil
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// parseIntervalForm reads the HH:MM-HH:MM after a date.
func parseIntervalForm(d date, rest string, loc *time.Location) (Span, error) {
	a, b, ok := strings.Cut(rest, "-")
	if !ok || len(a) != 5 || len(b) != 5 {
		return Span{}, i18n.Errorf("when.interval_form", rest)
	}
	start, err := parseClock(a, false)
	if err != nil {
		return Span{}, err
	}
	end, err := parseClock(b, true)
	if err != nil {
		return Span{}, err
	}
	if err := checkOrder(start, end); err != nil {
		return Span{}, err
	}
	sp := Span{Start: d.at(start, loc), End: d.at(end, loc), Form: FormInterval}
	if !sp.End.After(sp.Start) { // only in a DST change: wall clocks in order, instants not
		return Span{}, i18n.Errorf("when.end_before_start", end.String(), start.String())
	}
	return sp, nil
}

// parseSpanForm reads YYYY-MM-DD HH:MM..YYYY-MM-DD HH:MM.
func parseSpanForm(t, left, right string, loc *time.Location) (Span, error) {
	ld, lc, ok1 := strings.Cut(left, " ")
	rd, rc, ok2 := strings.Cut(right, " ")
	if !ok1 || !ok2 {
		return Span{}, i18n.Errorf("when.span_form", t)
	}
	d1, err := parseDate(ld)
	if err != nil {
		return Span{}, err
	}
	c1, err := parseClock(lc, false)
	if err != nil {
		return Span{}, err
	}
	d2, err := parseDate(rd)
	if err != nil {
		return Span{}, err
	}
	c2, err := parseClock(rc, true)
	if err != nil {
		return Span{}, err
	}
	sp := Span{Start: d1.at(c1, loc), End: d2.at(c2, loc), Form: FormSpan}
	if !sp.End.After(sp.Start) {
		return Span{}, i18n.Errorf("when.span_backward", right, left)
	}
	// Count the calendar days touched, as Days does: an end at 24:00 or 00:00 adds no day.
	last := lastInstant(sp.End)
	if n := dateOf(last).dayNumber() - d1.dayNumber() + 1; n > maxDays {
		return Span{}, i18n.Errorf("when.too_many_days", t, n, maxDays)
	}
	return sp, nil
}

// parseDaysForm reads YYYY-MM-DD..YYYY-MM-DD: whole working days, going forward.
func parseDaysForm(left, right string, p Policy) (Span, error) {
	d1, err := parseDate(left)
	if err != nil {
		return Span{}, err
	}
	d2, err := parseDate(right)
	if err != nil {
		return Span{}, err
	}
	n := d2.dayNumber() - d1.dayNumber() + 1
	switch {
	case n < 1:
		return Span{}, i18n.Errorf("when.days_backward", right, left)
	case n == 1:
		return Span{}, i18n.Errorf("when.days_same", left, right, left)
	case n > maxDays:
		return Span{}, i18n.Errorf("when.too_many_days", left+".."+right, n, maxDays)
	}
	if err := p.Validate(); err != nil {
		return Span{}, err
	}
	loc := p.loc()
	return Span{Start: d1.at(p.Morning.Start, loc), End: d2.at(p.Afternoon.End, loc), Form: FormDays}, nil
}

// parseWeekForm reads YYYY-Www, an ISO week in its ISO year.
func parseWeekForm(t string, loc *time.Location) (Span, error) {
	if len(t) != 8 || t[5] != 'W' {
		return Span{}, i18n.Errorf("when.week_form", t)
	}
	y, ok1 := digits(t[:4])
	w, ok2 := digits(t[6:])
	if !ok1 || !ok2 {
		return Span{}, i18n.Errorf("when.week_form", t)
	}
	if y < 1 || y > 9999 {
		return Span{}, i18n.Errorf("when.year_range", t)
	}
	if n := isoWeeks(y); w < 1 || w > n {
		return Span{}, i18n.Errorf("when.week_missing", y, w, n)
	}
	start := isoWeekStart(y, w, loc)
	return Span{Start: start, End: time.Date(start.Year(), start.Month(), start.Day()+7, 0, 0, 0, 0, loc), Form: FormWeek}, nil
}

// isoWeeks is the number of ISO weeks in ISO year y: 28 December always lies in the last week.
func isoWeeks(y int) int {
	_, w := time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
	return w
}

// isoWeekStart is Monday 00:00 of ISO week w of ISO year y: week 1 is the week holding 4 January.
func isoWeekStart(y, w int, loc *time.Location) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	back := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return time.Date(y, 1, 4-back+7*(w-1), 0, 0, 0, 0, loc)
}

// parseMonthForm reads YYYY-MM.
func parseMonthForm(t string, loc *time.Location) (Span, error) {
	y, ok1 := digits(t[:4])
	m, ok2 := digits(t[5:])
	if !ok1 || !ok2 {
		return Span{}, i18n.Errorf("when.month_form", t)
	}
	if y < 1 || y > 9999 {
		return Span{}, i18n.Errorf("when.year_range", t)
	}
	if m < 1 || m > 12 {
		return Span{}, i18n.Errorf("when.month_range", t)
	}
	return Span{
		Start: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, loc),
		End:   time.Date(y, time.Month(m)+1, 1, 0, 0, 0, 0, loc),
		Form:  FormMonth,
	}, nil
}
