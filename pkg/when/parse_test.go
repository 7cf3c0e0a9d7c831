package when

import (
	"strings"
	"testing"
	"time"
)

// parseCase is a valid `when` under the default policy: its span and its canonical text.
type parseCase struct {
	in         string
	form       Form
	start, end string // "2006-01-02 15:04" in Asia/Ho_Chi_Minh
	session    string
	canonical  string // "" when the input is already canonical
}

var parseCases = []parseCase{
	{in: "2026-07-03 08:00-11:30", form: FormInterval, start: "2026-07-03 08:00", end: "2026-07-03 11:30"},
	{in: "2026-07-03 00:00-00:01", form: FormInterval, start: "2026-07-03 00:00", end: "2026-07-03 00:01"},
	{in: "2026-07-03 20:00-24:00", form: FormInterval, start: "2026-07-03 20:00", end: "2026-07-04 00:00"},
	{in: "2026-07-03 23:59-24:00", form: FormInterval, start: "2026-07-03 23:59", end: "2026-07-04 00:00"},
	{in: "  2026-07-03 08:00-11:30\n", form: FormInterval, start: "2026-07-03 08:00", end: "2026-07-03 11:30", canonical: "2026-07-03 08:00-11:30"},
	{in: "2024-02-29 13:30-17:00", form: FormInterval, start: "2024-02-29 13:30", end: "2024-02-29 17:00"},
	{in: "2026-07-03 08:00..2026-07-04 17:00", form: FormSpan, start: "2026-07-03 08:00", end: "2026-07-04 17:00"},
	{in: "2026-12-31 20:00..2027-01-01 02:00", form: FormSpan, start: "2026-12-31 20:00", end: "2027-01-01 02:00"},
	{in: "2026-07-03 08:00..2026-07-03 17:00", form: FormSpan, start: "2026-07-03 08:00", end: "2026-07-03 17:00"},
	{in: "2026-07-03 08:00..2026-07-04 24:00", form: FormSpan, start: "2026-07-03 08:00", end: "2026-07-05 00:00", canonical: "2026-07-03 08:00..2026-07-05 00:00"},
	{in: "2026-07-03 sáng", form: FormSession, start: "2026-07-03 07:30", end: "2026-07-03 11:30", session: "sáng"},
	{in: "2026-07-03 chiều", form: FormSession, start: "2026-07-03 13:30", end: "2026-07-03 17:00", session: "chiều"},
	{in: "2026-07-03 tối", form: FormSession, start: "2026-07-03 19:00", end: "2026-07-03 21:00", session: "tối"},
	{in: "2026-07-03 morning", form: FormSession, start: "2026-07-03 07:30", end: "2026-07-03 11:30", session: "sáng", canonical: "2026-07-03 sáng"},
	{in: "2026-07-03 afternoon", form: FormSession, start: "2026-07-03 13:30", end: "2026-07-03 17:00", session: "chiều", canonical: "2026-07-03 chiều"},
	{in: "2026-07-03 evening", form: FormSession, start: "2026-07-03 19:00", end: "2026-07-03 21:00", session: "tối", canonical: "2026-07-03 tối"},
	// "sáng" decomposed (NFD): Parse normalises to NFC first.
	{in: "2026-07-03 sa\u0301ng", form: FormSession, start: "2026-07-03 07:30", end: "2026-07-03 11:30", session: "sáng", canonical: "2026-07-03 sáng"},
	{in: "2026-07-03", form: FormDay, start: "2026-07-03 07:30", end: "2026-07-03 17:00"},
	{in: "2024-02-29", form: FormDay, start: "2024-02-29 07:30", end: "2024-02-29 17:00"},
	{in: "2026-07-03..2026-07-05", form: FormDays, start: "2026-07-03 07:30", end: "2026-07-05 17:00"},
	{in: "2026-12-30..2027-01-02", form: FormDays, start: "2026-12-30 07:30", end: "2027-01-02 17:00"},
	{in: "2026-01-01..2026-12-31", form: FormDays, start: "2026-01-01 07:30", end: "2026-12-31 17:00"},
	{in: "2026-W27", form: FormWeek, start: "2026-06-29 00:00", end: "2026-07-06 00:00"},
	{in: "2026-W01", form: FormWeek, start: "2025-12-29 00:00", end: "2026-01-05 00:00"},
	{in: "2026-W53", form: FormWeek, start: "2026-12-28 00:00", end: "2027-01-04 00:00"},
	{in: "2020-W53", form: FormWeek, start: "2020-12-28 00:00", end: "2021-01-04 00:00"},
	{in: "2027-W01", form: FormWeek, start: "2027-01-04 00:00", end: "2027-01-11 00:00"},
	{in: "2021-W01", form: FormWeek, start: "2021-01-04 00:00", end: "2021-01-11 00:00"},
	{in: "2026-07", form: FormMonth, start: "2026-07-01 00:00", end: "2026-08-01 00:00"},
	{in: "2026-12", form: FormMonth, start: "2026-12-01 00:00", end: "2027-01-01 00:00"},
	{in: "2026-01", form: FormMonth, start: "2026-01-01 00:00", end: "2026-02-01 00:00"},
	{in: "2028-02", form: FormMonth, start: "2028-02-01 00:00", end: "2028-03-01 00:00"},
}

