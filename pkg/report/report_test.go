package report_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/internal/testtool"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/report"
	"github.com/coordvn/coord/pkg/rules"
)

// table renders a figure as rows of cells in Vietnamese: the heading, the rows, the total.
func table(f report.Figure) [][]string {
	var out [][]string
	var head []string
	for _, h := range f.Head {
		head = append(head, h.Render(i18n.VI))
	}
	out = append(out, head)
	rows := f.Rows
	if f.Total != nil {
		rows = append(append([]report.Row{}, rows...), *f.Total)
	}
	for _, r := range rows {
		line := []string{r.Label.Render(i18n.VI)}
		for _, c := range r.Cells {
			line = append(line, c.Render(i18n.VI))
		}
		out = append(out, line)
	}
	return out
}

func figure(t *testing.T, r *report.Report, id string) report.Figure {
	t.Helper()
	for _, f := range r.Figures {
		if f.ID == id {
			return f
		}
	}
	t.Fatalf("no figure %s", id)
	return report.Figure{}
}

func wantTable(t *testing.T, f report.Figure, want [][]string) {
	t.Helper()
	if got := table(f); !reflect.DeepEqual(got, want) {
		t.Errorf("figure %s:\n got %q\nwant %q", f.ID, got, want)
	}
}

func wantLead(t *testing.T, f report.Figure, want ...string) {
	t.Helper()
	var got []string
	for _, m := range f.Lead {
		got = append(got, m.Render(i18n.VI))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("figure %s lead:\n got %q\nwant %q", f.ID, got, want)
	}
}

const (
	tu  = "Văn phòng Tỉnh ủy"
	dbh = "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
	ub  = "Văn phòng UBND tỉnh"
)

