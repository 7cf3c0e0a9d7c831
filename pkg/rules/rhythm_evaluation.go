package rules

import (
	"sort"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
)

// rhythmEvaluationRule: each year the offices evaluate their coordination at a meeting hosted in turn
// (seed 004 point 4; the host is coord.yaml's host rotation, Policy.Host), so the host office's programmes
// of the year — year, quarter, month or week — hold an item of kind evaluation. A year is judged once its
// programmes can no longer add it: when it has ended by --as-of, or when the host's last-quarter programme is
// in the repo; and only a year the repo holds programmes for (a repo started in 2026 says nothing of 2024).
// The finding sits on the host's last-quarter programme, else on coord.yaml's host.
var _ = register(Rule{ID: "rhythm/evaluation", Across: AcrossProgrammes, Severity: finding.Warning,
	Keys: []string{"rule.rhythm.evaluation", "rule.rhythm.evaluation_elsewhere"},
	Check: func(c *Context, out Out) {
		type year struct {
			host, other, otherOffice string // the host; an evaluation item of another office
			held                     bool
		}
		years := map[int]*year{}
		for _, pf := range c.Programmes() {
			p, err := period.Parse(pf.Period)
			if err != nil {
				continue
			}
			host, ok := c.Policy.Host(p.Year)
			if !ok {
				continue
			}
			y := years[p.Year]
			if y == nil {
				y = &year{host: host}
				years[p.Year] = y
			}
			for _, it := range pf.Items {
				if it.Kind != "evaluation" {
					continue
				}
				if pf.Office == host {
					y.held = true
				} else if y.other == "" {
					y.other, y.otherOffice = it.Title, pf.Office
				}
			}
		}
		var order []int
		for n := range years {
			order = append(order, n)
		}
		sort.Ints(order)
		for _, n := range order {
			y := years[n]
			if y.held {
				continue
			}
			last := c.Repo.File(datarepo.ProgrammePath(period.Period{Kind: period.Quarter, Year: n, N: 4}, y.host))
			ended := !c.Now.Before(period.Period{Kind: period.Year, Year: n + 1}.Start(c.Repo.Loc))
			if last == nil && !ended {
				continue
			}
			pos := finding.Pos{}
			if last != nil {
				pos = last.Pos("items")
			} else if s := c.Repo.File(datarepo.SettingsFile); s != nil {
				pos = s.Pos("host")
			}
			msg := i18n.M("rule.rhythm.evaluation", n, c.OfficeName(y.host))
			if y.other != "" {
				msg = i18n.M("rule.rhythm.evaluation_elsewhere", n, c.OfficeName(y.host), y.other, c.OfficeName(y.otherOffice))
			}
			out.Emit(finding.Finding{Pos: pos, Subject: "period:" + period.Period{Kind: period.Year, Year: n}.String(), Msg: msg})
		}
	}})
