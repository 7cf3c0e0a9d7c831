package record

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
)

// Validator checks a record's tree against the schema of its kind and returns schema findings (File unset).
type Validator func(kind string, root *yaml.Node) []finding.Finding

// schemas are the embedded schemas of every kind: compiled for the general validator, as JSON documents (for
// the allowed names a finding lists), and compiled for the fast check.
type schemas struct {
	raw  map[string]any
	fast map[string]*fastSchema

	once     sync.Once // the general validator is compiled when a record first needs it
	compiled map[string]*jsonschema.Schema
	err      error
}

// general returns the schemas compiled for the general validator.
func (s *schemas) general() (map[string]*jsonschema.Schema, error) {
	s.once.Do(func() { s.compiled, s.err = schema.Compile() })
	return s.compiled, s.err
}

// loadSchemas reads the embedded schemas once for the process: coord check builds a validator for each part
// of the repo it reads, and the general validator, when some record needs it, is then compiled once too.
var loadSchemas = sync.OnceValues(readSchemas)

func readSchemas() (*schemas, error) {
	s := &schemas{raw: map[string]any{}, fast: map[string]*fastSchema{}}
	for _, k := range Kinds {
		b, ok := schema.Raw(k)
		if !ok {
			return nil, fmt.Errorf("no schema for kind %q", k)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, err
		}
		s.raw[k] = doc
		s.fast[k] = compileFast(doc)
	}
	return s, nil
}

// NewValidator reads the embedded schemas; the general validator is compiled once, when the fast check first
// leaves a record to it (most runs on valid records never need it).
func NewValidator() (Validator, error) {
	s, err := loadSchemas()
	if err != nil {
		return nil, err
	}
	raw, fast := s.raw, s.fast
	return func(k string, root *yaml.Node) []finding.Finding {
		if fast[k] == nil {
			return nil
		}
		if fast[k].check(root) == triValid {
			return nil
		}
		compiled, err := s.general()
		if err != nil {
			return []finding.Finding{{Rule: "schema", Severity: finding.Error, Pos: finding.Pos{Line: root.Line, Column: root.Column},
				Msg: i18n.M("schema.other", err.Error())}}
		}
		sch := compiled[k]
		if sch == nil {
			return nil
		}
		err = sch.Validate(ToJSON(root, nil, nil))
		if err == nil {
			return nil
		}
		// Only a failing record pays for the pointer-to-node map that gives findings their lines.
		nodes := map[string]*yaml.Node{}
		ToJSON(root, nil, func(p string, n *yaml.Node) { nodes[p] = n })
		ve, ok := err.(*jsonschema.ValidationError)
		if !ok {
			return []finding.Finding{{Rule: "schema", Severity: finding.Error, Pos: finding.Pos{Line: root.Line, Column: root.Column},
				Msg: i18n.M("schema.other", err.Error())}}
		}
		var out []finding.Finding
		seen := map[string]bool{}
		for _, leaf := range leaves(ve) {
			fd := describe(leaf, nodes, raw[k])
			key := fmt.Sprint(fd.Line, fd.Column, fd.Msg.Key, fd.Msg.Args)
			if !seen[key] {
				seen[key] = true
				out = append(out, fd)
			}
		}
		finding.Sort(out)
		return out
	}, nil
}

// leaves flattens the error tree to the errors that say something concrete.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// FieldPath writes an instance location the way a clerk reads it: items[3].chair[0] (the record itself when
// empty, in the reader's language).
func FieldPath(loc []string) any {
	if len(loc) == 0 {
		return i18n.M("schema.root")
	}
	return fieldPath(loc)
}

