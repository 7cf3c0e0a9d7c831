package rules

import (
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// schemaRule reports what the JSON Schema found, plus what a schema cannot say: dates that match the
// pattern but do not exist (2026-02-30), ids defined twice in one list, and invalid policy overrides.
var _ = register(Rule{ID: "schema", Across: AcrossNone, Severity: finding.Error,
	Keys: []string{"rule.bad_date", "rule.dup_id", "rule.policy"}, Check: func(c *Context, out Out) {
		loaderProblems(c, out)
		for _, f := range c.Repo.Files {
			if f.Root == nil || !c.Wants(f.Path) {
				continue
			}
			checkDates(c, out, f, f.Root, "")
			for _, u := range uniqueLists[f.Kind] {
				checkUnique(c, out, f, u)
			}
		}
		if f := c.Repo.File("coord.yaml"); f != nil {
			if c.Repo.TimezoneErr != nil {
				out.Emit(finding.Finding{Pos: f.Pos("timezone"), Msg: i18n.M("rule.policy", c.Repo.TimezoneErr)})
			}
			schemaAt := map[finding.Pos]bool{}
			for _, p := range f.Problems {
				if p.Rule == "schema" {
					schemaAt[p.Pos] = true
				}
			}
			for _, p := range c.PolicyProblems {
				pos := f.Pos(p.Field...)
				if schemaAt[pos] {
					continue // the schema already said it
				}
				out.Emit(finding.Finding{Pos: pos, Msg: i18n.M("rule.policy", p.Err)})
			}
		}
	}})

var dateFields = map[string]bool{"date": true, "received": true, "issued": true, "due": true, "from": true, "to": true}

func checkDates(c *Context, out Out, f *record.File, n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			checkDates(c, out, f, n.Content[i+1], n.Content[i].Value)
		}
	case yaml.SequenceNode:
		for _, ch := range n.Content {
			checkDates(c, out, f, ch, "")
		}
	case yaml.ScalarNode:
		if !dateFields[key] || len(n.Value) != 10 || n.Value[4] != '-' || n.Value[7] != '-' {
			return
		}
		if _, err := time.Parse("2006-01-02", n.Value); err != nil {
			out.Emit(finding.Finding{
				Pos: finding.Pos{File: f.Path, Line: n.Line, Column: n.Column}, Msg: i18n.M("rule.bad_date", key, n.Value)})
		}
	}
}

// uniqueList names a list whose entries' field must be unique within the file.
type uniqueList struct {
	path  []any // the list
	field string
}

var uniqueLists = map[string][]uniqueList{
	record.KindOffices:      {{[]any{"offices"}, "code"}, {[]any{"bodies"}, "code"}},
	record.KindPeople:       {{[]any{"people"}, "id"}},
	record.KindPlaces:       {{[]any{"localities"}, "id"}, {[]any{"venues"}, "id"}},
	record.KindProgramme:    {{[]any{"items"}, "id"}},
	record.KindConsolidated: {{[]any{"items"}, "id"}},
	record.KindConclusion:   {{[]any{"tasks"}, "id"}},
	record.KindSettings:     {{[]any{"policy", "petitions"}, "name"}},
}

func checkUnique(c *Context, out Out, f *record.File, u uniqueList) {
	list := f.Node(u.path...)
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	seen := map[string]*yaml.Node{}
	for _, e := range list.Content {
		var v *yaml.Node
		if e.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(e.Content); i += 2 {
				if e.Content[i].Value == u.field {
					v = e.Content[i+1]
				}
			}
		}
		if v == nil || v.Kind != yaml.ScalarNode || v.Value == "" {
			continue
		}
		if first, dup := seen[v.Value]; dup {
			out.Emit(finding.Finding{
				Pos: finding.Pos{File: f.Path, Line: v.Line, Column: v.Column}, Msg: i18n.M("rule.dup_id", u.field, v.Value, first.Line),
				Related: []finding.Pos{{File: f.Path, Line: first.Line, Column: first.Column}}})
			continue
		}
		seen[v.Value] = v
	}
}
