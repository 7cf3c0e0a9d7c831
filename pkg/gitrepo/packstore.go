package gitrepo

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// unpackLimit is git's transfer.unpackLimit: a fetch or a push of fewer objects is stored as loose objects
// (a submission is a commit, a blob and a few trees), a larger one as a pack — so years of submissions do
// not leave thousands of packs, each of which every later read would search.
const unpackLimit = 100

// storePack stores the objects of the pack read from in into st, the repository whose git folder is
// gitDir, so that a process killed at any moment leaves the repository sound: loose objects are each written
// to a temp file and renamed (go-git does so); a pack is written whole in a folder of its own and then moved
// in, its index first, each by a rename. go-git's own pack writer creates the index under its final name
// and fills it in place, so a kill in the middle left an index "too small" that git and go-git then refuse
// (the crash test found it). An index without its pack is ignored by git and go-git alike.
func storePack(st *filesystem.Storage, gitDir string, in io.Reader) error {
	br := bufio.NewReader(in)
	head, err := br.Peek(12)
	if err != nil {
		if errors.Is(err, io.EOF) && len(head) == 0 {
			return nil // nothing sent
		}
		return err
	}
	if string(head[:4]) != "PACK" {
		return errors.New("not a pack")
	}
	if binary.BigEndian.Uint32(head[8:12]) < unpackLimit {
		return packfile.UpdateObjectStorage(looseStorer{st}, br)
	}
	tmp, err := os.MkdirTemp(gitDir, "coord-incoming-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.MkdirAll(filepath.Join(tmp, "objects", "pack"), 0o755); err != nil {
		return err
	}
	ts := filesystem.NewStorage(osfs.New(tmp), cache.NewObjectLRUDefault())
	err = packfile.WritePackfileToObjectStorage(ts, br)
	ts.Close()
	if err != nil {
		return err
	}
	src := filepath.Join(tmp, "objects", "pack")
	ents, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	dst := filepath.Join(gitDir, "objects", "pack")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, ext := range []string{".idx", ".pack"} {
		for _, e := range ents {
			n := e.Name()
			if !strings.HasPrefix(n, "pack-") || !strings.HasSuffix(n, ext) {
				continue
			}
			if _, err := os.Lstat(filepath.Join(dst, n)); err == nil {
				continue // the same pack is there already (packs are named by their content)
			}
			if err := syncFile(filepath.Join(src, n)); err != nil {
				return err
			}
			if err := os.Rename(filepath.Join(src, n), filepath.Join(dst, n)); err != nil {
				return err
			}
		}
	}
	st.Reindex() // the storage lists its packs once; it now has one more
	return nil
}

// syncFile flushes a written file to disk, so a rename never publishes a name whose bytes a power cut
// could still lose.
func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
