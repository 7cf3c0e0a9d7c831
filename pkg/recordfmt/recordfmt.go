// Package recordfmt writes a record canonically, as `coord fmt` rewrites it and `coord submit` places it:
// NFC text, canonical `when` (the dates and times clerks type, like "Sáng 03/7/2026" or "14h30", become
// "2026-07-03 sáng", "14:30"), ISO dates, key order, the schema comment editors use, LF line ends.
package recordfmt

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"go.yaml.in/yaml/v3"
)

// Format returns the canonical bytes of the record at path (rel: its repo path, for the schema comment),
// or the problems that stop it from being rewritten (YAML errors, a `when` no form matches). maxBytes is
// the records' size limit (policy.max_file_bytes; 0: record.DefaultMaxBytes): a file over it is not read,
// and a canonical form over it is refused — the encoder writes some valid text as escapes ("😀" becomes
// "\U0001F600"), and coord never writes a record its own loader would refuse. A symlink or a special file
// (a FIFO, a device) is refused without being followed or opened.
func Format(path, rel string, maxBytes int64) ([]byte, []Problem, error) {
	if maxBytes <= 0 {
		maxBytes = record.DefaultMaxBytes
	}
	st, err := os.Lstat(path)
	if err != nil {
		return nil, nil, err
	}
	if msg, bad := datarepo.Irregular(st.Mode()); bad {
		return nil, nil, &i18n.Error{Msg: msg, Kind: i18n.KindRefused}
	}
	if st.Size() > maxBytes {
		return nil, nil, i18n.Errorf("record.too_big", st.Size(), maxBytes)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, maxBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > maxBytes {
		return nil, nil, i18n.Errorf("record.too_big", len(data), maxBytes)
	}
	out, probs, err := FormatBytes(data, rel)
	if err == nil && int64(len(out)) > maxBytes {
		return nil, nil, i18n.Refusef("gate.fmt.too_big", len(out), maxBytes)
	}
	return out, probs, err
}

// Problem is what stops a record from being rewritten: a YAML error, or a `when` no form matches.
type Problem struct {
	Line int
	Msg  i18n.Msg
}

// FormatBytes is Format on bytes.
func FormatBytes(data []byte, rel string) ([]byte, []Problem, error) {
	f := record.Decode(rel, data, nil)
	var probs []Problem
	for _, p := range f.Problems {
		if p.Rule == "yaml" || (p.Rule == "schema" && f.Root == nil) {
			probs = append(probs, Problem{p.Line, p.Msg})
		}
	}
	if len(probs) > 0 || f.Root == nil {
		return nil, probs, nil
	}
	year := 0
	if pn := field(f.Root, "period"); pn != nil {
		if p, err := period.Parse(pn.Value); err == nil {
			year = p.Year
		}
	}
	// when: in items and adjustments
	for _, list := range []string{"items", "adjustments"} {
		seq := field(f.Root, list)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range seq.Content {
			w := field(it, "when")
			if w == nil || w.Kind != yaml.ScalarNode || w.Value == "" {
				continue
			}
			canon, err := when.Normalize(w.Value, year)
			if err != nil {
				probs = append(probs, Problem{w.Line, i18n.M("rule.when.invalid", w.Value, err)})
				continue
			}
			w.Value, w.Style, w.Tag = canon, 0, ""
		}
	}
	if len(probs) > 0 {
		return nil, probs, nil
	}
	fixDates(f.Root, "")
	// The comment above the first key is the file's header: it stays on top whatever key comes first.
	header := ""
	if len(f.Root.Content) > 0 {
		header, f.Root.Content[0].HeadComment = f.Root.Content[0].HeadComment, ""
	}
	record.SortKeys(f.Kind, f.Root)
	header = withSchemaComment(f, rel, header)
	if len(f.Root.Content) > 0 {
		f.Root.Content[0].HeadComment = joinComments(header, f.Root.Content[0].HeadComment)
	}
	out, err := record.Encode(f.Doc)
	if err != nil {
		return nil, nil, err
	}
	return out, nil, nil
}

func field(m *yaml.Node, key string) *yaml.Node { return record.ValueOf(m, key) }

var dmy = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

var dateKeys = map[string]bool{"date": true, "received": true, "issued": true, "due": true, "from": true, "to": true}

// fixDates rewrites day-first dates (03/7/2026) in date fields as ISO dates (2026-07-03).
func fixDates(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			fixDates(n.Content[i+1], n.Content[i].Value)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			fixDates(c, "")
		}
	case yaml.ScalarNode:
		if !dateKeys[key] {
			return
		}
		if m := dmy.FindStringSubmatch(strings.TrimSpace(n.Value)); m != nil {
			d, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 {
				n.Value = fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
				n.Style, n.Tag = 0, ""
			}
		}
	}
}

// withSchemaComment puts the yaml-language-server line first in the header, so editors validate as clerks type.
func withSchemaComment(f *record.File, rel, header string) string {
	if rel == "" || f.Kind == "" || strings.Contains(header, "yaml-language-server") || strings.Contains(f.Doc.HeadComment, "yaml-language-server") {
		return header
	}
	line := "# yaml-language-server: $schema=" + strings.Repeat("../", strings.Count(rel, "/")) + "schema/" + f.Kind + ".schema.json"
	if f.Doc.HeadComment != "" {
		// the file opens with a comment block separated by a blank line: the schema line goes above it
		f.Doc.HeadComment = line + "\n" + f.Doc.HeadComment
		return header
	}
	return joinComments(line, header)
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}
