package datarepo

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"testing"

	"github.com/coordvn/coord/pkg/record"
)

// TestCacheChunks: a folder larger than a chunk is kept in chunk files of at most chunkMax entries, each file
// in the chunk whose key is the greatest not after its name; a second run decodes nothing, a file renamed
// into another chunk is found by its content, and after a Flush, letGo lets go of the chunks before a file in path order
// and of no other.
func TestCacheChunks(t *testing.T) {
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	root, dir := t.TempDir(), t.TempDir()
	const folder, n = "documents/2026/VPTU", 2*chunkMax + 500
	if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(folder)), 0o755); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range n {
		rel := fmt.Sprintf("%s/d%05d.yaml", folder, i)
		body := fmt.Sprintf("kind: document\nnumber: %d/TB-VPTU\ntype: TB\ndate: 2026-03-04\nissuer: VPTU\nsummary: Văn bản %d\n", i+1, i)
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(rel)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, rel)
	}
	load := func() *Cache {
		t.Helper()
		c := newCache(dir, statOf)
		if _, err := Load(root, Options{Validate: v, Cache: c}); err != nil {
			t.Fatal(err)
		}
		c.Flush(root)
		return c
	}
	if c := load(); c.Decoded() != n {
		t.Fatalf("cold: %d decoded, want %d", c.Decoded(), n)
	}

	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		id, ok := chunkOfName(f.Name())
		if !ok || id.folder != folder {
			t.Fatalf("%s: not a chunk file of %s", f.Name(), folder)
		}
		b, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		entries, _, ok := parseShard(b, CacheVersion())
		if !ok || len(entries) == 0 || len(entries) > chunkMax {
			t.Errorf("%s: %d entries (read: %v), want 1 to %d", f.Name(), len(entries), ok, chunkMax)
		}
		probe := newCache(dir, statOf)
		for name := range entries {
			if probe.chunkOf(folder, name) != id || seen[name] {
				t.Errorf("%s: %s is not this chunk's, or in two chunks", f.Name(), name)
			}
			seen[name] = true
		}
	}
	if len(files) < 3 || len(seen) != n {
		t.Fatalf("%d chunk files holding %d names, want 3 or more holding %d", len(files), len(seen), n)
	}

	if c := load(); c.Decoded() != 0 {
		t.Errorf("warm: %d decoded, want 0", c.Decoded())
	}

	// Renamed into another chunk: found by its content in the folder's other chunks.
	c := newCache(dir, statOf)
	from := paths[0]
	var to string
	for i := 0; to == ""; i++ {
		name := fmt.Sprintf("moved-%d.yaml", i)
		if c.chunkOf(folder, name) != c.chunkOf(folder, path.Base(from)) {
			to = folder + "/" + name
		}
	}
	if err := os.Rename(filepath.Join(root, filepath.FromSlash(from)), filepath.Join(root, filepath.FromSlash(to))); err != nil {
		t.Fatal(err)
	}
	if c := load(); c.Decoded() != 0 {
		t.Errorf("renamed into another chunk: %d decoded, want 0", c.Decoded())
	}
	paths[0] = to

	// letGo, after a Flush: in path order, the chunks before the middle file go, those from it on stay.
	sort.Strings(paths)
	c = newCache(dir, statOf)
	for _, p := range paths {
		if _, ok := c.lookup(p, fileStat{}); ok {
			t.Fatalf("%s: found with no stat data", p)
		}
	}
	mid := paths[len(paths)/2]
	midShard := c.shardOf(mid)
	before := len(c.shards)
	c.Flush(root)
	c.letGo(mid)
	for id := range c.shards {
		if end, ok := c.endOf(id); ok && end <= path.Base(mid) {
			t.Errorf("chunk %v kept after letGo", id)
		}
	}
	if len(c.shards) == before || len(c.shards) == 0 {
		t.Errorf("letGo kept %d of %d chunks", len(c.shards), before)
	}
	if c.shards[midShard.id] != midShard {
		t.Error("the chunk of the file letGo was given was let go of")
	}
}

// TestChunkNames: a chunk's file name reads back as its folder and key, whatever they hold (a comma, a per
// cent sign, Vietnamese); other names in the cache folder are not chunks.
func TestChunkNames(t *testing.T) {
	c := newCache(t.TempDir(), statOf)
	for _, id := range []chunkID{
		{"documents/2026/VPTU", ""},
		{"documents/2026/VPTU", "d02"},
		{"a,b/%20/Hòa Bình", "tờ trình, số 5"},
		{".", "coord.yaml"},
	} {
		got, ok := chunkOfName(filepath.Base(c.file(id)))
		if !ok || got != id {
			t.Errorf("%v: read back as %v (%v)", id, got, ok)
		}
	}
	for _, name := range []string{"d-documents%2F2026", "x-a,b", "d-a,b,c", "d-%zz,", ".tmp-d-a,"} {
		if id, ok := chunkOfName(name); ok {
			t.Errorf("%s: read as chunk %v", name, id)
		}
	}
}

// TestChunkSplitKey: a chunk is split at its middle name, under the shortest key that comes after the first
// half's last name — also when that name is the start of the next ("a" and "ab").
func TestChunkSplitKey(t *testing.T) {
	root, dir := t.TempDir(), t.TempDir()
	c := newCache(dir, statOf)
	c.chunks = map[string][]string{}
	s := &shard{id: chunkID{"f", ""}, entries: map[string]entry{}, put: map[string]*entry{}, seen: map[string]bool{}, dirty: true}
	s.once.Do(func() {})
	for i := range chunkMax + 1 {
		name := fmt.Sprintf("n%05d", i)
		if i == chunkMax/2-1 {
			name = "n01023" // the first half's last name
		}
		if i == chunkMax/2 {
			name = "n01023a" // the second half's first: the last name and one more byte
		}
		s.entries[name] = entry{blob: name, form: name}
		s.seen[name] = true
	}
	s.damaged = true // written even with nothing learnt
	c.shards[s.id] = s
	c.Flush(root)
	if got := c.chunks["f"]; len(got) != 2 || got[0] != "" || got[1] != "n01023a" {
		t.Fatalf("keys after the split: %q, want [\"\" n01023a]", got)
	}
	for _, k := range []string{"", "n01023a"} {
		if h := c.shards[chunkID{"f", k}]; h == nil || len(h.entries) == 0 || len(h.entries) > chunkMax {
			t.Errorf("chunk %q: %v", k, h)
		}
	}
	if c.chunkOf("f", "n01023") != (chunkID{"f", ""}) || c.chunkOf("f", "n01023a") != (chunkID{"f", "n01023a"}) {
		t.Error("the names either side of the key are not in their chunks")
	}
}

// TestLetGoFolderOrder: in path order "a/b-x/…" comes before "a/b/…" ('-' sorts before '/'), so reading
// a/b/ lets go of a/b-x's chunks but not the other way round.
func TestLetGoFolderOrder(t *testing.T) {
	c := newCache(t.TempDir(), statOf)
	c.chunks = map[string][]string{}
	for _, f := range []string{"a/b", "a/b-x"} {
		s := c.shardLocked(chunkID{f, ""})
		s.once.Do(func() {})
	}
	c.letGo("a/b-x/z.yaml")
	if len(c.shards) != 2 {
		t.Errorf("reading a/b-x/ let go of %d chunks, want none", 2-len(c.shards))
	}
	c.letGo("a/b/z.yaml")
	if _, ok := c.shards[chunkID{"a/b-x", ""}]; ok || len(c.shards) != 1 {
		t.Errorf("reading a/b/ kept %v", c.shards)
	}
}
