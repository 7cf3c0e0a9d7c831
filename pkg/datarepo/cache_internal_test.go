package datarepo

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/record"
)

// coarseStat is the stat data of a file system that keeps neither a change time nor an inode, and
// modification times to the second (FAT, many network shares): there a change within the second keeps the
// stat data, and only the racy-git rule can tell.
func coarseStat(fi fs.FileInfo) fileStat {
	return fileStat{size: fi.Size(), mtime: fi.ModTime().Truncate(time.Second).UnixNano(), mode: uint64(fi.Mode())}
}

// TestCacheRacyGit: a file changed in the second the cache was written, its size and time unchanged, is read
// again because its time is not older than the cache's; the same change to a file whose time is older goes
// unseen by stat data (which is why the rule exists: git's index has the same).
func TestCacheRacyGit(t *testing.T) {
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	const rel = "documents/2026/VPTU/a.yaml"
	full := filepath.Join(root, filepath.FromSlash(rel))
	before := []byte("kind: document\nnumber: 12/TB-VPTU\ntype: TB\ndate: 2026-03-04\nissuer: VPTU\nsummary: Truoc\n")
	after := []byte("kind: document\nnumber: 13/TB-VPTU\ntype: TB\ndate: 2026-03-04\nissuer: VPTU\nsummary: Sau!!\n")
	if len(before) != len(after) {
		t.Fatal("the two contents must have one size")
	}
	for _, tc := range []struct {
		name  string
		mtime time.Time
		fresh bool // the change is seen
	}{
		{"changed in the cache's second", time.Now().Truncate(time.Second).Add(time.Hour), true},
		{"an older file changed behind the stat data", time.Now().Truncate(time.Second).Add(-time.Hour), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, before, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(full, tc.mtime, tc.mtime); err != nil {
				t.Fatal(err)
			}
			read := func() *record.File {
				c := newCache(dir, coarseStat)
				f, prob := readRecord(root, rel, record.DefaultMaxBytes, v, c)
				if prob != nil {
					t.Fatal(prob)
				}
				c.Flush(root)
				return f
			}
			read()
			if err := os.WriteFile(full, after, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(full, tc.mtime, tc.mtime); err != nil {
				t.Fatal(err)
			}
			got := read()
			want := record.Decode(rel, after, v)
			if tc.fresh != reflect.DeepEqual(got, want) {
				t.Errorf("the changed content seen: %v, want %v (summary %v)", !tc.fresh, tc.fresh, got.Value)
			}
		})
	}
}
