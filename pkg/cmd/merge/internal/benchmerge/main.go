// Command benchmerge times the coord binary's `coord merge --quarter 2026-Q3` end to end (process start,
// loading, every rule, joint merge, conflicts, writing the consolidated record) on the quarter of
// synth.WriteQuarter (10,000 items, 300 leaders) in a data repo that also holds 100,000 other records. It
// times a first merge (no consolidated record yet) and a re-merge (the previous record read back for its
// sequences and adjustments). Run by `make bench`:
//
//	go run ./pkg/cmd/merge/internal/benchmerge -coord bin/coord [-records 100000] [-rounds 9]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"

	"github.com/coordvn/coord/pkg/datarepo/synth"
)

func main() {
	coord := flag.String("coord", "bin/coord", "the coord binary")
	records := flag.Int("records", 100000, "other records in the data repo")
	items := flag.Int("items", 10000, "items in the quarter")
	people := flag.Int("people", 300, "leaders")
	rounds := flag.Int("rounds", 9, "runs timed per case")
	flag.Parse()
	if err := run(*coord, *records, *items, *people, *rounds); err != nil {
		fmt.Fprintln(os.Stderr, "benchmerge:", err)
		os.Exit(1)
	}
}

func run(coord string, records, items, people, rounds int) error {
	bin, err := filepath.Abs(coord)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "coord-bench-merge-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := synth.Write(dir, records, 1); err != nil {
		return err
	}
	if err := synth.WriteQuarter(dir, items, people); err != nil {
		return err
	}
	consolidated := filepath.Join(dir, "consolidated", "2026", "Q3.yaml")
	merge := func() (time.Duration, error) {
		cmd := exec.Command(bin, "merge", "--quarter", "2026-Q3", "--no-commit", "--as-of", "2026-06-15", "-C", dir)
		cmd.Env = append(os.Environ(), "COORD_CONFIG="+filepath.Join(dir, "none.yaml"))
		t := time.Now()
		out, err := cmd.CombinedOutput()
		d := time.Since(t)
		if _, serr := os.Stat(consolidated); serr != nil {
			return 0, fmt.Errorf("merge wrote no record: %v\n%s", err, out)
		}
		return d, nil // exit 1 is expected: the quarter holds double bookings
	}
	if _, err := merge(); err != nil { // warm the file cache
		return err
	}
	var first, again []time.Duration
	for i := 0; i < rounds; i++ {
		os.Remove(consolidated)
		d, err := merge()
		if err != nil {
			return err
		}
		first = append(first, d)
		if d, err = merge(); err != nil {
			return err
		}
		again = append(again, d)
	}
	st, _ := os.Stat(consolidated)
	fmt.Printf("repo: %d other records, quarter of %d items and %d leaders; consolidated record %.1f MB\n", records, items, people, float64(st.Size())/1e6)
	fmt.Printf("coord merge, first merge: median %s (min %s, max %s) over %d runs (target < 0.5 s)\n", median(first), minOf(first), maxOf(first), rounds)
	fmt.Printf("coord merge, re-merge:    median %s (min %s, max %s)\n", median(again), minOf(again), maxOf(again))
	return nil
}

func sorted(ds []time.Duration) []time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s
}
func median(ds []time.Duration) time.Duration { return sorted(ds)[len(ds)/2].Round(time.Millisecond) }
func minOf(ds []time.Duration) time.Duration  { return sorted(ds)[0].Round(time.Millisecond) }
func maxOf(ds []time.Duration) time.Duration  { return sorted(ds)[len(ds)-1].Round(time.Millisecond) }
