package gitrepo

import (
	"container/heap"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Change is one commit of a pull request (BASE..HEAD): who made it, what it changed, and its signature.
type Change struct {
	Hash        string
	Parent      string // the first parent ("" for a root commit): the state the commit is judged against
	AuthorName  string
	AuthorEmail string
	When        time.Time
	Subject     string
	// Paths are what the commit changed against its first parent; for a merge, only what differs from every
	// parent (the merged commits are judged on their own; a change made in the merge itself is the merge's).
	Paths []string
	// Signature is the armored signature (OpenPGP or SSH, git's gpgsig header), "" when unsigned; Payload is
	// the commit as it was signed.
	Signature string
	Payload   []byte
}

// Reader is a clone opened for reading commits and the files in them, many times over: go-git reads the pack
// index of the whole repository (and builds its map from offsets to object ids) on the first read of an
// object, so a check that reads a change's commits and the registry at each of them opens the clone once.
// Not safe for concurrent use. Close is optional: its storage keeps no file open between reads.
type Reader struct{ r *Repo }

// OpenReader opens the clone at root for reading.
func OpenReader(root string) (*Reader, error) {
	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	return &Reader{r}, nil
}

// Close releases what the storage holds.
func (x *Reader) Close() error { return x.r.Close() }

// Changes lists the commits reachable from head and not from base (git rev-list base..head), oldest first.
// base and head are revisions: a full or abbreviated commit id, a branch (main), a remote branch
// (origin/main), a full ref name, or HEAD.
func (x *Reader) Changes(base, head string) ([]Change, error) {
	r := x.r
	b, err := r.resolve(base)
	if err != nil {
		return nil, err
	}
	h, err := r.resolve(head)
	if err != nil {
		return nil, err
	}
	commits, err := r.revList(b, h)
	if err != nil {
		return nil, err
	}
	out := make([]Change, 0, len(commits))
	for _, c := range commits {
		ch, err := r.change(c)
		if err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	return out, nil
}

// ReadAt returns the content of paths in the tree of commit rev; a path absent there is absent from the map.
func (x *Reader) ReadAt(rev string, paths ...string) (map[string][]byte, error) {
	tree, err := x.top(rev)
	if err != nil {
		return nil, err
	}
	r := x.r
	out := map[string][]byte{}
	for _, p := range paths {
		blob, err := r.lookup(tree, p)
		if err != nil {
			return nil, wrapGit(err)
		}
		if blob == zero {
			continue
		}
		if out[p], err = r.readBlob(blob); err != nil {
			return nil, wrapGit(err)
		}
	}
	return out, nil
}

// top is the top tree of commit rev.
func (x *Reader) top(rev string) (plumbing.Hash, error) {
	h, err := x.r.resolve(rev)
	if err != nil {
		return zero, err
	}
	tree, err := x.r.commitTree(h)
	if err != nil {
		return zero, wrapGit(err)
	}
	return tree, nil
}

// resolve reads a revision: a name (below), followed by any number of ~N or ^ (first parents back), as
// CI systems write a pull request's base ("HEAD~3", "origin/main^").
func (r *Repo) resolve(rev string) (plumbing.Hash, error) {
	rev = strings.TrimSpace(rev)
	name, back := rev, 0
	for {
		if i := strings.LastIndexAny(name, "~^"); i > 0 {
			n := 1
			if name[i] == '~' && i+1 < len(name) {
				v, err := strconv.Atoi(name[i+1:])
				if err != nil || v < 0 {
					return zero, newErr(ErrNoBranch, "git.no_rev", rev)
				}
				n = v
			} else if i+1 != len(name) {
				return zero, newErr(ErrNoBranch, "git.no_rev", rev)
			}
			back += n
			name = name[:i]
			continue
		}
		break
	}
	h, err := r.resolveName(name)
	if err != nil {
		return zero, newErr(ErrNoBranch, "git.no_rev", rev)
	}
	for ; back > 0; back-- {
		c, err := r.commit(h)
		if err != nil || len(c.ParentHashes) == 0 {
			return zero, newErr(ErrNoBranch, "git.no_rev", rev)
		}
		h = c.ParentHashes[0]
	}
	return h, nil
}

// resolveName reads a revision's name.
func (r *Repo) resolveName(rev string) (plumbing.Hash, error) {
	if rev == "" {
		return zero, newErr(ErrNoBranch, "git.no_rev", rev)
	}
	if plumbing.IsHash(rev) {
		return plumbing.NewHash(rev), nil
	}
	names := []plumbing.ReferenceName{plumbing.ReferenceName(rev), plumbing.NewBranchReferenceName(rev),
		plumbing.NewRemoteReferenceName("origin", rev), plumbing.ReferenceName("refs/remotes/" + rev), plumbing.NewTagReferenceName(rev)}
	if rev == "HEAD" {
		names = []plumbing.ReferenceName{plumbing.HEAD}
	}
	for _, n := range names {
		ref, err := r.st.Reference(n)
		if err != nil {
			continue
		}
		if ref.Type() == plumbing.SymbolicReference {
			if ref, err = r.st.Reference(ref.Target()); err != nil {
				continue
			}
		}
		return ref.Hash(), nil
	}
	// An abbreviated commit id: the loose objects and packs know it.
	if len(rev) >= 7 && len(rev) < 40 && strings.Trim(strings.ToLower(rev), "0123456789abcdef") == "" {
		iter, err := r.st.IterEncodedObjects(plumbing.CommitObject)
		if err == nil {
			var found []plumbing.Hash
			_ = iter.ForEach(func(o plumbing.EncodedObject) error {
				if strings.HasPrefix(o.Hash().String(), strings.ToLower(rev)) {
					found = append(found, o.Hash())
				}
				return nil
			})
			if len(found) == 1 {
				return found[0], nil
			}
		}
	}
	return zero, newErr(ErrNoBranch, "git.no_rev", rev)
}

// revList is base..head, oldest first: git's walk by commit date, painting what base reaches as
// uninteresting, until only uninteresting commits are left to visit. Its cost is the commits between the two
// and the merge base, not the history's length.
func (r *Repo) revList(base, head plumbing.Hash) ([]*object.Commit, error) {
	const fromHead, fromBase = 1, 2
	flags := map[plumbing.Hash]int{}
	q := &commitQueue{}
	push := func(h plumbing.Hash, f int) error {
		if h == zero || flags[h]&f == f {
			return nil
		}
		first := flags[h] == 0
		flags[h] |= f
		if !first {
			// Already queued: its flag changed, and the walk below passes it on when the commit comes out.
			return nil
		}
		c, err := r.commit(h)
		if err != nil {
			return wrapGit(err)
		}
		heap.Push(q, c)
		return nil
	}
	if err := push(head, fromHead); err != nil {
		return nil, err
	}
	if err := push(base, fromBase); err != nil {
		return nil, err
	}
	var out []*object.Commit
	for q.Len() > 0 {
		if q.allBase(flags, fromBase) {
			break
		}
		c := heap.Pop(q).(*object.Commit)
		f := flags[c.Hash]
		if f&fromBase == 0 {
			out = append(out, c)
		}
		for _, p := range c.ParentHashes {
			if flags[p] != 0 && flags[p]&f == f {
				continue
			}
			if flags[p] != 0 {
				// Seen from the other side: the flag spreads; re-queue so its ancestors get it too.
				flags[p] |= f
				pc, err := r.commit(p)
				if err != nil {
					return nil, wrapGit(err)
				}
				heap.Push(q, pc)
				continue
			}
			if err := push(p, f); err != nil {
				return nil, err
			}
		}
	}
	// A commit listed early can be painted by base later (a clock that went backwards): keep only the
	// commits base never reached.
	kept := out[:0]
	for _, c := range out {
		if flags[c.Hash]&fromBase == 0 {
			kept = append(kept, c)
		}
	}
	return topoOrder(kept), nil
}

// topoOrder orders commits so that every commit comes after its parents among them (oldest first); commits
// that do not depend on each other keep the order of their commit times.
func topoOrder(cs []*object.Commit) []*object.Commit {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Committer.When.Before(cs[j].Committer.When) })
	in := make(map[plumbing.Hash]bool, len(cs))
	for _, c := range cs {
		in[c.Hash] = true
	}
	done := make(map[plumbing.Hash]bool, len(cs))
	out := make([]*object.Commit, 0, len(cs))
	var visit func(c *object.Commit)
	byHash := make(map[plumbing.Hash]*object.Commit, len(cs))
	for _, c := range cs {
		byHash[c.Hash] = c
	}
	visit = func(c *object.Commit) {
		if done[c.Hash] {
			return
		}
		done[c.Hash] = true
		for _, p := range c.ParentHashes {
			if in[p] {
				visit(byHash[p])
			}
		}
		out = append(out, c)
	}
	for _, c := range cs {
		visit(c)
	}
	return out
}

