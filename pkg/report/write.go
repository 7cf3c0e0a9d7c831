package report

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/render"
	"github.com/coordvn/coord/pkg/report/chart"
	"github.com/coordvn/coord/pkg/when"
)

// Name is the report's file name without extension: "bao-cao-2026-Q3", "bao-cao-2026".
func Name(p period.Period) string { return "bao-cao-" + p.String() }

// ChartName is the file of figure n's chart beside the Markdown: "bao-cao-2026-Q3-hinh-1.svg".
func ChartName(p period.Period, n int) string { return fmt.Sprintf("%s-hinh-%d.svg", Name(p), n) }

// Markdown writes the report as Markdown in lang, and returns it with its charts as SVG files by name (the
// files the page links to, to be written beside it). Without charts the page has the tables only.
func Markdown(r *Report, lang i18n.Lang, charts bool) (page []byte, files map[string][]byte) {
	files = map[string][]byte{}
	var b bytes.Buffer
	line := func(parts ...string) {
		for _, s := range parts {
			b.WriteString(s)
		}
		b.WriteByte('\n')
	}
	t := func(m i18n.Msg) string { return m.Render(lang) }
	md := render.EscapeMarkdown

	line("**", md(r.From.Name), "**  ")
	line("_", md(t(render.PlaceDate(r.Province, r.AsOf))), "_")
	line()
	if r.Period.Kind == period.Year {
		line("**", md(t(i18n.M("report.draft"))), "**")
		line()
	}
	line("# ", md(t(i18n.M("report.kind"))), ": ", md(t(r.title())))
	line()
	if len(r.To) > 0 {
		line(md(t(r.to())))
		line()
	}
	for _, m := range r.intro() {
		line(md(t(m)))
		line()
	}
	for i, f := range r.Figures {
		n := i + 1
		line("## ", fmt.Sprint(n), ". ", md(t(f.Title)))
		line()
		if len(f.Rows) == 0 {
			line(md(t(f.Empty)))
			line()
			continue
		}
		if len(f.Lead) > 0 {
			line(md(sentences(f.Lead, lang)))
			line()
		}
		var head, align []string
		for j, h := range f.Head {
			head = append(head, md(t(h)))
			if j == 0 {
				align = append(align, "---")
			} else {
				align = append(align, "---:")
			}
		}
		line("| ", strings.Join(head, " | "), " |")
		line("|", strings.Join(align, "|"), "|")
		for _, row := range f.Rows {
			line("| ", strings.Join(cells(row, lang, md, ""), " | "), " |")
		}
		if f.Total != nil {
			line("| ", strings.Join(cells(*f.Total, lang, md, "**"), " | "), " |")
		}
		line()
		caption := t(i18n.M("report.figure", n, f.Title))
		if charts {
			name := ChartName(r.Period, n)
			files[name] = chart.SVG(f.bars(fmt.Sprintf("hinh-%d", n), caption, lang))
			line("![", md(caption), "](", name, ")")
			line()
		}
		for _, m := range f.Notes {
			line("_", md(t(m)), "_")
			line()
		}
	}
	line("---")
	line()
	line(md(t(r.footer())))
	return b.Bytes(), files
}

// cells writes a row's label and numbers, each wrapped in mark (bold for the total).
func cells(row Row, lang i18n.Lang, esc func(string) string, mark string) []string {
	out := []string{mark + esc(row.Label.Render(lang)) + mark}
	for _, c := range row.Cells {
		out = append(out, mark+esc(c.Render(lang))+mark)
	}
	return out
}

// sentences joins messages into one paragraph.
func sentences(ms []i18n.Msg, lang i18n.Lang) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Render(lang)
	}
	return strings.Join(parts, " ")
}

// bars is the figure's chart: the columns it names, by row (or by column, transposed), the total row aside.
func (f Figure) bars(id, title string, lang i18n.Lang) chart.Bars {
	b := chart.Bars{ID: id, Title: title, Layout: f.Chart.Layout, Unit: f.Chart.Unit.Render(lang),
		Number: func(n int) string { return Number(n, lang) }}
	if !f.Chart.Transpose {
		for _, row := range f.Rows {
			b.Categories = append(b.Categories, row.Label.Render(lang))
		}
		for _, col := range f.Chart.Columns {
			s := chart.Series{Name: f.Head[col+1].Render(lang)}
			for _, row := range f.Rows {
				s.Values = append(s.Values, row.Cells[col].N)
			}
			b.Series = append(b.Series, s)
		}
		return b
	}
	for _, col := range f.Chart.Columns {
		b.Categories = append(b.Categories, f.Head[col+1].Render(lang))
	}
	for _, row := range f.Rows {
		s := chart.Series{Name: row.Label.Render(lang)}
		for _, col := range f.Chart.Columns {
			s.Values = append(s.Values, row.Cells[col].N)
		}
		b.Series = append(b.Series, s)
	}
	return b
}

func (r *Report) title() i18n.Msg {
	if r.Period.Kind == period.Year {
		return i18n.M("report.title.year", r.Period.Year)
	}
	return i18n.M("report.title.quarter", r.Period.Text())
}

func (r *Report) to() i18n.Msg {
	var names list
	for _, o := range r.To {
		names = append(names, text(o.Name))
	}
	return i18n.M("report.to", names)
}

// intro is the report's opening: what it covers and as of when; for a year, who hosts the evaluation this
// year and next.
func (r *Report) intro() []i18n.Msg {
	day := when.Date(r.AsOf)
	if r.Period.Kind != period.Year {
		return []i18n.Msg{i18n.M("report.intro.quarter", r.Period.Text(), day)}
	}
	if r.Host.Code == "" {
		return []i18n.Msg{i18n.M("report.intro.year_nohost", r.Period.Year, day)}
	}
	out := []i18n.Msg{i18n.M("report.intro.year", r.Period.Year, r.Host.Name, r.Period.Year, day)}
	if r.NextHost.Code != "" {
		out = append(out, i18n.M("report.next_host", r.Period.Year+1, r.NextHost.Name))
	}
	return out
}

