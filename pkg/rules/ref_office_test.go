package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// ref/office: an office code not in the registry, with the closest codes suggested.
func TestRefOffice(t *testing.T) {
	doc := "kind: document\nnumber: 12/TTr-VPTU\ntype: TTr\ndate: 2026-06-02\nissuer: VPTU\nsummary: Tờ trình\nrecipients: [VPUBNX]\n"
	rel := "documents/2026/VPTU/12-TTr-VPTU.yaml"
	got := memCheck(t, map[string]string{rel: doc}, "2026-06-01", "ref/body") // a recipient is a body or an office
	want(t, got, 1, "ref/body", finding.Error, rel, `"VPUBNX" không có trong danh mục; có phải "VPUBND"`, `unknown body or office "VPUBNX"; did you mean "VPUBND"`)

	const prog = "programmes/2026/Q3/VPXX.yaml"
	got = memCheck(t, map[string]string{prog: programme("VPXX", "2026-Q3")}, "2026-06-01", "ref/office")
	want(t, got, 1, "ref/office", finding.Error, prog, `văn phòng "VPXX" không có trong danh mục`, `unknown office "VPXX"`)

	if got := memCheck(t, map[string]string{"programmes/2026/Q3/VPTU.yaml": programme("VPTU", "2026-Q3")}, "2026-06-01", "ref/office"); len(got) != 0 {
		t.Errorf("a known office: %v", render(got))
	}
}
