package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"github.com/xuri/excelize/v2"
)

// TestProgrammeAdjustments: a move changes the time and place, a drop sets the item apart, the last decision on
// an item wins, and a conflict's state follows the decisions on its items.
func TestProgrammeAdjustments(t *testing.T) {
	in := fixture()
	rec(in).Adjustments = append(rec(in).Adjustments,
		record.Adjustment{Item: "VPUBND.tiep-cong-dan-thang-7", Action: "move", When: "2026-07-23 chiều", Place: "hoi-truong-ubnd"},
		record.Adjustment{Item: "VPUBND.tiep-cong-dan-thang-7", Action: "move", When: "2026-07-24 chiều"}, // wins
	)
	in = refresh(in)
	p := newProgramme(in)
	if len(p.entries) != 16 || len(p.dropped) != 1 || len(p.undated) != 0 {
		t.Fatalf("%d entries, %d dropped, %d undated", len(p.entries), len(p.dropped), len(p.undated))
	}
	e := p.entryByID("VPUBND.tiep-cong-dan-thang-7")
	if e.item.When != "2026-07-24 chiều" || e.item.Place != "tru-so-tiep-cong-dan" || len(e.before) != 1 || e.before[0].When != "2026-07-22 sáng" {
		t.Errorf("last move not applied alone: %+v", e.item.Item)
	}
	if got := p.movedNote(e); got != "đã dời từ sáng 22/7/2026" {
		t.Errorf("moved note %q", got)
	}
	for i, e := range p.entries[1:] {
		if e.span.Start.Before(p.entries[i].span.Start) {
			t.Errorf("entries out of order at %d", i+1)
		}
	}
	states := []consolidate.ConflictState{consolidate.ConflictResolved, consolidate.ConflictAccepted, consolidate.ConflictOpen}
	for i, k := range p.conflicts {
		if k.state != states[i] {
			t.Errorf("conflict T%d state %v, want %v", k.n, k.state, states[i])
		}
	}
	if e := p.entryByID("VPTU.lam-viec-ban-to-chuc"); len(e.marks) != 0 || len(e.all) != 1 {
		t.Errorf("item of the resolved conflict: %d marks, %d conflicts", len(e.marks), len(e.all))
	}
	// The input's slices are not modified by the rendering.
	if rec(in).Items[5].When != "2026-07-14 sáng" {
		t.Errorf("input item modified: %q", rec(in).Items[5].When)
	}
}

// TestProgrammeUndated: an item whose time cannot be read is listed (Markdown, XLSX, DOCX, HTML), never placed
// on the calendar nor in the feed.
func TestProgrammeUndated(t *testing.T) {
	in := fixture()
	rec(in).Items[1].When = "đầu tháng 7"
	in = refresh(in)
	p := newProgramme(in)
	if len(p.undated) != 1 || p.undated[0].item.ID != "VPUBND.phien-hop-ubnd-thang-7" {
		t.Fatalf("undated %v", p.undated)
	}
	md := string(render(t, func(b *bytes.Buffer, in Input) error { return Markdown(b, in) }, in))
	if !strings.Contains(md, "## Hoạt động chưa đọc được thời gian") || !strings.Contains(md, "**Phiên họp UBND tỉnh thường kỳ tháng 7**: đầu tháng 7") {
		t.Errorf("Markdown does not list the undated item")
	}
	if ics := string(renderICS(t, in, "")); strings.Contains(ics, "phien-hop-ubnd-thang-7") {
		t.Errorf("undated item in the feed")
	}
	if html := string(renderHTML(t, in)); !strings.Contains(html, "đầu tháng 7: Phiên họp UBND tỉnh") {
		t.Errorf("HTML does not list the undated item")
	}
}

