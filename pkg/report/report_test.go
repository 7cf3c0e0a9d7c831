package report_test

import (
	"bytes"
	"errors"
	"fmt"
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

var (
	petdlHead = []string{"Văn phòng", "Đơn tiếp nhận", "Giải quyết đúng hạn", "Giải quyết trễ hạn", "Đang giải quyết, còn trong hạn",
		"Quá hạn, chưa giải quyết", "Đã chuyển hoặc đã rút", "Tỉ lệ đúng hạn"}
	receptionHead = []string{"Lãnh đạo", "Số tháng phải tiếp", "Có lịch tiếp công dân", "Không có lịch tiếp", "Tỉ lệ thực hiện"}
)

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
		{tu, "3", "1", "0", "0", "4"},
		{dbh, "1", "1", "1", "0", "3"},
		{ub, "1", "0", "1", "1", "3"},
		{"Tổng", "5", "2", "2", "1", "10"},
	})
	wantLead(t, pet, "Trong Quý III năm 2026, các văn phòng tiếp nhận 10 đơn: 5 đơn khiếu nại, 2 đơn tố cáo, 2 đơn kiến nghị, 1 đơn phản ánh.")

	// Figure 5: the petitions of the quarter as they stand on 01/10 (the fixture's table of deadlines).
	petdl := figure(t, r, "petition-deadlines")
	wantTable(t, petdl, [][]string{
		petdlHead,
		{tu, "4", "2", "0", "1", "0", "1", "100,0%"},
		{dbh, "3", "1", "2", "0", "0", "0", "33,3%"},
		{ub, "3", "0", "0", "1", "1", "1", "0,0%"},
		{"Tổng", "10", "3", "2", "2", "1", "2", "50,0%"},
	})
	wantLead(t, petdl,
		"Trong số 10 đơn các văn phòng tiếp nhận trong Quý III năm 2026, 3 đơn giải quyết đúng hạn, 2 đơn giải quyết trễ hạn, 2 đơn đang giải quyết trong hạn, 1 đơn quá hạn chưa giải quyết, 2 đơn đã chuyển cơ quan khác hoặc đã rút.",
		"Tỉ lệ giải quyết đúng hạn là 50,0% (3 trên 6 đơn đã giải quyết hoặc đã quá hạn).",
		"Theo loại đơn, giải quyết đúng hạn: 3 trên 3 đơn khiếu nại (100,0%); 0 trên 1 đơn tố cáo (0,0%); 0 trên 1 đơn kiến nghị (0,0%); 0 trên 1 đơn phản ánh (0,0%).",
		"Đơn quá hạn chưa giải quyết: Văn phòng UBND tỉnh: 1.")
	if got := petdl.Chart.Columns; !reflect.DeepEqual(got, []int{1, 2, 3, 4, 5}) {
		t.Errorf("the petitions' chart stacks columns %v, want within, late, open, overdue, forwarded", got)
	}

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

	// Figure 7: July to September have ended and the Q3 programmes cover them; Huy has no reception day in
	// September.
	rec := figure(t, r, "reception")
	wantTable(t, rec, [][]string{
		receptionHead,
		{"Phạm Quang Huy", "3", "2", "1", "66,7%"},
		{"Võ Thành Long", "3", "3", "0", "100,0%"},
		{"Tổng", "6", "5", "1", "83,3%"},
	})
	wantLead(t, rec,
		"Trong Quý III năm 2026, 2 lãnh đạo có nghĩa vụ tiếp công dân định kỳ hằng tháng, tổng cộng 6 tháng phải tiếp; các chương trình công tác có lịch tiếp công dân của họ trong 5 tháng (83,3%).",
		"Tháng không có lịch tiếp công dân: Phạm Quang Huy: tháng 9 năm 2026.")

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
	// The year's conflicts: the quarter's six and Q4's venue conflict, settled by a move.
	conf := figure(t, r, "conflicts")
	wantTable(t, conf, [][]string{
		{"Loại trùng lặp", "Phát hiện", "Dời lịch", "Không đưa vào chương trình", "Giữ nguyên, có lý do", "Chưa xử lý"},
		{"Một người dự hai hoạt động cùng lúc", "2", "1", "1", "0", "0"},
		{"Một địa điểm có hai hoạt động cùng lúc", "2", "1", "0", "1", "0"},
		{"Không đủ thời gian di chuyển giữa hai địa bàn", "1", "0", "0", "0", "1"},
		{"Có thể trùng, thời gian còn dự kiến", "1", "0", "0", "0", "1"},
		{"Hoạt động chung ghi khác nhau giữa các văn phòng", "1", "0", "0", "0", "1"},
		{"Tổng", "7", "2", "1", "1", "3"},
	})
	wantLead(t, conf,
		"Qua 3 chương trình tổng hợp của năm 2026, cơ quan tổng hợp phát hiện 7 trùng lặp về thời gian, địa bàn: 2 được xử lý bằng dời lịch, 1 bằng không đưa hoạt động vào chương trình, 1 được giữ nguyên có lý do, 3 chưa xử lý.",
		"Cơ quan tổng hợp đã ghi 5 quyết định điều chỉnh: 2 dời lịch, 1 không đưa vào chương trình, 2 giữ nguyên.")
	wantTable(t, figure(t, r, "petitions"), [][]string{
		{"Văn phòng", "Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh", "Tổng"},
		{tu, "4", "1", "0", "0", "5"},
		{dbh, "1", "1", "1", "0", "3"},
		{ub, "1", "0", "1", "2", "4"},
		{"Tổng", "6", "2", "2", "2", "12"},
	})
	// The year's petitions as of 05/01/2027: VPTU's tố cáo of 30/9 and khiếu nại of 01/10 are overdue,
	// VPUBND's khiếu nại resolved on 05/10 was within its deadline (08/10), its phản ánh of 30/6 counts.
	petdl := figure(t, r, "petition-deadlines")
	wantTable(t, petdl, [][]string{
		petdlHead,
		{tu, "5", "2", "0", "0", "2", "1", "50,0%"},
		{dbh, "3", "1", "2", "0", "0", "0", "33,3%"},
		{ub, "4", "2", "0", "0", "1", "1", "66,7%"},
		{"Tổng", "12", "5", "2", "0", "3", "2", "50,0%"},
	})
	wantLead(t, petdl,
		"Trong số 12 đơn các văn phòng tiếp nhận trong năm 2026, 5 đơn giải quyết đúng hạn, 2 đơn giải quyết trễ hạn, 3 đơn quá hạn chưa giải quyết, 2 đơn đã chuyển cơ quan khác hoặc đã rút.",
		"Tỉ lệ giải quyết đúng hạn là 50,0% (5 trên 10 đơn đã giải quyết hoặc đã quá hạn).",
		"Theo loại đơn, giải quyết đúng hạn: 4 trên 5 đơn khiếu nại (80,0%); 0 trên 2 đơn tố cáo (0,0%); 0 trên 1 đơn kiến nghị (0,0%); 1 trên 2 đơn phản ánh (50,0%).",
		"Đơn quá hạn chưa giải quyết: Văn phòng Tỉnh ủy: 2; Văn phòng UBND tỉnh: 1.")
	// The year's reception days: VPTU's Q4 programme covers October to December, which have ended; January to
	// June have no programme and are not judged.
	wantTable(t, figure(t, r, "reception"), [][]string{
		receptionHead,
		{"Phạm Quang Huy", "6", "3", "3", "50,0%"},
		{"Võ Thành Long", "6", "3", "3", "50,0%"},
		{"Tổng", "12", "6", "6", "50,0%"},
	})
	wantLead(t, figure(t, r, "reception"),
		"Trong năm 2026, 2 lãnh đạo có nghĩa vụ tiếp công dân định kỳ hằng tháng, tổng cộng 12 tháng phải tiếp; các chương trình công tác có lịch tiếp công dân của họ trong 6 tháng (50,0%).",
		"Tháng không có lịch tiếp công dân: Phạm Quang Huy: tháng 9 năm 2026, tháng 11 năm 2026, tháng 12 năm 2026; Võ Thành Long: tháng 10 năm 2026, tháng 11 năm 2026, tháng 12 năm 2026.")
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

