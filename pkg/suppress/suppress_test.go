package suppress

import (
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

var known = []string{"overlap/travel", "overlap/person", "schema", "text/nfc"}

func fnd(rule, file string) finding.Finding {
	return finding.Finding{Rule: rule, Severity: finding.Warning, Pos: finding.Pos{File: file, Line: 3, Column: 5}}
}

func TestApply(t *testing.T) {
	fs := []finding.Finding{
		fnd("overlap/travel", "programmes/2026/Q3/VPTU.yaml"),
		fnd("overlap/travel", "programmes/2026/Q4/VPTU.yaml"),
		fnd("overlap/person", "programmes/2026/Q3/VPTU.yaml"),
		fnd("text/nfc", "documents/2025/cv 12.yaml"),
		fnd("text/nfc", "documents/2026/cv 13.yaml"),
	}
	settings := record.Decode("coord.yaml", []byte(`kind: settings
version: 1
province: Tỉnh mẫu
coordinator: VPTU
suppressions:
  - {rule: overlap/travel, reason: "Hai xã liền kề, đi lại dưới 15 phút", paths: ["programmes/2026/Q3/*"]}
  - {rule: text/nfc, reason: "Văn bản cũ chuyển từ TCVN3", paths: ["documents/2025"]}
  - {rule: overlap/travl, reason: "gõ nhầm"}
  - {rule: overlap/person, reason: "   "}
  - {rule: schema, reason: "mẫu hỏng", paths: ["documents/[2025"]}
`), nil)
	var sups []record.Suppression
	s := settings.Value.(*record.Settings)
	sups = s.Suppressions
	res := Apply(sups, settings, fs, known)
	if res.Suppressed != 2 || len(res.Kept) != 3 {
		t.Fatalf("suppressed %d, kept %v", res.Suppressed, res.Kept)
	}
	for _, k := range res.Kept {
		if (k.Rule == "overlap/travel" && strings.Contains(k.File, "Q3")) || (k.Rule == "text/nfc" && strings.Contains(k.File, "2025")) {
			t.Errorf("%v was not suppressed", k)
		}
	}
	if len(res.Problems) != 3 {
		t.Fatalf("problems: %v", res.Problems)
	}
	want := []struct {
		line int
		msg  string
	}{
		{8, `suppressions[2].rule: no rule "overlap/travl"; did you mean "overlap/travel"? (see coord rules)`},
		{9, `suppressions[3].reason: the reason is blank`},
		{10, `suppressions[4].paths: malformed pattern "documents/[2025"`},
	}
	for i, w := range want {
		p := res.Problems[i]
		if p.File != "coord.yaml" || p.Line != w.line || p.Rule != "schema" || p.Severity != finding.Error || !strings.HasPrefix(p.Msg.Render(i18n.EN), w.msg) {
			t.Errorf("problem %d = %s:%d %s %s %q, want line %d %q", i, p.File, p.Line, p.Rule, p.Severity, p.Msg.Render(i18n.EN), w.line, w.msg)
		}
	}
	if got := res.Problems[0].Msg.Render(i18n.VI); !strings.Contains(got, `có phải "overlap/travel"?`) {
		t.Errorf("Vietnamese hint: %q", got)
	}
}

func TestApplyWithoutReasonSuppressesNothing(t *testing.T) {
	fs := []finding.Finding{fnd("overlap/travel", "a.yaml")}
	res := Apply([]record.Suppression{{Rule: "overlap/travel"}}, nil, fs, known)
	if res.Suppressed != 0 || len(res.Kept) != 1 || len(res.Problems) != 0 {
		t.Errorf("a suppression without a reason applied: %+v (the schema rule reports the missing reason)", res)
	}
	res = Apply([]record.Suppression{{Rule: "overlap/travel", Reason: "lý do", Paths: []string{"[", "**/["}}}, nil, fs, known)
	if res.Suppressed != 0 || len(res.Problems) != 2 {
		t.Errorf("an entry whose patterns are all malformed must cover nothing: %+v", res)
	}
	res = Apply([]record.Suppression{{Rule: "overlap/travel", Reason: "lý do"}}, nil, fs, known)
	if res.Suppressed != 1 || len(res.Kept) != 0 {
		t.Errorf("an entry without paths covers every file: %+v", res)
	}
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, file string
		want          bool
	}{
		{"programmes/2026/Q3/*", "programmes/2026/Q3/VPTU.yaml", true},
		{"programmes/2026/Q3/*", "programmes/2026/Q4/VPTU.yaml", false},
		{"programmes/2026/Q3/*", "programmes/2026/Q3", false},
		{"programmes/*/Q3/*.yaml", "programmes/2027/Q3/VPUBND.yaml", true},
		{"programmes/2026", "programmes/2026/Q3/VPTU.yaml", true}, // a folder covers what it holds
		{"programmes/2026/", "programmes/2026/Q3/VPTU.yaml", true},
		{"./programmes/2026", "programmes/2026/Q3/VPTU.yaml", true},
		{"programmes/202", "programmes/2026/Q3/VPTU.yaml", false},
		{"**/VPTU.yaml", "programmes/2026/Q3/VPTU.yaml", true},
		{"**/VPTU.yaml", "VPTU.yaml", true},
		{"programmes/**/VPTU.yaml", "programmes/2026/Q3/VPTU.yaml", true},
		{"programmes/**/VPTU.yaml", "programmes/2026/Q3/VPUBND.yaml", false},
		{"văn bản/*", "văn bản/kết luận 1.yaml", true},
		{"documents/202[56]/*", "documents/2025/a.yaml", true},
		{"documents/202[56]/*", "documents/2024/a.yaml", false},
		{"*", "coord.yaml", true},
	} {
		segs, err := compile(c.pattern)
		if err != nil {
			t.Fatalf("compile(%q): %v", c.pattern, err)
		}
		if got := Match(segs, strings.Split(c.file, "/")); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pattern, c.file, got, c.want)
		}
	}
	for _, bad := range []string{"", "/", "a//b", "[", "a/[b"} {
		if _, err := compile(bad); err == nil {
			t.Errorf("compile(%q) accepted", bad)
		}
	}
	// Many "**" cost time in proportion, not exponentially.
	segs, _ := compile(strings.Repeat("**/a/", 200) + "b")
	if Match(segs, strings.Split(strings.Repeat("a/", 50)+"c", "/")) {
		t.Error("hostile pattern matched")
	}
}
