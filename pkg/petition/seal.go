package petition

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"sort"
	"strings"

	"filippo.io/age"
)

// ErrNoKey: none of the identities given opens the value — it was sealed to other recipients. It says
// nothing about the value being damaged.
var ErrNoKey = errors.New("no identity opens the sealed value")

// ErrNotOnPC: a denunciation's identity kept off the shared repo (secrecy local) is not on this PC: it is
// on the PC that received it.
var ErrNotOnPC = errors.New("the identity is kept on the receiving PC")

// ParseRecipient reads an office's age recipient as registry/offices.yaml lists it (age1…, X25519).
func ParseRecipient(s string) (*age.X25519Recipient, error) {
	r, err := age.ParseX25519Recipient(strings.TrimSpace(s))
	if err != nil {
		return nil, fail(Recipient, "not an age X25519 recipient (age1…)")
	}
	return r, nil
}

// SealBytes encrypts plain with age to every recipient (a binary age file). Recipients are taken once each;
// none is an error: a value nobody can read is lost.
func SealBytes(plain []byte, recipients []string) ([]byte, error) {
	var rs []age.Recipient
	seen := map[string]bool{}
	for _, s := range recipients {
		s = strings.TrimSpace(s)
		if seen[s] {
			continue
		}
		seen[s] = true
		r, err := ParseRecipient(s)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return nil, fail(NoRecipient, "no recipient to seal to")
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, rs...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Seal encrypts plain to the recipients and writes it as a record's field value, ENC[age,<base64>].
func Seal(plain []byte, recipients []string) (string, error) {
	data, err := SealBytes(plain, recipients)
	if err != nil {
		return "", err
	}
	return sealedPrefix + base64.StdEncoding.EncodeToString(data) + sealedSuffix, nil
}

// OpenBytes decrypts a binary age file with the first of ids that opens it. The file is parsed first
// (ParseAge), so a damaged header is said as such; ErrNoKey when no identity matches; a payload that does
// not decrypt (cut short, altered) is an *Error of problem Damaged.
func OpenBytes(data []byte, ids []age.Identity) ([]byte, error) {
	if _, err := ParseAge(data); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, ErrNoKey
	}
	r, err := age.Decrypt(bytes.NewReader(data), ids...)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return nil, ErrNoKey
		}
		return nil, fail(Damaged, "the age header does not decrypt")
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		return nil, fail(Damaged, "the encrypted data is cut short or altered")
	}
	return plain, nil
}

// Open decrypts a sealed field value (ENC[age,…]) with ids: a malformed value is ParseSealed's *Error,
// then as OpenBytes.
func Open(value string, ids []age.Identity) ([]byte, error) {
	if _, err := ParseSealed(value); err != nil {
		return nil, err
	}
	data, _ := base64.StdEncoding.DecodeString(value[len(sealedPrefix) : len(value)-len(sealedSuffix)])
	return OpenBytes(data, ids)
}

// SortedUnique is recipients without blanks and repeats, sorted: the set a value is sealed to.
func SortedUnique(recipients []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range recipients {
		r = strings.TrimSpace(r)
		if r != "" && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}
