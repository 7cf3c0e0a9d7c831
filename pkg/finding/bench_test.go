package finding

import (
	"fmt"
	"io"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
)

// manyFindings builds n findings spread over n/20 files, with Vietnamese messages and related locations,
// like a large repo's check.
func manyFindings(n int) []Finding {
	fs := make([]Finding, 0, n)
	rules := []string{"ref/person", "schema", "overlap/person", "text/nfc", "deadline/late"}
	sev := []Severity{Error, Error, Warning, Warning, Info}
	for i := 0; i < n; i++ {
		f := Finding{Rule: rules[i%5], Severity: sev[i%5],
			Pos: Pos{File: fmt.Sprintf("programmes/20%02d/Q%d/VP%04d.yaml", 16+i%10, 1+i%4, i/20), Line: 5 + i%300, Column: 1 + i%17},
			Msg: i18n.M("rule.ref.unknown", "người", fmt.Sprintf("nguyen-van-%d", i), i18n.M("rule.hint1", "nguyen-van-a"))}
		if i%3 == 0 {
			f.Related = []Pos{{File: f.File, Line: 2 + i%7, Column: 3}}
		}
		fs = append(fs, f)
	}
	Sort(fs)
	return fs
}

// BenchmarkWrite compares the cost of each format on 50,000 findings; text-tablewriter is the text layout
// as the tablewriter package printed it before issue 9 (about 12 s an operation: run it with -benchtime 1x).
func BenchmarkWrite(b *testing.B) {
	fs := manyFindings(50000)
	b.Run("text-tablewriter", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = tablewriterList(b, fs, i18n.VI)
		}
	})
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := Write(io.Discard, format, fs, Summary{Files: 2500, Records: 2500}, i18n.VI); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
