package record

import (
	"bytes"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/text/encoding/charmap"
)

// Encoding is a text encoding other than UTF-8 that a record file was saved in.
type Encoding string

// The encodings DetectEncoding names. PowerShell 5.1's > writes UTF-16 LE with a BOM; Notepad on older
// Windows saves "ANSI", the system's code page: Windows-1258 on a Vietnamese Windows, Windows-1252 on an
// English one.
const (
	UTF16LE     Encoding = "UTF-16 LE"
	UTF16BE     Encoding = "UTF-16 BE"
	UTF32LE     Encoding = "UTF-32 LE"
	UTF32BE     Encoding = "UTF-32 BE"
	Windows1258 Encoding = "Windows-1258"
	Windows1252 Encoding = "Windows-1252"
)

// sniff bounds the bytes the zero-byte patterns are counted on: a file's start says how it was saved.
const sniff = 4096

// DetectEncoding says which encoding other than UTF-8 data was saved in, or "" when it is UTF-8 (with or
// without a BOM) or nothing coord can name. It looks for a UTF-16 or UTF-32 byte order mark, else the zero
// bytes UTF-16 and UTF-32 put beside every ASCII letter, else — in data that is not UTF-8 and has no zero
// byte — single bytes that Windows-1258 (with Vietnamese letters or tone marks) or Windows-1252 reads as
// text. A file mostly UTF-8 with a stray invalid byte is not called a code page: the byte's position is
// the better finding. It never converts anything.
func DetectEncoding(data []byte) Encoding {
	switch {
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xfe, 0xff}):
		return UTF32BE
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0x00, 0x00}): // before UTF-16 LE, whose mark it starts with
		return UTF32LE
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return UTF16BE
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return UTF16LE
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	hasZero := bytes.IndexByte(data, 0) >= 0
	if !hasZero && utf8.Valid(data) {
		return ""
	}
	if hasZero {
		return wideEncoding(data)
	}
	return codePage(data)
}

// wideEncoding recognises UTF-32 and UTF-16 without a byte order mark by where the zero bytes fall.
func wideEncoding(data []byte) Encoding {
	s := data
	if len(s) > sniff {
		s = s[:sniff]
	}
	if len(data)%4 == 0 && len(s) >= 4 {
		if e := utf32Pattern(s); e != "" {
			return e
		}
	}
	if len(s) < 2 {
		return ""
	}
	pairs := len(s) / 2
	zeroHigh := [2]int{} // [0]: zero at even offsets (BE's high byte), [1]: at odd offsets (LE's high byte)
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] == 0 {
			zeroHigh[0]++
		}
		if s[i+1] == 0 {
			zeroHigh[1]++
		}
	}
	// Text in UTF-16 has a zero high byte in every ASCII character (most of a YAML file: keys, spaces, line
	// ends, digits) and almost never a zero low byte.
	switch {
	case 10*zeroHigh[1] >= 3*pairs && 10*zeroHigh[0] <= pairs && validUTF16(s, false):
		return UTF16LE
	case 10*zeroHigh[0] >= 3*pairs && 10*zeroHigh[1] <= pairs && validUTF16(s, true):
		return UTF16BE
	}
	return ""
}

// utf32Pattern: every unit is a code point (at most 0x10FFFF, so its top byte is zero and the next at most
// 0x10), and most are below U+0100 (two more zero bytes), as text in a Latin script is.
func utf32Pattern(s []byte) Encoding {
	s = s[:len(s)/4*4]
	units := len(s) / 4
	for _, be := range []bool{false, true} {
		ok, low := true, 0
		for i := 0; i < len(s); i += 4 {
			b0, b1, b2, b3 := s[i], s[i+1], s[i+2], s[i+3]
			if be {
				b0, b1, b2, b3 = b3, b2, b1, b0
			}
			if b3 != 0 || b2 > 0x10 || (b0 == 0 && b1 == 0 && b2 == 0) {
				ok = false
				break
			}
			if b2 == 0 && b1 == 0 {
				low++
			}
		}
		if ok && 2*low >= units {
			if be {
				return UTF32BE
			}
			return UTF32LE
		}
	}
	return ""
}

// validUTF16 reports whether s is UTF-16 without a zero code unit and with paired surrogates (a unit cut
// off at the end of the sample is fine).
func validUTF16(s []byte, be bool) bool {
	unit := func(i int) uint16 {
		if be {
			return uint16(s[i])<<8 | uint16(s[i+1])
		}
		return uint16(s[i+1])<<8 | uint16(s[i])
	}
	for i := 0; i+1 < len(s); i += 2 {
		u := unit(i)
		switch {
		case u == 0:
			return false
		case u >= 0xd800 && u < 0xdc00:
			if i+3 >= len(s) {
				return true
			}
			if v := unit(i + 2); v < 0xdc00 || v >= 0xe000 {
				return false
			}
			i += 2
		case u >= 0xdc00 && u < 0xe000:
			return false
		}
	}
	return true
}

// vietnamese1258 are the bytes Windows-1258 gives Vietnamese letters and tone marks (Ă ă Đ đ Ơ ơ Ư ư and
// the combining grave, acute, tilde, hook and dot below): Vietnamese text saved as Windows-1258 has them.
var vietnamese1258 = [256]bool{0xc3: true, 0xe3: true, 0xd0: true, 0xf0: true, 0xd5: true, 0xf5: true,
	0xdd: true, 0xfd: true, 0xcc: true, 0xec: true, 0xde: true, 0xd2: true, 0xf2: true}

// codePage recognises text saved in a Windows ANSI code page: not UTF-8 (more invalid bytes than valid
// multi-byte characters), no zero byte, and every byte defined in the code page.
func codePage(data []byte) Encoding {
	invalid, multi, viet := 0, 0, false
	ok1258, ok1252 := true, true
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x80 {
			i++
			continue
		}
		viet = viet || vietnamese1258[c]
		ok1258 = ok1258 && charmap.Windows1258.DecodeByte(c) != utf8.RuneError
		ok1252 = ok1252 && charmap.Windows1252.DecodeByte(c) != utf8.RuneError
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			i++
			continue
		}
		multi++
		i += size
	}
	switch {
	case invalid == 0 || multi >= invalid:
		return ""
	case ok1258 && (viet || !ok1252):
		return Windows1258
	case ok1252:
		return Windows1252
	}
	return ""
}

// EncodingMsg is the finding's sentence for a file saved in e: which encoding, and how to save it as UTF-8.
func EncodingMsg(e Encoding) i18n.Msg {
	switch e {
	case UTF16LE, UTF16BE:
		return i18n.M("win.encoding.utf16", string(e))
	case UTF32LE, UTF32BE:
		return i18n.M("win.encoding.utf32", string(e))
	}
	return i18n.M("win.encoding.ansi", string(e))
}

// foreignEncoding replaces the byte-level finding checkBytes just made (invalid UTF-8, a NUL) with one that
// names the encoding the file was saved in, when raw (the file as read) is recognisably one. Rule yaml,
// error. A UTF-16 or UTF-32 file is wrong from its first byte (1:1); in a code page the finding stays on the
// first letter that is not UTF-8, which is where the clerk sees the file go wrong.
func (f *File) foreignEncoding(raw []byte) {
	e := DetectEncoding(raw)
	if e == "" || len(f.Problems) == 0 {
		return
	}
	last := &f.Problems[len(f.Problems)-1]
	if e != Windows1258 && e != Windows1252 {
		last.Line, last.Column = 1, 1
	}
	last.Msg = EncodingMsg(e)
}
