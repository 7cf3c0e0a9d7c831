package when

import (
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

// Phrase is the span as a sentence says it, in the user's language: "chiều 14/8/2026", "8h00–11h30 ngày
// 14/8/2026", "từ ngày 14/8 đến ngày 16/8/2026", "tuần 37 (07/9–13/9/2026)", "tháng 8/2026". Everything a
// person reads (findings, notices, reasons, documents) says a time this way, never in the canonical form
// the records use. A zero span is an empty phrase.
func (s Span) Phrase() i18n.Msg {
	start, last := s.Start, lastInstant(s.End)
	switch s.Form {
	case FormInterval:
		end := clockOf(s.End)
		if !sameDate(s.Start, s.End) {
			end = endOfDay // an interval ending at midnight ends at 24h00 of its day
		}
		return i18n.M("phrase.interval", clock(clockOf(s.Start)), clock(end), Date(start))
	case FormSpan:
		return i18n.M("phrase.span", clock(clockOf(s.Start)), shortOrFull(start, s.End), clock(clockOf(s.End)), Date(s.End))
	case FormSession:
		return i18n.M("phrase.session", i18n.M(sessionKey(s.Session)), Date(start))
	case FormDay:
		return i18n.M("phrase.day", Date(start))
	case FormDays:
		return i18n.M("phrase.days", shortOrFull(start, last), Date(last))
	case FormWeek:
		_, w := start.ISOWeek()
		return i18n.M("phrase.week", w, dayMonth(start), Date(last))
	case FormMonth:
		return i18n.M("phrase.month", int(start.Month()), start.Year())
	}
	return i18n.M("phrase.text", "")
}

// Date is a day as prose writes it, "29/6/2026" with the day on two digits ("06/8/2026"), the form clerks
// type; a message that needs the word "ngày" says it itself.
func Date(t time.Time) i18n.Msg { return i18n.M("phrase.date", t.Day(), int(t.Month()), t.Year()) }

// Before says a deadline: "trước ngày 20/9/2026" when it is a day's start ("before day D" is D 00:00), else
// "trước 17h00 ngày 03/9/2026" (a week's programme, by default).
func Before(t time.Time) i18n.Msg {
	if t.Hour() == 0 && t.Minute() == 0 {
		return i18n.M("phrase.before_day", Date(t))
	}
	return i18n.M("phrase.before_clock", clock(clockOf(t)), Date(t))
}

// DateText is Date of a YYYY-MM-DD text (a decision's or an issue's date); any other text is returned as
// written.
func DateText(s string) i18n.Msg {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return i18n.M("phrase.text", s)
	}
	return Date(t)
}

// dayMonth is "07/9": the first day of a range whose last day carries the year.
func dayMonth(t time.Time) i18n.Msg { return i18n.M("phrase.daymonth", t.Day(), int(t.Month())) }

// shortOrFull writes the first day of a range without its year when the range ends in the same year.
func shortOrFull(first, last time.Time) i18n.Msg {
	if first.Year() == last.Year() {
		return dayMonth(first)
	}
	return Date(first)
}

func clock(c Clock) i18n.Msg { return i18n.M("phrase.clock", int(c)/60, int(c)%60) }

func sessionKey(s string) string {
	switch s {
	case SessionMorning:
		return "when.session.morning"
	case SessionAfternoon:
		return "when.session.afternoon"
	}
	return "when.session.evening"
}