// commitQueue is a heap of commits, newest committer time first.
type commitQueue []*object.Commit

func (q commitQueue) Len() int           { return len(q) }
func (q commitQueue) Less(i, j int) bool { return q[i].Committer.When.After(q[j].Committer.When) }
func (q commitQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *commitQueue) Push(x any)        { *q = append(*q, x.(*object.Commit)) }
func (q *commitQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// allBase reports whether every queued commit is reached from base: nothing new can come out of the walk.
func (q commitQueue) allBase(flags map[plumbing.Hash]int, fromBase int) bool {
	for _, c := range q {
		if flags[c.Hash]&fromBase == 0 {
			return false
		}
	}
	return true
}

// change describes one commit.
func (r *Repo) change(c *object.Commit) (Change, error) {
	ch := Change{Hash: c.Hash.String(), AuthorName: c.Author.Name, AuthorEmail: c.Author.Email, When: c.Author.When,
		Subject: subject(c.Message), Signature: c.PGPSignature}
	if len(c.ParentHashes) > 0 {
		ch.Parent = c.ParentHashes[0].String()
	}
	if ch.Signature != "" {
		o := &plumbing.MemoryObject{}
		if err := c.EncodeWithoutSignature(o); err != nil {
			return ch, wrapGit(err)
		}
		rd, err := o.Reader()
		if err != nil {
			return ch, wrapGit(err)
		}
		if ch.Payload, err = io.ReadAll(rd); err != nil {
			return ch, wrapGit(err)
		}
	}
	paths := map[string]int{}
	parents := c.ParentHashes
	if len(parents) == 0 {
		parents = []plumbing.Hash{zero}
	}
	for _, p := range parents {
		ptree, err := r.commitTree(p)
		if err != nil {
			return ch, wrapGit(err)
		}
		err = r.diffTrees(ptree, c.TreeHash, "", func(d diffEntry) error { paths[d.Path]++; return nil }, nil)
		if err != nil {
			return ch, wrapGit(err)
		}
	}
	for p, n := range paths {
		if n == len(parents) {
			ch.Paths = append(ch.Paths, p)
		}
	}
	sort.Strings(ch.Paths)
	return ch, nil
}