func TestParse(t *testing.T) {
	p := DefaultPolicy(nil)
	for _, c := range parseCases {
		sp, err := Parse(c.in, p)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		want := Span{Start: at(t, nil, c.start), End: at(t, nil, c.end), Form: c.form, Session: c.session}
		if !sp.Equal(want) {
			t.Errorf("Parse(%q) = %v %v..%v %q; want %v %v..%v %q", c.in, sp.Form, sp.Start, sp.End, sp.Session,
				want.Form, want.Start, want.End, want.Session)
		}
		if sp.Start.Location() != p.Loc || sp.End.Location() != p.Loc {
			t.Errorf("Parse(%q): times not in the policy's zone", c.in)
		}
		canon := c.canonical
		if canon == "" {
			canon = c.in
		}
		if got := sp.Canonical(); got != canon {
			t.Errorf("Parse(%q).Canonical() = %q, want %q", c.in, got, canon)
		}
		if got := sp.Coarse(); got != (c.form == FormWeek || c.form == FormMonth) {
			t.Errorf("Parse(%q).Coarse() = %v", c.in, got)
		}
	}
}

func TestParseNilLocIsVietnam(t *testing.T) {
	p := DefaultPolicy(nil)
	p.Loc = nil
	sp, err := Parse("2026-07-03 08:00-11:30", p)
	if err != nil {
		t.Fatal(err)
	}
	if _, off := sp.Start.Zone(); off != 7*3600 {
		t.Errorf("offset %d, want UTC+7", off)
	}
	if sp.Start.UTC().Format(time.RFC3339) != "2026-07-03T01:00:00Z" {
		t.Errorf("start %v", sp.Start.UTC())
	}
}

// TestCanonicalRoundTrip: Canonical text parses back to the same span, and canonical text is a fixed point.
func TestCanonicalRoundTrip(t *testing.T) {
	p := DefaultPolicy(nil)
	for _, c := range parseCases {
		sp, err := Parse(c.in, p)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		again, err := Parse(sp.Canonical(), p)
		if err != nil {
			t.Errorf("Parse(Canonical(%q) = %q): %v", c.in, sp.Canonical(), err)
			continue
		}
		if !again.Equal(sp) {
			t.Errorf("round trip of %q: %+v != %+v", c.in, again, sp)
		}
		if again.Canonical() != sp.Canonical() {
			t.Errorf("canonical of %q not stable: %q then %q", c.in, sp.Canonical(), again.Canonical())
		}
	}
	if (Span{}).Canonical() != "" {
		t.Errorf("zero span renders %q", (Span{}).Canonical())
	}
}

type errCase struct {
	in, key string
	vi      string // a fragment of the Vietnamese message, when it matters
}

