package authz

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// The example province with its members: VPUBND's clerk, VPTU's (the coordinator's) clerk.
const (
	lien = "lien.htk@vpubnd.example.vn"
	ha   = "ha.lt@vptu.example.vn"

	vpubndKey = "age1560xlh2xnm78ezvtvpnw3chd0z2gn5wfsh28ahm79sw4zz4pfvcqkh74al"
	vptuKey   = "age1f9w5ewlrpppwf6a43hzf5y7s2ld060wu50460sue9ldsxx50655slg9sev"

	tuPetition    = "petitions/2026/VPTU/VPTU-2026-000041.yaml"     // khiếu nại: every office reads it
	tuDenounce    = "petitions/2026/VPTU/VPTU-2026-000052.yaml"     // tố cáo: VPTU alone
	ubndPetition  = "petitions/2026/VPUBND/VPUBND-2026-000123.yaml" // VPUBND's own
	dbhdPetition  = "petitions/2026/VPDBHD/VPDBHD-2026-000017.yaml"
	exampleFolder = "../../examples/province"
)

var sealedLine = regexp.MustCompile(`(?m)^petitioner: ENC\[age,[^\]]*\]$`)
var indexLine = regexp.MustCompile(`(?m)^petitioner_index: bi1:[0-9a-f]{64}$`)

// world is the example repo before a change, and a change made to it.
type world struct {
	reg           *record.Offices
	set           *record.Settings
	before, after map[string][]byte
}

