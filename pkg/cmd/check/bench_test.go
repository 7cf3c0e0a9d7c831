package check

import (
	"bytes"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo/synth"
)

// BenchmarkCheck checks a synthetic repo of COORD_BENCH_RECORDS records (default 100,000: ten years of a
// large province) end to end: walk, read, decode, schema, every rule. Run by `make bench`.
func BenchmarkCheck(b *testing.B) {
	n := 100000
	if s := os.Getenv("COORD_BENCH_RECORDS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := b.TempDir()
	if err := synth.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		f := cmdutil.New()
		f.Out, f.Err = &out, &out
		f.Getwd = func() (string, error) { return dir, nil }
		f.Now = func() time.Time { return time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC) }
		f.V.Set("lang", "en")
		err := Run(&Options{F: f, Format: "json"})
		if err != nil && cmdutil.Code(err) != cmdutil.ExitFindings {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(n), "records")
			if out.Len() > 2000 {
				b.Logf("findings: %.2000s", out.String())
			} else {
				b.Logf("findings: %s", out.String())
			}
		}
	}
}
