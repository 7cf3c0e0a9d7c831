package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/internal/testtool"
)

func renderHTML(t *testing.T, in Input) []byte {
	return render(t, func(b *bytes.Buffer, in Input) error { return HTML(b, in) }, in)
}

func TestHTMLGolden(t *testing.T) {
	golden(t, "programme.html.golden", renderHTML(t, fixture()))
}

// weekRow matches a week row of the grid and captures its ISO week.
var weekRow = regexp.MustCompile(`<tr class="week" data-week="(\d{4}-W\d{2})"`)

// quarterWeeks are the ISO weeks that Quarter III 2026 touches: 1 July is in week 27, 30 September in week 40.
func quarterWeeks() []string {
	var w []string
	for n := 27; n <= 40; n++ {
		w = append(w, fmt.Sprintf("2026-W%02d", n))
	}
	return w
}

// TestHTMLStructure checks the page without a browser: self-contained, one row per week, the dropped item
// out of the grid, conflicts marked with their message, coarse items in bands, text escaped.
func TestHTMLStructure(t *testing.T) {
	out := string(renderHTML(t, fixture()))
	var weeks []string
	for _, m := range weekRow.FindAllStringSubmatch(out, -1) {
		weeks = append(weeks, m[1])
	}
	if strings.Join(weeks, " ") != strings.Join(quarterWeeks(), " ") {
		t.Errorf("week rows %v", weeks)
	}
	for _, bad := range []string{"<script", "<link", "src=", "http://", "https://", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("page is not self-contained: it holds %q", bad)
		}
	}
	for _, want := range []string{
		"@media print", "size:A4 landscape",
		"<th>Thứ Hai</th>", "<th>Chủ nhật</th>",
		`<tr class="band month"><td colspan="8"><span class="bl">Tháng 8 năm 2026</span>`, // the coarse month's band
		`<span class="bl">Tuần 38 (từ 14/9 đến 20/9)</span>`,                              // the coarse week's band
		`class="it o1 conflict" data-item="VPTU.khao-sat-long-thanh" title="⚠ Trùng lặp T2: Hai đoàn`,
		`&amp; &lt;giám sát&gt;`, // the conflict message, escaped
		`class="it joint" data-item="joint.giao-ban-q3"`,
		"↻ đã dời từ sáng 14/7/2026",
		`<td class="day out" data-date="2026-06-29">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	grid := out[strings.Index(out, `<table class="grid">`):strings.Index(out, "</table>")]
	if strings.Contains(grid, "Thương binh") {
		t.Errorf("dropped item on the calendar")
	}
	if strings.Contains(grid, `data-item="VPTU.lam-viec-ban-to-chuc" title=`) {
		t.Errorf("item of a resolved conflict still marked")
	}
	// The two days of the session both show it, the second as a continuation.
	if n := strings.Count(grid, `data-item="joint.ky-hop-hdnd-giua-nam"`); n != 2 {
		t.Errorf("two-day session shown %d times", n)
	}
	// Injected markup in a title is text, never markup.
	in := fixture()
	rec(in).Items[0].Title = `<img src=x onerror=alert(1)> "quoted"`
	in = refresh(in)
	evil := string(renderHTML(t, in))
	if strings.Contains(evil, "<img") || !strings.Contains(evil, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("title not escaped")
	}
}

// TestHTMLChromium opens the page in headless Chromium: the screenshot is a PNG of the window's size, not
// blank, and shows the office colours; the DOM Chromium builds holds the week rows.
func TestHTMLChromium(t *testing.T) {
	testtool.Chromium(t)
	t.Parallel()
	dir := testtool.KeepDir(t)
	page := filepath.Join(dir, "programme.html")
	if err := os.WriteFile(page, renderHTML(t, fixture()), 0o644); err != nil {
		t.Fatal(err)
	}
	img := testtool.Screenshot(t, page, filepath.Join(dir, "programme.png"), 1600, 1200)
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 1200 {
		t.Errorf("screenshot is %dx%d, want 1600x1200", b.Dx(), b.Dy())
	}
	colours := testtool.Colours(img)
	if len(colours) < 200 {
		t.Errorf("screenshot has %d distinct colours: blank or unstyled", len(colours))
	}
	// Each office's fill and the joint fill cover a visible area.
	p := newProgramme(fixture())
	fills := map[string]string{"joint": jointColour.Fill}
	for _, o := range []string{"VPTU", "VPDBHD", "VPUBND"} {
		fills[o] = palette[p.colour[o]].Fill
	}
	for who, hex := range fills {
		if n := countNear(colours, hex, 2); n < 1500 {
			t.Errorf("colour %s of %s covers %d pixels in the screenshot", hex, who, n)
		}
	}

	dom := testtool.DumpDOM(t, page)
	var weeks []string
	for _, m := range weekRow.FindAllStringSubmatch(dom, -1) {
		weeks = append(weeks, m[1])
	}
	if strings.Join(weeks, " ") != strings.Join(quarterWeeks(), " ") {
		t.Errorf("week rows in the DOM: %v", weeks)
	}
	if !strings.Contains(dom, `title="⚠ Trùng lặp T2: Hai đoàn`) {
		t.Errorf("DOM lacks the conflict's title attribute")
	}
}

// countNear counts the pixels within tol of a #rrggbb colour (a browser may round colours by a unit).
func countNear(colours map[[3]uint8]int, hex string, tol int) int {
	var r, g, b uint8
	fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b)
	n := 0
	for c, k := range colours {
		if abs(int(c[0])-int(r)) <= tol && abs(int(c[1])-int(g)) <= tol && abs(int(c[2])-int(b)) <= tol {
			n += k
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
