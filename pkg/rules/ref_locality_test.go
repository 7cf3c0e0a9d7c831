package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// ref/locality: an item's locality must be in registry/places.yaml.
func TestRefLocality(t *testing.T) {
	const rel = "programmes/2026/Q3/VPUBND.yaml"
	it := func(loc string) string {
		return "{id: di-co-so, title: Đi cơ sở, when: 2026-07-02 sáng, kind: field-trip, bodies: [UBND], locality: " + loc + "}"
	}
	got := memCheck(t, map[string]string{rel: programme("VPUBND", "2026-Q3", it("xa-trang-bomm"))}, "2026-06-01", "ref/locality")
	want(t, got, 1, "ref/locality", finding.Error, rel, `địa bàn "xa-trang-bomm" không có trong danh mục; có phải "xa-trang-bom"`, `unknown locality "xa-trang-bomm"`)
	if got := memCheck(t, map[string]string{rel: programme("VPUBND", "2026-Q3", it("xa-trang-bom"))}, "2026-06-01", "ref/locality"); len(got) != 0 {
		t.Errorf("a known locality: %v", render(got))
	}
}
