package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// task/overdue: a task due 30/6 is not overdue on 30/6 and is on 1/7; a done or cancelled task never is; the
// state is read from the progress notes as of the day checked; a notice not yet issued has no task yet.
func TestTaskOverdue(t *testing.T) {
	const rel = "conclusions/2026/VPTU/ket-luan-giao-ban.yaml"
	files := map[string]string{rel: `kind: conclusion
number: 120-TB/TU
office: VPTU
meeting: {date: 2026-06-18, chair: pham-quang-huy}
issued: 2026-06-20
recipients: [VPUBND]
tasks:
  - id: de-an-sap-nhap
    owner: BTC-TU
    content: Hoàn thành đề án sáp nhập
    due: 2026-06-30
    status: open
  - id: da-xong
    owner: UBND
    content: Báo cáo tình hình
    due: 2026-06-25
    status: done
  - id: da-huy
    owner: UBND
    content: Việc đã hủy
    due: 2026-06-25
    status: cancelled
  - id: xong-muon
    owner: UBND
    content: Việc xong muộn
    due: 2026-06-26
    status: done
    updates:
      - {date: 2026-07-03, by: VPUBND, note: Đã xong, status: done}
`}
	if got := memCheck(t, files, "2026-06-26", "task/overdue"); len(got) != 0 {
		t.Errorf("26/6, nothing past its day yet: %v", render(got))
	}
	if got := memCheck(t, files, "2026-06-30", "task/overdue"); len(got) != 1 {
		t.Errorf("30/6: only the task done on 3/7 after its day of 26/6: %v", render(got))
	}
	got := memCheck(t, files, "2026-07-01", "task/overdue")
	if len(got) != 2 {
		t.Fatalf("1/7: %v", render(got))
	}
	want(t, got[:1], 1, "task/overdue", finding.Warning, rel,
		"nhiệm vụ «Hoàn thành đề án sáp nhập» giao Ban Tổ chức Tỉnh ủy theo thông báo 120-TB/TU chưa hoàn thành: quá hạn 1 ngày (hạn ngày 30/6/2026)",
		"task “Hoàn thành đề án sáp nhập” given to Ban Tổ chức Tỉnh ủy by notice 120-TB/TU is not done: 1 day(s) overdue (due 30/6/2026)")
	if got[0].Subject != "task:ket-luan-giao-ban#de-an-sap-nhap" || got[0].Line != 11 {
		t.Errorf("subject %q line %d", got[0].Subject, got[0].Line)
	}
	if got := memCheck(t, files, "2026-07-03", "task/overdue"); len(got) != 1 || got[0].Subject != "task:ket-luan-giao-ban#de-an-sap-nhap" {
		t.Errorf("3/7, the late task is done: %v", render(got))
	}
	// Before its notice was issued, a task is not overdue whatever its day.
	early := map[string]string{rel: "kind: conclusion\nnumber: 121-TB/TU\noffice: VPTU\nmeeting: {date: 2026-06-18}\nissued: 2026-08-01\n" +
		"tasks:\n  - {id: a, owner: UBND, content: Việc, due: 2026-06-30, status: open}\n"}
	if got := memCheck(t, early, "2026-07-15", "task/overdue"); len(got) != 0 {
		t.Errorf("not issued yet: %v", render(got))
	}
}
