package docnum

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		in   string
		want Number
	}{
		// State, typed.
		{"12/QĐ-UBND", Number{Raw: "12/QĐ-UBND", Regime: State, Seq: 12, Type: "QĐ", Issuers: []string{"UBND"}}},
		{"01/NQ-HĐND", Number{Raw: "01/NQ-HĐND", Regime: State, Seq: 1, Type: "NQ", Issuers: []string{"HĐND"}}},
		{"5/CT-UBND", Number{Raw: "5/CT-UBND", Regime: State, Seq: 5, Type: "CT", Issuers: []string{"UBND"}}},
		{"007/KH-UBND", Number{Raw: "007/KH-UBND", Regime: State, Seq: 7, Type: "KH", Issuers: []string{"UBND"}}},
		{"45/BC-UBND-VP", Number{Raw: "45/BC-UBND-VP", Regime: State, Seq: 45, Type: "BC", Issuers: []string{"UBND"}, Units: []string{"VP"}}},
		{"3/TB-UBND-VP-KTTH", Number{Raw: "3/TB-UBND-VP-KTTH", Regime: State, Seq: 3, Type: "TB", Issuers: []string{"UBND"}, Units: []string{"VP", "KTTH"}}},
		{"10/QyĐ-UBND", Number{Raw: "10/QyĐ-UBND", Regime: State, Seq: 10, Type: "QyĐ", Issuers: []string{"UBND"}}},
		{"77/TTr-SNV", Number{Raw: "77/TTr-SNV", Regime: State, Seq: 77, Type: "TTr", Issuers: []string{"SNV"}}},
		{"8/CTr-UBND", Number{Raw: "8/CTr-UBND", Regime: State, Seq: 8, Type: "CTr", Issuers: []string{"UBND"}}},
		{"2/ĐA-UBND", Number{Raw: "2/ĐA-UBND", Regime: State, Seq: 2, Type: "ĐA", Issuers: []string{"UBND"}}},
		{"2/DA-BQLDA", Number{Raw: "2/DA-BQLDA", Regime: State, Seq: 2, Type: "DA", Issuers: []string{"BQLDA"}}},
		{"14/HĐ-VPUBND", Number{Raw: "14/HĐ-VPUBND", Regime: State, Seq: 14, Type: "HĐ", Issuers: []string{"VPUBND"}}},
		{"6/CĐ-UBND", Number{Raw: "6/CĐ-UBND", Regime: State, Seq: 6, Type: "CĐ", Issuers: []string{"UBND"}}},
		{"30/GM-VPĐBQH&HĐND", Number{Raw: "30/GM-VPĐBQH&HĐND", Regime: State, Seq: 30, Type: "GM", Issuers: []string{"VPĐBQH&HĐND"}}},
		{"19/GUQ-VPUBND", Number{Raw: "19/GUQ-VPUBND", Regime: State, Seq: 19, Type: "GUQ", Issuers: []string{"VPUBND"}}},
		{"4/PB-UBND", Number{Raw: "4/PB-UBND", Regime: State, Seq: 4, Type: "PB", Issuers: []string{"UBND"}}},
		{"  12/QĐ-UBND\t", Number{Raw: "12/QĐ-UBND", Regime: State, Seq: 12, Type: "QĐ", Issuers: []string{"UBND"}}},
		// "Ð" (U+00D0, Eth) from legacy font converters is read as "Đ".
		{"12/Q\u00d0-UBND", Number{Raw: "12/QĐ-UBND", Regime: State, Seq: 12, Type: "QĐ", Issuers: []string{"UBND"}}},
		// Decomposed input (O + circumflex + acute) is NFC-normalised before anything else.
		{"9/QĐ-SO\u0302\u0301TC", Number{Raw: "9/QĐ-SỐTC", Regime: State, Seq: 9, Type: "QĐ", Issuers: []string{"SỐTC"}}},
		// State letters (công văn): no type.
		{"15/UBND-VP", Number{Raw: "15/UBND-VP", Regime: State, Seq: 15, Issuers: []string{"UBND"}, Units: []string{"VP"}}},
		{"1234/UBND-KTN", Number{Raw: "1234/UBND-KTN", Regime: State, Seq: 1234, Issuers: []string{"UBND"}, Units: []string{"KTN"}}},
		{"20/VPUBND-HCTC", Number{Raw: "20/VPUBND-HCTC", Regime: State, Seq: 20, Issuers: []string{"VPUBND"}, Units: []string{"HCTC"}}},
		{"21/HĐND-VP", Number{Raw: "21/HĐND-VP", Regime: State, Seq: 21, Issuers: []string{"HĐND"}, Units: []string{"VP"}}},
		{"22/UBND", Number{Raw: "22/UBND", Regime: State, Seq: 22, Issuers: []string{"UBND"}}},
		// All capitals is an issuer, not a mistyped type: issuers are written in capitals.
		{"23/QYĐ-VP", Number{Raw: "23/QYĐ-VP", Regime: State, Seq: 23, Issuers: []string{"QYĐ"}, Units: []string{"VP"}}},
		// Party-only abbreviations are not state types: in the state form they are an issuer.
		{"24/KL-VP", Number{Raw: "24/KL-VP", Regime: State, Seq: 24, Issuers: []string{"KL"}, Units: []string{"VP"}}},
		// State normative.
		{"89/2025/QĐ-UBND", Number{Raw: "89/2025/QĐ-UBND", Regime: State, Seq: 89, Year: 2025, Type: "QĐ", Issuers: []string{"UBND"}}},
		{"05/2026/NQ-HĐND", Number{Raw: "05/2026/NQ-HĐND", Regime: State, Seq: 5, Year: 2026, Type: "NQ", Issuers: []string{"HĐND"}}},
		{"1/1945/QĐ-UBND", Number{Raw: "1/1945/QĐ-UBND", Regime: State, Seq: 1, Year: 1945, Type: "QĐ", Issuers: []string{"UBND"}}},
		{"1/2100/CT-UBND-VP", Number{Raw: "1/2100/CT-UBND-VP", Regime: State, Seq: 1, Year: 2100, Type: "CT", Issuers: []string{"UBND"}, Units: []string{"VP"}}},
		// Party.
		{"01-QC/TU", Number{Raw: "01-QC/TU", Regime: Party, Seq: 1, Type: "QC", Issuers: []string{"TU"}}},
		{"123-TB/TU", Number{Raw: "123-TB/TU", Regime: Party, Seq: 123, Type: "TB", Issuers: []string{"TU"}}},
		{"7-KL/TU", Number{Raw: "7-KL/TU", Regime: Party, Seq: 7, Type: "KL", Issuers: []string{"TU"}}},
		{"15-QĐi/TU", Number{Raw: "15-QĐi/TU", Regime: Party, Seq: 15, Type: "QĐi", Issuers: []string{"TU"}}},
		{"16-QĐ/TU", Number{Raw: "16-QĐ/TU", Regime: Party, Seq: 16, Type: "QĐ", Issuers: []string{"TU"}}},
		{"300-CV/VPTU", Number{Raw: "300-CV/VPTU", Regime: Party, Seq: 300, Type: "CV", Issuers: []string{"VPTU"}}},
		{"02-TT/BTGTU", Number{Raw: "02-TT/BTGTU", Regime: Party, Seq: 2, Type: "TT", Issuers: []string{"BTGTU"}}},
		{"40-CTr/TU", Number{Raw: "40-CTr/TU", Regime: Party, Seq: 40, Type: "CTr", Issuers: []string{"TU"}}},
		{"41-TTr/BTCTU", Number{Raw: "41-TTr/BTCTU", Regime: Party, Seq: 41, Type: "TTr", Issuers: []string{"BTCTU"}}},
		{"03-NQ/ĐU", Number{Raw: "03-NQ/ĐU", Regime: Party, Seq: 3, Type: "NQ", Issuers: []string{"ĐU"}}},
		// Party joint documents.
		{"01-QC/VPTU-VPHĐND-VPUBND", Number{Raw: "01-QC/VPTU-VPHĐND-VPUBND", Regime: Party, Seq: 1, Type: "QC", Issuers: []string{"VPTU", "VPHĐND", "VPUBND"}}},
		{"05-HD/BTCTU-SNV", Number{Raw: "05-HD/BTCTU-SNV", Regime: Party, Seq: 5, Type: "HD", Issuers: []string{"BTCTU", "SNV"}}},
		{"09-KH/VPTU-VPĐBQH&HĐND", Number{Raw: "09-KH/VPTU-VPĐBQH&HĐND", Regime: Party, Seq: 9, Type: "KH", Issuers: []string{"VPTU", "VPĐBQH&HĐND"}}},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d valid cases", len(tests))
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q)\n got %#v\nwant %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct{ in, key string }{
		{"", KeyEmpty},
		{"   \t\n", KeyEmpty},
		{"1/" + strings.Repeat("A", 99), KeyTooLong},
		{"1/" + strings.Repeat("A", 98), KeyTooLong}, // 100 runes as written, 101 as "01/…"
		{"Số: 12/QĐ-UBND", KeyPrefix},
		{"Số 01-QC/TU", KeyPrefix},
		{"số12/QĐ-UBND", KeyPrefix},
		{"SỐ: 12/QĐ-UBND", KeyPrefix},
		{"So: 12/QD-UBND", KeyPrefix},
		{"S\u006f\u0302\u0301 12/QĐ-UBND", KeyPrefix}, // decomposed "Số"
		{"12 / QĐ-UBND", KeySpace},
		{"12/QĐ- UBND", KeySpace},
		{"12/QĐ\u00a0UBND", KeySpace},
		{"12/QĐ–UBND", KeyDash},
		{"01\u2212QC/TU", KeyDash},
		{"12/QĐ-UBND.", KeyChar},
		{"12/QĐ_UBND", KeyChar},
		{"12/QĐ-UBNД", KeyChar}, // Cyrillic look-alike
		{"１２/QĐ-UBND", KeyChar}, // fullwidth digits
		{"12/QĐ-UBND\x00", KeyChar},
		{"12/QĐ-\xffUBND", KeyChar},
		{"12/Q\u0323Đ-UBND", KeyChar}, // a combining mark NFC cannot compose
		{"12", KeyNoSlash},
		{"12-QĐ-UBND", KeyNoSlash},
		{"QĐ-UBND", KeyNoSlash},
		{"0/QĐ-UBND", KeySeq},
		{"00-QC/TU", KeySeq},
		{"/QĐ-UBND", KeySeq},
		{"-QC/TU", KeySeq},
		{"12a/QĐ-UBND", KeySeq},
		{"QĐ/UBND", KeySeq},
		{"1234567890/QĐ-UBND", KeySeq},
		{"89/25/QĐ-UBND", KeyYear},
		{"89/1944/QĐ-UBND", KeyYear},
		{"89/2101/QĐ-UBND", KeyYear},
		{"89/02025/QĐ-UBND", KeyYear},
		{"12/QĐ/UBND", KeyStateForm},
		{"12/2025/QĐ/UBND", KeyStateForm},
		{"12//QĐ-UBND", KeyStateForm},
		{"01-QC/TU/VP", KeyPartyForm},
		{"01-/TU", KeyPartyForm},
		{"01-QC-TU/VP", KeyPartyForm},
		{"89/2025/ND-CP", KeyStateType},
		{"89/2025/UBND", KeyStateType},
		{"89/2025/QĐi-UBND", KeyStateType},
		{"89/2025/QD-UBND", KeyStateTypeHint},
		{"89/2025/qđ-UBND", KeyStateTypeHint},
		{"12/Qđ-UBND", KeyStateTypeHint},
		{"12/Ttr-SNV", KeyStateTypeHint},
		{"01-NĐ/TU", KeyPartyType},
		{"01-QyĐ/TU", KeyPartyType},
		{"01-GM/TU", KeyPartyType},
		{"01-da/TU", KeyPartyType},
		{"01-Qđ/TU", KeyPartyTypeHint},
		{"01-QDi/TU", KeyPartyTypeHint},
		{"01-QĐI/TU", KeyPartyTypeHint},
		{"01-kl/TU", KeyPartyTypeHint},
		{"12/QĐ", KeyEmptyIssuer},
		{"12/QĐ-", KeyEmptyIssuer},
		{"12/", KeyEmptyIssuer},
		{"12/-VP", KeyEmptyIssuer},
		{"89/2025/QĐ", KeyEmptyIssuer},
		{"01-QC/", KeyEmptyIssuer},
		{"01-QC/VPTU--VPUBND", KeyEmptyIssuer},
		{"01-QC/VPTU-", KeyEmptyIssuer},
		{"12/QĐ-UBND-", KeyEmptyPart},
		{"15/UBND--VP", KeyEmptyPart},
		{"89/2025/-UBND", KeyEmptyPart},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d invalid cases", len(tests))
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %#v, want error %s", tt.in, got, tt.key)
			continue
		}
		var e *i18n.Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q): error %T is not *i18n.Error", tt.in, err)
			continue
		}
		if e.Key != tt.key {
			t.Errorf("Parse(%q): key %s (%s), want %s", tt.in, e.Key, e.Error(), tt.key)
		}
		if !reflect.DeepEqual(got, Number{}) {
			t.Errorf("Parse(%q): error with a non-zero Number %#v", tt.in, got)
		}
		seen[e.Key] = true
	}
	// Every key the package declares is reached by some input, so the catalog test below covers real errors.
	for _, k := range Keys() {
		if !seen[k] {
			t.Errorf("no invalid case yields %s", k)
		}
	}
}

