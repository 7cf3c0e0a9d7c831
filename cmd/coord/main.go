// Command coord coordinates the work programmes, documents and petitions of a province's offices through
// one shared Git repository of YAML records.
package main

import (
	"os"
	"runtime/debug"

	"github.com/coordvn/coord/pkg/cmd/root"
	"github.com/coordvn/coord/pkg/cmdutil"
	_ "time/tzdata" // Windows PCs have no zoneinfo: embed it
)

func main() {
	// A run is short and its records are many small allocations: without GOGC or GOMEMLIMIT set, garbage is
	// collected only when the heap nears 1 GiB. A merge of 10,000 items (some 200 MB) then never stops to
	// collect, and a check of 100,000 records stays near 1 GiB (it peaks at 0.8-1.2 GB collecting as usual).
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(1 << 30)
	}
	os.Exit(root.Main(cmdutil.New(), os.Args[1:]))
}
