package rules

import "sort"

// All returns every registered rule, sorted by id. Adding a rule: one file named after its id that
// registers it (`var fooRule = register(Rule{…})`), its test, its messages in pkg/i18n/rule.go and its
// script test cmd/coord/testdata/script/rule_<id>.txtar — registry_test.go fails when one is missing.
func All() []Rule {
	out := append([]Rule(nil), registered...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
