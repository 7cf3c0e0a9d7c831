package petition

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumberKind is what a number in free text looks like.
type NumberKind int

const (
	// IDNumber looks like a citizen's identity number: 9 digits (CMND) or 12 (CCCD).
	IDNumber NumberKind = iota + 1
	// PhoneNumber looks like a Vietnamese phone number: 10 digits starting with 0, 11 starting with 02 (a
	// landline with its area code), or 84 / +84 followed by 9 digits (or by 2 and 9 digits).
	PhoneNumber
)

// Number is where a number that looks like personal data lies in a text: s[Start:End]. Callers name the
// field it is in, never the number itself.
type Number struct {
	Kind       NumberKind
	Start, End int // byte offsets
}

// FindNumbers returns the numbers in s that look like a citizen ID or a phone number, as clerks type them:
// digits in one piece or in groups separated by one space, dot or dash (the same separator throughout:
// "0934 112 908", "075.184.009.921", "+84 934-112-908" is two groups of different kinds and is read as
// such). What is glued to letters or to a code ("VPUBND-2026-000123", "3011/QĐ-UBND", a hex string like a
// blind index) is not a number; neither is an amount ("150.000.000 đồng", or thousands ending in 000).
func FindNumbers(s string) []Number {
	// Most texts have fewer digits in all than the shortest number classify accepts: nothing to find.
	digits := 0
	for i := 0; i < len(s) && digits < minDigits; i++ {
		if isDigit(s[i]) {
			digits++
		}
	}
	if digits < minDigits {
		return nil
	}
	var out []Number
	for i := 0; i < len(s); {
		c := s[i]
		plus := c == '+' && i+1 < len(s) && isDigit(s[i+1])
		if !isDigit(c) && !plus {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		r := scanRun(s, i, plus)
		i = r.end
		if gluedBefore(s, r.start) || gluedAfter(s, r.end) {
			continue
		}
		if r.amount(s) {
			continue
		}
		if k, ok := classify(r.digits, plus); ok {
			out = append(out, Number{Kind: k, Start: r.start, End: r.end})
			continue
		}
		// Two numbers joined by the separator ("0934112908-0934112909") read as one run: a long group on
		// its own is still suspicious.
		for _, g := range r.groups {
			if g[1]-g[0] < minDigits {
				continue
			}
			if k, ok := classify(s[g[0]:g[1]], false); ok {
				out = append(out, Number{Kind: k, Start: g[0], End: g[1]})
			}
		}
	}
	return out
}

// run is a maximal sequence of digit groups joined by one separator.
type run struct {
	start, end int
	digits     string
	groups     [][2]int
	sep        rune
}

func scanRun(s string, i int, plus bool) run {
	r := run{start: i}
	if plus {
		i++
	}
	var digits strings.Builder
	for {
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		digits.WriteString(s[i:j])
		r.groups = append(r.groups, [2]int{i, j})
		r.end = j
		if j < len(s) {
			sep, w := utf8.DecodeRuneInString(s[j:])
			if isSep(sep) && j+w < len(s) && isDigit(s[j+w]) && (r.sep == 0 || r.sep == sep) {
				r.sep = sep
				i = j + w
				continue
			}
		}
		break
	}
	r.digits = digits.String()
	return r
}

// amount reports whether the run is an amount of money or an area: thousands groups ending in 000, or any
// run followed by a unit.
func (r run) amount(s string) bool {
	if unitAfter(s, r.end) {
		return true
	}
	if len(r.groups) < 2 || (r.sep != '.' && r.sep != ',' && r.sep != ' ') {
		return false
	}
	if n := r.groups[0][1] - r.groups[0][0]; n < 1 || n > 3 {
		return false
	}
	for _, g := range r.groups[1:] {
		if g[1]-g[0] != 3 {
			return false
		}
	}
	last := r.groups[len(r.groups)-1]
	return s[last[0]:last[1]] == "000"
}

var units = map[string]bool{"đ": true, "đồng": true, "vnd": true, "vnđ": true, "triệu": true, "tỷ": true, "tỉ": true,
	"nghìn": true, "ngàn": true, "usd": true, "m2": true, "m²": true, "ha": true, "km": true}

func unitAfter(s string, end int) bool {
	i := end
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '²' {
			break
		}
		j += w
	}
	return j > i && units[strings.ToLower(s[i:j])]
}

func classify(d string, plus bool) (NumberKind, bool) {
	n := len(d)
	if plus {
		if strings.HasPrefix(d, "84") && (n == 11 || (n == 12 && d[2] == '2')) {
			return PhoneNumber, true
		}
		return 0, false
	}
	switch {
	case n == 10 && d[0] == '0':
		return PhoneNumber, true
	case n == 11 && strings.HasPrefix(d, "02"):
		return PhoneNumber, true
	case n == 11 && strings.HasPrefix(d, "84") && d[2] != '0':
		return PhoneNumber, true
	case n == 12 && strings.HasPrefix(d, "842"):
		return PhoneNumber, true
	case n == minDigits || n == 12:
		return IDNumber, true
	}
	return 0, false
}

// minDigits is how many digits the shortest number classify accepts has (an old identity card's).
const minDigits = 9

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSep is a separator clerks type between groups of digits (a no-break space comes from word processors).
func isSep(r rune) bool { return r == ' ' || r == '.' || r == '-' || r == '\u00a0' }

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// gluedBefore reports whether the run at start continues a word or a code: a letter, digit, '_' or '/'
// just before it, or a '-' that follows one ("VPUBND-2026-…").
func gluedBefore(s string, start int) bool {
	if start == 0 {
		return false
	}
	r, w := utf8.DecodeLastRuneInString(s[:start])
	if wordRune(r) || r == '/' {
		return true
	}
	if r == '-' {
		p, _ := utf8.DecodeLastRuneInString(s[:start-w])
		return start-w > 0 && wordRune(p)
	}
	return false
}

// gluedAfter is gluedBefore at the run's end ("3011/QĐ-UBND", "12-TB", a hex string).
func gluedAfter(s string, end int) bool {
	if end >= len(s) {
		return false
	}
	r, w := utf8.DecodeRuneInString(s[end:])
	if wordRune(r) || r == '/' {
		return true
	}
	if r == '-' {
		n, _ := utf8.DecodeRuneInString(s[end+w:])
		return end+w < len(s) && unicode.IsLetter(n)
	}
	return false
}
