package petition

import (
	"reflect"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/record"
)

// TestIndexSetShared: the petitions whose index is found at two offices or more, sorted by path; an index at
// one office only (even twice) and a malformed index are not shared.
func TestIndexSetShared(t *testing.T) {
	idx := func(c string) string { return "bi1:" + strings.Repeat(c, 64) }
	var s IndexSet
	for _, p := range []struct{ path, office, index string }{
		{"petitions/2026/VPUBND/c.yaml", "VPUBND", idx("a")},
		{"petitions/2025/VPTU/a.yaml", "VPTU", idx("a")},
		{"petitions/2026/VPTU/b.yaml", "VPTU", idx("b")},
		{"petitions/2027/VPTU/b2.yaml", "VPTU", idx("b")}, // one office twice: no group
		{"petitions/2026/VPDBHD/d.yaml", "VPDBHD", idx("a")},
		{"petitions/2026/VPDBHD/e.yaml", "VPDBHD", idx("c")},
		{"petitions/2026/VPUBND/f.yaml", "VPUBND", "not an index"},
		{"petitions/2026/VPTU/g.yaml", "VPTU", "not an index"},
	} {
		s.Add(p.path, &record.Petition{Office: p.office, PetitionerIndex: p.index})
	}
	want := []string{"petitions/2025/VPTU/a.yaml", "petitions/2026/VPDBHD/d.yaml", "petitions/2026/VPUBND/c.yaml"}
	if got := s.Shared(); !reflect.DeepEqual(got, want) {
		t.Errorf("Shared = %q, want %q", got, want)
	}
}
