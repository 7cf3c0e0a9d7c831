package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// ref/body: an item's body not in the registry, with a suggestion; a known body is fine.
func TestRefBody(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	it := func(body string) string {
		return "{id: hop, title: Họp, when: 2026-07-02 sáng, kind: meeting, bodies: [" + body + "]}"
	}
	got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it("BTV-TX"))}, "2026-06-01", "ref/body")
	want(t, got, 1, "ref/body", finding.Error, rel, `cơ quan "BTV-TX" không có trong danh mục; có phải "BTV-TU"`, `unknown body "BTV-TX"; did you mean "BTV-TU"`)
	if got[0].Line != 5 {
		t.Errorf("at line %d, want 5 (the item)", got[0].Line)
	}
	if got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it("BTV-TU"))}, "2026-06-01", "ref/body"); len(got) != 0 {
		t.Errorf("a known body: %v", render(got))
	}
}
