package record_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/record"
)

// validProgramme is a seed that decodes cleanly, with every optional item field.
const validProgramme = `# yaml-language-server: $schema=../../../schema/programme.schema.json
kind: programme
office: VPUBND
period: 2026-Q3
late_reason: ""
items:
  - id: hop-ubnd-thang-7
    title: Phiên họp UBND tỉnh thường kỳ tháng 7
    when: 2026-07-03 08:00-11:30
    kind: meeting
    bodies: [UBND]
    place: hoi-truong-ubnd
    locality: phuong-tran-bien
    chair: [vo-thanh-long]
    attendees: [ly-thanh-son]
    joint: giao-ban-q3
    tentative: false
    note: "Ghi chú: họp trực tiếp"
`

// decoderRuleIDs are the only rules record.Decode may report.
var decoderRuleIDs = map[string]bool{"yaml": true, "schema": true, "text/nfc": true}

// FuzzDecode: Decode never panics; every problem has a line and one of the decoder's rules; and a record with
// no yaml or schema problem survives coord's own encoder (what coord fmt writes): re-encoded and decoded
// again it is still valid YAML, still valid against its schema, and in NFC.
func FuzzDecode(f *testing.F) {
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "expect.txt" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(corpusDir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(validProgramme))
	for _, p := range []string{"province/programmes/2026/Q3/VPTU.yaml", "province/conclusions/2026/VPTU/ket-luan-btv-thang-8.yaml",
		"province/petitions/2026/VPUBND/VPUBND-2026-000123.yaml", "province/registry/places.yaml"} {
		b, err := fs.ReadFile(examples.Province, p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	v, err := record.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	const at = "programmes/2026/Q3/VPUBND.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		d := record.Decode(at, data, v)
		bad := false
		for _, p := range d.Problems {
			if p.Line < 1 {
				t.Errorf("problem without a line: %s %d:%d %s", p.Rule, p.Line, p.Column, p.Msg)
			}
			if !decoderRuleIDs[p.Rule] {
				t.Errorf("problem with rule %q, want yaml, schema or text/nfc: %s", p.Rule, p.Msg)
			}
			if p.File != at {
				t.Errorf("problem in file %q, want %q", p.File, at)
			}
			if p.Rule == "yaml" || p.Rule == "schema" {
				bad = true
			}
		}
		if bad {
			return
		}
		if d.Doc == nil || d.Root == nil || d.Value == nil || !d.Clean {
			t.Fatalf("no yaml or schema problem, yet not decoded: doc %v, value %T, clean %v", d.Doc != nil, d.Value, d.Clean)
		}
		out, err := record.Encode(d.Doc)
		if err != nil {
			t.Fatalf("Encode of a valid record: %v", err)
		}
		again := record.Decode(at, out, v)
		for _, p := range again.Problems {
			t.Errorf("re-encoded record has a %s problem at %d:%d: %s\n--- input\n%q\n--- re-encoded\n%q", p.Rule, p.Line, p.Column, p.Msg, data, out)
		}
		if again.Kind != d.Kind {
			t.Errorf("re-encoded record has kind %q, want %q", again.Kind, d.Kind)
		}
	})
}
