package gitrepo

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/go-git/go-git/v5/plumbing"
)

// The worktree layer: the index and the files on disk, touched only at the paths that change. Every
// write is a temp file renamed into place, so a killed process leaves either the old or the new bytes.

const tmpPrefix = fsutil.TempPrefix

// writeAtomic writes data to path through a temp file in the same folder, renamed into place.
func writeAtomic(path string, data []byte, perm os.FileMode, sync bool) error {
	return fsutil.WriteAtomic(path, data, perm, sync)
}

// removeStaleTemps deletes temp files a killed coord left in dir (never anything else).
func removeStaleTemps(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.IsDir() && strings.HasPrefix(e.Name(), tmpPrefix) && strings.HasSuffix(e.Name(), ".tmp") {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// setRef points a ref at h, atomically (go-git truncates the ref file in place, which a kill can leave empty).
// Branches are synced to disk; remote-tracking refs are only a cache of the server's state.
func (r *Repo) setRef(name plumbing.ReferenceName, h plumbing.Hash) error {
	return writeAtomic(filepath.Join(r.gitDir, filepath.FromSlash(name.String())), []byte(h.String()+"\n"), 0o644, !name.IsRemote())
}

// refHash resolves a ref (loose or packed); zero when it does not exist.
func (r *Repo) refHash(name plumbing.ReferenceName) (plumbing.Hash, error) {
	ref, err := r.st.Reference(name)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return zero, nil
	}
	if err != nil {
		return zero, wrapGit(err)
	}
	if ref.Type() == plumbing.SymbolicReference {
		return r.refHash(ref.Target())
	}
	return ref.Hash(), nil
}

func (r *Repo) abs(p string) string { return filepath.Join(r.Root, filepath.FromSlash(p)) }

// statClean reports whether the file still has the stat the index recorded (so its content is e.Hash).
func statClean(e idxEntry, fi os.FileInfo) bool {
	return fi.Mode().IsRegular() && e.Size != 0 && int64(e.Size) == fi.Size()&0xffffffff && e.MTime.Equal(fi.ModTime())
}

// localState tells whether the worktree file at p holds blob want (zero: absent). It trusts the index's
// stat when it matches and hashes the file otherwise (one file, never the tree).
func (r *Repo) localState(idx *idxFile, p string) (plumbing.Hash, error) {
	fi, err := os.Lstat(r.abs(p))
	if errors.Is(err, fs.ErrNotExist) {
		return zero, nil
	}
	if err != nil {
		return zero, err
	}
	if !fi.Mode().IsRegular() {
		return plumbing.Hash{0xff}, nil // a folder or a link where a file should be: never "clean"
	}
	if e, ok := idx.entry(p); ok && statClean(e, fi) {
		return e.Hash, nil
	}
	data, err := os.ReadFile(r.abs(p))
	if err != nil {
		return zero, err
	}
	return blobHash(data), nil
}

// dirtyPaths returns the paths of diffs whose worktree file is neither the old blob nor the new one:
// local edits that moving to the new tree would overwrite. skip lists paths that may differ (a submission's own).
func (r *Repo) dirtyPaths(idx *idxFile, diffs []diffEntry, skip map[string]bool) ([]string, error) {
	var out []string
	for _, d := range diffs {
		if skip[d.Path] {
			continue
		}
		h, err := r.localState(idx, d.Path)
		if err != nil {
			return nil, err
		}
		if h != d.From && h != d.To {
			out = append(out, d.Path)
		}
	}
	return out, nil
}

// checkout brings the worktree files and index entries of diffs to their To side.
func (r *Repo) checkout(idx *idxFile, diffs []diffEntry) error {
	for _, d := range diffs {
		full := r.abs(d.Path)
		if d.To == zero {
			if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			idx.remove(d.Path)
			removeEmptyParents(r.Root, filepath.Dir(full))
			continue
		}
		data, err := r.readBlob(d.To)
		if err != nil {
			return err
		}
		if err := r.placeFile(idx, d.Path, data, d.To); err != nil {
			return err
		}
	}
	return nil
}

// placeFile writes data at p (unless already there) and records it in the index with fresh stat info.
func (r *Repo) placeFile(idx *idxFile, p string, data []byte, h plumbing.Hash) error {
	full := r.abs(p)
	removeStaleTemps(filepath.Dir(full))
	write, indexed, err := r.needsWrite(idx, p, data, h)
	if err != nil || indexed {
		return err
	}
	if write {
		if err := writeAtomic(full, data, 0o644, true); err != nil {
			return err
		}
	}
	return r.indexFile(idx, p, h)
}

// placeFiles brings the worktree files of one commit (nil content: deleted) to their committed content
// all or none (fsutil.WriteSet), then records them in the index.
func (r *Repo) placeFiles(idx *idxFile, files map[string][]byte, changes map[string]change) error {
	set := map[string][]byte{}
	var paths []string
	for p, data := range files {
		full := r.abs(p)
		removeStaleTemps(filepath.Dir(full))
		c := changes[p]
		if c.Del {
			if !r.sameAsWritten(p, files) { // one file under two spellings is written, never deleted
				set[full] = nil
			}
			continue
		}
		write, indexed, err := r.needsWrite(idx, p, data, c.Blob)
		if err != nil {
			return err
		}
		if write {
			set[full] = data
		}
		if !indexed {
			paths = append(paths, p)
		}
	}
	if err := fsutil.WriteSet(set, nil); err != nil {
		return err
	}
	for p, c := range changes {
		if c.Del {
			idx.remove(p)
			removeEmptyParents(r.Root, filepath.Dir(r.abs(p)))
		}
	}
	for _, p := range paths {
		if err := r.indexFile(idx, p, changes[p].Blob); err != nil {
			return err
		}
	}
	return nil
}

// needsWrite tells whether the worktree file at p must be written to hold data (blob h), and whether the
// index already records it with matching stat info (nothing to do at all).
func (r *Repo) needsWrite(idx *idxFile, p string, data []byte, h plumbing.Hash) (write, indexed bool, err error) {
	full := r.abs(p)
	fi, err := os.Lstat(full)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, false, err
	}
	if err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(data)) {
		if e, ok := idx.entry(p); ok && statClean(e, fi) && e.Hash == h {
			return false, true, nil
		}
		old, rerr := os.ReadFile(full)
		if rerr == nil && bytes.Equal(old, data) {
			return false, false, nil
		}
	}
	return true, false, nil
}

// indexFile records the worktree file at p, which holds blob h, in the index with fresh stat info.
func (r *Repo) indexFile(idx *idxFile, p string, h plumbing.Hash) error {
	fi, err := os.Lstat(r.abs(p))
	if err != nil {
		return err
	}
	idx.set(p, h, fi)
	return nil
}

// removeEmptyParents removes empty folders from dir up to (not including) root.
func removeEmptyParents(root, dir string) {
	for dir != root && strings.HasPrefix(dir, root) {
		if err := os.Remove(dir); err != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
