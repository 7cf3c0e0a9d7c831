package render

import (
	"bytes"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/internal/testtool"
	"github.com/xuri/excelize/v2"
)

const xlsxSheet = "Chương trình"

// longTitle is the fixture's longest title, a coarse month (so "(dự kiến)" follows it): three lines in the
// content column.
const longTitle = "Đoàn kiểm tra của UBND tỉnh kiểm tra công tác cải cách hành chính, chuyển đổi số tại các xã, phường (dự kiến)"

func renderXLSX(t *testing.T, in Input) []byte {
	return render(t, func(b *bytes.Buffer, in Input) error { return XLSX(b, in) }, in)
}

func openXLSX(t *testing.T, out []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rowByTitle is the programme sheet's row (1-based) and cells whose Nội dung starts with title.
func rowByTitle(t *testing.T, rows [][]string, title string) (int, []string) {
	t.Helper()
	for i, r := range rows {
		if len(r) > 4 && strings.HasPrefix(r[4], title) {
			return i + 1, r
		}
	}
	t.Fatalf("no row for %q", title)
	return 0, nil
}

// TestXLSX re-opens the workbook with excelize: sheet names, column titles (no id column), one row per effective
// item, a real date, the frozen header, the autofilter, the column widths and the conflicts sheet, whose items
// are named by title and time.
func TestXLSX(t *testing.T) {
	f := openXLSX(t, renderXLSX(t, fixture()))
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Chương trình", "Trùng lặp"}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows(xlsxSheet)
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"STT", "Ngày", "Thứ", "Thời gian", "Nội dung", "Chủ trì", "Thành phần", "Địa điểm",
		"Địa bàn", "Cơ quan", "Văn phòng", "Ghi chú"}
	if !slices.Equal(rows[0], wantHeader) {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != 1+16 {
		t.Fatalf("%d rows, want the header and 16 items (17 merged, one dropped)", len(rows))
	}
	for _, r := range rows[1:] {
		if strings.Contains(r[4], "Thương binh") {
			t.Errorf("dropped item in the sheet: %q", r)
		}
	}

	// Row 3 is the Phiên họp UBND on Friday 3 July 2026: a real date (serial 46206) shown as 03/07/2026.
	if v, _ := f.GetCellValue(xlsxSheet, "E3"); v != "Phiên họp UBND tỉnh thường kỳ tháng 7" {
		t.Fatalf("E3 = %q", v)
	}
	if typ, _ := f.GetCellType(xlsxSheet, "B3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B3 type %v, want a number", typ)
	}
	if raw, _ := f.GetCellValue(xlsxSheet, "B3", excelize.Options{RawCellValue: true}); raw != "46206" {
		t.Errorf("B3 raw %q, want the serial date 46206", raw)
	}
	if v, _ := f.GetCellValue(xlsxSheet, "B3"); v != "03/07/2026" {
		t.Errorf("B3 shown as %q, want 03/07/2026", v)
	}
	if v, _ := f.GetCellValue(xlsxSheet, "C3"); v != "Thứ Sáu" {
		t.Errorf("C3 = %q", v)
	}
	// The coarse month, the moved item, an unregistered attendee, a kept conflict.
	if _, r := rowByTitle(t, rows, longTitle); r[1] != "Tháng 8/2026" || r[3] != "Trong tháng" || r[4] != longTitle {
		t.Errorf("coarse row %q", r)
	}
	if _, r := rowByTitle(t, rows, "Đoàn ĐBQH tỉnh tiếp xúc cử tri"); r[1] != "16/07/2026" || !strings.Contains(r[11], "đã dời từ sáng 14/7/2026") {
		t.Errorf("moved row %q", r)
	}
	if _, r := rowByTitle(t, rows, "Kiểm tra tiến độ các dự án hạ tầng"); !strings.Contains(r[6], "giam-doc-so-xay-dung") {
		t.Errorf("unregistered attendee not printed as written: %q", r[6])
	}
	if _, r := rowByTitle(t, rows, "Đoàn khảo sát của Tỉnh ủy"); !strings.Contains(r[11], "⚠ Trùng lặp T2") {
		t.Errorf("conflict not noted: %q", r[11])
	}

	panes, err := f.GetPanes(xlsxSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v; want the header row frozen", panes, err)
	}
	var filter string
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && d.Scope == xlsxSheet {
			filter = d.RefersTo
		}
	}
	if filter != "'Chương trình'!$A$1:$L$17" {
		t.Errorf("autofilter %q, want the header and every row", filter)
	}
	if w, _ := f.GetColWidth(xlsxSheet, "E"); w < 40 {
		t.Errorf("content column width %v", w)
	}

	crows, err := f.GetRows("Trùng lặp")
	if err != nil {
		t.Fatal(err)
	}
	if len(crows) != 4 || crows[0][0] != "STT" || crows[1][0] != "T1" || crows[1][1] != "một người dự hai hoạt động cùng lúc" || crows[1][3] != "Phạm Quang Huy" {
		t.Fatalf("conflicts sheet %q", crows)
	}
	if want := "«Thường trực Tỉnh ủy làm việc với Ban Tổ chức Tỉnh ủy về công tác cán bộ» — Văn phòng Tỉnh ủy\n«Đoàn ĐBQH tỉnh tiếp xúc cử tri sau Kỳ họp thứ nhất Quốc hội khóa XVI» — Văn phòng Đoàn ĐBQH và HĐND tỉnh"; !strings.HasPrefix(crows[1][4], want) {
		t.Errorf("conflict's items %q, want titles and offices (%q)", crows[1][4], want)
	}
	if want := "Dời «Đoàn ĐBQH tỉnh tiếp xúc cử tri sau Kỳ họp thứ nhất Quốc hội khóa XVI» sang sáng 16/7/2026 (lý do: Đồng chí Bí thư"; !strings.HasPrefix(crows[1][6], want) {
		t.Errorf("conflict's resolution %q, want %q…", crows[1][6], want)
	}
	if !strings.Contains(crows[3][5], "& <giám sát>") {
		t.Errorf("conflict message altered: %q", crows[3][5])
	}
}

