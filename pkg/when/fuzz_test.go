package when

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
)

// FuzzParse: Parse never panics, fails only with catalog errors, and a parsed span renders to canonical text
// that parses back to the same span; Normalize accepts it and keeps its meaning.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	for _, c := range parseErrCases {
		if utf8.RuneCountInString(c.in) < 300 {
			f.Add(c.in)
		}
	}
	p := DefaultPolicy(nil)
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := Parse(s, p)
		if err != nil {
			var ie *i18n.Error
			if !errors.As(err, &ie) || !i18n.Has(ie.Key) {
				t.Fatalf("Parse(%q): error %v is not a catalog error", s, err)
			}
			return
		}
		if !sp.End.After(sp.Start) {
			t.Fatalf("Parse(%q): empty span %v..%v", s, sp.Start, sp.End)
		}
		c := sp.Canonical()
		again, err := Parse(c, p)
		if err != nil {
			t.Fatalf("Parse(%q) canonical %q does not parse: %v", s, c, err)
		}
		if !again.Equal(sp) || again.Canonical() != c {
			t.Fatalf("Parse(%q): canonical %q parses to %+v, want %+v", s, c, again, sp)
		}
		if n := len(sp.Days()); n < 1 || n > maxDays+1 {
			t.Fatalf("Parse(%q): %d days", s, n)
		}
		out, err := Normalize(s, 0)
		if err != nil {
			t.Fatalf("Normalize(%q) of a valid when: %v", s, err)
		}
		norm, err := Parse(out, p)
		if err != nil || !norm.Start.Equal(sp.Start) || !norm.End.Equal(sp.End) {
			t.Fatalf("Normalize(%q) = %q changes the meaning (%v)", s, out, err)
		}
	})
}

// FuzzNormalize: Normalize never panics, fails only with catalog errors, and its output parses under the
// default policy and is a fixed point of Normalize (with or without a default year).
func FuzzNormalize(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c.in, c.year)
	}
	for _, c := range normalizeErrCases {
		if utf8.RuneCountInString(c.in) < 300 {
			f.Add(c.in, c.year)
		}
	}
	for _, c := range parseCases {
		f.Add(c.in, 2026)
	}
	p := DefaultPolicy(nil)
	f.Fuzz(func(t *testing.T, s string, year int) {
		out, err := Normalize(s, year)
		if err != nil {
			var ie *i18n.Error
			if !errors.As(err, &ie) || !i18n.Has(ie.Key) {
				t.Fatalf("Normalize(%q, %d): error %v is not a catalog error", s, year, err)
			}
			return
		}
		if _, err := Parse(out, p); err != nil {
			t.Fatalf("Normalize(%q, %d) = %q does not parse: %v", s, year, out, err)
		}
		for _, y := range []int{0, year} {
			again, err := Normalize(out, y)
			if err != nil || again != out {
				t.Fatalf("Normalize(%q, %d) = %q, but Normalize(%q, %d) = %q, %v", s, year, out, out, y, again, err)
			}
		}
	})
}
