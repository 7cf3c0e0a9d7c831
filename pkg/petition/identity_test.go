package petition

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"filippo.io/age"
	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// OpenIdentity opens a sealed petitioner value and reads the identity in it.
func OpenIdentity(value string, ids []age.Identity) (Identity, error) {
	plain, err := Open(value, ids)
	if err != nil {
		return Identity{}, err
	}
	return ParseIdentity(plain)
}

// demoKeys are the example province's fictional demo identities, by office.
func demoKeys(t testing.TB) map[string]*age.X25519Identity {
	t.Helper()
	out := map[string]*age.X25519Identity{}
	for _, o := range []string{"VPTU", "VPDBHD", "VPUBND"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "keys", o+".agekey"))
		if err != nil {
			t.Fatal(err)
		}
		ids, err := age.ParseIdentities(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		out[o] = ids[0].(*age.X25519Identity)
	}
	return out
}

func identities(ids ...*age.X25519Identity) []age.Identity {
	var out []age.Identity
	for _, id := range ids {
		out = append(out, id)
	}
	return out
}

var hoa = Identity{Name: "Trần Thị Hoà", IDNumber: "075190001234", Address: "ấp Bàu Cá, xã Trảng Bom", Phone: "0909 123 456"}

// Sealed and opened again, an identity is the same; the plaintext is the YAML mapping of docs/records.md.
func TestSealRoundTrip(t *testing.T) {
	keys := demoKeys(t)
	v, err := Seal(hoa.Marshal(), []string{keys["VPTU"].Recipient().String(), keys["VPUBND"].Recipient().String()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseSealed(v); err != nil {
		t.Fatalf("Seal writes what ParseSealed refuses: %v", err)
	}
	for _, o := range []string{"VPTU", "VPUBND"} {
		got, err := OpenIdentity(v, identities(keys[o]))
		if err != nil || got != hoa {
			t.Errorf("%s opens %+v, %v", o, got, err)
		}
	}
	if _, err := OpenIdentity(v, identities(keys["VPDBHD"])); !errors.Is(err, ErrNoKey) {
		t.Errorf("a key it was not sealed to: %v, want ErrNoKey", err)
	}
	if _, err := Open(v, nil); !errors.Is(err, ErrNoKey) {
		t.Errorf("no key at all: %v, want ErrNoKey", err)
	}
	var m map[string]string
	if err := yaml.Unmarshal(hoa.Marshal(), &m); err != nil || len(m) != 4 || m["id_number"] != "075190001234" {
		t.Errorf("plaintext %q: %v %v", hoa.Marshal(), m, err)
	}
	if _, err := Seal([]byte("x"), nil); err == nil {
		t.Error("sealed to nobody")
	}
	if _, err := Seal([]byte("x"), []string{"age1notakey"}); err == nil {
		t.Error("sealed to a malformed recipient")
	}
}

// A denunciation is sealed to the handling office alone: a clerk of another office, holding a key of the
// registry, cannot read it — in the example province, and for one coord seals with the registry's readers.
func TestDenunciationOnlyForTheHandlingOffice(t *testing.T) {
	keys := demoKeys(t)
	reg := &record.Offices{Offices: []record.Office{
		{Code: "VPTU", Recipients: []string{keys["VPTU"].Recipient().String()}},
		{Code: "VPDBHD", Recipients: []string{keys["VPDBHD"].Recipient().String()}},
		{Code: "VPUBND", Recipients: []string{keys["VPUBND"].Recipient().String()}},
	}}
	if got := Readers(Denunciation, "VPUBND", reg); len(got) != 1 || got[0] != "VPUBND" {
		t.Fatalf("readers of a denunciation: %v", got)
	}
	if got := Readers("khieu-nai", "VPUBND", reg); len(got) != 3 {
		t.Fatalf("readers of a complaint: %v", got)
	}
	v, err := Seal(hoa.Marshal(), RecipientsOf(Readers(Denunciation, "VPUBND", reg), reg))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenIdentity(v, identities(keys["VPUBND"])); err != nil {
		t.Errorf("the handling office: %v", err)
	}
	if _, err := OpenIdentity(v, identities(keys["VPTU"], keys["VPDBHD"])); !errors.Is(err, ErrNoKey) {
		t.Errorf("the other offices, both keys together: %v, want ErrNoKey", err)
	}
	// The example's denunciations likewise.
	for _, p := range []string{"province/petitions/2026/VPTU/VPTU-2026-000052.yaml", "province/petitions/2026/VPUBND/VPUBND-2026-000157.yaml"} {
		pet := examplePetition(t, p)
		for o, k := range keys {
			_, err := OpenIdentity(pet.Petitioner, identities(k))
			if (o == pet.Office) != (err == nil) {
				t.Errorf("%s with %s's key: %v", p, o, err)
			}
		}
	}
}

func examplePetition(t testing.TB, p string) *record.Petition {
	t.Helper()
	data, err := fs.ReadFile(examples.Province, p)
	if err != nil {
		t.Fatal(err)
	}
	var pet record.Petition
	if err := yaml.Unmarshal(data, &pet); err != nil {
		t.Fatal(err)
	}
	return &pet
}

// The example province's blind indexes are this package's: the same normalisation and key, so coord's
// commands and the shipped data agree (and LUONG  VAN THINH at VPTU is Lương Văn Thịnh at VPUBND).
func TestExampleIndexesCompatible(t *testing.T) {
	keys := demoKeys(t)
	keyFile, err := fs.ReadFile(examples.Province, "province/"+IndexKeyPath)
	if err != nil {
		t.Fatal(err)
	}
	key, err := OpenIndexKey(keyFile, identities(keys["VPTU"]))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = fs.WalkDir(examples.Province, "province/petitions", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		pet := examplePetition(t, p)
		id, err := OpenIdentity(pet.Petitioner, identities(keys[pet.Office]))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if got, _ := BlindIndex(key, id); got != pet.PetitionerIndex {
			t.Errorf("%s: index %s, the file has %s", p, got, pet.PetitionerIndex)
		}
		n++
		return nil
	})
	if err != nil || n != 8 {
		t.Fatalf("%d petitions: %v", n, err)
	}
}

// One person written as clerks write: diacritics or none, tone marks placed either way, capitals, extra
// spaces, đ, the ID number grouped; another person with the same name has another ID number.
func TestIndexInput(t *testing.T) {
	same := []Identity{
		{Name: "Đặng Thị Thuỷ", IDNumber: "075190001234"},
		{Name: "DANG THI THUY", IDNumber: "075 190 001 234"},
		{Name: "  đặng   thị  thủy ", IDNumber: "075.190.001.234"},
		{Name: "Đặng Thị Thuỷ", IDNumber: "075-190-001-234", Phone: "0909 000 000", Address: "khác"},
		{Name: "Đặng Thị Thuỷ", IDNumber: "075190001234"}, // NFD (below)
	}
	same[4].Name = norm.NFD.String(same[4].Name)
	want, ok := IndexInput(same[0])
	if !ok || want != "dang thi thuy|075190001234" {
		t.Fatalf("IndexInput = %q, %v", want, ok)
	}
	for _, id := range same[1:] {
		if got, _ := IndexInput(id); got != want {
			t.Errorf("%+v: %q, want %q", id, got, want)
		}
	}
	key := []byte("k")
	a, _ := BlindIndex(key, same[0])
	b, _ := BlindIndex(key, Identity{Name: "Đặng Thị Thuỷ", IDNumber: "075190009999"})
	c, _ := BlindIndex([]byte("another key"), same[0])
	if a == b || a == c || !WellFormedIndex(a) {
		t.Errorf("indexes %s %s %s", a, b, c)
	}
	// No ID number: the phone, with the country code read as 0; neither: no index.
	p1, _ := IndexInput(Identity{Name: "An", Phone: "+84 934 112 908"})
	p2, _ := IndexInput(Identity{Name: "an", Phone: "0934.112.908"})
	if p1 != p2 || p1 != "an|tel:0934112908" {
		t.Errorf("phones: %q %q", p1, p2)
	}
	if _, ok := IndexInput(Identity{Name: "An"}); ok {
		t.Error("a name alone is indexed: every namesake would be linked")
	}
	if _, ok := IndexInput(Identity{IDNumber: "075190001234"}); ok {
		t.Error("no name, indexed")
	}
}

func TestSimilar(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Khiếu nại quyết định thu hồi đất và phương án bồi thường tại ấp 3, xã Long Thành",
			"Khiếu nại việc bồi thường, hỗ trợ khi thu hồi đất tại ấp 3 xã Long Thành", true},
		{"KHIEU NAI THU HOI DAT AP 3 LONG THANH", "khiếu nại thu hồi đất ấp 3, Long Thành", true},
		{"Khiếu nại thu hồi đất", "Tố cáo cán bộ nhận hối lộ", false},
		{"Khiếu nại về việc của tôi", "Tố cáo về việc của tôi", false}, // stopwords only
		{"Kiến nghị sửa đường liên xã", "Kiến nghị sửa chữa trường học", false},
		{"", "", false},
	} {
		if got := Similar(c.a, c.b); got != c.want {
			t.Errorf("Similar(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// Duplicates links one person's petitions on one matter across offices, not a namesake, not another
// matter, not two petitions of a single office.
func TestDuplicates(t *testing.T) {
	key := []byte("k")
	idx := func(name, n string) string { s, _ := BlindIndex(key, Identity{Name: name, IDNumber: n}); return s }
	e := func(id, office, received, subject, index string) Entry {
		return Entry{Path: id, P: &record.Petition{ID: id, Office: office, Received: received, Subject: subject, PetitionerIndex: index}}
	}
	land := "Khiếu nại thu hồi đất làm đường tránh ấp Bàu Cá"
	groups := Duplicates([]Entry{
		e("C", "VPDBHD", "2026-07-10", land+", Trảng Bom", idx("trần  thị   hoà", "075.190.001.234")),
		e("A", "VPUBND", "2026-07-06", land, idx("Trần Thị Hoa", "075190001234")),
		e("B", "VPTU", "2026-07-08", "Đơn về "+land, idx("TRAN THI HOA", "075 190 001 234")),
		e("D", "VPUBND", "2026-07-09", land, idx("Trần Thị Hoa", "075190009999")),
		e("E", "VPTU", "2026-07-20", "Kiến nghị cấp giấy phép kinh doanh", idx("Trần Thị Hoa", "075190001234")),
		e("F", "VPTU", "2026-07-21", land, idx("Lê Văn Tám", "075190007777")),
		e("G", "VPTU", "2026-07-22", land, idx("Lê Văn Tám", "075190007777")),
		e("H", "VPTU", "2026-07-22", land, "bi1:NOT-AN-INDEX"),
		e("I", "VPUBND", "2026-07-22", land, "bi1:NOT-AN-INDEX"),
	})
	if len(groups) != 1 || len(groups[0]) != 3 {
		t.Fatalf("groups %v", groups)
	}
	for i, want := range []string{"A", "B", "C"} {
		if groups[0][i].P.ID != want {
			t.Errorf("group member %d is %s, want %s (by date received)", i, groups[0][i].P.ID, want)
		}
	}
}

// A damaged value says so, without a key (the form) or with one (the content): cut short, altered, or the
// header broken — never ErrNoKey, never a panic.
func TestDamaged(t *testing.T) {
	keys := demoKeys(t)
	ids := identities(keys["VPUBND"])
	v, err := Seal(hoa.Marshal(), []string{keys["VPUBND"].Recipient().String()})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.StdEncoding.DecodeString(v[len(sealedPrefix) : len(v)-1])
	enc := func(b []byte) string { return sealedPrefix + base64.StdEncoding.EncodeToString(b) + sealedSuffix }
	flip := bytes.Clone(raw)
	flip[len(flip)-5] ^= 1
	hdr := bytes.Clone(raw)
	at := bytes.Index(hdr, []byte("\n--- ")) + 8 // a character inside the MAC's base64: still base64, not the MAC
	if hdr[at] == 'A' {
		hdr[at] = 'B'
	} else {
		hdr[at] = 'A'
	}
	for name, c := range map[string]struct {
		v    string
		want Problem
	}{
		"cut short":         {enc(raw[:len(raw)-10]), Damaged},
		"cut to the header": {enc(raw[:bytes.Index(raw, []byte("\n--- "))+20]), Header},
		"altered payload":   {enc(flip), Damaged},
		"altered MAC":       {enc(hdr), Damaged},
		"not base64":        {v[:40] + "!" + v[41:], Base64},
	} {
		_, err := Open(c.v, ids)
		if errors.Is(err, ErrNoKey) || problemOf(err) != c.want {
			t.Errorf("%s: %v (problem %d), want problem %d", name, err, problemOf(err), c.want)
		}
	}
	if _, err := OpenIndexKey(raw, ids); problemOf(err) != Damaged {
		t.Errorf("an identity where a 32-byte key belongs: %v", err)
	}
}

// A rekey seals again what the registry change affects, with the keys given; what they do not open stops
// it; rotating the index computes every index again under the new key.
func TestRekey(t *testing.T) {
	keys := demoKeys(t)
	fresh, _ := age.GenerateX25519Identity()
	reg := func(extra ...string) *record.Offices {
		return &record.Offices{Offices: []record.Office{
			{Code: "VPTU", Recipients: []string{keys["VPTU"].Recipient().String()}},
			{Code: "VPUBND", Recipients: append([]string{keys["VPUBND"].Recipient().String()}, extra...)},
		}}
	}
	old, added := reg(), reg(fresh.Recipient().String())
	file := func(typ, office string) *record.File {
		v, err := Seal(hoa.Marshal(), RecipientsOf(Readers(typ, office, old), old))
		if err != nil {
			t.Fatal(err)
		}
		data := []byte("kind: petition\nid: " + office + "-2026-000001\noffice: " + office + "\ntype: " + typ +
			"\nreceived: 2026-07-01\nchannel: truc-tiep\npeople: 1\nsubject: S\npetitioner: " + v + "\nstatus: received\n")
		return record.Decode("petitions/2026/"+office+"/"+office+"-2026-000001.yaml", data, nil)
	}
	pets := []*record.File{file("khieu-nai", "VPTU"), file(Denunciation, "VPTU"), file(Denunciation, "VPUBND")}
	pets[1].Path = "petitions/2026/VPTU/VPTU-2026-000002.yaml"
	key, _ := NewIndexKey()
	keyFile, err := SealBytes(key, RecipientsOf(AllOffices(old), old))
	if err != nil {
		t.Fatal(err)
	}
	// VPUBND adds a key: its own denunciation and the complaint are sealed again, VPTU's denunciation is not
	// touched (VPUBND does not read it), and the index key too. VPUBND's key opens all of them.
	pl, err := Rekey{Old: old, New: added, IDs: identities(keys["VPUBND"]), Petitions: pets, KeyFile: keyFile}.Plan()
	if err != nil || len(pl.Unopened) != 0 || pl.Resealed != 2 || len(pl.Files) != 3 || pl.Files[IndexKeyPath] == nil {
		t.Fatalf("add: %+v, %v", pl, err)
	}
	if _, ok := pl.Files[pets[1].Path]; ok {
		t.Error("VPTU's denunciation was changed")
	}
	for p, data := range pl.Files {
		if p == IndexKeyPath {
			if k, err := OpenIndexKey(data, identities(fresh)); err != nil || !bytes.Equal(k, key) {
				t.Errorf("the new key does not open the index key: %v", err)
			}
			continue
		}
		f := record.Decode(p, data, nil)
		if _, err := OpenIdentity(record.ValueOf(f.Root, "petitioner").Value, identities(fresh)); err != nil {
			t.Errorf("%s: the new key does not open it: %v", p, err)
		}
	}
	// VPTU's key alone cannot: VPUBND's denunciation does not open, and nothing is planned.
	pets = []*record.File{file("khieu-nai", "VPTU"), file(Denunciation, "VPUBND")}
	pl, err = Rekey{Old: old, New: added, IDs: identities(keys["VPTU"]), Petitions: pets, KeyFile: keyFile}.Plan()
	if err != nil || len(pl.Unopened) != 1 || pl.Unopened[0].ID != "VPUBND-2026-000001" || pl.Unopened[0].Line != 9 || pl.Files != nil {
		t.Fatalf("refused add: %+v, %v", pl, err)
	}
	// Holding VPTU's key (Held), the same change goes ahead: VPUBND's denunciation is left as it is, for
	// VPUBND's key holder; then VPUBND's reseal (Office) seals its petitions to the added key.
	pl, err = Rekey{Old: old, New: added, IDs: identities(keys["VPTU"]), Held: []string{"VPTU"}, Petitions: pets, KeyFile: keyFile}.Plan()
	if err != nil || len(pl.Unopened) != 0 || len(pl.Pending) != 1 || pl.Pending[0].ID != "VPUBND-2026-000001" || pl.Resealed != 1 || len(pl.Files) != 2 {
		t.Fatalf("add by another office: %+v, %v", pl, err)
	}
	pl, err = Rekey{Old: added, New: added, IDs: identities(keys["VPUBND"]), Held: []string{"VPUBND"}, Petitions: pets, KeyFile: keyFile, Office: "VPUBND"}.Plan()
	if err != nil || len(pl.Unopened)+len(pl.Pending) != 0 || pl.Resealed != 1 || len(pl.Files) != 1 || pl.Reindexed != 1 {
		t.Fatalf("reseal: %+v, %v", pl, err)
	}
	for p, data := range pl.Files {
		f := record.Decode(p, data, nil)
		if _, err := OpenIdentity(record.ValueOf(f.Root, "petitioner").Value, identities(fresh)); err != nil || p != pets[1].Path {
			t.Errorf("%s: the added key does not open it after the reseal: %v", p, err)
		}
	}
	// Rotating the index with both offices' keys computes each index under the new key.
	newKey, _ := NewIndexKey()
	pets = []*record.File{file("khieu-nai", "VPTU"), file(Denunciation, "VPUBND")}
	pl, err = Rekey{Old: old, New: old, IDs: identities(keys["VPTU"], keys["VPUBND"]), Petitions: pets, KeyFile: keyFile, NewIndexKey: newKey}.Plan()
	if err != nil || pl.Reindexed != 2 || pl.Resealed != 0 || len(pl.Files) != 3 {
		t.Fatalf("rotate: %+v, %v", pl, err)
	}
	want, _ := BlindIndex(newKey, hoa)
	for p, data := range pl.Files {
		if p != IndexKeyPath && !bytes.Contains(data, []byte("petitioner_index: "+want+"\n")) {
			t.Errorf("%s:\n%s", p, data)
		}
	}
}

func TestNormalName(t *testing.T) {
	for in, want := range map[string]string{
		"Lương Văn Thịnh":     "luong van thinh",
		"LUONG  VAN THINH":    "luong van thinh",
		" lương\tvăn\nthịnh ": "luong van thinh",
		"Đỗ Đức Đạt":          "do duc dat",
		"Nguyễn Thị Thuỷ":     "nguyen thi thuy",
		"Nguyễn Thị Thủy":     "nguyen thi thuy",
		"":                    "",
	} {
		if got := NormalName(in); got != want {
			t.Errorf("NormalName(%q) = %q, want %q", in, got, want)
		}
	}
}