// itemID is an item id as records write it: an office code or "joint", a dot, a slug.
var itemID = regexp.MustCompile(`\b(joint|[A-Z][A-Z0-9]*)\.[a-z0-9]+(-[a-z0-9]+)*\b`)

// TestXLSXNoIDs: the issued workbook shows no internal item id, on any sheet.
func TestXLSXNoIDs(t *testing.T) {
	in := fixture()
	f := openXLSX(t, renderXLSX(t, in))
	if !itemID.MatchString(rec(in).Items[0].ID) || !itemID.MatchString(rec(in).Items[2].ID) {
		t.Fatalf("the id pattern does not match the fixture's ids %q, %q", rec(in).Items[0].ID, rec(in).Items[2].ID)
	}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if m := itemID.FindString(v); m != "" {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					t.Errorf("%s!%s holds the item id %q: %q", sh, cell, m, v)
				}
			}
		}
	}
}

// TestXLSXPrint: rows tall enough for their wrapped text, body cells wrapped, and the page setup of each sheet:
// A4 landscape, one page wide, the header row as print titles, margins, the title and the page number.
func TestXLSXPrint(t *testing.T) {
	f := openXLSX(t, renderXLSX(t, fixture()))
	rows, err := f.GetRows(xlsxSheet)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := rowByTitle(t, rows, longTitle)
	long, err := f.GetRowHeight(xlsxSheet, n)
	if err != nil {
		t.Fatal(err)
	}
	if long < 2*xlsxLinePt {
		t.Errorf("row %d (%q) is %v points tall, want at least two lines (the default is %v)", n, longTitle, long, float64(xlsxMinRowPt))
	}
	for r := 1; r <= len(rows); r++ {
		if h, _ := f.GetRowHeight(xlsxSheet, r); h < xlsxMinRowPt {
			t.Errorf("row %d is %v points tall", r, h)
		}
	}
	if style, _ := f.GetCellStyle(xlsxSheet, "E"+strconv.Itoa(n)); style != 0 {
		if s, err := f.GetStyle(style); err != nil || s.Alignment == nil || !s.Alignment.WrapText {
			t.Errorf("the content cell does not wrap: %+v %v", s, err)
		}
	} else {
		t.Errorf("the content cell has no style")
	}

	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			names[d.Scope] = d.RefersTo
		}
	}
	for _, sh := range f.GetSheetList() {
		if want := "'" + sh + "'!$1:$1"; names[sh] != want {
			t.Errorf("%s: print titles %q, want %q", sh, names[sh], want)
		}
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if *pl.Size != 9 || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout size %v, %v, fit %v×%v; want A4 (9) landscape, 1 page wide", sh, *pl.Size, *pl.Orientation, pl.FitToWidth, pl.FitToHeight)
		}
		props, err := f.GetSheetProps(sh)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page not set: %v", sh, err)
		}
		m, err := f.GetPageMargins(sh)
		if err != nil || m.Left == nil || *m.Left < 0.2 || *m.Left > 1 || m.Top == nil || *m.Top < 0.4 || *m.Top > 1.2 {
			t.Errorf("%s: margins %+v, %v", sh, m, err)
		}
		hf, err := f.GetHeaderFooter(sh)
		if err != nil || hf == nil || !strings.Contains(hf.OddHeader, "Chương trình công tác Quý III năm 2026") || !strings.HasSuffix(hf.OddFooter, "Trang &P/&N") {
			t.Errorf("%s: header/footer %+v, %v", sh, hf, err)
		}
	}
}

