// Command coordsynth writes a synthetic data repo to try coord at scale: the example province's settings and
// registry, and ten years of its work — documents, conclusions and petitions (N records), the three offices'
// programmes of every quarter, the consolidated record of every past quarter — with the git history their
// submissions left (one commit per record, at its date, by a clerk of its office). The same seed writes the
// same files and the same commits (pkg/datarepo/synth).
//
//	coordsynth --records 100000 --seed 1 --out /tmp/tinh
//	cd /tmp/tinh && coord check --as-of 2026-06-15
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/coordvn/coord/pkg/datarepo/synth"
)

func main() {
	records := flag.Int("records", 100000, "how many documents, conclusions and petitions to write")
	seed := flag.Int64("seed", 1, "the seed: the same seed writes the same repo and the same history")
	out := flag.String("out", "", "the folder to write (must not exist, or be empty)")
	history := flag.Bool("git", true, "make the folder a git repository with the history of the submissions (needs git)")
	flag.Parse()
	if *out == "" || *records < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: coordsynth --records N [--seed S] [--git=false] --out DIR")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "coordsynth: %s is not empty\n", *out)
		os.Exit(2)
	}
	t := time.Now()
	if err := synth.WriteRepo(*out, *records, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "coordsynth:", err)
		os.Exit(1)
	}
	if *history {
		if err := synth.History(*out, os.Environ()); err != nil {
			fmt.Fprintln(os.Stderr, "coordsynth:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("wrote %d records, ten years of programmes and consolidated records into %s in %s\n", *records, *out, time.Since(t).Round(time.Second))
}
