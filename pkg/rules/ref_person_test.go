package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// ref/person: a chair not in registry/people.yaml, with the closest id suggested.
func TestRefPerson(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	it := func(chair string) string {
		return "{id: hop, title: Họp, when: 2026-07-02 sáng, kind: meeting, bodies: [BTV-TU], chair: [" + chair + "]}"
	}
	got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it("pham-quang-hui"))}, "2026-06-01", "ref/person")
	want(t, got, 1, "ref/person", finding.Error, rel, `người "pham-quang-hui" không có trong danh mục; có phải "pham-quang-huy"`, `unknown person "pham-quang-hui"; did you mean "pham-quang-huy"`)
	if got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", it("pham-quang-huy"))}, "2026-06-01", "ref/person"); len(got) != 0 {
		t.Errorf("a known person: %v", render(got))
	}
}
