package datarepo

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/record"
)

// The parse cache: what decoding each record file gave (record.AppendBinary), kept in the clone's git folder
// (.git/coord/parse/) so that an unchanged record is never decoded twice.
//
// A folder's entries are kept in chunk files of at most chunkMax entries, each holding the names from its key
// (a name, or "" for the folder's first chunk) up to the next chunk's key; a chunk that grows past chunkMax is
// split in two at its middle name. A folder of 20,000 records is so read, held and rewritten a chunk at a
// time, and a reader going through the files in path order holds one or two chunks (Load lets go of the others).
//
// It is trusted the way git trusts its index. Each entry holds the file's stat data when it was read (size,
// modification and change times, inode, mode) and its git blob id. A file whose stat data are the entry's is
// not opened at all — unless its times are not older than the second in which the run that wrote the entry
// began (the racy-git rule: a file changed within that second, after it was read, may keep the same stat
// data), in which case it is read again and compared by content. A file whose stat data changed is read and
// its blob id looked up among the folder's entries (a file touched without change, renamed within its folder,
// or reverted to a content the folder held): found, it is not decoded; else it is decoded and its entry
// replaced. The cache is written under a version naming this coord build, the binary form and the schemas:
// a cache from another coord is not read but rebuilt; a damaged file (its checksum does not match, or an entry
// does not read back) is rebuilt too. Deleting .git/coord/parse at any time costs one cold run.
//
// The cache holds what record.Decode gives with the schemas' validator (record.NewValidator): Load uses it only
// when one is given.

const cacheMagic = "coord parse cache 1\n"

// Cache is the parse cache of one data repo's clone. Its methods are safe for concurrent use.
type Cache struct {
	dir     string // .git/coord/parse
	version string
	start   int64 // the run's start, in nanoseconds, floored to the second: the entries it writes are judged by it
	stat    func(fs.FileInfo) fileStat

	mu      sync.Mutex
	shards  map[chunkID]*shard
	chunks  map[string][]string // the keys of each folder's chunks, sorted, from one listing of dir (nil: not listed)
	decoded atomic.Int64
}

// chunkMax is the most entries a chunk file holds: a chunk that grows past it is split.
const chunkMax = 2048

// chunkID names one chunk of a folder: the files whose name is key or after, up to the next chunk's key.
type chunkID struct {
	folder string
	key    string
}

// splitPath is path.Dir and path.Base of a record path as the walk gives it (clean, relative).
func splitPath(p string) (folder, name string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ".", p
	}
	return p[:i], p[i+1:]
}

// letGoEvery is how many files Load gives its readers between two calls of Cache.letGo.
const letGoEvery = 64

// letGo lets go of the chunks whose files all come before the file at next in path order, and that hold
// nothing this run learnt (those wait for Flush).
func (c *Cache) letGo(next string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	dir, name := splitPath(next)
	for id, s := range c.shards {
		if len(s.put) > 0 || s.dirty || s.damaged {
			continue
		}
		done := id.folder+"/" < next && !strings.HasPrefix(next, id.folder+"/") // a folder before next's
		if id.folder == dir {
			end, ok := c.endOf(id)
			done = ok && end <= name
		}
		if done {
			delete(c.shards, id)
		}
	}
}

// endOf is the key of the chunk after id in its folder (ok false for the folder's last chunk), under c.mu.
func (c *Cache) endOf(id chunkID) (string, bool) {
	keys := c.chunks[id.folder]
	i, found := slices.BinarySearch(keys, id.key)
	if found {
		i++
	}
	if i < len(keys) {
		return keys[i], true
	}
	return "", false
}

// Decoded is how many record files were decoded through the cache (the others were read from it); 0 for
// no cache.
func (c *Cache) Decoded() int {
	if c == nil {
		return 0
	}
	return int(c.decoded.Load())
}

// OpenCache returns the parse cache of the data repo at root: nil when root is not a git clone's top (there
// is no .git/coord to keep it in).
func OpenCache(root string) *Cache {
	dir, err := gitrepo.CacheDir(root)
	if err != nil {
		return nil
	}
	return newCache(filepath.Join(dir, "parse"), statOf)
}

func newCache(dir string, stat func(fs.FileInfo) fileStat) *Cache {
	return &Cache{dir: dir, version: CacheVersion(), start: time.Now().Truncate(time.Second).UnixNano(), stat: stat,
		shards: map[chunkID]*shard{}}
}

