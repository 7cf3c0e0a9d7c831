package record

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// SchemaLine is the first line of a record at repo path rel: the yaml-language-server modeline that lets an
// editor validate the record against its kind's schema as a clerk types.
func SchemaLine(rel, kind string) string {
	return "# yaml-language-server: $schema=" + strings.Repeat("../", strings.Count(rel, "/")) + "schema/" + kind + ".schema.json"
}

// EncodeValue writes a record value (a *Document, a *Conclusion, …) as coord writes records: the modeline of
// its kind for repo path rel first, keys in the order of the Go struct, lists of plain values in flow style,
// two-space indentation.
func EncodeValue(v any, kind, rel string) ([]byte, error) {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return nil, err
	}
	var flow func(*yaml.Node)
	flow = func(n *yaml.Node) {
		if n.Kind == yaml.SequenceNode {
			flat := len(n.Content) > 0
			for _, c := range n.Content {
				flat = flat && c.Kind == yaml.ScalarNode
			}
			if flat {
				n.Style = yaml.FlowStyle
				return
			}
		}
		for _, c := range n.Content {
			flow(c)
		}
	}
	flow(&n)
	n.HeadComment = SchemaLine(rel, kind)
	return Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{&n}})
}
