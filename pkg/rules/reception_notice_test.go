package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/when"
)

// reception/notice: a reception day is entered at least 5 working days ahead. Not on main, it is judged at
// --as-of; on main, at the first commit whose programmes held a reception of one of its people or bodies on
// that day (Context.Entered), whatever programme held it.
func TestReceptionNotice(t *testing.T) {
	const rel = "programmes/2026/Q3/VPUBND.yaml"
	files := map[string]string{rel: programme("VPUBND", "2026-Q3",
		"{id: tcd-7, title: Tiếp công dân, when: 2026-07-23 sáng, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}",
		"{id: tcd-9, title: Tiếp công dân, when: 2026-09-04 08:00-11:00, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}",
		"{id: tcd-8, title: Tiếp công dân, when: 2026-08, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}",
		"{id: hop, title: Họp, when: 2026-07-17 sáng, kind: meeting, bodies: [UBND], chair: [vo-thanh-long]}")}
	// Wednesday 15/7: Thursday 16, Friday 17, Monday 20, Tuesday 21, Wednesday 22 lie before Thursday 23.
	if got := memCheck(t, files, "2026-07-15", "reception/notice"); len(got) != 0 {
		t.Errorf("five working days ahead: %v", render(got))
	}
	got := memCheck(t, files, "2026-07-16", "reception/notice")
	want(t, got, 1, "reception/notice", finding.Warning, rel,
		"buổi tiếp công dân ngày 23/7/2026 của Võ Thành Long được đưa vào chương trình khi chỉ còn 4 ngày làm việc (chưa có trên nhánh chính; xét tại thời điểm 0h00 ngày 16/7/2026); lịch tiếp công dân phải được thông báo trước ít nhất 5 ngày làm việc (Luật Tiếp công dân năm 2013, Điều 24)",
		"the citizen reception day on 23/7/2026 of Võ Thành Long entered the programmes with only 4 working days to go")
	if f := got[0]; f.Subject != "person:vo-thanh-long" || f.Line != 5 {
		t.Errorf("subject %q at line %d", f.Subject, f.Line)
	}

	// On main since June: in time, whenever it is checked; the September day too.
	c := memContext(t, files, "2026-09-03")
	june := time.Date(2026, 6, 10, 9, 0, 0, 0, c.Repo.Loc)
	c.Entered = map[string]time.Time{"UBND@2026-07-23": june, "vo-thanh-long@2026-09-04": june}
	if got := run(c, "reception/notice"); len(got) != 0 {
		t.Errorf("announced in June: %v", render(got))
	}
	// The September day reached main on Friday 28/8: Monday 31/8 and Thursday 3/9 only (1-2/9 are holidays).
	c.Entered["vo-thanh-long@2026-09-04"] = time.Date(2026, 8, 28, 16, 30, 0, 0, c.Repo.Loc)
	want(t, run(c, "reception/notice"), 1, "reception/notice", finding.Warning, rel,
		"buổi tiếp công dân ngày 04/9/2026 của Võ Thành Long được đưa vào chương trình khi chỉ còn 2 ngày làm việc (đưa vào nhánh chính lúc 16h30 ngày 28/8/2026)", "")
	// A province that asks for 2 working days' notice.
	c.Policy.ReceptionNotice = 2
	if got := run(c, "reception/notice"); len(got) != 0 {
		t.Errorf("two days' notice: %v", render(got))
	}

	// Entered on or after the day itself: unannounced.
	want(t, memCheck(t, files, "2026-07-23", "reception/notice"), 1, "reception/notice", finding.Warning, rel,
		"buổi tiếp công dân ngày 23/7/2026 của Võ Thành Long được đưa vào chương trình vào chính ngày đó hoặc sau đó (chưa có trên nhánh chính; xét tại thời điểm 0h00 ngày 23/7/2026), không được thông báo trước", "")
}

// The keys of a programme's reception days, as the history is read for them: the people and bodies of each
// precise reception item, with its day; nothing for coarse ones or for files without a reception.
func TestReceptionKeys(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	src := programme("VPUBND", "2026-Q3",
		"{id: a, title: T, when: 2026-07-23 sáng, kind: reception, bodies: [UBND], chair: [vo-thanh-long], attendees: [tran-thi-le-thu]}",
		"{id: b, title: T, when: 2026-08, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}",
		"{id: c, title: T, when: 2026-07-24, kind: meeting, bodies: [UBND]}")
	got := rules.ReceptionKeys([]byte(src), when.DefaultPolicy(loc))
	want := []string{"UBND@2026-07-23", "tran-thi-le-thu@2026-07-23", "vo-thanh-long@2026-07-23"}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%v, want %v", got, want)
		}
	}
	if got := rules.ReceptionKeys([]byte("kind: programme\nitems: [\n"), when.DefaultPolicy(loc)); got != nil {
		t.Errorf("not YAML: %v", got)
	}
}

// ReceptionKeys reads every version of every programme in the history, whatever it holds: never a panic,
// and every key a person or body and a day.
func FuzzReceptionKeys(f *testing.F) {
	f.Add([]byte(programme("VPUBND", "2026-Q3", "{id: a, title: T, when: 2026-07-23 sáng, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}")))
	f.Add([]byte("items: [{kind: reception, when: 2026-07-23 08:00..2026-07-24 17:00, chair: [a, ' ']}]"))
	f.Add([]byte("items: {kind: reception}"))
	f.Add([]byte("reception: &a [*a]"))
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range rules.ReceptionKeys(data, when.DefaultPolicy(loc)) {
			at := strings.LastIndex(k, "@")
			if _, err := time.Parse(time.DateOnly, k[at+1:]); at < 1 || err != nil {
				t.Fatalf("key %q", k)
			}
		}
	})
}
