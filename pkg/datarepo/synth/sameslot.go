package synth

import (
	"fmt"
	"path/filepath"
	"strings"
)

// WriteSameSlot writes into dir, an example province, n items spread over the three offices' programmes of
// October 2026, all on the afternoon of 21/10 with the UBND Chairman in the UBND hall: one person and one
// venue double-booked n times over. `coord check` must say so in one finding each, not one per pair (issue 9:
// "2,000 such items check in seconds"); pkg/rules' BenchmarkSameSlot2000 and `make bench` measure it.
func WriteSameSlot(dir string, n int) error {
	offices := []string{"VPTU", "VPDBHD", "VPUBND"}
	bodies := map[string]string{"VPTU": "BTV-TU", "VPDBHD": "TT-HDND", "VPUBND": "UBND"}
	files := make([]strings.Builder, len(offices))
	for i, o := range offices {
		fmt.Fprintf(&files[i], "kind: programme\noffice: %s\nperiod: 2026-10\nitems:\n", o)
	}
	for i := 0; i < n; i++ {
		o := i % len(offices)
		fmt.Fprintf(&files[o], "  - id: hoat-dong-%04d\n    title: Hoạt động số %d\n    when: 2026-10-21 chiều\n    kind: meeting\n"+
			"    bodies: [%s]\n    place: hoi-truong-ubnd\n    chair: [vo-thanh-long]\n", i, i, bodies[offices[o]])
	}
	for i, o := range offices {
		if err := write(filepath.Join(dir, "programmes", "2026", "10", o+".yaml"), []byte(files[i].String())); err != nil {
			return err
		}
	}
	return nil
}
