// Package period owns programme periods — year, quarter, month, ISO week — their text forms
// ("2026", "2026-Q3", "2026-07", "2026-W27"), their folder names in the data repo and their bounds.
package period

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

// Kind of period.
type Kind int

const (
	Year Kind = iota + 1
	Quarter
	Month
	Week
)

// Period is one programme period. N is the quarter (1–4), month (1–12) or ISO week (1–53); 0 for a year.
// For a week, Year is the ISO year.
type Period struct {
	Kind Kind
	Year int
	N    int
}

// Parse reads "2026", "2026-Q3", "2026-07" or "2026-W27".
func Parse(s string) (Period, error) {
	s = strings.TrimSpace(s)
	bad := i18n.Errorf("period.invalid", s)
	if len(s) < 4 {
		return Period{}, bad
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1900 || y > 2200 || s[0] == '+' || s[0] == '-' {
		return Period{}, bad
	}
	if len(s) == 4 {
		return Period{Year, y, 0}, nil
	}
	if s[4] != '-' || len(s) < 6 {
		return Period{}, bad
	}
	rest := s[5:]
	num := func(t string, lo, hi, width int) (int, bool) {
		if len(t) != width {
			return 0, false
		}
		for _, c := range t {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n, _ := strconv.Atoi(t)
		return n, n >= lo && n <= hi
	}
	switch rest[0] {
	case 'Q':
		if n, ok := num(rest[1:], 1, 4, 1); ok {
			return Period{Quarter, y, n}, nil
		}
	case 'W':
		if n, ok := num(rest[1:], 1, 53, 2); ok {
			if n > WeeksIn(y) {
				return Period{}, i18n.Errorf("period.no_week", s, y, WeeksIn(y))
			}
			return Period{Week, y, n}, nil
		}
	default:
		if n, ok := num(rest, 1, 12, 2); ok {
			return Period{Month, y, n}, nil
		}
	}
	return Period{}, bad
}

// WeeksIn returns the number of ISO weeks (52 or 53) in ISO year y.
func WeeksIn(y int) int {
	_, w := time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
	return w
}

func (p Period) String() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case Week:
		return fmt.Sprintf("%04d-W%02d", p.Year, p.N)
	}
	return fmt.Sprintf("%04d", p.Year)
}

// Name is the folder or file name of the period inside its year: "year", "Q3", "07", "W27".
func (p Period) Name() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("Q%d", p.N)
	case Month:
		return fmt.Sprintf("%02d", p.N)
	case Week:
		return fmt.Sprintf("W%02d", p.N)
	}
	return "year"
}

// FromName is the inverse of Name: year folder and period name.
func FromName(year, name string) (Period, error) {
	if name == "year" {
		return Parse(year)
	}
	if strings.HasPrefix(name, "Q") || strings.HasPrefix(name, "W") {
		return Parse(year + "-" + name)
	}
	return Parse(year + "-" + name)
}

// Start returns the first instant of the period in loc.
func (p Period) Start(loc *time.Location) time.Time {
	switch p.Kind {
	case Quarter:
		return time.Date(p.Year, time.Month(3*(p.N-1)+1), 1, 0, 0, 0, 0, loc)
	case Month:
		return time.Date(p.Year, time.Month(p.N), 1, 0, 0, 0, 0, loc)
	case Week:
		return weekStart(p.Year, p.N, loc)
	}
	return time.Date(p.Year, 1, 1, 0, 0, 0, 0, loc)
}

// End returns the first instant after the period in loc.
func (p Period) End(loc *time.Location) time.Time {
	s := p.Start(loc)
	switch p.Kind {
	case Quarter:
		return s.AddDate(0, 3, 0)
	case Month:
		return s.AddDate(0, 1, 0)
	case Week:
		return s.AddDate(0, 0, 7)
	}
	return s.AddDate(1, 0, 0)
}

// Contains reports whether [start, end) lies inside the period.
func (p Period) Contains(start, end time.Time, loc *time.Location) bool {
	return !start.Before(p.Start(loc)) && !end.After(p.End(loc))
}

// Text is the period in words, for a sentence: "Quý III năm 2026", "tháng 7 năm 2026".
func (p Period) Text() i18n.Msg {
	switch p.Kind {
	case Quarter:
		return i18n.M("period.label.quarter", Roman(p.N), p.Year)
	case Month:
		return i18n.M("period.label.month", p.N, p.Year)
	case Week:
		return i18n.M("period.label.week", p.N, p.Year)
	}
	return i18n.M("period.label.year", p.Year)
}

// Label is the Vietnamese or English label: "Quý III năm 2026", "tháng 7 năm 2026", "tuần 27 năm 2026".
func (p Period) Label(lang i18n.Lang) string { return p.Text().Render(lang) }

// Roman writes 1–4 as I–IV (quarters are written in Roman numerals).
func Roman(n int) string {
	return [...]string{"", "I", "II", "III", "IV"}[max(0, min(n, 4))]
}

func weekStart(isoYear, week int, loc *time.Location) time.Time {
	// ISO week 1 holds 4 January; weeks start on Monday.
	jan4 := time.Date(isoYear, 1, 4, 0, 0, 0, 0, loc)
	offset := (int(jan4.Weekday()) + 6) % 7
	return jan4.AddDate(0, 0, -offset+7*(week-1))
}
