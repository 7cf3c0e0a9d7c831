// Package record owns the record formats of the data repo (settings, registry, programme, consolidated,
// conclusion, document, petition) and their decoding: bytes to a positioned YAML tree, checked against the
// kind's JSON Schema, then to Go values. Decoding never panics and never stops at the first problem: every
// problem becomes a finding with a line and column. It does not look at other records (rules do that).
package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/vntext"
	"go.yaml.in/yaml/v3"
)

// DefaultMaxBytes is the size above which a record file is refused unread (policy.max_file_bytes overrides).
const DefaultMaxBytes = 8 << 20

// maxDepth bounds nesting; records are shallow, so anything deeper is hostile or broken.
const maxDepth = 64

// File is one decoded record file.
type File struct {
	Path     string     // slash path relative to the repo root
	Kind     string     // the kind field ("" when unknown)
	Root     *yaml.Node // the top mapping (nil when the file did not parse)
	Doc      *yaml.Node // the document node holding Root and the file's comments
	Value    any        // *Programme, *Settings, … (nil when the kind is unknown or the file did not parse)
	Problems []finding.Finding
	Size     int
	Clean    bool // no yaml or schema error: the Value is complete and typed as the schema says
}

// Decode decodes one record file. validate checks the tree against the schema of its kind (nil skips that).
func Decode(path string, data []byte, validate Validator) *File {
	f := &File{Path: path, Size: len(data)}
	raw := data
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM is accepted (Windows editors write one)
	if bytes.IndexByte(data, '\r') >= 0 {
		// CRLF (and stray CR) become LF; line numbers are unchanged.
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if !f.checkBytes(data) {
		f.foreignEncoding(raw) // UTF-16, UTF-32, Windows-1258…: said as such, never converted
		return f
	}
	doc, extra, err := parseDoc(data)
	if err != nil {
		if errors.Is(err, io.EOF) {
			f.problem("schema", 1, 1, i18n.M("record.empty"))
			return f
		}
		line, col, msg := yamlErrorPos(err, data)
		f.problem("yaml", line, col, i18n.M("record.yaml", msg))
		return f
	}
	if extra != nil {
		f.problem("yaml", extra.Line, 1, i18n.M("record.multi_doc"))
		return f
	}
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null") {
		f.problem("schema", 1, 1, i18n.M("record.empty"))
		return f
	}
	root := doc.Content[0]
	if !f.walk(root, 0) {
		return f
	}
	if root.Kind != yaml.MappingNode {
		f.problem("schema", root.Line, root.Column, i18n.M("record.not_mapping"))
		return f
	}
	f.Root = root
	f.Doc = doc
	kindNode := ValueOf(root, "kind")
	if kindNode == nil {
		f.problem("schema", root.Line, root.Column, i18n.M("record.no_kind", strings.Join(Kinds, ", ")))
		return f
	}
	f.Kind = kindNode.Value
	target := newValue(f.Kind)
	if target == nil {
		f.problem("schema", kindNode.Line, kindNode.Column, i18n.M("record.bad_kind", kindNode.Value, strings.Join(Kinds, ", ")))
		f.Kind = ""
		return f
	}
	clean := true
	if validate != nil {
		for _, p := range validate(f.Kind, root) {
			p.File = path
			f.Problems = append(f.Problems, p)
			clean = false
		}
	}
	// Decode leniently: what can be read is still used by rules. A type error the schema could not see (an
	// integer too large for Go, say) is reported here, on its line.
	if err := root.Decode(target); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				line, msg := yamlErrorLine(errors.New(e))
				if !f.hasProblemAt(line) {
					f.problem("schema", line, 1, i18n.M("record.type", FieldPath(keyAt(root, line)), msg))
					clean = false
				}
			}
		}
	}
	if validate != nil {
		for _, n := range unknownNullKeys(f.Kind, root) {
			f.problem("schema", n.key.Line, n.key.Column, i18n.M("schema.unknown", n.key.Value, FieldPath(n.path), strings.Join(n.allowed, ", ")))
			clean = false
		}
	}
	f.Value = target
	f.Clean = clean && !f.hasErrors()
	return f
}

func (f *File) hasProblemAt(line int) bool {
	for _, p := range f.Problems {
		if p.Line == line && p.Severity == finding.Error {
			return true
		}
	}
	return false
}

func (f *File) hasErrors() bool {
	for _, p := range f.Problems {
		if p.Severity == finding.Error {
			return true
		}
	}
	return false
}

func (f *File) problem(rule string, line, col int, m i18n.Msg) {
	sev := finding.Error
	if rule == "text/nfc" {
		sev = finding.Warning
	}
	f.Problems = append(f.Problems, finding.Finding{Rule: rule, Severity: sev,
		Pos: finding.Pos{File: f.Path, Line: line, Column: col}, Msg: m})
}

// checkBytes reports invalid UTF-8, NUL bytes and control characters with their line and column.
func (f *File) checkBytes(data []byte) bool {
	line, col := 1, 1
	for i := 0; i < len(data); {
		if c := data[i]; c >= 0x20 && c < 0x7f { // the common case, without decoding a rune
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			f.problem("yaml", line, col, i18n.M("record.bad_utf8", i+1))
			return false
		case r == 0:
			f.problem("yaml", line, col, i18n.M("record.nul"))
			return false
		case r == '\n':
			line, col = line+1, 1
			i += size
			continue
		case r < 0x20 && r != '\t', r == 0x7f, r >= 0x80 && r < 0xa0, r == 0xfeff:
			f.problem("yaml", line, col, i18n.M("record.control", r))
			return false
		}
		i += size
		col++
	}
	return true
}

var yamlLineRe = regexp.MustCompile(`line (\d+):? ?(.*)`)

