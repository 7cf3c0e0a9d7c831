package authz

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
	"github.com/coordvn/coord/pkg/record"
)

var settings = &record.Settings{Coordinator: "VPTU"}

var registry = &record.Offices{Offices: []record.Office{
	{Code: "VPTU", Members: []record.Member{{Name: "Lê Thu Hà", Email: "ha.lt@vptu.example.vn"}}},
	{Code: "VPUBND", Members: []record.Member{{Name: "Hồ Thị Kim Liên", Email: "Lien.HTK@vpubnd.example.vn"}}},
}}

func TestOwnerOf(t *testing.T) {
	for path, want := range map[string]Owner{
		"programmes/2026/Q3/VPUBND.yaml":           {Office: "VPUBND"},
		"programmes/2026/W27/VPDBHD.yaml":          {Office: "VPDBHD"},
		"documents/2026/VPUBND/12-tb-ubnd.yaml":    {Office: "VPUBND"},
		"conclusions/2026/VPTU/giao-ban.yaml":      {Office: "VPTU"},
		"petitions/2026/VPDBHD/VPDBHD-2026-1.yaml": {Office: "VPDBHD"},
		"consolidated/2026/Q3.yaml":                {Office: "VPTU"},
		"issued/2026/Q3/chuong-trinh.docx":         {Office: "VPTU"},
		"registry/people.yaml":                     {Office: "VPTU"},
		"coord.yaml":                               {Admins: true},
		".github/workflows/coord.yml":              {Admins: true},
		"schema/programme.schema.json":             {Admins: true},
		"programmes/2026/VPUBND.yaml":              {Admins: true}, // not where a programme lives
		"documents/VPUBND.yaml":                    {Admins: true},
	} {
		if got := OwnerOf(path, settings); got != want {
			t.Errorf("%s: %+v, want %+v", path, got, want)
		}
	}
}

func TestAllows(t *testing.T) {
	for _, c := range []struct {
		path, email string
		ok          bool
	}{
		{"programmes/2026/Q3/VPUBND.yaml", "lien.htk@vpubnd.example.vn", true}, // emails compare without case
		{"programmes/2026/Q3/VPTU.yaml", "lien.htk@vpubnd.example.vn", false},
		{"consolidated/2026/Q3.yaml", "ha.lt@vptu.example.vn", true},
		{"consolidated/2026/Q3.yaml", "lien.htk@vpubnd.example.vn", false},
		{"coord.yaml", "ha.lt@vptu.example.vn", true}, // no admins listed: the coordinator's members are
		{"coord.yaml", "lien.htk@vpubnd.example.vn", false},
		{"programmes/2026/Q3/VPDBHD.yaml", "ha.lt@vptu.example.vn", false}, // an office with no members: nobody
	} {
		if got := OwnerOf(c.path, settings).Allows(c.email, registry, settings); got != c.ok {
			t.Errorf("%s by %s: %v", c.path, c.email, got)
		}
	}
	withAdmins := *registry
	withAdmins.Admins = []record.Member{{Name: "Quản trị", Email: "admin@example.vn"}}
	if OwnerOf("coord.yaml", settings).Allows("ha.lt@vptu.example.vn", &withAdmins, settings) ||
		!OwnerOf("coord.yaml", settings).Allows("admin@example.vn", &withAdmins, settings) {
		t.Error("listed admins replace the coordinator's members for coord.yaml")
	}
	if r := Judge([]string{"programmes/2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPTU.yaml"}, "lien.htk@vpubnd.example.vn", registry, settings, nil); len(r) != 1 || r[0].Path != "programmes/2026/Q3/VPTU.yaml" || r[0].Owner.Office != "VPTU" {
		t.Errorf("Judge: %+v", r)
	}
	if r := Judge([]string{"coord.yaml"}, "x@y.vn", &record.Offices{}, settings, nil); len(r) != 0 {
		t.Errorf("a registry naming nobody refuses %+v", r)
	}
}

// TestVerifyPGP signs a commit payload with an OpenPGP key and checks it against the armored public key.
func TestVerifyPGP(t *testing.T) {
	e, err := openpgp.NewEntity("Lê Thu Hà", "", "ha.lt@vptu.example.vn", nil)
	if err != nil {
		t.Fatal(err)
	}
	var pub bytes.Buffer
	w, _ := armor.Encode(&pub, openpgp.PublicKeyType, nil)
	if err := e.Serialize(w); err != nil {
		t.Fatal(err)
	}
	w.Close()
	payload := []byte("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor Lê Thu Hà <ha.lt@vptu.example.vn> 1780000000 +0700\n\nmerge\n")
	var sig bytes.Buffer
	if err := openpgp.ArmoredDetachSign(&sig, e, bytes.NewReader(payload), nil); err != nil {
		t.Fatal(err)
	}
	if err := Verify(sig.String(), payload, []string{pub.String()}); err != nil {
		t.Errorf("valid signature: %v", err)
	}
	if err := Verify(sig.String(), append(payload, 'x'), []string{pub.String()}); err != ErrBadSig {
		t.Errorf("tampered payload: %v", err)
	}
	if err := Verify(sig.String(), payload, nil); err != ErrNoKey {
		t.Errorf("no key: %v", err)
	}
	if err := Verify("", payload, []string{pub.String()}); err != ErrUnsigned {
		t.Errorf("unsigned: %v", err)
	}
}

// TestVerifySSH signs with OpenSSH's ssh-keygen -Y sign, as git does with gpg.format=ssh.
func TestVerifySSH(t *testing.T) {
	keygen, err := exec.LookPath("ssh-keygen")
	if err != nil {
		if os.Getenv("COORD_SKIP_EXTERNAL") == "1" {
			t.Skip("no ssh-keygen")
		}
		t.Fatal("ssh-keygen not installed (openssh-client)")
	}
	dir := t.TempDir()
	key := filepath.Join(dir, "k")
	if out, err := exec.Command(keygen, "-q", "-t", "ed25519", "-N", "", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	payload := []byte("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nsigned\n")
	msg := filepath.Join(dir, "payload")
	os.WriteFile(msg, payload, 0o644)
	if out, err := exec.Command(keygen, "-Y", "sign", "-n", "git", "-f", key, msg).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	sig, _ := os.ReadFile(msg + ".sig")
	pub, _ := os.ReadFile(key + ".pub")
	if err := Verify(string(sig), payload, []string{string(pub)}); err != nil {
		t.Errorf("valid signature: %v", err)
	}
	if err := Verify(string(sig), []byte("other"), []string{string(pub)}); err != ErrBadSig {
		t.Errorf("other payload: %v", err)
	}
	other := filepath.Join(dir, "o")
	exec.Command(keygen, "-q", "-t", "ed25519", "-N", "", "-f", other).Run()
	opub, _ := os.ReadFile(other + ".pub")
	if err := Verify(string(sig), payload, []string{string(opub)}); err != ErrBadSig {
		t.Errorf("another key: %v", err)
	}
	if err := Verify(strings.Replace(string(sig), "A", "B", 3), payload, []string{string(pub)}); err == nil {
		t.Error("a damaged signature verified")
	}
}

// FuzzVerify: any signature text and key list give an answer, never a panic.
func FuzzVerify(f *testing.F) {
	f.Add("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGl9")
	f.Add("-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQ\n-----END PGP SIGNATURE-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxsBN\n-----END PGP PUBLIC KEY BLOCK-----")
	f.Add("garbage", "")
	f.Fuzz(func(t *testing.T, sig, key string) {
		_ = Verify(sig, []byte("payload"), []string{key})
	})
}