var parseErrCases = []errCase{
	{"", "when.empty", "chưa ghi thời gian"},
	{" \t ", "when.empty", ""},
	{strings.Repeat("2026-07-03 ", 30), "when.too_long", "vượt giới hạn 200"},
	{strings.Repeat("x", 100000), "when.too_long", ""},
	{"2026-07-03  08:00-11:30", "when.spaces", `viết "2026-07-03 08:00-11:30"`},
	{"2026-07-03\t08:00-11:30", "when.spaces", ""},
	{"hello", "when.syntax", "2026-W27"},
	{"03/07/2026", "when.syntax", "2026-07-03 08:00-11:30"},
	{"2026-07-03..2026-07-04..2026-07-05", "when.syntax", ""},
	{"2026-7-03", "when.date_form", "YYYY-MM-DD"},
	{"2026-07-3 sáng", "when.date_form", ""},
	{"2026-02-30", "when.day_range", "ngày 2026-02-30 không có thật: tháng 2 năm 2026 có 28 ngày"},
	{"2025-02-29", "when.day_range", ""},
	{"2026-07-00", "when.day_range", ""},
	{"2026-04-31 08:00-09:00", "when.day_range", ""},
	{"2026-13-01", "when.month_range", ""},
	{"2026-00-10", "when.month_range", ""},
	{"0000-01-01", "when.year_range", ""},
	{"2026-07-03 8:00-11:30", "when.interval_form", "HH:MM-HH:MM"},
	{"2026-07-03 08:00 - 11:30", "when.interval_form", ""},
	{"2026-07-03 08:00", "when.interval_form", ""},
	{"2026-07-03 0a:00-09:00", "when.time_form", ""},
	{"2026-07-03 08.00-09:00", "when.time_form", ""},
	{"2026-07-03 25:00-26:00", "when.time_range", "giờ từ 00 đến 23"},
	{"2026-07-03 08:60-09:00", "when.time_range", ""},
	{"2026-07-03 08:00-24:30", "when.time_range", ""},
	{"2026-07-03 24:00-24:00", "when.time_24_start", "chỉ dùng làm giờ kết thúc"},
	{"2026-07-03 24:00..2026-07-04 08:00", "when.time_24_start", ""},
	{"2026-07-03 13:00-11:30", "when.end_before_start", "giờ kết thúc 11:30 trước giờ bắt đầu 13:00"},
	{"2026-07-03 08:00-08:00", "when.end_equals_start", "trùng giờ bắt đầu 08:00"},
	{"2026-07-03 Sáng", "when.session_unknown", "sáng, chiều hoặc tối"},
	{"2026-07-03 noon", "when.session_unknown", ""},
	{"2026-07-03 sáng sớm", "when.session_unknown", ""},
	{"2026-07-04 08:00..2026-07-03 17:00", "when.span_backward", "thời điểm kết thúc 2026-07-03 17:00 không sau thời điểm bắt đầu 2026-07-04 08:00"},
	{"2026-07-03 08:00..2026-07-03 08:00", "when.span_backward", ""},
	{"2026-07-03 08:00..2026-07-04", "when.span_form", ""},
	{"2026-07-03 08:00..2026-07-04 8:00", "when.time_form", ""},
	{"2026-07-05..2026-07-03", "when.days_backward", "ngày kết thúc 2026-07-03 trước ngày bắt đầu 2026-07-05"},
	{"2026-07-03..2026-07-03", "when.days_same", "viết 2026-07-03"},
	{"2026-07-03..2026-02-30", "when.day_range", ""},
	{"2026-01-01..2027-01-02", "when.too_many_days", "vượt giới hạn 366 ngày"},
	{"2026-01-01 08:00..2027-06-01 08:00", "when.too_many_days", ""},
	{"2025-W53", "when.week_missing", "năm ISO 2025 không có tuần 53 (năm đó có 52 tuần)"},
	{"2026-W54", "when.week_missing", ""},
	{"2026-W00", "when.week_missing", ""},
	{"2026-w27", "when.week_form", "YYYY-Www"},
	{"2026-Wxx", "when.week_form", ""},
	{"2026-W5", "when.week_form", ""},
	{"2026-W027", "when.week_form", ""},
	{"0000-W01", "when.year_range", ""},
	{"2026-13", "when.month_range", ""},
	{"2026-00", "when.month_range", ""},
	{"2026-1x", "when.month_form", ""},
	{"0000-07", "when.year_range", ""},
}

