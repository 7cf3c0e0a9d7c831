package rules

import "github.com/coordvn/coord/pkg/finding"

// refBodyRule: a leadership body (an item's bodies) is a body of registry/offices.yaml; a task owner, a
// document's issuer or recipient may be a body or an office.
var _ = register(Rule{ID: "ref/body", Across: AcrossNone, Severity: finding.Error, Keys: []string{"rule.ref.unknown", "rule.ref.body", "rule.ref.owner"},
	Check: refCheck(refBody, refOwner)})
