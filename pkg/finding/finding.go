// Package finding owns the value every rule produces: a finding with a rule id, a severity, a location,
// a message (rendered late, in the user's language) and related locations; and the output formats that
// print a set of findings. Findings are values, not errors.
package finding

import (
	"sort"

	"github.com/coordvn/coord/pkg/i18n"
)

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Pos is a location in a file of the data repo (slash-separated path relative to the repo root).
// Line and Column are 1-based; 0 means unknown (the whole file).
type Pos struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Finding is one problem found.
type Finding struct {
	Rule     string
	Severity Severity
	Pos
	Msg     i18n.Msg
	Subject string
	Related []Pos
}

// Sort orders findings by file, line, column, rule, subject, message key: a stable order for golden files.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Msg.String() < b.Msg.String()
	})
}

// Summary counts findings.
type Summary struct {
	Files    int `json:"files"`
	Records  int `json:"records"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Suppressed counts the findings that a suppression in coord.yaml removed (not in the counts above).
	Suppressed int `json:"suppressed,omitempty"`
}

// Count fills the severity counts of s from fs.
func (s *Summary) Count(fs []Finding) {
	s.Errors, s.Warnings, s.Infos = 0, 0, 0
	for _, f := range fs {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
}

// Collector gathers findings; rules call Add.
type Collector struct {
	list []Finding
}

// Add appends a finding.
func (c *Collector) Add(f Finding) { c.list = append(c.list, f) }

// Findings returns the findings gathered so far, sorted.
func (c *Collector) Findings() []Finding {
	out := append([]Finding(nil), c.list...)
	Sort(out)
	return out
}

// Blocked is a refusal with the findings that cause it: the command prints them, then the sentence.
type Blocked struct {
	Err      error
	Findings []Finding
}

func (b *Blocked) Error() string { return b.Err.Error() }
func (b *Blocked) Unwrap() error { return b.Err }
