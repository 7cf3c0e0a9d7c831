// Package docnum owns Vietnamese document numbers ("số và ký hiệu"): parsing and validating them as printed
// (state documents under Decree 30/2020/NĐ-CP, Party documents under Guidance 36-HD/VPTW), the lists of type
// abbreviations, matching a number against a record's type, and the numbering series a number must be unique in.
// It is pure: it must not do I/O, read the registry or decide severities; callers (the doc/number rule) do that.
package docnum

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/text/unicode/norm"
)

// Regime says which rules a number follows; the separator after the number decides it.
type Regime int

const (
	// State documents: "12/QĐ-UBND", "15/UBND-VP", "89/2025/QĐ-UBND" (Decree 30/2020/NĐ-CP).
	State Regime = iota + 1
	// Party documents: "01-QC/TU", "01-QC/VPTU-VPHĐND-VPUBND" (Guidance 36-HD/VPTW).
	Party
)

// Number is a parsed document number.
type Number struct {
	Raw     string   // NFC input, trimmed
	Regime  Regime   // State or Party
	Seq     int      // the sequence number (leading zeros allowed in input; "01" -> 1); >= 1
	Year    int      // state normative documents (89/2025/QĐ-UBND); 0 otherwise
	Type    string   // abbreviation as written; "" for a state letter (công văn)
	Issuers []string // state: [issuer]; party: all issuers (joint: several)
	Units   []string // state: the parts after the issuer (VP in 15/UBND-VP, 45/BC-UBND-VP), else nil
}

// Message keys of the errors Parse returns (all in pkg/i18n/docnum.go). Exported so that callers and tests can
// tell the failures apart without matching text.
const (
	KeyEmpty         = "docnum.empty"
	KeyTooLong       = "docnum.too_long"
	KeyPrefix        = "docnum.prefix"
	KeySpace         = "docnum.space"
	KeyDash          = "docnum.dash"
	KeyChar          = "docnum.char"
	KeyNoSlash       = "docnum.no_slash"
	KeySeq           = "docnum.seq"
	KeyYear          = "docnum.year"
	KeyStateForm     = "docnum.state_form"
	KeyPartyForm     = "docnum.party_form"
	KeyStateType     = "docnum.state_type"
	KeyStateTypeHint = "docnum.state_type_hint"
	KeyPartyType     = "docnum.party_type"
	KeyPartyTypeHint = "docnum.party_type_hint"
	KeyEmptyIssuer   = "docnum.empty_issuer"
	KeyEmptyPart     = "docnum.empty_part"
)

// MaxLen is the longest number accepted, in runes, as written and in its canonical form (a number below 10 gains
// a leading zero there): real symbols are short, and a long value is a pasted sentence, not a number.
const MaxLen = 100

// Year bounds: the state was founded in 1945; later than 2100 is a typo.
const (
	minYear = 1945
	maxYear = 2100
)

// maxSeqDigits keeps Seq far from int overflow; no issuer numbers a billion documents in a year.
const maxSeqDigits = 9

// Type abbreviations in the order of the appendices (Decree 30 appendix III, Guidance 36), case-sensitive:
// QyĐ (quy định, state) and QĐi (quy định, Party) differ from QĐ (quyết định).
var (
	stateTypes = []string{"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
		"BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB"}
	partyTypes = []string{"NQ", "CT", "KL", "QĐ", "QĐi", "QC", "BC", "TTr", "TB", "HD", "CTr", "TT", "CV", "BB",
		"KH"}
	stateSet = toSet(stateTypes)
	partySet = toSet(partyTypes)
)

