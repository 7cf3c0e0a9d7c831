package petition

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/coordvn/coord/pkg/vntext"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// Identity is a petitioner's identity, the plaintext of a sealed `petitioner` value: the YAML mapping
// {name, id_number, address, phone}. It lives in memory only, for as long as a command needs it: never in a
// finding, an error or a log.
type Identity struct {
	Name     string `yaml:"name"`
	IDNumber string `yaml:"id_number"`
	Address  string `yaml:"address"`
	Phone    string `yaml:"phone"`
}

// Marshal is the plaintext coord seals: the mapping, one field a line as the example province's are, NFC,
// every value a quoted string (an ID number keeps its leading zero).
func (id Identity) Marshal() []byte {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, kv := range [][2]string{{"name", id.Name}, {"id_number", id.IDNumber}, {"address", id.Address}, {"phone", id.Phone}} {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: kv[0]},
			&yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: norm.NFC.String(strings.TrimSpace(kv[1]))})
	}
	out, err := yaml.Marshal(n)
	if err != nil { // a mapping of four strings always encodes
		return nil
	}
	return out
}

// ParseIdentity reads a decrypted plaintext: a YAML mapping of the four fields, each a scalar. Unknown
// fields are refused, so that a plaintext from another tool is not half read. The error never quotes the
// plaintext.
func ParseIdentity(plain []byte) (Identity, error) {
	var id Identity
	dec := yaml.NewDecoder(bytes.NewReader(plain))
	dec.KnownFields(true)
	if err := dec.Decode(&id); err != nil {
		return Identity{}, fail(Plain, "the decrypted identity is not the mapping {name, id_number, address, phone}")
	}
	return id, nil
}

// IndexPrefix starts every blind index of this scheme (version 1). A change of the normalisation below
// would be a new scheme with a new prefix: the indexes already written must stay comparable.
const IndexPrefix = "bi1:"

// NormalName is a name as the blind index reads it: vntext.Fold (diacritics and tone marks dropped,
// wherever they were placed, đ/Đ as d, lower case), every run of white space (and "|", the
// separator of IndexInput) one space, trimmed.
// "LUONG  VAN THINH" and "Lương Văn Thịnh" are the same name. It is frozen for bi1 (the example province's
// indexes were computed with it; TestExampleIndexesCompatible recomputes them): it deliberately keeps
// punctuation, unlike vntext.Key, whose collapsing may change for matching's sake without breaking a stored
// index; the folding itself is theirs in common.
func NormalName(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(vntext.Fold(s), "|", " ")), " ")
}

// Digits keeps the ASCII digits of s: an ID number written "075 184 009 921" or "075.184.009.921" is
// 075184009921.
func Digits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// normalPhone is a phone number's digits with the country code written as the leading 0 (+84 934 112 908 is
// 0934112908).
func normalPhone(s string) string {
	d := Digits(s)
	if strings.HasPrefix(d, "84") && len(d) >= 11 && !strings.HasPrefix(strings.TrimSpace(s), "0") {
		d = "0" + d[2:]
	}
	return d
}

// IndexInput is what the blind index hashes: the normal name, "|", and the ID number's digits — or, for a
// petitioner who gave no ID number, "tel:" and the phone's digits. ok is false when there is neither a name
// nor an ID number or phone: such a petition gets no index (a name alone would link every namesake).
func IndexInput(id Identity) (string, bool) {
	name := NormalName(id.Name)
	if name == "" {
		return "", false
	}
	if d := Digits(id.IDNumber); d != "" {
		return name + "|" + d, true
	}
	if p := normalPhone(id.Phone); p != "" {
		return name + "|tel:" + p, true
	}
	return "", false
}

// BlindIndex is the petitioner_index of id under the shared key: "bi1:" and the lowercase hex of
// HMAC-SHA256(key, IndexInput). ok is false when the identity has nothing to index.
func BlindIndex(key []byte, id Identity) (string, bool) {
	in, ok := IndexInput(id)
	if !ok {
		return "", false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(in))
	return IndexPrefix + hex.EncodeToString(mac.Sum(nil)), true
}