// CacheVersion names this coord build's decoding, for the caches of what it decoded: the binary form and
// schemas (record.BinaryVersion), the module's version and revision, and the executable itself (size and
// time), so that a rebuilt coord — a developer's included — never reads what another one wrote.
var CacheVersion = sync.OnceValue(func() string {
	v := record.BinaryVersion()
	if bi, ok := debug.ReadBuildInfo(); ok {
		v += " " + bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				v += " " + s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			v += " " + st.ModTime().UTC().Format(time.RFC3339Nano) + " " + time.Duration(st.Size()).String()
		}
	}
	return v
})

// fileStat is what the cache compares of a file's stat data.
type fileStat struct {
	size, mtime, ctime int64
	ino, mode          uint64
}

func statOf(fi fs.FileInfo) fileStat {
	ctime, ino := sysStat(fi)
	return fileStat{size: fi.Size(), mtime: fi.ModTime().UnixNano(), ctime: ctime, ino: ino, mode: uint64(fi.Mode())}
}

// entry is what the cache knows of one file.
type entry struct {
	st   fileStat
	blob string // the git blob id, 20 bytes
	form string // record.AppendBinary
}

// shard is one chunk file of a folder.
type shard struct {
	once    sync.Once
	id      chunkID
	since   int64             // entries are trusted on stat data only when their times are older
	entries map[string]entry  // as read: never written to while files are loaded
	byBlob  map[string]string // blob id -> form, as read
	put     map[string]*entry // what this run learnt (nil: the file is no longer cached), under Cache.mu
	dirty   bool
	damaged bool // read but not usable: rewritten even when nothing changed
	seen    map[string]bool
}

// file is the path of a chunk's file: d-FOLDER,KEY (both escaped, so that neither holds a comma).
func (c *Cache) file(id chunkID) string {
	return filepath.Join(c.dir, cacheFileName(id.folder)+","+url.PathEscape(id.key))
}

// cacheFileName is the name of a folder's file in a cache folder (the numbers cache's; the parse cache's
// chunks add their key to it).
func cacheFileName(folder string) string { return "d-" + url.PathEscape(folder) }

// maxKeyName is the longest escaped key a chunk's file name takes (file systems allow 255 bytes a name).
const maxKeyName = 150

// chunkOfName reads a chunk file's name (file); ok is false for any other file.
func chunkOfName(file string) (chunkID, bool) {
	rest, ok := strings.CutPrefix(file, "d-")
	folder, key, comma := strings.Cut(rest, ",")
	if !ok || !comma || strings.Contains(key, ",") {
		return chunkID{}, false
	}
	folder, err := url.PathUnescape(folder)
	key, err1 := url.PathUnescape(key)
	if err != nil || err1 != nil {
		return chunkID{}, false
	}
	return chunkID{folder: folder, key: key}, true
}

// chunkOf returns the chunk of the folder's file called name: the one with the greatest key not after name,
// among the chunk files listed (the folder's first chunk when there is none), under c.mu.
func (c *Cache) chunkOf(folder, name string) chunkID {
	if c.chunks == nil {
		c.chunks = map[string][]string{}
		if entries, err := os.ReadDir(c.dir); err == nil {
			for _, e := range entries {
				if id, ok := chunkOfName(e.Name()); ok {
					c.addChunk(id)
				} else if strings.HasPrefix(e.Name(), "d-") && !strings.Contains(e.Name(), ",") {
					_ = os.Remove(filepath.Join(c.dir, e.Name())) // a whole folder's file, as coord kept them before chunks
				}
			}
		}
	}
	keys := c.chunks[folder]
	i, found := slices.BinarySearch(keys, name)
	switch {
	case found:
		return chunkID{folder, name}
	case i == 0:
		return chunkID{folder, ""}
	}
	return chunkID{folder, keys[i-1]}
}

// addChunk puts id among the folder's chunks, under c.mu.
func (c *Cache) addChunk(id chunkID) {
	keys := c.chunks[id.folder]
	if i, found := slices.BinarySearch(keys, id.key); !found {
		c.chunks[id.folder] = slices.Insert(keys, i, id.key)
	}
}

// shardOf returns the shard of the file at rel, read from disk on first use.
func (c *Cache) shardOf(rel string) *shard {
	c.mu.Lock()
	s := c.shardLocked(c.chunkOf(splitPath(rel)))
	c.mu.Unlock()
	s.once.Do(func() { c.read(s) })
	return s
}

