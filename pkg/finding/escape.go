package finding

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Visible makes user text safe to print on a terminal or in a CI log: C0 controls (newline, tab, escape…),
// DEL, C1 controls (U+0080–U+009F), the Unicode line and paragraph separators, the bidirectional formatting
// characters (which reorder what the reader sees) and bytes that are not UTF-8 are written as Go-style
// escapes (\n, \t, \x1b, \u0085, \u202e, \xff). Everything else — Vietnamese letters included — is kept.
// A title holding "\x1b[31m" or a newline therefore can neither colour the terminal, move the cursor,
// nor start a line of its own. Text that needs no escape is returned as is, without allocating.
func Visible(s string) string { return visibleExcept(s, false) }

// visibleExcept is Visible; with keepNewlines, \r and \n are left for the caller to encode (GitHub's
// workflow commands encode them as %0D and %0A).
func visibleExcept(s string, keepNewlines bool) string {
	i := firstUnsafe(s, keepNewlines)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if (keepNewlines && (c == '\n' || c == '\r')) || (c >= 0x20 && c != 0x7f) {
				b.WriteByte(c)
			} else {
				b.WriteString(escapeByte(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + hex2(s[i]))
		case unsafeRune(r):
			b.WriteString(`\u` + hex4(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the byte index of the first character Visible would escape, or -1.
func firstUnsafe(s string, keepNewlines bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && !(keepNewlines && (c == '\n' || c == '\r')) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// unsafeRune reports the non-ASCII characters Visible escapes.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls (NEL, CSI…)
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f: // bidi marks
		return true
	case r >= 0x202a && r <= 0x202e: // bidi embeddings and overrides
		return true
	case r >= 0x2066 && r <= 0x2069: // bidi isolates
		return true
	}
	return false
}

func escapeByte(c byte) string {
	switch c {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	return `\x` + hex2(c)
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

func hex4(r rune) string {
	s := strconv.FormatInt(int64(r), 16)
	return strings.Repeat("0", max(0, 4-len(s))) + s
}

// githubData encodes the message of a GitHub workflow command (the text after the second "::"): controls
// made visible, then %, \r and \n percent-encoded as the runner expects, so a message stays one line.
func githubData(s string) string {
	s = visibleExcept(s, true)
	if !strings.ContainsAny(s, "%\r\n") {
		return s
	}
	return githubDataRepl.Replace(s)
}

// githubProperty encodes a property value of a workflow command (file=…, title=…): as githubData, and also
// ":" and ",", which would end the value or the property list ("::" ends the command's properties).
func githubProperty(s string) string {
	s = visibleExcept(s, true)
	if !strings.ContainsAny(s, "%\r\n:,") {
		return s
	}
	return githubPropRepl.Replace(s)
}

var (
	githubDataRepl = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropRepl = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// URIPath percent-encodes a slash-separated relative path as an RFC 3986 relative reference: every byte
// but the unreserved characters (A–Z a–z 0–9 - . _ ~) and "/" becomes %XX (upper-case hex), so spaces,
// "%", "#", "?", ":" and each UTF-8 byte of a Vietnamese letter are encoded and the path stays a path.
func URIPath(p string) string {
	n := 0
	for i := 0; i < len(p); i++ {
		if !uriKeep(p[i]) {
			n++
		}
	}
	if n == 0 {
		return p
	}
	const digits = "0123456789ABCDEF"
	b := make([]byte, 0, len(p)+2*n)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if uriKeep(c) {
			b = append(b, c)
			continue
		}
		b = append(b, '%', digits[c>>4], digits[c&15])
	}
	return string(b)
}

func uriKeep(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~' || c == '/'
}
