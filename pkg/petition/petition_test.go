package petition

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/coordvn/coord/examples"
	"go.yaml.in/yaml/v3"
)

// seal encrypts plain to n fresh X25519 recipients, as `coord petition receive` would, and writes it as a
// record's field value.
func seal(t testing.TB, plain string, n int) string {
	t.Helper()
	var rs []age.Recipient
	for i := 0; i < n; i++ {
		id, err := age.GenerateX25519Identity()
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, id.Recipient())
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, rs...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, plain); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return "ENC[age," + base64.StdEncoding.EncodeToString(buf.Bytes()) + "]"
}

func enc(b string) string { return "ENC[age," + base64.StdEncoding.EncodeToString([]byte(b)) + "]" }

func problemOf(err error) Problem {
	var e *Error
	if errors.As(err, &e) {
		return e.Problem
	}
	return 0
}

func TestParseSealed(t *testing.T) {
	identity := "{name: Hà Thị Mến, id_number: '075184009921', address: ấp 2 xã Xuân Lộc, phone: 0934 112 908}"
	good := seal(t, identity, 3)
	if f, err := ParseSealed(good); err != nil || len(f.Stanzas) != 3 || f.Stanzas[0].Type != "X25519" {
		t.Fatalf("a real age ciphertext: %v %+v", err, f)
	}
	if _, err := ParseSealed(seal(t, "", 1)); err != nil {
		t.Errorf("an empty plaintext sealed to one recipient: %v", err)
	}
	raw, _ := base64.StdEncoding.DecodeString(strings.TrimSuffix(strings.TrimPrefix(good, "ENC[age,"), "]"))
	header := raw[:bytes.Index(raw, []byte("\n--- "))+1]
	mac := raw[len(header) : bytes.IndexByte(raw[len(header):], '\n')+len(header)+1]
	payload := raw[len(header)+len(mac):]
	x25519 := header[len(ageIntro):]
	cases := []struct {
		name, value string
		want        Problem
	}{
		{"empty", "", Empty},
		{"plain text, as the draft types it", "Hà Thị Mến, CCCD 075184009921, điện thoại 0934 112 908", Plain},
		{"ENC without the closing bracket", strings.TrimSuffix(good, "]"), Plain},
		{"another scheme", strings.Replace(good, "ENC[age,", "ENC[gpg,", 1), Plain},
		{"not base64", "ENC[age,Hà Thị Mến]", Base64},
		{"unpadded base64", "ENC[age," + strings.TrimRight(base64.StdEncoding.EncodeToString(raw[:len(raw)-1]), "=") + "]", Base64},
		{"base64 across lines", "ENC[age," + base64.StdEncoding.EncodeToString(raw)[:40] + "\n" + base64.StdEncoding.EncodeToString(raw)[40:] + "]", Base64},
		{"a fake: base64 of the plain text", enc(identity), NotAge},
		{"a fake: the intro line alone", "ENC[age,YWdlLWVuY3J5cHRpb24ub3JnL3YxCg==]", Header},
		{"armored age", enc("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"), NotAge},
		{"no recipient stanza", enc(ageIntro + string(mac) + string(payload)), NoRecipient},
		{"no MAC line", enc(string(header) + string(payload)), Header},
		{"a MAC of the wrong length", enc(string(header) + "--- AAAA\n" + string(payload)), Header},
		{"a stanza body without its short line", enc(ageIntro + "-> X25519 " + strings.Repeat("A", 43) + "\n" + strings.Repeat("A", 64) + "\n" + string(mac) + string(payload)), Header},
		{"a stanza line with two spaces", enc(ageIntro + "->  X25519\n\n" + string(mac) + string(payload)), Header},
		{"an X25519 stanza without its share", enc(ageIntro + "-> X25519\n" + strings.Repeat("A", 43) + "\n" + string(mac) + string(payload)), Recipient},
		{"an X25519 stanza with a short body", enc(ageIntro + strings.SplitN(string(x25519), "\n", 2)[0] + "\nAAAA\n" + string(mac) + string(payload)), Recipient},
		{"the header alone", enc(string(header) + string(mac)), Payload},
		{"a payload too short", enc(string(header) + string(mac) + "0123456789"), Payload},
	}
	for _, c := range cases {
		_, err := ParseSealed(c.value)
		if got := problemOf(err); got != c.want {
			t.Errorf("%s: problem %d (%v), want %d", c.name, got, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "075184009921") {
			t.Errorf("%s: the error quotes the value: %v", c.name, err)
		}
	}
	// Other stanza types pass when well formed: age has more recipients than X25519 (and grease stanzas).
	other := enc(ageIntro + "-> scrypt c2FsdA 18\n" + strings.Repeat("A", 43) + "\n" + string(x25519) + string(mac) + string(payload))
	if _, err := ParseSealed(other); err != nil {
		t.Errorf("a header with a scrypt stanza: %v", err)
	}
}

// Every petition of the example province is sealed; the draft's petitioner is not.
func TestExamplePetitionsSealed(t *testing.T) {
	n := 0
	err := fs.WalkDir(examples.Province, "province/petitions", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.Province, p)
		if err != nil {
			return err
		}
		var pet struct {
			Petitioner string `yaml:"petitioner"`
		}
		if err := yaml.Unmarshal(data, &pet); err != nil {
			return err
		}
		if _, err := ParseSealed(pet.Petitioner); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		n++
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d petitions: %v", n, err)
	}
	data, err := fs.ReadFile(examples.Drafts, "drafts/VPDBHD-2026-000045.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var draft struct {
		Petitioner string `yaml:"petitioner"`
	}
	if err := yaml.Unmarshal(data, &draft); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseSealed(draft.Petitioner); problemOf(err) != Plain {
		t.Errorf("the draft's plaintext petitioner: %v", err)
	}
}

