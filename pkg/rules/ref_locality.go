package rules

import "github.com/coordvn/coord/pkg/finding"

// refLocalityRule: a locality (a field trip's travel_to, a venue's locality) is in registry/places.yaml.
var _ = register(Rule{ID: "ref/locality", Across: AcrossNone, Severity: finding.Error, Keys: []string{"rule.ref.unknown", "rule.ref.locality"},
	Check: refCheck(refLocality)})
