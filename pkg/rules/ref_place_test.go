package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// ref/place: a place written as an id must be a venue; free text is kept as text, and a venue's name counts.
func TestRefPlace(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	it := func(place string) string {
		return "{id: hop, title: Họp, when: 2026-07-02 sáng, kind: meeting, bodies: [BTV-TU], place: " + place + "}"
	}
	got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it("hoi-truong-tinh-uyy"))}, "2026-06-01", "ref/place")
	want(t, got, 1, "ref/place", finding.Error, rel, `địa điểm "hoi-truong-tinh-uyy" không có trong danh mục; có phải "hoi-truong-tinh-uy"`, `unknown venue "hoi-truong-tinh-uyy"`)
	for _, ok := range []string{"hoi-truong-tinh-uy", "Hội trường Tỉnh ủy", "Nhà văn hóa ấp 3, xã Trảng Bom"} {
		if got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it(`"`+ok+`"`))}, "2026-06-01", "ref/place"); len(got) != 0 {
			t.Errorf("place %q: %v", ok, render(got))
		}
	}
}
