package petition

import (
	"reflect"
	"regexp"
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

// TestWellFormedIndex: the byte loop says what the scheme's pattern says.
func TestWellFormedIndex(t *testing.T) {
	pattern := regexp.MustCompile(`^bi1:[0-9a-f]{64}$`)
	good := "bi1:" + strings.Repeat("0123456789abcdef", 4)
	for _, s := range []string{good, good[:67], good + "0", strings.ToUpper(good), "bi2:" + good[4:], "bi1:" + strings.Repeat("g", 64),
		"bi1:" + strings.Repeat("a", 63) + "\n", "", "bi1:", " " + good, good[:66] + "é"} {
		if got, want := WellFormedIndex(s), pattern.MatchString(s); got != want {
			t.Errorf("%q: %v, the pattern says %v", s, got, want)
		}
	}
}

func FuzzWellFormedIndex(f *testing.F) {
	pattern := regexp.MustCompile(`^bi1:[0-9a-f]{64}$`)
	f.Add("bi1:" + strings.Repeat("0123456789abcdef", 4))
	f.Add("bi1:xyz")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := WellFormedIndex(s), pattern.MatchString(s); got != want {
			t.Errorf("%q: %v, the pattern says %v", s, got, want)
		}
	})
}
