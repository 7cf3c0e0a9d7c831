package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// overlap/locality: field trips of two bodies to one commune on one day are a warning naming both bodies;
// on different days, nothing.
func TestOverlapLocality(t *testing.T) {
	ub, db := "programmes/2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPDBHD.yaml"
	files := map[string]string{
		ub: programme("VPUBND", "2026-Q3", "{id: a, title: Kiểm tra dự án, when: 2026-08-06 sáng, kind: field-trip, bodies: [UBND], locality: xa-long-thanh}"),
		db: programme("VPDBHD", "2026-Q3", "{id: b, title: Giám sát giải ngân, when: 2026-08-06 chiều, kind: field-trip, bodies: [BKTNS-HDND], locality: xa-long-thanh}"),
	}
	got := memCheck(t, files, "2026-06-01", "overlap/locality")
	want(t, got, 1, "overlap/locality", finding.Warning, "",
		"Xã Long Thành đón hai đoàn đi cơ sở ngày 06/8/2026",
		"Xã Long Thành receives two field trips on 06/8/2026")
	for _, name := range []string{"Ủy ban nhân dân tỉnh", "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh"} {
		if msg := got[0].Msg.String(); !contains(msg, name) {
			t.Errorf("message %q does not name %s", msg, name)
		}
	}
	files[db] = programme("VPDBHD", "2026-Q3", "{id: b, title: Giám sát giải ngân, when: 2026-08-07 chiều, kind: field-trip, bodies: [BKTNS-HDND], locality: xa-long-thanh}")
	if got := memCheck(t, files, "2026-06-01", "overlap/locality"); len(got) != 0 {
		t.Errorf("another day: %v", render(got))
	}
}
