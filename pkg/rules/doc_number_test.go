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

// The series of each system (issue 12): state numbers restart each calendar year for each issuer (whatever the
// type), normative documents counting apart; Party numbers run per issuer and type through the Party
// committee's term, whatever the calendar year, and restart with the next term.
func TestDocNumberSeries(t *testing.T) {
	doc := func(number, typ, date, issuer string) string {
		return "kind: document\nnumber: " + number + "\ntype: " + typ + "\ndate: " + date + "\nissuer: " + issuer + "\nsummary: Văn bản\n"
	}
	concl := func(number, issued string) string {
		return "kind: conclusion\nnumber: " + number + "\noffice: VPTU\nmeeting: {date: " + issued + "}\nissued: " + issued + "\n"
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		n     int
		on    string // the file of the finding: the later use
	}{
		{"state: a decision and a plan of one issuer share the year's sequence", map[string]string{
			"documents/2026/VPUBND/a.yaml": doc("12/QĐ-UBND", "QĐ", "2026-03-02", "VPUBND"),
			"documents/2026/VPUBND/b.yaml": doc("12/KH-UBND", "KH", "2026-04-02", "VPUBND")}, 1, "documents/2026/VPUBND/b.yaml"},
		{"state: the same number the next year is a new sequence", map[string]string{
			"documents/2025/VPUBND/a.yaml": doc("12/QĐ-UBND", "QĐ", "2025-12-30", "VPUBND"),
			"documents/2026/VPUBND/b.yaml": doc("12/QĐ-UBND", "QĐ", "2026-01-05", "VPUBND")}, 0, ""},
		{"state: normative documents count apart", map[string]string{
			"documents/2026/VPUBND/a.yaml": doc("12/QĐ-UBND", "QĐ", "2026-03-02", "VPUBND"),
			"documents/2026/VPUBND/b.yaml": doc("12/2026/QĐ-UBND", "QĐ", "2026-03-05", "VPUBND")}, 0, ""},
		{"state: another issuer is another sequence", map[string]string{
			"documents/2026/VPUBND/a.yaml": doc("12/QĐ-UBND", "QĐ", "2026-03-02", "VPUBND"),
			"documents/2026/VPDBHD/b.yaml": doc("12/QĐ-HĐND", "QĐ", "2026-03-02", "VPDBHD")}, 0, ""},
		{"party: across calendar years within one term, a reuse", map[string]string{
			"documents/2025/VPTU/a.yaml": doc("07-BC/TU", "BC", "2025-12-20", "VPTU"),
			"documents/2026/VPTU/b.yaml": doc("07-BC/TU", "BC", "2026-02-10", "VPTU")}, 1, "documents/2026/VPTU/b.yaml"},
		{"party: the next term restarts (from its first day)", map[string]string{
			"documents/2025/VPTU/a.yaml": doc("07-BC/TU", "BC", "2025-09-30", "VPTU"),
			"documents/2025/VPTU/b.yaml": doc("07-BC/TU", "BC", "2025-10-01", "VPTU")}, 0, ""},
		{"party: another type is another sequence", map[string]string{
			"documents/2026/VPTU/a.yaml": doc("07-BC/TU", "BC", "2026-02-10", "VPTU"),
			"documents/2026/VPTU/b.yaml": doc("07-KH/TU", "KH", "2026-02-11", "VPTU")}, 0, ""},
		{"party: a leading zero is the same number", map[string]string{
			"documents/2026/VPTU/a.yaml": doc("7-BC/TU", "BC", "2026-02-10", "VPTU"),
			"documents/2026/VPTU/b.yaml": doc("07-BC/TU", "BC", "2026-02-11", "VPTU")}, 1, "documents/2026/VPTU/b.yaml"},
		{"a notice and its register entry share a number", map[string]string{
			"conclusions/2026/VPTU/a.yaml": concl("171-TB/TU", "2026-08-17"),
			"documents/2026/VPTU/b.yaml":   doc("171-TB/TU", "TB", "2026-08-17", "VPTU")}, 0, ""},
		{"two notices cannot", map[string]string{
			"conclusions/2026/VPTU/a.yaml": concl("171-TB/TU", "2026-08-17"),
			"conclusions/2026/VPTU/b.yaml": concl("171-TB/TU", "2026-08-20")}, 1, "conclusions/2026/VPTU/b.yaml"},
	} {
		got := memCheck(t, tc.files, "2026-09-01", "doc/number")
		if len(got) != tc.n {
			t.Errorf("%s: %v", tc.name, render(got))
			continue
		}
		if tc.n == 1 {
			want(t, got, 1, "doc/number", finding.Error, tc.on, "đã dùng trong cùng dãy số", "is already used in its series")
		}
	}
}

// A normative number's series is the year it carries: 89/2025/QĐ-UBND dated 2 January 2026 is a reuse of the
// one dated in 2025, and 89/2026/QĐ-UBND is not.
func TestDocNumberNormativeYear(t *testing.T) {
	doc := func(number, date string) string {
		return "kind: document\nnumber: " + number + "\ntype: QĐ\ndate: " + date + "\nissuer: VPUBND\nsummary: Quyết định\n"
	}
	got := memCheck(t, map[string]string{
		"documents/2025/VPUBND/a.yaml": doc("89/2025/QĐ-UBND", "2025-12-30"),
		"documents/2026/VPUBND/b.yaml": doc("89/2025/QĐ-UBND", "2026-01-02"),
		"documents/2026/VPUBND/c.yaml": doc("89/2026/QĐ-UBND", "2026-03-02")}, "2026-06-10", "doc/number")
	want(t, got, 1, "doc/number", finding.Error, "documents/2026/VPUBND/b.yaml", "đã dùng trong cùng dãy số", "is already used in its series")
}
