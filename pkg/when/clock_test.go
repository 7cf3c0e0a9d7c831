package when

import "testing"

func TestClockString(t *testing.T) {
	for c, want := range map[Clock]string{0: "00:00", 450: "07:30", 1439: "23:59", 1440: "24:00", -1: "?-1", 1441: "?1441"} {
		if got := c.String(); got != want {
			t.Errorf("Clock(%d).String() = %q, want %q", int(c), got, want)
		}
	}
}

func TestParseRange(t *testing.T) {
	ok := []struct {
		in   string
		want Range
	}{
		{"07:30-11:30", Range{450, 690}},
		{" 13:30-17:00 ", Range{810, 1020}},
		{"00:00-24:00", Range{0, 1440}},
		{"19:00-21:00", Range{1140, 1260}},
	}
	for _, c := range ok {
		got, err := ParseRange(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseRange(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		if got.String() != c.want.String() {
			t.Errorf("Range.String() = %q", got.String())
		}
	}
	bad := []struct{ in, key string }{
		{"", "when.range_form"},
		{"7:30-11:30", "when.range_form"},
		{"07:30 - 11:30", "when.range_form"},
		{"07:30", "when.range_form"},
		{"07h30-11:30", "when.time_form"},
		{"+7:30-11:30", "when.time_form"},
		{"07:30-25:00", "when.time_range"},
		{"07:60-11:30", "when.time_range"},
		{"24:00-24:00", "when.time_24_start"},
		{"11:30-07:30", "when.end_before_start"},
		{"11:30-11:30", "when.end_equals_start"},
	}
	for _, c := range bad {
		_, err := ParseRange(c.in)
		if err == nil {
			t.Errorf("ParseRange(%q) succeeded, want %s", c.in, c.key)
			continue
		}
		if k := errKey(t, err); k != c.key {
			t.Errorf("ParseRange(%q) error %s (%v), want %s", c.in, k, err, c.key)
		}
		checkRendered(t, err)
	}
}

func TestPolicyValidate(t *testing.T) {
	if err := DefaultPolicy(nil).Validate(); err != nil {
		t.Fatalf("default policy invalid: %v", err)
	}
	if DefaultPolicy(nil).Loc.String() != "Asia/Ho_Chi_Minh" {
		t.Errorf("default zone %q", DefaultPolicy(nil).Loc)
	}
	p := DefaultPolicy(nil)
	p.Evening = Range{1260, 1140}
	if err := p.Validate(); err == nil || errKey(t, err) != "when.policy_session" {
		t.Errorf("reversed evening: %v", err)
	} else {
		checkRendered(t, err)
	}
	p = DefaultPolicy(nil)
	p.Morning, p.Afternoon = Range{800, 900}, Range{100, 200}
	if err := p.Validate(); err == nil || errKey(t, err) != "when.policy_day" {
		t.Errorf("afternoon before morning: %v", err)
	} else {
		checkRendered(t, err)
	}
	if err := (Policy{}).Validate(); err == nil {
		t.Errorf("zero policy accepted")
	}
}
