package when

import (
	"strings"
	"testing"
)

type normCase struct {
	in   string
	year int
	want string
}

var normalizeCases = []normCase{
	// canonical forms, rewritten canonically
	{"2026-07-03 08:00-11:30", 0, "2026-07-03 08:00-11:30"},
	{"2026-07-03  08:00 - 11:30", 0, "2026-07-03 08:00-11:30"},
	{"2026-07-03 08:00..2026-07-04 17:00", 0, "2026-07-03 08:00..2026-07-04 17:00"},
	{"2026-07-03 08:00 .. 2026-07-04 17:00", 0, "2026-07-03 08:00..2026-07-04 17:00"},
	{"2026-07-03 08:00..2026-07-03 24:00", 0, "2026-07-03 08:00-24:00"},
	{"2026-07-03 08:00..2026-07-04 24:00", 0, "2026-07-03 08:00..2026-07-05 00:00"},
	{"2026-07-03 sáng", 0, "2026-07-03 sáng"},
	{"2026-07-03 morning", 0, "2026-07-03 sáng"},
	{"2026-07-03 Afternoon", 0, "2026-07-03 chiều"},
	{"2026-07-03 EVENING", 0, "2026-07-03 tối"},
	{"2026-07-03", 0, "2026-07-03"},
	{"2026-07-03..2026-07-05", 0, "2026-07-03..2026-07-05"},
	{"2026-W27", 0, "2026-W27"},
	{"2026-w5", 0, "2026-W05"},
	{"2026-07", 0, "2026-07"},
	// day-first dates
	{"03/7/2026", 0, "2026-07-03"},
	{"3/7/2026", 0, "2026-07-03"},
	{"03/07/2026", 0, "2026-07-03"},
	{"03-07-2026", 0, "2026-07-03"},
	{"03.07.2026", 0, "2026-07-03"},
	{"03/7", 2026, "2026-07-03"},
	{"ngày 03/7/2026", 0, "2026-07-03"},
	{"ngày 3 tháng 7 năm 2026", 0, "2026-07-03"},
	{"2026/07/03", 0, "2026-07-03"},
	// sessions and weekdays
	{"Sáng 03/7/2026", 0, "2026-07-03 sáng"},
	{"sáng 03/7", 2026, "2026-07-03 sáng"},
	{"chiều ngày 03/7/2026", 0, "2026-07-03 chiều"},
	{"CHIỀU NGÀY 03/7/2026", 0, "2026-07-03 chiều"},
	{"chieu ngay 03/7/2026", 0, "2026-07-03 chiều"},
	{"Sáng Thứ Sáu, 03/7/2026", 0, "2026-07-03 sáng"},
	{"Sáng Thứ Sáu, 03/7/2026:", 0, "2026-07-03 sáng"},
	{"Sa\u0301ng Thu\u031b\u0301 Sa\u0301u, 03/7/2026", 0, "2026-07-03 sáng"}, // NFD input
	{"sang thu sau 03/7/2026", 0, "2026-07-03 sáng"},
	{"03/7/2026 (tối)", 0, "2026-07-03 tối"},
	{"03/7/2026 toi", 0, "2026-07-03 tối"},
	{"buổi tối ngày 03/7/2026", 0, "2026-07-03 tối"},
	{"T6, 03/7/2026", 0, "2026-07-03"},
	{"thứ 6 ngày 03/7/2026", 0, "2026-07-03"},
	{"Thứ Bảy 04/7/2026", 0, "2026-07-04"},
	{"Thứ Bẩy 04/7/2026", 0, "2026-07-04"},
	{"Chủ nhật, 05/7/2026", 0, "2026-07-05"},
	{"CN 05/7/2026", 0, "2026-07-05"},
	{"Thứ Hai 06/7/2026", 0, "2026-07-06"},
	{"thứ tư 01/7/2026", 0, "2026-07-01"},
	{"Thứ Năm 02/7/2026", 0, "2026-07-02"},
	{"afternoon 03/7/2026", 0, "2026-07-03 chiều"},
	// times and intervals
	{"8h00-11h30 ngày 03/7/2026", 0, "2026-07-03 08:00-11:30"},
	{"8h - 11h30 ngày 03/7/2026", 0, "2026-07-03 08:00-11:30"},
	{"từ 8h00 đến 11h30 ngày 03/7/2026", 0, "2026-07-03 08:00-11:30"},
	{"ngày 03/7/2026 từ 8h00 đến 11h30", 0, "2026-07-03 08:00-11:30"},
	{"tu 8h00 den 11h30 ngay 03/7/2026", 0, "2026-07-03 08:00-11:30"},
	{"từ 8h00 tới 11h30 ngày 03/7/2026", 0, "2026-07-03 08:00-11:30"},
	{"8h toi 11h 03/7/2026", 0, "2026-07-03 08:00-11:00"},
	{"03/7/2026 8g30-10g", 0, "2026-07-03 08:30-10:00"},
	{"03/7/2026 08:00 – 11:30", 0, "2026-07-03 08:00-11:30"},
	{"8 giờ 30 đến 11 giờ ngày 03/7/2026", 0, "2026-07-03 08:30-11:00"},
	{"8 giờ 30 phút ngày 03/7/2026", 0, "2026-07-03 08:30-11:30"},
	{"14h30 ngày 03/7/2026", 0, "2026-07-03 14:30-17:00"},
	{"03/7/2026 14h30", 0, "2026-07-03 14:30-17:00"},
	{"03/7/2026 lúc 8h", 0, "2026-07-03 08:00-11:30"},
	{"7h30 03/7/2026", 0, "2026-07-03 07:30-11:30"},
	{"19h ngày 03/7/2026", 0, "2026-07-03 19:00-21:00"},
	{"2h chiều 03/7/2026", 0, "2026-07-03 14:00-17:00"},
	{"chiều 03/7/2026 2h-4h30", 0, "2026-07-03 14:00-16:30"},
	{"8h tối 03/7/2026", 0, "2026-07-03 20:00-21:00"},
	{"8h toi 03/7/2026", 0, "2026-07-03 20:00-21:00"},
	{"Sáng Thứ Sáu, 03/7/2026, 8h00-11h30", 0, "2026-07-03 08:00-11:30"},
	{"20h00-24h00 ngày 03/7/2026", 0, "2026-07-03 20:00-24:00"},
	// day ranges and spans over days
	{"từ 03/7 đến 05/7/2026", 0, "2026-07-03..2026-07-05"},
	{"03-05/7/2026", 0, "2026-07-03..2026-07-05"},
	{"3-5/7", 2026, "2026-07-03..2026-07-05"},
	{"03/7-05/7/2026", 0, "2026-07-03..2026-07-05"},
	{"03/7/2026 - 05/7/2026", 0, "2026-07-03..2026-07-05"},
	{"từ 03/7 đến 05/7", 2026, "2026-07-03..2026-07-05"},
	{"từ 30/12 đến 02/01/2027", 0, "2026-12-30..2027-01-02"},
	{"từ 30/12/2026 đến 02/01", 0, "2026-12-30..2027-01-02"},
	{"từ 30/12 đến 02/01", 2026, "2026-12-30..2027-01-02"},
	{"từ 03/7 đến 03/7/2026", 0, "2026-07-03"},
	{"từ thứ 6 03/7 đến chủ nhật 05/7/2026", 0, "2026-07-03..2026-07-05"},
	{"08h00 03/7/2026 đến 17h00 04/7/2026", 0, "2026-07-03 08:00..2026-07-04 17:00"},
	{"từ 08h00 ngày 03/7 đến 17h00 ngày 04/7/2026", 0, "2026-07-03 08:00..2026-07-04 17:00"},
	{"08h00 03/7/2026 đến 17h00 03/7/2026", 0, "2026-07-03 08:00-17:00"},
	{"08h00 03/7/2026 đến 17h00", 0, "2026-07-03 08:00-17:00"},
	// coarse
	{"tuần 27/2026", 0, "2026-W27"},
	{"Tuần 27", 2026, "2026-W27"},
	{"tuan thu 27 nam 2026", 0, "2026-W27"},
	{"tuần 1/2026", 0, "2026-W01"},
	{"tháng 7/2026", 0, "2026-07"},
	{"tháng 07/2026", 0, "2026-07"},
	{"Tháng 7", 2026, "2026-07"},
	{"tháng 7 năm 2026", 0, "2026-07"},
	{"trong tháng 12/2026", 0, "2026-12"},
}

