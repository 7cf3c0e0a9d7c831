package petition

import (
	"crypto/rand"
	"errors"
	"slices"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// IndexKeyPath is the blind-index key in the data repo: a binary age file sealed to every office, whose
// plaintext is the raw 32-byte HMAC key. It is not a record (the loader does not read it).
const IndexKeyPath = "registry/blind-index.key.age"

// indexKeyBytes is the length of the blind-index key.
const indexKeyBytes = 32

// NewIndexKey is a fresh random blind-index key.
func NewIndexKey() ([]byte, error) {
	k := make([]byte, indexKeyBytes)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	return k, nil
}

// OpenIndexKey opens the blind-index key file with ids: ErrNoKey when none opens it, an *Error when the file
// is damaged or does not hold a key of the right length.
func OpenIndexKey(data []byte, ids []age.Identity) ([]byte, error) {
	k, err := OpenBytes(data, ids)
	if err != nil {
		return nil, err
	}
	if len(k) != indexKeyBytes {
		return nil, fail(Damaged, "the blind-index key is %d bytes, not %d", len(k), indexKeyBytes)
	}
	return k, nil
}

// Rekey is a change of keys over the whole repo, made in one commit (`coord keys add-recipient`,
// `remove-recipient`, `rotate-index`): the registry's recipients go from Old to New, and with NewIndexKey
// every blind index is computed again under a new key. With Office, it is `coord keys reseal`: that office's
// petitions only, each identity sealed again to New's recipients and indexed again under the key of KeyFile,
// which stays as it is — how an office's key holder completes a change someone else began.
type Rekey struct {
	Old, New    *record.Offices
	Settings    *record.Settings
	IDs         []age.Identity // the keys of the person running it
	Held        []string       // the offices of Old whose recipients include one of IDs' keys
	Petitions   []*record.File // the repo's petitions, decoded; their trees are changed in place
	KeyFile     []byte         // the blind-index key file as it is (nil: none yet)
	NewIndexKey []byte         // a new blind-index key: every index recomputed (nil: indexes kept)
	Office      string         // reseal this office's petitions only (see above)
	// Local reads the sealed identity of a denunciation kept on this PC (secrecy local); ok false when it is
	// not on this PC.
	Local func(office, id string) (data []byte, ok bool)
}

// Unopened is a sealed value the keys given do not open, or that is damaged: the change is refused, since
// the value could not be sealed to the new recipients (or indexed under the new key) — or, in Plan.Pending,
// left to a key holder of the offices that read it.
type Unopened struct {
	Path   string // repo path, or "" for a value on this PC
	Line   int
	ID     string // the petition's id ("" for the blind-index key)
	Office string
	Err    error // ErrNoKey, ErrNotOnPC, or the *Error of a damaged value
}

// Plan is what a Rekey changes.
type Plan struct {
	Files     map[string][]byte    // repo paths → new content (petitions, the blind-index key file)
	Local     map[[2]string][]byte // {office, id} → the new sealed file on this PC
	Unopened  []Unopened           // non-empty: refuse, write nothing
	Pending   []Unopened           // left as they are: only the offices that read them can open them
	Resealed  int                  // identities sealed again to new recipients
	Reindexed int                  // blind indexes computed again that changed
	Missing   []string             // ids of petitions no index could be computed for (no name, no number)
	// NoIndexKey: a reseal (Office) whose keys do not open the blind-index key: no index was computed.
	NoIndexKey bool
}

// Plan works out every change; it writes nothing. The values whose readers' recipients differ between Old
// and New are opened and sealed again to the new ones; with a new index key, every identity is opened and
// its index computed again, and the key file is sealed to every office; otherwise the key file is sealed
// again when the offices' recipients changed. A value that does not open because only offices the person
// holds no key of read it (another office's denunciation), or because it is kept on another PC, is left as
// it is (Pending: that office's key holder runs `coord keys reseal`); any other that does not open — a
// damaged one, one the person's office reads, the blind-index key — refuses the whole change (Unopened).
func (rk Rekey) Plan() (*Plan, error) {
	pl := &Plan{Files: map[string][]byte{}, Local: map[[2]string][]byte{}}
	indexKey := rk.NewIndexKey
	if rk.Office != "" && rk.KeyFile != nil {
		k, err := OpenIndexKey(rk.KeyFile, rk.IDs)
		switch {
		case err == nil:
			indexKey = k
		case errors.Is(err, ErrNoKey):
			pl.NoIndexKey = true
		default:
			pl.Unopened = append(pl.Unopened, Unopened{Path: IndexKeyPath, Err: err})
		}
	}
	for _, f := range rk.Petitions {
		p, ok := f.Value.(*record.Petition)
		if !ok || f.Root == nil || (rk.Office != "" && p.Office != rk.Office) {
			continue
		}
		readers := Readers(p.Type, p.Office, rk.Old)
		newR := RecipientsOf(Readers(p.Type, p.Office, rk.New), rk.New)
		reseal := rk.Office != "" || !slices.Equal(RecipientsOf(readers, rk.Old), newR)
		if !reseal && indexKey == nil {
			continue
		}
		node := record.ValueOf(f.Root, "petitioner")
		onPC := node == nil || node.Tag == "!!null"
		var plain []byte
		if onPC {
			if !KeptOnPC(p.Type, rk.Settings) {
				continue // no identity at all: petition/plaintext or the schema says so
			}
			var err error
			if plain, err = rk.local(pl, p, readers, newR, reseal); err != nil || plain == nil {
				if err != nil {
					return nil, err
				}
				continue
			}
		} else {
			var err error
			if plain, err = Open(node.Value, rk.IDs); err != nil {
				rk.leave(pl, Unopened{Path: f.Path, Line: node.Line, ID: p.ID, Office: p.Office, Err: err}, readers)
				continue
			}
		}
		changed := false
		if reseal && !onPC {
			v, err := Seal(plain, newR)
			if err != nil {
				return nil, err
			}
			node.Value, node.Style, node.Tag = v, 0, "!!str"
			pl.Resealed++
			changed = true
		}
		if indexKey != nil {
			set, c, err := reindex(f.Root, plain, indexKey)
			if err != nil {
				return nil, err
			}
			if c && set {
				pl.Reindexed++
			}
			if !set {
				pl.Missing = append(pl.Missing, p.ID)
			}
			changed = changed || c
		}
		if changed {
			data, err := record.Encode(f.Doc)
			if err != nil {
				return nil, err
			}
			pl.Files[f.Path] = data
		}
	}
	if rk.Office == "" {
		if err := rk.keyFile(pl); err != nil {
			return nil, err
		}
	}
	if len(pl.Unopened) > 0 {
		pl.Files, pl.Local = nil, nil
	}
	return pl, nil
}

// keyFile plans the blind-index key file: the new key sealed to every office, or the key as it is sealed
// again when the offices' recipients changed.
func (rk Rekey) keyFile(pl *Plan) error {
	allOld := RecipientsOf(AllOffices(rk.Old), rk.Old)
	allNew := RecipientsOf(AllOffices(rk.New), rk.New)
	var key []byte
	switch {
	case rk.NewIndexKey != nil:
		key = rk.NewIndexKey
	case rk.KeyFile != nil && !slices.Equal(allOld, allNew):
		k, err := OpenIndexKey(rk.KeyFile, rk.IDs)
		if err != nil {
			pl.Unopened = append(pl.Unopened, Unopened{Path: IndexKeyPath, Err: err})
		}
		key = k
	}
	if key == nil {
		return nil
	}
	data, err := SealBytes(key, allNew)
	if err != nil {
		return err
	}
	pl.Files[IndexKeyPath] = data
	return nil
}

// leave files a value that did not open: Pending when it is kept on another PC, or when the keys do not
// open it and the person holds keys of none of the offices that read it (or only reseals an office's
// petitions with whatever keys they have); otherwise Unopened, refusing the change.
func (rk Rekey) leave(pl *Plan, u Unopened, readers []string) {
	notTheirs := len(rk.Held) > 0 && !slices.ContainsFunc(readers, func(o string) bool { return slices.Contains(rk.Held, o) })
	switch {
	case errors.Is(u.Err, ErrNotOnPC), errors.Is(u.Err, ErrNoKey) && (notTheirs || rk.Office != ""):
		pl.Pending = append(pl.Pending, u)
	default:
		pl.Unopened = append(pl.Unopened, u)
	}
}

// local opens a denunciation kept on this PC, and reseals it to newR when reseal: its plaintext, or nil
// when it cannot (then it is in pl.Pending or pl.Unopened: leave).
func (rk Rekey) local(pl *Plan, p *record.Petition, readers, newR []string, reseal bool) ([]byte, error) {
	var data []byte
	ok := false
	if rk.Local != nil {
		data, ok = rk.Local(p.Office, p.ID)
	}
	if !ok {
		rk.leave(pl, Unopened{ID: p.ID, Office: p.Office, Err: ErrNotOnPC}, readers)
		return nil, nil
	}
	plain, err := OpenBytes(data, rk.IDs)
	if err != nil {
		rk.leave(pl, Unopened{ID: p.ID, Office: p.Office, Err: err}, readers)
		return nil, nil
	}
	if reseal {
		sealed, err := SealBytes(plain, newR)
		if err != nil {
			return nil, err
		}
		pl.Local[[2]string{p.Office, p.ID}] = sealed
		pl.Resealed++
	}
	return plain, nil
}

// reindex sets the petitioner_index of the petition at root from its plaintext identity under key: set is
// false when the identity has nothing to index (the index is then removed), changed when the tree changed.
func reindex(root *yaml.Node, plain, key []byte) (set, changed bool, err error) {
	id, err := ParseIdentity(plain)
	if err != nil {
		return false, false, err
	}
	old := record.ValueOf(root, "petitioner_index")
	idx, ok := BlindIndex(key, id)
	if !ok {
		RemoveField(root, "petitioner_index") // an index under the old key would link nothing now
		return false, old != nil, nil
	}
	if old != nil && old.Kind == yaml.ScalarNode && old.Value == idx {
		return true, false, nil
	}
	SetField(root, "petitioner_index", idx, "petitioner")
	return true, true, nil
}

// SetField sets a top-level scalar field of a record's tree, adding it after the field after (or at the
// end) when it is missing.
func SetField(root *yaml.Node, key, value, after string) {
	if n := record.ValueOf(root, key); n != nil {
		n.Kind, n.Value, n.Style, n.Tag, n.Content = yaml.ScalarNode, value, 0, "!!str", nil
		return
	}
	kn := &yaml.Node{Kind: yaml.ScalarNode, Value: key}
	vn := &yaml.Node{Kind: yaml.ScalarNode, Value: value}
	at := len(root.Content)
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == after {
			at = i + 2
		}
	}
	root.Content = slices.Insert(root.Content, at, kn, vn)
}

// RemoveField removes a top-level field of a record's tree.
func RemoveField(root *yaml.Node, key string) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			root.Content = slices.Delete(root.Content, i, i+2)
			return
		}
	}
}
