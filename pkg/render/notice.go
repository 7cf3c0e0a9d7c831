package render

import (
	"bufio"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/when"
)

// Notice writes the message to one office about the consolidated programme (seed 004, point 1: offices are
// notified before issuance), in Markdown: the office's own items as they now stand (with where an item was
// moved from — the time and place the office's own programme gave), what the coordinator moved, left out or
// kept and why, and what the other offices plan in the same localities on the same days. It is written in
// sentences with names, titles and Vietnamese dates — no ids, rule ids or subject keys — and every piece of
// free text is escaped, so a title cannot inject markup or HTML.
//
// "The same localities" means the same locality on the same day: over a quarter, the provincial centre hosts
// nearly everything, and what a commune feels is two delegations on one day.
func Notice(w io.Writer, in Input, office string) error {
	p := newProgramme(in)
	b := bufio.NewWriter(w)
	line := func(parts ...string) {
		for _, s := range parts {
			b.WriteString(s)
		}
		b.WriteByte('\n')
	}
	label := in.Period.Label(p.lang)
	line("# ", md(p.msg("render.notice.title", label)))
	line()
	line(p.msg("render.notice.to", md(p.officeName(office))))
	line()
	line(md(p.msg("render.notice.intro", p.officeName(in.Coordinator.Code), label, p.noticeStatus())))
	line()

	mine := func(e *entry) bool { return slices.Contains(e.item.Offices, office) }
	var own []*entry
	for _, list := range [][]*entry{p.entries, p.undated} {
		for _, e := range list {
			if mine(e) {
				own = append(own, e)
			}
		}
	}
	for _, e := range p.dropped {
		if mine(e) {
			own = append(own, e)
		}
	}
	line("## ", md(p.msg("render.notice.items", p.officeName(office), len(own))))
	line()
	if len(own) == 0 {
		line(md(p.msg("render.none")))
	} else {
		line(row([]string{p.msg("render.col.time"), p.msg("render.col.content"), p.msg("render.col.place"),
			p.msg("render.col.chair"), p.msg("render.col.note")}))
		line("|---|---|---|---|---|")
		for _, e := range own {
			var notes []string
			if e.adj != nil {
				switch e.adj.Action {
				case actionMove:
					if bf := beforeFor(e, office); bf != nil {
						notes = append(notes, p.msg("render.notice.moved", p.beforeText(e, bf)))
					}
				case actionDrop:
					notes = append(notes, p.msg("render.notice.dropped"))
				case actionKeep:
					notes = append(notes, p.msg("render.notice.kept"))
				}
			}
			if others := without(e.item.Offices, office); len(others) > 0 {
				notes = append(notes, p.msg("render.notice.joint", p.officeNames(others)))
			}
			for _, k := range e.marks {
				if k.state == consolidate.ConflictOpen {
					notes = append(notes, "⚠ "+k.c.Message)
				}
			}
			whenText := md(p.describe(e.item.When))
			if e.adj != nil && e.adj.Action == actionDrop {
				whenText = "~~" + whenText + "~~"
			}
			line(row([]string{whenText, md(e.item.Title), md(e.place.Name), md(p.people(e.item.Chair)), md(strings.Join(notes, "; "))}))
		}
	}
	line()

	// The decisions on this office's items, except a move that left its own item where it was (a joint event
	// aligned on this office's time is news for the others only).
	var adjs []*entry
	for _, e := range p.adjusted {
		if mine(e) && !(e.adj.Action == actionMove && beforeFor(e, office) == nil) {
			adjs = append(adjs, e)
		}
	}
	line("## ", md(p.msg("render.notice.adjust", len(adjs))))
	line()
	if len(adjs) == 0 {
		line(md(p.msg("render.none")))
	}
	for _, e := range adjs {
		reason := strings.TrimRight(e.adj.Reason, ". ")
		if reason == "" {
			reason = p.msg("render.notice.no_reason")
		}
		switch e.adj.Action {
		case actionMove:
			to := p.describe(e.item.When)
			if bf := beforeFor(e, office); bf != nil && !bf.Place.Same(e.place) && e.place.Name != "" {
				to = p.msg("render.at_place", to, e.place.Name)
			}
			line("- ", md(p.msg("render.notice.adj.move", e.item.Title, p.beforeText(e, beforeFor(e, office)), to, reason)))
		case actionDrop:
			line("- ", md(p.msg("render.notice.adj.drop", e.item.Title, p.describe(e.item.When), reason)))
		case actionKeep:
			line("- ", md(p.msg("render.notice.adj.keep", e.item.Title, p.describe(e.item.When), reason)))
		}
	}
	line()

	// Other offices' items in a locality on a day where this office has an item there too.
	type key struct {
		loc string
		day string
	}
	centre := p.centre()
	here := map[key]bool{}
	for _, e := range p.entries {
		if !mine(e) || e.place.Locality == "" || centre[e.place.Locality] || e.span.Coarse() {
			continue
		}
		for _, d := range e.span.Days() {
			here[key{e.place.Locality, d.Format(time.DateOnly)}] = true
		}
	}
	var others []string
	for _, e := range p.entries {
		if mine(e) || e.place.Locality == "" || e.span.Coarse() {
			continue
		}
		for _, d := range e.span.Days() {
			if here[key{e.place.Locality, d.Format(time.DateOnly)}] {
				others = append(others, "- "+md(p.msg("render.notice.other", e.place.LocalityName, when.Date(d).Render(p.lang),
					e.item.Title, p.officeNames(e.item.Offices), p.describe(e.item.When))))
				break
			}
		}
	}
	line("## ", md(p.msg("render.notice.others", len(others))))
	line()
	if len(others) == 0 {
		line(md(p.msg("render.none")))
	}
	for _, s := range others {
		line(s)
	}
	return b.Flush()
}