func TestNormalize(t *testing.T) {
	for _, c := range normalizeCases {
		got, err := Normalize(c.in, c.year)
		if err != nil {
			t.Errorf("Normalize(%q, %d): %v", c.in, c.year, err)
			continue
		}
		if got != c.want {
			t.Errorf("Normalize(%q, %d) = %q, want %q", c.in, c.year, got, c.want)
			continue
		}
		if _, err := Parse(got, DefaultPolicy(nil)); err != nil {
			t.Errorf("Normalize(%q) = %q does not parse: %v", c.in, got, err)
		}
		if again, err := Normalize(got, 0); err != nil || again != got {
			t.Errorf("Normalize not idempotent on %q: %q, %v", got, again, err)
		}
	}
}

var normalizeErrCases = []struct {
	in   string
	year int
	key  string
	vi   string
}{
	{"", 2026, "when.empty", ""},
	{strings.Repeat("sáng ", 50), 2026, "when.too_long", ""},
	{"hôm nay", 2026, "when.unrecognized", `không hiểu "hom"`},
	{"03/7/2026 xyz", 2026, "when.unrecognized", "các dạng được chấp nhận"},
	{"8h5 03/7/2026", 2026, "when.unrecognized", ""},
	{"03/7", 0, "when.year_missing", "không ghi năm"},
	{"sáng 03/7", 0, "when.year_missing", ""},
	{"tuần 27", 0, "when.year_missing", ""},
	{"tháng 7", 0, "when.year_missing", ""},
	{"từ 03/7 đến 05/7", 0, "when.year_missing", ""},
	{"03/7", 10000, "when.year_arg", ""},
	{"Thứ Năm, 03/7/2026", 0, "when.weekday_mismatch", "ngày 03/7/2026 là Thứ Sáu, không phải Thứ Năm"},
	{"Sáng T2 03/7/2026", 0, "when.weekday_mismatch", "là Thứ Sáu"},
	{"CN 03/7/2026", 0, "when.weekday_mismatch", "không phải Chủ nhật"},
	{"từ thứ 5 03/7 đến 05/7/2026", 0, "when.weekday_mismatch", ""},
	{"Thứ Sáu", 2026, "when.weekday_alone", ""},
	{"8h00-11h30", 2026, "when.date_missing", "không ghi ngày"},
	{"14h30", 2026, "when.date_missing", ""},
	{"sáng", 2026, "when.date_missing", ""},
	{"7h 03/7/2026", 0, "when.no_session_for_start", "giờ bắt đầu 07:00 không thuộc buổi nào"},
	{"12h ngày 03/7/2026", 0, "when.no_session_for_start", ""},
	{"22h ngày 03/7/2026", 0, "when.no_session_for_start", ""},
	{"11h30 ngày 03/7/2026", 0, "when.no_session_for_start", ""},
	{"30/02/2026", 0, "when.day_range", "ngày 30/2/2026 không có thật"},
	{"31/4", 2026, "when.day_range", ""},
	{"03/13/2026", 0, "when.month_range", ""},
	{"03/7/0000", 0, "when.year_range", ""},
	{"25h ngày 03/7/2026", 0, "when.time_range", ""},
	{"8h75 ngày 03/7/2026", 0, "when.time_range", ""},
	{"11h30-8h ngày 03/7/2026", 0, "when.end_before_start", "giờ kết thúc 08:00 trước giờ bắt đầu 11:30"},
	{"8h-8h ngày 03/7/2026", 0, "when.end_equals_start", ""},
	{"24h-8h ngày 03/7/2026", 0, "when.time_24_start", ""},
	{"từ 05/7 đến 03/7/2026", 0, "when.days_backward", ""},
	{"17h00 04/7/2026 đến 08h00 03/7/2026", 0, "when.span_backward", ""},
	{"05-03/7/2026", 0, "when.days_backward", ""},
	{"từ 05/8 đến 03/7/2026", 0, "when.days_backward", ""},
	{"từ 05/8 đến 03/7", 2026, "when.days_backward", ""},
	{"từ 05/8/2026 đến 03/7", 0, "when.days_backward", ""},
	{"sáng chiều 03/7/2026", 0, "when.two_sessions", "hai buổi (sáng và chiều)"},
	{"sáng 03-05/7/2026", 0, "when.session_range", ""},
	{"sáng từ 03/7 đến 05/7/2026", 0, "when.session_range", ""},
	{"03/7/2026 04/7/2026", 0, "when.unreadable", ""},
	{"03/7/2026 đến", 0, "when.unreadable", ""},
	{"03/7/2026 - 05/7/2026 - 07/7/2026", 0, "when.unreadable", ""},
	{"tuần 27/2026 03/7/2026", 0, "when.unreadable", ""},
	{"03/7/2026 8h đến 05/7/2026", 0, "when.unreadable", ""},
	{"tuần 54/2026", 0, "when.week_missing", ""},
	{"tuần 53/2025", 0, "when.week_missing", ""},
	{"tháng 13/2026", 0, "when.month_range", ""},
	{"từ 01/01/2026 đến 02/01/2027", 0, "when.too_many_days", ""},
}

