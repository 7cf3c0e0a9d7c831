package datarepo

import (
	"os"
	"testing"
)

// FuzzParseShard: a cache file of any bytes is read or refused, never a panic; one that reads gives back
// entries whose forms lie within the file.
func FuzzParseShard(f *testing.F) {
	dir := f.TempDir()
	c := newCache(dir, statOf)
	s := &shard{id: chunkID{folder: "documents/2026/VPTU"}, entries: map[string]entry{
		"a.yaml": {st: fileStat{size: 10, mtime: 1, ctime: 2, ino: 3, mode: 0o644}, blob: "01234567890123456789", form: "form a"},
		"b.yaml": {st: fileStat{size: 11}, blob: "98765432109876543210", form: ""},
	}}
	if err := c.write(s); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(c.file(s.id))
	if err != nil {
		f.Fatal(err)
	}
	if got, _, ok := parseShard(good, c.version); !ok || len(got) != 2 || got["a.yaml"] != s.entries["a.yaml"] {
		f.Fatalf("a cache file written does not read back: %v %v", ok, got)
	}
	f.Add(good)
	f.Add(good[:len(good)-1])
	f.Add([]byte(cacheMagic + c.version + "\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, _, ok := parseShard(b, c.version)
		if !ok {
			return
		}
		for name, e := range entries {
			if len(e.form) > len(b) || len(name) > len(b) {
				t.Fatalf("entry %q larger than the file", name)
			}
		}
	})
}
