package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// rhythm/evaluation: the example province's rotation (VPTU, VPDBHD, VPUBND from 2024) makes VPUBND the host
// of 2026. Its programmes of 2026 must hold an evaluation item once the year has ended or its Q4 programme is
// in; another office's evaluation item does not count; years without programmes are not judged.
func TestRhythmEvaluation(t *testing.T) {
	item := func(kind string) string {
		return "{id: hoat-dong, title: Hội nghị đánh giá quy chế phối hợp năm 2026, when: 2026-12-15 sáng, kind: " + kind + ", bodies: [UBND]}"
	}
	const q3 = "programmes/2026/Q3/VPUBND.yaml"
	const q4 = "programmes/2026/Q4/VPUBND.yaml"
	noEval := map[string]string{q3: programme("VPUBND", "2026-Q3", "{id: hop, title: Họp, when: 2026-07-03 sáng, kind: meeting, bodies: [UBND]}")}

	// During the year, without the host's Q4 programme: not judged yet.
	if got := memCheck(t, noEval, "2026-12-31", "rhythm/evaluation"); len(got) != 0 {
		t.Errorf("before the year ends: %v", render(got))
	}
	// Once the year has ended: on coord.yaml's host, subject period:2026.
	got := memCheck(t, noEval, "2027-01-01", "rhythm/evaluation")
	want(t, got, 1, "rhythm/evaluation", finding.Warning, "coord.yaml",
		"năm 2026, Văn phòng UBND tỉnh đăng cai hội nghị đánh giá công tác phối hợp, nhưng các chương trình công tác năm 2026 của văn phòng chưa có hội nghị này",
		"in 2026 Văn phòng UBND tỉnh hosts the annual evaluation of coordination, but the office's programmes of 2026 do not hold it")
	if got[0].Subject != "period:2026" || got[0].Line != 8 {
		t.Errorf("subject %q line %d, want period:2026 on host (line 8)", got[0].Subject, got[0].Line)
	}

	// The host's Q4 programme is in and has none: judged now, on that programme.
	withQ4 := map[string]string{q3: noEval[q3], q4: programme("VPUBND", "2026-Q4", "{id: hop, title: Họp, when: 2026-10-05 sáng, kind: meeting, bodies: [UBND]}")}
	want(t, memCheck(t, withQ4, "2026-09-15", "rhythm/evaluation"), 1, "rhythm/evaluation", finding.Warning, q4, "năm 2026", "in 2026")

	// The host's Q4 programme holds it: nothing, whenever.
	held := map[string]string{q3: noEval[q3], q4: programme("VPUBND", "2026-Q4", item("evaluation"))}
	if got := memCheck(t, held, "2027-06-01", "rhythm/evaluation"); len(got) != 0 {
		t.Errorf("held by the host: %v", render(got))
	}
	// A month programme of the host counts as well.
	month := map[string]string{q3: noEval[q3], "programmes/2026/12/VPUBND.yaml": programme("VPUBND", "2026-12", item("evaluation"))}
	if got := memCheck(t, month, "2027-06-01", "rhythm/evaluation"); len(got) != 0 {
		t.Errorf("held in the host's December programme: %v", render(got))
	}

	// Another office's evaluation item: the host still has none, and the message names where it is.
	elsewhere := map[string]string{q3: noEval[q3], "programmes/2026/Q4/VPTU.yaml": programme("VPTU", "2026-Q4",
		"{id: danh-gia, title: Hội nghị đánh giá quy chế phối hợp năm 2026, when: 2026-12-15 sáng, kind: evaluation, bodies: [TT-TU]}")}
	want(t, memCheck(t, elsewhere, "2027-01-01", "rhythm/evaluation"), 1, "rhythm/evaluation", finding.Warning, "coord.yaml",
		"nhưng «Hội nghị đánh giá quy chế phối hợp năm 2026» lại nằm trong chương trình của Văn phòng Tỉnh ủy",
		"but “Hội nghị đánh giá quy chế phối hợp năm 2026” is in the programme of Văn phòng Tỉnh ủy")

	// 2025 (VPDBHD's year) has no programme in the repo: not judged, even long after.
	if got := memCheck(t, held, "2030-01-01", "rhythm/evaluation"); len(got) != 0 {
		t.Errorf("years without programmes: %v", render(got))
	}
	// A year before the rotation starts has no host.
	early := map[string]string{"programmes/2023/Q3/VPUBND.yaml": programme("VPUBND", "2023-Q3", "{id: hop, title: Họp, when: 2023-07-03 sáng, kind: meeting, bodies: [UBND]}")}
	if got := memCheck(t, early, "2030-01-01", "rhythm/evaluation"); len(got) != 0 {
		t.Errorf("before first_year: %v", render(got))
	}
}
