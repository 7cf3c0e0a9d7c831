package rules

import (
	"sort"
	"strconv"
	"time"

	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// docNumberRule: document and conclusion numbers are well formed (Decree 30/2020, Guidance 36-HD/VPTW),
// their type abbreviation matches the document's type, and no number is used twice in its series. A
// conclusion and the register entry of its notice share one number: that is one use, not two.
var docNumberRule = register(Rule{ID: "doc/number", Across: AcrossNumbers, Severity: finding.Error,
	Keys: []string{"rule.docnum.invalid", "rule.docnum.type", "rule.docnum.conclusion_type", "rule.docnum.reused"}, Check: func(c *Context, out Out) {
		type use struct {
			path string
			pos  func() finding.Pos // of the number
			n    docnum.Number
			kind string
			date string
		}
		series := map[string][]use{}
		add := func(n docnum.Number, date string, u use) {
			d, err := time.ParseInLocation("2006-01-02", date, c.Repo.Loc)
			if err != nil {
				return
			}
			key := n.Series(d, c.Policy.PartyTerms) + "|" + strconv.Itoa(n.Seq)
			u.n, u.date = n, date
			series[key] = append(series[key], u)
		}
		// Records not loaded, by their number alone (the earlier years of a check read part by part).
		for _, list := range c.Numbers {
			for _, u := range list {
				if n, err := docnum.Parse(u.Number); err == nil && c.Repo.File(u.Path) == nil {
					pos := finding.Pos{File: u.Path, Line: u.Line, Column: u.Column}
					add(n, u.Date, use{path: u.Path, kind: u.Kind, pos: func() finding.Pos { return pos }})
				}
			}
		}
		for _, f := range c.Repo.Files {
			var num, typ, date string
			switch v := f.Value.(type) {
			case *record.Document:
				num, typ, date = v.Number, v.Type, v.Date
			case *record.Conclusion:
				num, date = v.Number, v.Issued
			default:
				continue
			}
			if num == "" {
				continue
			}
			n, err := docnum.Parse(num)
			if err != nil {
				out.Emit(finding.Finding{Pos: f.Pos("number"),
					Msg: i18n.M("rule.docnum.invalid", num, err)})
				continue
			}
			if f.Kind == record.KindDocument && typ != "" && !n.TypeMatches(typ) {
				out.Emit(finding.Finding{Pos: f.Pos("type"),
					Msg: i18n.M("rule.docnum.type", typ, num, typeOf(n))})
			}
			if f.Kind == record.KindConclusion && n.Type != "" && n.Type != "TB" && n.Type != "KL" {
				out.Emit(finding.Finding{Pos: f.Pos("number"),
					Msg: i18n.M("rule.docnum.conclusion_type", num, n.Type)})
			}
			if !c.NumbersLater {
				add(n, date, use{path: f.Path, kind: f.Kind, pos: func() finding.Pos { return f.Pos("number") }})
			}
		}
		for _, uses := range series {
			if len(uses) < 2 {
				continue
			}
			// One conclusion and one document with the same number are the same notice.
			docs, concl := 0, 0
			for _, u := range uses {
				if u.kind == record.KindDocument {
					docs++
				} else {
					concl++
				}
			}
			if docs <= 1 && concl <= 1 {
				continue
			}
			// The first use by date keeps the number; later ones are the reuse.
			sort.SliceStable(uses, func(i, j int) bool {
				if uses[i].date != uses[j].date {
					return uses[i].date < uses[j].date
				}
				return uses[i].path < uses[j].path
			})
			for _, u := range uses[1:] {
				if !c.Wants(u.path) {
					continue
				}
				out.Emit(finding.Finding{Pos: u.pos(),
					Msg:     i18n.M("rule.docnum.reused", u.n.String(), uses[0].path),
					Related: []finding.Pos{uses[0].pos()}})
			}
		}
	}})

func typeOf(n docnum.Number) string {
	if n.Type == "" {
		return "CV"
	}
	return n.Type
}
