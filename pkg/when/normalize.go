package when

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/text/unicode/norm"
)

// clerkForms lists what Normalize accepts, for error messages; the same text in every language.
const clerkForms = "03/7/2026 | sáng 03/7/2026 | Sáng Thứ Sáu, 03/7/2026 | 8h00-11h30 ngày 03/7/2026 | " +
	"14h30 ngày 03/7/2026 | từ 03/7 đến 05/7/2026 | 03-05/7/2026 | 08h00 03/7/2026 đến 17h00 04/7/2026 | " +
	"tuần 27/2026 | tháng 7/2026 | " + canonicalForms

// Day reads one day as a clerk types it (03/8/2026, 3.8.2026, "ngày 3 tháng 8 năm 2026", 2026-08-03) into the
// form records write days in (YYYY-MM-DD), through Normalize; ok is false for anything else: a session, a time, a
// span, a week or a month, a date without its year, a text that does not read.
func Day(s string) (day string, ok bool) {
	d, err := Normalize(s, 0)
	if err != nil {
		return "", false
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return "", false
	}
	return d, true
}

// Normalize rewrites a `when` as clerks type it into canonical text (docs/records.md#when). It is lenient about
// case, diacritics (with or without, NFC or not), spaces and commas, and accepts:
//
//   - every canonical form, rewritten canonically ("2026-07-03  08:00 - 11:30", "2026-07-03 morning");
//   - dates day first: 03/7/2026, 3/7/2026, 03-07-2026, 03.07.2026, "ngày 3 tháng 7 năm 2026", and 03/7 with
//     the year taken from year (0: a year is required);
//   - a session (sáng, chiều, tối) before or after the date, with "ngày", "buổi", a weekday (Thứ Hai…Chủ nhật,
//     T2…T7, CN, thứ 2…thứ 7) or parentheses around it; a weekday must be the date's real weekday;
//   - times 8h00, 8h, 14h30, 8g30, 8 giờ 30, 08:00, and intervals 8h00-11h30, "từ 8h00 đến 11h30"; with chiều or
//     tối, hours before 12 are afternoon or evening hours ("2h chiều" is 14:00);
//   - a start time without an end ("14h30 ngày 03/7/2026"): the interval runs to the end of the default-policy
//     session that contains the start (13:30-17:00 here, so 14:30-17:00); a start outside every session is an
//     error asking for the end time, because guessing an end there would put a made-up time in the record;
//   - day ranges "từ 03/7 đến 05/7/2026", 03-05/7/2026, 03/7-05/7/2026, and spans over days
//     "08h00 03/7/2026 đến 17h00 04/7/2026" (a date without a year takes the other end's year, moved by one
//     for a range from December to January);
//   - weeks and months: "tuần 27/2026", "tuần 27", "tháng 7/2026", "tháng 07/2026", "tháng 7".
//
// The result always parses with Parse(DefaultPolicy) and Normalize of the result returns it unchanged.
func Normalize(s string, year int) (string, error) {
	t, err := prepare(s)
	if err != nil {
		return "", err
	}
	toks, err := lex(fold(t))
	if err != nil {
		return "", i18n.Errorf("when.unrecognized", err.Error(), t, clerkForms)
	}
	// A bare "toi" between two times or dates is read first as "tới" (to) typed without diacritics, then, if
	// that reading fails, as "tối" (evening): "8h toi 11h" is a range, "8h toi 03/7/2026" is 20:00.
	var first error
	for _, asTo := range []bool{true, false} {
		alt := make([]token, len(toks))
		copy(alt, toks)
		changed := false
		for i := range alt {
			if asTo && alt[i].ambiguous && i > 0 && i+1 < len(alt) && isPoint(alt[i-1]) && isPoint(alt[i+1]) {
				alt[i] = token{kind: tkTo, text: alt[i].text}
				changed = true
			}
		}
		if asTo && !changed {
			continue
		}
		out, err := normalizeTokens(t, alt, year)
		if err == nil {
			return out, nil
		}
		if first == nil {
			first = err
		}
	}
	return "", first
}

// normalizeTokens interprets one reading of the tokens and validates the result with the strict grammar.
func normalizeTokens(t string, toks []token, year int) (string, error) {
	cand, err := interpret(t, toks, year)
	if err != nil {
		return "", err
	}
	sp, err := Parse(cand, DefaultPolicy(nil))
	if err != nil {
		return "", err
	}
	return sp.Canonical(), nil
}

