package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
)

// text/nfc: a title typed with decomposed accents is a warning; the same title in NFC is not.
func TestTextNFC(t *testing.T) {
	const rel = "programmes/2026/Q3/VPTU.yaml"
	nfd := "Ho\u0323\u0302i nghi\u0323" // "Hội nghị" written as base letters and combining marks
	item := func(title string) string {
		return "{id: hop, title: " + title + ", when: 2026-07-02 sáng, kind: meeting, bodies: [BTV-TU]}"
	}
	got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", item(nfd))}, "2026-06-01", "text/nfc")
	want(t, got, 1, "text/nfc", finding.Warning, rel, "", "")
	if got := memCheck(t, map[string]string{rel: programme("VPTU", "2026-Q3", item("Hội nghị"))}, "2026-06-01", "text/nfc"); len(got) != 0 {
		t.Errorf("NFC text: %v", render(got))
	}
}
