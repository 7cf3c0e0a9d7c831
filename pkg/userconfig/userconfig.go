// Package userconfig owns the user's settings file (config.yaml): where it is (COORD_CONFIG, else the
// user's configuration folder), the keys coord knows, reading it with one sentence for each problem (a file
// that cannot be read or parsed, a key coord does not know, with a "did you mean"), checking a value where
// that is cheap, and changing one key at a time without losing the comments, the order or the keys it does
// not know. A clerk on Windows sets office, name and email with `coord config set` and never touches
// environment variables. It writes the file atomically with mode 0600 (it may hold a token). It knows
// nothing of viper or cobra; the root command merges what it read under flags and COORD_* variables.
package userconfig

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/vntext"
	"go.yaml.in/yaml/v3"
)

// EnvVar names the file to use instead of the default one.
const EnvVar = "COORD_CONFIG"

// Keys are the settings the file may hold, in the order `coord config list` shows them.
var Keys = []string{"repo", "office", "name", "email", "remote", "branch", "token", "ssh_key", "ca_file", "ssh_trust", "identity", "lang"}

// Env is the environment variable that overrides key (COORD_OFFICE; identity is COORD_AGE_IDENTITY).
func Env(key string) string {
	if key == "identity" {
		return "COORD_AGE_IDENTITY"
	}
	return "COORD_" + strings.ToUpper(key)
}

// Path is the settings file: COORD_CONFIG when set (fromEnv), else config.yaml in coord's folder of the
// user's configuration folder (~/.config/coord on Linux, XDG_CONFIG_HOME honoured; %AppData%\coord on
// Windows; ~/Library/Application Support/coord on macOS). "" when neither can be found.
func Path(getenv func(string) string) (path string, fromEnv bool) {
	if p := getenv(EnvVar); p != "" {
		return p, true
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", false
	}
	return filepath.Join(dir, "coord", "config.yaml"), false
}

// Canonical reads a key as a user may type it — office, OFFICE, COORD_OFFICE, ssh-key, COORD_AGE_IDENTITY —
// and returns coord's name for it; ok is false for a key coord does not know.
func Canonical(key string) (string, bool) {
	k := strings.ToLower(strings.TrimSpace(key))
	k = strings.ReplaceAll(k, "-", "_")
	k = strings.TrimPrefix(k, "coord_")
	if k == "age_identity" {
		k = "identity"
	}
	for _, known := range Keys {
		if k == known {
			return k, true
		}
	}
	return "", false
}

// Suggest returns the known keys closest to an unknown one (none, one or two), for a "did you mean".
func Suggest(key string) []string {
	m := vntext.NewMatcher()
	for _, k := range Keys {
		m.Add(k, strings.ReplaceAll(k, "_", " "))
	}
	k := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(key)), "coord_")
	return m.Suggest(strings.ReplaceAll(k, "_", " "), 2)
}

// UnknownKey is the error of a key coord does not know, with a "did you mean".
func UnknownKey(key string) *i18n.Error {
	return i18n.Usagef("config.unknown", key, strings.Join(Keys, ", "), i18n.DidYouMean(Suggest(key)))
}

// Secret reports whether a key's value is shown masked (a token; an age identity written as the key itself
// rather than as a file name).
func Secret(key, value string) bool {
	return key == "token" || key == "identity" && strings.HasPrefix(strings.ToUpper(strings.TrimSpace(value)), "AGE-SECRET-KEY-")
}

// Shown is the value as `coord config list` and `get` print it: a secret masked, the last four characters
// kept for a long one so a clerk can tell two tokens apart.
func Shown(key, value string) string {
	if !Secret(key, value) {
		return value
	}
	if n := len([]rune(value)); n >= 16 {
		return "********" + string([]rune(value)[n-4:])
	}
	return "********"
}

var (
	officeRe = regexp.MustCompile(`^[A-Z][A-Z0-9-]*$`)
	remoteRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	branchRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)
	trustRe  = regexp.MustCompile(`^SHA256:[A-Za-z0-9+/]{43}=?$`)
)

// Check checks a value where that costs nothing (no file or network is read) and returns it as it will be
// stored: lang vi or en, an email of one address, a name git can write, an office code in capitals, a
// remote and branch name git accepts, an SSH fingerprint as ssh-keygen prints it, a token without blanks.
// Paths (repo, ssh_key, ca_file, identity) and the office's presence in the registry are the caller's to
// check: they need the file system and the data repo.
func Check(key, value string) (string, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return "", i18n.Usagef("config.empty", key, key)
	}
	switch key {
	case "lang":
		l, err := i18n.ParseLang(v)
		if err != nil {
			return "", i18n.Usagef("cli.bad_lang", v)
		}
		return string(l), nil
	case "email":
		if err := (gitrepo.Author{Name: "x", Email: v, When: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}).Check(); err != nil {
			return "", i18n.Usagef("config.bad_email", v)
		}
	case "name":
		if err := (gitrepo.Author{Name: v, Email: "x@example.vn", When: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}).Check(); err != nil {
			return "", i18n.Usagef("config.bad_name", v)
		}
	case "office":
		v = strings.ToUpper(v)
		if !officeRe.MatchString(v) {
			return "", i18n.Usagef("config.bad_office", value)
		}
	case "remote":
		if !remoteRe.MatchString(v) {
			return "", i18n.Usagef("config.bad_remote", value)
		}
	case "branch":
		if !branchRe.MatchString(v) || strings.Contains(v, "..") || strings.HasSuffix(v, "/") || strings.HasSuffix(v, ".lock") {
			return "", i18n.Usagef("config.bad_branch", value)
		}
	case "ssh_trust":
		if !trustRe.MatchString(v) {
			return "", i18n.Usagef("config.bad_trust", value)
		}
	case "token":
		if strings.ContainsFunc(v, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
			return "", i18n.Usagef("config.bad_token")
		}
	}
	return v, nil
}

