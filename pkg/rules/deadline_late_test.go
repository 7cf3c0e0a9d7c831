package rules_test

import (
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/finding"
)

// deadline/late: a Q3 programme is due before 20/6 00:00. Judged at "now" when not on main; at its first
// commit on main when it is; late_reason makes it a warning. The message says it in words.
func TestDeadlineLate(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	files := map[string]string{rel: programme("VPTU", "2026-Q3")}
	if got := memCheck(t, files, "2026-06-19", "deadline/late"); len(got) != 0 {
		t.Errorf("the day before: %v", render(got))
	}
	got := memCheck(t, files, "2026-06-20", "deadline/late")
	want(t, got, 1, "deadline/late", finding.Error, rel,
		"chương trình Quý III năm 2026 nộp sau hạn (phải nộp trước ngày 20/6/2026; chưa có trên nhánh chính; xét tại thời điểm 0h00 ngày 20/6/2026)",
		"the programme of Quarter III 2026 was submitted after its deadline (due before 20/6/2026; not on main yet; judged at 0:00 on 20/6/2026)")
	if got[0].Subject != "period:2026-Q3" {
		t.Errorf("subject %q", got[0].Subject)
	}

	late := map[string]string{rel: "late_reason: Chờ ý kiến Thường trực\n" + programme("VPTU", "2026-Q3")}
	want(t, memCheck(t, late, "2026-06-25", "deadline/late"), 1, "deadline/late", finding.Warning, rel, "", "")

	// On main: the first commit's time counts, not --as-of.
	c := memContext(t, files, "2026-09-01")
	c.Submitted = map[string]time.Time{rel: time.Date(2026, 6, 19, 16, 5, 0, 0, c.Repo.Loc)}
	if got := run(c, "deadline/late"); len(got) != 0 {
		t.Errorf("committed on 19/6: %v", render(got))
	}
	c = memContext(t, files, "2026-06-01")
	c.Submitted = map[string]time.Time{rel: time.Date(2026, 6, 22, 9, 30, 0, 0, c.Repo.Loc)}
	want(t, run(c, "deadline/late"), 1, "deadline/late", finding.Error, rel, "đưa vào nhánh chính lúc 9h30 ngày 22/6/2026", "reached main at 9:30 on 22/6/2026")

	// A week programme is due on the Thursday before, at 17:00.
	week := map[string]string{"programmes/2026/W27/VPTU.yaml": programme("VPTU", "2026-W27")}
	got = memCheck(t, week, "2026-06-26", "deadline/late")
	want(t, got, 1, "deadline/late", finding.Error, "", "phải nộp trước 17h00 ngày 25/6/2026", "due before 17:00 on 25/6/2026")
}
