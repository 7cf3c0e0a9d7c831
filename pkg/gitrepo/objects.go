package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The object layer: blobs, the trees along changed paths, commits. A change to one record rewrites one
// blob and the few trees above it; everything else is shared with the parent by hash.

// zero is the absent object (no tree, no blob, no commit).
var zero = plumbing.ZeroHash

// change is the new blob of a path; Del removes the path.
type change struct {
	Blob plumbing.Hash
	Del  bool
}

// blobHash is the hash data would have as a blob, without writing it.
func blobHash(data []byte) plumbing.Hash { return plumbing.ComputeHash(plumbing.BlobObject, data) }

// writeBlob stores data as a blob (once) and returns its hash.
func (r *Repo) writeBlob(data []byte) (plumbing.Hash, error) {
	h := blobHash(data)
	if r.st.HasEncodedObject(h) == nil {
		return h, nil
	}
	obj := r.st.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return zero, err
	}
	if _, err := w.Write(data); err != nil {
		return zero, err
	}
	if err := w.Close(); err != nil {
		return zero, err
	}
	return r.st.SetEncodedObject(obj)
}

// readBlob returns a blob's bytes.
func (r *Repo) readBlob(h plumbing.Hash) ([]byte, error) { return r.readObject(plumbing.BlobObject, h) }

// readObject reads the content of object h of type t.
func (r *Repo) readObject(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	obj, err := r.st.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// treeEntries returns the entries of a tree (none for zero).
// Trees are decoded once per operation: a record folder may hold thousands of entries, and one submission
// reads the trees along its paths several times (build, diff, push).
func (r *Repo) treeEntries(h plumbing.Hash) ([]object.TreeEntry, error) {
	if h == zero {
		return nil, nil
	}
	if e, ok := r.trees[h]; ok {
		return e, nil
	}
	obj, err := r.st.EncodedObject(plumbing.TreeObject, h)
	if err != nil {
		return nil, err
	}
	var t object.Tree
	if err := t.Decode(obj); err != nil {
		return nil, err
	}
	if r.trees == nil || len(r.trees) >= 256 { // bounded: a history walk reads far more trees than it re-reads
		r.trees = map[plumbing.Hash][]object.TreeEntry{}
	}
	r.trees[h] = t.Entries
	return t.Entries, nil
}

// commit reads a commit.
func (r *Repo) commit(h plumbing.Hash) (*object.Commit, error) {
	return object.GetCommit(r.st, h)
}

// commitTree is the tree of commit h (zero for zero).
func (r *Repo) commitTree(h plumbing.Hash) (plumbing.Hash, error) {
	if h == zero {
		return zero, nil
	}
	c, err := r.commit(h)
	if err != nil {
		return zero, err
	}
	return c.TreeHash, nil
}

// gitLess is git's tree order: names compare as if a tree's name ended in "/".
func gitLess(a, b object.TreeEntry) bool {
	an, bn := a.Name, b.Name
	if a.Mode == filemode.Dir {
		an += "/"
	}
	if b.Mode == filemode.Dir {
		bn += "/"
	}
	return an < bn
}

// errPathKind is a change that would turn a folder into a file or a file into a folder.
var errPathKind = errors.New("a path is both a file and a folder")

// buildTree applies changes (paths relative to this tree) to tree base and returns the new tree's hash
// (zero when it ends up empty). With write false nothing is stored: the hashes are computed in memory.
func (r *Repo) buildTree(base plumbing.Hash, changes map[string]change, write bool) (plumbing.Hash, error) {
	entries, err := r.treeEntries(base)
	if err != nil {
		return zero, err
	}
	direct := map[string]change{}
	sub := map[string]map[string]change{}
	for p, c := range changes {
		if i := strings.IndexByte(p, '/'); i >= 0 {
			d := p[:i]
			if sub[d] == nil {
				sub[d] = map[string]change{}
			}
			sub[d][p[i+1:]] = c
		} else {
			direct[p] = c
		}
	}
	byName := map[string]int{}
	for i, e := range entries {
		byName[e.Name] = i
	}
	out := make([]object.TreeEntry, 0, len(entries)+len(changes))
	out = append(out, entries...)
	removed := map[string]bool{}
	set := func(e object.TreeEntry) {
		if i, ok := byName[e.Name]; ok {
			out[i] = e
			delete(removed, e.Name)
			return
		}
		byName[e.Name] = len(out)
		out = append(out, e)
	}
	for name, c := range direct {
		i, exists := byName[name]
		if exists && out[i].Mode == filemode.Dir {
			return zero, errPathKind
		}
		if c.Del {
			if exists {
				removed[name] = true
			}
			continue
		}
		set(object.TreeEntry{Name: name, Mode: filemode.Regular, Hash: c.Blob})
	}
	for name, cs := range sub {
		var old plumbing.Hash
		if i, ok := byName[name]; ok {
			if out[i].Mode != filemode.Dir {
				return zero, errPathKind
			}
			old = out[i].Hash
		}
		h, err := r.buildTree(old, cs, write)
		if err != nil {
			return zero, err
		}
		if h == zero {
			if _, ok := byName[name]; ok {
				removed[name] = true
			}
			continue
		}
		set(object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h})
	}
	final := out[:0:0]
	for _, e := range out {
		if !removed[e.Name] {
			final = append(final, e)
		}
	}
	if len(final) == 0 {
		return zero, nil
	}
	sort.Slice(final, func(i, j int) bool { return gitLess(final[i], final[j]) })
	t := &object.Tree{Entries: final}
	var obj plumbing.EncodedObject
	if write {
		obj = r.st.NewEncodedObject()
	} else {
		obj = &plumbing.MemoryObject{}
	}
	if err := t.Encode(obj); err != nil {
		return zero, err
	}
	h := obj.Hash()
	if write && r.st.HasEncodedObject(h) != nil {
		if _, err := r.st.SetEncodedObject(obj); err != nil {
			return zero, err
		}
	}
	return h, nil
}

