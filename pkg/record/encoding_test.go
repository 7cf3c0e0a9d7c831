package record

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"
)

const vnRecord = "kind: programme\noffice: VPUBND\nperiod: 2026-Q3\nitems:\n  - id: hop-ubnd\n    title: Hội nghị triển khai nhiệm vụ quý IV của Ủy ban nhân dân tỉnh Đồng Nai\n"

func encodeWith(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// to1258 writes Vietnamese text as Notepad does on a Vietnamese Windows: Windows-1258 has the base letters
// â ê ô ơ ư ă đ precomposed and the five tone marks as combining characters.
func to1258(s string) []byte {
	tones := map[rune]byte{0x300: 0xcc, 0x301: 0xec, 0x303: 0xde, 0x309: 0xd2, 0x323: 0xf2}
	base := map[rune]byte{'Ă': 0xc3, 'ă': 0xe3, 'Â': 0xc2, 'â': 0xe2, 'Ê': 0xca, 'ê': 0xea, 'Ô': 0xd4, 'ô': 0xf4,
		'Ơ': 0xd5, 'ơ': 0xf5, 'Ư': 0xdd, 'ư': 0xfd, 'Đ': 0xd0, 'đ': 0xf0}
	var out []byte
	for _, r := range norm.NFD.String(s) {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case tones[r] != 0:
			out = append(out, tones[r])
		default:
			// a base letter's own mark (circumflex, breve, horn) composes with the letter before it
			prev := utf8.RuneError
			if len(out) > 0 {
				prev = rune(out[len(out)-1])
			}
			if c := []rune(norm.NFC.String(string(prev) + string(r))); len(c) == 1 && base[c[0]] != 0 {
				out[len(out)-1] = base[c[0]]
			} else if base[r] != 0 {
				out = append(out, base[r])
			}
		}
	}
	return out
}

func TestDetectEncoding(t *testing.T) {
	u16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	u16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	for _, c := range []struct {
		name string
		data []byte
		want Encoding
	}{
		{"UTF-8", []byte(vnRecord), ""},
		{"UTF-8 with BOM", append([]byte("\xef\xbb\xbf"), vnRecord...), ""},
		{"PowerShell 5.1's >: UTF-16 LE with BOM", append([]byte{0xff, 0xfe}, encodeWith(t, u16le, vnRecord)...), UTF16LE},
		{"UTF-16 BE with BOM", append([]byte{0xfe, 0xff}, encodeWith(t, u16be, vnRecord)...), UTF16BE},
		{"UTF-16 LE without BOM", encodeWith(t, u16le, vnRecord), UTF16LE},
		{"UTF-16 BE without BOM", encodeWith(t, u16be, vnRecord), UTF16BE},
		{"UTF-32 LE with BOM", encodeWith(t, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), vnRecord), UTF32LE},
		{"UTF-32 BE with BOM", encodeWith(t, utf32.UTF32(utf32.BigEndian, utf32.UseBOM), vnRecord), UTF32BE},
		{"UTF-32 LE without BOM", encodeWith(t, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), vnRecord), UTF32LE},
		{"UTF-32 BE without BOM", encodeWith(t, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), vnRecord), UTF32BE},
		{"Notepad's ANSI on a Vietnamese Windows", to1258(vnRecord), Windows1258},
		{"Windows-1252 (an English Windows): curly quotes and é", []byte("title: \x93Caf\xe9\x94 \x96 r\xe9union\n"), Windows1252},
		{"UTF-8 with one stray byte", []byte(vnRecord + "note: \x93\n"), ""},
		{"binary with NULs", []byte("kind\x00\x00\x00\x00\xff\x00\x01"), ""},
		{"a byte no code page defines", []byte("title: a\x81b\x8dc\n"), ""},
		{"empty", nil, ""},
	} {
		if got := DetectEncoding(c.data); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// The finding names the encoding and says how to save as UTF-8, in Vietnamese first; nothing is converted
// (no value is decoded from the file).
func TestDecodeNamesTheEncoding(t *testing.T) {
	u16 := append([]byte{0xff, 0xfe}, encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), vnRecord)...)
	f := Decode("programmes/2026/Q3/VPUBND.yaml", u16, nil)
	if len(f.Problems) != 1 || f.Value != nil || f.Problems[0].Rule != "yaml" || f.Problems[0].Line != 1 {
		t.Fatalf("UTF-16: %+v", f.Problems)
	}
	vi := f.Problems[0].Msg.Render(i18n.VI)
	if !strings.HasPrefix(vi, "tệp được lưu theo mã UTF-16 LE; hãy lưu lại theo UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8)") {
		t.Errorf("UTF-16 in Vietnamese: %q", vi)
	}
	f = Decode("programmes/2026/Q3/VPUBND.yaml", to1258(vnRecord), nil)
	if len(f.Problems) != 1 || f.Problems[0].Line != 6 || !strings.Contains(f.Problems[0].Msg.Render(i18n.VI), "tệp được lưu theo mã Windows-1258 (bảng mã ANSI của Windows)") {
		t.Errorf("Windows-1258: %+v", f.Problems)
	}
}

