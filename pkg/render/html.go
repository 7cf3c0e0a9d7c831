package render

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/when"
)

// HTML writes one self-contained page (inline CSS, no script, no external asset) with a week-by-week calendar
// of the effective programme: one row per ISO week of the period, Monday to Sunday; items coloured by office
// (joint activities in their own colour), conflicting items framed in red with ⚠ and the conflict in their
// title attribute, coarse items (a week, a month) in a band above their week or month. Below the grid: the
// conflicts, the items left out and any item that cannot be placed. The page prints on A4 landscape.
func HTML(w io.Writer, in Input) error {
	p := newProgramme(in)
	return htmlTemplate.Execute(w, p.htmlPage())
}

type htmlPage struct {
	Lang, Title, Status, Province, Coordinator, Counts, Footer string
	Labels                                                     map[string]string
	CSS                                                        template.CSS
	Legend                                                     []htmlLegend
	Days                                                       []string // Thứ Hai … Chủ nhật
	Rows                                                       []htmlRow
	Conflicts                                                  []htmlConflict
	Dropped, Loose                                             []htmlItem
}

type htmlLegend struct{ Class, Name, Code string }

// htmlRow is a band (coarse items of a month or a week, or a month heading) or a week of seven days.
type htmlRow struct {
	Band      bool
	Month     bool // a month band (a heading), else a week band
	BandLabel string
	Items     []htmlItem
	Week      string // "2026-W27", for the DOM
	WeekLabel string // "Tuần 27"
	WeekDates string // "29/6 – 05/7"
	Days      []htmlDay
}

type htmlDay struct {
	Date    string // "29/6"
	ISO     string // "2026-06-29"
	Out     bool   // outside the period
	Weekend bool
	Items   []htmlItem
}

type htmlItem struct {
	ID, Class, Time, Title, Place, Chair, Offices string
	Dots                                          []string // office colour classes, for joint activities
	Conflict                                      bool
	Tip                                           string // title attribute: conflicts and the move
	Moved                                         string
	Tentative                                     bool
	Cont                                          bool // a later day of a multi-day item
}

type htmlConflict struct {
	Ref, Rule, Severity, SeverityClass, Subject, Message, Resolution string
	Items                                                            []string
}

func (p *programme) htmlPage() htmlPage {
	pg := htmlPage{
		Lang:     string(p.lang),
		Title:    p.title(),
		Status:   p.status(),
		Province: p.in.Province,
		Counts:   p.msg("render.counts", len(p.entries)+len(p.undated), len(p.conflicts), len(p.adjusted), len(p.dropped)),
		Footer:   p.msg("render.footer", p.in.Period.Label(p.lang), p.generated()),
		Labels:   map[string]string{},
		CSS:      p.paletteCSS(),
	}
	pg.Coordinator = p.officeName(p.in.Coordinator.Code)
	if p.in.Coordinator.Name != "" {
		pg.Coordinator = p.in.Coordinator.Name
	}
	for _, k := range []string{"province", "coordinator", "status", "legend", "legend.joint", "legend.conflict",
		"legend.moved", "legend.out", "col.week", "col.no", "col.rule", "col.severity", "col.subject", "col.items",
		"col.message", "col.resolution", "section.conflicts", "section.dropped", "section.outside", "section.undated",
		"none", "tentative", "col.chair", "col.place"} {
		pg.Labels[strings.ReplaceAll(k, ".", "_")] = p.msg("render." + k)
	}
	for _, o := range p.offices {
		pg.Legend = append(pg.Legend, htmlLegend{Class: officeClass(p.colour[o]), Name: p.officeName(o), Code: o})
	}
	for d := 1; d <= 7; d++ {
		pg.Days = append(pg.Days, p.msg("render.weekday."+string(rune('0'+d))))
	}

	shown := map[*entry]bool{}
	pg.Rows = p.htmlRows(shown)
	for _, e := range p.entries {
		if !shown[e] {
			it := p.htmlItem(e, false)
			it.Time = p.describe(e.item.When)
			pg.Loose = append(pg.Loose, it)
		}
	}
	for _, e := range p.undated {
		it := p.htmlItem(e, false)
		it.Time = e.item.When
		pg.Loose = append(pg.Loose, it)
	}
	for _, e := range p.dropped {
		it := p.htmlItem(e, false)
		it.Time = p.describe(e.item.When)
		it.Moved = ""
		if e.adj.Reason != "" {
			it.Moved = p.msg("render.reason", e.adj.Reason)
		}
		it.Conflict, it.Tip = false, ""
		pg.Dropped = append(pg.Dropped, it)
	}
	for _, k := range p.conflicts {
		hc := htmlConflict{Ref: conflictRef(k), Rule: p.ruleName(k.c.Rule), Severity: p.severityName(k.c.Severity),
			SeverityClass: "sev-" + cssIdent(k.c.Severity), Subject: p.subjectName(k.c.Subject), Message: k.c.Message,
			Resolution: p.resolution(k)}
		for _, id := range k.c.Items {
			hc.Items = append(hc.Items, p.itemLabel(id))
		}
		pg.Conflicts = append(pg.Conflicts, hc)
	}
	return pg
}

