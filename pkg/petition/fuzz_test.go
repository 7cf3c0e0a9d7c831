package petition

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"unicode"

	"filippo.io/age"
	"golang.org/x/text/unicode/norm"
)

// FuzzParseAge holds the header parser to filippo.io/age's own (age.ExtractHeader parses a header the way
// age.Decrypt does, without a key): a header ParseAge accepts, age accepts, and it is the same bytes; a file
// age accepts is refused by ParseAge only for what age checks with a key (an X25519 stanza's shape) or for a
// missing payload. ParseSealed of the same bytes in ENC[age,…] agrees with ParseAge. Nothing panics.
func FuzzParseAge(f *testing.F) {
	f.Add([]byte(ageIntro))
	f.Add([]byte(ageIntro + "-> X25519 " + strings.Repeat("A", 43) + "\n" + strings.Repeat("A", 43) + "\n--- " + strings.Repeat("A", 43) + "\n" + strings.Repeat("x", 32)))
	f.Add([]byte(ageIntro + "-> scrypt c2FsdA 18\n\n--- " + strings.Repeat("A", 43) + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseAge(data)
		hdr, aerr := age.ExtractHeader(bytes.NewReader(data))
		if err == nil {
			if aerr != nil {
				t.Fatalf("ParseAge accepts a header age refuses: %v", aerr)
			}
			if !bytes.Equal(hdr, data[:got.HeaderLen]) {
				t.Fatalf("ParseAge's header is not age's:\n%q\n%q", data[:got.HeaderLen], hdr)
			}
			if got.HeaderLen+got.PayloadLen != len(data) || len(got.Stanzas) == 0 || got.PayloadLen < ageMinPayload {
				t.Fatalf("inconsistent result %+v for %d bytes", got, len(data))
			}
		} else if aerr == nil {
			if p := problemOf(err); p != Recipient && p != Payload {
				t.Fatalf("age accepts a header ParseAge refuses (%v)", err)
			}
		}
		if len(data) > 0 {
			_, serr := ParseSealed("ENC[age," + base64.StdEncoding.EncodeToString(data) + "]")
			if problemOf(serr) != problemOf(err) {
				t.Fatalf("ParseSealed says %v, ParseAge %v", serr, err)
			}
		}
	})
}

// FuzzParseSealed: any field value is either a well-formed sealed value or an *Error naming its problem,
// never a panic, and an error never quotes the value or a number in it.
func FuzzParseSealed(f *testing.F) {
	f.Add("")
	f.Add("Hà Thị Mến, CCCD 075184009921")
	f.Add("ENC[age,YWdlLWVuY3J5cHRpb24ub3JnL3YxCg==]")
	f.Add("ENC[age,]")
	f.Add("ENC[age,=]")
	f.Fuzz(func(t *testing.T, v string) {
		got, err := ParseSealed(v)
		if err == nil {
			if !strings.HasPrefix(v, sealedPrefix) || !strings.HasSuffix(v, sealedSuffix) || len(got.Stanzas) == 0 {
				t.Fatalf("accepted %q as %+v", v, got)
			}
			return
		}
		if problemOf(err) == 0 {
			t.Fatalf("an error without a problem: %v", err)
		}
		for _, n := range FindNumbers(v) {
			if strings.Contains(err.Error(), v[n.Start:n.End]) {
				t.Fatalf("the error quotes a number of the value: %v", err)
			}
		}
		if len(v) > 40 && strings.Contains(err.Error(), v) {
			t.Fatalf("the error quotes the value: %v", err)
		}
	})
}

