package record

import (
	"bytes"
	"reflect"
	"sort"
	"strconv"
	"strings"

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

// fieldOrder returns the yaml names of a struct's fields in declaration order, inline structs flattened.
func fieldOrder(t reflect.Type) ([]string, map[string]reflect.Type) {
	var names []string
	types := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(opts, "inline") {
			n, ts := fieldOrder(sf.Type)
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

// SortKeys reorders every mapping of the tree into the order of the Go struct of kind (the order DESIGN
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
	var walk func(n *yaml.Node, t reflect.Type, path []string)
	walk = func(n *yaml.Node, t reflect.Type, path []string) {
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
						out = append(out, nullKey{k, path, allowed})
					}
					continue
				}
				walk(v, ft, append(path[:len(path):len(path)], k.Value))
			}
		case yaml.SequenceNode:
			if t.Kind() == reflect.Slice {
				for i, c := range n.Content {
					walk(c, t.Elem(), append(path[:len(path):len(path)], strconv.Itoa(i)))
				}
			}
		}
	}
	walk(root, t, nil)
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