// TestSuggestions checks the "did you mean" value itself, not only the key.
func TestSuggestions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12/Qđ-UBND", "QĐ"},
		{"89/2025/QD-UBND", "QĐ"},
		{"12/qyđ-UBND", "QyĐ"},
		{"01-Qđ/TU", "QĐ"},
		{"01-QDI/TU", "QĐi"},
		{"01-ctr/TU", "CTr"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var e *i18n.Error
		if !errors.As(err, &e) || len(e.Args) < 2 {
			t.Errorf("Parse(%q): %v, want a hint", tt.in, err)
			continue
		}
		if e.Args[1] != tt.want {
			t.Errorf("Parse(%q): suggested %v, want %s", tt.in, e.Args[1], tt.want)
		}
	}
	// Case is tried before the stroke of Đ, so DA and ĐA (both listed) are each found from their own spelling.
	if s := suggest("da", stateTypes); s != "DA" {
		t.Errorf("suggest(da) = %q, want DA", s)
	}
	if s := suggest("đa", stateTypes); s != "ĐA" {
		t.Errorf("suggest(đa) = %q, want ĐA", s)
	}
	// Several matches suggest nothing rather than a guess.
	if s := suggest("hd", []string{"HĐ", "Hđ"}); s != "" {
		t.Errorf("ambiguous suggest = %q, want none", s)
	}
}

