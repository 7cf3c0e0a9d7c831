package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// overlap/tentative: a month-only item and a precise one of the same person may overlap: information on the
// month item (the one to pin down), never an error.
func TestOverlapTentative(t *testing.T) {
	tu, db := "programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPDBHD.yaml"
	files := map[string]string{
		tu: programme("VPTU", "2026-Q3", "{id: a, title: Làm việc với Ban Tổ chức, when: 2026-08, kind: meeting, bodies: [BTV-TU], chair: [le-minh-tuan]}"),
		db: programme("VPDBHD", "2026-Q3", "{id: b, title: Tiếp công dân tháng 8, when: 2026-08-21 08:00-11:00, kind: reception, bodies: [TT-HDND], chair: [le-minh-tuan]}"),
	}
	got := memCheck(t, files, "2026-06-01", "overlap/tentative")
	want(t, got, 1, "overlap/tentative", finding.Info, tu,
		"Lê Minh Tuấn có thể trùng lịch: mục này vào tháng 8/2026 và «Tiếp công dân tháng 8» của Văn phòng Đoàn ĐBQH và HĐND tỉnh",
		"Lê Minh Tuấn may be double-booked")
	if got := memCheck(t, files, "2026-06-01", "overlap/person"); len(got) != 0 {
		t.Errorf("a month item is never an overlap/person error: %v", render(got))
	}
}