func TestParseErrors(t *testing.T) {
	p := DefaultPolicy(nil)
	for _, c := range parseErrCases {
		sp, err := Parse(c.in, p)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %s", c.in, sp, c.key)
			continue
		}
		if k := errKey(t, err); k != c.key {
			t.Errorf("Parse(%q): error %s (%v), want %s", c.in, k, err, c.key)
			continue
		}
		checkRendered(t, err)
		if c.vi != "" {
			// Compare in NFC: the catalog is NFC like the inputs.
			if vi := localizeVI(err); !strings.Contains(vi, c.vi) {
				t.Errorf("Parse(%q): Vietnamese message %q lacks %q", c.in, vi, c.vi)
			}
		}
	}
}

func TestISOWeeks(t *testing.T) {
	for y, want := range map[int]int{2015: 53, 2020: 53, 2021: 52, 2025: 52, 2026: 53, 2027: 52, 2032: 53} {
		if got := isoWeeks(y); got != want {
			t.Errorf("isoWeeks(%d) = %d, want %d", y, got, want)
		}
	}
	// Every week start is a Monday and gives back its own ISO week.
	for _, y := range []int{2024, 2025, 2026, 2027} {
		for w := 1; w <= isoWeeks(y); w++ {
			s := isoWeekStart(y, w, vietnam)
			gy, gw := s.ISOWeek()
			if s.Weekday() != time.Monday || gy != y || gw != w {
				t.Fatalf("week %d-W%02d starts %v (ISO %d-W%02d)", y, w, s, gy, gw)
			}
		}
	}
}

func TestCustomPolicy(t *testing.T) {
	tokyo := time.FixedZone("Asia/Tokyo", 9*3600)
	p := Policy{Loc: tokyo, Morning: Range{8 * 60, 12 * 60}, Afternoon: Range{13 * 60, 17*60 + 30}, Evening: Range{18 * 60, 24 * 60}}
	cases := []struct{ in, start, end string }{
		{"2026-07-03 sáng", "2026-07-03 08:00", "2026-07-03 12:00"},
		{"2026-07-03 chiều", "2026-07-03 13:00", "2026-07-03 17:30"},
		{"2026-07-03 tối", "2026-07-03 18:00", "2026-07-04 00:00"},
		{"2026-07-03", "2026-07-03 08:00", "2026-07-03 17:30"},
		{"2026-07-03..2026-07-04", "2026-07-03 08:00", "2026-07-04 17:30"},
		{"2026-07-03 09:00-10:00", "2026-07-03 09:00", "2026-07-03 10:00"},
		{"2026-07", "2026-07-01 00:00", "2026-08-01 00:00"},
	}
	for _, c := range cases {
		sp, err := Parse(c.in, p)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if !sp.Start.Equal(at(t, tokyo, c.start)) || !sp.End.Equal(at(t, tokyo, c.end)) {
			t.Errorf("Parse(%q) = %v..%v, want %s..%s (Tokyo)", c.in, sp.Start, sp.End, c.start, c.end)
		}
		if sp.Start.Location() != tokyo {
			t.Errorf("Parse(%q) not in the policy's zone", c.in)
		}
		if again, err := Parse(sp.Canonical(), p); err != nil || !again.Equal(sp) {
			t.Errorf("round trip of %q under custom policy: %v %v", c.in, again, err)
		}
	}
	// An evening ending at 24:00 still renders as its own date.
	sp, _ := Parse("2026-07-03 tối", p)
	if sp.Canonical() != "2026-07-03 tối" {
		t.Errorf("canonical %q", sp.Canonical())
	}
	// A policy whose afternoon ends at 24:00 still renders a day range by its last day.
	p.Afternoon = Range{13 * 60, 24 * 60}
	sp, err := Parse("2026-07-03..2026-07-04", p)
	if err != nil || sp.Canonical() != "2026-07-03..2026-07-04" || len(sp.Days()) != 2 {
		t.Errorf("24:00 afternoon: %q %d days %v", sp.Canonical(), len(sp.Days()), err)
	}
	bad := p
	bad.Morning = Range{600, 500}
	if _, err := Parse("2026-07-03 sáng", bad); err == nil || errKey(t, err) != "when.policy_session" {
		t.Errorf("invalid policy accepted for a session: %v", err)
	}
	if _, err := Parse("2026-07-03", bad); err == nil {
		t.Errorf("invalid policy accepted for a day")
	}
	// Forms that do not use the sessions do not need them.
	if _, err := Parse("2026-07-03 08:00-09:00", Policy{}); err != nil {
		t.Errorf("interval under zero policy: %v", err)
	}
}

