package when

import (
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

func TestPhrase(t *testing.T) {
	pol := DefaultPolicy(time.FixedZone("ICT", 7*3600))
	for _, c := range []struct{ in, vi, en string }{
		{"2026-08-14 08:00-11:30", "8h00–11h30 ngày 14/8/2026", "8:00–11:30 on 14/8/2026"},
		{"2026-08-14 20:00-24:00", "20h00–24h00 ngày 14/8/2026", "20:00–24:00 on 14/8/2026"},
		{"2026-08-14 chiều", "chiều 14/8/2026", "the afternoon of 14/8/2026"},
		{"2026-08-06 sáng", "sáng 06/8/2026", "the morning of 06/8/2026"},
		{"2026-06-29", "ngày 29/6/2026", "29/6/2026"},
		{"2026-07-08..2026-07-09", "từ ngày 08/7 đến ngày 09/7/2026", "from 08/7 to 09/7/2026"},
		{"2026-12-31..2027-01-02", "từ ngày 31/12/2026 đến ngày 02/1/2027", "from 31/12/2026 to 02/1/2027"},
		{"2026-07-03 08:00..2026-07-04 17:00", "từ 8h00 ngày 03/7 đến 17h00 ngày 04/7/2026", "from 8:00 on 03/7 to 17:00 on 04/7/2026"},
		{"2026-W37", "tuần 37 (07/9–13/9/2026)", "week 37 (07/9–13/9/2026)"},
		{"2026-08", "tháng 8/2026", "month 8/2026"},
	} {
		s, err := Parse(c.in, pol)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if got := s.Phrase().Render(i18n.VI); got != c.vi {
			t.Errorf("%s: vi %q, want %q", c.in, got, c.vi)
		}
		if got := s.Phrase().Render(i18n.EN); got != c.en {
			t.Errorf("%s: en %q, want %q", c.in, got, c.en)
		}
	}
	if got := DateText("2026-06-29").Render(i18n.VI); got != "29/6/2026" {
		t.Errorf("DateText: %q", got)
	}
	if got := DateText("sometime").Render(i18n.VI); got != "sometime" {
		t.Errorf("DateText of text: %q", got)
	}
	if got := (Span{}).Phrase().Render(i18n.VI); got != "" {
		t.Errorf("zero span: %q", got)
	}
}

// A deadline at a day's start is "before that day"; one at another time names the time (a week's programme is
// due on Thursday at 17:00).
func TestBefore(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	for _, c := range []struct {
		at     time.Time
		vi, en string
	}{
		{time.Date(2026, 9, 20, 0, 0, 0, 0, ict), "trước ngày 20/9/2026", "before 20/9/2026"},
		{time.Date(2026, 6, 25, 17, 0, 0, 0, ict), "trước 17h00 ngày 25/6/2026", "before 17:00 on 25/6/2026"},
		{time.Date(2026, 9, 3, 8, 30, 0, 0, ict), "trước 8h30 ngày 03/9/2026", "before 8:30 on 03/9/2026"},
	} {
		if got := Before(c.at).Render(i18n.VI); got != c.vi {
			t.Errorf("%v: vi %q, want %q", c.at, got, c.vi)
		}
		if got := Before(c.at).Render(i18n.EN); got != c.en {
			t.Errorf("%v: en %q, want %q", c.at, got, c.en)
		}
	}
}
