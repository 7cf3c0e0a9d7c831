// Command coord coordinates the work programmes, documents and petitions of a province's offices through
// one shared Git repository of YAML records.
package main

import (
	"os"

	"github.com/coordvn/coord/pkg/cmd/root"
	"github.com/coordvn/coord/pkg/cmdutil"
	_ "time/tzdata" // Windows PCs have no zoneinfo: embed it
)

func main() {
	// No GC setting of coord's own: Go's default (GOGC=100, no memory limit), which GOGC and GOMEMLIMIT in the
	// environment change as for any Go program. coord used to switch collection off below a 1 GiB heap
	// (GOGC=off, GOMEMLIMIT=1GiB). Side by side on 2026-12-04 (2-core Xeon VM shared with other builds,
	// pkg/cmd/internal/benchpeak, medians of 9 runs in two sessions): on 100,000 records that setting took
	// 0.78-0.84x the default's time for `coord check` (2.94 s vs 3.79 s; 4.37 s vs 5.18 s) and peaked at
	// 1034 MiB instead of 899-913 MiB, and merge 170 MiB instead of 127; but on 200,000 records the live
	// heap outgrows the limit, the collector then runs over and over, and the check took 1.76x the default's
	// time (20.8 s vs 11.8 s, median of 5). GOGC=200 (no limit) was no better: 0.87-0.88x the time on
	// 100,000 records for 1089-1094 MiB, and 2161 MiB instead of 1784 on 200,000 for the same time.
	os.Exit(root.Main(cmdutil.New(), os.Args[1:]))
}
