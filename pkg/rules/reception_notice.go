package rules

import (
	"bytes"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"go.yaml.in/yaml/v3"
)

// receptionNoticeRule: a citizen reception day is announced at least policy.reception_notice_days (5)
// working days ahead (Law on Citizen Reception 2013, art. 24): between the day it was entered and the day
// itself lie that many working days. A reception day is an item of `kind: reception` with a precise `when`
// (a coarse week or month announces no day); it was entered when the main branch first held, in any
// programme, a reception item on that day of one of its people (chair, attendees) or bodies
// (Context.Entered, from the history: ReceptionKeys) — so a week programme repeating a day the quarter's
// announced long before is not late, and a day moved is announced anew. A reception day not on main yet
// (a pull request, a dry run, a folder without git) is judged at --as-of. The finding sits on the item's
// `when`.
var _ = register(Rule{ID: "reception/notice", Across: AcrossPeriod, Severity: finding.Warning,
	Keys:  []string{"rule.reception.notice", "rule.reception.after", "rule.deadline.committed", "rule.deadline.judged_now", "rule.deadline.at"},
	Check: receptionNotice})

func receptionNotice(c *Context, out Out) {
	loc := c.Repo.Loc
	need := c.Policy.ReceptionNotice
	for _, pf := range c.Programmes() {
		if !c.Wants(pf.File.Path) {
			continue
		}
		for i, it := range pf.Items {
			if it.Kind != "reception" {
				continue
			}
			s, err := c.Span(it.When)
			if err != nil || s.Coarse() {
				continue
			}
			day := c.Policy.AddDays(s.Start, 0, false)
			entered, onMain := c.Now, false
			for _, k := range receptionKeys(it, s) {
				if t, ok := c.Entered[k]; ok && (!onMain || t.Before(entered)) {
					entered, onMain = t, true
				}
			}
			how := i18n.M("rule.deadline.judged_now", instant(entered.In(loc)))
			if onMain {
				how = i18n.M("rule.deadline.committed", instant(entered.In(loc)))
			}
			// The working days after the day of entry and before the reception day.
			ahead := 0
			for d := c.Policy.AddDays(entered, 1, true); d.Before(day) && ahead < need; d = c.Policy.AddDays(d, 1, true) {
				ahead++
			}
			if ahead >= need {
				continue
			}
			who := c.names(it.Chair, c.PersonName)
			if who == "" {
				who = c.names(it.Bodies, c.BodyName)
			}
			msg := i18n.M("rule.reception.notice", when.Date(day), who, ahead, how, need)
			if !day.After(c.Policy.AddDays(entered, 0, false)) {
				msg = i18n.M("rule.reception.after", when.Date(day), who, how, need)
			}
			f := finding.Finding{Pos: pf.File.Pos("items", i, "when"), Msg: msg}
			if len(it.Chair) > 0 {
				f.Subject = "person:" + it.Chair[0]
			}
			out.Emit(f)
		}
	}
}

// receptionKeys are the keys under which a reception item announces its day: "<id>@<YYYY-MM-DD>" for each
// person who chairs or attends it and each body holding it.
func receptionKeys(it record.Item, s when.Span) []string {
	day := s.Start.Format(time.DateOnly) // in the repo's timezone, as when.Parse gives it
	var out []string
	for _, l := range [][]string{it.Chair, it.Attendees, it.Bodies} {
		for _, id := range l {
			if id = strings.TrimSpace(id); id != "" {
				out = append(out, id+"@"+day)
			}
		}
	}
	return out
}

// ReceptionKeys are the keys of the reception days one version of a programme file announces (see
// receptionKeys), for gitrepo.FirstSeenIn: nothing for a file that holds no reception item or does not
// parse. It reads only the items' kind, when, people and bodies: it runs on every version of every programme
// in the history once per clone.
func ReceptionKeys(data []byte, sessions when.Policy) []string {
	if !bytes.Contains(data, []byte("reception")) {
		return nil
	}
	var p struct {
		Items []record.Item `yaml:"items"`
	}
	if err := yaml.Unmarshal(data, &p); err != nil {
		return nil
	}
	var out []string
	for _, it := range p.Items {
		if it.Kind != "reception" {
			continue
		}
		if s, err := when.Parse(it.When, sessions); err == nil && !s.Coarse() {
			out = append(out, receptionKeys(it, s)...)
		}
	}
	sort.Strings(out)
	return out
}

// HasReceptionDays reports whether a loaded repo holds a reception item with a precise when: only then is
// the history read for reception/notice.
func HasReceptionDays(c *Context) bool {
	for _, pf := range c.Programmes() {
		for _, it := range pf.Items {
			if it.Kind != "reception" {
				continue
			}
			if s, err := c.Span(it.When); err == nil && !s.Coarse() {
				return true
			}
		}
	}
	return false
}