func TestNormalizeErrors(t *testing.T) {
	for _, c := range normalizeErrCases {
		got, err := Normalize(c.in, c.year)
		if err == nil {
			t.Errorf("Normalize(%q, %d) = %q, want error %s", c.in, c.year, got, c.key)
			continue
		}
		if k := errKey(t, err); k != c.key {
			t.Errorf("Normalize(%q, %d): error %s (%v), want %s", c.in, c.year, k, err, c.key)
			continue
		}
		checkRendered(t, err)
		if c.vi != "" && !strings.Contains(localizeVI(err), c.vi) {
			t.Errorf("Normalize(%q): Vietnamese message %q lacks %q", c.in, localizeVI(err), c.vi)
		}
	}
}

// TestNormalizeAcceptsParse: every canonical input Normalize sees means what Parse says it means.
func TestNormalizeAcceptsParse(t *testing.T) {
	p := DefaultPolicy(nil)
	for _, c := range parseCases {
		sp, _ := Parse(c.in, p)
		out, err := Normalize(c.in, 0)
		if err != nil {
			t.Errorf("Normalize(%q): %v", c.in, err)
			continue
		}
		again, err := Parse(out, p)
		if err != nil || !again.Start.Equal(sp.Start) || !again.End.Equal(sp.End) {
			t.Errorf("Normalize(%q) = %q means %v..%v, Parse says %v..%v (%v)", c.in, out, again.Start, again.End, sp.Start, sp.End, err)
		}
	}
}

// TestDay: one day as a clerk types it reads as records write days; anything that is not one day does not.
func TestDay(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"03/8/2026", "2026-08-03", true},
		{" 3.8.2026 ", "2026-08-03", true},
		{"ngày 3 tháng 8 năm 2026", "2026-08-03", true},
		{"2026-08-03", "2026-08-03", true},
		{"sáng 03/8/2026", "", false},
		{"tháng 8/2026", "", false},
		{"tuần 32/2026", "", false},
		{"03/8", "", false},
		{"cuối tháng 9", "", false},
		{"", "", false},
	} {
		if got, ok := Day(c.in); got != c.want || ok != c.ok {
			t.Errorf("Day(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