// yamlErrorPos places a YAML error: the parser's own line, corrected where yaml.v3 is off by one (its parser
// errors give a 0-based line), and the exact line and column of a tab used for indentation.
func yamlErrorPos(err error, data []byte) (int, int, string) {
	line, msg := yamlErrorLine(err)
	if strings.Contains(msg, "tab") {
		for i, l := range strings.Split(string(data), "\n") {
			indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
			if j := strings.IndexByte(indent, '\t'); j >= 0 {
				return i + 1, j + 1, msg
			}
		}
	}
	if strings.Contains(msg, "did not find expected") {
		line++
	}
	return line, 1, msg
}

// yamlErrorLine extracts the line the YAML parser names, and its message without the "yaml:" prefix.
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return max(n, 1), m[2]
	}
	return 1, msg
}

// walk refuses aliases, duplicate keys, non-scalar keys and deep nesting, and normalises text to NFC
// (reporting text/nfc). It returns false when the tree must not be used further.
func (f *File) walk(n *yaml.Node, depth int) bool {
	if depth > maxDepth {
		f.problem("yaml", n.Line, n.Column, i18n.M("record.too_deep", maxDepth))
		return false
	}
	switch n.Kind {
	case yaml.AliasNode:
		f.problem("yaml", n.Line, n.Column, i18n.M("record.alias"))
		return false
	case yaml.ScalarNode:
		if n.Style&yaml.TaggedStyle != 0 {
			f.problem("yaml", n.Line, n.Column, i18n.M("record.tag", n.Tag))
			return false
		}
		if !vntext.IsNFC(n.Value) {
			f.problem("text/nfc", n.Line, n.Column, i18n.M("record.nfc", short(n.Value)))
			n.Value = vntext.NFC(n.Value)
		}
		return true
	case yaml.MappingNode:
		if n.Style&yaml.TaggedStyle != 0 {
			f.problem("yaml", n.Line, n.Column, i18n.M("record.tag", n.Tag))
			return false
		}
		seen := map[string]*yaml.Node{}
		ok := true
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				f.problem("yaml", k.Line, k.Column, i18n.M("record.complex_key"))
				ok = false
				continue
			}
			key := vntext.NFC(k.Value)
			if k.Value == "<<" && k.Tag == "!!merge" {
				f.problem("yaml", k.Line, k.Column, i18n.M("record.alias"))
				return false
			}
			if first, dup := seen[key]; dup {
				f.Problems = append(f.Problems, finding.Finding{Rule: "yaml", Severity: finding.Error,
					Pos:     finding.Pos{File: f.Path, Line: k.Line, Column: k.Column},
					Msg:     i18n.M("record.dup_key", key, first.Line),
					Related: []finding.Pos{{File: f.Path, Line: first.Line, Column: first.Column}}})
				ok = false
			} else {
				seen[key] = k
			}
			if !f.walk(k, depth+1) || !f.walk(n.Content[i+1], depth+1) {
				return false
			}
		}
		return ok
	default:
		if n.Style&yaml.TaggedStyle != 0 {
			f.problem("yaml", n.Line, n.Column, i18n.M("record.tag", n.Tag))
			return false
		}
		for _, c := range n.Content {
			if !f.walk(c, depth+1) {
				return false
			}
		}
		return true
	}
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// ValueOf returns the value node of key in mapping m, or nil.
func ValueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func newValue(kind string) any {
	switch kind {
	case KindSettings:
		return &Settings{}
	case KindOffices:
		return &Offices{}
	case KindPeople:
		return &People{}
	case KindPlaces:
		return &Places{}
	case KindHolidays:
		return &Holidays{}
	case KindProgramme:
		return &Programme{}
	case KindConsolidated:
		return &Consolidated{}
	case KindConclusion:
		return &Conclusion{}
	case KindDocument:
		return &Document{}
	case KindPetition:
		return &Petition{}
	}
	return nil
}

// ToJSON converts a YAML tree to JSON values (map[string]any, []any, string, json.Number, bool, nil) for schema
// validation, calling at(pointer, node) for every node so errors can be mapped back to lines. Dates and other
// timestamps stay strings, as the clerk wrote them.
func ToJSON(n *yaml.Node, ptr []string, at func(ptr string, n *yaml.Node)) any {
	if at != nil {
		at(pointer(ptr), n)
	} else {
		ptr = nil // paths are only built for the callback
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
				continue // "note:" left empty means absent, not a null of the wrong type
			}
			m[k] = ToJSON(n.Content[i+1], append(ptr[:len(ptr):len(ptr)], k), at)
		}
		return m
	case yaml.SequenceNode:
		a := make([]any, len(n.Content))
		for i, c := range n.Content {
			a[i] = ToJSON(c, append(ptr[:len(ptr):len(ptr)], strconv.Itoa(i)), at)
		}
		return a
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil {
				return b
			}
		case "!!int":
			var i int64
			if n.Decode(&i) == nil {
				return json.Number(strconv.FormatInt(i, 10))
			}
			var u uint64
			if n.Decode(&u) == nil {
				return json.Number(strconv.FormatUint(u, 10))
			}
		case "!!float":
			var x float64
			if n.Decode(&x) == nil && !isNaNOrInf(x) {
				return json.Number(strconv.FormatFloat(x, 'g', -1, 64))
			}
		}
		return n.Value
	}
	return nil
}

func isNaNOrInf(x float64) bool { return x != x || x > 1e308 || x < -1e308 }

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func pointer(ptr []string) string {
	if len(ptr) == 0 {
		return ""
	}
	var b strings.Builder
	for _, p := range ptr {
		b.WriteByte('/')
		b.WriteString(pointerEscaper.Replace(p))
	}
	return b.String()
}
