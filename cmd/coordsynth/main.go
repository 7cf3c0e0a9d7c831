// Command coordsynth writes a synthetic data repo to try coord at scale: the example province's settings,
// registry and programmes, and N records of every other kind spread over ten years (pkg/datarepo/synth),
// deterministic from the seed.
//
//	coordsynth --records 100000 --seed 1 --out /tmp/tinh
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/datarepo/synth"
)

func main() {
	records := flag.Int("records", 100000, "how many records (documents, conclusions, petitions) to write")
	seed := flag.Int64("seed", 1, "the seed: the same seed writes the same repo")
	out := flag.String("out", "", "the folder to write (must not exist, or be empty)")
	flag.Parse()
	if *out == "" || *records < 0 {
		fmt.Fprintln(os.Stderr, "coordsynth: --out DIR is required; --records must be 0 or more")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "coordsynth: %s is not empty\n", *out)
		os.Exit(2)
	}
	if err := synth.Write(*out, *records, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "coordsynth:", err)
		os.Exit(1)
	}
	// The example's programmes, so that the schedule rules have work too.
	if err := examples.WriteProvince(*out, "programmes/"); err != nil {
		fmt.Fprintln(os.Stderr, "coordsynth:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d records into %s\n", *records, *out)
}
