package authz

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"

	"github.com/ProtonMail/go-crypto/openpgp"
	"golang.org/x/crypto/ssh"
)

// Errors of Verify.
var (
	ErrUnsigned  = errors.New("the commit is not signed")
	ErrNoKey     = errors.New("the registry lists no key for the author")
	ErrBadSig    = errors.New("the signature is not valid for any of the author's keys")
	ErrMalformed = errors.New("the signature cannot be read")
)

// Verify checks a commit's signature (git's gpgsig header: OpenPGP, or SSH as `git -c gpg.format=ssh`
// writes it) over payload (the commit without the signature) against the author's keys from the registry:
// SSH public keys ("ssh-ed25519 AAAA… comment") and armored OpenPGP public keys.
func Verify(signature string, payload []byte, keys []string) error {
	signature = strings.TrimSpace(signature)
	if signature == "" {
		return ErrUnsigned
	}
	if len(keys) == 0 {
		return ErrNoKey
	}
	if strings.HasPrefix(signature, "-----BEGIN SSH SIGNATURE-----") {
		return verifySSH(signature, payload, keys)
	}
	if strings.HasPrefix(signature, "-----BEGIN PGP SIGNATURE-----") {
		return verifyPGP(signature, payload, keys)
	}
	return ErrMalformed
}

func verifyPGP(signature string, payload []byte, keys []string) error {
	var ring openpgp.EntityList
	for _, k := range keys {
		if !strings.Contains(k, "BEGIN PGP PUBLIC KEY BLOCK") {
			continue
		}
		el, err := openpgp.ReadArmoredKeyRing(strings.NewReader(k))
		if err != nil {
			continue
		}
		ring = append(ring, el...)
	}
	if len(ring) == 0 {
		return ErrNoKey
	}
	if _, err := openpgp.CheckArmoredDetachedSignature(ring, bytes.NewReader(payload), strings.NewReader(signature), nil); err != nil {
		return ErrBadSig
	}
	return nil
}

// sshsig is the blob of an SSH signature (OpenSSH PROTOCOL.sshsig).
type sshsig struct {
	Version   uint32
	PublicKey []byte
	Namespace string
	Reserved  []byte
	HashAlg   string
	Signature []byte
}

func verifySSH(armored string, payload []byte, keys []string) error {
	body := strings.TrimSpace(armored)
	body = strings.TrimPrefix(body, "-----BEGIN SSH SIGNATURE-----")
	body = strings.TrimSuffix(body, "-----END SSH SIGNATURE-----")
	raw, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(body), ""))
	if err != nil || !bytes.HasPrefix(raw, []byte("SSHSIG")) {
		return ErrMalformed
	}
	var sig sshsig
	if err := ssh.Unmarshal(raw[6:], &sig); err != nil || sig.Version != 1 || sig.Namespace != "git" {
		return ErrMalformed
	}
	pub, err := ssh.ParsePublicKey(sig.PublicKey)
	if err != nil {
		return ErrMalformed
	}
	known := false
	for _, k := range keys {
		if ak, _, _, _, err := ssh.ParseAuthorizedKey([]byte(k)); err == nil && bytes.Equal(ak.Marshal(), pub.Marshal()) {
			known = true
			break
		}
	}
	if !known {
		return ErrBadSig
	}
	var digest []byte
	switch sig.HashAlg {
	case "sha512":
		h := sha512.Sum512(payload)
		digest = h[:]
	case "sha256":
		h := sha256.Sum256(payload)
		digest = h[:]
	default:
		return ErrMalformed
	}
	var inner ssh.Signature
	if err := ssh.Unmarshal(sig.Signature, &inner); err != nil {
		return ErrMalformed
	}
	signed := append([]byte("SSHSIG"), sshString([]byte(sig.Namespace))...)
	signed = append(signed, sshString(sig.Reserved)...)
	signed = append(signed, sshString([]byte(sig.HashAlg))...)
	signed = append(signed, sshString(digest)...)
	if err := pub.Verify(signed, &inner); err != nil {
		return ErrBadSig
	}
	return nil
}

func sshString(b []byte) []byte {
	out := make([]byte, 4, 4+len(b))
	binary.BigEndian.PutUint32(out, uint32(len(b)))
	return append(out, b...)
}
