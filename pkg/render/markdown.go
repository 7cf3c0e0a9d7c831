package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
)

// Markdown writes the programme for review in a pull request: a heading with the status, one table per month
// of the effective programme, then the conflicts, the coordinator's adjustments and the items left out, all in
// words (names, titles, Vietnamese dates: no ids); conflicting items are marked ⚠ T1, T2… with the number of
// the conflict in the conflicts section. Free text is escaped, so a title cannot inject markup or HTML.
func Markdown(w io.Writer, in Input) error {
	p := newProgramme(in)
	b := bufio.NewWriter(w)
	line := func(parts ...string) {
		for _, s := range parts {
			b.WriteString(s)
		}
		b.WriteByte('\n')
	}

	line("# ", md(p.title()))
	line()
	line("- **", p.msg("render.province"), ":** ", md(in.Province))
	coord := p.officeName(in.Coordinator.Code)
	if in.Coordinator.Name != "" {
		coord = in.Coordinator.Name
	}
	if in.Coordinator.Code != "" {
		coord += " (" + in.Coordinator.Code + ")"
	}
	line("- **", p.msg("render.coordinator"), ":** ", md(coord))
	line("- **", p.msg("render.status"), ":** ", md(p.status()))
	line("- ", md(p.msg("render.counts", len(p.entries)+len(p.undated), len(p.conflicts), len(p.adjusted), len(p.dropped))))
	line()

	header := []string{p.msg("render.col.no"), p.msg("render.col.date"), p.msg("render.col.time"), p.msg("render.col.content"),
		p.msg("render.col.chair"), p.msg("render.col.place"), p.msg("render.col.offices")}
	n := 0
	var month time.Time
	for _, e := range p.entries {
		a := p.anchor(e)
		if m := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, p.loc); !m.Equal(month) {
			if n > 0 {
				line()
			}
			month = m
			line("## ", md(p.msg("render.month", int(m.Month()), m.Year())))
			line()
			line(row(header))
			line("|---:|---|---|---|---|---|---|")
		}
		n++
		line(row([]string{strconv.Itoa(n), md(p.dayText(e.span)), md(p.timeText(e.span)), p.mdContent(e),
			md(p.people(e.item.Chair)), md(e.place.Name), md(p.officeNames(e.item.Offices))}))
		if n == len(p.entries) {
			line()
		}
	}

	if len(p.undated) > 0 {
		line("## ", md(p.msg("render.section.undated")))
		line()
		for _, e := range p.undated {
			line("- **", md(e.item.Title), "**: ", md(e.item.When))
		}
		line()
	}

	line("## ", md(p.msg("render.section.conflicts")))
	line()
	if len(p.conflicts) == 0 {
		line(md(p.msg("render.none")))
	} else {
		line(row([]string{"#", p.msg("render.col.rule"), p.msg("render.col.severity"), p.msg("render.col.subject"),
			p.msg("render.col.items"), p.msg("render.col.message"), p.msg("render.col.resolution")}))
		line("|---|---|---|---|---|---|---|")
		for _, k := range p.conflicts {
			var items []string
			for _, id := range k.c.Items {
				items = append(items, md(p.itemLabel(id)))
			}
			line(row([]string{conflictRef(k), md(p.ruleName(k.c.Rule)), md(p.severityName(k.c.Severity)),
				md(p.subjectName(k.c.Subject)), strings.Join(items, "<br>"), md(k.c.Message), md(p.resolution(k))}))
		}
	}
	line()

	line("## ", md(p.msg("render.section.adjustments")))
	line()
	if len(p.adjusted) == 0 {
		line(md(p.msg("render.none")))
	} else {
		line(row([]string{p.msg("render.col.items"), p.msg("render.col.action"), p.msg("render.col.old_time"),
			p.msg("render.col.new_time"), p.msg("render.col.reason"), p.msg("render.col.by")}))
		line("|---|---|---|---|---|---|")
		for _, e := range p.adjusted {
			a := e.adj
			old, now := p.describe(e.item.When), ""
			if a.Action == actionMove {
				now = p.describe(e.item.When)
				var olds []string
				for _, b := range e.before {
					o := p.describe(b.When)
					if !b.Place.Same(e.place) {
						o += ", " + b.Place.Name
					}
					olds = append(olds, o)
				}
				if len(olds) > 0 {
					old = strings.Join(olds, "; ")
				}
				if len(e.before) > 0 && !e.before[0].Place.Same(e.place) {
					now += ", " + e.place.Name
				}
			}
			by := p.bodyOrOffice(a.By)
			if a.Date != "" {
				by = strings.TrimPrefix(by+", "+p.isoDateText(a.Date), ", ")
			}
			line(row([]string{md(e.item.Title), md(p.actionName(a.Action)), md(old), md(now),
				md(a.Reason), md(by)}))
		}
	}
	line()

	line("## ", md(p.msg("render.section.dropped")))
	line()
	if len(p.dropped) == 0 {
		line(md(p.msg("render.none")))
	}
	for _, e := range p.dropped {
		s := "- **" + md(e.item.Title) + "** — " + md(p.describe(e.item.When))
		if e.place.Name != "" {
			s += ", " + md(e.place.Name)
		}
		s += " — " + md(p.officeNames(e.item.Offices))
		if e.adj.Reason != "" {
			s += " (" + md(p.msg("render.reason", e.adj.Reason)) + ")"
		}
		line(s)
	}
	line()
	line("_", md(p.msg("render.footer", p.in.Period.Label(p.lang), p.generated())), "_")
	return b.Flush()
}

// mdContent is the content cell: title, tentative, conflict marks and the move note.
func (p *programme) mdContent(e *entry) string {
	s := md(e.item.Title)
	if e.item.Tentative {
		s += " (" + md(p.msg("render.tentative")) + ")"
	}
	for _, k := range e.marks {
		s += " ⚠ " + conflictRef(k)
	}
	if note := p.movedNote(e); note != "" {
		s += "<br>↻ _" + md(note) + "_"
	}
	return s
}

// row is a table row of already escaped cells.
func row(cells []string) string { return "| " + strings.Join(cells, " | ") + " |" }

// mdEscaper escapes what Markdown (GitHub's flavour) would read as markup, and the table's cell separator.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "|", `\|`,
	"&", `\&`, "#", `\#`, "~", `\~`, "\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// md escapes free text for Markdown, on one line.
func md(s string) string { return mdEscaper.Replace(s) }

// EscapeMarkdown escapes free text for Markdown (GitHub's flavour), on one line, a table's cell separator
// included: what a title or a name holds is never read as markup.
func EscapeMarkdown(s string) string { return md(s) }
