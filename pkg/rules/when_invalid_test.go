package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// when/invalid: a time that does not parse, one outside the period (named in words), a clerk's form that coord
// fmt rewrites; a canonical time inside the period is fine.
func TestWhenInvalid(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	it := func(when string) string {
		return "{id: hop, title: Họp, when: \"" + when + "\", kind: meeting, bodies: [BTV-TU]}"
	}
	cases := []struct{ when, vi, en string }{
		{"2026-07-02 25:00-26:00", `thời gian "2026-07-02 25:00-26:00" không hợp lệ`, `invalid when "2026-07-02 25:00-26:00"`},
		{"2026-10-01 sáng", `nằm ngoài Quý III năm 2026`, `lies outside Quarter III 2026`},
		{"2/7/2026 sáng", `coord fmt sẽ viết lại thành "2026-07-02 sáng"`, `coord fmt rewrites it as "2026-07-02 sáng"`},
	}
	for _, c := range cases {
		got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it(c.when))}, "2026-06-01", "when/invalid")
		want(t, got, 1, "when/invalid", finding.Error, rel, c.vi, c.en)
	}
	if got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it("2026-07-02 08:00-11:30"))}, "2026-06-01", "when/invalid"); len(got) != 0 {
		t.Errorf("a canonical time: %v", render(got))
	}
}
