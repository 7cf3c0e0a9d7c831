package userconfig_test

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/userconfig"
)

func write(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Every problem of a file is one sentence naming the file (and the line, when there is one); a file that
// does not exist is no problem at all.
func TestReadProblems(t *testing.T) {
	cases := []struct{ text, want string }{
		{"office: VPUBND\nname: [Lê, Thu]\n", "name (line 2) must be one value"},
		{"office: VPUBND\n  name: x\n", "is not valid YAML (line 2)"},
		{"- office\n- name\n", "must hold \"setting: value\" lines"},
		{"office: VPUBND\nOFFICE: VPTU\n", "gives office twice (lines 1 and 2)"},
		{"office: &a VPUBND\nname: *a\n", "name (line 2) must be one value"},
	}
	for _, c := range cases {
		p := write(t, c.text)
		_, err := userconfig.Read(p)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("%q: %v, want %q", c.text, err, c.want)
		}
		if strings.Contains(err.Error(), "yaml:") {
			t.Errorf("%q: the parser's raw message leaks: %v", c.text, err)
		}
	}
	// A folder where the file should be.
	dir := t.TempDir()
	if _, err := userconfig.Read(dir); err == nil || !strings.Contains(err.Error(), "is a folder, not a config file") {
		t.Errorf("folder: %v", err)
	}
	// Missing: empty, no error.
	f, err := userconfig.Read(filepath.Join(dir, "none.yaml"))
	if err != nil || f.Exists || len(f.Values) != 0 {
		t.Errorf("missing file: %+v %v", f, err)
	}
	// Empty and comment-only files are empty.
	for _, text := range []string{"", "# nothing yet\n", "---\n"} {
		f, err := userconfig.Read(write(t, text))
		if err != nil || !f.Exists || len(f.Values) != 0 {
			t.Errorf("%q: %+v %v", text, f, err)
		}
	}
}