// htmlRows lays the period out week by week; a month band opens each month (with its coarse items) and a week
// band holds the coarse items of that week. shown collects the entries placed on the grid.
func (p *programme) htmlRows(shown map[*entry]bool) []htmlRow {
	start, end := p.periodBounds()
	if p.in.Period.Kind == 0 {
		return nil
	}
	monday := start.AddDate(0, 0, 1-isoWeekday(start))
	var rows []htmlRow
	for wk := monday; wk.Before(end); wk = wk.AddDate(0, 0, 7) {
		next := wk.AddDate(0, 0, 7)
		// A month opens in this week when its first day (inside the period) falls in it.
		for d := wk; d.Before(next); d = d.AddDate(0, 0, 1) {
			if (d.Day() == 1 || d.Equal(start)) && !d.Before(start) && d.Before(end) {
				band := htmlRow{Band: true, Month: true, BandLabel: p.msg("render.month", int(d.Month()), d.Year())}
				for _, e := range p.entries {
					if s, _ := p.local(e.span); e.span.Form == when.FormMonth && s.Year() == d.Year() && s.Month() == d.Month() {
						band.Items = append(band.Items, p.htmlItem(e, false))
						shown[e] = true
					}
				}
				rows = append(rows, band)
			}
		}
		y, n := wk.ISOWeek()
		var weekBand []htmlItem
		for _, e := range p.entries {
			if e.span.Form == when.FormWeek && e.span.Start.Equal(wk) {
				weekBand = append(weekBand, p.htmlItem(e, false))
				shown[e] = true
			}
		}
		if len(weekBand) > 0 {
			rows = append(rows, htmlRow{Band: true, BandLabel: p.msg("render.week_range", n, p.dayMonth(wk),
				p.dayMonth(next.AddDate(0, 0, -1))), Items: weekBand})
		}
		r := htmlRow{Week: fmt.Sprintf("%04d-W%02d", y, n), WeekLabel: p.msg("render.week_short", n),
			WeekDates: p.dayMonth(wk) + " – " + p.dayMonth(next.AddDate(0, 0, -1))}
		for i := range 7 {
			d := wk.AddDate(0, 0, i)
			day := htmlDay{Date: p.dayMonth(d), ISO: d.Format(time.DateOnly), Out: d.Before(start) || !d.Before(end), Weekend: i >= 5}
			for _, e := range p.entries {
				if e.span.Coarse() {
					continue
				}
				for j, ed := range e.span.Days() {
					if ed.In(p.loc).Format(time.DateOnly) == day.ISO {
						day.Items = append(day.Items, p.htmlItem(e, j > 0))
						shown[e] = true
					}
				}
			}
			r.Days = append(r.Days, day)
		}
		rows = append(rows, r)
	}
	return rows
}

func (p *programme) htmlItem(e *entry, cont bool) htmlItem {
	it := htmlItem{ID: e.item.ID, Title: e.item.Title, Place: e.place.Name, Chair: p.people(e.item.Chair),
		Offices: p.officeNames(e.item.Offices), Moved: p.movedNote(e), Tentative: e.item.Tentative || (e.dated && e.span.Coarse()),
		Cont: cont, Conflict: len(e.marks) > 0}
	if e.dated {
		it.Time = p.timeText(e.span)
		if e.span.Form == when.FormDays || e.span.Form == when.FormSpan {
			it.Time = p.dayText(e.span)
			if e.span.Form == when.FormSpan {
				it.Time = p.timeText(e.span)
			}
		}
	}
	switch {
	case len(e.item.Offices) == 1:
		it.Class = officeClass(p.colour[e.item.Offices[0]])
	case len(e.item.Offices) > 1:
		it.Class = "joint"
		for _, o := range e.item.Offices {
			it.Dots = append(it.Dots, officeClass(p.colour[o]))
		}
	default:
		it.Class = "noofc"
	}
	var tip []string
	if t := p.conflictTip(e); t != "" {
		tip = append(tip, "⚠ "+t)
	}
	if it.Moved != "" {
		tip = append(tip, "↻ "+it.Moved)
	}
	it.Tip = strings.Join(tip, "\n")
	return it
}