func TestTimeTexts(t *testing.T) {
	p := newProgramme(fixture())
	for _, c := range []struct{ when, day, time, describe string }{
		{"2026-07-03 08:00-11:30", "Thứ Sáu, 03/7", "8h00-11h30", "8h00–11h30 ngày 03/7/2026"},
		{"2026-07-03 sáng", "Thứ Sáu, 03/7", "Sáng", "sáng 03/7/2026"},
		{"2026-07-03 tối", "Thứ Sáu, 03/7", "Tối", "tối 03/7/2026"},
		{"2026-07-03", "Thứ Sáu, 03/7", "Cả ngày", "ngày 03/7/2026"},
		{"2026-07-08..2026-07-09", "Thứ Tư, 08/7 - Thứ Năm, 09/7", "Cả ngày", "từ ngày 08/7 đến ngày 09/7/2026"},
		{"2026-07-03 08:00..2026-07-04 17:00", "Thứ Sáu, 03/7 - Thứ Bảy, 04/7", "8h00 03/7 - 17h00 04/7", "từ 8h00 ngày 03/7 đến 17h00 ngày 04/7/2026"},
		{"2026-W27", "Tuần 27 (từ 29/6 đến 05/7)", "Trong tuần", "tuần 27 (29/6–05/7/2026)"},
		{"2026-08", "Tháng 8", "Trong tháng", "tháng 8/2026"},
	} {
		sp, err := when.Parse(c.when, p.pol)
		if err != nil {
			t.Fatalf("%s: %v", c.when, err)
		}
		if got := p.dayText(sp); got != c.day {
			t.Errorf("dayText(%s) = %q, want %q", c.when, got, c.day)
		}
		if got := p.timeText(sp); got != c.time {
			t.Errorf("timeText(%s) = %q, want %q", c.when, got, c.time)
		}
		if got := p.describe(c.when); got != c.describe {
			t.Errorf("describe(%s) = %q, want %q", c.when, got, c.describe)
		}
	}
	if got := p.describe("not a time"); got != "not a time" {
		t.Errorf("describe of unreadable text = %q", got)
	}
}

// TestPeriodKinds: titles and the calendar's week rows for a month, a week and a year.
func TestPeriodKinds(t *testing.T) {
	for _, c := range []struct {
		per   period.Period
		title string
		weeks int
	}{
		{period.Period{Kind: period.Month, Year: 2026, N: 7}, "công tác tháng 7 năm 2026", 5},
		{period.Period{Kind: period.Week, Year: 2026, N: 27}, "công tác tuần 27 năm 2026", 1},
		{period.Period{Kind: period.Year, Year: 2026}, "công tác năm 2026", 53},
		{period.Period{Kind: period.Quarter, Year: 2026, N: 3}, "công tác quý III năm 2026", 14},
	} {
		in := fixture()
		in.Period = c.per
		d := newProgramme(in).docxDocument()
		var found bool
		for _, b := range d.Blocks {
			if b.Para != nil && len(b.Para.Runs) > 0 && b.Para.Runs[0].Text == c.title {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no title %q", c.per, c.title)
		}
		if n := len(weekRow.FindAllString(string(renderHTML(t, in)), -1)); n != c.weeks {
			t.Errorf("%s: %d week rows, want %d", c.per, n, c.weeks)
		}
	}
}

// TestEnglish: Markdown, HTML and the feed follow Input.Lang; XLSX and DOCX stay Vietnamese.
func TestEnglish(t *testing.T) {
	in := fixture()
	in.Lang = i18n.EN
	md := string(render(t, func(b *bytes.Buffer, in Input) error { return Markdown(b, in) }, in))
	for _, want := range []string{"# Work programme, Quarter III 2026", "| Friday, 03/7 | 8:00-11:30 |", "## Overlaps in time and locality"} {
		if !strings.Contains(md, want) {
			t.Errorf("English Markdown lacks %q", want)
		}
	}
	if html := string(renderHTML(t, in)); !strings.Contains(html, `<html lang="en">`) || !strings.Contains(html, "<th>Monday</th>") {
		t.Errorf("English HTML not in English")
	}
	x, err := excelize.OpenReader(bytes.NewReader(render(t, func(b *bytes.Buffer, in Input) error { return XLSX(b, in) }, in)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("Chương trình", "E1"); v != "Nội dung" {
		t.Errorf("XLSX header in English: %q", v)
	}
	if got := newProgramme(in).placeDate(); got != "Đồng Nai, ngày 25 tháng 6 năm 2026" {
		t.Errorf("DOCX place-date line %q", got)
	}
}
