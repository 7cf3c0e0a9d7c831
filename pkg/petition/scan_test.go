package petition

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"
)

// exhibits are the test repos' plaintext identities kept on purpose, each with why: the files that show what
// petition/plaintext reports. Anything else fails TestNoPlaintextIdentityAnywhere.
var exhibits = map[string]string{
	"examples/drafts/VPDBHD-2026-000045.yaml": "the demo's draft typed in plain text (examples/README.md)",
	"cmd/coord/testdata/script/rule_petition_plaintext.txtar#petitions/2026/VPDBHD/VPDBHD-2026-000045.yaml": "the rule's script: the draft",
	"cmd/coord/testdata/script/rule_petition_plaintext.txtar#petitions/2026/VPUBND/VPUBND-2026-000002.yaml": "the rule's script: a fake ciphertext",
	"cmd/coord/testdata/script/rule_petition_plaintext.txtar#petitions/2026/VPUBND/VPUBND-2026-000004.yaml": "the rule's script: numbers in the free text",
	"cmd/coord/testdata/script/find.txtar#leak.yaml":                                                        "coord find's script: a name typed in clear, which find must never search",
}

// Nothing in the example repo or in any test repo of the module — the YAML files under every testdata folder
// and every txtar archive's YAML members (the scripts' repos) — lets a reader learn who a petitioner is: no
// `petitioner` value is plain text or merely encoded (a broken age file, which some rules' scripts use as a
// stand-in, holds no identity), no mapping spells an identity out ({name, id_number}),
// and no line of a petition holds what looks like a citizen ID or phone number (the sealed value and a
// well-formed blind index aside). The deliberate exhibits above are the only exceptions, and each must still
// be one (a stale entry fails too).
func TestNoPlaintextIdentityAnywhere(t *testing.T) {
	found := map[string]string{}
	scanned := eachTestYAML(t, func(name string, data []byte) {
		if why := plaintextIn(data); why != "" {
			found[name] = why
		}
	})
	if scanned < 300 {
		t.Fatalf("only %d YAML files scanned", scanned)
	}
	for name, why := range found {
		if exhibits[name] == "" {
			t.Errorf("%s: %s", name, why)
		}
	}
	for name := range exhibits {
		if found[name] == "" {
			t.Errorf("%s is listed as an exhibit of a plaintext identity but holds none", name)
		}
	}
}

// eachTestYAML calls fn on every YAML file of the example repo and of the module's test repos (the YAML
// files under every testdata folder, every txtar archive's YAML members), named by its path from the
// module's root (rel#member for an archive's), and returns how many there were.
func eachTestYAML(t *testing.T, fn func(name string, data []byte)) int {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	scanned := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != root || d.Name() == "bin" || d.Name() == "fuzz" {
				return filepath.SkipDir
			}
			return nil
		}
		inTests := strings.Contains("/"+rel, "/testdata/") || strings.HasPrefix(rel, "examples/")
		switch {
		case !inTests:
		case strings.HasSuffix(p, ".txtar"):
			a, err := txtar.ParseFile(p)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".yml") {
					scanned++
					fn(rel+"#"+f.Name, f.Data)
				}
			}
		case strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml"):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			scanned++
			fn(rel, data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return scanned
}

// A denunciation's identity is sealed to the handling office alone (Readers), in the test repos as in a real
// one: no petition of type to-cao in the example repo or any test repo opens with the demo key of an office
// other than its own. A fixture that breaks the rule would teach the next reader the wrong thing.
func TestDenunciationsAnywhereOnlyForTheHandlingOffice(t *testing.T) {
	keys := demoKeys(t)
	seen := 0
	eachTestYAML(t, func(name string, data []byte) {
		var p struct {
			Kind, Type, Office, Petitioner string
		}
		if yaml.Unmarshal(data, &p) != nil || p.Kind != "petition" || p.Type != Denunciation {
			return
		}
		if _, err := ParseSealed(p.Petitioner); err != nil {
			return // not sealed: TestNoPlaintextIdentityAnywhere's, or kept on the receiving PC
		}
		seen++
		for office, key := range keys {
			if office == p.Office {
				continue
			}
			if _, err := Open(p.Petitioner, identities(key)); err == nil {
				t.Errorf("%s: a denunciation handled by %s opens with %s's demo key", name, p.Office, office)
			}
		}
	})
	if seen < 3 {
		t.Fatalf("only %d sealed denunciations found in the test repos", seen)
	}
}

// plaintextIn says what in a YAML file gives an identity away ("" when nothing).
func plaintextIn(data []byte) string {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return "" // not YAML: the malformed corpus; a petition that does not parse is petition/plaintext's
	}
	var why string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			keys := map[string]bool{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				keys[k] = true
				if k == "petitioner" {
					if v.Kind != yaml.ScalarNode {
						why = "an identity spelt out as fields"
					} else if _, err := ParseSealed(v.Value); err != nil && v.Tag != "!!null" {
						// Plain text, the base64 of plain text, or text dressed as ENC[age,…]: readable. A
						// broken age file (a header alone, a cut payload) holds nobody's identity.
						switch problemOf(err) {
						case Plain, NotAge, Base64:
							why = "a petitioner in plain text (or merely encoded)"
						}
					}
				}
			}
			if keys["name"] && keys["id_number"] {
				why = "an identity {name, id_number} in clear"
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	if why != "" {
		return why
	}
	var head struct {
		Kind string `yaml:"kind"`
	}
	if yaml.Unmarshal(data, &head) != nil || head.Kind != "petition" {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		text := line
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok && (k == "petitioner" || k == "petitioner_index" && WellFormedIndex(v)) {
			text = k
		}
		if len(FindNumbers(text)) > 0 {
			return "a number that looks like an ID or phone number in a petition's text"
		}
	}
	return ""
}
