package search

import (
	"testing"

	"github.com/coordvn/coord/pkg/vntext"
)

// Any query against any text: never a panic; a query always matches the text it was made from (after NFC,
// which records are in); and matching is symmetric in tone-mark placement.
func FuzzMatch(f *testing.F) {
	for _, s := range [][2]string{{"hoà", "hòa giải"}, {"THUÝ", "thúy"}, {"\xff", "a\xffb"}, {"an", "ban"}, {"1", "0912345678"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, query, text string) {
		q, ok := NewQuery(query)
		if !ok {
			return
		}
		_ = q.Match(text)
		if !q.Match(vntext.NFC(query)) {
			t.Errorf("%q does not match itself", query)
		}
		if !q.Match(text + " " + query + " " + text) {
			t.Errorf("%q not found amid %q", query, text)
		}
	})
}
