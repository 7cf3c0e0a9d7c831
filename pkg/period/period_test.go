package period

import (
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

func TestParse(t *testing.T) {
	ok := []struct {
		in   string
		want Period
		name string
	}{
		{"2026", Period{Year, 2026, 0}, "year"},
		{"2026-Q3", Period{Quarter, 2026, 3}, "Q3"},
		{"2026-07", Period{Month, 2026, 7}, "07"},
		{"2026-W27", Period{Week, 2026, 27}, "W27"},
		{"2026-W53", Period{Week, 2026, 53}, "W53"},
		{" 2026-12 ", Period{Month, 2026, 12}, "12"},
	}
	for _, c := range ok {
		p, err := Parse(c.in)
		if err != nil || p != c.want || p.Name() != c.name {
			t.Errorf("Parse(%q) = %v, %v (name %q)", c.in, p, err, p.Name())
		}
		back, err := FromName(p.String()[:4], p.Name())
		if err != nil || back != p {
			t.Errorf("FromName round trip of %v = %v, %v", p, back, err)
		}
	}
	for _, in := range []string{"", "26", "2026-Q5", "2026-Q0", "2026-13", "2026-7", "2026-W54", "2025-W53", "2026-W7", "abcd", "+026", "2026Q3", "2026-q3", "1800"} {
		if p, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want error", in, p)
		}
	}
}

func TestBounds(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	cases := []struct {
		in         string
		start, end string
	}{
		{"2026", "2026-01-01", "2027-01-01"},
		{"2026-Q3", "2026-07-01", "2026-10-01"},
		{"2026-Q4", "2026-10-01", "2027-01-01"},
		{"2026-02", "2026-02-01", "2026-03-01"},
		{"2026-W01", "2025-12-29", "2026-01-05"},
		{"2026-W27", "2026-06-29", "2026-07-06"},
		{"2026-W53", "2026-12-28", "2027-01-04"},
	}
	for _, c := range cases {
		p, _ := Parse(c.in)
		if got := p.Start(loc).Format("2006-01-02"); got != c.start {
			t.Errorf("%s start = %s, want %s", c.in, got, c.start)
		}
		if got := p.End(loc).Format("2006-01-02"); got != c.end {
			t.Errorf("%s end = %s, want %s", c.in, got, c.end)
		}
	}
	p, _ := Parse("2026-Q3")
	if !p.Contains(time.Date(2026, 9, 30, 8, 0, 0, 0, loc), time.Date(2026, 9, 30, 17, 0, 0, 0, loc), loc) {
		t.Error("Q3 should contain 30 September")
	}
	if p.Contains(time.Date(2026, 9, 30, 8, 0, 0, 0, loc), time.Date(2026, 10, 1, 17, 0, 0, 0, loc), loc) {
		t.Error("Q3 should not contain an event ending 1 October")
	}
}

func TestParseClerk(t *testing.T) {
	cases := map[string]string{
		"2026-Q3": "2026-Q3", "quý 4/2026": "2026-Q4", "Quý III/2026": "2026-Q3", "quy 2 năm 2026": "2026-Q2",
		"tháng 7/2026": "2026-07", "Tháng 12/2026": "2026-12", "tuần 27/2026": "2026-W27", "tuần thứ 5/2026": "2026-W05",
	}
	for in, want := range cases {
		p, err := ParseClerk(in)
		if err != nil || p.String() != want {
			t.Errorf("ParseClerk(%q) = %v, %v; want %s", in, p, err, want)
		}
	}
	for _, in := range []string{"quý 5/2026", "tháng 13/2026", "tuần 54/2026", "mùa hè 2026", ""} {
		if p, err := ParseClerk(in); err == nil {
			t.Errorf("ParseClerk(%q) = %v, want an error", in, p)
		}
	}
}

// What ParseClerk cannot read is refused with the forms it accepts and the text as the clerk wrote it; a week
// that does not exist says so.
func TestParseClerkErrors(t *testing.T) {
	for _, in := range []string{"quý 5/2026", "tháng 13/2026", "mùa hè 2026", "Q3 2026", "2026/Q3", ""} {
		_, err := ParseClerk(in)
		e, ok := err.(*i18n.Error)
		if !ok || e.Key != "period.invalid_clerk" || e.Args[0] != strings.TrimSpace(in) {
			t.Errorf("ParseClerk(%q): %v", in, err)
			continue
		}
		if vi := e.Render(i18n.VI); !strings.Contains(vi, `"quý 3/2026"`) || !strings.Contains(vi, `"tuần 27/2026"`) || !strings.Contains(vi, "2026-W27") {
			t.Errorf("ParseClerk(%q): the sentence names not the forms: %s", in, vi)
		}
	}
	if _, err := ParseClerk("tuần 53/2025"); err == nil || err.(*i18n.Error).Key != "period.no_week" {
		t.Errorf("tuần 53/2025: %v", err)
	}
	if _, err := Arg("quý 5/2026"); err == nil || err.(*i18n.Error).Kind != i18n.KindUsage {
		t.Errorf("Arg: a bad period is not a usage error: %v", err)
	}
}
