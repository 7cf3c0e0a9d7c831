package authz

import (
	"slices"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// RegistryPath is the registry of offices, members and recipients.
const RegistryPath = "registry/offices.yaml"

// Contents reads what a change does to paths: their content before it and after it (a path absent from a
// map is absent then). An error grants no exception: the paths are judged by their owners alone.
type Contents func(paths []string) (before, after map[string][]byte, err error)

// Refusal is a path of a change that its author may not make: whose the path is and, when the change was
// judged as a reseal (the key ceremony) and is not one, why not (Why.Key is "" otherwise).
type Refusal struct {
	Path  string
	Owner Owner
	Why   i18n.Msg
}

// Judge says which paths of a change the person with email may not make, by the registry and settings in
// force before it: the one judgement of the client (coord's commands, before they write) and of the
// authz/path rule (CI, on each commit). A path is refused when its owner (OwnerOf) does not list the
// person, unless the change is the key ceremony (coord keys add-recipient, remove-recipient, rotate-index),
// judged on the content read through read (nil: by owners alone). The person must then be a member of an
// office, and each path they do not own must be a reseal:
//
//   - registry/offices.yaml: the decoded documents are the same but for the recipients of the offices the
//     person is a member of, each changed list at least one age X25519 public key; comments may go, none
//     may come;
//   - registry/blind-index.key.age: a well-formed age file sealed with one X25519 stanza for each recipient
//     of the registry after the change, only in a commit that changes recipients as above;
//   - a petition: in a commit that changes recipients or replaces the blind-index key, the decoded
//     documents are the same but for `petitioner` — only when the commit changes the recipients of the
//     offices that read it (petition.Readers), and still a well-formed sealed value with one X25519 stanza
//     for each of their recipients after the change — and, only when the commit replaces the blind-index
//     key and changes no recipients (a rotation), `petitioner_index`, absent or `bi1:` and 64 hex digits.
//     No comment is added, no file made or removed.
//
// The refusals come in the order of paths, the registry first, then the index key, and the petitions last. A
// registry that names nobody yet refuses nothing.
func Judge(paths []string, email string, reg *record.Offices, s *record.Settings, read Contents) []Refusal {
	if !Configured(reg) {
		return nil
	}
	var out []Refusal
	for _, p := range paths {
		if o := OwnerOf(p, s); !o.Allows(email, reg, s) {
			out = append(out, Refusal{Path: p, Owner: o})
		}
	}
	if len(out) == 0 || read == nil || !slices.ContainsFunc(out, func(r Refusal) bool { return resealable(r.Path) }) {
		return out
	}
	mine := membership(email, reg, s)
	if len(mine) == 0 {
		return out
	}
	refused := map[string]bool{}
	need := []string{RegistryPath}
	for _, r := range out {
		refused[r.Path] = true
		if resealable(r.Path) && r.Path != RegistryPath {
			need = append(need, r.Path)
		}
	}
	if slices.Contains(paths, petition.IndexKeyPath) && !refused[petition.IndexKeyPath] {
		need = append(need, petition.IndexKeyPath)
	}
	before, after, err := read(need)
	if err != nil {
		return out
	}
	c := &ceremony{}
	regBefore, regAfter := decode(RegistryPath, before[RegistryPath]), decode(RegistryPath, after[RegistryPath])
	c.regBefore, c.regAfter = offices(regBefore), offices(regAfter)
	c.changed = recipientsChanged(c.regBefore, c.regAfter)
	why := map[string]i18n.Msg{}
	regOK := true
	if slices.Contains(paths, RegistryPath) && refused[RegistryPath] {
		why[RegistryPath] = registryReseal(regBefore, regAfter, mine, c.changed)
		regOK = why[RegistryPath].Key == ""
	}
	c.recipients = regOK && len(c.changed) > 0
	if slices.Contains(paths, petition.IndexKeyPath) {
		w := keyFileReseal(after[petition.IndexKeyPath], c.regAfter)
		if w.Key == "" && refused[petition.IndexKeyPath] && !c.recipients {
			w = i18n.M("authz.reseal.key_alone")
		}
		c.rotated = w.Key == "" && len(c.changed) == 0 // with recipients changed, the same key sealed again
		if refused[petition.IndexKeyPath] {
			why[petition.IndexKeyPath] = w
		}
	}
	kept := out[:0]
	for _, r := range out {
		w, judged := why[r.Path]
		if !judged && isPetition(r.Path) {
			w, judged = c.petition(before[r.Path], after[r.Path]), true
		}
		if judged && w.Key == "" {
			continue // a reseal
		}
		r.Why = w
		kept = append(kept, r)
	}
	// The ceremony's own files first: a refused registry is why the index key is refused, both why the petitions are.
	rank := func(p string) int {
		switch {
		case p == RegistryPath:
			return 0
		case p == petition.IndexKeyPath:
			return 1
		case isPetition(p):
			return 3
		}
		return 2
	}
	sort.SliceStable(kept, func(i, j int) bool { return rank(kept[i].Path) < rank(kept[j].Path) })
	return kept
}

// ceremony is what a commit does to the keys, for judging its petitions.
type ceremony struct {
	regBefore  *record.Offices
	regAfter   *record.Offices
	changed    []string // the offices whose recipients the commit changes
	recipients bool     // it changes recipients, and may
	rotated    bool     // it replaces the blind-index key with a well-formed one, and may, changing no recipients
}

// resealable: a path the key ceremony may change without owning it.
func resealable(p string) bool {
	return p == RegistryPath || p == petition.IndexKeyPath || isPetition(p)
}

func isPetition(p string) bool {
	return strings.HasPrefix(p, "petitions/") && strings.HasSuffix(p, ".yaml") && strings.Count(p, "/") >= 3
}

// membership is the offices the person with email is a member of.
func membership(email string, reg *record.Offices, s *record.Settings) []string {
	var out []string
	for _, o := range reg.Offices {
		if (Owner{Office: o.Code}).Allows(email, reg, s) {
			out = append(out, o.Code)
		}
	}
	return out
}

// decode reads a record's tree; nil when it is absent or not clean YAML (aliases, tags, repeated keys).
func decode(path string, data []byte) *record.File {
	if data == nil {
		return nil
	}
	f := record.Decode(path, data, nil)
	if f.Root == nil {
		return nil
	}
	return f
}

// offices decodes a registry of offices; nil when there is none.
func offices(f *record.File) *record.Offices {
	if f == nil {
		return nil
	}
	var o record.Offices
	if err := f.Root.Decode(&o); err != nil {
		return nil
	}
	return &o
}

// recipientsChanged are the offices whose recipients differ between two registries (an office added or
// removed with recipients counts).
func recipientsChanged(a, b *record.Offices) []string {
	if a == nil || b == nil {
		return nil
	}
	of := func(reg *record.Offices) map[string]string {
		m := map[string]string{}
		for _, o := range reg.Offices {
			m[o.Code] += strings.Join(petition.SortedUnique(o.Recipients), " ")
		}
		return m
	}
	ra, rb := of(a), of(b)
	var out []string
	for code, r := range ra {
		if rb[code] != r {
			out = append(out, code)
		}
	}
	for code, r := range rb {
		if _, ok := ra[code]; !ok && r != "" {
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}

// registryReseal judges a change of registry/offices.yaml by a member of the offices mine: only their
// recipients may differ, each changed list holding age public keys only, at least one.
func registryReseal(before, after *record.File, mine, changed []string) i18n.Msg {
	bad := i18n.M("authz.reseal.registry")
	if before == nil || after == nil {
		return bad
	}
	if differs(before.Root, after.Root, "offices") != "" || !commentsKept(before.Doc, after.Doc) {
		return bad
	}
	bo, ao := record.ValueOf(before.Root, "offices"), record.ValueOf(after.Root, "offices")
	if bo == nil || ao == nil || bo.Kind != yaml.SequenceNode || ao.Kind != yaml.SequenceNode || len(bo.Content) != len(ao.Content) {
		return bad
	}
	for i := range bo.Content {
		b, a := bo.Content[i], ao.Content[i]
		code := record.ValueOf(b, "code")
		if code == nil || !slices.Contains(mine, code.Value) {
			if !same(b, a) {
				return bad
			}
			continue
		}
		if differs(b, a, "recipients") != "" {
			return bad
		}
	}
	if len(changed) == 0 {
		return bad // a member's edit of the registry that changes no key
	}
	reg := offices(after)
	for _, code := range changed {
		for _, o := range reg.Offices {
			if o.Code != code {
				continue
			}
			if len(petition.SortedUnique(o.Recipients)) == 0 {
				return i18n.M("authz.reseal.no_recipient")
			}
			for _, r := range o.Recipients {
				if _, err := petition.ParseRecipient(r); err != nil {
					return i18n.M("authz.reseal.bad_recipient")
				}
			}
		}
	}
	return i18n.Msg{}
}

// keyFileReseal judges a new blind-index key file: a well-formed age file with one X25519 stanza for each
// recipient of the registry after the change.
func keyFileReseal(data []byte, reg *record.Offices) i18n.Msg {
	if data == nil {
		return i18n.M("authz.reseal.key_removed")
	}
	f, err := petition.ParseAge(data)
	if err != nil {
		return i18n.M("authz.reseal.key_not_age")
	}
	if n, want := x25519Stanzas(f), recipientsFor(petition.AllOffices, reg); n < 0 {
		return i18n.M("authz.reseal.not_x25519")
	} else if n != want {
		return i18n.M("authz.reseal.key_count", n, want)
	}
	return i18n.Msg{}
}

// petition judges a change of a petition the author does not own.
func (c *ceremony) petition(before, after []byte) i18n.Msg {
	if !c.recipients && !c.rotated {
		return i18n.M("authz.reseal.no_ceremony")
	}
	if before == nil || after == nil {
		return i18n.M("authz.reseal.made")
	}
	b, a := decode("petition.yaml", before), decode("petition.yaml", after)
	if b == nil || a == nil || b.Kind != record.KindPetition || a.Kind != record.KindPetition {
		return i18n.M("authz.reseal.unreadable")
	}
	if k := differs(b.Root, a.Root, "petitioner", "petitioner_index"); k != "" {
		return i18n.M("authz.reseal.field", k)
	}
	if !commentsKept(b.Doc, a.Doc) {
		return i18n.M("authz.reseal.comments")
	}
	bp, ap := record.ValueOf(b.Root, "petitioner"), record.ValueOf(a.Root, "petitioner")
	if !same(bp, ap) {
		if bp == nil || ap == nil || ap.Kind != yaml.ScalarNode {
			return i18n.M("authz.reseal.field", "petitioner")
		}
		f, err := petition.ParseSealed(ap.Value)
		if err != nil {
			return i18n.M("authz.reseal.not_sealed")
		}
		typ, office := scalar(a.Root, "type"), scalar(a.Root, "office")
		readers := func(reg *record.Offices) []string { return petition.Readers(typ, office, reg) }
		if c.regBefore == nil || c.regAfter == nil ||
			slices.Equal(petition.RecipientsOf(readers(c.regBefore), c.regBefore), petition.RecipientsOf(readers(c.regAfter), c.regAfter)) {
			return i18n.M("authz.reseal.readers_same")
		}
		if n, want := x25519Stanzas(f), recipientsFor(readers, c.regAfter); n < 0 {
			return i18n.M("authz.reseal.not_x25519")
		} else if n != want {
			return i18n.M("authz.reseal.count", n, want)
		}
	}
	bi, ai := record.ValueOf(b.Root, "petitioner_index"), record.ValueOf(a.Root, "petitioner_index")
	if !same(bi, ai) {
		if !c.rotated {
			return i18n.M("authz.reseal.index_kept")
		}
		if ai != nil && (ai.Kind != yaml.ScalarNode || !petition.WellFormedIndex(ai.Value)) {
			return i18n.M("authz.reseal.index_bad")
		}
	}
	return i18n.Msg{}
}

// recipientsFor is how many recipients the registry lists for the offices readers picks (0 without one).
func recipientsFor(readers func(*record.Offices) []string, reg *record.Offices) int {
	if reg == nil {
		return 0
	}
	return len(petition.RecipientsOf(readers(reg), reg))
}

// x25519Stanzas is the number of recipient stanzas of an age file, or -1 when one is not X25519 (the only
// kind of recipient the registry lists).
func x25519Stanzas(f *petition.AgeFile) int {
	for _, s := range f.Stanzas {
		if s.Type != "X25519" {
			return -1
		}
	}
	return len(f.Stanzas)
}

func scalar(m *yaml.Node, key string) string {
	if n := record.ValueOf(m, key); n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// differs is the first key of two mappings, skip excepted, whose values are not the same (same), or "" when
// there is none; "." when a node is not a mapping.
func differs(a, b *yaml.Node, skip ...string) string {
	if a == nil || b == nil || a.Kind != yaml.MappingNode || b.Kind != yaml.MappingNode {
		return "."
	}
	keys := func(m *yaml.Node) []string {
		var out []string
		for i := 0; i+1 < len(m.Content); i += 2 {
			if k := m.Content[i].Value; !slices.Contains(skip, k) {
				out = append(out, k)
			}
		}
		return out
	}
	ka, kb := keys(a), keys(b)
	for _, k := range ka {
		if !same(record.ValueOf(a, k), record.ValueOf(b, k)) {
			return k
		}
	}
	for _, k := range kb {
		if !slices.Contains(ka, k) {
			return k
		}
	}
	return ""
}

// same reports whether two YAML values are the same data: kinds, resolved tags and values, mappings as
// sets of keys; style, layout, comments and positions aside. Two absent values are the same.
func same(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		return a.ShortTag() == b.ShortTag() && a.Value == b.Value
	case yaml.MappingNode:
		return len(a.Content) == len(b.Content) && differs(a, b) == ""
	}
	if len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// commentsKept reports whether every comment line of after is one of before's (as many times): a reseal
// may lose a comment when the file is written again, never add one.
func commentsKept(before, after *yaml.Node) bool {
	had := map[string]int{}
	for _, l := range commentLines(before, nil) {
		had[l]++
	}
	for _, l := range commentLines(after, nil) {
		if had[l] == 0 {
			return false
		}
		had[l]--
	}
	return true
}

func commentLines(n *yaml.Node, out []string) []string {
	if n == nil {
		return out
	}
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		for _, l := range strings.Split(c, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	for _, c := range n.Content {
		out = commentLines(c, out)
	}
	return out
}
