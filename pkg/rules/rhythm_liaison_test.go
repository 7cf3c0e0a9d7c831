package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// consolidatedQ3 is a consolidated record of 2026-Q3 holding one item of each kind given (id VPTU.<kind>),
// with the adjustments given as YAML flow mappings.
func consolidatedQ3(kinds []string, adjustments ...string) string {
	s := "kind: consolidated\nperiod: 2026-Q3\ncoordinator: VPTU\nstatus: draft\nitems:\n"
	for _, k := range kinds {
		s += "  - {id: VPTU." + k + ", title: Hoạt động " + k + ", when: 2026-09-25 sáng, kind: " + k +
			", bodies: [TT-TU], offices: [VPTU], origins: [{file: programmes/2026/Q3/VPTU.yaml, item: " + k + ", office: VPTU}]}\n"
	}
	if len(adjustments) > 0 {
		s += "adjustments:\n"
		for _, a := range adjustments {
			s += "  - " + a + "\n"
		}
	}
	return s
}

// rhythm/liaison: a quarter's consolidated programme without a liaison item (or whose liaison item the
// coordinator left out) is a warning on its items; one with a liaison meeting, a month's consolidated
// programme and a quarter never consolidated are not judged.
func TestRhythmLiaison(t *testing.T) {
	const rel = "consolidated/2026/Q3.yaml"
	none := map[string]string{rel: consolidatedQ3([]string{"meeting"})}
	got := memCheck(t, none, "2026-06-25", "rhythm/liaison")
	want(t, got, 1, "rhythm/liaison", finding.Warning, rel,
		"chương trình tổng hợp Quý III năm 2026 không có cuộc họp giao ban nào giữa các văn phòng",
		"the consolidated programme of Quarter III 2026 holds no liaison meeting of the offices")
	if got[0].Subject != "period:2026-Q3" || got[0].Line != 6 {
		t.Errorf("subject %q, line %d; want period:2026-Q3 on the items (line 6, the first)", got[0].Subject, got[0].Line)
	}

	held := map[string]string{rel: consolidatedQ3([]string{"meeting", "liaison"})}
	if got := memCheck(t, held, "2026-12-31", "rhythm/liaison"); len(got) != 0 {
		t.Errorf("a liaison meeting is held: %v", render(got))
	}
	moved := map[string]string{rel: consolidatedQ3([]string{"liaison"}, "{item: VPTU.liaison, action: move, when: 2026-09-28 sáng, reason: Lùi một ngày}")}
	if got := memCheck(t, moved, "2026-12-31", "rhythm/liaison"); len(got) != 0 {
		t.Errorf("a moved liaison meeting is still held: %v", render(got))
	}
	dropped := map[string]string{rel: consolidatedQ3([]string{"liaison"}, "{item: VPTU.liaison, action: drop, reason: Không tổ chức}")}
	want(t, memCheck(t, dropped, "2026-06-25", "rhythm/liaison"), 1, "rhythm/liaison", finding.Warning, rel,
		"«Hoạt động liaison» đã không được đưa vào chương trình", "“Hoạt động liaison” was left out of the programme")

	month := map[string]string{"consolidated/2026/07.yaml": "kind: consolidated\nperiod: 2026-07\ncoordinator: VPTU\nstatus: draft\nitems: []\n"}
	if got := memCheck(t, month, "2026-12-31", "rhythm/liaison"); len(got) != 0 {
		t.Errorf("a month is not judged: %v", render(got))
	}
	noRecord := map[string]string{"programmes/2026/Q3/VPTU.yaml": programme("VPTU", "2026-Q3", "{id: hop, title: Họp, when: 2026-07-03 sáng, kind: meeting, bodies: [TT-TU]}")}
	if got := memCheck(t, noRecord, "2026-12-31", "rhythm/liaison"); len(got) != 0 {
		t.Errorf("a quarter without a consolidated record is not judged: %v", render(got))
	}
}