func TestFindNumbers(t *testing.T) {
	type hit struct {
		kind NumberKind
		text string
	}
	cases := []struct {
		text string
		want []hit
	}{
		{"Hà Thị Mến, CCCD 075184009921, ấp 2", []hit{{IDNumber, "075184009921"}}},
		{"CCCD số 075 184 009 921 cấp ngày 03/7/2021", []hit{{IDNumber, "075 184 009 921"}}},
		{"CMND 271.234.567", []hit{{IDNumber, "271.234.567"}}},
		{"điện thoại 0934 112 908", []hit{{PhoneNumber, "0934 112 908"}}},
		{"ĐT: 0934.112.908; hoặc 0934-112-909.", []hit{{PhoneNumber, "0934.112.908"}, {PhoneNumber, "0934-112-909"}}},
		{"gọi +84 934 112 908 hoặc 84934112908", []hit{{PhoneNumber, "+84 934 112 908"}, {PhoneNumber, "84934112908"}}},
		{"máy bàn 0251 3822 123", []hit{{PhoneNumber, "0251 3822 123"}}},
		{"hai số 0934112908-0934112909", []hit{{PhoneNumber, "0934112908"}, {PhoneNumber, "0934112909"}}},
		{"ĐT:0934112908", []hit{{PhoneNumber, "0934112908"}}},
		{"ĐT.0934112908", []hit{{PhoneNumber, "0934112908"}}},
		// Not personal data.
		{"bi1:4230cf5dadbbc97f94ce7671c8855c4b89a1269890c95f7a582e59fa84a9ae31", nil},
		{"chuyển từ VPUBND-2026-000123 theo Công văn 3011/QĐ-UBND", nil},
		{"bồi thường 150.000.000 đồng, diện tích 1.250.000 m2", nil},
		{"số tiền 1.500.000.000 và 150.000.000", nil},
		{"bồi thường 150000000 đ", nil},
		{"ngày 03-07-2026 08:00, ngày 2026-07-03 14:30", nil},
		{"thửa đất số 123, tờ bản đồ số 45, năm 2026", nil},
		{"Luật Tố cáo 2018, Điều 47; Nghị định 30/2020/NĐ-CP", nil},
		{"mã 0934112908abc", nil},
		{"", nil},
	}
	for _, c := range cases {
		var got []hit
		for _, n := range FindNumbers(c.text) {
			got = append(got, hit{n.Kind, c.text[n.Start:n.End]})
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: %v, want %v", c.text, got, c.want)
				break
			}
		}
	}
}
