package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// doc/number: a malformed number, a type that does not match the number, a number used twice in its series.
func TestDocNumber(t *testing.T) {
	doc := func(number, typ, date string) string {
		return "kind: document\nnumber: " + number + "\ntype: " + typ + "\ndate: " + date + "\nissuer: VPUBND\nsummary: Văn bản\n"
	}
	a, b := "documents/2026/VPUBND/a.yaml", "documents/2026/VPUBND/b.yaml"
	got := memCheck(t, map[string]string{a: doc("12 UBND-VP", "CV", "2026-06-02")}, "2026-06-10", "doc/number")
	want(t, got, 1, "doc/number", finding.Error, a, `số văn bản "12 UBND-VP" sai thể thức`, `malformed document number "12 UBND-VP"`)

	got = memCheck(t, map[string]string{a: doc("12/TTr-UBND", "CV", "2026-06-02")}, "2026-06-10", "doc/number")
	want(t, got, 1, "doc/number", finding.Error, a, `loại văn bản "CV" không khớp với số "12/TTr-UBND"`, `type "CV" does not match number "12/TTr-UBND"`)

	got = memCheck(t, map[string]string{a: doc("12/UBND-VP", "CV", "2026-06-02"), b: doc("12/UBND-VP", "CV", "2026-06-03")}, "2026-06-10", "doc/number")
	want(t, got, 1, "doc/number", finding.Error, "", `số "12/UBND-VP" đã dùng trong cùng dãy số`, `number "12/UBND-VP" is already used in its series`)

	// The same number in another year is another series.
	if got := memCheck(t, map[string]string{a: doc("12/UBND-VP", "CV", "2026-06-02"), b: doc("12/UBND-VP", "CV", "2025-06-03")}, "2026-06-10", "doc/number"); len(got) != 0 {
		t.Errorf("another year: %v", render(got))
	}
}
