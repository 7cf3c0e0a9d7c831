// Package suppress applies the `suppressions` of coord.yaml to a check's findings: each entry names a rule,
// gives its mandatory reason and, optionally, the paths it covers (glob patterns); the findings it covers
// are not reported and do not count for the exit code. An entry coord cannot apply — an unknown rule id, a
// malformed pattern, a blank reason — is itself a finding on coord.yaml, so a typo never silently stops
// (or widens) a suppression.
package suppress

import (
	"path"
	"strings"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
)

// Rule is the rule id of the findings about suppressions: they are problems of coord.yaml's content.
const Rule = "schema"

// Result is what Apply leaves.
type Result struct {
	Kept       []finding.Finding // the findings still reported, in their order
	Suppressed int               // how many findings a suppression removed
	Problems   []finding.Finding // findings about the suppressions themselves (never suppressed)
}

// Apply removes from fs the findings covered by a usable entry of sups. known is every rule id; settings
// is coord.yaml (for the positions of the problems; nil puts them at its first line). An entry without a
// reason is not applied: the schema rule reports it (reason is required, minLength 1); a reason of blanks
// only, an unknown rule id (with a "did you mean") and a malformed pattern are Problems here.
func Apply(sups []record.Suppression, settings *record.File, fs []finding.Finding, known []string) Result {
	var res Result
	pos := func(p ...any) finding.Pos {
		if settings == nil {
			return finding.Pos{File: "coord.yaml", Line: 1, Column: 1}
		}
		return settings.Pos(p...)
	}
	ids := map[string]bool{}
	for _, id := range known {
		ids[id] = true
	}
	var matcher *vntext.Matcher
	type entry struct {
		rule     string
		patterns [][]string // split patterns; nil: every file
	}
	var usable []entry
	for i, s := range sups {
		ok := true
		if !ids[s.Rule] {
			if matcher == nil {
				matcher = vntext.NewMatcher()
				for _, id := range known {
					matcher.Add(id)
				}
			}
			res.Problems = append(res.Problems, finding.Finding{Rule: Rule, Severity: finding.Error, Pos: pos("suppressions", i, "rule"),
				Msg: i18n.M("ci.suppress_unknown_rule", i, s.Rule, hint(matcher, s.Rule))})
			ok = false
		}
		if s.Reason != "" && strings.TrimSpace(s.Reason) == "" {
			res.Problems = append(res.Problems, finding.Finding{Rule: Rule, Severity: finding.Error, Pos: pos("suppressions", i, "reason"),
				Msg: i18n.M("ci.suppress_blank_reason", i)})
			ok = false
		}
		if strings.TrimSpace(s.Reason) == "" {
			ok = false
		}
		e := entry{rule: s.Rule}
		for j, p := range s.Paths {
			segs, err := compile(p)
			if err != nil {
				res.Problems = append(res.Problems, finding.Finding{Rule: Rule, Severity: finding.Error, Pos: pos("suppressions", i, "paths", j),
					Msg: i18n.M("ci.suppress_bad_glob", i, p)})
				continue // a malformed pattern covers nothing; the entry's other patterns still apply
			}
			e.patterns = append(e.patterns, segs)
		}
		if len(s.Paths) > 0 && len(e.patterns) == 0 {
			ok = false // every pattern is malformed: the entry covers nothing, not everything
		}
		if ok {
			usable = append(usable, e)
		}
	}
	for _, f := range fs {
		covered := false
		for _, e := range usable {
			if e.rule == f.Rule && (e.patterns == nil || matchAny(e.patterns, f.File)) {
				covered = true
				break
			}
		}
		if covered {
			res.Suppressed++
			continue
		}
		res.Kept = append(res.Kept, f)
	}
	return res
}

func hint(m *vntext.Matcher, text string) i18n.Msg { return i18n.DidYouMean(m.Suggest(text, 2)) }

// compile splits a pattern into its segments after checking each is a valid path.Match pattern. A leading
// "./" and a trailing "/" are dropped.
func compile(p string) ([]string, error) {
	p = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(p), "./"), "/")
	if p == "" {
		return nil, path.ErrBadPattern
	}
	segs := strings.Split(p, "/")
	for _, s := range segs {
		if s == "" {
			return nil, path.ErrBadPattern
		}
		if _, err := path.Match(s, ""); err != nil {
			return nil, err
		}
	}
	return segs, nil
}

func matchAny(patterns [][]string, file string) bool {
	segs := strings.Split(file, "/")
	for _, p := range patterns {
		if Match(p, segs) {
			return true
		}
	}
	return false
}

// Match reports whether the path segments match the pattern segments: each segment by path.Match ("*"
// stays within one folder), "**" matches any number of folders (none included), and a pattern that matches
// a folder matches every file under it ("programmes/2026" covers "programmes/2026/Q3/VPTU.yaml"). It runs
// in time proportional to len(pattern)×len(segs), whatever the pattern.
func Match(pattern, segs []string) bool {
	// reach[j]: the first i pattern segments can match the first j path segments.
	reach := make([]bool, len(segs)+1)
	next := make([]bool, len(segs)+1)
	reach[0] = true
	for _, p := range pattern {
		clear(next)
		for j := 0; j <= len(segs); j++ {
			if !reach[j] {
				continue
			}
			if p == "**" {
				for k := j; k <= len(segs); k++ {
					next[k] = true
				}
				break // every later j is covered already
			}
			if j < len(segs) {
				if ok, err := path.Match(p, segs[j]); err == nil && ok {
					next[j+1] = true
				}
			}
		}
		reach, next = next, reach
	}
	for _, ok := range reach {
		if ok {
			return true // the pattern is used up: what is left of the path lies under the folder it named
		}
	}
	return false
}
