package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// overlap/travel: a person cannot be in Xã Lộc Ninh at 11:00 and in the provincial centre at 12:00 (190
// minutes by the registry); with the afternoon between, the journey fits.
func TestOverlapTravel(t *testing.T) {
	ub := "programmes/2026/Q3/VPUBND.yaml"
	prog := func(second string) map[string]string {
		return map[string]string{ub: programme("VPUBND", "2026-Q3",
			"{id: a, title: Làm việc tại Lộc Ninh, when: 2026-07-15 08:00-11:00, kind: field-trip, bodies: [UBND], locality: xa-loc-ninh, chair: [vo-thanh-long]}",
			"{id: b, title: Họp UBND, when: 2026-07-15 "+second+", kind: meeting, bodies: [UBND], place: hoi-truong-ubnd, chair: [vo-thanh-long]}")}
	}
	got := memCheck(t, prog("12:00-13:00"), "2026-06-01", "overlap/travel")
	want(t, got, 1, "overlap/travel", finding.Warning, ub,
		"Võ Thành Long không kịp di chuyển từ Xã Lộc Ninh đến Phường Trấn Biên", "Võ Thành Long cannot travel from Xã Lộc Ninh to Phường Trấn Biên in time")
	if got := memCheck(t, prog("16:00-17:00"), "2026-06-01", "overlap/travel"); len(got) != 0 {
		t.Errorf("time to travel: %v", render(got))
	}
}
