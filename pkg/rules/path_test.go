package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// path: a record where its content does not put it names the right path; an id that is not a safe file name
// is refused.
func TestPath(t *testing.T) {
	got := memCheck(t, map[string]string{"programmes/2026/Q3/VPUBND.yaml": programme("VPTU", "2026-Q3")}, "2026-06-01", "path")
	want(t, got, 1, "path", finding.Error, "programmes/2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPTU.yaml")

	got = memCheck(t, map[string]string{"programmes/2026/Q3/x.yaml": programme("../../x", "2026-Q3")}, "2026-06-01", "path")
	want(t, got, 1, "path", finding.Error, "programmes/2026/Q3/x.yaml", "không dùng được làm tên tệp", "is not a safe file name")

	if got := memCheck(t, map[string]string{"programmes/2026/Q3/VPTU.yaml": programme("VPTU", "2026-Q3")}, "2026-06-01", "path"); len(got) != 0 {
		t.Errorf("in its place: %v", render(got))
	}
}
