package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// consolidatedStaleRule: a source item changed, added or removed after the merge that wrote the period's
// consolidated record. The finding sits on the consolidated record (the item's entry; the items list for an
// item added since) and names the item; it is a warning while the programme is a draft and an error once it
// is approved or issued, since what was decided and published no longer matches what the offices plan. A
// changed item's decision is not applied (schedule.go), so its conflicts come back until merge runs again.
var _ = register(Rule{ID: "consolidated/stale", Across: AcrossPeriod, Severity: finding.Warning,
	Keys: []string{"rule.stale.changed", "rule.stale.added", "rule.stale.removed", "rule.stale.decision", "rule.stale.action.move", "rule.stale.action.drop", "rule.stale.action.keep"},
	Check: func(c *Context, out Out) {
		for _, ps := range c.Schedules() {
			if ps.Record == nil {
				continue
			}
			sev := finding.Warning
			if ps.Record.Status == "approved" || ps.Record.Status == "issued" {
				sev = finding.Error
			}
			for _, st := range ps.Stale {
				f := finding.Finding{Rule: "consolidated/stale", Severity: sev, Subject: "item:" + st.ID}
				switch st.Change {
				case StaleChanged:
					f.Pos = ps.File.Pos("items", st.Index, "hash")
					f.Msg = i18n.M("rule.stale.changed", st.Title, c.OfficeName(st.Origin.Office), staleDecision(ps.Record, st.ID))
					f.Related = []finding.Pos{c.originPos(st.Origin, "id")}
				case StaleAdded:
					f.Pos = ps.File.Pos("items")
					f.Msg = i18n.M("rule.stale.added", st.Title, c.OfficeName(st.Origin.Office))
					f.Related = []finding.Pos{c.originPos(st.Origin, "id")}
				default:
					f.Pos = ps.File.Pos("items", st.Index, "id")
					f.Msg = i18n.M("rule.stale.removed", st.Title)
				}
				out.Emit(f)
			}
		}
	}})

// staleDecision says which recorded decision a changed item loses ("" when it had none).
func staleDecision(rec *record.Consolidated, id string) i18n.Msg {
	var last *record.Adjustment
	for i := range rec.Adjustments {
		if rec.Adjustments[i].Item == id {
			last = &rec.Adjustments[i]
		}
	}
	if last == nil {
		return i18n.M("rule.no_hint")
	}
	return i18n.M("rule.stale.decision", i18n.M("rule.stale.action."+last.Action))
}