// shardLocked returns the chunk's shard, made (not read) if need be, under c.mu.
func (c *Cache) shardLocked(id chunkID) *shard {
	s := c.shards[id]
	if s == nil {
		s = &shard{id: id, seen: map[string]bool{}, put: map[string]*entry{}}
		c.shards[id] = s
	}
	return s
}

// read fills s from its file; a missing, foreign or damaged file leaves it empty.
func (c *Cache) read(s *shard) {
	s.entries, s.byBlob = map[string]entry{}, map[string]string{}
	b, err := os.ReadFile(c.file(s.id))
	if err != nil {
		return
	}
	fi, err := os.Stat(c.file(s.id))
	if err != nil {
		return
	}
	entries, since, ok := parseShard(b, c.version)
	if !ok {
		c.mu.Lock() // letGo reads it while other files are read
		s.damaged = true
		c.mu.Unlock()
		return
	}
	// The racy-git rule judges entries by the earlier of the writing run's start and the file's own time.
	if m := fi.ModTime().Truncate(time.Second).UnixNano(); m < since {
		since = m
	}
	s.since, s.entries = since, entries
	for _, e := range entries {
		s.byBlob[e.blob] = e.form
	}
}

// parseShard reads a shard file written under version; ok is false when it is damaged or from another coord.
func parseShard(b []byte, version string) (map[string]entry, int64, bool) {
	if len(b) < 4 || crc32.Checksum(b[:len(b)-4], crcTable) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, 0, false
	}
	head := cacheMagic + version + "\n"
	if len(b) < len(head)+4 || !bytes.HasPrefix(b, []byte(head)) {
		return nil, 0, false
	}
	// The entries' names, blob ids and forms are parts of the file's bytes, not copies: b is never written to
	// after it is read, so it is read as a string in place (a folder of 20,000 records has a file of 18 MB).
	r := &record.BinReader{S: unsafe.String(&b[len(head)], len(b)-4-len(head))}
	since := r.Varint()
	n := r.Count()
	if r.Err != nil {
		return nil, 0, false
	}
	out := make(map[string]entry, n)
	for i := 0; i < n && r.Err == nil; i++ {
		name := r.Str()
		e := entry{st: fileStat{size: r.Varint(), mtime: r.Varint(), ctime: r.Varint(), ino: r.Uvarint(), mode: r.Uvarint()}}
		e.blob, e.form = r.Str(), r.Str()
		out[name] = e
	}
	if r.Err != nil || r.Off != len(r.S) {
		return nil, 0, false
	}
	return out, since, true
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// lookup returns the form of the file at rel whose stat data are st, when the cache can answer without
// reading the file.
func (c *Cache) lookup(rel string, st fileStat) (string, bool) {
	s := c.shardOf(rel)
	e, ok := s.entries[path.Base(rel)]
	if !ok || e.st != st || e.st.mtime >= s.since || e.st.ctime >= s.since {
		return "", false
	}
	c.mu.Lock()
	s.seen[path.Base(rel)] = true
	c.mu.Unlock()
	return e.form, true
}

// byContent returns a form for the file at rel whose content has blob id blob, from the folder's entries:
// its own chunk's first, then the folder's other chunks (a file renamed within its folder, or reverted to what
// another file holds), which are then read too.
func (c *Cache) byContent(rel, blob string) (string, bool) {
	s := c.shardOf(rel)
	if form, ok := s.byBlob[blob]; ok {
		return form, ok
	}
	c.mu.Lock()
	var others []*shard
	for _, key := range c.chunks[s.id.folder] {
		if key != s.id.key {
			others = append(others, c.shardLocked(chunkID{s.id.folder, key}))
		}
	}
	c.mu.Unlock()
	for _, o := range others {
		o.once.Do(func() { c.read(o) })
		if form, ok := o.byBlob[blob]; ok {
			return form, ok
		}
	}
	return "", false
}

// put records what the file at rel, read with stat data st, holds.
func (c *Cache) put(rel string, st fileStat, blob, form string) {
	s := c.shardOf(rel)
	name := path.Base(rel)
	c.mu.Lock()
	defer c.mu.Unlock()
	s.seen[name] = true
	if e, ok := s.entries[name]; ok && e.st == st && e.blob == blob && e.form == form {
		return
	}
	s.put[name] = &entry{st: st, blob: blob, form: form}
	s.dirty = true
}

// forget drops what the cache knows of the file at rel (it is no longer a record the cache can hold).
func (c *Cache) forget(rel string) {
	s := c.shardOf(rel)
	c.mu.Lock()
	defer c.mu.Unlock()
	s.seen[path.Base(rel)] = true
	if _, ok := s.entries[path.Base(rel)]; ok {
		s.put[path.Base(rel)] = nil
		s.dirty = true
	}
}

