package finding

import (
	"encoding/json"
	"io"

	"github.com/coordvn/coord/pkg/i18n"
)

// SARIF 2.1.0 (OASIS): the subset coord writes. The test validates it against the official schema.

// SARIFSchema is the $schema of the log: the schemastore.org copy of the OASIS SARIF 2.1.0 schema, the URI
// GitHub's code scanning documentation uses.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// SARIFRoot is the uriBaseId of every artifact location: the data repo's root (the folder of coord.yaml).
const SARIFRoot = "%SRCROOT%"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                    `json:"tool"`
	OriginalURIBaseIDs map[string]sarifBaseLocation `json:"originalUriBaseIds"`
	ColumnKind         string                       `json:"columnKind"`
	Results            []sarifResult                `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	ShortDescription     *sarifText    `json:"shortDescription,omitempty"`
	DefaultConfiguration *sarifRuleCfg `json:"defaultConfiguration,omitempty"`
}

type sarifRuleCfg struct {
	Level string `json:"level"`
}

type sarifBaseLocation struct {
	Description sarifText `json:"description"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// sarifLevel maps a severity to SARIF's level: error, warning, note.
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

func sarifLoc(p Pos) sarifPhysical {
	return sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: URIPath(p.File), URIBaseID: SARIFRoot},
		Region:           sarifRegion{StartLine: max(p.Line, 1), StartColumn: max(p.Column, 1)},
	}
}

// writeSARIF writes one run of the tool coord: the rules that ran with their one-line descriptions (in the
// user's language) and default levels, then one result per finding with its rule's index, level, message
// and location; related locations as relatedLocations. Artifact URIs are repo-relative, percent-encoded
// (URIPath) and relative to %SRCROOT%, the data repo's root; columns count Unicode code points.
func writeSARIF(w io.Writer, r Report) error {
	index := map[string]int{}
	var rules []sarifRule
	addRule := func(id string, sev Severity, doc *i18n.Msg) {
		if _, ok := index[id]; ok {
			return
		}
		index[id] = len(rules)
		sr := sarifRule{ID: id}
		if doc != nil {
			sr.ShortDescription = &sarifText{doc.Render(r.Lang)}
			sr.DefaultConfiguration = &sarifRuleCfg{sarifLevel(sev)}
		}
		rules = append(rules, sr)
	}
	for _, ri := range r.Rules {
		addRule(ri.ID, ri.Severity, &ri.Doc)
	}
	results := make([]sarifResult, 0, len(r.Findings))
	for _, f := range r.Findings {
		addRule(f.Rule, f.Severity, nil)
		res := sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message: sarifText{f.Msg.Render(r.Lang)}, Locations: []sarifLocation{{PhysicalLocation: sarifLoc(f.Pos)}}}
		for i, p := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: &id, PhysicalLocation: sarifLoc(p)})
		}
		results = append(results, res)
	}
	if rules == nil {
		rules = []sarifRule{}
	}
	doc := sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{{
		Tool: sarifTool{Driver: sarifDriver{Name: "coord", InformationURI: "https://github.com/coordvn/coord", Rules: rules}},
		OriginalURIBaseIDs: map[string]sarifBaseLocation{SARIFRoot: {Description: sarifText{
			i18n.M("ci.sarif_root").Render(r.Lang)}}},
		ColumnKind: "unicodeCodePoints",
		Results:    results,
	}}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
