package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// overlap/venue: one venue booked twice at overlapping times, the venue written once as an id and once by its
// name; free text that names no venue takes part in nothing.
func TestOverlapVenue(t *testing.T) {
	tu, db := "programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPDBHD.yaml"
	files := map[string]string{
		tu: programme("VPTU", "2026-Q3", "{id: hn, title: Hội nghị quán triệt, when: 2026-07-07 08:00-11:00, kind: conference, bodies: [BTV-TU], place: hoi-truong-tinh-uy}"),
		db: programme("VPDBHD", "2026-Q3", "{id: tx, title: Tiếp xúc cử tri, when: 2026-07-07 10:00-11:30, kind: meeting, bodies: [DBQH], place: Hội trường Tỉnh uỷ}"),
	}
	got := memCheck(t, files, "2026-06-01", "overlap/venue")
	want(t, got, 1, "overlap/venue", finding.Error, db,
		"Hội trường Tỉnh ủy bị đặt trùng: mục này vào 10h00–11h30 ngày 07/7/2026 trùng thời gian với «Hội nghị quán triệt» của Văn phòng Tỉnh ủy",
		"Hội trường Tỉnh ủy is booked twice")
	if got[0].Subject != "place:hoi-truong-tinh-uy" {
		t.Errorf("subject %q", got[0].Subject)
	}
	files[db] = programme("VPDBHD", "2026-Q3", "{id: tx, title: Tiếp xúc cử tri, when: 2026-07-07 10:00-11:30, kind: meeting, bodies: [DBQH], place: Nhà văn hóa ấp 2}")
	if got := memCheck(t, files, "2026-06-01", "overlap/venue"); len(got) != 0 {
		t.Errorf("free text: %v", render(got))
	}
}