// Flush writes the folders whose entries changed. root is the data repo: an entry of a file this run did
// not see is kept only while the file exists. Failing to write only costs the next run its speed.
func (c *Cache) Flush(root string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.shards {
		if s.entries == nil {
			continue
		}
		if len(s.put) == 0 && !s.damaged {
			continue // nothing learnt: the file stays as it is
		}
		for name, e := range s.put {
			if e == nil {
				delete(s.entries, name)
			} else {
				s.entries[name] = *e
			}
		}
		s.put = map[string]*entry{}
		for name, e := range s.entries {
			if s.seen[name] {
				continue
			}
			// Not looked at by this run: kept while the file exists, and only when the next run, judging by
			// this run's start, would still have to re-read it if it was racily written.
			_, err := os.Lstat(filepath.Join(root, filepath.FromSlash(path.Join(s.id.folder, name))))
			if err != nil || e.st.mtime >= s.since || e.st.ctime >= s.since {
				delete(s.entries, name)
				s.dirty = true
			}
		}
		if !s.dirty && !s.damaged {
			continue
		}
		if len(s.entries) > chunkMax {
			c.split(s)
			continue
		}
		_ = c.write(s)
		s.dirty, s.damaged = false, false
	}
}

// split writes the entries of a chunk grown past chunkMax as two chunks, divided at its middle name (each
// split again while it is too large), under c.mu. The first keeps the chunk's key; the second's key is the
// shortest start of its first name that comes after the first chunk's last name. A chunk whose key would
// make too long a file name is written whole.
func (c *Cache) split(s *shard) {
	names := make([]string, 0, len(s.entries))
	for n := range s.entries {
		names = append(names, n)
	}
	sort.Strings(names)
	mid := len(names) / 2
	last, first := names[mid-1], names[mid]
	j := 0
	for j < len(last) && last[j] == first[j] {
		j++
	}
	key := first[:j+1]
	if len(url.PathEscape(key)) > maxKeyName {
		if c.write(s) == nil {
			s.dirty, s.damaged = false, false
		}
		return
	}
	halves := [2]*shard{}
	for i, id := range []chunkID{s.id, {s.id.folder, key}} {
		halves[i] = &shard{id: id, since: s.since, entries: map[string]entry{}, byBlob: map[string]string{},
			put: map[string]*entry{}, seen: map[string]bool{}}
		halves[i].once.Do(func() {}) // filled here, not read
	}
	for name, e := range s.entries {
		h := halves[0]
		if name >= key {
			h = halves[1]
		}
		h.entries[name], h.byBlob[e.blob] = e, e.form
		h.seen[name] = s.seen[name]
	}
	c.addChunk(halves[1].id)
	for _, h := range halves {
		c.shards[h.id] = h
		if len(h.entries) > chunkMax {
			c.split(h)
		} else if c.write(h) != nil {
			h.dirty = true
		}
	}
}

func (c *Cache) write(s *shard) error {
	if len(s.entries) == 0 {
		err := os.Remove(c.file(s.id))
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	names := make([]string, 0, len(s.entries))
	for n := range s.entries {
		names = append(names, n)
	}
	sort.Strings(names)
	w := &record.BinWriter{B: []byte(cacheMagic + c.version + "\n")}
	w.Varint(c.start)
	w.Uvarint(uint64(len(names)))
	for _, n := range names {
		e := s.entries[n]
		w.Str(n)
		w.Varint(e.st.size)
		w.Varint(e.st.mtime)
		w.Varint(e.st.ctime)
		w.Uvarint(e.st.ino)
		w.Uvarint(e.st.mode)
		w.Str(e.blob)
		w.Str(e.form)
	}
	w.B = binary.LittleEndian.AppendUint32(w.B, crc32.Checksum(w.B, crcTable))
	if err := fsutil.WriteAtomic(c.file(s.id), w.B, 0o644, false); err != nil {
		return err
	}
	if c.chunks != nil {
		c.addChunk(s.id)
	}
	return nil
}

// BlobID is the git blob id of data, as 20 bytes (hex: BlobHex).
func BlobID(data []byte) string {
	h := sha1.New()
	h.Write([]byte("blob " + strconv.Itoa(len(data)) + "\x00"))
	h.Write(data)
	return string(h.Sum(nil))
}

// BlobHex is a blob id as git writes it.
func BlobHex(id string) string { return hex.EncodeToString([]byte(id)) }
