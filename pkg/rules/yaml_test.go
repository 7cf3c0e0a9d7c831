package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// yaml: a duplicate key and an alias are errors at their line; a clean file has none.
func TestYAML(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	got := memCheck(t, map[string]string{rel: "kind: programme\noffice: VPTU\noffice: VPTU\nperiod: 2026-Q3\nitems: []\n"}, "2026-06-01", "yaml")
	want(t, got, 1, "yaml", finding.Error, rel, "", "")
	if got[0].Line != 3 {
		t.Errorf("duplicate key at line %d, want 3", got[0].Line)
	}
	got = memCheck(t, map[string]string{rel: "kind: programme\noffice: &o VPTU\nperiod: 2026-Q3\nnote: *o\nitems: []\n"}, "2026-06-01", "yaml")
	if len(got) == 0 || got[0].Rule != "yaml" {
		t.Errorf("an alias: %v", render(got))
	}
	if got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3")}, "2026-06-01", "yaml"); len(got) != 0 {
		t.Errorf("a clean file: %v", render(got))
	}
}
