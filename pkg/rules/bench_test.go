package rules_test

import (
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/datarepo/synth"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/rules"
)

// sameSlot writes n items, spread over the three offices' programmes of October 2026, all on the afternoon
// of 21/10 with the UBND Chairman in the UBND hall (synth.WriteSameSlot, which make bench measures too).
func sameSlot(t testing.TB, root string, n int) {
	t.Helper()
	if err := synth.WriteSameSlot(root, n); err != nil {
		t.Fatal(err)
	}
}

// n items in one slot are one overlap/person finding and one overlap/venue finding, each relating the n-1
// others; none of the ~n²/2 pairs is reported.
func TestSameSlotIsOneFinding(t *testing.T) {
	const n = 2000
	root := province(t)
	sameSlot(t, root, n)
	c := load(t, root, "2026-06-15")
	got := map[string][]finding.Finding{}
	for _, f := range run(c, "overlap/person", "overlap/venue") {
		if strings.HasPrefix(f.File, "programmes/2026/10/") {
			got[f.Rule] = append(got[f.Rule], f)
		}
	}
	for _, id := range []string{"overlap/person", "overlap/venue"} {
		if len(got[id]) != 1 || len(got[id][0].Related) != n-1 {
			t.Fatalf("%s: %d findings (want 1 relating %d)", id, len(got[id]), n-1)
		}
	}
	var items []string
	for _, ps := range c.Schedules() {
		for _, sf := range ps.Findings() {
			if sf.Rule == "overlap/person" && sf.Subject == "person:vo-thanh-long" && len(sf.Items) > 2 {
				items = sf.Items
			}
		}
	}
	if len(items) != n {
		t.Errorf("the cluster lists %d items, want %d", len(items), n)
	}
}

// BenchmarkSameSlot2000 is `coord check` (load and every rule) of the example province plus 2,000 items in
// one slot, in process. make bench measures the same with the binary.
func BenchmarkSameSlot2000(b *testing.B) {
	root := province(b)
	sameSlot(b, root, 2000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := load(b, root, "2026-06-15")
		rules.Run(c, rules.All())
	}
}
