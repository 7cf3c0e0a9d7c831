package rules_test

import (
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/period"
)

// consolidated/stale: the consolidated record of a period, written by the consolidation, is stale once a
// source item changes (a warning on the draft naming the item and its office), is added or is removed; an
// error once the programme is approved.
func TestConsolidatedStale(t *testing.T) {
	tu, ub := "programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPUBND.yaml"
	a := "{id: a, title: Ban Thường vụ họp, when: 2026-07-21 08:00-11:00, kind: meeting, bodies: [BTV-TU]}"
	b := "{id: b, title: UBND họp thường kỳ, when: 2026-07-22 sáng, kind: meeting, bodies: [UBND]}"
	files := map[string]string{tu: programme("VPTU", "2026-Q3", a), ub: programme("VPUBND", "2026-Q3", b)}
	q3, _ := period.Parse("2026-Q3")
	res := consolidate.Consolidate(memContext(t, files, "2026-06-15"), q3, nil, nil)
	rec, err := consolidate.Encode(res.C)
	if err != nil {
		t.Fatal(err)
	}
	files["consolidated/2026/Q3.yaml"] = string(rec)
	if got := memCheck(t, files, "2026-06-15", "consolidated/stale"); len(got) != 0 {
		t.Fatalf("fresh record: %v", render(got))
	}

	files[ub] = programme("VPUBND", "2026-Q3", strings.Replace(b, "UBND họp thường kỳ", "UBND họp thường kỳ tháng 7", 1))
	got := memCheck(t, files, "2026-06-15", "consolidated/stale")
	want(t, got, 1, "consolidated/stale", finding.Warning, "consolidated/2026/Q3.yaml",
		"«UBND họp thường kỳ tháng 7» (Văn phòng UBND tỉnh) đã sửa sau khi tổng hợp; chạy lại coord merge",
		"“UBND họp thường kỳ tháng 7” (Văn phòng UBND tỉnh) changed after the merge")
	if got[0].Subject != "item:VPUBND.b" || len(got[0].Related) != 1 || got[0].Related[0].File != ub {
		t.Errorf("subject and related: %+v", got[0])
	}

	files[ub] = programme("VPUBND", "2026-Q3", b, "{id: c, title: Tiếp khách quốc tế, when: 2026-07-23 sáng, kind: meeting, bodies: [UBND]}")
	want(t, memCheck(t, files, "2026-06-15", "consolidated/stale"), 1, "consolidated/stale", finding.Warning, "",
		"«Tiếp khách quốc tế» (Văn phòng UBND tỉnh) được thêm sau khi tổng hợp", "was added after the merge")

	files[ub] = programme("VPUBND", "2026-Q3")
	want(t, memCheck(t, files, "2026-06-15", "consolidated/stale"), 1, "consolidated/stale", finding.Warning, "",
		"«UBND họp thường kỳ» đã bị xóa khỏi chương trình nguồn", "was removed from its programme after the merge")

	files["consolidated/2026/Q3.yaml"] = strings.Replace(string(rec), "status: draft", "status: approved\ndecision: {date: 2026-06-16, by: TT-TU}", 1)
	if !strings.Contains(files["consolidated/2026/Q3.yaml"], "status: approved") {
		t.Fatalf("no status in the record:\n%s", rec)
	}
	want(t, memCheck(t, files, "2026-06-15", "consolidated/stale"), 1, "consolidated/stale", finding.Error, "", "", "")
}
