package conclusion

import (
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
)

// ParseWithin never panics, and what it accepts is a positive number of days within the bound.
func FuzzParseWithin(f *testing.F) {
	for _, s := range []string{"7d", "7 ngày", "2 tuần", "3 weeks", "-1", "99999w", "7.5d", "\xff", "1\u0301d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseWithin(s)
		if err == nil && (n < 1 || n > MaxWithin) {
			t.Errorf("ParseWithin(%q) = %d", s, n)
		}
	})
}

// Reading a previous reminder never panics and gives a day before the new reminder's day, or nothing.
func FuzzPreviousReminder(f *testing.F) {
	f.Add([]byte(Digest{Day: "2026-09-08", Since: "2026-09-01"}.Mark()+"\n"), "2026-09-15")
	f.Add([]byte("<!-- coord tasks --digest: day=9999-99-99 since=0000-00-00 -->"), "2026-09-15")
	f.Fuzz(func(t *testing.T, prev []byte, day string) {
		if got, _ := previous(prev, day); got != "" && got >= day {
			t.Errorf("previous(%q, %q) = %q", prev, day, got)
		}
	})
}

// Whatever note a clerk types, Apply either refuses it or writes a record that reads back with that note
// (NFC) as the task's last update.
func FuzzApplyNote(f *testing.F) {
	for _, s := range []string{"Đã trình", "a: b, c", "#1", "true", "- x", "'\"", "{x}", "xin\nchào", "  ", "\x00", "\u202e"} {
		f.Add(s)
	}
	v, err := record.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	const rel = "conclusions/2026/VPTU/a.yaml"
	f.Fuzz(func(t *testing.T, note string) {
		out, err := Apply([]byte(sample), rel, "co-cap-nhat", Update{Date: "2026-09-18", By: "VPTU", Note: note, Status: StatusDone})
		if err != nil {
			return
		}
		back := record.Decode(rel, out, v)
		if !back.Clean {
			return // the command refuses what does not read back clean (a control character)
		}
		c := back.Value.(*record.Conclusion)
		ups := c.Tasks[0].Updates
		if len(ups) != 2 {
			t.Fatalf("%d updates for %q:\n%s", len(ups), note, out)
		}
		want := strings.TrimSpace(ups[1].Note)
		if got := strings.TrimSpace(vntext.NFC(note)); want != got && note != "" {
			t.Errorf("note %q read back as %q", note, ups[1].Note)
		}
	})
}

// Whatever a clerk writes as a due, DueDay never panics, and what it reads is one day as records write it.
func FuzzDueDay(f *testing.F) {
	for _, s := range []string{"2026-09-10", "10/9/2026", "ngày 10 tháng 9 năm 2026", "cuối tháng 9", "10/9", "31/2/2026", "tháng 9/2026", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := DueDay(&record.Task{Due: s})
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil || !ok && d != "" {
			t.Errorf("DueDay(%q) = %q, %v", s, d, ok)
		}
	})
}
