package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

func renderICS(t *testing.T, in Input, person string) []byte {
	return render(t, func(b *bytes.Buffer, in Input) error { return ICS(b, in, person) }, in)
}

func TestICSGolden(t *testing.T) {
	golden(t, "programme.ics.golden", renderICS(t, fixture(), ""))
	golden(t, "programme-vo-thanh-long.ics.golden", renderICS(t, fixture(), "vo-thanh-long"))
}

// TestICSLines: every physical line ends with CRLF, is at most 75 octets and is valid UTF-8 on its own (a
// fold never splits a character); no bare CR or LF.
func TestICSLines(t *testing.T) {
	for _, person := range []string{"", "vo-thanh-long"} {
		out := renderICS(t, fixture(), person)
		if !bytes.HasSuffix(out, []byte("\r\n")) {
			t.Fatalf("feed %q does not end with CRLF", person)
		}
		lines := strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n")
		folded := 0
		for i, l := range lines {
			if len(l) > 75 {
				t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
			}
			if strings.ContainsAny(l, "\r\n") {
				t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
			}
			if !utf8.ValidString(l) {
				t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
			}
			if strings.HasPrefix(l, " ") {
				folded++
			}
		}
		if folded == 0 {
			t.Errorf("feed %q: no folded line; the fixture's long Vietnamese titles should need folding", person)
		}
	}
}

