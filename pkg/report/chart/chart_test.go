package chart

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
)

// wellFormed fails unless svg is well-formed XML with one svg root.
func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(svg)))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if e.Name.Local != "svg" {
					t.Errorf("root element %s", e.Name.Local)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		t.Errorf("%d root elements", roots)
	}
}

var twoOffices = []Series{{Name: "Đúng hạn", Values: []int{3, 0}}, {Name: "Trễ hạn", Values: []int{1, 2}}}

// A stacked chart: one bar segment per non-zero value, each with its value (when it fits) and a tooltip,
// the total at each bar's end, the legend with every series; names are escaped.
func TestStacked(t *testing.T) {
	svg := SVG(Bars{ID: "h2", Title: "Hình 2. Nộp <đúng> hạn & trễ", Layout: Stacked,
		Categories: []string{"Văn phòng Tỉnh ủy", "Văn phòng UBND tỉnh"}, Series: twoOffices, Unit: "chương trình"})
	wellFormed(t, svg)
	s := string(svg)
	if n := strings.Count(s, "<title>"); n != 3 {
		t.Errorf("%d bar segments, want 3 (no segment for a zero)", n)
	}
	for _, want := range []string{`<title id="h2-title">Hình 2. Nộp &lt;đúng&gt; hạn &amp; trễ</title>`, "<title>Văn phòng Tỉnh ủy — Đúng hạn: 3</title>",
		`font-weight="bold">4</text>`, `font-weight="bold">2</text>`, ">Đúng hạn</text>", ">Trễ hạn</text>", ">chương trình</text>",
		`fill="url(#h2-p1)"`, `<pattern id="h2-p1"`} {
		if !strings.Contains(s, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
	if strings.Contains(s, `id="h2-p0"`) {
		t.Errorf("the first series is plain: no pattern")
	}
}

// A grouped chart: a bar per series and category, every value written above its bar (zeros too).
func TestGrouped(t *testing.T) {
	svg := SVG(Bars{ID: "h1", Title: "Hình 1", Layout: Grouped, Categories: []string{"Tháng 7", "Tháng 8"},
		Series: twoOffices, Unit: "hoạt động", Number: func(n int) string { return "n" + strings.Repeat("I", n) }})
	wellFormed(t, svg)
	s := string(svg)
	if n := strings.Count(s, "<title>"); n != 3 {
		t.Errorf("%d bars, want 3", n)
	}
	if n := strings.Count(s, `class="value"`); n != 4 {
		t.Errorf("%d value labels, want 4", n)
	}
	for _, want := range []string{">nIII</text>", ">n</text>", ">Tháng 8</text>", `transform="rotate(-90`} {
		if !strings.Contains(s, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
}

// Nothing to draw still draws the axes, and the output is the same on every run.
func TestEmptyAndStable(t *testing.T) {
	for _, l := range []Layout{Stacked, Grouped} {
		b := Bars{ID: "x", Title: "x", Layout: l, Categories: []string{"a"}, Series: []Series{{Name: "s"}}}
		one, two := SVG(b), SVG(b)
		wellFormed(t, one)
		if string(one) != string(two) {
			t.Errorf("layout %d: two runs differ", l)
		}
		if !regexp.MustCompile(`height="\d+(\.\d)?"`).Match(one) {
			t.Errorf("layout %d: no height", l)
		}
	}
}

// In black and white, series differ by their pattern: no two styles share one, and the legend uses the
// same paint as the bars.
func TestStylesDifferWithoutColour(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range styles {
		if seen[s.pattern] {
			t.Errorf("two styles share the pattern %q", s.pattern)
		}
		seen[s.pattern] = true
	}
	svg := string(SVG(Bars{ID: "c", Title: "t", Categories: []string{"a"}, Series: []Series{{Name: "A", Values: []int{1}}, {Name: "B", Values: []int{1}}, {Name: "C", Values: []int{1}}}}))
	for _, p := range []string{`fill="#24476b"`, `fill="url(#c-p1)"`, `fill="url(#c-p2)"`} {
		if n := strings.Count(svg, p); n != 2 {
			t.Errorf("%s used %d times, want 2 (legend and bar)", p, n)
		}
	}
}

func TestTicks(t *testing.T) {
	for _, c := range []struct{ top, step, hi int }{{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {5, 1, 5}, {7, 2, 8}, {11, 5, 15}, {47, 10, 50}, {121, 50, 150}, {1000, 200, 1000}} {
		if step, hi := ticks(c.top); step != c.step || hi != c.hi {
			t.Errorf("ticks(%d) = %d, %d; want %d, %d", c.top, step, hi, c.step, c.hi)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want []string
	}{
		{"Văn phòng Tỉnh ủy", 40, []string{"Văn phòng Tỉnh ủy"}},
		{"Hoạt động chung ghi khác nhau giữa các văn phòng", 30, []string{"Hoạt động chung ghi khác nhau", "giữa các văn phòng"}},
		{"một hai ba bốn năm sáu bảy tám chín mười", 10, []string{"một hai ba", "bốn năm s…"}},
		{"Tháng12", 4, []string{"Thán", "g12"}},
	} {
		if got := wrap(c.s, c.n); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

// Whatever the labels and numbers, the chart is well-formed XML.
func FuzzSVG(f *testing.F) {
	f.Add("Văn phòng Tỉnh ủy", "Đúng hạn", 3, -1, true)
	f.Add("<&>\"'", "\x00\x01\xff", 1000000, 0, false)
	f.Fuzz(func(t *testing.T, category, series string, a, b int, stacked bool) {
		l := Grouped
		if stacked {
			l = Stacked
		}
		a, b = a%100000, b%100000 // a chart of counts; the axis is drawn in steps
		svg := SVG(Bars{ID: "f", Title: category + series, Layout: l, Categories: []string{category, series},
			Series: []Series{{Name: series, Values: []int{a, b}}, {Name: category, Values: []int{b}}}, Unit: series})
		wellFormed(t, svg)
	})
}
