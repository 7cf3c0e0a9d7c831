package finding

import (
	"bytes"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
)

func TestVisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Hội nghị Ban Thường vụ", "Hội nghị Ban Thường vụ"},
		{"a\x1b[31mb", `a\x1b[31mb`},
		{"line\nnext", `line\nnext`},
		{"cr\r\ttab", `cr\r\ttab`},
		{"del\x7f", `del\x7f`},
		{"nel\u0085csi\u009b", `nel\u0085csi\u009b`},
		{"ls\u2028ps\u2029", `ls\u2028ps\u2029`},
		{"rlo\u202egnp.exe", `rlo\u202egnp.exe`},
		{"isolate\u2066x\u2069", `isolate\u2066x\u2069`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"Tỉnh uỷ e\u0301", "Tỉnh uỷ e\u0301"}, // combining marks are text, not controls
		{`back\slash`, `back\slash`},
	} {
		if got := Visible(c.in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	s := "Không có gì phải thoát"
	if got := Visible(s); got != s {
		t.Fatalf("clean text changed: %q", got)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Visible(s) }); n != 0 {
		t.Errorf("Visible allocates %v times on clean text", n)
	}
}

func TestURIPath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"programmes/2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPUBND.yaml"},
		{"văn bản/a b.yaml", "v%C4%83n%20b%E1%BA%A3n/a%20b.yaml"},
		{"100%/x#y?z.yaml", "100%25/x%23y%3Fz.yaml"},
		{"a:b/c.yaml", "a%3Ab/c.yaml"},
		{"~_-./", "~_-./"},
	} {
		if got := URIPath(c.in); got != c.want {
			t.Errorf("URIPath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// hostile findings: user text that tries to move the cursor, forge lines or forge annotations.
func hostile() []Finding {
	fs := []Finding{
		{Rule: "schema", Severity: Error, Pos: Pos{File: "programmes/2026/Q3/VPTU.yaml", Line: 5, Column: 3},
			Msg: i18n.M("no.such.key", "Họp\x1b[31m đỏ\x1b[0m\n::error file=coord.yaml,line=1::giả mạo")},
		{Rule: "text/nfc", Severity: Warning, Pos: Pos{File: "programmes/2026/Q3/VPTU.yaml", Line: 7, Column: 9},
			Msg: i18n.M("no.such.key", "100% xong\r\n::warning::x\u0085y\u202ez")},
		{Rule: "ref/person", Severity: Info, Pos: Pos{File: "programmes/a,b:c\n::error::x.yaml", Line: 1, Column: 1},
			Msg: i18n.M("no.such.key", "tab\there")},
	}
	Sort(fs)
	return fs
}

func TestGitHubOutputCannotBeForged(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, "github", hostile(), Summary{}, i18n.VI); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("3 findings gave %d lines:\n%s", len(lines), out.String())
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "\r\x1b\u0085\u202e") {
			t.Errorf("control character left in %q", l)
		}
		// The runner reads "::cmd props::data": the properties end at the first "::" after the command.
		cmd, rest, ok := strings.Cut(strings.TrimPrefix(l, "::"), " ")
		if !ok || (cmd != "error" && cmd != "warning" && cmd != "notice") {
			t.Fatalf("line %q does not start with a workflow command", l)
		}
		props, data, ok := strings.Cut(rest, "::")
		if !ok {
			t.Fatalf("no data in %q", l)
		}
		if got := strings.Count(props, ","); got != 3 {
			t.Errorf("properties %q: %d commas, want 3 (file, line, col, title)", props, got)
		}
		if strings.ContainsAny(data, "\n\r") {
			t.Errorf("raw line break in the data of %q", l)
		}
	}
	want := []string{
		`::error file=programmes/2026/Q3/VPTU.yaml,line=5,col=3,title=schema::no.such.key Họp\x1b[31m đỏ\x1b[0m%0A::error file=coord.yaml,line=1::giả mạo`,
		`::warning file=programmes/2026/Q3/VPTU.yaml,line=7,col=9,title=text/nfc::no.such.key 100%25 xong%0D%0A::warning::x\u0085y\u202ez`,
		`::notice file=programmes/a%2Cb%3Ac%0A%3A%3Aerror%3A%3Ax.yaml,line=1,col=1,title=ref/person::no.such.key tab\there`,
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i, lines[i], want[i])
		}
	}
}

func TestTextOutputCannotBeForged(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, "text", hostile(), Summary{Files: 2, Records: 2}, i18n.EN); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("control byte %#x in text output:\n%q", c, s)
		}
	}
	for _, r := range "\u0085\u202e\u2028" {
		if strings.ContainsRune(s, r) {
			t.Fatalf("control character %U in text output:\n%q", r, s)
		}
	}
	want := `programmes/2026/Q3/VPTU.yaml
 5:3  error    schema    no.such.key Họp\x1b[31m đỏ\x1b[0m\n::error file=coord.yaml,line=1::giả mạo
 7:9  warning  text/nfc  no.such.key 100% xong\r\n::warning::x\u0085y\u202ez

programmes/a,b:c\n::error::x.yaml
 1:1  info  ref/person  no.such.key tab\there

2 files, 2 records: 1 errors, 1 warnings, 1 infos
`
	if s != want {
		t.Errorf("text output:\n%s\nwant:\n%s", s, want)
	}
}
