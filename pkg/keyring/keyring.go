// Package keyring owns the age keys of the people on this PC and the recipients the registry lists: the
// clerk's identity file (made by `coord keys init`, next to the user's settings file, mode 0600), reading the
// `identity` setting (a file, or the key itself), the folder where the denunciations kept off the shared repo
// are sealed on the receiving PC, and the change of an office's recipients in registry/offices.yaml with its
// comments and layout kept. It never prints or returns a secret key in an error.
package keyring

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// IdentityFile is the name of the clerk's identity file in the folder of the user's settings file.
const IdentityFile = "age-identity.txt"

// DefaultPath is where `coord keys init` writes the identity: next to the settings file at configPath.
func DefaultPath(configPath string) string {
	return filepath.Join(filepath.Dir(configPath), IdentityFile)
}

// LocalDir is the folder of this PC where the identities kept off the shared repo are sealed, one binary
// age file per petition: <folder of the settings file>/petitions/<OFFICE>/<id>.age.
func LocalDir(configPath string) string { return filepath.Join(filepath.Dir(configPath), "petitions") }

// LocalPath is a petition's file in LocalDir.
func LocalPath(configPath, office, id string) string {
	return filepath.Join(LocalDir(configPath), office, id+".age")
}

// Identities reads the identities of the `identity` setting: the key itself (AGE-SECRET-KEY-1…), or a file
// holding one key or more (comments allowed, as age-keygen writes). "" gives none and no error: the caller
// says plainly that there is no key. A file that cannot be read or holds no key is an error naming the file.
func Identities(setting string) ([]age.Identity, error) {
	s := strings.TrimSpace(setting)
	if s == "" {
		return nil, nil
	}
	if strings.HasPrefix(strings.ToUpper(s), "AGE-SECRET-KEY-") {
		ids, err := age.ParseIdentities(strings.NewReader(strings.ToUpper(s)))
		if err != nil {
			return nil, i18n.Usagef("keys.bad_inline")
		}
		return ids, nil
	}
	data, err := os.ReadFile(s)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, i18n.Usagef("keys.no_file", s)
		}
		return nil, i18n.Errorf("keys.unreadable", s, err.Error())
	}
	ids, err := age.ParseIdentities(bytes.NewReader(data))
	if err != nil {
		return nil, i18n.Usagef("keys.not_identity", s)
	}
	return ids, nil
}

// Recipients are the public keys of the X25519 identities among ids.
func Recipients(ids []age.Identity) []string {
	var out []string
	for _, id := range ids {
		if x, ok := id.(*age.X25519Identity); ok {
			out = append(out, x.Recipient().String())
		}
	}
	return out
}

// Held are the offices of reg whose recipients include the public key of one of ids: the offices whose
// values the person holding ids can open.
func Held(ids []age.Identity, reg *record.Offices) []string {
	mine := Recipients(ids)
	var out []string
	for _, o := range reg.Offices {
		if slices.ContainsFunc(o.Recipients, func(r string) bool { return slices.Contains(mine, strings.TrimSpace(r)) }) {
			out = append(out, o.Code)
		}
	}
	return out
}

// Generate writes a new X25519 identity into path (mode 0600, its folder made 0700), with a comment naming
// who it is for and when it was made, and returns its public key. An existing file is never overwritten:
// the key in it may be the only one that opens an office's petitions.
func Generate(path, who string, now time.Time) (string, error) {
	if _, err := os.Stat(path); err == nil {
		return "", i18n.Refusef("keys.exists", path, path)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", err
	}
	pub := id.Recipient().String()
	// The file is read by age and by people of either language: its comment says both.
	text := fmt.Sprintf("# coord: khóa bí mật age của %s (%s) — giữ kín, sao lưu an toàn; secret age key, keep it safe\n# created: %s\n# public key: %s\n%s\n",
		who, filepath.Base(path), now.Format(time.RFC3339), pub, id.String())
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", i18n.Errorf("keys.cannot_write", path, err.Error())
	}
	if err := fsutil.WriteAtomic(path, []byte(text), 0o600, true); err != nil {
		return "", i18n.Errorf("keys.cannot_write", path, err.Error())
	}
	_ = os.Chmod(path, 0o600)
	return pub, nil
}

// SetRecipients returns registry/offices.yaml (data) with the recipients of office replaced, everything
// else — comments, order, layout — kept. The office must be in the file.
func SetRecipients(data []byte, office string, recipients []string) ([]byte, error) {
	f := record.Decode("registry/offices.yaml", data, nil)
	if f.Root == nil {
		return nil, i18n.Refusef("keys.registry_unreadable")
	}
	offices := record.ValueOf(f.Root, "offices")
	if offices == nil || offices.Kind != yaml.SequenceNode {
		return nil, i18n.Refusef("keys.registry_unreadable")
	}
	for _, o := range offices.Content {
		code := record.ValueOf(o, "code")
		if o.Kind != yaml.MappingNode || code == nil || code.Value != office {
			continue
		}
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, r := range recipients {
			list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: r})
		}
		if old := record.ValueOf(o, "recipients"); old != nil {
			list.LineComment, list.HeadComment, list.FootComment = old.LineComment, old.HeadComment, old.FootComment
			*old = *list
		} else {
			o.Content = append(o.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "recipients"}, list)
		}
		return record.Encode(f.Doc)
	}
	return nil, i18n.Usagef("keys.unknown_office", office)
}
