package render

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/when"
	"github.com/xuri/excelize/v2"
)

// xlsxColumns are the columns of the programme sheet and their widths (in characters). Items are named by
// their titles: the workbook is issued, and issued documents show no internal ids.
var xlsxColumns = []struct {
	key   string
	width float64
}{
	{"render.col.no", 5}, {"render.col.date", 11}, {"render.col.weekday", 10}, {"render.col.time", 13},
	{"render.col.content", 44}, {"render.col.chair", 18}, {"render.col.attendees", 24}, {"render.col.place", 22},
	{"render.col.locality", 14}, {"render.col.bodies", 20}, {"render.col.offices", 20}, {"render.col.note", 34},
}

var xlsxConflictColumns = []struct {
	key   string
	width float64
}{
	{"render.col.no", 5}, {"render.col.rule", 30}, {"render.col.severity", 10}, {"render.col.subject", 22},
	{"render.col.items", 55}, {"render.col.message", 50}, {"render.col.resolution", 45},
}

// XLSX writes the workbook that clerks filter and print: a sheet "Chương trình" with one row per item of the
// effective programme (dates as real Excel dates, header frozen and filtered, widths set) and a sheet "Trùng
// lặp" with the conflicts. A coarse item has no date cell: its Ngày reads "Tháng 8/2026" or "Tuần 38/2026".
// Labels are Vietnamese whatever Input.Lang says; items are named by title and time, never by id.
//
// Readable and printable as it comes: body cells wrap, and each row is as tall as its longest wrapped cell
// (excelize does not fit rows to their text, and a spreadsheet opened without row heights shows one line per
// row); each sheet prints on A4 landscape, all columns on one page wide, the header row repeated on every
// page (the _xlnm.Print_Titles name), with the programme's title at the top and "Trang 1/3" at the bottom.
func XLSX(w io.Writer, in Input) error {
	in.Lang = i18n.VI
	p := newProgramme(in)
	f := excelize.NewFile()
	defer f.Close()

	sheet, csheet := vi("render.xlsx.sheet"), vi("render.xlsx.sheet_conflicts")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(csheet); err != nil {
		return err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}

	// Programme sheet.
	var header []any
	for i, c := range xlsxColumns {
		header = append(header, vi(c.key))
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(xlsxColumns))
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", st.header); err != nil {
		return err
	}
	if err := fitRow(f, sheet, 1, header, xlsxWidths(xlsxColumns), true); err != nil {
		return err
	}
	rows := append(append([]*entry{}, p.entries...), p.undated...)
	for i, e := range rows {
		r := i + 2
		cell := func(c int) string { n, _ := excelize.CoordinatesToCellName(c, r); return n }
		vals := p.xlsxRow(e, i+1)
		if err := f.SetSheetRow(sheet, cell(1), &vals); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell(1), cell(len(xlsxColumns)), st.body); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell(1), cell(2), st.centre); err != nil { // STT, and a coarse Ngày
			return err
		}
		if e.dated && !e.span.Coarse() {
			s, _ := p.local(e.span)
			if err := f.SetCellValue(sheet, cell(2), excelDate(s)); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, cell(2), cell(2), st.date); err != nil {
				return err
			}
		}
		if len(e.marks) > 0 {
			if err := f.SetCellStyle(sheet, cell(12), cell(12), st.warn); err != nil {
				return err
			}
		}
		if err := fitRow(f, sheet, r, vals, xlsxWidths(xlsxColumns), false); err != nil {
			return err
		}
	}
	last := len(rows) + 1
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, last), nil); err != nil {
		return err
	}
	if err := freezeHeader(f, sheet); err != nil {
		return err
	}
	if err := pageSetup(f, sheet, p.title()); err != nil {
		return err
	}

	// Conflicts sheet.
	header = header[:0]
	for i, c := range xlsxConflictColumns {
		header = append(header, vi(c.key))
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(csheet, col, col, c.width); err != nil {
			return err
		}
	}
	clast, _ := excelize.ColumnNumberToName(len(xlsxConflictColumns))
	if err := f.SetSheetRow(csheet, "A1", &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(csheet, "A1", clast+"1", st.header); err != nil {
		return err
	}
	if err := fitRow(f, csheet, 1, header, xlsxWidths(xlsxConflictColumns), true); err != nil {
		return err
	}
	for i, k := range p.conflicts {
		var items []string
		for _, id := range k.c.Items {
			items = append(items, p.itemLabel(id))
		}
		vals := []any{conflictRef(k), p.ruleName(k.c.Rule), p.severityName(k.c.Severity), p.subjectName(k.c.Subject),
			strings.Join(items, "\n"), k.c.Message, p.resolution(k)}
		a := fmt.Sprintf("A%d", i+2)
		if err := f.SetSheetRow(csheet, a, &vals); err != nil {
			return err
		}
		if err := f.SetCellStyle(csheet, a, fmt.Sprintf("%s%d", clast, i+2), st.body); err != nil {
			return err
		}
		if err := f.SetCellStyle(csheet, a, a, st.centre); err != nil {
			return err
		}
		if err := fitRow(f, csheet, i+2, vals, xlsxWidths(xlsxConflictColumns), false); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(csheet, fmt.Sprintf("A1:%s%d", clast, len(p.conflicts)+1), nil); err != nil {
		return err
	}
	if err := freezeHeader(f, csheet); err != nil {
		return err
	}
	if err := pageSetup(f, csheet, p.title()+" — "+csheet); err != nil {
		return err
	}

	f.SetActiveSheet(0)
	stamp := in.Generated.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: p.title(), Creator: "coord", Created: stamp, Modified: stamp,
		Language: "vi-VN"}); err != nil {
		return err
	}
	return f.Write(w)
}