// File is the settings file as read: its known values, the keys it holds that coord does not know, and its
// YAML tree (comments and order kept for writing it back).
type File struct {
	Path    string
	Exists  bool
	Values  map[string]string // known keys with a value (an empty value is unset)
	Unknown []string          // keys coord does not know, as written, in file order
	doc     *yaml.Node        // the document node; nil for a file that does not exist or is empty
}

// Read reads the settings file at path. A file that does not exist is an empty File (Exists false), not an
// error. A file that cannot be read, is not YAML, is not a mapping of keys to single values, or names a
// known key twice is an error, one sentence each (an *i18n.Error of kind KindEnv).
func Read(path string) (*File, error) {
	f := &File{Path: path, Values: map[string]string{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, unreadable(path, err)
	}
	f.Exists = true
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, i18n.Errorf("config.not_yaml", path, yamlLine(err))
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil // empty, or comments only
	}
	f.doc = &doc
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return f, nil
	}
	if top.Kind != yaml.MappingNode {
		return nil, i18n.Errorf("config.not_mapping", path)
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		key, known := Canonical(k.Value)
		if !known {
			f.Unknown = append(f.Unknown, k.Value)
			continue
		}
		if line, dup := seen[key]; dup {
			return nil, i18n.Errorf("config.duplicate", path, key, line, k.Line)
		}
		seen[key] = k.Line
		if v.Kind == yaml.AliasNode || v.Kind != yaml.ScalarNode {
			return nil, i18n.Errorf("config.not_scalar", path, k.Value, v.Line)
		}
		if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
			continue
		}
		f.Values[key] = strings.TrimSpace(v.Value)
	}
	return f, nil
}

// unreadable is the sentence for a file that exists and cannot be read.
func unreadable(path string, err error) *i18n.Error {
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		return i18n.Errorf("config.is_dir", path)
	}
	if errors.Is(err, fs.ErrPermission) {
		return i18n.Errorf("config.no_permission", path)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return i18n.Errorf("config.unreadable", path, err.Error())
}

var lineRe = regexp.MustCompile(`line (\d+)`)

// yamlLine is the line a YAML error names (0 when it names none).
func yamlLine(err error) int {
	m := lineRe.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

// Map is the known values, for viper's config layer.
func (f *File) Map() map[string]any {
	out := make(map[string]any, len(f.Values))
	for k, v := range f.Values {
		out[k] = v
	}
	return out
}

// Set gives key (a canonical key) the value: the key's line is changed in place (its comments kept), or
// added at the end.
func (f *File) Set(key, value string) {
	top := f.top()
	val := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value}
	for i := 0; i+1 < len(top.Content); i += 2 {
		if k, ok := Canonical(top.Content[i].Value); ok && k == key {
			old := top.Content[i+1]
			val.LineComment, val.HeadComment, val.FootComment = old.LineComment, old.HeadComment, old.FootComment
			top.Content[i].Value = key
			top.Content[i+1] = val
			f.Values[key] = value
			return
		}
	}
	top.Content = append(top.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, val)
	f.Values[key] = value
}

// Unset removes key (a canonical key); it reports whether the file had it.
func (f *File) Unset(key string) bool {
	if f.doc == nil {
		return false
	}
	top := f.top()
	for i := 0; i+1 < len(top.Content); i += 2 {
		if k, ok := Canonical(top.Content[i].Value); ok && k == key {
			top.Content = append(top.Content[:i], top.Content[i+2:]...)
			delete(f.Values, key)
			return true
		}
	}
	return false
}

// top is the file's mapping, made when the file had none.
func (f *File) top() *yaml.Node {
	if f.doc == nil || len(f.doc.Content) == 0 || f.doc.Content[0].Kind != yaml.MappingNode {
		head := ""
		if f.doc != nil && len(f.doc.Content) > 0 {
			head = f.doc.Content[0].HeadComment
		}
		if head == "" && f.doc == nil {
			head = "coord: thiết lập của người dùng — user settings (coord config set KEY VALUE)"
		}
		f.doc = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: head}}}
	}
	return f.doc.Content[0]
}

// Bytes is the file's YAML.
func (f *File) Bytes() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	f.top()
	if err := enc.Encode(f.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write writes the file atomically with mode 0600 (it may hold a token), creating its folder (0700).
func (f *File) Write() error {
	data, err := f.Bytes()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o700); err != nil {
		return i18n.Errorf("config.cannot_write", f.Path, err.Error())
	}
	if err := fsutil.WriteAtomic(f.Path, data, 0o600, true); err != nil {
		return i18n.Errorf("config.cannot_write", f.Path, err.Error())
	}
	// A file that existed keeps the mode it had only if it was stricter; a token must not stay readable.
	_ = os.Chmod(f.Path, 0o600)
	f.Exists = true
	return nil
}
