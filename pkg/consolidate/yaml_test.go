package consolidate

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// reference is how go-yaml writes a consolidated record (record.EncodeValue: a yaml.Node from the struct,
// lists of scalars in flow style, the modeline on the first key): Encode must give the same bytes.
func reference(t *testing.T, c *record.Consolidated) string {
	t.Helper()
	b, err := record.EncodeValue(c, record.KindConsolidated, "consolidated/2026/Q3.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tricky strings: every style go-yaml can choose, and the boundaries of the fast path.
var tricky = []string{
	"Hội nghị Ban Thường vụ Tỉnh ủy tháng 7", "VPTU.hop-btv-thang-7", "joint.giao-ban-q3", "2026-07-03 08:00-11:30",
	"2026-07-03 sáng", "2026-07", "2026-W27", "2026-07-03..2026-07-05", "2026-07-03 08:00..2026-07-04 17:00",
	"2026-07-03", "2026-06-15", "2026-6-5", "2026-07-03 08:00:00", "2026-07-03T08:00:00Z", "123", "-12", "+12", "0x1f",
	"0o17", "0b101", "1e5", "1.5", ".5", ".inf", "1_000", "12:30", "190:20:30", "1:2", "0755", "1567bd015c3e473b27fc38ee37c4c997",
	"76503e00cf969ce0d87a387df885c107583ed9b9e93310d6538fc98ad4be6975", "12e45", "8e", "true", "True", "FALSE", "null",
	"~", "yes", "No", "on", "OFF", "y", "n", "<<", "=", "a: b", "a:b", "a :b", "a:", "a #b", "a#b", "#a", "-a", "- a",
	"-", "--- a", "...", "?a", "? a", ":a", ": a", "a, b", "[a]", "a]", "{a}", "a}", "&a", "*a", "!a", "|a", ">a",
	"'a'", "a'b", "\"a\"", "a\"b", "%a", "@a", "`a`", "a\\b", " a", "a ", "a  b", "a\tb", "a\nb", "a\n", "line one\nline two",
	"«trích»", "sự kiện phối hợp \"so-ket\": VPUBND ghi thời gian 2026-08-14 14:00-17:00",
	"Võ Thành Long trùng lịch: mục này (2026-07-21 chiều) trùng với «Ban Thường vụ» của Văn phòng Tỉnh ủy (2026-07-21 14:00-17:00)",
	"\u00a0a", "\ufeffa", "é", "ü:", "a\x7fb", "a\x01b", "xã Long Thành — 45'", "VPUBND, VPDBHD",
}

func TestEncodeMatchesGoYAML(t *testing.T) {
	c := &record.Consolidated{Kind: record.KindConsolidated, Period: "2026-Q3", Coordinator: "VPTU", Status: "approved",
		Decision: &record.Decision{Number: "125-QĐ/TU", Date: "2026-06-16", By: "VPTU"}, Issued: "2026-06-20",
		Sources: []record.Source{{File: "programmes/2026/Q3/VPTU.yaml", Office: "VPTU", Hash: "1567bd015c3e473b27fc38ee37c4c997c38d8d69"}}}
	for i, s := range tricky {
		it := record.MergedItem{Item: record.Item{ID: fmt.Sprintf("VPTU.muc-%d", i), Title: s, When: s, Kind: "meeting",
			Bodies: []string{"UBND", s}, Place: s, Locality: s, Chair: []string{s}, Attendees: []string{"a", s}, Joint: s,
			Tentative: i%2 == 0, Note: s}, Offices: []string{"VPTU", s}, Origins: []record.Origin{{File: s, Item: s, Office: s}},
			Sequence: i % 3, Hash: s}
		c.Items = append(c.Items, it)
		c.Conflicts = append(c.Conflicts, record.Conflict{Rule: "overlap/person", Severity: "error", Subject: s, Items: []string{s, "x"}, Message: s})
		c.Adjustments = append(c.Adjustments, record.Adjustment{Item: s, Action: "move", When: s, Place: s, Reason: s, By: s, Date: s})
	}
	c.Items = append(c.Items, record.MergedItem{Item: record.Item{ID: "empty"}})
	got, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	want := reference(t, c)
	if string(got) != want {
		g, w := strings.Split(string(got), "\n"), strings.Split(want, "\n")
		for i := 0; i < len(g) && i < len(w); i++ {
			if g[i] != w[i] {
				t.Fatalf("line %d differs:\n got: %q\nwant: %q", i+1, g[i], w[i])
			}
		}
		t.Fatalf("lengths differ: %d lines, want %d", len(g), len(w))
	}
	var back record.Consolidated
	if err := yaml.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	for i, s := range tricky {
		if back.Items[i].Title != s || back.Items[i].Chair[0] != s || back.Adjustments[i].Reason != s {
			t.Errorf("%q does not read back: %q", s, back.Items[i].Title)
		}
	}
}

// TestEncodeRandomStrings compares with go-yaml on strings built from the characters that matter to YAML;
// where go-yaml cannot read back what it writes (some multi-line text), Encode must still read back.
func TestEncodeRandomStrings(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	alphabet := []rune("ab :#-?,[]{}&*!|>'\"%@`\n\t0123456789.+_eExoTtrufalsnyé«»\u2028\u00a0~<=")
	compared := 0
	for i := 0; i < 3000; i++ {
		rs := make([]rune, 1+r.IntN(7))
		for j := range rs {
			rs[j] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(rs)
		c := &record.Consolidated{Kind: record.KindConsolidated, Period: "2026-Q3", Status: "draft",
			Items: []record.MergedItem{{Item: record.Item{ID: "x", Title: s, When: s, Kind: "k", Bodies: []string{s}, Note: s},
				Offices: []string{"A"}, Origins: []record.Origin{{File: s, Item: "i", Office: "A"}}}}}
		got, _ := Encode(c)
		var back record.Consolidated
		if err := yaml.Unmarshal(got, &back); err != nil || back.Items[0].Title != s || back.Items[0].Bodies[0] != s ||
			back.Items[0].Origins[0].File != s {
			t.Fatalf("%q does not read back (%v):\n%s", s, err, got)
		}
		var n yaml.Node
		if n.Encode(c) != nil || strings.ContainsAny(s, "\u2028") {
			continue // go-yaml's own output does not read back, or Encode quotes it its own way
		}
		compared++
		if want := reference(t, c); string(got) != want {
			t.Fatalf("%q:\n got:\n%s\nwant:\n%s", s, got, want)
		}
	}
	if compared < 2500 {
		t.Errorf("only %d strings compared", compared)
	}
}

// A multi-line text starting with a tab reads back (go-yaml's own literal block would not).
func TestEncodeTabLiteral(t *testing.T) {
	for _, s := range []string{"\tmột\nhai", "\nmột", "\n\tx\ny"} {
		c := &record.Consolidated{Kind: record.KindConsolidated, Period: "2026-Q3", Status: "draft",
			Items: []record.MergedItem{{Item: record.Item{ID: "x", Title: "t", When: "w", Kind: "k", Note: s}}}}
		got, _ := Encode(c)
		var back record.Consolidated
		if err := yaml.Unmarshal(got, &back); err != nil || back.Items[0].Note != s {
			t.Fatalf("%v: %q", err, got)
		}
	}
}

func TestEncodeEmpty(t *testing.T) {
	c := &record.Consolidated{Kind: record.KindConsolidated, Period: "2026-Q3", Status: "draft", Items: []record.MergedItem{}}
	got, _ := Encode(c)
	if string(got) != reference(t, c) {
		t.Errorf("got\n%s\nwant\n%s", got, reference(t, c))
	}
}
