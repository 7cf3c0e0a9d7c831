// Package search owns `coord find`: text looked up across the values of every record, insensitive to case,
// diacritics and tone-mark placement ("hoà" = "hòa" = "hoa", "Thuý" = "thúy"), whole words at a time. It
// searches only what is in clear: a petition's sealed identity and its blind index are never read, so a search
// can neither print nor confirm who a petitioner is. It reads decoded records and writes nothing.
package search

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
	"go.yaml.in/yaml/v3"
)

// Hit is one value that matches.
type Hit struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Kind   string `json:"kind"`  // the record's kind
	Field  string `json:"field"` // where in the record: "tasks[1].content"
	Text   string `json:"text"`  // the value as written
}

// inClear lists, for a kind that holds what must not be searched, the top-level fields that are in clear: a
// petition is searched in these alone, never in its sealed identity, its blind index (a hash of the identity:
// a match would confirm a guess) or a field the schema does not know (where a clerk may have typed a name).
// A petition's value that looks like a citizen ID or a phone number (petition.FindNumbers, as the
// petition/plaintext rule reads them) is not searched either.
var inClear = map[string]map[string]bool{
	record.KindPetition: {"id": true, "office": true, "type": true, "attempt": true, "complex": true, "received": true,
		"channel": true, "people": true, "subject": true, "locality": true, "status": true, "history": true},
}

// Query is a folded search text.
type Query struct{ key string }

// NewQuery folds text (vntext.Key); ok is false when nothing searchable is left (only spaces or punctuation).
func NewQuery(text string) (Query, bool) {
	k := vntext.Key(text)
	return Query{key: k}, k != ""
}

// Match reports whether the query's words appear, in order and whole, in s after folding: "quy hoạch" matches
// "Điều chỉnh Quy hoạch tỉnh", "hoà" matches "hòa", but "an" does not match "ban".
func (q Query) Match(s string) bool {
	if q.key == "" {
		return false
	}
	return strings.Contains(" "+vntext.Key(s)+" ", " "+q.key+" ")
}

// Find returns the hits of q in the repo's records, kinds limited to those of kinds (none: all), by file and
// position.
func Find(r *datarepo.Repo, q Query, kinds []string) []Hit {
	var out []Hit
	for _, f := range r.Files {
		if f.Root == nil || len(kinds) > 0 && !slices.Contains(kinds, f.Kind) {
			continue
		}
		allow := inClear[f.Kind]
		walk(f.Root, "", allow, func(field string, n *yaml.Node) {
			if allow != nil && len(petition.FindNumbers(n.Value)) > 0 {
				return
			}
			if q.Match(n.Value) {
				out = append(out, Hit{File: f.Path, Line: n.Line, Column: n.Column, Kind: f.Kind, Field: field, Text: n.Value})
			}
		})
	}
	return out
}

// walk calls fn on every scalar value under n with its field path; with allow, only those top-level keys are
// entered.
func walk(n *yaml.Node, field string, allow map[string]bool, fn func(string, *yaml.Node)) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if field == "" && allow != nil && !allow[k] {
				continue
			}
			sub := k
			if field != "" {
				sub = field + "." + k
			}
			walk(n.Content[i+1], sub, nil, fn)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walk(c, field+"["+strconv.Itoa(i)+"]", nil, fn)
		}
	case yaml.ScalarNode:
		fn(field, n)
	}
}

// maxText is how much of a long value a line of text output shows, in runes.
const maxText = 120

// WriteText writes one line per hit: file:line:column, kind, field, the value (cut after maxText runes, with
// control characters made visible).
func WriteText(w io.Writer, hits []Hit) error {
	var b strings.Builder
	for _, h := range hits {
		text := h.Text
		if utf8.RuneCountInString(text) > maxText {
			text = string([]rune(text)[:maxText]) + "…"
		}
		fmt.Fprintf(&b, "%s:%d:%d\t%s\t%s\t%s\n", finding.Visible(h.File), h.Line, h.Column, h.Kind, h.Field, finding.Visible(text))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the hits for scripts.
func WriteJSON(w io.Writer, hits []Hit) error {
	if hits == nil {
		hits = []Hit{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Hits []Hit `json:"hits"`
	}{hits})
}
