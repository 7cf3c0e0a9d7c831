package keyring

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/record"
)

// A clerk's key: made once (never overwritten), readable by the owner only, read back from the file or as
// the key itself; a file that is not a key is said as such, naming the file and never its content.
func TestGenerateAndRead(t *testing.T) {
	dir := t.TempDir()
	path := DefaultPath(filepath.Join(dir, "coord", "config.yaml"))
	pub, err := Generate(path, "Hồ Thị Kim Liên <lien.htk@vpubnd.example.vn>", time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	if err != nil || !strings.HasPrefix(pub, "age1") {
		t.Fatalf("%q, %v", pub, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if _, err := Generate(path, "x", time.Now()); err == nil {
		t.Error("an existing key was overwritten")
	}
	ids, err := Identities(path)
	if err != nil || len(ids) != 1 || Recipients(ids)[0] != pub {
		t.Fatalf("read back: %v %v", ids, err)
	}
	data, _ := os.ReadFile(path)
	var secret string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "AGE-SECRET-KEY-") {
			secret = l
		}
	}
	if ids, err := Identities(" " + strings.ToLower(secret) + " "); err != nil || Recipients(ids)[0] != pub {
		t.Errorf("the key itself: %v", err)
	}
	if ids, err := Identities(""); ids != nil || err != nil {
		t.Errorf("no setting: %v %v", ids, err)
	}
	bad := filepath.Join(dir, "notes.txt")
	os.WriteFile(bad, []byte("Nguyễn Văn A, 075184009921\n"), 0o600)
	for _, s := range []string{bad, filepath.Join(dir, "missing.txt"), "AGE-SECRET-KEY-1XYZ"} {
		_, err := Identities(s)
		if err == nil || strings.Contains(err.Error(), "075184009921") || strings.Contains(err.Error(), "1XYZ") {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// An office's recipients change in registry/offices.yaml with everything else kept: comments, order, the
// other offices, the flow style of the list.
func TestSetRecipients(t *testing.T) {
	files, err := examples.ProvinceFiles("registry/offices.yaml")
	if err != nil {
		t.Fatal(err)
	}
	orig := files["registry/offices.yaml"]
	out, err := SetRecipients(orig, "VPUBND", []string{"age1aaa", "age1bbb"})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(string(orig), "recipients: [age1560xlh2xnm78ezvtvpnw3chd0z2gn5wfsh28ahm79sw4zz4pfvcqkh74al]", "recipients: [age1aaa, age1bbb]", 1)
	if string(out) != want {
		t.Errorf("changed more than the recipients:\n%s", out)
	}
	f := record.Decode("registry/offices.yaml", out, nil)
	if o, ok := f.Value.(*record.Offices); !ok || len(o.Offices) != 3 || len(o.Offices[2].Recipients) != 2 {
		t.Errorf("decoded %+v", f.Value)
	}
	if _, err := SetRecipients(orig, "VPXX", nil); err == nil {
		t.Error("an unknown office")
	}
	noList := []byte("kind: offices\nbodies: []\noffices:\n  - code: VPTU # the coordinator\n    name: Văn phòng Tỉnh ủy\n")
	out, err = SetRecipients(noList, "VPTU", []string{"age1ccc"})
	if err != nil || !strings.Contains(string(out), "    recipients: [age1ccc]\n") || !strings.Contains(string(out), "# the coordinator") {
		t.Errorf("an office without recipients yet:\n%s %v", out, err)
	}
}