// TestICSParse reads the feeds back with golang-ical: UIDs, SEQUENCE, DTSTART values, all-day coarse items,
// the moved item at its new time, the dropped item absent, and the leader's feed holding only that leader's items.
func TestICSParse(t *testing.T) {
	in := fixture()
	cal, err := ics.ParseCalendar(bytes.NewReader(renderICS(t, in, "")))
	if err != nil {
		t.Fatal(err)
	}
	type ev struct{ start, startParam, end, seq, summary, location, desc, status string }
	got := map[string]ev{}
	var order []string
	for _, e := range cal.Events() {
		prop := func(p ics.ComponentProperty) string {
			if v := e.GetProperty(p); v != nil {
				return v.Value
			}
			return ""
		}
		x := ev{start: prop(ics.ComponentPropertyDtStart), end: prop(ics.ComponentPropertyDtEnd),
			seq: prop(ics.ComponentPropertySequence), summary: prop(ics.ComponentPropertySummary),
			location: prop(ics.ComponentPropertyLocation), desc: prop(ics.ComponentPropertyDescription),
			status: prop(ics.ComponentPropertyStatus)}
		if v := e.GetProperty(ics.ComponentPropertyDtStart); v != nil {
			x.startParam = strings.Join(v.ICalParameters["VALUE"], ",")
		}
		if s := prop(ics.ComponentPropertyDtstamp); s != "20260626T023000Z" {
			t.Errorf("%s: DTSTAMP %q, want the Generated instant in UTC", e.Id(), s)
		}
		got[e.Id()] = x
		order = append(order, e.Id())
	}
	if len(got) != 16 || len(order) != 16 {
		t.Fatalf("%d events (%d distinct UIDs), want 16", len(order), len(got))
	}
	for _, it := range rec(in).Items {
		uid := it.ID + "@2026-Q3.coord"
		if _, ok := got[uid]; ok == (it.ID == "VPTU.hop-mat-ky-niem-thuong-binh-liet-si") {
			t.Errorf("UID %s present = %v", uid, ok)
		}
	}
	want := map[string]ev{
		// 08:00 in UTC+7 is 01:00Z.
		"VPUBND.phien-hop-ubnd-thang-7@2026-Q3.coord": {start: "20260703T010000Z", end: "20260703T043000Z", seq: "1",
			summary: "Phiên họp UBND tỉnh thường kỳ tháng 7", location: "Hội trường UBND tỉnh", status: "CONFIRMED"},
		// Moved from 14/7 to the morning of 16/7 (07:30 = 00:30Z); SEQUENCE raised from 2 to 3.
		"VPDBHD.tiep-xuc-cu-tri-xuan-loc@2026-Q3.coord": {start: "20260716T003000Z", end: "20260716T043000Z", seq: "3",
			summary: "Đoàn ĐBQH tỉnh tiếp xúc cử tri sau Kỳ họp thứ nhất Quốc hội khóa XVI", location: "Nhà văn hóa xã Xuân Lộc", status: "CONFIRMED"},
		// A coarse month: an all-day event over August, tentative.
		"VPUBND.kiem-tra-cai-cach-hanh-chinh@2026-Q3.coord": {start: "20260801", startParam: "DATE", end: "20260901", seq: "0",
			summary: "Đoàn kiểm tra của UBND tỉnh kiểm tra công tác cải cách hành chính, chuyển đổi số tại các xã, phường (dự kiến)", status: "TENTATIVE"},
		// A coarse ISO week 38: Monday 14/9 to Sunday 20/9.
		"VPDBHD.giam-sat-chuyen-de@2026-Q3.coord": {start: "20260914", startParam: "DATE", end: "20260921", seq: "0",
			summary: "Thường trực HĐND tỉnh giám sát chuyên đề việc thực hiện chính sách bảo hiểm y tế (dự kiến)", status: "TENTATIVE"},
		// Two whole days.
		"joint.ky-hop-hdnd-giua-nam@2026-Q3.coord": {start: "20260708", startParam: "DATE", end: "20260710", seq: "0",
			summary: "Kỳ họp thường lệ giữa năm 2026 của HĐND tỉnh", location: "Hội trường HĐND tỉnh", status: "CONFIRMED"},
		// An evening session (19:00-21:00 = 12:00Z-14:00Z) with a free-text place.
		"VPTU.chuong-trinh-nghe-thuat-2-9@2026-Q3.coord": {start: "20260829T120000Z", end: "20260829T140000Z", seq: "0",
			summary: "Chương trình nghệ thuật chào mừng 81 năm Cách mạng tháng Tám và Quốc khánh 2/9", location: "Quảng trường tỉnh", status: "CONFIRMED"},
		"VPTU.khao-sat-long-thanh@2026-Q3.coord": {start: "20260910T010000Z", end: "20260910T043000Z", seq: "0",
			summary: "Đoàn khảo sát của Tỉnh ủy về xây dựng nông thôn mới tại xã Long Thành", location: "Trụ sở Đảng ủy xã Long Thành", status: "CONFIRMED"},
	}
	for uid, w := range want {
		g, ok := got[uid]
		if !ok {
			t.Errorf("no event %s", uid)
			continue
		}
		g.desc = ""
		if g != w {
			t.Errorf("%s:\n got %+v\nwant %+v", uid, g, w)
		}
	}
	if d := got["VPDBHD.tiep-xuc-cu-tri-xuan-loc@2026-Q3.coord"].desc; !strings.Contains(d, "đã dời từ sáng 14/7/2026") {
		t.Errorf("moved item's description lacks the move: %q", d)
	}
	if d := got["VPUBND.kiem-tra-giai-phong-mat-bang@2026-Q3.coord"].desc; !strings.Contains(d, "⚠ Trùng lặp T2") {
		t.Errorf("conflicting item's description lacks the conflict: %q", d)
	}
	if d := got["VPUBND.kiem-tra-san-bay-long-thanh@2026-Q3.coord"].desc; !strings.Contains(d, "Văn phòng: Văn phòng UBND tỉnh") ||
		!strings.Contains(d, "Chủ trì: Võ Thành Long") || !strings.Contains(d, "giam-doc-so-xay-dung") {
		t.Errorf("description lacks offices, chair or the unregistered attendee: %q", d)
	}
	// Events come in time order.
	if order[0] != "VPTU.hoi-nghi-btv-thang-7@2026-Q3.coord" || order[len(order)-1] != "joint.giao-ban-q3@2026-Q3.coord" {
		t.Errorf("events out of order: first %s, last %s", order[0], order[len(order)-1])
	}

	// The leader's feed: exactly the items Võ Thành Long chairs or attends.
	lcal, err := ics.ParseCalendar(bytes.NewReader(renderICS(t, in, "vo-thanh-long")))
	if err != nil {
		t.Fatal(err)
	}
	var wantIDs, gotIDs []string
	for _, it := range rec(in).Items {
		if it.ID != "VPTU.hop-mat-ky-niem-thuong-binh-liet-si" &&
			(slices.Contains(it.Chair, "vo-thanh-long") || slices.Contains(it.Attendees, "vo-thanh-long")) {
			wantIDs = append(wantIDs, it.ID+"@2026-Q3.coord")
		}
	}
	for _, e := range lcal.Events() {
		gotIDs = append(gotIDs, e.Id())
	}
	slices.Sort(wantIDs)
	slices.Sort(gotIDs)
	if len(wantIDs) < 5 || !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("leader feed:\n got %v\nwant %v", gotIDs, wantIDs)
	}
	if n := lcal.CalendarProperties; len(n) == 0 {
		t.Errorf("no calendar properties")
	}
	if !strings.Contains(string(renderICS(t, in, "vo-thanh-long")), "X-WR-CALNAME:Chương trình công tác Quý III năm 2026 — Võ Thành") {
		t.Errorf("leader feed not named after the leader")
	}
}

func TestICSText(t *testing.T) {
	for in, want := range map[string]string{
		`a,b;c\d`:       `a\,b\;c\\d`,
		"x\r\ny\nz\rw":  `x\ny\nzw`,
		"tab\there\x01": "tab\there",
	} {
		if got := icsText(in); got != want {
			t.Errorf("icsText(%q) = %q, want %q", in, got, want)
		}
	}
}