// xlsxRow is the row of one item; the date cell is filled apart (a real date) for dated items.
func (p *programme) xlsxRow(e *entry, n int) []any {
	var date, weekday, tm string
	if e.dated {
		s, end := p.local(e.span)
		last := lastDay(end)
		switch e.span.Form {
		case when.FormMonth:
			date = p.msg("render.xlsx.month", int(s.Month()), s.Year())
		case when.FormWeek:
			y, w := weekOf(e.span)
			date = p.msg("render.xlsx.week", w, y)
		default:
			weekday = p.weekday(s)
			if !sameDay(s, last) {
				weekday += " - " + p.weekday(last)
			}
		}
		tm = p.timeText(e.span)
		if e.span.Form == when.FormDays {
			tm += " (" + p.dayMonth(s) + " - " + p.dayMonth(last) + ")"
		}
		if e.span.Form == when.FormSession {
			tm += " (" + p.clock(s) + "-" + p.clock(e.span.End.In(p.loc)) + ")"
		}
	} else {
		tm = e.item.When
	}
	title := e.item.Title
	if e.item.Tentative || (e.dated && e.span.Coarse()) {
		title += " (" + p.msg("render.tentative") + ")"
	}
	var notes []string
	if e.item.Note != "" {
		notes = append(notes, e.item.Note)
	}
	if m := p.movedNote(e); m != "" {
		notes = append(notes, "↻ "+m)
	}
	if t := p.conflictTip(e); t != "" {
		notes = append(notes, "⚠ "+t)
	}
	return []any{n, date, weekday, tm, title, p.people(e.item.Chair), p.people(e.item.Attendees),
		p.placeName(e.item.Place), p.localityName(e.item.Item), p.bodyNames(e.item.Bodies),
		p.officeNames(e.item.Offices), strings.Join(notes, "\n")}
}

// xlsxWidths are a sheet's column widths, in characters.
func xlsxWidths(cols []struct {
	key   string
	width float64
}) []float64 {
	w := make([]float64, len(cols))
	for i, c := range cols {
		w[i] = c.width
	}
	return w
}