// applyTree is buildTree over the whole tree; a fully emptied tree becomes git's empty tree.
func (r *Repo) applyTree(base plumbing.Hash, changes map[string]change, write bool) (plumbing.Hash, error) {
	h, err := r.buildTree(base, changes, write)
	if err != nil || h != zero {
		return h, err
	}
	empty := &object.Tree{}
	var obj plumbing.EncodedObject = &plumbing.MemoryObject{}
	if write {
		obj = r.st.NewEncodedObject()
	}
	if err := empty.Encode(obj); err != nil {
		return zero, err
	}
	if write {
		return r.st.SetEncodedObject(obj)
	}
	return obj.Hash(), nil
}

// lookup returns the blob at path p in tree root (zero when absent or a folder).
func (r *Repo) lookup(root plumbing.Hash, p string) (plumbing.Hash, error) {
	return walkPath(root, p, r.treeEntries)
}

// walkPath is lookup with the trees read by tree.
func walkPath(root plumbing.Hash, p string, tree func(plumbing.Hash) ([]object.TreeEntry, error)) (plumbing.Hash, error) {
	cur := root
	parts := strings.Split(p, "/")
	for i, name := range parts {
		entries, err := tree(cur)
		if err != nil {
			return zero, err
		}
		found := false
		for _, e := range entries {
			if e.Name != name {
				continue
			}
			if i == len(parts)-1 {
				if e.Mode == filemode.Dir {
					return zero, nil
				}
				return e.Hash, nil
			}
			if e.Mode != filemode.Dir {
				return zero, nil
			}
			cur, found = e.Hash, true
			break
		}
		if !found {
			return zero, nil
		}
	}
	return zero, nil
}

// diffEntry is one path that differs between two trees: From/To are its blobs (zero: absent).
type diffEntry struct {
	Path     string
	From, To plumbing.Hash
}

// diffTrees calls fn for each file that differs between trees a and b, in path order, and onTree (when
// not nil) for each tree of b that a does not have. Equal subtrees are skipped by hash, so the cost is
// the size of the change, not of the repo.
func (r *Repo) diffTrees(a, b plumbing.Hash, prefix string, fn func(diffEntry) error, onTree func(plumbing.Hash)) error {
	return r.diffTreesIn(a, b, prefix, nil, fn, onTree)
}

// diffTreesIn is diffTrees limited to the paths keep accepts (a folder is entered only when keep accepts
// its path; nil keeps everything).
func (r *Repo) diffTreesIn(a, b plumbing.Hash, prefix string, keep func(p string, dir bool) bool, fn func(diffEntry) error, onTree func(plumbing.Hash)) error {
	if a == b {
		return nil
	}
	if onTree != nil && b != zero {
		onTree(b)
	}
	ea, err := r.treeEntries(a)
	if err != nil {
		return err
	}
	eb, err := r.treeEntries(b)
	if err != nil {
		return err
	}
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		var x, y *object.TreeEntry
		switch {
		case i < len(ea) && j < len(eb):
			if ea[i].Name == eb[j].Name {
				x, y = &ea[i], &eb[j]
				i++
				j++
			} else if gitLess(ea[i], eb[j]) {
				x = &ea[i]
				i++
			} else {
				y = &eb[j]
				j++
			}
		case i < len(ea):
			x = &ea[i]
			i++
		default:
			y = &eb[j]
			j++
		}
		name := ""
		if x != nil {
			name = x.Name
		} else {
			name = y.Name
		}
		p := name
		if prefix != "" {
			p = prefix + "/" + name
		}
		if keep != nil && !keep(p, (x != nil && x.Mode == filemode.Dir) || (y != nil && y.Mode == filemode.Dir)) {
			continue
		}
		if err := r.diffPair(p, x, y, keep, fn, onTree); err != nil {
			return err
		}
	}
	return nil
}