// TestWrappedLines: the row-height estimate counts words to a line.
func TestWrappedLines(t *testing.T) {
	for _, c := range []struct {
		text string
		per  int
		want int
	}{
		{"", 10, 1},
		{"một hai ba", 10, 1},
		{"một hai ba bốn", 10, 2},
		{"một\nhai", 10, 2},
		{"abcdefghijklmnopqrstuvwxy", 10, 3},
		{"ab abcdefghijklmnopqrstuvwxy", 10, 4},
		{longTitle, 49, 3},
	} {
		if got := wrappedLines(c.text, c.per); got != c.want {
			t.Errorf("wrappedLines(%q, %d) = %d, want %d", c.text, c.per, got, c.want)
		}
	}
}

// bboxWord is a word of `pdftotext -bbox`, in points from the top left of the page.
type bboxWord struct {
	x0, y0, x1 float64
	text       string
}

var bboxRe = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)

func bboxWords(t *testing.T, page string) []bboxWord {
	t.Helper()
	var out []bboxWord
	for _, m := range bboxRe.FindAllStringSubmatch(page, -1) {
		var v [3]float64
		for i := range v {
			f, err := strconv.ParseFloat(m[i+1], 64)
			if err != nil {
				t.Fatal(err)
			}
			v[i] = f
		}
		w := bboxWord{v[0], v[1], v[2], html.UnescapeString(m[4])}
		// Calc's PDF draws a letter with a stacked diacritic as a glyph of its own, which pdftotext -bbox
		// reports as a word of its own ("N", "ộ", "i"): pieces that touch on one line are one word.
		if n := len(out); n > 0 && math.Abs(out[n-1].y0-w.y0) < 0.5 && w.x0-out[n-1].x1 < 0.6 && w.x0 > out[n-1].x0 {
			out[n-1].x1, out[n-1].text = w.x1, out[n-1].text+w.text
			continue
		}
		out = append(out, w)
	}
	return out
}

// headerCentre is the horizontal centre of a two-word column title on the header row (the topmost occurrence).
func headerCentre(t *testing.T, words []bboxWord, first, second string) (float64, float64) {
	t.Helper()
	best := -1
	for i := 0; i+1 < len(words); i++ {
		if words[i].text == first && words[i+1].text == second && (best < 0 || words[i].y0 < words[best].y0) {
			best = i
		}
	}
	if best < 0 {
		t.Fatalf("no column title %q %q on the page", first, second)
	}
	return (words[best].x0 + words[best+1].x1) / 2, words[best].y0
}