// Row heights. The width unit of a column is the digit of the workbook's default font (Calibri 11, 7 pixels);
// an average letter of Times New Roman 12 pt is narrower, about 5.5 pixels, so a column w units wide holds
// about 1.25 w letters a line (measured on LibreOffice's rendering, with Liberation Serif, Times New Roman's
// metric twin). The estimate keeps a margin (1.15 w - 1; a bold header 1 w - 1) so that a line is never cut
// off; a line of 12 pt text takes 15.75 points, as Excel's own rows for that font.
const (
	xlsxPerUnit     = 1.15
	xlsxPerUnitBold = 1.0
	xlsxLinePt      = 15.75
	xlsxRowPadPt    = 3
	xlsxMinRowPt    = 15 // excelize's and Excel's default row height
)

// fitRow sets row r's height for its longest wrapped cell.
func fitRow(f *excelize.File, sheet string, r int, vals []any, widths []float64, bold bool) error {
	lines := 1
	for i, v := range vals {
		if i >= len(widths) {
			break
		}
		per := int(widths[i]*xlsxPerUnit) - 1
		if bold {
			per = int(widths[i]*xlsxPerUnitBold) - 1
		}
		lines = max(lines, wrappedLines(fmt.Sprint(v), max(per, 1)))
	}
	h := min(float64(lines)*xlsxLinePt+xlsxRowPadPt, excelize.MaxRowHeight)
	return f.SetRowHeight(sheet, r, max(h, xlsxMinRowPt))
}

// wrappedLines is how many lines text takes when wrapped at per characters a line, word by word (a word
// longer than a line is cut), each "\n" starting a new line.
func wrappedLines(text string, per int) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		col := 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case col == 0:
			case col+1+l <= per:
				col++
			default:
				n++
				col = 0
			}
			for l > per { // a word longer than a line fills lines of its own (col is 0 here)
				l -= per
				n++
			}
			col += l
		}
	}
	return n
}

// excelDate is the calendar day of t as an Excel serial date (days since 1899-12-30, the 1900 date system).
func excelDate(t time.Time) int {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return int(d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

type xlsxStyles struct{ header, body, centre, date, warn int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	var s xlsxStyles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Border: border,
		Font:      &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return s, err
	}
	if s.body, err = f.NewStyle(&excelize.Style{Border: border, Font: font,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return s, err
	}
	if s.centre, err = f.NewStyle(&excelize.Style{Border: border, Font: font,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}); err != nil {
		return s, err
	}
	format := "dd/mm/yyyy"
	if s.date, err = f.NewStyle(&excelize.Style{Border: border, Font: font, CustomNumFmt: &format,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}); err != nil {
		return s, err
	}
	s.warn, err = f.NewStyle(&excelize.Style{Border: border,
		Font:      &excelize.Font{Family: "Times New Roman", Size: 12, Color: "B00000"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FDE2E2"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	return s, err
}

// freezeHeader keeps the first row in view when scrolling.
func freezeHeader(f *excelize.File, sheet string) error {
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// pageSetup prints on A4 landscape (paper size 9), all columns on one page wide and as many pages tall as it
// takes, the header row repeated on every page, margins of about 1 cm at the sides and 1.5 cm at the top and
// bottom, the title centred at the top of each page and "Trang 2/5" centred at the bottom.
func pageSetup(f *excelize.File, sheet, title string) error {
	size, orient, wide, tall := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient,
		FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, edge, band, centre := 0.4, 0.6, 0.3, true // inches
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge,
		Bottom: &edge, Header: &band, Footer: &band, Horizontally: &centre}); err != nil {
		return err
	}
	// Header and footer codes: &C centres, &"font,style" and &12 set the font; a literal & is written &&.
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: `&C&"Times New Roman,Bold"&12` + strings.ReplaceAll(title, "&", "&&"),
		OddFooter: `&C&"Times New Roman,Regular"&10` + vi("render.xlsx.page_footer"),
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
}