func (r *Repo) diffPair(p string, x, y *object.TreeEntry, keep func(string, bool) bool, fn func(diffEntry) error, onTree func(plumbing.Hash)) error {
	isDir := func(e *object.TreeEntry) bool { return e != nil && e.Mode == filemode.Dir }
	isFile := func(e *object.TreeEntry) bool {
		return e != nil && e.Mode != filemode.Dir && e.Mode != filemode.Submodule
	}
	if x != nil && y != nil && x.Hash == y.Hash && x.Mode == y.Mode {
		return nil
	}
	var ta, tb plumbing.Hash
	if isDir(x) {
		ta = x.Hash
	}
	if isDir(y) {
		tb = y.Hash
	}
	if ta != zero || tb != zero {
		if err := r.diffTreesIn(ta, tb, p, keep, fn, onTree); err != nil {
			return err
		}
	}
	var fa, fb plumbing.Hash
	if isFile(x) {
		fa = x.Hash
	}
	if isFile(y) {
		fb = y.Hash
	}
	if fa != fb || (isFile(x) && isFile(y) && x.Mode != y.Mode) {
		return fn(diffEntry{Path: p, From: fa, To: fb})
	}
	return nil
}

// Author is who made a commit and when.
type Author struct {
	Name, Email string
	When        time.Time
}

// Check refuses an identity git would write wrongly or a reader could be misled by: a name that is empty,
// holds control characters or angle brackets; an email that is not one well-formed address; a time before
// 1980 (an unset clock gives 1970 commits that every deadline would judge early).
func (a Author) Check() error {
	name, email := strings.TrimSpace(a.Name), strings.TrimSpace(a.Email)
	bad := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '<' || r == '>' || r == utf8.RuneError })
	}
	if name == "" || bad(name) || len(name) > 200 {
		return newErr(ErrBadAuthor, "git.bad_name", fmt.Sprintf("%q", a.Name))
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" || bad(email) || strings.ContainsAny(email, " \t") ||
		strings.Count(email, "@") != 1 || strings.HasPrefix(email, "@") || strings.HasSuffix(email, "@") {
		return newErr(ErrBadAuthor, "git.bad_email", fmt.Sprintf("%q", a.Email))
	}
	if a.When.Year() < 1980 {
		return newErr(ErrBadAuthor, "git.bad_time", a.When.UTC().Format(time.RFC3339))
	}
	return nil
}

// writeCommit stores a commit and returns its hash.
func (r *Repo) writeCommit(tree plumbing.Hash, parents []plumbing.Hash, author, committer Author, msg string) (plumbing.Hash, error) {
	c := &object.Commit{
		Author:       object.Signature{Name: author.Name, Email: author.Email, When: author.When},
		Committer:    object.Signature{Name: committer.Name, Email: committer.Email, When: committer.When},
		Message:      msg,
		TreeHash:     tree,
		ParentHashes: parents,
	}
	obj := r.st.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return zero, err
	}
	return r.st.SetEncodedObject(obj)
}

// Message builds a commit message: the subject, a blank line, then "Key: value" trailers in order.
func Message(subject string, trailers [][2]string) string {
	var b bytes.Buffer
	b.WriteString(strings.TrimSpace(subject))
	b.WriteString("\n")
	if len(trailers) > 0 {
		b.WriteString("\n")
		for _, t := range trailers {
			b.WriteString(t[0] + ": " + strings.TrimSpace(t[1]) + "\n")
		}
	}
	return b.String()
}

// Trailer returns the value of trailer key in the last paragraph of msg ("" when absent).
func Trailer(msg, key string) string {
	paras := strings.Split(strings.TrimRight(msg, "\n"), "\n\n")
	last := paras[len(paras)-1]
	for _, line := range strings.Split(last, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// KindTrailer marks a submission commit; sync replays only commits that carry it.
const KindTrailer = "Coord-Kind"
