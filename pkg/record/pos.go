package record

import (
	"github.com/coordvn/coord/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// Node returns the node at path (string keys into mappings, int indexes into sequences), or the deepest
// node reached when the path goes further than the tree.
func (f *File) Node(path ...any) *yaml.Node {
	n := f.Root
	if n == nil {
		return nil
	}
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			next = ValueOf(n, k)
		case int:
			if n.Kind == yaml.SequenceNode && k >= 0 && k < len(n.Content) {
				next = n.Content[k]
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

// Pos returns the position of the node at path (see Node); line 1 when the file has no tree.
func (f *File) Pos(path ...any) finding.Pos {
	n := f.Node(path...)
	if n == nil {
		return finding.Pos{File: f.Path, Line: 1, Column: 1}
	}
	return finding.Pos{File: f.Path, Line: n.Line, Column: n.Column}
}

// KeyPos returns the position of the key of the last path element (for findings about a field itself).
func (f *File) KeyPos(path ...any) finding.Pos {
	if len(path) == 0 {
		return f.Pos()
	}
	parent := f.Node(path[:len(path)-1]...)
	if k, ok := path[len(path)-1].(string); ok && parent != nil && parent.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if parent.Content[i].Value == k {
				return finding.Pos{File: f.Path, Line: parent.Content[i].Line, Column: parent.Content[i].Column}
			}
		}
	}
	return f.Pos(path...)
}
