package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// whenInvalidRule: every item's `when` parses, ends after it starts, and lies in the programme's period
// (a coarse week or month must at least touch it). A clerk's form that `coord fmt` can rewrite is named.
var _ = register(Rule{ID: "when/invalid", Across: AcrossNone, Severity: finding.Error,
	Keys: []string{"rule.when.invalid", "rule.when.fmt", "rule.when.outside"}, Check: func(c *Context, out Out) {
		for _, f := range c.Repo.Files {
			if !c.Wants(f.Path) {
				continue // findings sit on the file itself
			}
			var items []record.Item
			var per string
			var adjust []record.Adjustment
			switch v := f.Value.(type) {
			case *record.Programme:
				items, per = v.Items, v.Period
			case *record.Consolidated:
				for _, it := range v.Items {
					items = append(items, it.Item)
				}
				per, adjust = v.Period, v.Adjustments
			default:
				continue
			}
			p, perErr := period.Parse(per)
			for i, it := range items {
				if it.When == "" {
					continue // schema reports a missing when
				}
				c.checkWhen(out, f, it.When, p, perErr == nil, "items", i, "when")
			}
			for i, a := range adjust {
				if a.When != "" {
					c.checkWhen(out, f, a.When, p, perErr == nil, "adjustments", i, "when")
				}
			}
		}
	}})

func (c *Context) checkWhen(out Out, f *record.File, text string, p period.Period, havePeriod bool, path ...any) {
	pos := f.Pos(path...)
	s, err := c.Span(text)
	if err != nil {
		msg := i18n.M("rule.when.invalid", text, err)
		canon, nerr := when.Normalize(text, yearOf(p, havePeriod))
		switch {
		case nerr == nil && canon != text:
			msg = i18n.M("rule.when.fmt", text, canon)
		case nerr != nil && !looksCanonical(text):
			// a clerk's form: the reading of `coord fmt` explains it better than the strict grammar
			msg = i18n.M("rule.when.invalid", text, nerr)
		}
		out.Emit(finding.Finding{Pos: pos, Msg: msg})
		return
	}
	if !havePeriod {
		return
	}
	loc := c.Repo.Loc
	inside := p.Contains(s.Start, s.End, loc)
	if s.Coarse() {
		inside = s.Start.Before(p.End(loc)) && s.End.After(p.Start(loc))
	}
	if !inside {
		out.Emit(finding.Finding{Pos: pos,
			Msg: i18n.M("rule.when.outside", text, p.Text())})
	}
}

func yearOf(p period.Period, ok bool) int {
	if !ok {
		return 0
	}
	return p.Year
}

// looksCanonical: the text starts like the canonical grammar (2026-…), so the strict parser's reason is the right one.
func looksCanonical(s string) bool {
	return len(s) >= 5 && s[4] == '-' && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'
}
