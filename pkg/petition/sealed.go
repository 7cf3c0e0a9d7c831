// Package petition owns what a petition record must keep secret and how to tell that it does: an identity
// field is sealed with age (`ENC[age,<base64 of the binary age file>]`) and a petition's free text holds no
// citizen ID or phone number. Recognising needs no key (CI has none); sealing and opening (seal.go) take the
// keys given, and the blind index (identity.go) links one person's petitions without decrypting them. It
// never formats a secret it finds into an error — callers say where it is, not what it is.
package petition

import (
	"bytes"
	"encoding/base64"
	"fmt"
)

// The form of a sealed value in a record: ENC[age,<standard padded base64 of a binary age file>].
const (
	sealedPrefix = "ENC[age,"
	sealedSuffix = "]"
)

// The age v1 format (https://age-encryption.org/v1), as filippo.io/age writes and reads it.
const (
	ageIntro        = "age-encryption.org/v1\n"
	ageBytesPerLine = 48      // a stanza body line is 64 base64 columns; a shorter line ends the body
	ageMaxHeader    = 2 << 20 // filippo.io/age refuses longer headers
	ageMaxStanzas   = 1024
	ageMaxArgs      = 129 // the type and 128 arguments, as filippo.io/age counts them
	ageMinPayload   = 16 + 16
	ageMACBytes     = 32
	x25519KeyBytes  = 32
)

// Problem is why a value is not a well-formed sealed identity.
type Problem int

const (
	// Empty: the field holds nothing.
	Empty Problem = iota + 1
	// Plain: the value is not written ENC[age,…] at all: text as typed.
	Plain
	// Base64: between ENC[age, and ] is not standard padded base64.
	Base64
	// NotAge: the content decodes, but is not an age file (it lacks the age header line): a fake, such as
	// the base64 of the plain text.
	NotAge
	// Header: the age header is malformed (a stanza line, a stanza body or the MAC line).
	Header
	// NoRecipient: the header has no recipient stanza.
	NoRecipient
	// Recipient: a recipient stanza of a known type has the wrong shape (an X25519 stanza's share or body).
	Recipient
	// Payload: nothing, or too little to be encrypted data, follows the header.
	Payload
	// Damaged: the value is well formed but does not decrypt with a key it was sealed to: its header or its
	// encrypted data was altered or cut short. Only a key holder can tell (OpenBytes).
	Damaged
)

// Error is a value that is not a well-formed sealed identity: the problem and, for logs and tests, a
// description that never quotes the value.
type Error struct {
	Problem Problem
	Detail  string
}

func (e *Error) Error() string { return e.Detail }

func fail(p Problem, format string, args ...any) *Error {
	return &Error{Problem: p, Detail: fmt.Sprintf(format, args...)}
}

// Stanza is one recipient stanza of an age header.
type Stanza struct {
	Type string
	Args []string
	Body []byte
}

// AgeFile is the parsed header of a binary age file.
type AgeFile struct {
	Stanzas []Stanza
	MAC     []byte
	// HeaderLen is the length of the header, the MAC line included; the encrypted payload follows.
	HeaderLen  int
	PayloadLen int
}

// ParseSealed parses a sealed field value: ENC[age,<base64>] whose content is an age file with at least one
// recipient stanza and a payload. It needs no key; it says that the value is ciphertext in age's format,
// not who can read it. Malformed input is an *Error, never a panic.
func ParseSealed(v string) (*AgeFile, error) {
	if v == "" {
		return nil, fail(Empty, "empty value")
	}
	if len(v) < len(sealedPrefix)+len(sealedSuffix) || v[:len(sealedPrefix)] != sealedPrefix || v[len(v)-1:] != sealedSuffix {
		return nil, fail(Plain, "not written ENC[age,…]")
	}
	inner := v[len(sealedPrefix) : len(v)-len(sealedSuffix)]
	data, err := base64.StdEncoding.Strict().DecodeString(inner)
	// DecodeString skips CR and LF; a sealed value is one line.
	if err != nil || bytes.ContainsAny([]byte(inner), "\r\n") || len(data) == 0 {
		return nil, fail(Base64, "the content is not standard padded base64")
	}
	return ParseAge(data)
}

