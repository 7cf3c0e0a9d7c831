package record

import (
	"bytes"
	"errors"
	"io"
	"runtime"

	"github.com/coordvn/coord/pkg/par"
	"go.yaml.in/yaml/v3"
)

// splitMinBytes is the size from which a file is worth parsing in pieces: a quarter's programme of a few
// thousand items, or its consolidated record.
const splitMinBytes = 256 << 10

// parseDoc parses the one YAML document of data. It returns the document node, or an error; extra is the
// position of a second document when there is one (a finding: records are one document).
//
// A large record is nearly all one block sequence under a top-level key (a programme's or a consolidated
// record's items). Such a file is cut before the sequence's entries and the pieces are parsed concurrently,
// then joined into the tree one parse gives, positions included. The cut is only made where it cannot change
// the tree: no comments, tabs or document markers in the sequence; a piece that does not parse on its own (a
// quoted or flow scalar running across a cut) sends the whole file to one parse, which also gives the error.
func parseDoc(data []byte) (doc *yaml.Node, extra *yaml.Node, err error) {
	if len(data) >= splitMinBytes && runtime.GOMAXPROCS(0) > 1 {
		if d, ok := parseSplit(data); ok {
			return d, nil, nil
		}
	}
	return parseWhole(data)
}

func parseWhole(data []byte) (*yaml.Node, *yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, err
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return &doc, &next, nil
	} else if !errors.Is(err, io.EOF) {
		return nil, nil, err
	}
	return &doc, nil, nil
}

// seqRegion is a top-level key whose value is a block sequence, found by scanning lines.
type seqRegion struct {
	keyLine  int   // 1-based line of "key:"
	end      int   // byte offset just after the sequence's last line
	endLine  int   // number of lines the region spans (entries and the blank lines among them)
	starts   []int // byte offsets of the entries' lines
	startsLn []int // their 1-based line numbers
}

// findSeq finds the longest top-level block sequence of data that is safe to cut (see parseDoc).
func findSeq(data []byte) (seqRegion, bool) {
	if bytes.Contains(data, []byte("\n---")) || bytes.Contains(data, []byte("\n...")) || bytes.HasPrefix(data, []byte("---")) ||
		bytes.IndexByte(data, '\t') >= 0 || bytes.IndexByte(data, '\r') >= 0 ||
		bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029")) {
		return seqRegion{}, false // lines are counted at \n only; the parser also breaks lines at these
	}
	var best seqRegion
	line := 1
	for off := 0; off < len(data); {
		eol := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if eol >= 0 {
			next = off + eol + 1
		}
		l := data[off:next]
		if isTopKeyAlone(l) {
			if r, ok := scanSeq(data, next, line+1); ok {
				r.keyLine = line
				if len(r.starts) > len(best.starts) {
					best = r
				}
			}
		}
		off, line = next, line+1
	}
	if len(best.starts) < 2 {
		return seqRegion{}, false
	}
	if bytes.IndexByte(data[best.starts[0]:], '#') >= 0 {
		return seqRegion{}, false // comments in or after the sequence: their attachment is one parse's business
	}
	return best, true
}

// isTopKeyAlone reports a line "key:" at column 0 with nothing after the colon.
func isTopKeyAlone(l []byte) bool {
	l = bytes.TrimRight(l, " \n")
	if len(l) < 2 || l[len(l)-1] != ':' {
		return false
	}
	for _, c := range l[:len(l)-1] {
		if !(c >= 'a' && c <= 'z' || c == '_' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// scanSeq reads the block sequence that starts at byte off (line ln), if one does.
func scanSeq(data []byte, off, ln int) (seqRegion, bool) {
	r := seqRegion{}
	indent := -1
	lines := 0
	for off < len(data) {
		eol := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if eol >= 0 {
			next = off + eol + 1
		}
		l := data[off:next]
		body := bytes.TrimLeft(l, " ")
		if len(bytes.TrimRight(body, " \n")) == 0 { // blank
			if indent < 0 {
				return r, false
			}
			off, ln, lines = next, ln+1, lines+1
			r.end, r.endLine = off, lines
			continue
		}
		ind := len(l) - len(body)
		entry := body[0] == '-' && (len(body) == 1 || body[1] == ' ' || body[1] == '\n')
		if indent < 0 {
			if !entry {
				return r, false
			}
			indent = ind
		}
		if ind < indent || (ind == indent && !entry) {
			if ind > 0 {
				return r, false // not a top-level key: what it continues is one parse's business
			}
			break
		}
		if ind == indent {
			r.starts = append(r.starts, off)
			r.startsLn = append(r.startsLn, ln)
		}
		off, ln, lines = next, ln+1, lines+1
		r.end, r.endLine = off, lines
	}
	// Blank lines after the last entry stay with it: they can be lines of its block scalar ("|+" keeps them,
	// and a line of spaces deeper than the scalar's indentation is text).
	return r, indent >= 0
}

// parseSplit parses data in pieces; ok is false when it cannot be sure of the result.
func parseSplit(data []byte) (*yaml.Node, bool) {
	r, ok := findSeq(data)
	if !ok {
		return nil, false
	}
	// The skeleton is the file without the sequence's lines: the key is left empty.
	skeleton := make([]byte, 0, len(data)-(r.end-r.starts[0]))
	skeleton = append(skeleton, data[:r.starts[0]]...)
	skeleton = append(skeleton, data[r.end:]...)
	removed := r.endLine

	n := 2 * runtime.GOMAXPROCS(0)
	per := (len(r.starts) + n - 1) / n
	type piece struct {
		from, to, line int
		nodes          []*yaml.Node
		ok             bool
	}
	var pieces []*piece
	for i := 0; i < len(r.starts); i += per {
		p := &piece{from: r.starts[i], line: r.startsLn[i], to: r.end}
		if j := i + per; j < len(r.starts) {
			p.to = r.starts[j]
		}
		pieces = append(pieces, p)
	}
	var g par.Group
	for _, p := range pieces {
		g.Go("", func() {
			doc, extra, err := parseWhole(data[p.from:p.to])
			if err != nil || extra != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode || endsEmpty(doc) {
				return
			}
			shiftLines(doc.Content[0], p.line-1)
			p.nodes, p.ok = doc.Content[0].Content, true
		})
	}
	doc, extra, err := parseWhole(skeleton)
	g.MustWait() // the caller's file names a panic
	if err != nil || extra != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	root := doc.Content[0]
	var hole *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Line == r.keyLine {
			if v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" {
				return nil, false
			}
			hole = v
		}
	}
	if hole == nil {
		return nil, false
	}
	// Lines after the sequence moved up in the skeleton.
	var shiftTail func(n *yaml.Node)
	shiftTail = func(n *yaml.Node) {
		if n.Line > r.keyLine {
			n.Line += removed
		}
		for _, c := range n.Content {
			shiftTail(c)
		}
	}
	shiftTail(doc)
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: r.startsLn[0], Column: indentAt(data, r.starts[0]) + 1}
	for _, p := range pieces {
		if !p.ok {
			return nil, false
		}
		seq.Content = append(seq.Content, p.nodes...)
	}
	*hole = *seq
	return doc, true
}

// endsEmpty reports a tree whose last node is an empty value ("key:", "-", "? k"): an empty value takes the
// position of what follows it, and what follows the end of a piece is not what follows it in the file.
func endsEmpty(n *yaml.Node) bool {
	for len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.Style == 0 && n.Tag == "!!null"
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

func indentAt(data []byte, off int) int {
	i := off
	for i < len(data) && data[i] == ' ' {
		i++
	}
	return i - off
}
