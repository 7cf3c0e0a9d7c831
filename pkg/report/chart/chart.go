// Package chart draws the report's bar charts as SVG, written here by hand: no script, no external asset,
// nothing fetched; the reader's own sans-serif font. A chart must read on paper and in black and white, so
// each series is told apart by a fill pattern and a shade as well as a colour, every bar carries its value as
// text, and the legend shows the same swatches. It knows nothing of the report's figures or languages: it
// draws the labels and numbers it is given.
package chart

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Layout is how the series of a chart are drawn.
type Layout int

const (
	// Stacked draws one horizontal bar per category, its series end to end, the total at the bar's end:
	// parts of a whole (on time and late, per office).
	Stacked Layout = iota
	// Grouped draws, for each category along the horizontal axis, one vertical bar per series side by side:
	// the same quantity compared across offices, month by month.
	Grouped
)

// Bars is a bar chart.
type Bars struct {
	ID         string // unique in a page: prefixes the ids of the chart's patterns
	Title      string // the chart's accessible title (the figure's caption)
	Layout     Layout
	Categories []string
	Series     []Series
	Unit       string           // what the numbers count, written by the value axis ("hoạt động")
	Number     func(int) string // how a number is written (default strconv.Itoa)
}

// Series is one quantity drawn for every category.
type Series struct {
	Name   string
	Values []int // one per category; missing values are 0
}

// style is how one series looks: a colour, and a pattern that survives a black-and-white printer.
type style struct {
	fill    string // the colour under the pattern
	pattern string // the pattern's marks, drawn in ink over the fill, in a 8×8 tile ("" for none)
	ink     string
}

// styles are distinct in colour, in lightness and in pattern: dark plain, light diagonals, light dots,
// mid cross-hatch, white horizontals, grey verticals; then they repeat.
var styles = []style{
	{fill: "#24476b"},
	{fill: "#a9c8e8", pattern: `<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke-width="1.4"/>`, ink: "#1b2f45"},
	{fill: "#f2c09a", pattern: `<circle cx="2" cy="2" r="1.3"/><circle cx="6" cy="6" r="1.3"/>`, ink: "#5a2d0c"},
	{fill: "#8c8c8c", pattern: `<path d="M0,4 h8 M4,0 v8" stroke-width="1.2"/>`, ink: "#ffffff"},
	{fill: "#ffffff", pattern: `<path d="M0,2 h8 M0,6 h8" stroke-width="1.2"/>`, ink: "#000000"},
	{fill: "#cfcfcf", pattern: `<path d="M2,0 v8 M6,0 v8" stroke-width="1.2"/>`, ink: "#000000"},
}

const (
	width    = 760.0 // the drawing's width: an A4 page's text width at 96 dpi
	fontSize = 12.0
	charW    = 6.9 // a sans-serif character's mean advance at 12px, generous for Vietnamese diacritics
	margin   = 12.0
)

// SVG draws the chart as one self-contained <svg> element, valid both as a file of its own and inline in an
// HTML page.
func SVG(b Bars) []byte {
	if b.Number == nil {
		b.Number = strconv.Itoa
	}
	var w svgWriter
	switch b.Layout {
	case Grouped:
		grouped(&w, b)
	default:
		stacked(&w, b)
	}
	return w.bytes(b)
}

type svgWriter struct {
	body   strings.Builder
	height float64
}

func (w *svgWriter) f(format string, args ...any) { fmt.Fprintf(&w.body, format, args...) }