// FuzzDetectEncoding: never panics; UTF-8 is never called another encoding; a code page is named only for
// bytes that are not UTF-8 and hold no zero byte; text written in UTF-16 or UTF-32 (with a byte order mark,
// or — for printable ASCII — without one) is named as such, and Decode's finding says it.
func FuzzDetectEncoding(f *testing.F) {
	f.Add([]byte(vnRecord))
	f.Add(to1258(vnRecord))
	f.Add([]byte("\xff\xfek\x00i\x00"))
	f.Add([]byte("title: \x93x\x94\n"))
	f.Add([]byte{0, 0, 0xfe, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		got := DetectEncoding(data)
		noZero := bytes.IndexByte(data, 0) < 0
		if noZero && utf8.Valid(data) && got != "" && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
			t.Fatalf("UTF-8 %q called %s", data, got)
		}
		if (got == Windows1258 || got == Windows1252) && (utf8.Valid(data) || !noZero) {
			t.Fatalf("%q called %s", data, got)
		}
		_ = Decode("x.yaml", data, nil)

		s := strings.ReplaceAll(strings.ToValidUTF8(string(data), ""), "\x00", "")
		if s == "" {
			return
		}
		for _, c := range []struct {
			e    encoding.Encoding
			want Encoding
		}{
			{unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), UTF16LE},
			{unicode.UTF16(unicode.BigEndian, unicode.UseBOM), UTF16BE},
			{utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), UTF32LE},
			{utf32.UTF32(utf32.BigEndian, utf32.UseBOM), UTF32BE},
		} {
			b := encodeWith(t, c.e, s)
			if got := DetectEncoding(b); got != c.want {
				t.Fatalf("%q as %s with a BOM: %q", s, c.want, got)
			}
			if d := Decode("x.yaml", b, nil); len(d.Problems) == 0 || !strings.Contains(d.Problems[len(d.Problems)-1].Msg.Render(i18n.EN), string(c.want)) {
				t.Fatalf("%q as %s: Decode said %+v", s, c.want, d.Problems)
			}
		}
		ascii := strings.Map(func(r rune) rune {
			if r >= 0x20 && r < 0x7f || r == '\n' || r == '\t' {
				return r
			}
			return -1
		}, s)
		if strings.Trim(ascii, "\n\t") == "" {
			return
		}
		for _, c := range []struct {
			e    encoding.Encoding
			want Encoding
		}{
			{unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), UTF16LE},
			{unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), UTF16BE},
			{utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), UTF32LE},
			{utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), UTF32BE},
		} {
			if got := DetectEncoding(encodeWith(t, c.e, ascii)); got != c.want {
				t.Fatalf("%q as %s without a BOM: %q", ascii, c.want, got)
			}
		}
	})
}