func fieldPath(loc []string) string {
	var b strings.Builder
	for _, p := range loc {
		if _, err := strconv.Atoi(p); err == nil {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

func describe(e *jsonschema.ValidationError, nodes map[string]*yaml.Node, rawSchema any) finding.Finding {
	ptr := pointer(e.InstanceLocation)
	n := nodes[ptr]
	fd := finding.Finding{Rule: "schema", Severity: finding.Error}
	if n != nil {
		fd.Line, fd.Column = n.Line, n.Column
	}
	field := FieldPath(e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		fd.Msg = i18n.M("schema.required", field, strings.Join(k.Missing, ", "))
	case *kind.AdditionalProperties:
		names := append([]string(nil), k.Properties...)
		sort.Strings(names)
		name := names[0]
		if n != nil {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == name {
					fd.Line, fd.Column = n.Content[i].Line, n.Content[i].Column
				}
			}
		}
		allowed := allowedProps(rawSchema, e.SchemaURL)
		m := vntext.NewMatcher()
		for _, a := range allowed {
			m.Add(a)
		}
		if s := m.Suggest(name, 1); len(s) > 0 {
			fd.Msg = i18n.M("schema.unknown_hint", strings.Join(names, ", "), field, s[0])
		} else {
			fd.Msg = i18n.M("schema.unknown", strings.Join(names, ", "), field, strings.Join(allowed, ", "))
		}
	case *kind.Type:
		want := make([]any, 0, len(k.Want))
		for _, w := range k.Want {
			want = append(want, i18n.M("schema.type."+w))
		}
		wantMsg := i18n.M("schema.type." + k.Want[0])
		if len(want) > 1 {
			wantMsg = i18n.M("schema.or", want[0], want[1])
		}
		fd.Msg = i18n.M("schema.type", field, i18n.M("schema.type."+k.Got), wantMsg)
	case *kind.Enum:
		var ws []string
		for _, w := range k.Want {
			ws = append(ws, fmt.Sprint(w))
		}
		fd.Msg = i18n.M("schema.enum", field, fmt.Sprint(k.Got), strings.Join(ws, ", "))
		m := vntext.NewMatcher()
		for _, w := range ws {
			m.Add(w)
		}
		if s := m.Suggest(fmt.Sprint(k.Got), 1); len(s) > 0 {
			fd.Msg = i18n.M("schema.enum_hint", field, fmt.Sprint(k.Got), s[0])
		}
	case *kind.Const:
		fd.Msg = i18n.M("schema.const", field, fmt.Sprint(k.Want))
	case *kind.Pattern:
		fd.Msg = i18n.M("schema.pattern", field, k.Got, patternHint(k.Want, k.Got))
	case *kind.MinLength:
		fd.Msg = i18n.M("schema.empty", field)
	case *kind.MinItems:
		fd.Msg = i18n.M("schema.min_items", field, k.Want)
	case *kind.Minimum:
		fd.Msg = i18n.M("schema.range", field, k.Got.RatString(), i18n.M("schema.min", k.Want.RatString()))
	case *kind.Maximum:
		fd.Msg = i18n.M("schema.range", field, k.Got.RatString(), i18n.M("schema.max", k.Want.RatString()))
	default:
		fd.Msg = i18n.M("schema.other", fmt.Sprintf("%v: %s", field, e.ErrorKind.LocalizedString(nil)))
	}
	return fd
}

// The forms of ids and codes (schema/*.schema.json, $defs slug, code, petitionId).
const (
	slugPattern = `^[a-z0-9][a-z0-9-]*$`
	codePattern = `^[A-Z][A-Z0-9-]*$`
)

// patternHint shows the expected form for the patterns clerks meet: in words, with the id or code the value
// would be when there is one ("Họp BTV tháng 7" → hop-btv-thang-7).
func patternHint(p, got string) any {
	switch {
	case p == slugPattern:
		if s := strings.ReplaceAll(vntext.Key(got), " ", "-"); s != "" && slugRe.MatchString(s) {
			return i18n.M("gate.hint.slug_like", s)
		}
		return i18n.M("gate.hint.slug")
	case p == codePattern:
		if s := strings.ToUpper(strings.ReplaceAll(vntext.Key(got), " ", "-")); s != "" && codeRe.MatchString(s) {
			return i18n.M("gate.hint.code_like", s)
		}
		return i18n.M("gate.hint.code")
	case strings.HasSuffix(p, `-[0-9]{4}-[0-9]+$`):
		return i18n.M("gate.hint.petition_id")
	case strings.Contains(p, "[0-9]{4}-[0-9]{2}-[0-9]{2}"):
		return "YYYY-MM-DD (2026-07-03)"
	case strings.Contains(p, "Q[1-4]"):
		return "2026, 2026-Q3, 2026-07, 2026-W27"
	case strings.Contains(p, ":[0-9]{2}-"):
		return "HH:MM-HH:MM (07:30-11:30)"
	}
	return p
}

var (
	slugRe = regexp.MustCompile(slugPattern)
	codeRe = regexp.MustCompile(codePattern)
)

// allowedProps reads the property names of the object whose additionalProperties failed.
func allowedProps(doc any, schemaURL string) []string {
	_, frag, _ := strings.Cut(schemaURL, "#")
	parts := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	if len(parts) > 0 && parts[len(parts)-1] == "additionalProperties" {
		parts = parts[:len(parts)-1]
	}
	cur := doc
	for _, p := range parts {
		if p == "" {
			continue
		}
		p = strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
		switch v := cur.(type) {
		case map[string]any:
			cur = v[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	m, _ := cur.(map[string]any)
	props, _ := m["properties"].(map[string]any)
	var out []string
	for k := range props {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
