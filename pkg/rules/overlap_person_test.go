package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// overlap/person: one person in two events at overlapping times across two offices is one error, in words,
// naming the other office; back to back is no overlap; the items of one joint event are one event.
func TestOverlapPerson(t *testing.T) {
	tu, ub := "programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPUBND.yaml"
	files := map[string]string{
		tu: programme("VPTU", "2026-Q3", "{id: btv, title: Ban Thường vụ họp, when: 2026-07-21 14:00-17:00, kind: meeting, bodies: [BTV-TU], chair: [vo-thanh-long]}"),
		ub: programme("VPUBND", "2026-Q3", "{id: ubnd, title: UBND làm việc với Sở Tài chính, when: 2026-07-21 chiều, kind: meeting, bodies: [UBND], chair: [vo-thanh-long]}"),
	}
	got := memCheck(t, files, "2026-06-01", "overlap/person")
	want(t, got, 1, "overlap/person", finding.Error, ub,
		"Võ Thành Long trùng lịch: mục này vào chiều 21/7/2026 trùng thời gian với «Ban Thường vụ họp» của Văn phòng Tỉnh ủy vào 14h00–17h00 ngày 21/7/2026",
		"Võ Thành Long is double-booked: this item, the afternoon of 21/7/2026, overlaps “Ban Thường vụ họp” of Văn phòng Tỉnh ủy, 14:00–17:00 on 21/7/2026")
	if got[0].Subject != "person:vo-thanh-long" || len(got[0].Related) != 1 || got[0].Related[0].File != tu {
		t.Errorf("subject and related: %+v", got[0])
	}

	files[ub] = programme("VPUBND", "2026-Q3", "{id: ubnd, title: UBND làm việc với Sở Tài chính, when: 2026-07-21 17:00-18:00, kind: meeting, bodies: [UBND], chair: [vo-thanh-long]}")
	if got := memCheck(t, files, "2026-06-01", "overlap/person"); len(got) != 0 {
		t.Errorf("back to back: %v", render(got))
	}

	files[tu] = programme("VPTU", "2026-Q3", "{id: gb, title: Giao ban, joint: giao-ban, when: 2026-07-21 14:00-17:00, kind: meeting, bodies: [BTV-TU], chair: [vo-thanh-long]}")
	files[ub] = programme("VPUBND", "2026-Q3", "{id: gb, title: Giao ban, joint: giao-ban, when: 2026-07-21 14:00-17:00, kind: meeting, bodies: [UBND], attendees: [vo-thanh-long]}")
	if got := memCheck(t, files, "2026-06-01", "overlap/person"); len(got) != 0 {
		t.Errorf("one joint event: %v", render(got))
	}
}