// Known keys are read whatever case or spelling the user chose (OFFICE, COORD_OFFICE, ssh-key); unknown
// ones are listed as written; an empty value is unset.
func TestReadKeys(t *testing.T) {
	f, err := userconfig.Read(write(t, "OFFICE: VPUBND\ncoord_name: Hồ Thị Kim Liên\nssh-key: /k\nofice: VPTU\nemail:\nlang: 123\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"office": "VPUBND", "name": "Hồ Thị Kim Liên", "ssh_key": "/k", "lang": "123"}
	if !reflect.DeepEqual(f.Values, want) || !reflect.DeepEqual(f.Unknown, []string{"ofice"}) {
		t.Fatalf("values %v unknown %v", f.Values, f.Unknown)
	}
	if s := userconfig.Suggest("ofice"); !reflect.DeepEqual(s, []string{"office"}) {
		t.Errorf("suggest ofice: %v", s)
	}
	if s := userconfig.Suggest("sshkey"); len(s) == 0 || s[0] != "ssh_key" {
		t.Errorf("suggest sshkey: %v", s)
	}
	if s := userconfig.Suggest("completely-different"); len(s) != 0 {
		t.Errorf("suggest for nothing close: %v", s)
	}
	msg := i18n.Localize(userconfig.UnknownKey("emial"), i18n.VI)
	if !strings.Contains(msg, `không có thiết lập "emial"`) || !strings.Contains(msg, `có phải "email"?`) {
		t.Errorf("unknown key sentence: %s", msg)
	}
}

// Set changes the key's line in place (comments and other keys kept, unknown keys too), adds a new key at
// the end, quotes a value YAML would read as something else, and Write makes the file 0600.
func TestSetKeepsTheFile(t *testing.T) {
	p := write(t, "# Thiết lập của Liên\noffice: VPTU # sai, sửa sau\nfuture_key: x\n")
	f, err := userconfig.Read(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("office", "VPUBND")
	f.Set("token", "12345")
	f.Set("name", "Hồ Thị Kim Liên")
	if err := f.Write(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := "# Thiết lập của Liên\noffice: VPUBND # sai, sửa sau\nfuture_key: x\ntoken: \"12345\"\nname: Hồ Thị Kim Liên\n"
	if string(got) != want {
		t.Fatalf("file:\n%s\nwant:\n%s", got, want)
	}
	if runtime.GOOS != "windows" {
		if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
			t.Fatalf("mode %v", st.Mode().Perm())
		}
	}
	back, err := userconfig.Read(p)
	if err != nil || back.Values["token"] != "12345" || back.Values["office"] != "VPUBND" {
		t.Fatalf("read back %+v %v", back, err)
	}
	if !back.Unset("token") || back.Unset("token") {
		t.Fatal("unset")
	}
	if err := back.Write(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); strings.Contains(string(got), "token") {
		t.Fatalf("token still there:\n%s", got)
	}

	// A new file gets a header, in a folder made for it.
	np := filepath.Join(t.TempDir(), "coord", "config.yaml")
	nf, err := userconfig.Read(np)
	if err != nil {
		t.Fatal(err)
	}
	nf.Set("lang", "en")
	if err := nf.Write(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(np); !strings.HasPrefix(string(got), "# coord: ") || !strings.HasSuffix(string(got), "\nlang: en\n") {
		t.Fatalf("new file:\n%s", got)
	}
}

func TestCheck(t *testing.T) {
	ok := map[[2]string]string{
		{"lang", "EN"}:                                     "en",
		{"lang", "vi"}:                                     "vi",
		{"office", "vpubnd"}:                               "VPUBND",
		{"email", " lien@vpubnd.vn "}:                      "lien@vpubnd.vn",
		{"name", "Hồ Thị Kim Liên"}:                        "Hồ Thị Kim Liên",
		{"branch", "main"}:                                 "main",
		{"remote", "origin"}:                               "origin",
		{"token", "abc:def"}:                               "abc:def",
		{"ssh_trust", "SHA256:" + strings.Repeat("A", 43)}: "SHA256:" + strings.Repeat("A", 43),
	}
	for in, want := range ok {
		if got, err := userconfig.Check(in[0], in[1]); err != nil || got != want {
			t.Errorf("%v: %q %v", in, got, err)
		}
	}
	bad := map[[2]string]string{
		{"lang", "fr"}:              "vi or en",
		{"email", "lien at vpubnd"}: "is not valid",
		{"email", "a@b.vn, c@d.vn"}: "is not valid",
		{"name", "Liên <lien@x>"}:   "cannot be used",
		{"office", "Văn phòng"}:     "not well formed",
		{"branch", "../x"}:          "not valid",
		{"token", "ab cd"}:          "blanks",
		{"ssh_trust", "abcd"}:       "SHA256:",
		{"office", "  "}:            "coord config unset office",
	}
	for in, want := range bad {
		if _, err := userconfig.Check(in[0], in[1]); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%v: %v, want %q", in, err, want)
		}
	}
}

func TestCanonicalAndSecrets(t *testing.T) {
	for in, want := range map[string]string{"office": "office", "COORD_OFFICE": "office", "ssh-key": "ssh_key", "COORD_AGE_IDENTITY": "identity", "Lang": "lang"} {
		if got, ok := userconfig.Canonical(in); !ok || got != want {
			t.Errorf("%s: %q %v", in, got, ok)
		}
	}
	if _, ok := userconfig.Canonical("as-of"); ok {
		t.Error("as-of is a flag, not a setting of the file")
	}
	if got := userconfig.Shown("token", "tok-submit-9876-abcd"); got != "********abcd" {
		t.Errorf("long token shown as %q", got)
	}
	if got := userconfig.Shown("token", "short"); got != "********" {
		t.Errorf("short token shown as %q", got)
	}
	if got := userconfig.Shown("identity", "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQ"); strings.Contains(got, "AGE-SECRET") {
		t.Errorf("identity key shown as %q", got)
	}
	if got := userconfig.Shown("identity", "/home/lien/.age/key.txt"); got != "/home/lien/.age/key.txt" {
		t.Errorf("identity path shown as %q", got)
	}
	if p, fromEnv := userconfig.Path(func(k string) string { return map[string]string{"COORD_CONFIG": "/x/c.yaml"}[k] }); p != "/x/c.yaml" || !fromEnv {
		t.Errorf("COORD_CONFIG: %q %v", p, fromEnv)
	}
}

// A file its reader may not read: the sentence says so and what to do (root reads everything: skipped).
func TestReadNoPermission(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("file modes do not stop this user")
	}
	p := write(t, "office: VPUBND\n")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, err := userconfig.Read(p)
	if err == nil || !strings.Contains(err.Error(), "no permission to read the config file "+p) {
		t.Fatalf("%v", err)
	}
}

// What Windows editors write: a UTF-8 BOM and CRLF line ends (Notepad), or UTF-16 with a BOM.
func TestReadWindowsEncodings(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "office: VPUBND\r\nlang: en\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for name, data := range map[string][]byte{"bom-crlf": []byte("\xef\xbb\xbfoffice: VPUBND\r\nlang: en\r\n"), "utf16": utf16} {
		p := filepath.Join(t.TempDir(), "config.yaml")
		os.WriteFile(p, data, 0o644)
		f, err := userconfig.Read(p)
		if err != nil || !reflect.DeepEqual(f.Values, map[string]string{"office": "VPUBND", "lang": "en"}) || len(f.Unknown) != 0 {
			t.Errorf("%s: %+v %v", name, f, err)
		}
	}
}
