package rules

import "github.com/coordvn/coord/pkg/finding"

// refPersonRule: a person an item names (leaders, attendees, signers) is in registry/people.yaml.
var _ = register(Rule{ID: "ref/person", Across: AcrossNone, Severity: finding.Error, Keys: []string{"rule.ref.unknown", "rule.ref.person"},
	Check: refCheck(refPerson)})