// The quarter's figures, counted by hand from the fixture (fixture_test.go).
func TestQuarterFigures(t *testing.T) {
	r := build(t, "2026-Q3", "2026-10-01")
	if r.From.Name != tu || len(r.To) != 2 || r.To[0].Name != dbh || r.To[1].Name != ub || r.Host.Code != "" {
		t.Errorf("from %v to %v host %v: a quarter's report comes from the coordinating office", r.From, r.To, r.Host)
	}

	items := figure(t, r, "items")
	wantTable(t, items, [][]string{
		{"Văn phòng", "Tháng 7", "Tháng 8", "Tháng 9", "Tổng"},
		{tu, "3", "1", "1", "5"},
		{dbh, "0", "1", "1", "2"},
		{ub, "2", "1", "1", "4"},
		{"Tổng", "5", "3", "3", "11"},
	})
	wantLead(t, items,
		"Trong Quý III năm 2026, chương trình công tác của các văn phòng có 11 hoạt động (Văn phòng Tỉnh ủy: 5; Văn phòng Đoàn ĐBQH và HĐND tỉnh: 2; Văn phòng UBND tỉnh: 4).",
		"Nhiều hoạt động nhất là tháng 7 năm 2026, với 5 hoạt động.")

	sub := figure(t, r, "submissions")
	wantTable(t, sub, [][]string{
		{"Văn phòng", "Đã nộp", "Đúng hạn", "Trễ hạn, không nêu lý do", "Trễ hạn, có nêu lý do", "Tỉ lệ đúng hạn"},
		{tu, "2", "1", "1", "0", "50,0%"},
		{dbh, "2", "1", "0", "1", "50,0%"},
		{ub, "3", "2", "1", "0", "66,7%"},
		{"Tổng", "7", "4", "2", "1", "57,1%"},
	})
	wantLead(t, sub, "Các văn phòng đã nộp 7 chương trình công tác của Quý III năm 2026 (chương trình năm, quý, tháng, tuần): 4 chương trình đúng hạn (57,1%), 3 chương trình trễ hạn, trong đó 1 chương trình có nêu lý do.")

	conf := figure(t, r, "conflicts")
	wantTable(t, conf, [][]string{
		{"Loại trùng lặp", "Phát hiện", "Dời lịch", "Không đưa vào chương trình", "Giữ nguyên, có lý do", "Chưa xử lý"},
		{"Một người dự hai hoạt động cùng lúc", "2", "1", "1", "0", "0"},
		{"Một địa điểm có hai hoạt động cùng lúc", "1", "0", "0", "1", "0"},
		{"Không đủ thời gian di chuyển giữa hai địa bàn", "1", "0", "0", "0", "1"},
		{"Có thể trùng, thời gian còn dự kiến", "1", "0", "0", "0", "1"},
		{"Hoạt động chung ghi khác nhau giữa các văn phòng", "1", "0", "0", "0", "1"},
		{"Tổng", "6", "1", "1", "1", "3"},
	})
	wantLead(t, conf,
		"Qua 2 chương trình tổng hợp của Quý III năm 2026, cơ quan tổng hợp phát hiện 6 trùng lặp về thời gian, địa bàn: 1 được xử lý bằng dời lịch, 1 bằng không đưa hoạt động vào chương trình, 1 được giữ nguyên có lý do, 3 chưa xử lý.",
		"Cơ quan tổng hợp đã ghi 4 quyết định điều chỉnh: 1 dời lịch, 1 không đưa vào chương trình, 2 giữ nguyên.")

	pet := figure(t, r, "petitions")
	wantTable(t, pet, [][]string{
		{"Văn phòng", "Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh", "Tổng"},
		{tu, "1", "1", "0", "0", "2"},
		{dbh, "0", "0", "1", "0", "1"},
		{ub, "0", "0", "0", "1", "1"},
		{"Tổng", "1", "1", "1", "1", "4"},
	})
	wantLead(t, pet, "Trong Quý III năm 2026, các văn phòng tiếp nhận 4 đơn: 1 đơn khiếu nại, 1 đơn tố cáo, 1 đơn kiến nghị, 1 đơn phản ánh.")

	tasks := figure(t, r, "tasks")
	wantTable(t, tasks, [][]string{
		{"Đơn vị chủ trì", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Chưa đến hạn", "Quá hạn, chưa hoàn thành", "Đã hủy", "Tỉ lệ hoàn thành đúng hạn"},
		{"Ban Tổ chức Tỉnh ủy", "1", "2", "0", "0", "0", "33,3%"},
		{"Thường trực Hội đồng nhân dân tỉnh", "0", "0", "0", "1", "0", "0,0%"},
		{"Ủy ban nhân dân tỉnh", "0", "0", "0", "1", "0", "0,0%"},
		{"Sở Xây dựng", "1", "0", "0", "0", "1", "100,0%"},
		{tu, "1", "0", "0", "0", "0", "100,0%"},
		{ub, "0", "0", "0", "1", "0", "0,0%"},
		{"Tổng", "3", "2", "0", "3", "1", "37,5%"},
	})
	wantLead(t, tasks,
		"Trong Quý III năm 2026 có 9 nhiệm vụ trong các thông báo kết luận có hạn hoàn thành trong kỳ: 3 hoàn thành đúng hạn, 2 hoàn thành trễ hạn, 3 quá hạn chưa hoàn thành, 1 đã hủy.",
		"Tỉ lệ hoàn thành đúng hạn là 37,5% (3 trên 8 nhiệm vụ, không tính nhiệm vụ đã hủy).",
		"Nhiệm vụ quá hạn chưa hoàn thành: Thường trực Hội đồng nhân dân tỉnh: 1; Ủy ban nhân dân tỉnh: 1; Văn phòng UBND tỉnh: 1.")
	if got := tasks.Chart.Columns; !reflect.DeepEqual(got, []int{0, 1, 2, 3}) {
		t.Errorf("the tasks' chart stacks columns %v, want on time, late, open, overdue", got)
	}

	// The figures of other issues say they are not computed yet, and have no table.
	for _, id := range []string{"petition-deadlines", "reception"} {
		if f := figure(t, r, id); len(f.Rows) != 0 || f.Empty.Render(i18n.VI) != "Phiên bản này của coord chưa tính số liệu này." {
			t.Errorf("%s: %d rows, %q", id, len(f.Rows), f.Empty.Render(i18n.VI))
		}
	}
	var ids []string
	for _, f := range r.Figures {
		ids = append(ids, f.ID)
	}
	if strings.Join(ids, " ") != "items submissions conflicts petitions petition-deadlines tasks reception" {
		t.Errorf("figures: %v", ids)
	}
}

// The year: VPUBND hosts 2026 and sends the draft, VPTU hosts 2027; twelve months; what lies outside the
// quarter (VPTU's Q4 programme, two petitions) counts.
func TestYearFigures(t *testing.T) {
	r := build(t, "2026", "2027-01-05")
	if r.Host.Name != ub || r.NextHost.Name != tu || r.From.Name != ub {
		t.Errorf("host %v, next %v, from %v", r.Host, r.NextHost, r.From)
	}
	if len(r.To) != 2 || r.To[0].Name != tu || r.To[1].Name != dbh {
		t.Errorf("to %v", r.To)
	}
	items := table(figure(t, r, "items"))
	if len(items[0]) != 14 || items[0][1] != "Tháng 1" || items[0][12] != "Tháng 12" {
		t.Errorf("heading %q", items[0])
	}
	wantRow := []string{tu, "0", "0", "0", "0", "0", "0", "3", "1", "1", "1", "0", "0", "6"}
	if !reflect.DeepEqual(items[1], wantRow) {
		t.Errorf("VPTU's row %q, want %q", items[1], wantRow)
	}
	if total := items[len(items)-1]; total[13] != "12" || total[10] != "1" {
		t.Errorf("total row %q", total)
	}
	sub := table(figure(t, r, "submissions"))
	if got := sub[len(sub)-1]; !reflect.DeepEqual(got, []string{"Tổng", "8", "5", "2", "1", "62,5%"}) {
		t.Errorf("submissions total %q", got)
	}
	wantTable(t, figure(t, r, "petitions"), [][]string{
		{"Văn phòng", "Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh", "Tổng"},
		{tu, "2", "1", "0", "0", "3"},
		{dbh, "0", "0", "1", "0", "1"},
		{ub, "0", "0", "0", "2", "2"},
		{"Tổng", "2", "1", "1", "2", "6"},
	})
	// The year's tasks as of 05/01/2027: a4 (due in Q2), b3 and c2 (Q4) count; b5, done 03/10, is late; c3,
	// due in 2027, does not count, nor z2 (2025), nor b4 (no due day).
	wantTable(t, figure(t, r, "tasks"), [][]string{
		{"Đơn vị chủ trì", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Chưa đến hạn", "Quá hạn, chưa hoàn thành", "Đã hủy", "Tỉ lệ hoàn thành đúng hạn"},
		{"Ban Tổ chức Tỉnh ủy", "1", "2", "0", "0", "0", "33,3%"},
		{"Thường trực Hội đồng nhân dân tỉnh", "0", "0", "0", "1", "0", "0,0%"},
		{"Ủy ban nhân dân tỉnh", "1", "0", "0", "1", "0", "50,0%"},
		{"Sở Xây dựng", "1", "0", "0", "0", "1", "100,0%"},
		{tu, "1", "0", "0", "0", "0", "100,0%"},
		{dbh, "0", "0", "0", "1", "0", "0,0%"},
		{ub, "0", "2", "0", "0", "0", "0,0%"},
		{"Tổng", "4", "4", "0", "3", "1", "36,4%"},
	})
}

// The quarter's tasks as of 10/9, before its end: the notice of 20/9 is not known yet (c1 does not count);
// a2, done 05/9, is late; a3, b5 (done only on 03/10) and b2 (cancelled only on 18/9) are open, not yet due;
// b1, marked done without a dated note, is on time; no task is cancelled yet, so there is no column for it.
func TestTasksBeforeQuarterEnds(t *testing.T) {
	f := figure(t, build(t, "2026-Q3", "2026-09-10"), "tasks")
	wantTable(t, f, [][]string{
		{"Đơn vị chủ trì", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Chưa đến hạn", "Quá hạn, chưa hoàn thành", "Tỉ lệ hoàn thành đúng hạn"},
		{"Ban Tổ chức Tỉnh ủy", "1", "2", "0", "0", "33,3%"},
		{"Ủy ban nhân dân tỉnh", "0", "0", "1", "0", "0,0%"},
		{"Sở Xây dựng", "1", "0", "1", "0", "50,0%"},
		{tu, "1", "0", "0", "0", "100,0%"},
		{ub, "0", "0", "1", "0", "0,0%"},
		{"Tổng", "3", "2", "3", "0", "37,5%"},
	})
	wantLead(t, f,
		"Trong Quý III năm 2026 có 8 nhiệm vụ trong các thông báo kết luận có hạn hoàn thành trong kỳ: 3 hoàn thành đúng hạn, 2 hoàn thành trễ hạn, 3 chưa đến hạn.",
		"Tỉ lệ hoàn thành đúng hạn là 37,5% (3 trên 8 nhiệm vụ).")
	if got := f.Notes[0].Render(i18n.VI); !strings.Contains(got, "đã ban hành đến ngày 10/9/2026") {
		t.Errorf("the note does not say the day the tasks stand on: %q", got)
	}
}

// A quarter with nothing in it says so, figure by figure, in sentences.
func TestEmptyQuarter(t *testing.T) {
	r := build(t, "2026-Q1", "2026-04-01")
	for _, c := range []struct{ id, empty string }{
		{"items", "Kho dữ liệu chưa có chương trình công tác quý hoặc tháng nào của Quý I năm 2026."},
		{"submissions", "Kho dữ liệu chưa có chương trình công tác nào của Quý I năm 2026."},
		{"conflicts", "Kho dữ liệu chưa có chương trình tổng hợp nào của Quý I năm 2026."},
		{"petitions", "Các văn phòng không tiếp nhận đơn nào trong Quý I năm 2026."},
		{"tasks", "Không có nhiệm vụ nào trong các thông báo kết luận có hạn hoàn thành trong Quý I năm 2026."},
	} {
		f := figure(t, r, c.id)
		if len(f.Rows) != 0 || f.Empty.Render(i18n.VI) != c.empty {
			t.Errorf("%s: %d rows, %q", c.id, len(f.Rows), f.Empty.Render(i18n.VI))
		}
	}
}

// A report covers a quarter or a year: a month is bad usage.
func TestBuildRefusesMonth(t *testing.T) {
	_, err := report.Build(&rules.Context{}, period.Period{Kind: period.Month, Year: 2026, N: 7})
	var e *i18n.Error
	if !errors.As(err, &e) || e.Kind != i18n.KindUsage {
		t.Errorf("err = %v", err)
	}
}

// Shares are exact: rounded half up to one decimal, in integers; numbers take the language's thousands
// separator.
func TestCells(t *testing.T) {
	for _, c := range []struct {
		cell   report.Cell
		vi, en string
	}{
		{report.Percent(4, 7), "57,1%", "57.1%"},
		{report.Percent(2, 3), "66,7%", "66.7%"},
		{report.Percent(1, 16), "6,3%", "6.3%"}, // 6.25 rounds up
		{report.Percent(1, 8), "12,5%", "12.5%"},
		{report.Percent(7, 7), "100,0%", "100.0%"},
		{report.Percent(0, 5), "0,0%", "0.0%"},
		{report.Percent(0, 0), "—", "—"},
		{report.Count(0), "0", "0"},
		{report.Count(999), "999", "999"},
		{report.Count(1000), "1.000", "1,000"},
		{report.Count(1234567), "1.234.567", "1,234,567"},
		{report.Percent(12345, 12345), "100,0%", "100.0%"},
	} {
		if vi, en := c.cell.Render(i18n.VI), c.cell.Render(i18n.EN); vi != c.vi || en != c.en {
			t.Errorf("%+v: %q / %q, want %q / %q", c.cell, vi, en, c.vi, c.en)
		}
	}
}

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testtool.Golden(t, name, got, *update)
}

// The Markdown of the quarter and of the year, and the quarter's charts, against golden files; the page
// links exactly the charts written beside it.
func TestMarkdownGolden(t *testing.T) {
	q := build(t, "2026-Q3", "2026-10-01")
	page, charts := report.Markdown(q, i18n.VI, true)
	golden(t, "bao-cao-2026-Q3.md", page)
	if len(charts) != 5 {
		t.Errorf("%d charts, want 5 (the figures with a table)", len(charts))
	}
	if _, ok := charts["bao-cao-2026-Q3-hinh-6.svg"]; !ok {
		t.Errorf("no chart for figure 6 (tasks): %d charts", len(charts))
	}
	for name, svg := range charts {
		golden(t, name, svg)
		if !bytes.Contains(page, []byte("]("+name+")")) {
			t.Errorf("the page does not link %s", name)
		}
	}
	y := build(t, "2026", "2027-01-05")
	page, _ = report.Markdown(y, i18n.VI, true)
	golden(t, "bao-cao-2026.md", page)
	for _, want := range []string{"**Văn phòng UBND tỉnh**", "**DỰ THẢO**", "# BÁO CÁO: Đánh giá công tác phối hợp năm 2026",
		"Kính gửi: Văn phòng Tỉnh ủy; Văn phòng Đoàn ĐBQH và HĐND tỉnh.",
		"năm 2026 Văn phòng UBND tỉnh đăng cai hội nghị đánh giá", "Năm 2027, Văn phòng Tỉnh ủy đăng cai hội nghị đánh giá công tác phối hợp.",
		"_Đồng Nai, ngày 05 tháng 01 năm 2027_"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the year's report lacks %q", want)
		}
	}
	// Printed without --out: the tables, no chart links.
	page, charts = report.Markdown(q, i18n.VI, false)
	if len(charts) != 0 || bytes.Contains(page, []byte(".svg")) {
		t.Errorf("a report without charts links %d charts", len(charts))
	}
	// In English, the labels and sentences are English; registry names stay.
	en, _ := report.Markdown(q, i18n.EN, true)
	for _, want := range []string{"# REPORT: Coordination in figures, Quarter III 2026", "| Văn phòng UBND tỉnh | 3 | 2 | 1 | 0 | 66.7% |", "Share on time"} {
		if !bytes.Contains(en, []byte(want)) {
			t.Errorf("the English report lacks %q", want)
		}
	}
}