// FuzzFindNumbers: never a panic; the numbers found are in order, do not overlap, lie on rune boundaries,
// have the digits their kind says, and are found again when written alone.
func FuzzFindNumbers(f *testing.F) {
	f.Add("Hà Thị Mến, CCCD 075184009921, điện thoại 0934 112 908")
	f.Add("+84 934 112 908; 84934112908; 0251 3822 123")
	f.Add("bồi thường 150.000.000 đồng; VPUBND-2026-000123; 3011/QĐ-UBND")
	f.Add("bi1:4230cf5dadbbc97f94ce7671c8855c4b89a1269890c95f7a582e59fa84a9ae31")
	f.Add("0934112908-0934112909")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, n := range FindNumbers(s) {
			if n.Start < prev || n.End <= n.Start || n.End > len(s) {
				t.Fatalf("bad span %+v (previous end %d) in %q", n, prev, s)
			}
			prev = n.End
			text := s[n.Start:n.End]
			digits := 0
			for i := 0; i < len(text); i++ {
				if isDigit(text[i]) {
					digits++
				}
			}
			switch {
			case n.Kind == IDNumber && digits != 9 && digits != 12,
				n.Kind == PhoneNumber && (digits < 10 || digits > 12),
				n.Kind != IDNumber && n.Kind != PhoneNumber:
				t.Fatalf("%q found as kind %d with %d digits", text, n.Kind, digits)
			}
			again := FindNumbers(" " + text + " ")
			if len(again) != 1 || again[0].Kind != n.Kind {
				t.Fatalf("%q alone is found as %+v", text, again)
			}
		}
	})
}

// FuzzNormalName holds the identity normaliser of the blind index to what duplicate detection relies on:
// never a panic; idempotent; the same for a name in NFC or NFD and in lower or upper case (ASCII); no
// combining mark, no đ, no space at either end or twice in a row. IndexInput of any identity either says
// there is nothing to index or is the normal name, "|", and digits (or "tel:" and digits).
func FuzzNormalName(f *testing.F) {
	f.Add("Lương Văn Thịnh", "075 079 003 412", "0918 204 377")
	f.Add("LUONG  VAN THINH", "", "+84 918 204 377")
	f.Add("  đặng\tthị thuỷ ", "075.190.001.234", "")
	f.Add("\xff\xfe", "12a", "+")
	f.Fuzz(func(t *testing.T, name, idNumber, phone string) {
		n := NormalName(name)
		if NormalName(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", name, n, NormalName(n))
		}
		if NormalName(norm.NFD.String(name)) != NormalName(norm.NFC.String(name)) {
			t.Fatalf("NFC and NFD differ for %q", name)
		}
		if isASCII(name) && NormalName(strings.ToUpper(name)) != n {
			t.Fatalf("case matters for %q", name)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") || strings.ContainsAny(n, "đĐ\t\n") {
			t.Fatalf("%q -> %q", name, n)
		}
		for _, r := range n {
			if unicode.Is(unicode.Mn, r) {
				t.Fatalf("%q keeps a combining mark: %q", name, n)
			}
		}
		in, ok := IndexInput(Identity{Name: name, IDNumber: idNumber, Phone: phone})
		if !ok {
			return
		}
		nm, rest, found := strings.Cut(in, "|")
		rest = strings.TrimPrefix(rest, "tel:")
		if !found || nm != n || nm == "" || rest == "" || Digits(rest) != rest {
			t.Fatalf("IndexInput(%q, %q, %q) = %q", name, idNumber, phone, in)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// FuzzParseIdentity: any decrypted plaintext is an identity or an *Error, never a panic, and the error never
// quotes it: every error is the same sentence, whatever the plaintext (a test that the error does not
// contain the plaintext failed on "id_number", a word of that fixed sentence).
func FuzzParseIdentity(f *testing.F) {
	f.Add([]byte(hoaPlain))
	f.Add([]byte("name: [a"))
	f.Add([]byte("{name: x, extra: 1}"))
	_, fixed := ParseIdentity([]byte("["))
	if fixed == nil {
		f.Fatal(`ParseIdentity("[") read an identity`)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := ParseIdentity(b)
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("ParseIdentity(%q): %T, not an *Error", b, err)
		}
		if err.Error() != fixed.Error() {
			t.Fatalf("the error depends on the plaintext: %v", err)
		}
	})
}

const hoaPlain = "name: \"Trần Thị Hoà\"\nid_number: \"075190001234\"\naddress: \"ấp Bàu Cá\"\nphone: \"0909 123 456\"\n"
