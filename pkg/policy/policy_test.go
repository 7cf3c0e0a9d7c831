package policy

import (
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
)

// The submission deadlines of docs/rules.md (deadline/late) — "before day D" is D 00:00 in the repo's timezone — with the
// defaults and with a province's overrides, across year boundaries and short months.
func TestDeadline(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	override := record.Settings{}
	override.Policy.Deadlines = &record.DeadlinePolicy{YearMonth: 12, YearDay: 15, QuarterDay: 31, MonthDay: 30, Week: "friday 12:00"}
	leap := record.Settings{}
	leap.Policy.Deadlines = &record.DeadlinePolicy{MonthDay: 30}
	cases := []struct {
		settings record.Settings
		period   string
		want     string // local time
	}{
		{record.Settings{}, "2027", "2026-11-30 00:00"},
		{record.Settings{}, "2026-Q1", "2025-12-20 00:00"},
		{record.Settings{}, "2026-Q3", "2026-06-20 00:00"},
		{record.Settings{}, "2026-Q4", "2026-09-20 00:00"},
		{record.Settings{}, "2026-01", "2025-12-25 00:00"},
		{record.Settings{}, "2026-07", "2026-06-25 00:00"},
		{record.Settings{}, "2026-W27", "2026-06-25 17:00"}, // week 27 starts Monday 29/6; Thursday before: 25/6
		{record.Settings{}, "2026-W01", "2025-12-25 17:00"}, // ISO week 1 of 2026 starts Monday 29/12/2025
		{record.Settings{}, "2027-W01", "2026-12-31 17:00"}, // 2026 has 53 ISO weeks; 2027-W01 starts 4/1/2027
		{override, "2027", "2026-12-15 00:00"},
		{override, "2026-Q3", "2026-07-01 00:00"}, // the 31st of June: the month's end
		{override, "2026-Q2", "2026-03-31 00:00"}, // the 31st of March exists
		{override, "2026-03", "2026-03-01 00:00"}, // the 30th of February 2026: the end of February
		{leap, "2028-03", "2028-03-01 00:00"},     // the 30th of February 2028 (a leap year): the end of February
		{leap, "2028-02", "2028-01-30 00:00"},
		{override, "2026-W27", "2026-06-26 12:00"},
	}
	for _, c := range cases {
		p, probs := FromSettings(c.settings, record.Holidays{}, loc)
		if len(probs) != 0 {
			t.Fatalf("settings %+v: %v", c.settings.Policy, probs)
		}
		per, err := period.Parse(c.period)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Deadline(per).Format("2006-01-02 15:04"); got != c.want {
			t.Errorf("%s (%+v): deadline %s, want %s", c.period, c.settings.Policy.Deadlines, got, c.want)
		}
		if p.Deadline(per).Location() != loc {
			t.Errorf("%s: deadline in %v", c.period, p.Deadline(per).Location())
		}
	}
}

// The host of the annual evaluation rotates from first_year through the rotation and starts again; before
// first_year, or without a rotation, nobody hosts.
func TestHost(t *testing.T) {
	loc := time.UTC
	s := record.Settings{Host: record.Host{Rotation: []string{"VPTU", "VPDBHD", "VPUBND"}, FirstYear: 2024}}
	p, _ := FromSettings(s, record.Holidays{}, loc)
	for year, want := range map[int]string{2023: "", 2024: "VPTU", 2025: "VPDBHD", 2026: "VPUBND", 2027: "VPTU", 2031: "VPDBHD"} {
		got, ok := p.Host(year)
		if got != want || ok != (want != "") {
			t.Errorf("Host(%d) = %q, %v; want %q", year, got, ok, want)
		}
	}
	for _, s := range []record.Settings{{}, {Host: record.Host{Rotation: []string{"VPTU"}}}, {Host: record.Host{FirstYear: 2024}}} {
		p, _ := FromSettings(s, record.Holidays{}, loc)
		if got, ok := p.Host(2026); ok {
			t.Errorf("%+v: Host(2026) = %q", s.Host, got)
		}
	}
}