// TestXLSXLibreOffice converts the workbook to PDF with LibreOffice Calc: A4 landscape pages, the page header
// and footer, and the content column read on its own holds every title whole (wrapped, not cut off). A PNG
// of the first page is kept in the test's temporary directory (COORD_KEEP_RENDER=DIR keeps it in DIR).
func TestXLSXLibreOffice(t *testing.T) {
	soffice := testtool.Tool(t, "soffice", "libreoffice")
	pdftotext := testtool.Tool(t, "pdftotext")
	pdfinfo := testtool.Tool(t, "pdfinfo")
	pdftoppm := testtool.Tool(t, "pdftoppm")
	t.Parallel()
	dir := testtool.KeepDir(t)
	xlsx := filepath.Join(dir, "programme.xlsx")
	if err := os.WriteFile(xlsx, renderXLSX(t, fixture()), 0o644); err != nil {
		t.Fatal(err)
	}
	testtool.Exec(t, 120*time.Second, soffice, "-env:UserInstallation=file://"+t.TempDir(), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, xlsx)
	pdf := filepath.Join(dir, "programme.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice wrote no PDF (is Calc installed? libreoffice-calc-nogui): %v", err)
	}
	info := testtool.Exec(t, 30*time.Second, pdfinfo, pdf)
	if !strings.Contains(info, "841.") || !strings.Contains(info, "x 595.") {
		t.Errorf("PDF pages are not A4 landscape:\n%s", info)
	}
	page1 := strings.Join(strings.Fields(testtool.Exec(t, 30*time.Second, pdftotext, "-f", "1", "-l", "1", pdf, "-")), " ")
	for _, want := range []string{"Chương trình công tác Quý III năm 2026", "STT", "Nội dung", "Ghi chú", "Trang 1/"} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}

	// The content column alone: its edges from the centres of the titles "Nội dung" and "Chủ trì" on the header
	// row and the two columns' widths (a column w units wide is 7w+5 pixels; the print scale applies to both).
	words := bboxWords(t, testtool.Exec(t, 30*time.Second, pdftotext, "-f", "1", "-l", "1", "-bbox", pdf, "-"))
	ce, top := headerCentre(t, words, "Nội", "dung")
	cf, _ := headerCentre(t, words, "Chủ", "trì")
	px := func(w float64) float64 { return 7*w + 5 }
	half := (cf - ce) * px(xlsxColumns[4].width) / (px(xlsxColumns[4].width) + px(xlsxColumns[5].width))
	x, w := ce-half+1, 2*half-2
	column := testtool.Exec(t, 30*time.Second, pdftotext, "-f", "1", "-l", "1", "-x", strconv.Itoa(int(x)), "-y", strconv.Itoa(int(top)),
		"-W", strconv.Itoa(int(w)), "-H", "600", pdf, "-")
	// Spaces are compared apart: Calc draws a letter and its stacked diacritic as two glyphs, and pdftotext
	// reads a space between them when they open a wrapped line ("(d ự kiến)"). Every letter is there, in order.
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.Contains(squeeze(column), squeeze(longTitle)) {
		t.Errorf("PDF's content column lacks the long title whole: %q\ncolumn: %s", longTitle, strings.Join(strings.Fields(column), " "))
	}
	for _, title := range effectiveTitles(t, fixture()) {
		if !strings.Contains(squeeze(column), squeeze(title)) {
			t.Errorf("PDF's content column lacks %q", title)
		}
	}

	testtool.Exec(t, 30*time.Second, pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1", pdf, filepath.Join(dir, "xlsx-page"))
	if m, _ := filepath.Glob(filepath.Join(dir, "xlsx-page-*1.png")); len(m) == 0 {
		t.Errorf("no PNG of the first page")
	}
}
