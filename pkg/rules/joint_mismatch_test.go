package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// joint/mismatch: the items of one joint event disagree on the time; the finding sits on the item that is
// not the coordinator's and names both offices.
func TestJointMismatch(t *testing.T) {
	tu, ub := "programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPUBND.yaml"
	item := func(when, place string) string {
		return "{id: sk, title: Sơ kết chính quyền hai cấp, joint: so-ket, when: " + when + ", kind: conference, bodies: [BTV-TU], place: " + place + "}"
	}
	files := map[string]string{
		tu: programme("VPTU", "2026-Q3", item("2026-08-14 08:00-11:30", "hoi-truong-tinh-uy")),
		ub: programme("VPUBND", "2026-Q3", item("2026-08-14 14:00-17:00", "hoi-truong-tinh-uy")),
	}
	got := memCheck(t, files, "2026-06-01", "joint/mismatch")
	want(t, got, 1, "joint/mismatch", finding.Error, ub,
		"hoạt động phối hợp «Sơ kết chính quyền hai cấp»: Văn phòng UBND tỉnh ghi thời gian 14h00–17h00 ngày 14/8/2026, Văn phòng Tỉnh ủy ghi 8h00–11h30 ngày 14/8/2026",
		"joint event “Sơ kết chính quyền hai cấp”: Văn phòng UBND tỉnh says 14:00–17:00 on 14/8/2026, Văn phòng Tỉnh ủy says 8:00–11:30 on 14/8/2026")
	if got[0].Subject != "joint:so-ket" {
		t.Errorf("subject %q", got[0].Subject)
	}
	files[ub] = programme("VPUBND", "2026-Q3", item("2026-08-14 sáng", "Hội trường Tỉnh ủy"))
	files[tu] = programme("VPTU", "2026-Q3", item("2026-08-14 sáng", "hoi-truong-tinh-uy"))
	if got := memCheck(t, files, "2026-06-01", "joint/mismatch"); len(got) != 0 {
		t.Errorf("the same time and venue, written two ways: %v", render(got))
	}
}
