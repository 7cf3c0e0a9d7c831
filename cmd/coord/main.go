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
	gcSettings()
	os.Exit(root.Main(cmdutil.New(), os.Args[1:]))
}

// gcSettings: the collector lets the heap grow to three times what is live (GOGC=200) below a soft limit of
// 600 MiB, unless GOGC or GOMEMLIMIT in the environment say otherwise. Side by side on 2026-12-05 (2-core Xeon
// VM, quiet; coord check reading the repo part by part, warm parse cache): on 100,000 records Go's default took
// 1.42 s and 133-143 MiB, GOGC=200 1.25 s and 183 MiB, GOGC=200 with the limit 1.30 s and 166 MiB; on
// 1,000,000 records the default took 14.0 s and 586 MiB, GOGC=200 12.4 s and 900-975 MiB, GOGC=200 with the
// limit 12.7 s and 625 MiB. A repo whose live heap outgrows the limit makes the collector run more often (Go
// caps it at half the CPU); an earlier setting, no collection at all below 1 GiB, took 1.76x the time on
// 200,000 records when the whole repo was read at once (that check peaked at 1 GiB; it is 5 times smaller now).
func gcSettings() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(600 << 20)
	}
}
