package when

import (
	"fmt"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
)

// Clock is minutes after midnight (0..1440). 1440 is 24:00, which only ends an interval.
type Clock int

// endOfDay is 24:00, the only clock that may end a day but never start one.
const endOfDay Clock = 24 * 60

// String renders the clock as HH:MM ("07:30", "24:00").
func (c Clock) String() string {
	if c < 0 || c > endOfDay {
		return fmt.Sprintf("?%d", int(c))
	}
	return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60)
}

// Range is a span of clock time within one day, Start < End.
type Range struct{ Start, End Clock }

// String renders the range as HH:MM-HH:MM.
func (r Range) String() string { return r.Start.String() + "-" + r.End.String() }

// valid reports whether the range can be a session: inside the day and not empty.
func (r Range) valid() bool { return r.Start >= 0 && r.End <= endOfDay && r.End > r.Start }

// contains reports whether c lies in the half-open range [Start, End).
func (r Range) contains(c Clock) bool { return c >= r.Start && c < r.End }

// ParseRange reads "HH:MM-HH:MM" (as written in coord.yaml's session policy); End must be after Start and
// only End may be 24:00.
func ParseRange(s string) (Range, error) {
	t := strings.TrimSpace(s)
	a, b, ok := strings.Cut(t, "-")
	if !ok || len(a) != 5 || len(b) != 5 {
		return Range{}, i18n.Errorf("when.range_form", s)
	}
	start, err := parseClock(a, false)
	if err != nil {
		return Range{}, err
	}
	end, err := parseClock(b, true)
	if err != nil {
		return Range{}, err
	}
	if err := checkOrder(start, end); err != nil {
		return Range{}, err
	}
	return Range{start, end}, nil
}

// parseClock reads exactly HH:MM. asEnd allows 24:00, which is the end of the day and cannot start anything.
func parseClock(s string, asEnd bool) (Clock, error) {
	if len(s) != 5 || s[2] != ':' {
		return 0, i18n.Errorf("when.time_form", s)
	}
	h, ok1 := digits(s[:2])
	m, ok2 := digits(s[3:])
	if !ok1 || !ok2 {
		return 0, i18n.Errorf("when.time_form", s)
	}
	return makeClock(h, m, asEnd, s)
}

// makeClock validates hours and minutes; text is what the user wrote, for the error.
func makeClock(h, m int, asEnd bool, text string) (Clock, error) {
	if h == 24 && m == 0 {
		if !asEnd {
			return 0, i18n.Errorf("when.time_24_start")
		}
		return endOfDay, nil
	}
	if h > 23 || m > 59 || h < 0 || m < 0 {
		return 0, i18n.Errorf("when.time_range", text)
	}
	return Clock(h*60 + m), nil
}

// checkOrder requires a non-empty interval and names both ends when it is not.
func checkOrder(start, end Clock) error {
	if end < start {
		return i18n.Errorf("when.end_before_start", end.String(), start.String())
	}
	if end == start {
		return i18n.Errorf("when.end_equals_start", end.String(), start.String())
	}
	return nil
}

// digits reads a string of ASCII digits only (strconv.Atoi would also take a sign); empty is not a number.
// Callers bound the length, so the value cannot overflow.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
