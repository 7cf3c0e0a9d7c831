package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/internal/testtool"
	"github.com/coordvn/coord/pkg/report"
)

// The HTML report stands alone: no script, nothing fetched, the seven charts inline as SVG.
func TestHTMLSelfContained(t *testing.T) {
	page, err := report.HTML(build(t, "2026-Q3", "2026-10-01"), i18n.VI)
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	bare := strings.ReplaceAll(s, `xmlns="http://www.w3.org/2000/svg"`, "") // a name, never fetched
	for _, bad := range []string{"<script", "http:", "https:", "<img", "<link", "@import"} {
		if strings.Contains(bare, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if n := strings.Count(s, "<svg "); n != 7 {
		t.Errorf("%d inline charts, want 7", n)
	}
	for _, want := range []string{`<html lang="vi">`, "<td class=\"n\">57,1%</td>", "<td class=\"n\">83,3%</td>",
		"Kính gửi: Văn phòng Đoàn ĐBQH và HĐND tỉnh; Văn phòng UBND tỉnh.", "@page { size: A4 portrait"} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// The HTML report opened in headless Chromium: the screenshot is not blank and shows the charts' ink (the
// first series' dark fill, the patterns of the others); the DOM Chromium builds holds every chart as an svg
// element with its title, bars and values, and the tables' numbers.
func TestHTMLChromium(t *testing.T) {
	testtool.Chromium(t)
	r := build(t, "2026-Q3", "2026-10-01")
	page, err := report.HTML(r, i18n.VI)
	if err != nil {
		t.Fatal(err)
	}
	dir := testtool.KeepDir(t)
	file := filepath.Join(dir, "bao-cao-2026-Q3.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	img := testtool.Screenshot(t, file, filepath.Join(dir, "bao-cao-2026-Q3.png"), 1000, 3200)
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 3200 {
		t.Errorf("screenshot is %dx%d, want 1000x3200", b.Dx(), b.Dy())
	}
	colours := testtool.Colours(img)
	if len(colours) < 100 {
		t.Errorf("screenshot has %d distinct colours: blank or unstyled", len(colours))
	}
	white := colours[[3]uint8{255, 255, 255}]
	if total := 1000 * 3200; white > total*97/100 {
		t.Errorf("screenshot is %d%% white", white*100/total)
	}
	// The first series' plain dark fill covers bars in several charts.
	dark := 0
	for c, n := range colours {
		if near(c, [3]uint8{0x24, 0x47, 0x6b}, 3) {
			dark += n
		}
	}
	if dark < 3000 {
		t.Errorf("the charts' dark fill covers %d pixels", dark)
	}

	dom := testtool.DumpDOM(t, file)
	svgs := regexp.MustCompile(`<svg [^>]*class="chart"`).FindAllString(dom, -1)
	if len(svgs) != 7 {
		t.Fatalf("%d chart svg elements in the DOM, want 7", len(svgs))
	}
	for n := 1; n <= 7; n++ {
		if !strings.Contains(dom, fmt.Sprintf(`<title id="hinh-%d-title">Hình %d. `, n, n)) {
			t.Errorf("chart %d has no title in the DOM", n)
		}
	}
	if n := strings.Count(dom, "<rect "); n < 40 {
		t.Errorf("%d rect elements in the DOM: bars missing", n)
	}
	for _, want := range []string{"Văn phòng Tỉnh ủy — Đúng hạn: 1", "Tháng 7 — Văn phòng UBND tỉnh: 2", `<pattern id="hinh-3-p1"`,
		"Ban Tổ chức Tỉnh ủy — Hoàn thành trễ hạn: 2", "<td class=\"n\">37,5%</td>",
		"Văn phòng Đoàn ĐBQH và HĐND tỉnh — Giải quyết trễ hạn: 2", "Phạm Quang Huy — Không có lịch tiếp: 1",
		"<td class=\"n\">66,7%</td>", "Lập bằng coord từ kho dữ liệu chung lúc 0h00 ngày 01/10/2026."} {
		if !strings.Contains(dom, want) {
			t.Errorf("the DOM lacks %q", want)
		}
	}
}

func near(c, want [3]uint8, tol int) bool {
	for i := range c {
		if d := int(c[i]) - int(want[i]); d > tol || d < -tol {
			return false
		}
	}
	return true
}
