package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
)

// rhythmLiaisonRule: the offices meet each quarter (giao ban, seed 000: "not held every quarter"), so each
// quarter's consolidated programme holds an item of kind liaison that the coordinator did not leave out.
// It judges the quarters that have a consolidated record — the programme the liaison meeting belongs to —
// from the merge on, so the coordinator sees the gap in the draft, before approval; a quarter nobody
// consolidated is not judged (there is no programme to hold the meeting yet). The finding sits on the
// record's items.
var _ = register(Rule{ID: "rhythm/liaison", Across: AcrossPeriod, Severity: finding.Warning,
	Keys: []string{"rule.rhythm.liaison", "rule.rhythm.liaison_dropped"},
	Check: func(c *Context, out Out) {
		for _, f := range c.Repo.Files {
			rec, ok := f.Value.(*record.Consolidated)
			if !ok || rec == nil {
				continue
			}
			p, err := period.Parse(rec.Period)
			if err != nil || p.Kind != period.Quarter {
				continue
			}
			last := map[string]*record.Adjustment{}
			for i := range rec.Adjustments {
				last[rec.Adjustments[i].Item] = &rec.Adjustments[i]
			}
			held, dropped := false, ""
			for _, it := range rec.Items {
				if it.Kind != "liaison" {
					continue
				}
				if _, gone := last[it.ID].Apply(it.Item); gone {
					if dropped == "" {
						dropped = it.Title
					}
					continue
				}
				held = true
				break
			}
			if held {
				continue
			}
			msg := i18n.M("rule.rhythm.liaison", p.Text())
			if dropped != "" {
				msg = i18n.M("rule.rhythm.liaison_dropped", p.Text(), dropped)
			}
			out.Emit(finding.Finding{Pos: f.Pos("items"), Subject: "period:" + p.String(), Msg: msg})
		}
	}})
