package petition

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/keyring"
	"github.com/coordvn/coord/pkg/petition"
)

// In a terminal, receive asks for each field the flags did not give, one question at a time on stderr
// (a default in brackets, taken for an empty answer; an optional field may be left empty; a required one is
// asked again), and writes the petition from the answers. The answers come from a reader here, as they come
// from the terminal.
func TestReceiveAsks(t *testing.T) {
	repo := t.TempDir()
	if err := examples.WriteProvince(repo, ""); err != nil {
		t.Fatal(err)
	}
	key, err := filepath.Abs(filepath.Join("..", "..", "..", "examples", "keys", "VPUBND.agekey"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("COORD_CONFIG", filepath.Join(t.TempDir(), "config.yaml"))
	var out, errb bytes.Buffer
	f := cmdutil.New()
	// The subject is left empty twice, and asked again.
	answers := "to-cao\n\ntruc-tiep\n\n\nTố cáo việc lấn chiếm đất công\nxã Long Thành\nPhan Văn Lực\n\n\n0933 222 111\n"
	f.In, f.Out, f.Err = strings.NewReader(answers), &out, &errb
	f.Getwd = func() (string, error) { return repo, nil }
	f.Now = func() time.Time { return time.Date(2026, 10, 9, 9, 0, 0, 0, time.UTC) }
	f.V.Set("repo", repo)
	f.V.Set("office", "VPUBND")
	f.V.Set("identity", key)
	f.V.Set("as-of", "2026-10-09")
	o := &receiveOptions{f: f, ask: true, people: "3"}
	if err := receive(o); err != nil {
		t.Fatalf("receive: %v\n%s", err, errb.String())
	}
	asked := errb.String()
	for _, q := range []string{"Loại đơn (khieu-nai, to-cao, kien-nghi, phan-anh): ", "Ngày nhận [09/10/2026]: ",
		"Nội dung tóm tắt (không ghi số định danh, số điện thoại): ", "Số định danh (CCCD/CMND) (có thể bỏ trống): "} {
		if !strings.Contains(asked, q) {
			t.Errorf("not asked %q:\n%s", q, asked)
		}
	}
	if strings.Count(asked, "Nội dung tóm tắt") != 3 {
		t.Errorf("the subject is asked until answered:\n%s", asked)
	}
	if strings.Contains(asked, "Số người") {
		t.Errorf("asked for the number of people, given as a flag:\n%s", asked)
	}
	rel := filepath.Join("petitions", "2026", "VPUBND", "VPUBND-2026-000202.yaml")
	data, err := os.ReadFile(filepath.Join(repo, rel))
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"type: to-cao\n", "received: 2026-10-09\n", "people: 3\n", "subject: Tố cáo việc lấn chiếm đất công\n", "locality: xa-long-thanh\n", "petitioner_index: bi1:"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the record lacks %q:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), "Lực") || strings.Contains(string(data), "0933") {
		t.Errorf("plaintext in the record:\n%s", data)
	}
	ids, err := keyring.Identities(key)
	if err != nil {
		t.Fatal(err)
	}
	var sealed string
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "petitioner: "); ok {
			sealed = v
		}
	}
	plain, err := petition.Open(sealed, ids)
	if err != nil {
		t.Fatal(err)
	}
	id, err := petition.ParseIdentity(plain)
	if err != nil || id.Name != "Phan Văn Lực" || id.Phone != "0933 222 111" || id.IDNumber != "" {
		t.Errorf("identity %+v, %v", id, err)
	}
}

// Without a terminal nothing is asked: the missing required flags are named, exit 2.
func TestReceiveMissingFlags(t *testing.T) {
	o := &receiveOptions{f: cmdutil.New(), typ: "khieu-nai"}
	err := o.fill(strings.NewReader("never read\n"), "09/10/2026")
	if cmdutil.Code(err) != cmdutil.ExitEnv || !strings.Contains(err.Error(), "--channel --subject --name") {
		t.Fatalf("%v", err)
	}
	if o.received != "09/10/2026" || o.people != "1" {
		t.Errorf("defaults: %q %q", o.received, o.people)
	}
}
