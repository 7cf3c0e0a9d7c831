package recordfmt_test

import (
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/recordfmt"
)

// A clerk's forms become canonical, in the struct's key order, with the schema line and LF line ends; a
// `when` no form matches is a problem with its line, and nothing is rewritten.
func TestFormatBytes(t *testing.T) {
	in := "period: 2026-Q3\r\nkind: programme\r\noffice: VPUBND\r\nitems:\r\n  - id: a\r\n    when: Sáng 03/7/2026\r\n    title: Họp\r\n"
	out, probs, err := recordfmt.FormatBytes([]byte(in), "programmes/2026/Q3/VPUBND.yaml")
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", probs, err)
	}
	got := string(out)
	for _, w := range []string{"# yaml-language-server: $schema=../../../schema/programme.schema.json\nkind: programme\n", "when: 2026-07-03 sáng\n"} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "\r") {
		t.Errorf("CR kept:\n%q", got)
	}
	bad := "kind: programme\nperiod: 2026-Q3\nitems:\n  - id: a\n    when: một ngày nào đó\n"
	out, probs, err = recordfmt.FormatBytes([]byte(bad), "")
	if err != nil || out != nil || len(probs) != 1 || probs[0].Line != 5 {
		t.Fatalf("%q %+v %v", out, probs, err)
	}
}
