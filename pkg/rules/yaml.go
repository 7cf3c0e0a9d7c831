package rules

import "github.com/coordvn/coord/pkg/finding"

// yamlRule: every record file is readable, within the size limit, valid UTF-8 YAML of one document, with
// no duplicate keys, anchors or aliases (the loader finds these while reading; pkg/record/decode.go).
var _ = register(Rule{ID: "yaml", Across: AcrossNone, Severity: finding.Error, Check: loaderProblems})
