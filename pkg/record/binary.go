package record

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/schema"
	"go.yaml.in/yaml/v3"
)

// The binary form of a decoded File: what Decode gave, kept by the parse cache (pkg/datarepo/cache.go) so
// that an unchanged record is never decoded twice. It holds everything of the File but its path — the
// document tree with positions, styles and comments, the Go value, the problems with their messages — so
// that FromBinary gives a File equal to the one Decode gave (a fuzz target holds the two to that), and the
// rules cannot tell them apart. A File holding what the form cannot carry (a message argument of another
// type, a problem on another file) is not given a form at all: it is decoded every time.

// binaryFormat names this layout; BinaryVersion hashes it with the record types it carries.
const binaryFormat = "coord record binary 1"

// BinaryVersion identifies the binary form of this build: the layout, the Go record types and the schemas
// the problems come from. A cache written under another version is not read.
func BinaryVersion() string {
	h := sha256.New()
	h.Write([]byte(binaryFormat + "\n" + valueSig()))
	for _, k := range Kinds {
		b, _ := schema.Raw(k)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// common tags, written as a small number
var binTags = []string{"", "!!str", "!!map", "!!seq", "!!int", "!!bool", "!!null", "!!float", "!!timestamp", "!!binary"}

// AppendBinary appends the binary form of f to b. ok is false when f holds something the form cannot carry.
func AppendBinary(b []byte, f *File) (out []byte, ok bool) {
	if f.Kind != "" && !valueTypes()[f.Kind] {
		return b, false
	}
	w := &BinWriter{B: b}
	flags := uint64(0)
	if f.Clean {
		flags |= 1
	}
	if f.Doc != nil {
		if len(f.Doc.Content) == 0 || f.Doc.Content[0] != f.Root {
			return b, false
		}
		flags |= 2
	} else if f.Root != nil {
		return b, false
	}
	if f.Value != nil {
		rv := reflect.ValueOf(f.Value)
		if rv.Kind() != reflect.Pointer || rv.IsNil() || newValue(f.Kind) == nil || reflect.TypeOf(newValue(f.Kind)) != rv.Type() {
			return b, false
		}
		flags |= 4
	}
	w.Uvarint(flags)
	w.Str(f.Kind)
	w.Uvarint(uint64(f.Size))
	w.Uvarint(uint64(len(f.Problems)))
	for i := range f.Problems {
		if !w.problem(&f.Problems[i], f.Path) {
			return b, false
		}
	}
	if f.Doc != nil {
		n, c := countNodes(f.Doc)
		w.Uvarint(uint64(n))
		w.Uvarint(uint64(c))
		if !w.node(f.Doc) {
			return b, false
		}
	}
	if f.Value != nil {
		w.value(reflect.ValueOf(f.Value).Elem())
	}
	return w.B, true
}

// FromBinary returns the File whose binary form is data, at path. Its strings share data's memory.
func FromBinary(path string, data string) (*File, error) {
	r := &BinReader{S: data}
	flags := r.Uvarint()
	f := &File{Path: path, Kind: r.Str(), Size: int(r.Uvarint()), Clean: flags&1 != 0}
	if n := r.Count(); n > 0 {
		f.Problems = make([]finding.Finding, n)
		for i := range f.Problems {
			f.Problems[i] = r.problem(path)
		}
	}
	if flags&2 != 0 {
		n, c := r.Count(), r.Count()
		if r.Err != nil || n == 0 {
			return nil, errBinary
		}
		t := &treeReader{r: r, nodes: make([]yaml.Node, n), ptrs: make([]*yaml.Node, c)}
		f.Doc = t.node(0)
		if r.Err != nil || f.Doc == nil || len(f.Doc.Content) == 0 || t.n != n || t.p != c {
			return nil, errBinary
		}
		f.Root = f.Doc.Content[0]
	}
	if flags&4 != 0 {
		v := newValue(f.Kind)
		if v == nil || !valueTypes()[f.Kind] {
			return nil, errBinary
		}
		r.value(reflect.ValueOf(v).Elem())
		f.Value = v
	}
	if r.Err != nil || r.Off != len(r.S) {
		return nil, errBinary
	}
	return f, nil
}

func countNodes(n *yaml.Node) (nodes, ptrs int) {
	nodes, ptrs = 1, len(n.Content)
	for _, c := range n.Content {
		a, b := countNodes(c)
		nodes, ptrs = nodes+a, ptrs+b
	}
	return nodes, ptrs
}

func (w *BinWriter) node(n *yaml.Node) bool {
	if n == nil || n.Alias != nil {
		return false
	}
	w.Uvarint(uint64(n.Kind))
	w.Uvarint(uint64(n.Style))
	tag := 0
	for i, t := range binTags {
		if t == n.Tag && i > 0 {
			tag = i
		}
	}
	w.Uvarint(uint64(tag))
	if tag == 0 {
		w.Str(n.Tag)
	}
	w.Str(n.Value)
	w.Str(n.Anchor)
	w.Str(n.HeadComment)
	w.Str(n.LineComment)
	w.Str(n.FootComment)
	w.Varint(int64(n.Line))
	w.Varint(int64(n.Column))
	if n.Content == nil {
		w.Uvarint(0)
		return true
	}
	w.Uvarint(uint64(len(n.Content)) + 1)
	for _, c := range n.Content {
		if !w.node(c) {
			return false
		}
	}
	return true
}

// treeReader rebuilds a tree into two allocations: the nodes, and the pointers of every node's Content.
type treeReader struct {
	r     *BinReader
	nodes []yaml.Node
	ptrs  []*yaml.Node
	n, p  int
}

func (t *treeReader) node(depth int) *yaml.Node {
	r := t.r
	if r.Err != nil || t.n >= len(t.nodes) || depth > 2*maxDepth {
		r.fail()
		return nil
	}
	n := &t.nodes[t.n]
	t.n++
	n.Kind = yaml.Kind(r.Uvarint())
	n.Style = yaml.Style(r.Uvarint())
	if tag := r.Uvarint(); tag == 0 {
		n.Tag = r.Str()
	} else if tag < uint64(len(binTags)) {
		n.Tag = binTags[tag]
	} else {
		r.fail()
		return nil
	}
	n.Value = r.Str()
	n.Anchor = r.Str()
	n.HeadComment = r.Str()
	n.LineComment = r.Str()
	n.FootComment = r.Str()
	n.Line = int(r.Varint())
	n.Column = int(r.Varint())
	k := r.Count()
	if k == 0 || r.Err != nil {
		return n
	}
	k--
	if t.p+k > len(t.ptrs) {
		r.fail()
		return nil
	}
	n.Content = t.ptrs[t.p : t.p+k : t.p+k]
	t.p += k
	for i := range n.Content {
		if n.Content[i] = t.node(depth + 1); n.Content[i] == nil {
			return nil
		}
	}
	return n
}

// argument kinds of a message
const (
	argString = iota + 1
	argInt
	argInt64
	argInt32
	argBool
	argMsg
)

func (w *BinWriter) problem(p *finding.Finding, path string) bool {
	if p.File != path {
		return false
	}
	w.Str(p.Rule)
	w.Str(string(p.Severity))
	w.Varint(int64(p.Line))
	w.Varint(int64(p.Column))
	if !w.msg(p.Msg) {
		return false
	}
	w.Str(p.Subject)
	if p.Related == nil {
		w.Uvarint(0)
	} else {
		w.Uvarint(uint64(len(p.Related)) + 1)
	}
	for _, q := range p.Related {
		if q.File == path {
			w.Uvarint(0)
		} else {
			w.Uvarint(1)
			w.Str(q.File)
		}
		w.Varint(int64(q.Line))
		w.Varint(int64(q.Column))
	}
	return true
}

func (r *BinReader) problem(path string) finding.Finding {
	p := finding.Finding{Rule: r.Str(), Severity: finding.Severity(r.Str())}
	p.File = path
	p.Line, p.Column = int(r.Varint()), int(r.Varint())
	p.Msg = r.msg()
	p.Subject = r.Str()
	if n := r.Count(); n > 0 {
		p.Related = make([]finding.Pos, n-1)
		for i := range p.Related {
			q := &p.Related[i]
			q.File = path
			if r.Uvarint() != 0 {
				q.File = r.Str()
			}
			q.Line, q.Column = int(r.Varint()), int(r.Varint())
		}
	}
	return p
}

func (w *BinWriter) msg(m i18n.Msg) bool {
	w.Str(m.Key)
	if m.Args == nil {
		w.Uvarint(0)
		return true
	}
	w.Uvarint(uint64(len(m.Args)) + 1)
	for _, a := range m.Args {
		switch v := a.(type) {
		case string:
			w.Uvarint(argString)
			w.Str(v)
		case int:
			w.Uvarint(argInt)
			w.Varint(int64(v))
		case int64:
			w.Uvarint(argInt64)
			w.Varint(v)
		case int32:
			w.Uvarint(argInt32)
			w.Varint(int64(v))
		case bool:
			w.Uvarint(argBool)
			w.value(reflect.ValueOf(v))
		case i18n.Msg:
			w.Uvarint(argMsg)
			if !w.msg(v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func (r *BinReader) msg() i18n.Msg {
	m := i18n.Msg{Key: r.Str()}
	n := r.Count()
	if n == 0 || r.Err != nil {
		return m
	}
	m.Args = make([]any, n-1)
	for i := range m.Args {
		switch r.Uvarint() {
		case argString:
			m.Args[i] = r.Str()
		case argInt:
			m.Args[i] = int(r.Varint())
		case argInt64:
			m.Args[i] = r.Varint()
		case argInt32:
			m.Args[i] = int32(r.Varint())
		case argBool:
			m.Args[i] = r.Uvarint() != 0
		case argMsg:
			m.Args[i] = r.msg()
		default:
			r.fail()
			return m
		}
	}
	return m
}

// AppendValue appends the binary form of a record's Go value alone (v of the kind's type, as File.Value),
// for a cache that keeps what a command wrote without its tree. ok is false when the form cannot carry it.
func AppendValue(b []byte, kind string, v any) ([]byte, bool) {
	rv := reflect.ValueOf(v)
	if !valueTypes()[kind] || rv.Kind() != reflect.Pointer || rv.IsNil() || reflect.TypeOf(newValue(kind)) != rv.Type() {
		return b, false
	}
	w := &BinWriter{B: b}
	w.value(rv.Elem())
	return w.B, true
}

// ValueFromBinary returns the value of kind whose binary form (AppendValue) is data.
func ValueFromBinary(kind, data string) (any, error) {
	v := newValue(kind)
	if v == nil || !valueTypes()[kind] {
		return nil, errBinary
	}
	r := &BinReader{S: data}
	r.value(reflect.ValueOf(v).Elem())
	if r.Err != nil || r.Off != len(r.S) {
		return nil, errBinary
	}
	return v, nil
}
