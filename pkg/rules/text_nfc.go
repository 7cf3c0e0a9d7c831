package rules

import "github.com/coordvn/coord/pkg/finding"

// textNFCRule: Vietnamese text is in Unicode NFC (a clerk's text pasted from a PDF or typed with a
// decomposed-accent keyboard looks the same but does not match the registry); `coord fmt` fixes it. The
// loader finds these while decoding.
var _ = register(Rule{ID: "text/nfc", Across: AcrossNone, Severity: finding.Warning, Check: loaderProblems})
