package datarepo

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/par"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// NumberUse is the number a committed document or conclusion carries, with where it is written: all that
// the doc/number rule reads of a record other than the one being submitted.
type NumberUse struct {
	Path   string
	Kind   string // record.KindDocument or record.KindConclusion
	Number string
	Type   string // a document's type
	Date   string // a document's date, a conclusion's issued
	Line   int    // of the number's value
	Column int
	Seq    int // the number's sequence (docnum), 0 when it does not parse
}

// File stands for the record in the rules: its kind, number, type and date, and the number's position.
func (u NumberUse) File() *record.File {
	key := &yaml.Node{Kind: yaml.ScalarNode, Value: "number", Line: u.Line, Column: 1}
	val := &yaml.Node{Kind: yaml.ScalarNode, Value: u.Number, Line: u.Line, Column: u.Column}
	f := &record.File{Path: u.Path, Kind: u.Kind, Root: &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1, Content: []*yaml.Node{key, val}}}
	switch u.Kind {
	case record.KindDocument:
		f.Value = &record.Document{Kind: u.Kind, Number: u.Number, Type: u.Type, Date: u.Date}
	default:
		f.Value = &record.Conclusion{Kind: u.Kind, Number: u.Number, Issued: u.Date}
	}
	return f
}

// CommittedNumbers returns the numbers of the documents and conclusions committed under the folders
// ("documents/2026") of the snapshot whose sequence number want accepts (nil: all). What the records hold is
// kept in the clone's git folder (.git/coord/numbers-v1/), one file per folder with the folder's tree hash: a
// folder whose tree is the one recorded is not read at all (a tree's hash names its whole content), and in a
// folder that changed only the files whose blob changed are decoded. So a submission compares its number
// with ten years of numbers without decoding ten years of records, or even reading their trees. v may be
// nil (numbers do not depend on the schema). The cache can be deleted at any time.
func CommittedNumbers(snap *gitrepo.Snapshot, folders []string, want func(seq int) bool, v record.Validator) ([]NumberUse, error) {
	c := &numCache{snap: snap, dir: filepath.Join(snap.CacheDir(), "numbers-v1"), recs: map[string]*folderRec{}}
	var out []NumberUse
	collectAll := func() error {
		out = out[:0]
		for _, folder := range folders {
			folder = strings.Trim(folder, "/")
			h, err := c.hashOf(folder)
			if err != nil {
				return err
			}
			if h != "" {
				if err := c.collect(folder, h, want, &out); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for attempt := 0; ; attempt++ {
		err := collectAll()
		if err == nil {
			break
		}
		if !errors.Is(err, errDamaged) || attempt == 2 {
			return nil, err
		}
		c.recs, c.missing = map[string]*folderRec{}, nil // the damaged file is gone: start again
	}
	if len(c.missing) > 0 {
		if err := c.decode(v); err != nil {
			return nil, err
		}
		if err := collectAll(); err != nil { // again, with every file known: no tree is read twice
			return nil, err
		}
	}
	for p, rec := range c.recs {
		if rec.dirty {
			_ = c.write(p, rec) // a cache: failing to write it only costs the next run
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// folderRec is what the cache knows of one folder: the tree it was read from, its subfolders and, once the
// folder was collected, its files.
type folderRec struct {
	hash     string
	dirs     map[string]string // name -> tree hash
	hasFiles bool
	files    []fileEntry
	dirty    bool
}

// fileEntry is one file of a folder: its blob and, once decoded, its number. A file read from the cache
// keeps the rest of its line unparsed until its number is wanted.
type fileEntry struct {
	name, blob string
	seq        int
	rest       string // kind, line, column, number, type, date as stored ("" when decoded in this run)
	use        NumberUse
	done       bool // decoded (or read from the cache)
}

type numCache struct {
	snap    *gitrepo.Snapshot
	dir     string
	recs    map[string]*folderRec
	missing []missingFile
}

type missingFile struct {
	folder string
	index  int
	path   string
	blob   string
}

func (c *numCache) file(p string) string { return filepath.Join(c.dir, cacheFileName(p)) }

// record returns the folder's record for tree hash h: the one in memory or in the cache when its tree is
// h, else one made from the tree (keeping what the old one knew of unchanged blobs).
func (c *numCache) record(p, h string, withFiles bool) (*folderRec, error) {
	old := c.recs[p]
	if old == nil || old.hash != h {
		if r := c.read(p); r != nil {
			old = r
		}
	}
	if old != nil && old.hash == h && (!withFiles || old.hasFiles) {
		c.recs[p] = old
		return old, nil
	}
	entries, err := c.snap.Tree(h)
	if err != nil {
		return nil, err
	}
	rec := &folderRec{hash: h, dirs: map[string]string{}, hasFiles: withFiles, dirty: true}
	known := map[string]fileEntry{}
	if old != nil {
		for _, f := range old.files {
			known[f.name] = f
		}
	}
	for _, e := range entries {
		switch {
		case e.Dir:
			rec.dirs[e.Name] = e.Hash
		case withFiles:
			if prev, ok := known[e.Name]; ok && prev.blob == e.Hash && prev.done {
				rec.files = append(rec.files, prev)
				continue
			}
			fe := fileEntry{name: e.Name, blob: e.Hash}
			if IsRecordName(e.Name) {
				c.missing = append(c.missing, missingFile{p, len(rec.files), path.Join(p, e.Name), e.Hash})
			} else {
				fe.done, fe.use = true, NumberUse{Path: path.Join(p, e.Name)}
			}
			rec.files = append(rec.files, fe)
		}
	}
	c.recs[p] = rec
	return rec, nil
}

// hashOf is the tree hash of a folder at the tip ("" when there is none), read through the records of the
// folders above it, so an unchanged part of the repo is not read.
func (c *numCache) hashOf(folder string) (string, error) {
	h := c.snap.Root()
	p := ""
	for _, name := range strings.Split(folder, "/") {
		rec, err := c.record(p, h, false)
		if err != nil {
			return "", err
		}
		if h = rec.dirs[name]; h == "" {
			return "", nil
		}
		p = path.Join(p, name)
	}
	return h, nil
}

// collect appends the wanted numbers under folder p (tree h), at any depth.
func (c *numCache) collect(p, h string, want func(int) bool, out *[]NumberUse) error {
	rec, err := c.record(p, h, true)
	if err != nil {
		return err
	}
	for n, dh := range rec.dirs {
		if err := c.collect(path.Join(p, n), dh, want, out); err != nil {
			return err
		}
	}
	for i := range rec.files {
		f := &rec.files[i]
		if !f.done || (want != nil && !want(f.seq)) {
			continue
		}
		if f.rest != "" {
			u, ok := parseRest(path.Join(p, f.name), f.seq, f.rest)
			if !ok {
				return c.reset(p)
			}
			f.use, f.rest = u, ""
		}
		if f.use.Kind != "" {
			*out = append(*out, f.use)
		}
	}
	return nil
}

// reset forgets a damaged record: it is made again from the tree.
func (c *numCache) reset(p string) error {
	delete(c.recs, p)
	os.Remove(c.file(p))
	return errDamaged
}

var errDamaged = errors.New("numbers cache damaged")

// decode reads the files the cache did not know (the object store one at a time) and decodes them on every
// core.
func (c *numCache) decode(v record.Validator) error {
	data := make([][]byte, len(c.missing))
	for k, m := range c.missing {
		b, err := c.snap.Read(m.blob)
		if err != nil {
			return err
		}
		data[k] = b
	}
	uses := make([]NumberUse, len(c.missing))
	var g par.Group
	work := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		g.Go("", func() {
			for k := range work {
				par.Item(c.missing[k].path, func() { uses[k] = numberOf(c.missing[k].path, data[k], v) })
			}
		})
	}
	for k := range c.missing {
		work <- k
	}
	close(work)
	if err := g.Wait(); err != nil {
		return err
	}
	for k, m := range c.missing {
		f := &c.recs[m.folder].files[m.index]
		f.use, f.seq, f.done = uses[k], uses[k].Seq, true
	}
	c.missing = nil
	return nil
}

// numberOf decodes one record for its number.
func numberOf(p string, data []byte, v record.Validator) NumberUse {
	u := NumberUse{Path: p}
	if int64(len(data)) > record.DefaultMaxBytes {
		return u
	}
	return NumberUseOf(record.Decode(p, data, v))
}

// NumberUseOf is the number a decoded record carries (Kind "" when it is no document or conclusion). Its
// strings are its own: a use kept keeps nothing else of the record alive.
func NumberUseOf(f *record.File) NumberUse {
	u, _, _ := ParsedNumberUse(f)
	return u
}

// ParsedNumberUse is NumberUseOf with the number parsed (ok false when there is none, or it does not parse).
func ParsedNumberUse(f *record.File) (u NumberUse, n docnum.Number, ok bool) {
	u = NumberUse{Path: f.Path}
	switch r := f.Value.(type) {
	case *record.Document:
		u.Kind, u.Number, u.Type, u.Date = record.KindDocument, strings.Clone(r.Number), strings.Clone(r.Type), strings.Clone(r.Date)
	case *record.Conclusion:
		u.Kind, u.Number, u.Date = record.KindConclusion, strings.Clone(r.Number), strings.Clone(r.Issued)
	default:
		return u, n, false
	}
	pos := f.Pos("number")
	u.Line, u.Column = pos.Line, pos.Column
	n, err := docnum.Parse(u.Number)
	if err != nil {
		return u, n, false
	}
	u.Seq = n.Seq
	return u, n, true
}

const numbersHeader = "coord numbers v1"

// A folder's cache file: the header, "tree HASH", a line "d NAME HASH" per subfolder, and, when its files
// were read, "files" and a line per file "f SEQ NAME BLOB KIND LINE COLUMN NUMBER TYPE DATE". Fields are
// tab-separated; one holding a tab, a line break, a backslash or a leading quote is a Go quoted string.

// read reads a folder's record from the cache (nil when absent or damaged).
func (c *numCache) read(p string) *folderRec {
	data, err := os.ReadFile(c.file(p))
	if err != nil {
		return nil
	}
	text := string(data)
	line := func() (string, bool) {
		if text == "" {
			return "", false
		}
		l, rest, _ := strings.Cut(text, "\n")
		text = rest
		return l, true
	}
	if l, _ := line(); l != numbersHeader {
		return nil
	}
	l, _ := line()
	h, ok := strings.CutPrefix(l, "tree ")
	if !ok {
		return nil
	}
	rec := &folderRec{hash: h, dirs: map[string]string{}}
	for {
		l, ok := line()
		if !ok {
			return rec
		}
		switch {
		case strings.HasPrefix(l, "d\t"):
			f := strings.Split(l, "\t")
			if len(f) != 3 {
				return nil
			}
			name, ok := unfield(f[1])
			if !ok {
				return nil
			}
			rec.dirs[name] = f[2]
		case l == "files":
			rec.hasFiles = true
		case strings.HasPrefix(l, "f\t") && rec.hasFiles:
			f := strings.SplitN(l, "\t", 5)
			if len(f) != 5 {
				return nil
			}
			seq, err := strconv.Atoi(f[1])
			name, ok := unfield(f[2])
			if err != nil || !ok {
				return nil
			}
			rec.files = append(rec.files, fileEntry{name: name, blob: f[3], seq: seq, rest: f[4], done: true})
		default:
			return nil
		}
	}
}

// parseRest reads the kind, position, number, type and date of a file line.
func parseRest(p string, seq int, rest string) (NumberUse, bool) {
	f := strings.Split(rest, "\t")
	if len(f) != 6 {
		return NumberUse{}, false
	}
	for i := range f {
		var ok bool
		if f[i], ok = unfield(f[i]); !ok {
			return NumberUse{}, false
		}
	}
	line, err1 := strconv.Atoi(f[1])
	col, err2 := strconv.Atoi(f[2])
	kind := f[0]
	if err1 != nil || err2 != nil || (kind != "-" && kind != record.KindDocument && kind != record.KindConclusion) {
		return NumberUse{}, false
	}
	if kind == "-" {
		kind = ""
	}
	return NumberUse{Path: p, Kind: kind, Line: line, Column: col, Seq: seq, Number: f[3], Type: f[4], Date: f[5]}, true
}

func field(s string) string {
	if strings.ContainsAny(s, "\t\n\r\\") || strings.HasPrefix(s, `"`) {
		return strconv.Quote(s)
	}
	return s
}

func unfield(s string) (string, bool) {
	if !strings.HasPrefix(s, `"`) {
		return s, true
	}
	u, err := strconv.Unquote(s)
	return u, err == nil
}

// write stores a folder's record atomically.
func (c *numCache) write(p string, rec *folderRec) error {
	var b strings.Builder
	b.WriteString(numbersHeader + "\ntree " + rec.hash + "\n")
	names := make([]string, 0, len(rec.dirs))
	for n := range rec.dirs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString("d\t" + field(n) + "\t" + rec.dirs[n] + "\n")
	}
	if rec.hasFiles {
		b.WriteString("files\n")
		for _, f := range rec.files {
			if !f.done {
				continue // never decoded: the next run reads it
			}
			b.WriteString("f\t" + strconv.Itoa(f.seq) + "\t" + field(f.name) + "\t" + f.blob + "\t")
			if f.rest != "" {
				b.WriteString(f.rest)
			} else {
				u := f.use
				kind := u.Kind
				if kind == "" {
					kind = "-"
				}
				b.WriteString(strings.Join([]string{kind, strconv.Itoa(u.Line), strconv.Itoa(u.Column), field(u.Number), field(u.Type), field(u.Date)}, "\t"))
			}
			b.WriteByte('\n')
		}
	}
	return fsutil.WriteAtomic(c.file(p), []byte(b.String()), 0o644, false)
}