func (r *Report) footer() i18n.Msg {
	return i18n.M("report.footer", i18n.M("phrase.clock", r.AsOf.Hour(), r.AsOf.Minute()), when.Date(r.AsOf))
}

// HTML writes the report as one self-contained page in lang: inline CSS for screen and print (A4), the
// charts inline as SVG, no script, nothing fetched.
func HTML(r *Report, lang i18n.Lang) ([]byte, error) {
	t := func(m i18n.Msg) string { return m.Render(lang) }
	pg := htmlPage{Lang: string(lang), From: r.From.Name, PlaceDate: t(render.PlaceDate(r.Province, r.AsOf)),
		Kind: t(i18n.M("report.kind")), Title: t(r.title()), Footer: t(r.footer())}
	if r.Period.Kind == period.Year {
		pg.Draft = t(i18n.M("report.draft"))
	}
	if len(r.To) > 0 {
		pg.To = t(r.to())
	}
	for _, m := range r.intro() {
		pg.Intro = append(pg.Intro, t(m))
	}
	for i, f := range r.Figures {
		n := i + 1
		hf := htmlFigure{ID: f.ID, N: n, Title: t(f.Title)}
		if len(f.Rows) == 0 {
			hf.Empty = t(f.Empty)
			pg.Figures = append(pg.Figures, hf)
			continue
		}
		hf.Lead = sentences(f.Lead, lang)
		hf.Wide = len(f.Head) > 8 // a year's months
		for _, h := range f.Head {
			hf.Head = append(hf.Head, t(h))
		}
		for _, row := range f.Rows {
			hf.Rows = append(hf.Rows, cells(row, lang, noEscape, ""))
		}
		if f.Total != nil {
			hf.Total = cells(*f.Total, lang, noEscape, "")
		}
		hf.Caption = t(i18n.M("report.figure", n, f.Title))
		hf.Chart = template.HTML(chart.SVG(f.bars(fmt.Sprintf("hinh-%d", n), hf.Caption, lang))) // drawn and escaped by pkg/report/chart
		for _, m := range f.Notes {
			hf.Notes = append(hf.Notes, t(m))
		}
		pg.Figures = append(pg.Figures, hf)
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, pg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func noEscape(s string) string { return s }

type htmlPage struct {
	Lang, From, PlaceDate, Draft, Kind, Title, To, Footer string
	Intro                                                 []string
	Figures                                               []htmlFigure
}

type htmlFigure struct {
	ID                          string
	N                           int
	Title, Empty, Lead, Caption string
	Head                        []string
	Wide                        bool
	Rows                        [][]string
	Total                       []string
	Chart                       template.HTML
	Notes                       []string
}

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Kind}}: {{.Title}}</title>
<style>
@page { size: A4 portrait; margin: 18mm 16mm; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.45; color: #000; background: #fff; max-width: 190mm; margin: 0 auto; padding: 12px; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; }
header .from { font-weight: bold; text-align: center; }
header .date { font-style: italic; }
.draft { display: inline-block; border: 2px solid #000; padding: 2px 10px; font-weight: bold; letter-spacing: 0.1em; margin-top: 12px; }
h1 { text-align: center; font-size: 15pt; margin: 20px 0 4px; }
h1 .title { display: block; font-size: 13pt; font-weight: bold; }
.to { text-align: center; }
h2 { font-size: 13pt; margin: 28px 0 8px; }
section.figure { break-inside: avoid-page; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 11.5pt; }
th, td { border: 1px solid #000; padding: 3px 6px; }
th { background: #e8e8e8; font-weight: bold; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td:first-child { min-width: 9em; }
table.wide { font-size: 9.5pt; }
table.wide th, table.wide td { padding: 2px 3px; }
tr.total td { font-weight: bold; background: #f2f2f2; }
figure { margin: 10px 0; }
figure svg { width: 100%; height: auto; max-width: 760px; display: block; }
figcaption { font-style: italic; text-align: center; margin-top: 4px; }
.note { font-size: 11pt; font-style: italic; }
.empty { font-style: italic; }
footer { margin-top: 32px; border-top: 1px solid #000; padding-top: 6px; font-size: 10.5pt; }
@media print { body { padding: 0; } th, tr.total td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head>
<body>
<header>
<div class="from">{{.From}}{{if .Draft}}<br><span class="draft">{{.Draft}}</span>{{end}}</div>
<div class="date">{{.PlaceDate}}</div>
</header>
<h1>{{.Kind}}<span class="title">{{.Title}}</span></h1>
{{if .To}}<p class="to">{{.To}}</p>
{{end}}{{range .Intro}}<p>{{.}}</p>
{{end}}{{range .Figures}}<section class="figure" id="{{.ID}}">
<h2>{{.N}}. {{.Title}}</h2>
{{if .Empty}}<p class="empty">{{.Empty}}</p>
{{else}}{{if .Lead}}<p>{{.Lead}}</p>
{{end}}<table{{if .Wide}} class="wide"{{end}}>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $i, $c := .}}{{if $i}}<td class="n">{{$c}}</td>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>
{{end}}{{if .Total}}<tr class="total">{{range $i, $c := .Total}}{{if $i}}<td class="n">{{$c}}</td>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
<figure>
{{.Chart}}<figcaption>{{.Caption}}</figcaption>
</figure>
{{range .Notes}}<p class="note">{{.}}</p>
{{end}}{{end}}</section>
{{end}}<footer>{{.Footer}}</footer>
</body>
</html>
`))
