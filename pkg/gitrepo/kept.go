package gitrepo

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// keptDir is the folder of the clone's cache (CacheDir) that keeps the objects ReadKept reads, one file per
// object named by its id; keptMax bounds how many it keeps (the oldest by modification time go first).
const (
	keptDir = "objects"
	keptMax = 64
)

// ReadKept is ReadAt of small files read at every run (coord.yaml and the registry, for the rights in force).
// Reading one object from a large pack makes go-git build a map of the whole pack index first (on a clone of
// 100,000 records: some 0.16 s of a 0.65 s submit, the registry's folder and files being years old), so the
// objects along the paths below the top tree are kept in the clone's cache (.git/coord/objects/ID) the first
// time they are read and read from there after, each checked against its id: a damaged or foreign file is read
// from git again, never believed. The commit and its top tree, new at every commit, are read from git.
func (x *Reader) ReadKept(rev string, paths ...string) (map[string][]byte, error) {
	top, err := x.top(rev)
	if err != nil {
		return nil, err
	}
	r := x.r
	k := &keeper{r: r, dir: filepath.Join(r.gitDir, "coord", keptDir)}
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := k.file(top, p)
		if err != nil {
			return nil, wrapGit(err)
		}
		if data != nil {
			out[p] = data
		}
	}
	if k.wrote {
		pruneKept(k.dir)
	}
	return out, nil
}

// keeper reads objects through the kept-objects folder.
type keeper struct {
	r     *Repo
	dir   string
	wrote bool
}

// file is the content of the file at slash path p below the top tree, nil when there is none: the top tree is
// read from git, the folders below it and the file through what is kept.
func (k *keeper) file(top plumbing.Hash, p string) ([]byte, error) {
	blob, err := walkPath(top, p, func(h plumbing.Hash) ([]object.TreeEntry, error) {
		if h == top {
			return k.r.treeEntries(h)
		}
		return k.tree(h)
	})
	if err != nil || blob == zero {
		return nil, err
	}
	return k.object(plumbing.BlobObject, blob)
}

// tree is the entries of tree h, read through what is kept.
func (k *keeper) tree(h plumbing.Hash) ([]object.TreeEntry, error) {
	raw, err := k.object(plumbing.TreeObject, h)
	if err != nil {
		return nil, err
	}
	obj := &plumbing.MemoryObject{}
	obj.SetType(plumbing.TreeObject)
	if _, err := obj.Write(raw); err != nil {
		return nil, err
	}
	var t object.Tree
	if err := t.Decode(obj); err != nil {
		return nil, err
	}
	return t.Entries, nil
}

// object is the content of object h of type t: the kept copy when it hashes to h, else git's, then kept (best
// effort: a cache that cannot be written costs the next run a read from git, nothing else).
func (k *keeper) object(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	name := filepath.Join(k.dir, h.String())
	if data, err := os.ReadFile(name); err == nil && plumbing.ComputeHash(t, data) == h {
		return data, nil
	}
	data, err := k.r.readObject(t, h)
	if err != nil {
		return nil, err
	}
	if os.MkdirAll(k.dir, 0o755) == nil && fsutil.WriteAtomic(name, data, 0o644, false) == nil {
		k.wrote = true
	}
	return data, nil
}

// pruneKept removes the oldest kept objects past keptMax, and what interrupted writes left an hour ago or more.
func pruneKept(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type kept struct {
		name string
		mod  int64
	}
	var ks []kept
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if !plumbing.IsHash(e.Name()) {
			// a write another run left unfinished an hour ago; a younger one may be in progress
			if strings.HasPrefix(e.Name(), fsutil.TempPrefix) && time.Since(info.ModTime()) > time.Hour {
				os.Remove(filepath.Join(dir, e.Name()))
			}
			continue
		}
		ks = append(ks, kept{e.Name(), info.ModTime().UnixNano()})
	}
	if len(ks) <= keptMax {
		return
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i].mod > ks[j].mod })
	for _, k := range ks[keptMax:] {
		os.Remove(filepath.Join(dir, k.name))
	}
}