// NoticeOffices are the offices a notice goes to: those with items, in registry order, then any other
// office an item names.
func NoticeOffices(in Input) []string {
	has := map[string]bool{}
	if in.Prog != nil {
		for _, e := range in.Prog.Entries {
			for _, o := range e.Item.Offices {
				has[o] = true
			}
		}
	}
	var out, extra []string
	for _, o := range in.OfficeOrder {
		if has[o] && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	for o := range has {
		if !slices.Contains(out, o) {
			extra = append(extra, o)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// beforeFor is where an office's own programme put a moved item, when that differs from where it stands.
func beforeFor(e *entry, office string) *consolidate.Before {
	for i := range e.before {
		if slices.Contains(e.before[i].Offices, office) {
			return &e.before[i]
		}
	}
	return nil
}

// beforeText is a former time, with the former place when the move changed it.
func (p *programme) beforeText(e *entry, b *consolidate.Before) string {
	if b == nil {
		return p.describe(e.item.When)
	}
	s := p.describe(b.When)
	if !b.Place.Same(e.place) && b.Place.Name != "" {
		s = p.msg("render.at_place", s, b.Place.Name)
	}
	return s
}

// noticeStatus is the programme's status in a sentence's words: "dự thảo", "đã phê duyệt ngày 26/6/2026",
// "đã ban hành ngày 29/6/2026".
func (p *programme) noticeStatus() string {
	c := p.record()
	switch c.Status {
	case consolidate.StatusApproved:
		if d := c.Decision; d != nil {
			return p.msg("render.notice.status.approved", p.isoDateText(d.Date))
		}
	case consolidate.StatusIssued:
		return p.msg("render.notice.status.issued", p.isoDateText(c.Issued))
	case consolidate.StatusSubmitted:
		return p.msg("render.notice.status.submitted")
	}
	return p.msg("render.notice.status.draft")
}

// centre is the provincial centre: the localities travel times are measured to (those without travel
// minutes, when the registry gives some). Nearly every meeting is held there, so it is not news.
func (p *programme) centre() map[string]bool {
	out := map[string]bool{}
	any := false
	for _, l := range p.in.Localities {
		if l.Travel > 0 {
			any = true
		} else {
			out[l.ID] = true
		}
	}
	if !any {
		return nil
	}
	return out
}

func without(xs []string, x string) []string {
	var out []string
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}
