package rules_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// rhythm/reception: the example registry binds Phạm Quang Huy and Võ Thành Long to a reception day a month.
// A month is judged once it has ended (--as-of) and only when a year, quarter or month programme covers it;
// a reception item they chair or attend in any programme, a week's or a coarse month included, counts.
func TestRhythmReception(t *testing.T) {
	const ubnd, tu = "programmes/2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPTU.yaml"
	files := map[string]string{
		ubnd: programme("VPUBND", "2026-Q3",
			"{id: tcd-7, title: Tiếp công dân tháng 7, when: 2026-07-22 sáng, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}",
			"{id: tcd-9, title: Tiếp công dân tháng 9, when: 2026-09-21 sáng, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}",
			"{id: hop-8, title: Họp tháng 8, when: 2026-08-20 sáng, kind: meeting, bodies: [UBND], chair: [vo-thanh-long]}"),
		tu: programme("VPTU", "2026-Q3",
			"{id: tcd-7, title: Tiếp công dân tháng 7, when: 2026-07-15 sáng, kind: reception, bodies: [BTV-TU], chair: [pham-quang-huy]}",
			"{id: tcd-8, title: Tiếp công dân tháng 8, when: 2026-08-18 sáng, kind: reception, bodies: [BTV-TU], attendees: [pham-quang-huy]}",
			"{id: tcd-9, title: Tiếp công dân tháng 9, when: 2026-09, kind: reception, bodies: [BTV-TU], chair: [pham-quang-huy]}"),
	}
	if got := memCheck(t, files, "2026-08-31", "rhythm/reception"); len(got) != 0 {
		t.Errorf("August not over: %v", render(got))
	}
	// What the rule judges, as `coord report` counts it: each bound person in registry order, with the
	// months ended and covered, held or not.
	var judged []string
	for _, r := range memContext(t, files, "2026-10-01").Receptions() {
		s := fmt.Sprintf("%s@%d:", r.ID, r.Index)
		for _, m := range r.Months {
			s += fmt.Sprintf(" %s=%v/%d", m.Month, m.Held, len(m.Programmes))
		}
		judged = append(judged, s)
	}
	if want := []string{"pham-quang-huy@0: 2026-07=true/2 2026-08=true/2 2026-09=true/2", "vo-thanh-long@2: 2026-07=true/2 2026-08=false/2 2026-09=true/2"}; !reflect.DeepEqual(judged, want) {
		t.Errorf("Receptions:\n got %q\nwant %q", judged, want)
	}
	for _, asOf := range []string{"2026-09-01", "2026-12-31", "2027-06-01"} {
		got := memCheck(t, files, asOf, "rhythm/reception")
		want(t, got, 1, "rhythm/reception", finding.Warning, "registry/people.yaml",
			"Võ Thành Long phải tiếp công dân định kỳ ít nhất một ngày mỗi tháng (Luật Tiếp công dân năm 2013, Điều 12; Quy định số 11-QĐi/TW năm 2019), nhưng các chương trình công tác không có buổi tiếp công dân nào của người này trong tháng 8 năm 2026",
			"Võ Thành Long must receive citizens at least one day a month")
		if f := got[0]; f.Subject != "person:vo-thanh-long" || f.Line != 15 || len(f.Related) != 2 {
			t.Errorf("%s: subject %q at line %d, related %v", asOf, f.Subject, f.Line, f.Related)
		}
	}
	// A week programme's reception day counts for its month.
	files["programmes/2026/W34/VPUBND.yaml"] = programme("VPUBND", "2026-W34",
		"{id: tcd-8, title: Tiếp công dân, when: 2026-08-19 08:00-11:00, kind: reception, bodies: [UBND], chair: [vo-thanh-long]}")
	if got := memCheck(t, files, "2026-10-01", "rhythm/reception"); len(got) != 0 {
		t.Errorf("with the week's: %v", render(got))
	}
	// A month programme covers its month alone: October, ended, without a reception day of either.
	files["programmes/2026/10/VPTU.yaml"] = programme("VPTU", "2026-10")
	got := memCheck(t, files, "2026-11-01", "rhythm/reception")
	if len(got) != 2 || got[0].Subject != "person:pham-quang-huy" || got[1].Subject != "person:vo-thanh-long" {
		t.Errorf("October: %v", render(got))
	}
	// No programme for a month: nothing to judge (June, before the quarter).
	for _, f := range got {
		if contains(f.Msg.Render("vi"), "tháng 6") {
			t.Errorf("June judged: %v", render(got))
		}
	}
}

// The example province holds a reception day of each bound leader in each month of its programmes.
func TestRhythmReceptionExample(t *testing.T) {
	if got := run(load(t, province(t), "2027-01-01"), "rhythm/reception"); len(got) != 0 {
		t.Errorf("%v", render(got))
	}
}