func toSet(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// letterType is the record type of a state letter (công văn), whose number carries no type.
const letterType = "CV"

// Parse parses a document number as printed, without the word "Số". Errors are *i18n.Error with a docnum.* key.
func Parse(s string) (Number, error) {
	s = normalize(s)
	if s == "" {
		return Number{}, i18n.Errorf(KeyEmpty)
	}
	if n := utf8.RuneCountInString(s); n > MaxLen {
		return Number{}, i18n.Errorf(KeyTooLong, n, MaxLen)
	}
	if rest, ok := cutPrefix(s); ok {
		return Number{}, i18n.Errorf(KeyPrefix, example(strings.Join(strings.FieldsFunc(rest, unicode.IsSpace), "")))
	}
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return Number{}, i18n.Errorf(KeySpace, example(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")))
	}
	pos := 0
	for _, r := range s {
		pos++
		switch {
		case isDash(r):
			return Number{}, i18n.Errorf(KeyDash, string(r))
		case !allowed(r):
			return Number{}, i18n.Errorf(KeyChar, printable(r), pos)
		}
	}
	if !strings.Contains(s, "/") {
		return Number{}, i18n.Errorf(KeyNoSlash)
	}

	// The separator after the number decides the regime; the number itself ends at the first separator.
	i := strings.IndexAny(s, "/-")
	seq, err := parseSeq(s[:i])
	if err != nil {
		return Number{}, err
	}
	n := Number{Raw: s, Seq: seq}
	if s[i] == '/' {
		n.Regime = State
		err = parseState(&n, s[i+1:])
	} else {
		n.Regime = Party
		err = parseParty(&n, s[i+1:])
	}
	if err != nil {
		return Number{}, err
	}
	// The canonical form must parse too: "1/…" of exactly MaxLen runes becomes "01/…", one rune longer (it is
	// never longer than that: leading zeros go, the rest is written as it was).
	if utf8.RuneCountInString(s) == MaxLen {
		if c := utf8.RuneCountInString(n.String()); c > MaxLen {
			return Number{}, i18n.Errorf(KeyTooLong, c, MaxLen)
		}
	}
	return n, nil
}

// normalize trims and NFC-normalises. It also maps U+00D0 (Icelandic Eth, "Ð") to U+0110 ("Đ"): they look the
// same, Vietnamese never uses Eth, and legacy font converters (TCVN3, VNI) produce it, so a clerk cannot see why
// "QÐ" would not be "QĐ".
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\u00d0", "\u0110")
	return strings.TrimSpace(norm.NFC.String(s))
}

// cutPrefix recognises a leading "Số"/"Số:" (any case, also without diacritics when followed by a separator)
// and returns what follows it, without spaces and colons.
func cutPrefix(s string) (string, bool) {
	rs := []rune(s)
	if len(rs) < 2 {
		return "", false
	}
	head := strings.ToLower(string(rs[:2]))
	var rest []rune
	switch {
	case head == "số":
		rest = rs[2:]
	case head == "so" && (len(rs) == 2 || rs[2] == ':' || rs[2] == '.' || unicode.IsSpace(rs[2])):
		rest = rs[2:]
	default:
		return "", false
	}
	return strings.TrimLeftFunc(string(rest), func(r rune) bool { return r == ':' || r == '.' || unicode.IsSpace(r) }), true
}

// isDash reports look-alikes of the hyphen that word processors substitute (en dash, minus sign, …).
func isDash(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// allowed: Latin letters (all Vietnamese letters are Latin after NFC), ASCII digits and the separators. Other
// scripts and digits are refused because look-alikes (Cyrillic "А", fullwidth "１") would silently split series.
func allowed(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r == '-', r == '/', r == '&':
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // fullwidth forms are look-alikes too, though Unicode files them as Latin
		return false
	}
	return unicode.IsLetter(r) && unicode.Is(unicode.Latin, r)
}

// printable shows a rune so that invisible or broken characters are still visible in a message.
func printable(r rune) string {
	if r == utf8.RuneError || !unicode.IsPrint(r) || unicode.Is(unicode.Mn, r) {
		return fmt.Sprintf("U+%04X", r)
	}
	return string(r)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func parseSeq(s string) (int, error) {
	if !isDigits(s) {
		return 0, i18n.Errorf(KeySeq, s)
	}
	t := strings.TrimLeft(s, "0")
	if t == "" || len(t) > maxSeqDigits {
		return 0, i18n.Errorf(KeySeq, s)
	}
	v, err := strconv.Atoi(t)
	if err != nil || v < 1 {
		return 0, i18n.Errorf(KeySeq, s)
	}
	return v, nil
}

func parseYear(s string) (int, error) {
	if len(s) != 4 || !isDigits(s) {
		return 0, i18n.Errorf(KeyYear, s)
	}
	v, _ := strconv.Atoi(s)
	if v < minYear || v > maxYear {
		return 0, i18n.Errorf(KeyYear, s)
	}
	return v, nil
}

// parseState parses what follows "N/": "SYMBOL" or "YEAR/SYMBOL".
func parseState(n *Number, rest string) error {
	parts := strings.Split(rest, "/")
	switch {
	case len(parts) == 2 && isDigits(parts[0]):
		y, err := parseYear(parts[0])
		if err != nil {
			return err
		}
		n.Year = y
		rest = parts[1]
	case len(parts) != 1:
		return i18n.Errorf(KeyStateForm)
	}
	sym := strings.Split(rest, "-")
	first := sym[0]
	switch {
	case stateSet[first]:
		n.Type = first
		sym = sym[1:]
	case n.Year != 0:
		// A normative document always has a type: the first part cannot be an issuer.
		if first == "" {
			return i18n.Errorf(KeyEmptyPart)
		}
		return typeError(first, stateTypes, KeyStateType, KeyStateTypeHint)
	case hasLower(first) && suggest(first, stateTypes) != "":
		// Issuer symbols are written in capitals, so "Qđ" is a mistyped "QĐ", not a letter from issuer "Qđ".
		return typeError(first, stateTypes, KeyStateType, KeyStateTypeHint)
	}
	// What remains is the issuer and then the units (letter: "UBND-VP"; typed: the part after the type).
	if len(sym) == 0 || sym[0] == "" {
		return i18n.Errorf(KeyEmptyIssuer)
	}
	for _, p := range sym[1:] {
		if p == "" {
			return i18n.Errorf(KeyEmptyPart)
		}
	}
	n.Issuers = []string{sym[0]}
	if len(sym) > 1 {
		n.Units = append([]string(nil), sym[1:]...)
	}
	return nil
}

// parseParty parses what follows "N-": "TYPE/ISSUER[-ISSUER…]".
func parseParty(n *Number, rest string) error {
	typ, issuers, _ := strings.Cut(rest, "/")
	if typ == "" || strings.Contains(typ, "-") || strings.Contains(issuers, "/") {
		return i18n.Errorf(KeyPartyForm)
	}
	if !partySet[typ] {
		return typeError(typ, partyTypes, KeyPartyType, KeyPartyTypeHint)
	}
	n.Type = typ
	parts := strings.Split(issuers, "-")
	for _, p := range parts {
		if p == "" {
			return i18n.Errorf(KeyEmptyIssuer)
		}
	}
	n.Issuers = parts
	return nil
}

func typeError(typ string, list []string, key, hintKey string) error {
	if s := suggest(typ, list); s != "" {
		return i18n.Errorf(hintKey, typ, s, s)
	}
	return i18n.Errorf(key, typ, strings.Join(list, ", "))
}

func hasLower(s string) bool { return strings.ContainsFunc(s, unicode.IsLower) }

// suggest returns the one listed abbreviation equal to typ ignoring case, else the one equal ignoring case and
// the stroke of Đ (typed without a Vietnamese keyboard: "QD" for "QĐ"); "" when none or several match.
func suggest(typ string, list []string) string {
	for _, fold := range []func(string) string{strings.ToLower, foldD} {
		found := ""
		for _, t := range list {
			if fold(t) == fold(typ) {
				if found != "" {
					found = "" // ambiguous ("da" is DA or ĐA): suggest nothing rather than guess
					break
				}
				found = t
			}
		}
		if found != "" {
			return found
		}
	}
	return ""
}

func foldD(s string) string {
	return strings.NewReplacer("đ", "d").Replace(strings.ToLower(s))
}

// String returns the canonical form: the number with at least two digits (Decree 30 and Guidance 36 write
// numbers below 10 with a leading zero), then the symbol. Parse(n.String()) gives n back, Raw aside.
func (n Number) String() string {
	seq := strconv.Itoa(n.Seq)
	if n.Seq >= 0 && n.Seq < 10 {
		seq = "0" + seq
	}
	switch n.Regime {
	case State:
		var b strings.Builder
		b.WriteString(seq)
		b.WriteByte('/')
		if n.Year != 0 {
			y := strconv.Itoa(n.Year)
			b.WriteString(strings.Repeat("0", max(0, 4-len(y))))
			b.WriteString(y)
			b.WriteByte('/')
		}
		var parts []string
		if n.Type != "" {
			parts = append(parts, n.Type)
		}
		parts = append(parts, n.Issuers...)
		parts = append(parts, n.Units...)
		b.WriteString(strings.Join(parts, "-"))
		return b.String()
	case Party:
		return seq + "-" + n.Type + "/" + strings.Join(n.Issuers, "-")
	}
	return n.Raw
}

// TypeMatches reports whether a record's type field agrees with the number: the same abbreviation (exactly:
// QyĐ is not QĐi), or "CV" for a state letter, whose number carries no type.
func (n Number) TypeMatches(docType string) bool {
	docType = normalize(docType)
	if docType == "" || n.Regime == 0 {
		return false
	}
	if n.Regime == State && n.Type == "" {
		return docType == letterType
	}
	return docType == n.Type
}

// Series returns the key of the numbering sequence the number must be unique in.
//
// State (Decree 30 art. 15): one sequence per issuer per calendar year of the date, normative documents in their
// own sequence, by the year their number carries: "state|UBND|2026|general", "state|UBND|2025|normative".
// Party (Guidance 36): one sequence per issuers, type and term of the Party committee: "party|TU|TB|term:2025-10-01".
// partyTerms are the term start dates; the term of date is the latest start on or before it (compared as calendar
// days, so the start day belongs to the new term), "term:0" before the first.
func (n Number) Series(date time.Time, partyTerms []time.Time) string {
	switch n.Regime {
	case State:
		kind, year := "general", date.Year()
		if n.Year != 0 {
			// A normative document's number carries the year of its sequence (89/2025/QĐ-UBND): that year,
			// not its date's, is the series (one dated 2 January 2026 may still close 2025's).
			kind, year = "normative", n.Year
		}
		issuer := ""
		if len(n.Issuers) > 0 {
			issuer = n.Issuers[0]
		}
		return "state|" + issuer + "|" + strconv.Itoa(year) + "|" + kind
	case Party:
		term := "0"
		var best time.Time
		found := false
		d := day(date)
		for _, t := range partyTerms {
			if s := day(t); !s.After(d) && (!found || s.After(best)) {
				best, found = s, true
			}
		}
		if found {
			term = best.Format(time.DateOnly)
		}
		return "party|" + strings.Join(n.Issuers, "-") + "|" + n.Type + "|term:" + term
	}
	return ""
}

// Bucket is what two numbers share when they may be one use of a series (Series with the same sequence
// number): their regime, issuers and sequence number. Numbers in different buckets never are; numbers in one
// bucket are when their dates (and, for Party numbers, their types) give one Series.
func (n Number) Bucket() string {
	issuers := strings.Join(n.Issuers, "-")
	if n.Regime == State && len(n.Issuers) > 0 {
		issuers = n.Issuers[0]
	}
	return strconv.Itoa(int(n.Regime)) + "|" + issuers + "|" + strconv.Itoa(n.Seq)
}

// day drops the time and zone, keeping the calendar day as written, so that a term starting on 2025-10-01 in
// any zone contains every time on 2025-10-01.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// example echoes the clerk's number back as the fix only when it is then valid; otherwise the standard example.
func example(candidate string) string {
	if candidate != "" {
		if _, err := Parse(candidate); err == nil {
			return candidate
		}
	}
	return "12/QĐ-UBND"
}

var fileNameRe = regexp.MustCompile(`[^a-z0-9]+`)

// FileName is the file name (without .yaml) of a document's register entry, made from its number:
// "123-TB/TU" → "123-tb-tu", "12/QĐ-UBND" → "12-qd-ubnd". Letters outside ASCII other than đ become separators.
func FileName(number string) string {
	s := strings.ToLower(strings.NewReplacer("đ", "d", "Đ", "d").Replace(number))
	var b strings.Builder
	for _, r := range s {
		if r < 128 {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return strings.Trim(fileNameRe.ReplaceAllString(b.String(), "-"), "-")
}