func (w *svgWriter) bytes(b Bars) []byte {
	var out strings.Builder
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="%s-title" viewBox="0 0 %s %s" width="%s" height="%s" font-family="Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif" font-size="%s">`+"\n",
		esc(b.ID), num(width), num(w.height), num(width), num(w.height), num(fontSize))
	fmt.Fprintf(&out, `<title id="%s-title">%s</title>`+"\n", esc(b.ID), esc(b.Title))
	out.WriteString("<defs>\n")
	for i := range b.Series {
		s := styles[i%len(styles)]
		if s.pattern == "" {
			continue
		}
		fmt.Fprintf(&out, `<pattern id="%s-p%d" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="%s"/><g fill="%s" stroke="%s">%s</g></pattern>`+"\n",
			esc(b.ID), i, s.fill, s.ink, s.ink, s.pattern)
	}
	out.WriteString("</defs>\n")
	fmt.Fprintf(&out, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(width), num(w.height))
	out.WriteString(w.body.String())
	out.WriteString("</svg>\n")
	return []byte(out.String())
}

// paint is the fill of series i: its pattern, or its plain colour.
func paint(id string, i int) string {
	if styles[i%len(styles)].pattern == "" {
		return styles[i%len(styles)].fill
	}
	return fmt.Sprintf("url(#%s-p%d)", esc(id), i)
}

// legend draws a swatch and the name of each series in rows from y, and returns the y below it.
func legend(w *svgWriter, b Bars, y float64) float64 {
	x := margin
	for i, s := range b.Series {
		wd := 14 + 6 + textWidth(s.Name) + 18
		if x+wd > width-margin && x > margin {
			x, y = margin, y+20
		}
		w.f(`<rect x="%s" y="%s" width="14" height="14" fill="%s" stroke="#000000" stroke-width="0.8"/>`+"\n", num(x), num(y), paint(b.ID, i))
		w.f(`<text x="%s" y="%s">%s</text>`+"\n", num(x+20), num(y+11.5), esc(s.Name))
		x += wd
	}
	return y + 20
}

// stacked: one row per category — its label (wrapped on two lines when long), then its series end to end,
// each segment's value written inside when it fits, the total after the bar.
func stacked(w *svgWriter, b Bars) {
	y := legend(w, b, margin) + 6
	labelW := 0.0
	for _, c := range b.Categories {
		for _, l := range wrap(c, 40) {
			labelW = math.Max(labelW, textWidth(l))
		}
	}
	labelW = math.Min(labelW, 40*charW) + 10
	left := margin + labelW
	totals := make([]int, len(b.Categories))
	for i := range b.Categories {
		for _, s := range b.Series {
			totals[i] += value(s, i)
		}
	}
	top := 0
	for _, t := range totals {
		top = max(top, t)
	}
	step, hi := ticks(top)
	plotW := width - left - margin - textWidth(b.Number(top)) - 12
	scale := plotW / float64(hi)
	const rowH, barH = 30.0, 20.0
	axisTop := y
	for i, c := range b.Categories {
		ry := y + float64(i)*rowH
		lines := wrap(c, 40)
		for j, l := range lines {
			ly := ry + rowH/2 + 4 + (float64(j)-float64(len(lines)-1)/2)*13
			w.f(`<text x="%s" y="%s" text-anchor="end">%s</text>`+"\n", num(left-8), num(ly), esc(l))
		}
		x := left
		by := ry + (rowH-barH)/2
		for si, s := range b.Series {
			v := value(s, i)
			if v == 0 {
				continue
			}
			sw := float64(v) * scale
			w.f(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#000000" stroke-width="0.8"><title>%s: %s</title></rect>`+"\n",
				num(x), num(by), num(sw), num(barH), paint(b.ID, si), esc(c+" — "+s.Name), esc(b.Number(v)))
			if t := b.Number(v); textWidth(t)+6 <= sw {
				w.f(`<text x="%s" y="%s" text-anchor="middle" class="value" %s>%s</text>`+"\n", num(x+sw/2), num(by+barH/2+4), onBar(si), esc(t))
			}
			x += sw
		}
		w.f(`<text x="%s" y="%s" font-weight="bold">%s</text>`+"\n", num(x+6), num(by+barH/2+4), esc(b.Number(totals[i])))
	}
	bottom := y + float64(len(b.Categories))*rowH
	// the value axis: grid lines and ticks below the rows
	for v := 0; v <= hi; v += step {
		x := left + float64(v)*scale
		w.f(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#9a9a9a" stroke-width="0.6" stroke-dasharray="3,3"/>`+"\n", num(x), num(axisTop), num(x), num(bottom))
		w.f(`<text x="%s" y="%s" text-anchor="middle" fill="#333333">%s</text>`+"\n", num(x), num(bottom+16), esc(b.Number(v)))
	}
	w.f(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000000" stroke-width="1"/>`+"\n", num(left), num(axisTop), num(left), num(bottom))
	w.f(`<text x="%s" y="%s" text-anchor="middle" fill="#333333">%s</text>`+"\n", num(left+plotW/2), num(bottom+34), esc(b.Unit))
	w.height = bottom + 34 + margin
}

// grouped: categories along the horizontal axis, a bar per series in each, the value above each bar.
func grouped(w *svgWriter, b Bars) {
	y := legend(w, b, margin) + 10
	top := 0
	for _, s := range b.Series {
		for i := range b.Categories {
			top = max(top, value(s, i))
		}
	}
	step, hi := ticks(top)
	left := margin + math.Max(textWidth(b.Number(hi)), 10) + 22
	plotW := width - left - margin
	const plotH = 220.0
	axisTop := y + 8
	bottom := axisTop + plotH
	scale := plotH / float64(hi)
	for v := 0; v <= hi; v += step {
		gy := bottom - float64(v)*scale
		w.f(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#9a9a9a" stroke-width="0.6" stroke-dasharray="3,3"/>`+"\n", num(left), num(gy), num(left+plotW), num(gy))
		w.f(`<text x="%s" y="%s" text-anchor="end" fill="#333333">%s</text>`+"\n", num(left-6), num(gy+4), esc(b.Number(v)))
	}
	n := max(len(b.Categories), 1)
	groupW := plotW / float64(n)
	k := max(len(b.Series), 1)
	barW := math.Min(36, (groupW-12)/float64(k))
	labelLines := 1
	for i, c := range b.Categories {
		gx := left + groupW*float64(i) + (groupW-barW*float64(k))/2
		for si, s := range b.Series {
			v := value(s, i)
			x := gx + barW*float64(si)
			h := float64(v) * scale
			if v > 0 {
				w.f(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#000000" stroke-width="0.8"><title>%s: %s</title></rect>`+"\n",
					num(x), num(bottom-h), num(barW), num(h), paint(b.ID, si), esc(c+" — "+s.Name), esc(b.Number(v)))
			}
			w.f(`<text x="%s" y="%s" text-anchor="middle" class="value">%s</text>`+"\n", num(x+barW/2), num(bottom-h-4), esc(b.Number(v)))
		}
		lines := wrap(c, max(int(groupW/charW), 4))
		labelLines = max(labelLines, len(lines))
		for j, l := range lines {
			w.f(`<text x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", num(left+groupW*(float64(i)+0.5)), num(bottom+16+13*float64(j)), esc(l))
		}
	}
	w.f(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000000" stroke-width="1"/>`+"\n", num(left), num(bottom), num(left+plotW), num(bottom))
	w.f(`<text x="%s" y="%s" text-anchor="middle" fill="#333333" transform="rotate(-90 %s %s)">%s</text>`+"\n",
		num(margin+4), num(axisTop+plotH/2), num(margin+4), num(axisTop+plotH/2), esc(b.Unit))
	w.height = bottom + 16 + 13*float64(labelLines) + margin
}

// onBar is how a value written on a bar of series i reads: white on the plain dark fill, else black with a
// white halo that keeps it clear of the pattern.
func onBar(i int) string {
	if styles[i%len(styles)].pattern == "" {
		return `fill="#ffffff" font-weight="bold"`
	}
	return `fill="#000000" stroke="#ffffff" stroke-width="3" paint-order="stroke"`
}

func value(s Series, i int) int {
	if i < len(s.Values) && s.Values[i] > 0 {
		return s.Values[i]
	}
	return 0
}

// ticks chooses the step of the value axis (1, 2 or 5 times a power of ten, at most about five steps) and
// the axis's end, a multiple of it at or above top.
func ticks(top int) (step, hi int) {
	if top <= 0 {
		return 1, 1
	}
	raw := float64(top) / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step = int(p)
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			step = int(m * p)
			break
		}
	}
	step = max(step, 1)
	return step, (top + step - 1) / step * step
}

// wrap cuts a label into lines of about n characters at spaces, at most two (the second shortened with "…").
func wrap(s string, n int) []string {
	if utf8.RuneCountInString(s) <= n {
		return []string{s}
	}
	words := strings.Fields(s)
	var first []string
	l := 0
	i := 0
	for ; i < len(words); i++ {
		wl := utf8.RuneCountInString(words[i])
		if l > 0 {
			wl++ // the space before it
		}
		if l+wl > n {
			break
		}
		first = append(first, words[i])
		l += wl
	}
	if len(first) == 0 { // one long word
		r := []rune(s)
		return []string{string(r[:n]), shorten(string(r[n:]), n)}
	}
	rest := strings.Join(words[i:], " ")
	if rest == "" {
		return []string{strings.Join(first, " ")}
	}
	return []string{strings.Join(first, " "), shorten(rest, n)}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * charW }

// num writes a coordinate with at most one decimal, so the output is stable.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// esc escapes text for XML; what XML cannot hold at all (invalid UTF-8, control characters) becomes U+FFFD.
func esc(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0x7f && r != 0xfffe && r != 0xffff && !(r >= 0x80 && r < 0xa0)) {
			return r
		}
		return utf8.RuneError
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
	return html.EscapeString(s)
}