// The quarter's petitions and reception days as of 10/9, before its end: the petitions received after 10/9
// do not count; steps recorded after it are not read (VPUBND's kiến nghị, withdrawn on 14/9, is still open
// within its deadline); only July and August have ended, and both have a reception day of each leader.
func TestPetitionsAndReceptionBeforeQuarterEnds(t *testing.T) {
	r := build(t, "2026-Q3", "2026-09-10")
	petdl := figure(t, r, "petition-deadlines")
	wantTable(t, petdl, [][]string{
		petdlHead,
		{tu, "2", "1", "0", "0", "0", "1", "100,0%"},
		{dbh, "3", "1", "2", "0", "0", "0", "33,3%"},
		{ub, "3", "0", "0", "2", "1", "0", "0,0%"},
		{"Tổng", "8", "2", "2", "2", "1", "1", "40,0%"},
	})
	if got := petdl.Notes[0].Render(i18n.VI); !strings.Contains(got, "trong kỳ đến ngày 10/9/2026") {
		t.Errorf("the note does not say the day the petitions stand on: %q", got)
	}
	wantTable(t, figure(t, r, "reception"), [][]string{
		receptionHead,
		{"Phạm Quang Huy", "2", "2", "0", "100,0%"},
		{"Võ Thành Long", "2", "2", "0", "100,0%"},
		{"Tổng", "4", "4", "0", "100,0%"},
	})
	wantLead(t, figure(t, r, "reception"),
		"Trong Quý III năm 2026, 2 lãnh đạo có nghĩa vụ tiếp công dân định kỳ hằng tháng, tổng cộng 4 tháng phải tiếp; các chương trình công tác có lịch tiếp công dân của họ trong 4 tháng (100,0%).")
}

