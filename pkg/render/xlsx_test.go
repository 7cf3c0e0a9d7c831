package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSX re-opens the workbook with excelize: sheet names, column titles, one row per effective item, a real
// date, the frozen header, the autofilter, the column widths and the conflicts sheet.
func TestXLSX(t *testing.T) {
	in := fixture()
	out := render(t, func(b *bytes.Buffer, in Input) error { return XLSX(b, in) }, in)
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Chương trình", "Trùng lặp"}) {
		t.Fatalf("sheets %q", got)
	}
	const sh = "Chương trình"
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"STT", "Ngày", "Thứ", "Thời gian", "Nội dung", "Chủ trì", "Thành phần", "Địa điểm",
		"Địa bàn", "Cơ quan", "Văn phòng", "Ghi chú", "Mã hoạt động"}
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
	if v, _ := f.GetCellValue(sh, "E3"); v != "Phiên họp UBND tỉnh thường kỳ tháng 7" {
		t.Fatalf("E3 = %q", v)
	}
	if typ, _ := f.GetCellType(sh, "B3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("B3 type %v, want a number", typ)
	}
	if raw, _ := f.GetCellValue(sh, "B3", excelize.Options{RawCellValue: true}); raw != "46206" {
		t.Errorf("B3 raw %q, want the serial date 46206", raw)
	}
	if v, _ := f.GetCellValue(sh, "B3"); v != "03/07/2026" {
		t.Errorf("B3 shown as %q, want 03/07/2026", v)
	}
	if v, _ := f.GetCellValue(sh, "C3"); v != "Thứ Sáu" {
		t.Errorf("C3 = %q", v)
	}
	// The coarse month and the moved item.
	var coarse, moved []string
	for _, r := range rows[1:] {
		switch r[12] {
		case "VPUBND.kiem-tra-cai-cach-hanh-chinh":
			coarse = r
		case "VPDBHD.tiep-xuc-cu-tri-xuan-loc":
			moved = r
		}
	}
	if coarse == nil || coarse[1] != "Tháng 8/2026" || coarse[3] != "Trong tháng" || !strings.HasSuffix(coarse[4], "(dự kiến)") {
		t.Errorf("coarse row %q", coarse)
	}
	if moved == nil || moved[1] != "16/07/2026" || !strings.Contains(moved[11], "đã dời từ Sáng Thứ Ba, 14/7/2026") {
		t.Errorf("moved row %q", moved)
	}
	for _, r := range rows[1:] {
		if r[12] == "VPUBND.kiem-tra-san-bay-long-thanh" && !strings.Contains(r[6], "giam-doc-so-xay-dung") {
			t.Errorf("unregistered attendee not printed as written: %q", r[6])
		}
		if r[12] == "VPTU.khao-sat-long-thanh" && !strings.Contains(r[11], "⚠ Trùng lặp T2") {
			t.Errorf("conflict not noted: %q", r[11])
		}
	}

	panes, err := f.GetPanes(sh)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v; want the header row frozen", panes, err)
	}
	var filter string
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && d.Scope == sh {
			filter = d.RefersTo
		}
	}
	if filter != "'Chương trình'!$A$1:$M$17" {
		t.Errorf("autofilter %q, want the header and every row", filter)
	}
	if w, _ := f.GetColWidth(sh, "E"); w < 40 {
		t.Errorf("content column width %v", w)
	}

	crows, err := f.GetRows("Trùng lặp")
	if err != nil {
		t.Fatal(err)
	}
	if len(crows) != 4 || crows[0][0] != "STT" || crows[1][0] != "T1" || !strings.HasPrefix(crows[1][1], "overlap/person") {
		t.Errorf("conflicts sheet %q", crows)
	}
	if !strings.Contains(crows[3][5], "& <giám sát>") {
		t.Errorf("conflict message altered: %q", crows[3][5])
	}
}
