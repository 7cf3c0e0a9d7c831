// Package vntext owns Vietnamese text handling: Unicode NFC, and a matching key that ignores case,
// diacritics and tone-mark placement ("Tỉnh uỷ" = "Tỉnh ủy" = "tinh uy"), used to resolve free-text
// places, suggest "did you mean", and search. It knows nothing of records.
package vntext

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string { return norm.NFC.String(s) }

// IsNFC reports whether s is already in NFC.
func IsNFC(s string) bool { return norm.NFC.IsNormalString(s) }

// Fold is s in lower case with its diacritics and tone marks dropped (so their placement cannot matter) and
// đ as d; everything else is kept. Key builds on it, and so does the blind index's reading of a name
// (petition.NormalName).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	// Lower case first, then decompose: a capital whose lower case decomposes (Ї -> ї -> і + ̈) still folds
	// to the same as its lower case, and invalid bytes become a space.
	for _, r := range norm.NFD.String(strings.ToLower(strings.ToValidUTF8(s, " "))) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Key folds s for matching: Fold, then every run of non-letters and non-digits collapsed to one space,
// trimmed.
func Key(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// Matcher resolves names (and aliases) to ids by Key.
type Matcher struct {
	byKey map[string]string
	names map[string][]string // id -> names, for suggestions
	ids   []string
}

// NewMatcher returns an empty Matcher.
func NewMatcher() *Matcher {
	return &Matcher{byKey: map[string]string{}, names: map[string][]string{}}
}

// Add registers id under its names; the id itself also matches. The first registration of a key wins.
func (m *Matcher) Add(id string, names ...string) {
	if _, seen := m.names[id]; !seen {
		m.ids = append(m.ids, id)
	}
	for _, n := range append([]string{id}, names...) {
		k := Key(n)
		if k == "" {
			continue
		}
		if _, ok := m.byKey[k]; !ok {
			m.byKey[k] = id
		}
		m.names[id] = append(m.names[id], n)
	}
}

// Lookup returns the id whose id, name or alias equals text after folding.
func (m *Matcher) Lookup(text string) (string, bool) {
	id, ok := m.byKey[Key(text)]
	return id, ok
}

// Suggest returns up to max ids whose id or names are closest to text, best first; none if nothing is close.
func (m *Matcher) Suggest(text string, max int) []string {
	k := Key(text)
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	for _, id := range m.ids {
		best := -1
		for _, n := range m.names[id] {
			nk := Key(n)
			d := Distance(k, nk)
			limit := len([]rune(nk))/3 + 1
			if limit > 4 {
				limit = 4
			}
			if d <= limit && (best < 0 || d < best) {
				best = d
			}
			// a typed prefix of a long name ("hoi truong ubnd") is also a good hint
			if best < 0 && len(k) >= 4 && strings.Contains(nk, k) {
				best = 5
			}
		}
		if best >= 0 {
			cs = append(cs, cand{id, best})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].id < cs[j].id
	})
	var out []string
	for i := 0; i < len(cs) && i < max; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

// Distance is the Levenshtein distance between a and b, in runes. Inputs longer than 256 runes are
// compared on their first 256 runes to bound the cost on hostile input.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 256 {
		ra = ra[:256]
	}
	if len(rb) > 256 {
		rb = rb[:256]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
