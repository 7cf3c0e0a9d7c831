package rules

import "github.com/coordvn/coord/pkg/finding"

// refPlaceRule: a place written as an id (lower-case words joined by hyphens) is a venue of
// registry/places.yaml; a place written as free text is kept as text (docs/records.md: a place is a venue id or text).
var _ = register(Rule{ID: "ref/place", Across: AcrossNone, Severity: finding.Error, Keys: []string{"rule.ref.unknown", "rule.ref.place"},
	Check: refCheck(refPlace)})
