package consolidate

import (
	"bytes"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/par"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// Encode writes a consolidated record as coord writes records — the schema modeline first, keys in the
// order of the Go struct, two-space indentation, lists of ids in flow style — and byte for byte as go-yaml
// v3 would write it (a test holds the two together). It does not go through go-yaml for the document: its
// reflection and event queue cost some hundred microseconds per item, a second or more for a quarter of
// 10,000 items. Scalars go-yaml would quote in some unusual way (multi-line text, control characters,
// strings that read as numbers, dates or booleans) are still written by go-yaml, one by one.
func Encode(c *record.Consolidated) ([]byte, error) {
	w := &yamlWriter{}
	w.b.Grow(300*(len(c.Conflicts)+len(c.Adjustments)) + 4096)
	w.b.WriteString("# yaml-language-server: $schema=../../schema/consolidated.schema.json\n")
	w.str(0, "kind", c.Kind)
	w.str(0, "period", c.Period)
	w.str(0, "coordinator", c.Coordinator)
	w.str(0, "status", c.Status)
	if d := c.Decision; d != nil {
		w.key(0, "decision")
		w.b.WriteByte('\n')
		w.opt(2, "number", d.Number)
		w.str(2, "date", d.Date)
		w.opt(2, "by", d.By)
	}
	w.opt(0, "issued", c.Issued)
	w.opt(0, "number", c.Number)
	w.opt(0, "signer", c.Signer)
	if len(c.Sources) > 0 {
		w.key(0, "sources")
		w.b.WriteByte('\n')
		for _, s := range c.Sources {
			w.str(-4, "file", s.File)
			w.str(4, "office", s.Office)
			w.opt(4, "hash", s.Hash)
		}
	}
	w.key(0, "items")
	if len(c.Items) == 0 {
		w.b.WriteString(" []\n")
	} else {
		w.b.WriteByte('\n')
	}
	// Items are independent: large lists are written in pieces, one per core, then joined.
	head := w.b.Len()
	pieces := encodeItems(c.Items)
	if len(c.Conflicts) > 0 {
		w.key(0, "conflicts")
		w.b.WriteByte('\n')
		for _, k := range c.Conflicts {
			w.str(-4, "rule", k.Rule)
			w.str(4, "severity", k.Severity)
			w.opt(4, "subject", k.Subject)
			w.list(4, "items", k.Items, true)
			w.opt(4, "message", k.Message)
		}
	}
	if len(c.Adjustments) > 0 {
		w.key(0, "adjustments")
		w.b.WriteByte('\n')
		for _, a := range c.Adjustments {
			w.str(-4, "item", a.Item)
			w.str(4, "action", a.Action)
			w.opt(4, "when", a.When)
			w.opt(4, "place", a.Place)
			w.opt(4, "reason", a.Reason)
			w.opt(4, "by", a.By)
			w.opt(4, "date", a.Date)
		}
	}
	all := w.b.Bytes()
	n := len(all)
	for _, p := range pieces {
		n += len(p)
	}
	out := make([]byte, 0, n)
	out = append(out, all[:head]...)
	for _, p := range pieces {
		out = append(out, p...)
	}
	return append(out, all[head:]...), nil
}

type yamlWriter struct {
	b bytes.Buffer
	// The renderings of the scalars written so far: a quarter repeats its times, kinds, bodies, places and
	// people thousands of times, and deciding a scalar's style costs more than writing it.
	block map[blockKey]string
	flow  map[string]string
}

type blockKey struct {
	s      string
	indent int
}

func (w *yamlWriter) blockScalar(s string, indent int) string {
	k := blockKey{s, indent}
	if r, ok := w.block[k]; ok {
		return r
	}
	if w.block == nil {
		w.block = map[blockKey]string{}
	}
	r := blockScalar(s, indent)
	w.block[k] = r
	return r
}

func (w *yamlWriter) flowScalar(s string) string {
	if r, ok := w.flow[s]; ok {
		return r
	}
	if w.flow == nil {
		w.flow = map[string]string{}
	}
	r := flowScalar(s)
	w.flow[s] = r
	return r
}

// encodeItems writes the items list's entries, in order.
func encodeItems(items []record.MergedItem) [][]byte {
	n := runtime.GOMAXPROCS(0)
	if len(items) < 2000 || n < 2 {
		n = 1
	}
	per := (len(items) + n - 1) / max(n, 1)
	var pieces [][]byte
	var g par.Group
	for from := 0; from < len(items); from += per {
		k, items := len(pieces), items[from:min(from+per, len(items))]
		pieces = append(pieces, nil)
		g.Go("", func() {
			w := &yamlWriter{}
			w.b.Grow(512 * len(items)) // an item takes some 450 bytes
			for i := range items {
				par.Item(sourceOf(&items[i]), func() { w.item(&items[i]) })
			}
			pieces[k] = w.b.Bytes()
		})
	}
	g.MustWait()
	return pieces
}

// item writes one entry of the items list.
func (w *yamlWriter) item(it *record.MergedItem) {
	w.str(-4, "id", it.ID)
	w.str(4, "title", it.Title)
	w.str(4, "when", it.When)
	w.str(4, "kind", it.Kind)
	w.list(4, "bodies", it.Bodies, true)
	w.opt(4, "place", it.Place)
	w.opt(4, "locality", it.Locality)
	w.list(4, "chair", it.Chair, false)
	w.list(4, "attendees", it.Attendees, false)
	w.opt(4, "joint", it.Joint)
	if it.Tentative {
		w.key(4, "tentative")
		w.b.WriteString(" true\n")
	}
	w.opt(4, "note", it.Note)
	w.list(4, "offices", it.Offices, true)
	w.key(4, "origins")
	if len(it.Origins) == 0 {
		w.b.WriteString(" []\n")
	} else {
		w.b.WriteByte('\n')
	}
	for _, o := range it.Origins {
		w.str(-8, "file", o.File)
		w.str(8, "item", o.Item)
		w.str(8, "office", o.Office)
		w.opt(8, "when", o.When)
		w.opt(8, "place", o.Place)
	}
	if it.Sequence != 0 {
		w.key(4, "sequence")
		w.b.WriteByte(' ')
		w.b.WriteString(strconv.Itoa(it.Sequence))
		w.b.WriteByte('\n')
	}
	w.opt(4, "hash", it.Hash)
}

// key writes "key:" at indent; a negative indent starts a list entry whose key sits at -indent ("- key:").
func (w *yamlWriter) key(indent int, k string) {
	if indent < 0 {
		w.spaces(-indent - 2)
		w.b.WriteString("- ")
	} else {
		w.spaces(indent)
	}
	w.b.WriteString(k)
	w.b.WriteByte(':')
}

func (w *yamlWriter) spaces(n int) {
	for ; n > 0; n-- {
		w.b.WriteByte(' ')
	}
}

// str writes "key: value" (a string field without omitempty).
func (w *yamlWriter) str(indent int, k, v string) {
	w.key(indent, k)
	w.b.WriteByte(' ')
	ind := indent
	if ind < 0 {
		ind = -ind
	}
	w.b.WriteString(w.blockScalar(v, ind))
	w.b.WriteByte('\n')
}

// opt writes "key: value" unless value is empty (omitempty).
func (w *yamlWriter) opt(indent int, k, v string) {
	if v != "" {
		w.str(indent, k, v)
	}
}

// list writes "key: [a, b]"; an empty list is written as [] when always, else left out (omitempty).
func (w *yamlWriter) list(indent int, k string, vs []string, always bool) {
	if len(vs) == 0 && !always {
		return
	}
	w.key(indent, k)
	w.b.WriteString(" [")
	for i, v := range vs {
		if i > 0 {
			w.b.WriteString(", ")
		}
		w.b.WriteString(w.flowScalar(v))
	}
	w.b.WriteString("]\n")
}

// blockScalar renders a string value of a block mapping whose key sits at indent.
func blockScalar(s string, indent int) string {
	switch style(s, false) {
	case stylePlain:
		return s
	case styleSingle:
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	if strings.ContainsAny(s, "\r\u0085\u2028\u2029") {
		// line breaks other than \n: go-yaml's quoting of them does not always read back; Go's escapes are YAML's
		return strconv.Quote(s)
	}
	// go-yaml decides: render {k: s} and take the value, indenting a literal block's lines under the key.
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	_ = enc.Encode(struct {
		K string `yaml:"k"`
	}{s})
	_ = enc.Close()
	if strings.Contains(s, "\n") {
		// go-yaml writes some multi-line text as a literal block it cannot read back (a leading tab, space or
		// break): such text is written double-quoted
		var back struct {
			K string `yaml:"k"`
		}
		if err := yaml.Unmarshal(b.Bytes(), &back); err != nil || back.K != s {
			return strconv.Quote(s)
		}
	}
	out := strings.TrimSuffix(strings.TrimPrefix(b.String(), "k: "), "\n")
	if indent == 0 {
		return out
	}
	// lines after a break are indented under the key (blank lines stay empty, as go-yaml writes them)
	var r strings.Builder
	rs := []rune(out)
	for i, c := range rs {
		r.WriteRune(c)
		if isBreak(c) && i+1 < len(rs) && !isBreak(rs[i+1]) {
			r.WriteString(strings.Repeat(" ", indent))
		}
	}
	return r.String()
}

func isBreak(r rune) bool { return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029 }

// flowScalar renders a string inside a flow sequence.
func flowScalar(s string) string {
	switch style(s, true) {
	case stylePlain:
		return s
	case styleSingle:
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	_ = enc.Encode(struct {
		K []string `yaml:"k,flow"`
	}{[]string{s}})
	_ = enc.Close()
	out := strings.TrimSuffix(b.String(), "\n")
	return strings.TrimSuffix(strings.TrimPrefix(out, "k: ["), "]")
}

type scalarStyle int

const (
	styleOther  scalarStyle = iota // let go-yaml write it
	stylePlain                     // as is
	styleSingle                    // 'single quoted'
)

// style is the style go-yaml v3 gives a string value, when this fast path is sure of it: plain when it reads
// back as the same string and nothing in it needs quoting; single quotes when only an indicator needs them.
// Everything else (empty, multi-line, tabs and control characters, strings that read as a number, a date, a
// boolean or null) is left to go-yaml.
func style(s string, flow bool) scalarStyle {
	if s == "" || !utf8.ValidString(s) || !readsAsString(s) {
		return styleOther
	}
	var (
		flowInd, blockInd bool
		leadTrail         bool
	)
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		flowInd, blockInd = true, true
	}
	blankAt := func(i int) bool { return i >= len(s) || s[i] == ' ' }
	prevBlank := true
	for i, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r == '\t' || !printable(r) {
			return styleOther
		}
		if r == '\n' || r == 0x85 || r == 0x2028 || r == 0x2029 {
			return styleOther
		}
		next := i + utf8.RuneLen(r)
		if i == 0 {
			switch r {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				flowInd, blockInd = true, true
			case '?', ':':
				flowInd = true
				if blankAt(next) {
					blockInd = true
				}
			case '-':
				if blankAt(next) {
					flowInd, blockInd = true, true
				}
			}
		} else {
			switch r {
			case ',', '?', '[', ']', '{', '}':
				flowInd = true
			case ':':
				flowInd = true
				if blankAt(next) {
					blockInd = true
				}
			case '#':
				if prevBlank {
					flowInd, blockInd = true, true
				}
			}
		}
		if r == ' ' && (i == 0 || next == len(s)) {
			leadTrail = true
		}
		prevBlank = r == ' '
	}
	if !leadTrail && !(flow && flowInd) && !(!flow && blockInd) {
		return stylePlain
	}
	return styleSingle
}

// printable is YAML's printable set (go-yaml's is_printable) for a rune already known not to be a break.
func printable(r rune) bool {
	switch {
	case r == 0xFEFF:
		return false
	case r >= 0x20 && r <= 0x7E, r == 0x85, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

var (
	yamlFloat  = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
	base60     = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)
	timeLayout = []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"}
)

// readsAsString reports whether a plain scalar s reads back as the string s (go-yaml's resolve), and is not
// one that go-yaml quotes for older parsers (base-60 floats, yes/no/on/off). When unsure, false: go-yaml
// then decides.
func readsAsString(s string) bool {
	c := s[0]
	switch {
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if c >= '0' && c <= '9' && len(s) >= 8 && s[4] == '-' { // timestamps start with a four-digit year
			for _, l := range timeLayout {
				if _, err := time.Parse(l, s); err == nil {
					return false
				}
			}
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return false
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return false
		}
		if yamlFloat.MatchString(plain) {
			return false
		}
		for _, p := range []string{"0b", "-0b", "0o", "-0o", "+"} {
			if strings.HasPrefix(plain, p) {
				return false
			}
		}
		if strings.IndexByte(s, ':') >= 0 && base60.MatchString(s) {
			return false
		}
		return true
	case c == '.' || c == '~' || c == '<' || c == '=':
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "y", "yes", "n", "no", "on", "off":
		return false
	}
	return true
}
