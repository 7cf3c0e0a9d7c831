package record

import (
	"bytes"
	"reflect"
	"sort"
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