func newWorld(t testing.TB) *world {
	t.Helper()
	w := &world{before: map[string][]byte{}, after: map[string][]byte{}}
	for _, p := range []string{RegistryPath, petition.IndexKeyPath, tuPetition, tuDenounce, ubndPetition, dbhdPetition, "coord.yaml"} {
		data, err := os.ReadFile(filepath.Join(exampleFolder, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		w.before[p] = data
	}
	w.reg = offices(decode(RegistryPath, w.before[RegistryPath]))
	var s record.Settings
	if err := yaml.Unmarshal(w.before["coord.yaml"], &s); err != nil {
		t.Fatal(err)
	}
	w.set = &s
	if w.reg == nil || !Configured(w.reg) || w.set.Coordinator != "VPTU" {
		t.Fatal("the example registry lists its members")
	}
	return w
}

func (w *world) read(paths []string) (map[string][]byte, map[string][]byte, error) {
	b, a := map[string][]byte{}, map[string][]byte{}
	for _, p := range paths {
		if d, ok := w.before[p]; ok {
			b[p] = d
		}
		if d, ok := w.after[p]; ok {
			if d != nil {
				a[p] = d
			}
		} else if d, ok := w.before[p]; ok {
			a[p] = d
		}
	}
	return b, a, nil
}

// set changes a file: edit gets its content before the change.
func (w *world) edit(path string, edit func(string) string) {
	w.after[path] = []byte(edit(string(w.before[path])))
}

func (w *world) judge(email string) []Refusal {
	var paths []string
	for p := range w.after {
		paths = append(paths, p)
	}
	return Judge(paths, email, w.reg, w.set, w.read)
}

// seal is a fresh sealed value to n recipients (the plaintext does not matter to the judgement).
func seal(t *testing.T, recipients ...string) string {
	t.Helper()
	v, err := petition.Seal([]byte("name: Nguyễn Văn A\n"), recipients)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func sealKey(t *testing.T, recipients ...string) []byte {
	t.Helper()
	data, err := petition.SealBytes(make([]byte, 32), recipients)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func newRecipient(t *testing.T) string {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id.Recipient().String()
}

func allKeys(extra ...string) []string {
	return append([]string{vptuKey, "age1kxet5p80hk5hrx9ra7exgmxf0eep80ppum46hwkgjjvma2h8na8qe874eg", vpubndKey}, extra...)
}

// addKey is `coord keys add-recipient VPUBND NEW` as VPUBND's clerk makes it: VPUBND's recipients, the index
// key, and the identities every office reads, sealed again to the four keys.
func addKey(t *testing.T, w *world) string {
	k := newRecipient(t)
	w.edit(RegistryPath, func(s string) string {
		return strings.Replace(s, "recipients: ["+vpubndKey+"]", "recipients: ["+vpubndKey+", "+k+"]", 1)
	})
	w.after[petition.IndexKeyPath] = sealKey(t, allKeys(k)...)
	for _, p := range []string{tuPetition, dbhdPetition, ubndPetition} {
		v := seal(t, allKeys(k)...)
		w.edit(p, func(s string) string { return sealedLine.ReplaceAllLiteralString(s, "petitioner: "+v) })
	}
	return k
}

func whys(rs []Refusal) map[string]string {
	out := map[string]string{}
	for _, r := range rs {
		out[r.Path] = r.Why.Key
	}
	return out
}

// A clerk adds a key to their own office: the registry (the coordinator's), the index key and the other
// offices' petitions are reseals, allowed; with nothing read, they are refused by path.
func TestJudgeResealAllowed(t *testing.T) {
	w := newWorld(t)
	addKey(t, w)
	if r := w.judge(lien); len(r) != 0 {
		t.Fatalf("VPUBND's clerk adding VPUBND's key: %+v", r)
	}
	if r := w.judge(ha); len(r) != 0 {
		t.Fatalf("the coordinator's clerk adding VPUBND's key: %+v", r)
	}
	var paths []string
	for p := range w.after {
		paths = append(paths, p)
	}
	if r := Judge(paths, lien, w.reg, w.set, nil); len(r) != 4 || r[0].Why.Key != "" {
		t.Errorf("judged by path alone: %+v", r)
	}
	// A person the registry does not know gets no exception.
	if r := w.judge("someone@example.com"); len(r) != len(paths) || whys(r)[tuPetition] != "" {
		t.Errorf("a stranger: %+v", r)
	}
}

// A reseal that also changes the subject, or the status, is no reseal: refused, saying which field.
func TestJudgeForgedReseal(t *testing.T) {
	for field, edit := range map[string]func(string) string{
		"subject": func(s string) string {
			return regexp.MustCompile(`(?m)^subject: .*$`).ReplaceAllString(s, "subject: Đơn đã rút")
		},
		"status": func(s string) string {
			return regexp.MustCompile(`(?m)^status: .*$`).ReplaceAllString(s, "status: rejected")
		},
		"history": func(s string) string {
			return strings.TrimRight(s, "\n") + "\n  - {date: 2026-12-01, action: rejected, by: VPTU}\n"
		},
	} {
		w := newWorld(t)
		addKey(t, w)
		prev := w.after[tuPetition]
		w.after[tuPetition] = []byte(edit(string(prev)))
		r := w.judge(lien)
		if len(r) != 1 || r[0].Path != tuPetition || r[0].Why.Key != "authz.reseal.field" || r[0].Why.Args[0] != field || r[0].Owner.Office != "VPTU" {
			t.Errorf("%s changed with the reseal: %+v", field, r)
		}
	}
}

// The registry: a member may change their own office's recipients only.
func TestJudgeRegistry(t *testing.T) {
	other := newRecipient(t)
	for name, c := range map[string]struct {
		edit string // replaces VPUBND's recipients line
		why  string
	}{
		"another office's keys": {"recipients: [" + vpubndKey + "]\n  - {code: X}", "authz.reseal.registry"},
		"own members":           {"recipients: [" + vpubndKey + ", " + other + "]\n      - {name: Ai Đó, email: ai@vpubnd.example.vn}", "authz.reseal.registry"},
		"not a key":             {"recipients: [" + vpubndKey + ", age1xyz]", "authz.reseal.bad_recipient"},
		"no key left":           {"recipients: []", "authz.reseal.no_recipient"},
		"no key changed":        {"recipients: [" + vpubndKey + "] # khóa", "authz.reseal.registry"},
	} {
		w := newWorld(t)
		w.edit(RegistryPath, func(s string) string {
			return strings.Replace(s, "recipients: ["+vpubndKey+"]", c.edit, 1)
		})
		if name == "another office's keys" {
			w.edit(RegistryPath, func(s string) string {
				return strings.Replace(s, "recipients: ["+vptuKey+"]", "recipients: ["+vptuKey+", "+other+"]", 1)
			})
		}
		if name == "own members" {
			w.edit(RegistryPath, func(s string) string {
				s = strings.Replace(s, "recipients: ["+vpubndKey+"]", "recipients: ["+vpubndKey+", "+other+"]", 1)
				return strings.Replace(s, "      - {name: Đoàn Quang Vinh, email: vinh.dq@vpubnd.example.vn}",
					"      - {name: Đoàn Quang Vinh, email: vinh.dq@vpubnd.example.vn}\n      - {name: Ai Đó, email: ai@vpubnd.example.vn}", 1)
			})
		}
		r := w.judge(lien)
		if len(r) != 1 || r[0].Path != RegistryPath || r[0].Why.Key != c.why {
			t.Errorf("%s: %+v", name, r)
		}
	}
	// VPUBND's clerk may not change VPTU's keys; the coordinator's clerk may (the registry is theirs).
	w := newWorld(t)
	w.edit(RegistryPath, func(s string) string {
		return strings.Replace(s, "recipients: ["+vptuKey+"]", "recipients: ["+vptuKey+", "+other+"]", 1)
	})
	if r := w.judge(lien); len(r) != 1 || r[0].Why.Key != "authz.reseal.registry" {
		t.Errorf("VPUBND's clerk changing VPTU's keys: %+v", r)
	}
	if r := w.judge(ha); len(r) != 0 {
		t.Errorf("the coordinator's clerk changing VPTU's keys: %+v", r)
	}
}

// The sealed values: well formed, one stanza per recipient of their readers, in a key ceremony only.
func TestJudgeSealedValues(t *testing.T) {
	// No recipient changes: resealing another office's petition is no ceremony.
	w := newWorld(t)
	v := seal(t, allKeys()...)
	w.edit(tuPetition, func(s string) string { return sealedLine.ReplaceAllLiteralString(s, "petitioner: "+v) })
	if got := whys(w.judge(lien)); got[tuPetition] != "authz.reseal.no_ceremony" {
		t.Errorf("a reseal without a ceremony: %v", got)
	}

	// Sealed to the clerk's keys only (one stanza, four recipients listed).
	w = newWorld(t)
	k := addKey(t, w)
	one := seal(t, k)
	w.edit(tuPetition, func(s string) string { return sealedLine.ReplaceAllLiteralString(s, "petitioner: "+one) })
	if r := w.judge(lien); len(r) != 1 || r[0].Why.Key != "authz.reseal.count" || r[0].Why.Args[0] != 1 || r[0].Why.Args[1] != 4 {
		t.Errorf("sealed to one key of four: %+v", r)
	}
	// Not a sealed value at all.
	w.edit(tuPetition, func(s string) string { return sealedLine.ReplaceAllLiteralString(s, "petitioner: Nguyễn Văn A") })
	if got := whys(w.judge(lien)); got[tuPetition] != "authz.reseal.not_sealed" {
		t.Errorf("plain text: %v", got)
	}
	// VPTU's denunciation is read by VPTU alone, whose keys do not change: VPUBND's clerk may not seal it again
	// (to whatever key), nor change its index without a rotation, nor comment it, nor remove it.
	delete(w.after, tuPetition)
	den := seal(t, vptuKey)
	w.edit(tuDenounce, func(s string) string { return sealedLine.ReplaceAllLiteralString(s, "petitioner: "+den) })
	if got := whys(w.judge(lien)); len(got) != 1 || got[tuDenounce] != "authz.reseal.readers_same" {
		t.Errorf("a denunciation of an office whose keys do not change: %v", got)
	}
	w.edit(tuDenounce, func(s string) string {
		return indexLine.ReplaceAllLiteralString(s, "petitioner_index: bi1:"+strings.Repeat("ab", 32))
	})
	if got := whys(w.judge(lien)); got[tuDenounce] != "authz.reseal.index_kept" {
		t.Errorf("an index changed with recipients: %v", got)
	}
	w.edit(tuDenounce, func(s string) string { return "# Người tố cáo: Nguyễn Văn A\n" + s })
	if got := whys(w.judge(lien)); got[tuDenounce] != "authz.reseal.comments" {
		t.Errorf("a comment added: %v", got)
	}
	w.after[tuDenounce] = nil
	if got := whys(w.judge(lien)); got[tuDenounce] != "authz.reseal.made" {
		t.Errorf("a petition removed: %v", got)
	}
	delete(w.after, tuDenounce)
	if r := w.judge(lien); len(r) != 0 {
		t.Errorf("the ceremony without them: %+v", r)
	}

	// The index key: sealed to every office's keys; replaced by a member only with their recipients.
	w.after[petition.IndexKeyPath] = sealKey(t, vpubndKey, k)
	if got := whys(w.judge(lien)); got[petition.IndexKeyPath] != "authz.reseal.key_count" {
		t.Errorf("the index key sealed to VPUBND alone: %v", got)
	}
	w.after[petition.IndexKeyPath] = []byte("age-encryption.org/v1\nnot really\n")
	if got := whys(w.judge(lien)); got[petition.IndexKeyPath] != "authz.reseal.key_not_age" {
		t.Errorf("a broken index key: %v", got)
	}
	w = newWorld(t)
	w.after[petition.IndexKeyPath] = sealKey(t, allKeys()...)
	if got := whys(w.judge(lien)); got[petition.IndexKeyPath] != "authz.reseal.key_alone" {
		t.Errorf("a new index key by VPUBND's clerk: %v", got)
	}
}

// rotate-index by the coordinator: a new index key (theirs) and every index recomputed; a malformed index
// is refused, and so is the identity changed with it.
func TestJudgeRotation(t *testing.T) {
	w := newWorld(t)
	w.after[petition.IndexKeyPath] = sealKey(t, allKeys()...)
	for i, p := range []string{tuPetition, dbhdPetition, ubndPetition} {
		idx := "petitioner_index: bi1:" + strings.Repeat(string("abc"[i])+"0", 32)
		w.edit(p, func(s string) string { return indexLine.ReplaceAllLiteralString(s, idx) })
	}
	if r := w.judge(ha); len(r) != 0 {
		t.Fatalf("the coordinator's rotation: %+v", r)
	}
	w.edit(dbhdPetition, func(s string) string { return indexLine.ReplaceAllLiteralString(s, "petitioner_index: bi1:XYZ") })
	if got := whys(w.judge(ha)); len(got) != 1 || got[dbhdPetition] != "authz.reseal.index_bad" {
		t.Errorf("a malformed index: %v", got)
	}
	// A rotation changes no recipients: an identity sealed again with it is refused.
	v := seal(t, allKeys()...)
	w.edit(dbhdPetition, func(s string) string { return sealedLine.ReplaceAllLiteralString(s, "petitioner: "+v) })
	if got := whys(w.judge(ha)); len(got) != 1 || got[dbhdPetition] != "authz.reseal.readers_same" {
		t.Errorf("an identity changed in a rotation: %v", got)
	}
	// With a broken index key, nothing is a rotation.
	w.edit(dbhdPetition, func(s string) string { return s })
	w.after[petition.IndexKeyPath] = sealKey(t, vptuKey)
	if got := whys(w.judge(ha)); len(got) != 2 || got[ubndPetition] != "authz.reseal.no_ceremony" {
		t.Errorf("indexes with an index key sealed to one office: %v", got)
	}
}

// FuzzJudge: whatever a commit makes of the registry and of another office's petition, the judgement is an
// answer, never a panic; the example before it, as VPUBND's clerk.
func FuzzJudge(f *testing.F) {
	reg, _ := os.ReadFile(filepath.Join(exampleFolder, RegistryPath))
	pet, _ := os.ReadFile(filepath.Join(exampleFolder, tuPetition))
	f.Add(reg, pet)
	f.Add([]byte(strings.Replace(string(reg), "recipients: ["+vpubndKey+"]", "recipients: ["+vpubndKey+", "+vptuKey+"]", 1)), pet)
	f.Add([]byte("kind: offices\noffices: [{code: VPUBND, recipients: [x]}]"), []byte("kind: petition\npetitioner: ENC[age,]"))
	w := newWorld(f)
	f.Fuzz(func(t *testing.T, regAfter, petAfter []byte) {
		read := func(paths []string) (map[string][]byte, map[string][]byte, error) {
			b, a := map[string][]byte{}, map[string][]byte{}
			for _, p := range paths {
				b[p], a[p] = w.before[p], w.before[p]
			}
			a[RegistryPath], a[tuPetition] = regAfter, petAfter
			return b, a, nil
		}
		_ = Judge([]string{RegistryPath, tuPetition}, lien, w.reg, w.set, read)
	})
}
