package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// schema: a missing required field, a date that does not exist, an id defined twice, an unusable policy.
func TestSchema(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	got := memCheck(t, map[string]string{rel: "kind: programme\noffice: VPTU\nperiod: 2026-Q3\n"}, "2026-06-01", "schema")
	want(t, got, 1, "schema", finding.Error, rel, "", "")

	doc := "kind: document\nnumber: 12/TTr-VPTU\ntype: TTr\ndate: 2026-02-30\nissuer: VPTU\nsummary: Tờ trình\n"
	got = memCheck(t, map[string]string{"documents/2026/VPTU/12-TTr-VPTU.yaml": doc}, "2026-06-01", "schema")
	want(t, got, 1, "schema", finding.Error, "documents/2026/VPTU/12-TTr-VPTU.yaml", "ngày 2026-02-30 không có thật", "2026-02-30 is not a real date")

	it := "{id: hop, title: Họp, when: 2026-07-02 sáng, kind: meeting, bodies: [BTV-TU]}"
	got = memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it, it)}, "2026-06-01", "schema")
	want(t, got, 1, "schema", finding.Error, rel, "bị lặp (đã có ở dòng 5)", "is defined twice (first at line 5)")

	settings := "kind: settings\nversion: 1\nprovince: Tỉnh mẫu\ntimezone: Asia/Ho_Chi_Minh\ncoordinator: VPTU\npolicy:\n  deadlines: {quarter_day: 40}\n"
	got = memCheck(t, map[string]string{"coord.yaml": settings}, "2026-06-01", "schema")
	if len(got) == 0 || got[0].File != "coord.yaml" {
		t.Errorf("quarter_day 40: %v", render(got))
	}

	if got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it)}, "2026-06-01", "schema"); len(got) != 0 {
		t.Errorf("a valid programme: %v", render(got))
	}
}
