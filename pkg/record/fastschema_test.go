package record

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/examples"
	"go.yaml.in/yaml/v3"
)

// fastTree parses data the way Decode does before validating: nil when Decode would not validate it.
func fastTree(data []byte) *yaml.Node {
	f := &File{}
	if !f.checkBytes(data) {
		return nil
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if !f.walk(root, 0) || root.Kind != yaml.MappingNode {
		return nil
	}
	return root
}

// agree checks the fast answer of every kind's schema against the general validator's on one tree, and
// returns how many kinds the fast check was sure about.
func agree(t *testing.T, s *schemas, name string, root *yaml.Node) int {
	t.Helper()
	sure := 0
	for _, k := range Kinds {
		fast := s.fast[k].check(root)
		if fast == triUnsure {
			continue
		}
		sure++
		compiled, err := s.general()
		if err != nil {
			t.Fatal(err)
		}
		err = compiled[k].Validate(ToJSON(root, nil, nil))
		if (fast == triValid) != (err == nil) {
			t.Errorf("%s against the %s schema: fast check says valid=%v, the validator says %v", name, k, fast == triValid, err)
		}
	}
	return sure
}

// malformedDir is the corpus of malformed records (corpus_test.go).
const malformedDir = "testdata/malformed"

func exampleRecords(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	err := fs.WalkDir(examples.Province, "province", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := fs.ReadFile(examples.Province, p)
		out[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(malformedDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") {
			b, err := os.ReadFile(filepath.Join(malformedDir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out[e.Name()] = b
		}
	}
	return out
}

// TestFastSchemaTakesValidRecords: every record of the example province passes the fast check on its own
// kind's schema (so the general validator is not run for it), and on every record of the example and the
// malformed corpus the fast check, where sure, agrees with the general validator for every kind's schema.
func TestFastSchemaTakesValidRecords(t *testing.T) {
	s, err := loadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	valid, invalid := 0, 0
	for name, data := range exampleRecords(t) {
		root := fastTree(data)
		if root == nil {
			continue
		}
		agree(t, s, name, root)
		kind := ValueOf(root, "kind")
		if kind == nil || s.fast[kind.Value] == nil {
			continue
		}
		switch s.fast[kind.Value].check(root) {
		case triValid:
			valid++
		case triInvalid:
			invalid++
		}
		if strings.HasPrefix(name, "province/") && s.fast[kind.Value].check(root) != triValid {
			t.Errorf("%s: the fast check does not take this valid example (%v)", name, s.fast[kind.Value].check(root))
		}
	}
	if valid < 30 || invalid < 15 {
		t.Errorf("fast check sure of %d valid and %d invalid records; want at least 30 and 15", valid, invalid)
	}
}

// TestFastSchemaKeywords: the cases the fast check must read exactly as the validator does.
func TestFastSchemaKeywords(t *testing.T) {
	s, err := loadSchemas()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, yaml string
		want       tri
	}{
		{"valid", "kind: document\nnumber: 12/QĐ-UBND\ntype: QĐ\ndate: 2026-06-20\nissuer: VPUBND\nsummary: S\n", triValid},
		{"empty key is absent", "kind: document\nnumber: 12/QĐ-UBND\ntype: QĐ\ndate: 2026-06-20\nissuer: VPUBND\nsummary: S\nattachment:\n", triValid},
		{"empty required key", "kind: document\nnumber:\ntype: QĐ\ndate: 2026-06-20\nissuer: VPUBND\nsummary: S\n", triInvalid},
		{"unknown key", "kind: document\nnumber: 12/QĐ-UBND\ntype: QĐ\ndate: 2026-06-20\nissuer: VPUBND\nsummary: S\nsumary: x\n", triInvalid},
		{"bad date", "kind: document\nnumber: 12/QĐ-UBND\ntype: QĐ\ndate: 20/6/2026\nissuer: VPUBND\nsummary: S\n", triInvalid},
		{"empty string", "kind: document\nnumber: 12/QĐ-UBND\ntype: QĐ\ndate: 2026-06-20\nissuer: ''\nsummary: S\n", triInvalid},
		{"integer where a string", "kind: document\nnumber: 12\ntype: QĐ\ndate: 2026-06-20\nissuer: VPUBND\nsummary: S\n", triInvalid},
		{"float is left to the validator", "kind: petition\nid: VPUBND-2026-000001\noffice: VPUBND\ntype: kien-nghi\nreceived: 2026-07-03\nchannel: truc-tiep\npeople: 1.5\nsubject: S\npetitioner: ENC[age,x]\nstatus: received\n", triUnsure},
		{"period as a year", "kind: programme\noffice: VPTU\nperiod: 2026\nitems: []\n", triValid},
		{"period out of range", "kind: programme\noffice: VPTU\nperiod: 1800\nitems: []\n", triInvalid},
		{"bad enum", "kind: programme\noffice: VPTU\nperiod: 2026-Q3\nitems: [{id: a, title: T, when: 2026-07-03, kind: party, bodies: [UBND]}]\n", triInvalid},
	} {
		root := fastTree([]byte(c.yaml))
		if root == nil {
			t.Fatalf("%s: does not parse", c.name)
		}
		kind := ValueOf(root, "kind").Value
		if got := s.fast[kind].check(root); got != c.want {
			t.Errorf("%s: fast check %v, want %v", c.name, got, c.want)
		}
		agree(t, s, c.name, root)
	}
}

// FuzzFastSchema: wherever the fast check is sure, the general validator agrees, for every kind's schema.
func FuzzFastSchema(f *testing.F) {
	for _, b := range exampleRecords(f) {
		f.Add(b)
	}
	s, err := loadSchemas()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		if root := fastTree(data); root != nil {
			agree(t, s, "input", root)
		}
	})
}
