package record

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameTree reports the first difference between two trees ("" when none).
func sameTree(a, b *yaml.Node, at string) string {
	if a == nil || b == nil {
		if a != b {
			return at + ": one side is nil"
		}
		return ""
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || a.HeadComment != b.HeadComment || a.LineComment != b.LineComment ||
		a.FootComment != b.FootComment || len(a.Content) != len(b.Content) || (a.Alias == nil) != (b.Alias == nil) {
		return fmt.Sprintf("%s: %+v\n   vs %+v", at, *a, *b)
	}
	for i := range a.Content {
		if d := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkSplit: when the cut parse answers, it gives what one parse gives.
func checkSplit(t *testing.T, name string, data []byte) bool {
	t.Helper()
	split, ok := parseSplit(data)
	if !ok {
		return false
	}
	whole, extra, err := parseWhole(data)
	if err != nil || extra != nil {
		t.Fatalf("%s: the cut parse answered for a file one parse refuses (%v)\n%s", name, err, data)
	}
	if d := sameTree(whole, split, "doc"); d != "" {
		t.Fatalf("%s: the cut parse differs from one parse at %s\n%s", name, d, data)
	}
	return true
}

// genRecord writes a record with a long sequence of items in many of the ways YAML allows.
func genRecord(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("# yaml-language-server: $schema=../../../schema/programme.schema.json\nkind: programme\noffice: VPUBND\nperiod: 2026-Q3\n")
	if r.IntN(3) == 0 {
		b.WriteString("late_reason: \"trễ vì\n  họp đột xuất\"\n")
	}
	b.WriteString("items:\n")
	ind := []string{"", "  ", "    "}[r.IntN(3)]
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s- id: muc-%d\n", ind, i)
		switch r.IntN(12) {
		case 0:
			fmt.Fprintf(&b, "%s  title: \"Hội nghị: %d\"\n", ind, i)
		case 1:
			fmt.Fprintf(&b, "%s  title: 'Phiên ''họp'' %d'\n", ind, i)
		case 2:
			fmt.Fprintf(&b, "%s  title: |\n%s    dòng một\n%s    - dòng hai\n", ind, ind, ind)
		case 3:
			fmt.Fprintf(&b, "%s  title: >-\n%s    gấp\n\n%s    dòng\n", ind, ind, ind)
		case 4:
			fmt.Fprintf(&b, "%s  title: dài\n%s    tiếp dòng\n", ind, ind)
		case 5:
			fmt.Fprintf(&b, "%s  bodies: [UBND,\n%s    BTV-TU]\n", ind, ind)
		case 6:
			fmt.Fprintf(&b, "%s  bodies:\n%s  - UBND\n%s  - TT-HDND\n", ind, ind, ind)
		case 7:
			b.WriteString("\n")
			fmt.Fprintf(&b, "%s  title: sau dòng trống\n", ind)
		case 8:
			fmt.Fprintf(&b, "%s  note:\n", ind)
		case 9:
			fmt.Fprintf(&b, "%s  title: \"nhiều\n%s- dòng\"\n", ind, ind) // a quoted scalar across a would-be cut
		default:
			fmt.Fprintf(&b, "%s  title: Sự kiện %d\n%s  when: 2026-07-%02d sáng\n%s  kind: meeting\n", ind, i, ind, 1+i%28, ind)
		}
	}
	switch r.IntN(3) {
	case 0:
		b.WriteString("conflicts:\n  - rule: overlap/person\n    items: [a, b]\n")
	case 1:
		b.WriteString("\n\nstatus: draft\n")
	}
	return b.String()
}

// TestParseSplitSameTree: on records written in many ways, the cut parse gives one parse's tree or declines.
func TestParseSplitSameTree(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	answered := 0
	for i := 0; i < 300; i++ {
		if checkSplit(t, fmt.Sprintf("record %d", i), []byte(genRecord(r, 2+r.IntN(60)))) {
			answered++
		}
	}
	t.Logf("answered %d of 300", answered)
	if answered < 100 {
		t.Errorf("the cut parse answered for %d of 300 records; want most of them", answered)
	}
}

// TestParseSplitDeclines: what the cut must leave to one parse.
func TestParseSplitDeclines(t *testing.T) {
	for name, data := range map[string]string{
		"comment":          "kind: programme\nitems:\n  - id: a\n  # note\n  - id: b\n",
		"quoted over cut":  "kind: programme\nitems:\n  - title: \"a\n  - b\"\n  - id: c\n",
		"flow over cut":    "kind: programme\nitems:\n  - bodies: [a,\n  - b]\n  - id: c\n",
		"second document":  "kind: programme\nitems:\n  - id: a\n  - id: b\n---\nkind: x\n",
		"tab":              "kind: programme\nitems:\n  - id: a\n  - id:\tb\n",
		"one entry":        "kind: programme\nitems:\n  - id: a\n",
		"alias across cut": "kind: programme\nitems:\n  - &x {id: a}\n  - *x\n",
	} {
		if _, ok := parseSplit([]byte(data)); ok {
			whole, _, err := parseWhole([]byte(data))
			if err == nil {
				if split, _ := parseSplit([]byte(data)); sameTree(whole, split, "doc") == "" {
					continue // answered, and right
				}
			}
			t.Errorf("%s: the cut parse answered", name)
		}
	}
}

// FuzzParseSplit: whenever the cut parse answers, one parse succeeds and gives the same tree.
func FuzzParseSplit(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20; i++ {
		f.Add([]byte(genRecord(r, 2+r.IntN(8))))
	}
	f.Add([]byte("items:\n- a\n- b\nk: v\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		checkSplit(t, "input", data)
	})
}

// TestParseSplitTakesProgrammes: a quarter's programme as clerks and coord write it is parsed in pieces.
func TestParseSplitTakesProgrammes(t *testing.T) {
	var b strings.Builder
	b.WriteString("# yaml-language-server: $schema=../../../schema/programme.schema.json\nkind: programme\noffice: VPUBND\nperiod: 2026-Q3\nitems:\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "  - id: muc-%05d\n    title: Sự kiện số %d\n    when: 2026-07-%02d sáng\n    kind: meeting\n    bodies: [UBND]\n    chair: [lanh-dao-%03d]\n", i, i, 1+i%28, i%300)
	}
	if !checkSplit(t, "programme", []byte(b.String())) {
		t.Fatal("a large programme is not parsed in pieces")
	}
}
