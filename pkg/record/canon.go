package record

import (
	"bytes"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// TypeOf returns the Go type of a kind's record.
func TypeOf(kind string) reflect.Type {
	v := newValue(kind)
	if v == nil {
		return nil
	}
	return reflect.TypeOf(v).Elem()
}

// fields caches fieldOrder: it is asked once per mapping of every record decoded.
var fields sync.Map // reflect.Type -> structFields

type structFields struct {
	names []string
	types map[string]reflect.Type
}

// fieldOrder returns the yaml names of a struct's fields in declaration order, inline structs flattened. The
// results are shared: callers must not change them.
func fieldOrder(t reflect.Type) ([]string, map[string]reflect.Type) {
	if sf, ok := fields.Load(t); ok {
		return sf.(structFields).names, sf.(structFields).types
	}
	names, types := readFields(t)
	fields.Store(t, structFields{names, types})
	return names, types
}

func readFields(t reflect.Type) ([]string, map[string]reflect.Type) {
	var names []string
	types := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(opts, "inline") {
			n, ts := readFields(sf.Type)
			names = append(names, n...)
			for k, v := range ts {
				types[k] = v
			}
			continue
		}
		if name == "" || name == "-" {
			continue
		}
		names = append(names, name)
		types[name] = sf.Type
	}
	return names, types
}

// SortKeys reorders every mapping of the tree into the order of the Go struct of kind (the order docs/records.md
// writes records in). Keys the struct does not know go last, in their original order.
func SortKeys(kind string, root *yaml.Node) {
	if t := TypeOf(kind); t != nil {
		sortKeys(root, t)
	}
}

func sortKeys(n *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n.Kind {
	case yaml.MappingNode:
		switch t.Kind() {
		case reflect.Struct:
			names, types := fieldOrder(t)
			rank := map[string]int{}
			for i, nm := range names {
				rank[nm] = i
			}
			type pair struct{ k, v *yaml.Node }
			pairs := make([]pair, 0, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
			}
			sort.SliceStable(pairs, func(i, j int) bool {
				ri, oki := rank[pairs[i].k.Value]
				rj, okj := rank[pairs[j].k.Value]
				if !oki {
					ri = len(names)
				}
				if !okj {
					rj = len(names)
				}
				return ri < rj
			})
			n.Content = n.Content[:0]
			for _, p := range pairs {
				n.Content = append(n.Content, p.k, p.v)
				if ft, ok := types[p.k.Value]; ok {
					sortKeys(p.v, ft)
				}
			}
		case reflect.Map:
			for i := 1; i < len(n.Content); i += 2 {
				sortKeys(n.Content[i], t.Elem())
			}
		}
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			for _, c := range n.Content {
				sortKeys(c, t.Elem())
			}
		}
	}
}

// Encode writes a document node as coord writes records: two-space indentation, LF line ends.
func Encode(doc *yaml.Node) ([]byte, error) {
	flowNulls(doc, false)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// nullKey is a key left empty that the record's type does not know, with where it is and what is allowed there.
type nullKey struct {
	key     *yaml.Node
	path    []string
	allowed []string
}

// unknownNullKeys returns the keys left empty ("venu:") that the record's Go type does not know. Empty keys are
// dropped before schema validation (an empty known field means absent), so unknown ones are found here.
func unknownNullKeys(kind string, root *yaml.Node) []nullKey {
	t := TypeOf(kind)
	if t == nil {
		return nil
	}
	var out []nullKey
	var path []string // a stack: copied only into a finding
	var walk func(n *yaml.Node, t reflect.Type)
	walk = func(n *yaml.Node, t reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch n.Kind {
		case yaml.MappingNode:
			if t.Kind() != reflect.Struct {
				return
			}
			names, types := fieldOrder(t)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				ft, known := types[k.Value]
				if !known {
					if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
						allowed := append([]string(nil), names...)
						sort.Strings(allowed)
						out = append(out, nullKey{k, append([]string(nil), path...), allowed})
					}
					continue
				}
				if v.Kind == yaml.ScalarNode {
					continue // nothing below
				}
				path = append(path, k.Value)
				walk(v, ft)
				path = path[:len(path)-1]
			}
		case yaml.SequenceNode:
			if t.Kind() == reflect.Slice {
				for i, c := range n.Content {
					if c.Kind == yaml.ScalarNode {
						continue
					}
					path = append(path, strconv.Itoa(i))
					walk(c, t.Elem())
					path = path[:len(path)-1]
				}
			}
		}
	}
	walk(root, t)
	return out
}

// keyAt returns the path of the key written on line, if any (to name the field of a parser message).
func keyAt(root *yaml.Node, line int) []string {
	var found []string
	var walk func(n *yaml.Node, path []string) bool
	walk = func(n *yaml.Node, path []string) bool {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := append(path[:len(path):len(path)], n.Content[i].Value)
				if n.Content[i].Line == line {
					found = p
					return true
				}
				if walk(n.Content[i+1], p) {
					return true
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if walk(c, append(path[:len(path):len(path)], strconv.Itoa(i))) {
					return true
				}
			}
		}
		return false
	}
	walk(root, nil)
	return found
}

// flowNulls writes an empty value inside a flow collection as "null": yaml.v3 would write ” there, which
// turns "absent" into an empty string of the wrong type.
func flowNulls(n *yaml.Node, inFlow bool) {
	if n.Kind == yaml.ScalarNode && inFlow && n.ShortTag() == "!!null" && n.Value == "" {
		n.Value = "null"
		return
	}
	flow := inFlow || n.Style&yaml.FlowStyle != 0
	for _, c := range n.Content {
		flowNulls(c, flow)
	}
}
