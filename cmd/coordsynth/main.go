// Command coordsynth writes a synthetic data repo to try coord at scale: the example province's settings,
// registry and programmes, and N records of every other kind spread over ten years (pkg/datarepo/synth),
// deterministic from the seed.
//
//	coordsynth --records 100000 --seed 1 --out /tmp/tinh
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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
	err := fs.WalkDir(examples.Province, "province/programmes", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := examples.Province.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(*out, filepath.FromSlash(strings.TrimPrefix(p, "province/")))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "coordsynth:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d records into %s\n", *records, *out)
}