// A registry that binds nobody to receive citizens monthly: figure 7 says so, in a sentence.
func TestReceptionNobodyBound(t *testing.T) {
	r := build(t, "2026-Q3", "2026-10-01", func(files map[string][]byte) {
		files["registry/people.yaml"] = bytes.ReplaceAll(files["registry/people.yaml"], []byte("receives_citizens: monthly"), nil)
	})
	f := figure(t, r, "reception")
	if len(f.Rows) != 0 || f.Empty.Render(i18n.VI) != "Danh sách lãnh đạo của kho dữ liệu không ghi người nào có nghĩa vụ tiếp công dân định kỳ hằng tháng." {
		t.Errorf("%d rows, %q", len(f.Rows), f.Empty.Render(i18n.VI))
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
		{"petition-deadlines", "Các văn phòng không tiếp nhận đơn nào trong Quý I năm 2026, tính đến ngày 01/4/2026."},
		{"reception", "Chưa có tháng nào của Quý I năm 2026 kết thúc đến ngày 01/4/2026 mà có chương trình công tác năm, quý hoặc tháng, nên chưa có tháng nào phải tiếp công dân."},
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
	if len(charts) != 7 {
		t.Errorf("%d charts, want 7 (one per figure)", len(charts))
	}
	for n := 1; n <= 7; n++ {
		if _, ok := charts[fmt.Sprintf("bao-cao-2026-Q3-hinh-%d.svg", n)]; !ok {
			t.Errorf("no chart for figure %d", n)
		}
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
	for _, want := range []string{"# REPORT: Coordination in figures, Quarter III 2026", "| Văn phòng UBND tỉnh | 3 | 2 | 1 | 0 | 66.7% |", "Share on time",
		"| **Total** | **10** | **3** | **2** | **2** | **1** | **2** | **50.0%** |", "The share handled within the deadline is 50.0% (3 of 6 petitions handled or overdue).",
		"| Phạm Quang Huy | 3 | 2 | 1 | 66.7% |", "Months without a reception day: Phạm Quang Huy: "} {
		if !bytes.Contains(en, []byte(want)) {
			t.Errorf("the English report lacks %q", want)
		}
	}
}