// fold lowers the text, drops diacritics and the punctuation clerks sprinkle around, so the lexer sees plain
// ASCII words. "tối" (evening) and "tới" (to) fold to the same word, so they are told apart first; a bare
// "toi" is resolved later by its neighbours.
func fold(t string) string {
	t = strings.ToLower(t)
	rs := []rune(t)
	var b strings.Builder
	for i, r := range rs {
		prevDigit := i > 0 && unicode.IsDigit(rs[i-1])
		nextDigit := i+1 < len(rs) && unicode.IsDigit(rs[i+1])
		switch {
		case r == ',' || r == '(' || r == ')' || r == ';' || r == '[' || r == ']' || r == '"' || r == '“' || r == '”':
			r = ' '
		case r == '–' || r == '—' || r == '−' || r == '‒':
			r = '-'
		case r == ':' && !(prevDigit && nextDigit):
			r = ' ' // "Sáng Thứ Sáu, 03/7/2026:" ends with a colon; a colon inside 08:00 stays
		case r == '.' && !(prevDigit && nextDigit) && !(i > 0 && rs[i-1] == '.') && !(i+1 < len(rs) && rs[i+1] == '.'):
			r = ' ' // a sentence's full stop; 03.07.2026 and ".." stay
		}
		b.WriteRune(r)
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		switch w {
		case "tới":
			words[i] = "den"
		case "tối":
			words[i] = "evening"
		}
	}
	var out strings.Builder
	for _, r := range norm.NFD.String(strings.Join(words, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			out.WriteByte('d')
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}

type tokKind int

const (
	tkDate tokKind = iota + 1
	tkDayRange
	tkTime
	tkSession
	tkWeekday
	tkWeek
	tkMonth
	tkFrom
	tkTo
	tkFiller
)

// token is one lexed unit; y == 0 means the year was not written.
type token struct {
	kind      tokKind
	text      string
	y, m, d   int
	d2        int // last day of a day range
	h, min    int
	session   string
	ambiguous bool // a bare "toi": evening, or "to" between two times or dates
	weekday   time.Weekday
	week      int
}

// rule is one lexer rule: an anchored pattern and how to build the token from its submatches.
type rule struct {
	re    *regexp.Regexp
	build func(m []string) token
}

func num(s string) int {
	n, _ := digits(s)
	return n
}

// yr reads an optional year group; noYear marks one that was not written (0000 was written, and is invalid).
func yr(s string) int {
	if s == "" {
		return noYear
	}
	return num(s)
}

const noYear = -1

// rules are tried in order at each position; the first whose match ends at a word boundary wins. Order
// matters where forms share a prefix: ISO forms before day-first dates, 03-07-2026 before the day range
// 03-05/7/2026, the day range before 03/7. The patterns are fixed after init and regexp is safe for
// concurrent use, so this is not mutable state.
var rules = []rule{
	{regexp.MustCompile(`^(\d{4})-w(\d{1,2})`), func(m []string) token { return token{kind: tkWeek, y: num(m[1]), week: num(m[2])} }},
	{regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})-(\d{1,2})|/(\d{1,2})/(\d{1,2}))`), func(m []string) token {
		return token{kind: tkDate, y: num(m[1]), m: num(m[2] + m[4]), d: num(m[3] + m[5])}
	}},
	{regexp.MustCompile(`^(\d{4})-(\d{1,2})`), func(m []string) token { return token{kind: tkMonth, y: num(m[1]), m: num(m[2])} }},
	{regexp.MustCompile(`^(?:(\d{1,2})/(\d{1,2})/(\d{4})|(\d{1,2})-(\d{1,2})-(\d{4})|(\d{1,2})\.(\d{1,2})\.(\d{4}))`), func(m []string) token {
		for i := 1; i+2 < len(m); i += 3 {
			if m[i] != "" {
				return token{kind: tkDate, d: num(m[i]), m: num(m[i+1]), y: num(m[i+2])}
			}
		}
		return token{}
	}},
	{regexp.MustCompile(`^(\d{1,2})-(\d{1,2})/(\d{1,2})(?:/(\d{4}))?`), func(m []string) token {
		return token{kind: tkDayRange, d: num(m[1]), d2: num(m[2]), m: num(m[3]), y: yr(m[4])}
	}},
	{regexp.MustCompile(`^(\d{1,2})/(\d{1,2})`), func(m []string) token { return token{kind: tkDate, d: num(m[1]), m: num(m[2]), y: noYear} }},
	{regexp.MustCompile(`^ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?`), func(m []string) token {
		return token{kind: tkDate, d: num(m[1]), m: num(m[2]), y: yr(m[3])}
	}},
	{regexp.MustCompile(`^tuan (?:thu )?(\d{1,2})(?:/(\d{4})| nam (\d{4}))?`), func(m []string) token {
		return token{kind: tkWeek, week: num(m[1]), y: yr(m[2] + m[3])}
	}},
	{regexp.MustCompile(`^thang (\d{1,2})(?:/(\d{4})| nam (\d{4}))?`), func(m []string) token {
		return token{kind: tkMonth, m: num(m[1]), y: yr(m[2] + m[3])}
	}},
	{regexp.MustCompile(`^(\d{1,2}):(\d{2})`), func(m []string) token { return token{kind: tkTime, h: num(m[1]), min: num(m[2])} }},
	{regexp.MustCompile(`^(\d{1,2}) ?gio (\d{1,2})(?: phut)?`), func(m []string) token {
		return token{kind: tkTime, h: num(m[1]), min: num(m[2])}
	}},
	{regexp.MustCompile(`^(\d{1,2}) ?gio`), func(m []string) token { return token{kind: tkTime, h: num(m[1])} }},
	{regexp.MustCompile(`^(\d{1,2})[hg](\d{2})?(?:p| phut)?`), func(m []string) token {
		return token{kind: tkTime, h: num(m[1]), min: num(m[2])}
	}},
	{regexp.MustCompile(`^(?:thu (hai|bay|ba|tu|nam|sau|[2-7])|t([2-7])|(cn|chu nhat))`), func(m []string) token {
		w := m[1] + m[2]
		if m[3] != "" {
			return token{kind: tkWeekday, weekday: time.Sunday}
		}
		n := map[string]int{"hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7}[w]
		if n == 0 {
			n = num(w)
		}
		return token{kind: tkWeekday, weekday: time.Weekday(n - 1)}
	}},
	{regexp.MustCompile(`^(?:sang|morning)`), func([]string) token { return token{kind: tkSession, session: SessionMorning} }},
	{regexp.MustCompile(`^(?:chieu|afternoon)`), func([]string) token { return token{kind: tkSession, session: SessionAfternoon} }},
	{regexp.MustCompile(`^evening`), func([]string) token { return token{kind: tkSession, session: SessionEvening} }},
	{regexp.MustCompile(`^toi`), func([]string) token { return token{kind: tkSession, session: SessionEvening, ambiguous: true} }},
	{regexp.MustCompile(`^(?:tu|from)`), func([]string) token { return token{kind: tkFrom} }},
	{regexp.MustCompile(`^(?:den|to|until|\.\.|-|~)`), func([]string) token { return token{kind: tkTo} }},
	{regexp.MustCompile(`^(?:ngay|luc|vao|buoi|trong)`), func([]string) token { return token{kind: tkFiller} }},
}

// lexError carries the word the lexer could not read; it never reaches the user as is.
type lexError struct{ word string }

func (e lexError) Error() string { return e.word }

// lex cuts folded text into tokens. Every step consumes at least one byte, so it always ends.
func lex(s string) ([]token, error) {
	var toks []token
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		rest := s[i:]
		matched := false
		for _, r := range rules {
			m := r.re.FindStringSubmatch(rest)
			if m == nil || !atBoundary(rest, len(m[0])) {
				continue
			}
			tok := r.build(m)
			tok.text = m[0]
			toks = append(toks, tok)
			i += len(m[0])
			matched = true
			break
		}
		if !matched {
			word := rest
			if j := strings.IndexByte(rest, ' '); j >= 0 {
				word = rest[:j]
			}
			return nil, lexError{word}
		}
	}
	return toks, nil
}

// atBoundary reports whether a match of n bytes ends a word: a match ending in a letter or digit must not
// run into another one ("8h5", "tuan" read as "tu").
func atBoundary(s string, n int) bool {
	if n == 0 {
		return false
	}
	next, size := utf8.DecodeRuneInString(s[n:])
	// A slash, or a dot before a digit, continues a date: "8 giờ 03/7" is 8 giờ then 03/7, not 8 giờ 03.
	if next == '/' || (next == '.' && n+1 < len(s) && s[n+1] >= '0' && s[n+1] <= '9') {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s[:n])
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return true
	}
	return size == 0 || !(unicode.IsLetter(next) || unicode.IsDigit(next))
}

// part is one side of a range: what was said about the start, or about the end.
type part struct {
	date, dayRange, time, weekday *token
}

// interpret turns tokens into a candidate canonical text; Normalize then validates it with Parse.
func interpret(input string, toks []token, year int) (string, error) {
	unreadable := i18n.Errorf("when.unreadable", input, clerkForms)
	var sessions, coarse []token
	var core []token
	for _, tk := range toks {
		switch tk.kind {
		case tkFiller, tkFrom:
		case tkSession:
			sessions = append(sessions, tk)
		case tkWeek, tkMonth:
			coarse = append(coarse, tk)
		default:
			core = append(core, tk)
		}
	}
	if len(coarse) > 0 {
		if len(coarse) > 1 || len(sessions) > 0 || len(core) > 0 {
			return "", unreadable
		}
		return coarseText(input, coarse[0], year)
	}
	if len(sessions) > 1 {
		return "", i18n.Errorf("when.two_sessions", input, sessionMsg(sessions[0].session), sessionMsg(sessions[1].session))
	}
	session := ""
	if len(sessions) == 1 {
		session = sessions[0].session
	}

	parts := []part{{}}
	for i := range core {
		tk := &core[i]
		p := &parts[len(parts)-1]
		var slot **token
		switch tk.kind {
		case tkTo:
			parts = append(parts, part{})
			continue
		case tkDate:
			slot = &p.date
		case tkDayRange:
			slot = &p.dayRange
		case tkTime:
			slot = &p.time
		case tkWeekday:
			slot = &p.weekday
		}
		if slot == nil || *slot != nil {
			return "", unreadable
		}
		*slot = tk
	}
	if len(parts) > 2 {
		return "", unreadable
	}
	for _, p := range parts {
		if p.date == nil && p.dayRange == nil && p.time == nil && len(parts) > 1 {
			return "", unreadable // a dangling "đến" or "-"
		}
		if p.dayRange != nil && (len(parts) > 1 || p.date != nil || p.time != nil || p.weekday != nil) {
			return "", unreadable
		}
	}

	// Afternoon and evening hours written on a 12-hour clock ("2h chiều").
	if session == SessionAfternoon || session == SessionEvening {
		for _, p := range parts {
			if p.time != nil && p.time.h >= 1 && p.time.h < 12 {
				p.time.h += 12
			}
		}
	}
	for _, p := range parts {
		if p.time != nil {
			if _, err := makeClock(p.time.h, p.time.min, true, p.time.text); err != nil {
				return "", err
			}
		}
	}

	if len(parts) == 1 {
		return single(input, parts[0], session, year)
	}
	a, b := parts[0], parts[1]
	if a.date == nil && a.time != nil && b.date != nil && b.time != nil { // 8h - 11h30 ngày 03/7
		a.date = b.date
	}
	if b.date == nil && b.time != nil && a.date != nil && a.time != nil { // 03/7 8h - 11h30
		b.date = a.date
	}
	if a.date == nil || b.date == nil {
		return "", i18n.Errorf("when.date_missing", input)
	}
	if (a.time == nil) != (b.time == nil) || (session != "" && a.time == nil) {
		if session != "" && a.time == nil && b.time == nil {
			return "", i18n.Errorf("when.session_range", input, sessionMsg(session))
		}
		return "", unreadable
	}
	da, db, err := resolvePair(input, a.date, b.date, year)
	if err != nil {
		return "", err
	}
	if err := checkWeekday(a, da); err != nil {
		return "", err
	}
	if err := checkWeekday(b, db); err != nil {
		return "", err
	}
	if a.time == nil { // whole days
		if da == db {
			return da.String(), nil
		}
		return da.String() + ".." + db.String(), nil
	}
	ca, cb := tokClock(a.time), tokClock(b.time)
	if da == db {
		return fmt.Sprintf("%s %s-%s", da, ca, cb), nil
	}
	return fmt.Sprintf("%s %s..%s %s", da, ca, db, cb), nil
}

// single reads a `when` with no range connector: a day, a session, a start time, or a day range token.
func single(input string, p part, session string, year int) (string, error) {
	if p.dayRange != nil {
		r := p.dayRange
		y, err := yearOf(input, r.y, year)
		if err != nil {
			return "", err
		}
		d1, err := makeDate(y, r.m, r.d, dmyText(r.d, r.m, y))
		if err != nil {
			return "", err
		}
		d2, err := makeDate(y, r.m, r.d2, dmyText(r.d2, r.m, y))
		if err != nil {
			return "", err
		}
		if session != "" {
			return "", i18n.Errorf("when.session_range", input, sessionMsg(session))
		}
		if d1 == d2 {
			return d1.String(), nil
		}
		return d1.String() + ".." + d2.String(), nil
	}
	if p.date == nil {
		if p.weekday != nil && p.time == nil {
			return "", i18n.Errorf("when.weekday_alone", input)
		}
		return "", i18n.Errorf("when.date_missing", input)
	}
	d, err := resolveDate(input, p.date, year)
	if err != nil {
		return "", err
	}
	if err := checkWeekday(p, d); err != nil {
		return "", err
	}
	if p.time == nil {
		if session != "" {
			return d.String() + " " + session, nil
		}
		return d.String(), nil
	}
	start := tokClock(p.time)
	def := DefaultPolicy(nil)
	for _, r := range []Range{def.Morning, def.Afternoon, def.Evening} {
		if r.contains(start) {
			return fmt.Sprintf("%s %s-%s", d, start, r.End), nil
		}
	}
	return "", i18n.Errorf("when.no_session_for_start", start.String(),
		def.Morning.String(), def.Afternoon.String(), def.Evening.String())
}

// coarseText renders a week or a month.
func coarseText(input string, tk token, year int) (string, error) {
	y, err := yearOf(input, tk.y, year)
	if err != nil {
		return "", err
	}
	if tk.kind == tkWeek {
		return fmt.Sprintf("%04d-W%02d", y, tk.week), nil
	}
	return fmt.Sprintf("%04d-%02d", y, tk.m), nil
}

// yearOf is the written year, else the default year; without either the input is incomplete.
func yearOf(input string, written, def int) (int, error) {
	if written != noYear {
		return written, nil
	}
	if def == 0 {
		return 0, i18n.Errorf("when.year_missing", input)
	}
	if def < 1 || def > 9999 {
		return 0, i18n.Errorf("when.year_arg", def)
	}
	return def, nil
}

func resolveDate(input string, tk *token, year int) (date, error) {
	y, err := yearOf(input, tk.y, year)
	if err != nil {
		return date{}, err
	}
	return makeDate(y, tk.m, tk.d, dmyText(tk.d, tk.m, y))
}

// resolvePair gives both ends of a range their years: a missing year comes from the other end, else from
// year. A range from December to January crosses New Year ("30/12 - 02/01/2027"); any other backwards range is
// the clerk's mistake and is reported, not silently moved to another year.
func resolvePair(input string, a, b *token, year int) (date, date, error) {
	ya, yb := a.y, b.y
	newYear := a.m == 12 && b.m == 1
	switch {
	case ya == noYear && yb != noYear:
		ya = yb
		if newYear {
			ya--
		}
	case ya != noYear && yb == noYear:
		yb = ya
		if newYear {
			yb++
		}
	case ya == noYear && yb == noYear:
		y, err := yearOf(input, noYear, year)
		if err != nil {
			return date{}, date{}, err
		}
		ya, yb = y, y
		if newYear {
			yb++
		}
	}
	da, err := makeDate(ya, a.m, a.d, dmyText(a.d, a.m, ya))
	if err != nil {
		return date{}, date{}, err
	}
	db, err := makeDate(yb, b.m, b.d, dmyText(b.d, b.m, yb))
	if err != nil {
		return date{}, date{}, err
	}
	return da, db, nil
}

// checkWeekday compares a written weekday with the date's real one; a clerk who wrote the wrong one
// probably has the wrong date, so it is an error naming the real weekday.
func checkWeekday(p part, d date) error {
	if p.weekday == nil {
		return nil
	}
	real := time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC).Weekday()
	if real != p.weekday.weekday {
		return i18n.Errorf("when.weekday_mismatch", dmyText(d.d, int(d.m), d.y), weekdayMsg(real), weekdayMsg(p.weekday.weekday))
	}
	return nil
}

func weekdayMsg(w time.Weekday) i18n.Msg { return i18n.M(fmt.Sprintf("when.weekday.%d", int(w))) }

// dmyText writes a date the way clerks do (03/7/2026), for messages about what they typed.
func dmyText(d, m, y int) string { return fmt.Sprintf("%02d/%d/%04d", d, m, y) }

func tokClock(tk *token) Clock { return Clock(tk.h*60 + tk.min) }

func isPoint(tk token) bool { return tk.kind == tkDate || tk.kind == tkTime || tk.kind == tkDayRange }