func TestPrefixSuggestion(t *testing.T) {
	_, err := Parse("Số: 12 / QĐ-UBND")
	var e *i18n.Error
	if !errors.As(err, &e) || e.Key != KeyPrefix {
		t.Fatalf("got %v", err)
	}
	if e.Args[0] != "12/QĐ-UBND" {
		t.Errorf("suggestion %q", e.Args[0])
	}
	vi := e.Render(i18n.VI)
	if !strings.Contains(vi, `"12/QĐ-UBND"`) || !strings.Contains(vi, "Số") {
		t.Errorf("VI message %q", vi)
	}
}

// TestMessages renders every error the package returns in both languages: the key is in the catalog, the
// arguments fit the verbs (no %!), and the arguments appear in the same order in both languages.
func TestMessages(t *testing.T) {
	inputs := []string{"", "1/" + strings.Repeat("A", 120), "Số: 12/QĐ-UBND", "12 /QĐ-UBND", "12/QĐ–UBND",
		"12/QĐ.UBND", "12", "0/QĐ-UBND", "89/1900/QĐ-UBND", "12/QĐ/UBND", "01-QC/TU/VP", "89/2025/NĐ-CP",
		"89/2025/Qđ-UBND", "01-GM/TU", "01-Qđ/TU", "12/QĐ", "12/QĐ-UBND-"}
	covered := map[string]bool{}
	for _, in := range inputs {
		_, err := Parse(in)
		var e *i18n.Error
		if !errors.As(err, &e) {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		covered[e.Key] = true
		vi, en := e.Render(i18n.VI), e.Render(i18n.EN)
		for _, m := range []string{vi, en} {
			if strings.Contains(m, "%!") || m == e.Key || strings.HasPrefix(m, e.Key+" ") {
				t.Errorf("%s: bad rendering %q", e.Key, m)
			}
		}
		if vi == en {
			t.Errorf("%s: Vietnamese equals English: %q", e.Key, vi)
		}
		if i18n.Localize(err, i18n.VI) != vi {
			t.Errorf("%s: Localize differs from Render", e.Key)
		}
		// The same verbs with distinct, recognisable arguments: they must appear in the same order in both
		// languages, so a translation cannot swap what it refers to.
		args := make([]any, len(e.Args))
		for i, a := range e.Args {
			switch a.(type) {
			case int:
				args[i] = 9001 + i
			default:
				args[i] = fmt.Sprintf("ARG%d", i+1)
			}
		}
		m := i18n.M(e.Key, args...)
		ov, oe := argOrder(m.Render(i18n.VI), args), argOrder(m.Render(i18n.EN), args)
		if ov == "" || ov != oe {
			t.Errorf("%s: arguments missing or out of order: VI %q EN %q", e.Key, ov, oe)
		}
	}
	for _, k := range Keys() {
		if !strings.HasPrefix(k, "docnum.") {
			t.Errorf("key %s lacks the docnum. prefix", k)
		}
		if !i18n.Has(k) {
			t.Errorf("key %s missing from the catalog", k)
		}
		if !covered[k] {
			t.Errorf("key %s not rendered by this test", k)
		}
	}
}

// argOrder returns the arguments in the order they appear in s ("args:A,B,"), or "" if one is missing.
func argOrder(s string, args []any) string {
	type at struct {
		i int
		a string
	}
	var xs []at
	for _, a := range args {
		v := fmt.Sprint(a)
		i := strings.Index(s, v)
		if i < 0 {
			return ""
		}
		xs = append(xs, at{i, v})
	}
	slices.SortFunc(xs, func(a, b at) int { return a.i - b.i })
	var b strings.Builder
	b.WriteString("args:")
	for _, x := range xs {
		b.WriteString(x.a + ",")
	}
	return b.String()
}

func TestTypeMatches(t *testing.T) {
	tests := []struct {
		num, typ string
		want     bool
	}{
		{"12/QĐ-UBND", "QĐ", true},
		{"12/QĐ-UBND", "QD", false},
		{"12/QĐ-UBND", "qđ", false},
		{"12/QĐ-UBND", "CV", false},
		{"12/QĐ-UBND", " QĐ ", true},
		{"10/QyĐ-UBND", "QyĐ", true},
		{"10/QyĐ-UBND", "QĐi", false},
		{"15-QĐi/TU", "QĐi", true},
		{"15-QĐi/TU", "QyĐ", false},
		{"15-QĐi/TU", "QĐ", false},
		{"15/UBND-VP", "CV", true},
		{"15/UBND-VP", "", false},
		{"15/UBND-VP", "UBND", false},
		{"300-CV/VPTU", "CV", true},
		{"123-TB/TU", "TB", true},
		{"123-TB/TU", "TBi", false},
		{"89/2025/QĐ-UBND", "QĐ", true},
		{"12/Q\u00d0-UBND", "QĐ", true},
	}
	for _, tt := range tests {
		n, err := Parse(tt.num)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.num, err)
		}
		if got := n.TypeMatches(tt.typ); got != tt.want {
			t.Errorf("%q.TypeMatches(%q) = %v, want %v", tt.num, tt.typ, got, tt.want)
		}
	}
	if (Number{}).TypeMatches("CV") {
		t.Error("zero Number matches CV")
	}
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSeries(t *testing.T) {
	hcm := time.FixedZone("ICT", 7*3600)
	terms := []time.Time{date("2020-10-15"), date("2025-10-01")}
	tests := []struct {
		num   string
		date  time.Time
		terms []time.Time
		want  string
	}{
		{"12/QĐ-UBND", date("2026-03-02"), terms, "state|UBND|2026|general"},
		{"15/UBND-VP", date("2026-03-02"), terms, "state|UBND|2026|general"},
		{"45/BC-UBND-VP", date("2026-12-31"), nil, "state|UBND|2026|general"},
		{"45/BC-UBND-VP", date("2027-01-01"), nil, "state|UBND|2027|general"},
		{"89/2025/QĐ-UBND", date("2025-12-30"), nil, "state|UBND|2025|normative"},
		{"05/2026/NQ-HĐND", date("2026-01-05"), nil, "state|HĐND|2026|normative"},
		// A normative number's own year is its series, whatever the date.
		{"89/2025/QĐ-UBND", date("2026-01-02"), nil, "state|UBND|2025|normative"},
		// The calendar year is the date's own: 00:30 on 1 January in Hanoi is already the new year.
		{"1/QĐ-UBND", time.Date(2027, 1, 1, 0, 30, 0, 0, hcm), nil, "state|UBND|2027|general"},
		{"123-TB/TU", date("2026-06-20"), terms, "party|TU|TB|term:2025-10-01"},
		{"123-TB/TU", date("2025-09-30"), terms, "party|TU|TB|term:2020-10-15"},
		{"123-TB/TU", date("2025-10-01"), terms, "party|TU|TB|term:2025-10-01"},
		{"123-TB/TU", date("2020-10-14"), terms, "party|TU|TB|term:0"},
		{"123-TB/TU", date("2020-10-15"), terms, "party|TU|TB|term:2020-10-15"},
		{"123-TB/TU", date("2026-06-20"), nil, "party|TU|TB|term:0"},
		{"124-KL/TU", date("2026-06-20"), terms, "party|TU|KL|term:2025-10-01"},
		{"01-QC/VPTU-VPHĐND-VPUBND", date("2026-01-10"), terms, "party|VPTU-VPHĐND-VPUBND|QC|term:2025-10-01"},
		// Unsorted terms give the same answer.
		{"123-TB/TU", date("2026-06-20"), []time.Time{date("2025-10-01"), date("2020-10-15")}, "party|TU|TB|term:2025-10-01"},
		// The start day belongs to the new term whatever the clock time and zone of either value.
		{"123-TB/TU", time.Date(2025, 10, 1, 0, 0, 1, 0, hcm), []time.Time{time.Date(2025, 10, 1, 23, 0, 0, 0, time.UTC)}, "party|TU|TB|term:2025-10-01"},
		{"123-TB/TU", time.Date(2025, 9, 30, 23, 59, 0, 0, hcm), []time.Time{time.Date(2025, 10, 1, 0, 0, 0, 0, hcm)}, "party|TU|TB|term:0"},
	}
	for _, tt := range tests {
		n, err := Parse(tt.num)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.num, err)
		}
		if got := n.Series(tt.date, tt.terms); got != tt.want {
			t.Errorf("%q.Series(%s) = %q, want %q", tt.num, tt.date.Format(time.RFC3339), got, tt.want)
		}
	}
	// Different numbers in one series share the key; the regimes never do.
	a, _ := Parse("01-TB/TU")
	b, _ := Parse("01/TB-TU")
	if a.Series(date("2026-01-01"), terms) == b.Series(date("2026-01-01"), terms) {
		t.Error("party and state numbers share a series")
	}
	if (Number{}).Series(date("2026-01-01"), terms) != "" {
		t.Error("zero Number has a series")
	}
}

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12/QĐ-UBND", "12/QĐ-UBND"},
		{"1/QĐ-UBND", "01/QĐ-UBND"},
		{"007/KH-UBND", "07/KH-UBND"},
		{"15/UBND-VP", "15/UBND-VP"},
		{"22/UBND", "22/UBND"},
		{"45/BC-UBND-VP", "45/BC-UBND-VP"},
		{"89/2025/QĐ-UBND", "89/2025/QĐ-UBND"},
		{"1-QC/TU", "01-QC/TU"},
		{"01-QC/VPTU-VPHĐND-VPUBND", "01-QC/VPTU-VPHĐND-VPUBND"},
		{"12/Q\u00d0-UBND", "12/QĐ-UBND"},
	}
	for _, tt := range tests {
		n, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := n.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTypeLists(t *testing.T) {
	st, pt := StateTypes(), PartyTypes()
	if len(st) != 27 || len(pt) != 15 {
		t.Fatalf("lists have %d and %d entries, want 27 and 15", len(st), len(pt))
	}
	for _, want := range []string{"QyĐ", "ĐA", "DA", "CTr", "TTr", "GNP", "PB"} {
		if !slices.Contains(st, want) {
			t.Errorf("state list lacks %s", want)
		}
	}
	for _, want := range []string{"QĐi", "KL", "TT", "CV"} {
		if !slices.Contains(pt, want) || slices.Contains(st, want) {
			t.Errorf("%s must be a Party-only type", want)
		}
	}
	// The lists are copies: changing one must not change what Parse accepts.
	st[0], pt[0] = "XX", "XX"
	if _, err := Parse("01/NQ-HĐND"); err != nil {
		t.Errorf("state list was shared: %v", err)
	}
	if _, err := Parse("01-NQ/TU"); err != nil {
		t.Errorf("party list was shared: %v", err)
	}
}