// TestDST: the grammar is wall-clock time in the repo's zone; spans across a DST change keep their wall clocks.
func TestDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zoneinfo for America/New_York:", err)
	}
	p := DefaultPolicy(ny)
	sp, err := Parse("2026-03-08 01:00-04:00", p) // clocks jump 02:00 -> 03:00
	if err != nil {
		t.Fatal(err)
	}
	if d := sp.End.Sub(sp.Start); d != 2*time.Hour {
		t.Errorf("duration over spring-forward = %v, want 2h", d)
	}
	sp, err = Parse("2026-03-07..2026-03-09", p)
	if err != nil {
		t.Fatal(err)
	}
	days := sp.Days()
	if len(days) != 3 || days[2].Day() != 9 || days[2].Hour() != 0 {
		t.Errorf("days over DST: %v", days)
	}
	sp, err = Parse("2026-11-01 00:00-24:00", p) // a 25-hour day
	if err != nil || sp.End.Sub(sp.Start) != 25*time.Hour || sp.Canonical() != "2026-11-01 00:00-24:00" {
		t.Errorf("fall-back day: %v %v %v", sp.End.Sub(sp.Start), sp.Canonical(), err)
	}
}

func TestDays(t *testing.T) {
	p := DefaultPolicy(nil)
	cases := []struct {
		in          string
		n           int
		first, last string // dates
	}{
		{"2026-07-03 08:00-11:30", 1, "2026-07-03", "2026-07-03"},
		{"2026-07-03 20:00-24:00", 1, "2026-07-03", "2026-07-03"},
		{"2026-07-03 20:00..2026-07-04 00:00", 1, "2026-07-03", "2026-07-03"},
		{"2026-07-03 20:00..2026-07-04 00:01", 2, "2026-07-03", "2026-07-04"},
		{"2026-12-31 08:00..2027-01-02 17:00", 3, "2026-12-31", "2027-01-02"},
		{"2026-07-03 tối", 1, "2026-07-03", "2026-07-03"},
		{"2026-07-03", 1, "2026-07-03", "2026-07-03"},
		{"2026-07-03..2026-07-05", 3, "2026-07-03", "2026-07-05"},
		{"2026-W27", 7, "2026-06-29", "2026-07-05"},
		{"2026-W53", 7, "2026-12-28", "2027-01-03"},
		{"2026-07", 31, "2026-07-01", "2026-07-31"},
		{"2026-02", 28, "2026-02-01", "2026-02-28"},
		{"2028-02", 29, "2028-02-01", "2028-02-29"},
		{"2024-01-01..2024-12-31", 366, "2024-01-01", "2024-12-31"},
	}
	for _, c := range cases {
		sp, err := Parse(c.in, p)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		days := sp.Days()
		if len(days) != c.n {
			t.Errorf("Days(%q) has %d days, want %d", c.in, len(days), c.n)
			continue
		}
		if got := days[0].Format(time.DateOnly); got != c.first {
			t.Errorf("Days(%q)[0] = %s, want %s", c.in, got, c.first)
		}
		if got := days[len(days)-1].Format(time.DateOnly); got != c.last {
			t.Errorf("Days(%q) last = %s, want %s", c.in, got, c.last)
		}
		for i, d := range days {
			if d.Hour() != 0 || d.Minute() != 0 || d.Location() != p.Loc {
				t.Errorf("Days(%q)[%d] = %v, not midnight in the zone", c.in, i, d)
			}
			if i > 0 && d.Sub(days[i-1]) != 24*time.Hour {
				t.Errorf("Days(%q) not consecutive at %d", c.in, i)
			}
		}
	}
	if (Span{}).Days() != nil {
		t.Errorf("zero span has days")
	}
}
