package rules

import "github.com/coordvn/coord/pkg/finding"

// refOfficeRule: an office code (a programme's or a document's office, a petition's handling office) is an
// office of registry/offices.yaml.
var _ = register(Rule{ID: "ref/office", Across: AcrossNone, Severity: finding.Error, Keys: []string{"rule.ref.unknown", "rule.ref.office"},
	Check: refCheck(refOffice)})
