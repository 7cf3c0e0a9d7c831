package merge

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo/synth"
)

// benchRepo writes the quarter of synth.WriteQuarter (10,000 items, 300 leaders in the benchmarks). records > 0
// first fills the repo with that many synthetic documents, conclusions and petitions of ten years, which
// merge must not pay for.
func benchRepo(b *testing.B, items, people, records int) string {
	b.Helper()
	dir := b.TempDir()
	if records > 0 {
		if err := synth.Write(dir, records, 1); err != nil {
			b.Fatal(err)
		}
	}
	if err := synth.WriteQuarter(dir, items, people); err != nil {
		b.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil { // a clone's caches (.git/coord)
		b.Fatal(err)
	}
	return dir
}

func benchMerge(b *testing.B, again bool, records int) {
	dir := benchRepo(b, 10000, 300, records)
	run := func() string {
		var out, errs bytes.Buffer
		f := cmdutil.New()
		f.Out, f.Err = &out, &errs
		f.Getwd = func() (string, error) { return dir, nil }
		f.V.Set("as-of", "2026-06-15")
		err := Run(&Options{F: f, Quarter: "2026-Q3", Format: "json"})
		if err != nil && cmdutil.Code(err) != cmdutil.ExitFindings || !strings.Contains(errs.String(), "Đã ghi consolidated/2026/Q3.yaml") {
			b.Fatalf("%v\n%s", err, errs.String())
		}
		return errs.String()
	}
	msg := run() // warm the file cache; leaves a consolidated record for the re-merge variant
	b.Logf("%s", msg)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !again {
			b.StopTimer()
			os.Remove(filepath.Join(dir, "consolidated", "2026", "Q3.yaml"))
			b.StartTimer()
		}
		run()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/merge")
}

// BenchmarkMerge times `coord merge --quarter 2026-Q3` end to end (load, every rule on the period's files,
// joint merge, conflicts, the record written) on 10,000 items and 300 leaders. Target: under 0.5 s.
func BenchmarkMerge(b *testing.B) { benchMerge(b, false, 0) }

// BenchmarkMergeLargeRepo is BenchmarkMerge in a data repo that also holds 100,000 other records (the scale
// the README's benchmarks measure): merge reads the registry and the period's files only.
func BenchmarkMergeLargeRepo(b *testing.B) { benchMerge(b, false, 100000) }

// BenchmarkMergeAgain is the same with the previous consolidated record in place (re-merge: sequences and
// adjustments carried over from the record the last merge wrote, recalled by its blob id, not read again).
func BenchmarkMergeAgain(b *testing.B) { benchMerge(b, true, 0) }
