package render

import (
	"bytes"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/coordvn/coord/pkg/record"
)

// TestMovedToAnotherVenue: an item the coordinator moved to another venue, in another locality, stands at the
// new venue, under the new venue's registry name and locality, in every output — Markdown, HTML, the feed, the
// workbook, the document and the office's notice — and "moved from" names the original time and place, never
// the new one. The venue is written as free text in the decision (a name a clerk typed, in lower case and
// without its diacritics) and still reads as the registry's name.
func TestMovedToAnotherVenue(t *testing.T) {
	in := fixture()
	const title = "Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng 7"
	for i := range rec(in).Items {
		if it := &rec(in).Items[i]; it.ID == "VPUBND.tiep-cong-dan-thang-7" {
			it.Locality = "phuong-tran-bien" // its own locality, which a move to another venue must not keep
		}
	}
	rec(in).Adjustments = append(rec(in).Adjustments, record.Adjustment{Item: "VPUBND.tiep-cong-dan-thang-7", Action: "move",
		When: "2026-07-23 chiều", Place: "nha van hoa xa xuan loc", Reason: "Tiếp công dân tại cơ sở", By: "VPTU", Date: "2026-06-24"})
	in = refresh(in)
	const (
		newVenue, newLocality = "Nhà văn hóa xã Xuân Lộc", "Xã Xuân Lộc"
		oldVenue, oldLocality = "Trụ sở tiếp công dân tỉnh", "Phường Trấn Biên"
		movedFrom             = "đã dời từ sáng 22/7/2026, tại Trụ sở tiếp công dân tỉnh"
	)

	// Markdown and HTML: the row of the item, at its new day, with the new venue and the original time.
	md := string(render(t, func(b *bytes.Buffer, in Input) error { return Markdown(b, in) }, in))
	row := lineWith(t, "Markdown", md, title)
	for _, want := range []string{"Thứ Năm, 23/7", newVenue, movedFrom} {
		if !strings.Contains(row, want) {
			t.Errorf("Markdown row lacks %q: %s", want, row)
		}
	}
	html := string(renderHTML(t, in))
	item := html[strings.Index(html, `data-item="VPUBND.tiep-cong-dan-thang-7"`):]
	item = item[:strings.Index(item, "</div>")]
	for _, want := range []string{newVenue, movedFrom} {
		if !strings.Contains(item, want) {
			t.Errorf("HTML item lacks %q: %s", want, item)
		}
	}

	// The feed: LOCATION and the locality are the new venue's; the description says where it came from.
	cal, err := ics.ParseCalendar(bytes.NewReader(renderICS(t, in, "")))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, e := range cal.Events() {
		if e.Id() != "VPUBND.tiep-cong-dan-thang-7@2026-Q3.coord" {
			continue
		}
		found = true
		loc := e.GetProperty(ics.ComponentPropertyLocation).Value
		desc := e.GetProperty(ics.ComponentPropertyDescription).Value
		if loc != newVenue || !strings.Contains(desc, "Địa bàn: "+newLocality) || strings.Contains(desc, oldLocality) ||
			!strings.Contains(desc, movedFrom) {
			t.Errorf("feed event: LOCATION %q, DESCRIPTION %q", loc, desc)
		}
	}
	if !found {
		t.Fatal("the moved item is not in the feed")
	}

	// The workbook: place and locality columns.
	f := openXLSX(t, renderXLSX(t, in))
	rows, err := f.GetRows(xlsxSheet)
	if err != nil {
		t.Fatal(err)
	}
	_, r := rowByTitle(t, rows, title)
	if r[1] != "23/07/2026" || r[7] != newVenue || r[8] != newLocality || !strings.Contains(r[11], movedFrom) {
		t.Errorf("workbook row %q", r)
	}

	// The document shows the programme as issued: the new time and venue, no review marks.
	doc := wordText(t, docxZip(t, renderDOCX(t, in))["word/document.xml"])
	at := strings.Index(doc, title)
	if at < 0 {
		t.Fatal("the document lacks the moved item")
	}
	if near := doc[max(0, at-200):min(len(doc), at+400)]; !strings.Contains(near, newVenue) || strings.Contains(near, oldVenue) {
		t.Errorf("document around the item: %q", near)
	}

	// The office's notice.
	var b bytes.Buffer
	if err := Notice(&b, in, "VPUBND"); err != nil {
		t.Fatal(err)
	}
	notice := b.String()
	nrow := lineWith(t, "notice", notice, "| "+title)
	for _, want := range []string{"chiều 23/7/2026", newVenue, "dời từ sáng 22/7/2026, tại " + oldVenue} {
		if !strings.Contains(nrow, want) {
			t.Errorf("notice row lacks %q: %s", want, nrow)
		}
	}
	if want := "- Dời «" + title + "» từ sáng 22/7/2026, tại " + oldVenue + " sang chiều 23/7/2026, tại " + newVenue + ". Lý do: Tiếp công dân tại cơ sở."; !strings.Contains(notice, want) {
		t.Errorf("notice lacks the decision %q:\n%s", want, notice)
	}
}

// TestMovedJointEvent: a joint event aligned on the coordinator's time moved only the other offices' parts:
// "moved from" names the office whose time it was, and that office's notice says so while the coordinator's
// does not.
func TestMovedJointEvent(t *testing.T) {
	in := fixture()
	for i := range rec(in).Items {
		if it := &rec(in).Items[i]; it.ID == "joint.giao-ban-q3" {
			it.Origins[2].When = "2026-09-25 08:00-10:30" // VPUBND's own programme said the morning
		}
	}
	rec(in).Adjustments = append(rec(in).Adjustments, record.Adjustment{Item: "joint.giao-ban-q3", Action: "move",
		When: "2026-09-25 14:00-16:30", Reason: "Thống nhất giờ", By: "VPTU", Date: "2026-06-24"})
	in = refresh(in)
	p := newProgramme(in)
	e := p.entryByID("joint.giao-ban-q3")
	if got := p.movedNote(e); got != "đã dời từ 8h00–10h30 ngày 25/9/2026 (Văn phòng UBND tỉnh) (lý do: Thống nhất giờ)" {
		t.Errorf("moved note %q", got)
	}
	for office, want := range map[string]bool{"VPUBND": true, "VPTU": false, "VPDBHD": false} {
		var b bytes.Buffer
		if err := Notice(&b, in, office); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), "dời từ 8h00–10h30 ngày 25/9/2026"); got != want {
			t.Errorf("%s's notice names the move: %v, want %v", office, got, want)
		}
	}
}

// lineWith is the line of text holding s.
func lineWith(t *testing.T, what, text, s string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("%s has no line with %q", what, s)
	return ""
}

// TestNoticeEscapes: free text in a notice is text, never markup: a title cannot open a tag, break the table
// or start a heading.
func TestNoticeEscapes(t *testing.T) {
	in := fixture()
	for i := range rec(in).Items {
		if it := &rec(in).Items[i]; it.ID == "VPUBND.tiep-cong-dan-thang-7" {
			it.Title = "<script>alert(1)</script> | # tiêu đề"
		}
	}
	in = refresh(in)
	var b bytes.Buffer
	if err := Notice(&b, in, "VPUBND"); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "<script>") || !strings.Contains(out, `\<script\>alert(1)\</script\> \| \# tiêu đề`) {
		t.Errorf("title not escaped:\n%s", out)
	}
}