func officeClass(i int) string { return fmt.Sprintf("o%d", i) }

// cssIdent keeps a value usable in a class name (severity comes from a record).
func cssIdent(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// paletteCSS is the office colour classes; every value is a constant of this package.
func (p *programme) paletteCSS() template.CSS {
	var b strings.Builder
	for i, c := range palette {
		fmt.Fprintf(&b, ".o%d{background:%s;border-left-color:%s}.dot.o%d{background:%s}\n", i, c.Fill, c.Border, i, c.Border)
	}
	fmt.Fprintf(&b, ".joint{background:%s;border-left-color:%s}\n", jointColour.Fill, jointColour.Border)
	return template.CSS(b.String())
}

var htmlTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
*{box-sizing:border-box}
body{font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;margin:16px;color:#111;background:#fff;font-size:13px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:18px 0 6px}
.meta{margin:0 0 8px;padding:0;list-style:none}
.meta li{display:inline-block;margin-right:18px}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin:6px 0 10px;padding:0;list-style:none}
.legend .sw{display:inline-block;width:28px;height:14px;border-left-width:5px;border-left-style:solid;vertical-align:middle;margin-right:4px}
.legend .sw.conflict{outline:2px solid #d00000;background:#fff;border-left-color:#999}
.legend .sw.out{background:#e9e9e9;border-left-color:#e9e9e9}
table{border-collapse:collapse}
.grid{width:100%;table-layout:fixed}
.grid th,.grid td{border:1px solid #9a9a9a;vertical-align:top;padding:3px}
.grid thead th{background:#2f3b4c;color:#fff;font-size:13px}
.grid th.wk{width:6.5%}
.grid td.wk{background:#f1f3f6;font-weight:bold;font-size:12px}
.grid td.wk small{display:block;font-weight:normal;color:#444}
.grid td.day{height:64px}
.grid td.we{background:#fafaf3}
.grid td.out{background:#e9e9e9;color:#888}
.grid .dn{font-size:11px;color:#555;text-align:right}
.grid tr.band td{background:#fff;border-top:2px solid #2f3b4c;padding:4px 6px}
.grid tr.band.month td{background:#e3e8ef;font-weight:bold;font-size:14px}
.grid tr.band .bl{font-weight:bold;margin-right:8px}
.grid tr.band .it{display:inline-block;vertical-align:top;max-width:48%;margin:2px 6px 2px 0}
.it{border-left:5px solid #777;padding:2px 4px;margin:2px 0;border-radius:2px;font-size:12px;line-height:1.25;break-inside:avoid;page-break-inside:avoid}
.it .t{font-weight:bold}
.it .pl{display:block;color:#333;font-size:11px}
.it .mv{display:block;color:#5a3d00;font-style:italic;font-size:11px}
.it.cont{opacity:.75;font-style:italic}
.it.conflict{outline:2px solid #d00000;outline-offset:-1px}
.it .warn{color:#d00000;font-weight:bold}
.it.tentative{border-left-style:dashed}
.noofc{background:#eee;border-left-color:#777}
.dot{display:inline-block;width:8px;height:8px;border-radius:4px;margin-right:2px;vertical-align:middle}
{{.CSS}}
.list{width:100%;margin-top:4px;table-layout:fixed}
.list th,.list td{border:1px solid #9a9a9a;padding:3px 5px;vertical-align:top;text-align:left}
.list th{background:#2f3b4c;color:#fff}
.sev-error{color:#b00000;font-weight:bold}
.sev-warning{color:#9a5b00;font-weight:bold}
footer{margin-top:14px;color:#555;font-size:11px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:A4 landscape;margin:8mm}
@media print{
 body{margin:0;font-size:9pt}
 h1{font-size:14pt}
 h2{font-size:11pt;break-after:avoid;page-break-after:avoid}
 .grid thead{display:table-header-group}
 .grid tr{break-inside:avoid;page-break-inside:avoid}
 .grid td.day{height:auto}
 .it{font-size:8pt}
 .it .pl,.it .mv,.grid .dn{font-size:7pt}
 .list{font-size:8pt}
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<ul class="meta">
{{- if .Province}}<li><b>{{.Labels.province}}:</b> {{.Province}}</li>{{end}}
{{- if .Coordinator}}<li><b>{{.Labels.coordinator}}:</b> {{.Coordinator}}</li>{{end}}
<li><b>{{.Labels.status}}:</b> {{.Status}}</li>
<li>{{.Counts}}</li>
</ul>
<ul class="legend" aria-label="{{.Labels.legend}}">
<li><b>{{.Labels.legend}}:</b></li>
{{- range .Legend}}
<li><span class="sw {{.Class}}"></span>{{.Name}} ({{.Code}})</li>
{{- end}}
<li><span class="sw joint"></span>{{.Labels.legend_joint}}</li>
<li><span class="sw conflict"></span>{{.Labels.legend_conflict}}</li>
<li>{{.Labels.legend_moved}}</li>
<li><span class="sw out"></span>{{.Labels.legend_out}}</li>
</ul>
</header>
<main>
<table class="grid">
<thead><tr><th class="wk">{{.Labels.col_week}}</th>{{range .Days}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
{{- if .Band}}
<tr class="band{{if .Month}} month{{end}}"><td colspan="8"><span class="bl">{{.BandLabel}}</span>{{range .Items}}{{template "item" .}}{{end}}</td></tr>
{{- else}}
<tr class="week" data-week="{{.Week}}"><td class="wk">{{.WeekLabel}}<small>{{.WeekDates}}</small></td>
{{- range .Days}}<td class="day{{if .Weekend}} we{{end}}{{if .Out}} out{{end}}" data-date="{{.ISO}}"><div class="dn">{{.Date}}</div>{{range .Items}}{{template "item" .}}{{end}}</td>{{end}}</tr>
{{- end}}
{{- end}}
</tbody>
</table>
{{- if .Loose}}
<h2>{{.Labels.section_outside}}</h2>
<ul>{{range .Loose}}<li>{{.Time}}: {{.Title}}</li>{{end}}</ul>
{{- end}}
<h2>{{.Labels.section_conflicts}}</h2>
{{- if .Conflicts}}
<table class="list conflicts">
<colgroup><col style="width:3%"><col style="width:15%"><col style="width:7%"><col style="width:10%"><col style="width:26%"><col style="width:19%"><col style="width:20%"></colgroup>
<thead><tr><th>#</th><th>{{.Labels.col_rule}}</th><th>{{.Labels.col_severity}}</th><th>{{.Labels.col_subject}}</th><th>{{.Labels.col_items}}</th><th>{{.Labels.col_message}}</th><th>{{.Labels.col_resolution}}</th></tr></thead>
<tbody>
{{- range .Conflicts}}
<tr id="{{.Ref}}"><td>{{.Ref}}</td><td>{{.Rule}}</td><td class="{{.SeverityClass}}">{{.Severity}}</td><td>{{.Subject}}</td><td>{{range $i, $x := .Items}}{{if $i}}<br>{{end}}{{$x}}{{end}}</td><td>{{.Message}}</td><td>{{.Resolution}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>{{.Labels.none}}</p>
{{- end}}
<h2>{{.Labels.section_dropped}}</h2>
{{- if .Dropped}}
<ul class="dropped">{{range .Dropped}}<li><s>{{.Title}}</s> — {{.Time}}{{if .Place}}, {{.Place}}{{end}} — {{.Offices}}{{if .Moved}} ({{.Moved}}){{end}}</li>{{end}}</ul>
{{- else}}
<p>{{.Labels.none}}</p>
{{- end}}
</main>
<footer>{{.Footer}}</footer>
</body>
</html>
{{define "item"}}<div class="it {{.Class}}{{if .Conflict}} conflict{{end}}{{if .Tentative}} tentative{{end}}{{if .Cont}} cont{{end}}" data-item="{{.ID}}"{{if .Tip}} title="{{.Tip}}"{{end}}>{{if .Conflict}}<span class="warn">⚠ </span>{{end}}{{range .Dots}}<span class="dot {{.}}"></span>{{end}}{{if .Time}}{{.Time}} {{end}}<span class="t">{{.Title}}</span>{{if .Place}}<span class="pl">{{.Place}}{{if .Chair}} · {{.Chair}}{{end}}</span>{{else if .Chair}}<span class="pl">{{.Chair}}</span>{{end}}{{if .Moved}}<span class="mv">↻ {{.Moved}}</span>{{end}}</div>{{end}}
`))
