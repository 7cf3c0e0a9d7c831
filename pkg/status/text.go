package status

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/when"
)

// Names give the text the registry's names of offices (codes are what JSON carries).
type Names func(code string) string

// WriteJSON writes the report for scripts: stable field names, times in RFC 3339.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// WriteText writes the report as sentences in lang: names, periods and Vietnamese dates in prose, no rule
// ids, no ISO dates.
func WriteText(w io.Writer, rep *Report, names Names, lang i18n.Lang) error {
	var b strings.Builder
	// Every line goes through finding.Visible: a title or a commit's trailer holding a control character can
	// neither colour the terminal nor start a line of its own.
	say := func(key string, args ...any) {
		b.WriteString(finding.Visible(i18n.M(key, args...).Render(lang)) + "\n")
	}
	if names == nil {
		names = func(c string) string { return c }
	}
	say("status.title", rep.OfficeName, rep.Office, when.Date(rep.AsOf))
	if !rep.Git {
		say("status.no_git")
	} else if rep.Remote == "" {
		say("status.no_remote")
	}

	b.WriteString("\n")
	say("status.dl.head")
	for _, d := range rep.Deadlines {
		label, due := periodLabel(d.p, lang), when.Before(d.Deadline)
		switch d.State {
		case Submitted:
			switch {
			case !d.Late:
				say("status.dl.met", label, atMsg(*d.At), due)
			case d.LateReason:
				say("status.dl.late_reason", label, atMsg(*d.At), due)
			default:
				say("status.dl.late", label, atMsg(*d.At), due)
			}
		case Pending:
			if d.Late {
				say("status.dl.pending_late", label, atMsg(*d.At), due)
			} else {
				say("status.dl.pending", label, atMsg(*d.At), due)
			}
		case Draft:
			if d.Late {
				say("status.dl.draft_late", label, due, d.Path)
			} else {
				say("status.dl.draft", label, due, leftMsg(rep.AsOf, d.Deadline), d.Path)
			}
		default:
			if d.Late {
				say("status.dl.overdue", label, due, clerkPeriod(d.p))
			} else {
				say("status.dl.missing", label, due, leftMsg(rep.AsOf, d.Deadline), clerkPeriod(d.p))
			}
		}
	}

	if rep.Git && rep.Remote != "" {
		b.WriteString("\n")
		if len(rep.Pending) == 0 {
			say("status.pending.none")
		} else {
			say("status.pending.head", len(rep.Pending))
			for _, c := range rep.Pending {
				say("status.pending.item", recordsMsg(c.Records, names, lang, true), atMsg(c.Time))
			}
		}
		b.WriteString("\n")
		switch {
		case rep.Arrived == nil:
			say("status.arrived.unknown")
		case len(rep.Arrived.Commits) == 0:
			say("status.arrived.nothing", atMsg(rep.Arrived.SyncedAt))
		default:
			say("status.arrived.head", atMsg(rep.Arrived.SyncedAt), len(rep.Arrived.Commits))
			for _, line := range arrivedLines(rep.Arrived.Commits, names, lang) {
				b.WriteString(finding.Visible(line) + "\n")
			}
		}
	}

	b.WriteString("\n")
	if len(rep.Conflicts) == 0 {
		if rep.Coordinator {
			say("status.conflicts.none_all")
		} else {
			say("status.conflicts.none", rep.OfficeName)
		}
	} else {
		say("status.conflicts.head", len(rep.Conflicts))
		for _, c := range rep.Conflicts {
			p, _ := period.Parse(c.Period)
			msg := c.Message
			if c.Msg.Key != "" {
				msg = c.Msg.Render(lang)
			}
			say("status.conflicts.item", periodLabel(p, lang), strings.TrimRight(msg, ". "), quoted(c.Titles))
		}
	}

	if rep.Coordinator {
		b.WriteString("\n")
		say("status.missing.head")
		for i, po := range rep.NotSubmitted {
			label, due := periodLabel(rep.Deadlines[i].p, lang), when.Before(po.Deadline)
			var offices []string
			for _, o := range po.Offices {
				offices = append(offices, o.Name)
			}
			switch {
			case len(offices) == 0:
				say("status.missing.all", label, due)
			case po.Overdue:
				say("status.missing.overdue", label, due, strings.Join(offices, ", "))
			default:
				say("status.missing.item", label, due, strings.Join(offices, ", "))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// periodLabel is "Quý IV năm 2026", "tháng 10 năm 2026", "tuần 37 năm 2026", "năm 2027".
func periodLabel(p period.Period, lang i18n.Lang) string { return p.Label(lang) }

// clerkPeriod is the period as a clerk types it for `coord new programme --period`: "quý 4/2026".
func clerkPeriod(p period.Period) string {
	switch p.Kind {
	case period.Quarter:
		return fmt.Sprintf("quý %d/%d", p.N, p.Year)
	case period.Month:
		return fmt.Sprintf("tháng %d/%d", p.N, p.Year)
	case period.Week:
		return fmt.Sprintf("tuần %d/%d", p.N, p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// atMsg says an instant: "lúc 9h00 ngày 10/6/2026".
func atMsg(t time.Time) i18n.Msg {
	return i18n.M("status.at", i18n.M("phrase.clock", t.Hour(), t.Minute()), when.Date(t))
}

// leftMsg says how long is left until a deadline: "còn 5 ngày".
func leftMsg(now, deadline time.Time) i18n.Msg {
	days := int(deadline.Sub(now).Hours() / 24)
	if days < 1 {
		return i18n.M("status.left_hours")
	}
	return i18n.M("status.left_days", days)
}

// recordMsg names one record: "chương trình công tác Quý IV năm 2026", "văn bản 125-TB/TU".
func recordMsg(x Record, names Names, lang i18n.Lang, withOffice bool) string {
	var m i18n.Msg
	p, perr := period.Parse(x.Period)
	label := x.Period
	if perr == nil {
		label = p.Label(lang)
	}
	switch x.Kind {
	case "programme":
		m = i18n.M("status.rec.programme", label)
	case "consolidated":
		m = i18n.M("status.rec.consolidated", label)
	case "issued":
		m = i18n.M("status.rec.issued", label)
	case "document":
		m = i18n.M("status.rec.document", x.ID)
	case "conclusion":
		m = i18n.M("status.rec.conclusion", x.ID)
	case "petition":
		m = i18n.M("status.rec.petition", x.ID)
	case "settings":
		m = i18n.M("status.rec.settings")
	case "registry":
		m = i18n.M("status.rec.registry")
	default:
		m = i18n.M("status.rec.other", x.ID)
	}
	s := m.Render(lang)
	if withOffice && x.Office != "" && x.Kind != "consolidated" && x.Kind != "issued" {
		s = i18n.M("status.rec.of", s, names(x.Office)).Render(lang)
	}
	return s
}

// recordsMsg names a commit's records, joined.
func recordsMsg(xs []Record, names Names, lang i18n.Lang, withOffice bool) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, recordMsg(x, names, lang, withOffice))
	}
	return strings.Join(parts, "; ")
}

// arrivedLines groups what arrived by office, in the order offices first appear, each record once: "- Văn
// phòng Tỉnh ủy: chương trình công tác Quý IV năm 2026; văn bản 125-TB/TU."
func arrivedLines(commits []Commit, names Names, lang i18n.Lang) []string {
	var order []string
	by := map[string][]string{}
	for _, c := range commits {
		for _, x := range c.Records {
			s := recordMsg(x, names, lang, false)
			if _, ok := by[x.Office]; !ok {
				order = append(order, x.Office)
			}
			if !contains(by[x.Office], s) {
				by[x.Office] = append(by[x.Office], s)
			}
		}
	}
	var out []string
	for _, o := range order {
		who := i18n.M("status.arrived.shared").Render(lang)
		if o != "" {
			who = names(o)
		}
		out = append(out, i18n.M("status.arrived.office", who, strings.Join(by[o], "; ")).Render(lang))
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// quoted writes titles as «A»; «B».
func quoted(titles []string) string {
	out := make([]string, len(titles))
	for i, t := range titles {
		out[i] = "«" + t + "»"
	}
	return strings.Join(out, "; ")
}