// ParseAge parses the header of a binary age file (age v1, not armored) and checks that encrypted data
// follows it. It is as strict as filippo.io/age's own parser (a header this accepts, age accepts, with the
// same bytes; FuzzParseAge holds the two to it), and stricter about two things age checks only with a key:
// an X25519 stanza has one 32-byte share and a 32-byte body, and a payload follows the header.
func ParseAge(data []byte) (*AgeFile, error) {
	if !bytes.HasPrefix(data, []byte(ageIntro)) {
		return nil, fail(NotAge, "no age header line")
	}
	f := &AgeFile{}
	pos := len(ageIntro)
	line := func() ([]byte, bool) {
		i := bytes.IndexByte(data[pos:], '\n')
		if i < 0 || pos+i+1 > ageMaxHeader {
			return nil, false
		}
		l := data[pos : pos+i]
		pos += i + 1
		return l, true
	}
	for {
		if len(data)-pos < 3 {
			return nil, fail(Header, "the header ends before its MAC line")
		}
		if bytes.HasPrefix(data[pos:], []byte("---")) {
			l, ok := line()
			if !ok {
				return nil, fail(Header, "unterminated MAC line")
			}
			prefix, args, ok := splitArgs(l)
			if !ok || prefix != "---" || len(args) != 1 {
				return nil, fail(Header, "malformed MAC line")
			}
			mac, err := decodeB64(args[0])
			if err != nil || len(mac) != ageMACBytes {
				return nil, fail(Header, "malformed MAC")
			}
			f.MAC = mac
			break
		}
		if len(f.Stanzas) == ageMaxStanzas {
			return nil, fail(Header, "more than %d recipient stanzas", ageMaxStanzas)
		}
		s, err := readStanza(line)
		if err != nil {
			return nil, err
		}
		f.Stanzas = append(f.Stanzas, s)
	}
	if len(f.Stanzas) == 0 {
		return nil, fail(NoRecipient, "no recipient stanza")
	}
	for i, s := range f.Stanzas {
		if s.Type == "X25519" {
			share, err := decodeB64(firstArg(s.Args))
			if len(s.Args) != 1 || err != nil || len(share) != x25519KeyBytes || len(s.Body) != x25519KeyBytes {
				return nil, fail(Recipient, "X25519 stanza %d has the wrong shape", i+1)
			}
		}
	}
	f.HeaderLen = pos
	f.PayloadLen = len(data) - pos
	if f.PayloadLen < ageMinPayload {
		return nil, fail(Payload, "%d bytes of payload, at least %d expected", f.PayloadLen, ageMinPayload)
	}
	return f, nil
}

func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// readStanza reads one stanza: "-> TYPE ARG…", then body lines of base64 of 48 bytes each, ended by a
// shorter one (possibly empty).
func readStanza(line func() ([]byte, bool)) (Stanza, error) {
	l, ok := line()
	if !ok {
		return Stanza{}, fail(Header, "unterminated stanza line")
	}
	prefix, args, ok := splitArgs(l)
	if !ok || prefix != "->" || len(args) < 1 {
		return Stanza{}, fail(Header, "malformed stanza line")
	}
	s := Stanza{Type: args[0], Args: args[1:]}
	for {
		b, ok := line()
		if !ok {
			return Stanza{}, fail(Header, "unterminated stanza body")
		}
		chunk, err := decodeB64(string(b))
		if err != nil || len(chunk) > ageBytesPerLine {
			return Stanza{}, fail(Header, "malformed stanza body")
		}
		s.Body = append(s.Body, chunk...)
		if len(chunk) < ageBytesPerLine {
			return s, nil
		}
	}
}

// splitArgs splits "PREFIX ARG ARG…" on single spaces; every argument is printable ASCII without spaces.
// ok is false for a line age would not split (an empty or non-printable argument, too many arguments).
func splitArgs(l []byte) (prefix string, args []string, ok bool) {
	i := bytes.IndexByte(l, ' ')
	if i < 0 {
		return string(l), nil, true
	}
	prefix = string(l[:i])
	for _, a := range bytes.Split(l[i+1:], []byte(" ")) {
		if !printable(a) || len(args) == ageMaxArgs {
			return "", nil, false
		}
		args = append(args, string(a))
	}
	return prefix, args, true
}

func printable(a []byte) bool {
	if len(a) == 0 {
		return false
	}
	for _, c := range a {
		if c < 33 || c > 126 {
			return false
		}
	}
	return true
}

var rawB64 = base64.RawStdEncoding.Strict()

// decodeB64 is age's base64: standard alphabet, no padding, canonical, one line.
func decodeB64(s string) ([]byte, error) {
	if bytes.ContainsAny([]byte(s), "\r\n") {
		return nil, fmt.Errorf("newline in base64")
	}
	return rawB64.DecodeString(s)
}
