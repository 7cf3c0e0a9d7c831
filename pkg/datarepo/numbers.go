package datarepo

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
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
// ("documents/2026") at the tip of branch. What each file holds is kept in the clone's git folder, per folder
// and per blob (a blob's content never changes), so a submission reads ten years of numbers without
// decoding ten years of records: only the files committed since the last run are read. v may be nil (the
// numbers do not depend on the schema).
func CommittedNumbers(root, branch string, folders []string, v record.Validator) ([]NumberUse, error) {
	snap, err := gitrepo.OpenSnapshot(root, branch)
	if err != nil {
		return nil, err
	}
	defer snap.Close()
	cacheDir, err := gitrepo.CacheDir(root)
	if err != nil {
		return nil, err
	}
	var out []NumberUse
	for _, folder := range folders {
		blobs, err := snap.Blobs(folder)
		if err != nil {
			return nil, err
		}
		file := filepath.Join(cacheDir, "numbers-v1", strings.ReplaceAll(strings.Trim(folder, "/"), "/", "_"))
		cached := readNumbers(file)
		entries := make([]numberEntry, len(blobs))
		var missing []int
		for i, b := range blobs {
			if !IsRecordName(b.Path[strings.LastIndexByte(b.Path, '/')+1:]) {
				entries[i] = numberEntry{path: b.Path, hash: b.Hash, use: NumberUse{Path: b.Path}}
				continue
			}
			if e, ok := cached[b.Path]; ok && e.hash == b.Hash {
				entries[i] = e
				continue
			}
			missing = append(missing, i)
		}
		if len(missing) > 0 || len(cached) != len(blobs) {
			if err := readMissing(snap, blobs, missing, entries, v); err != nil {
				return nil, err
			}
			_ = writeNumbers(file, entries) // a cache: failing to write it only costs the next run
		}
		for _, e := range entries {
			if e.use.Kind != "" {
				out = append(out, e.use)
			}
		}
	}
	return out, nil
}

type numberEntry struct {
	path, hash string
	use        NumberUse // Kind "" for a file that is not a document or conclusion
}

// readMissing reads and decodes the blobs at the given indexes (the object store one at a time, decoding
// on every core).
func readMissing(snap *gitrepo.Snapshot, blobs []gitrepo.Blob, missing []int, entries []numberEntry, v record.Validator) error {
	data := make([][]byte, len(missing))
	for k, i := range missing {
		b, err := snap.Read(blobs[i].Hash)
		if err != nil {
			return err
		}
		data[k] = b
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range work {
				i := missing[k]
				entries[i] = numberEntry{path: blobs[i].Path, hash: blobs[i].Hash, use: numberOf(blobs[i].Path, data[k], v)}
			}
		}()
	}
	for k := range missing {
		work <- k
	}
	close(work)
	wg.Wait()
	return nil
}

// numberOf decodes one record for its number.
func numberOf(p string, data []byte, v record.Validator) NumberUse {
	u := NumberUse{Path: p}
	if int64(len(data)) > record.DefaultMaxBytes {
		return u
	}
	f := record.Decode(p, data, v)
	switch r := f.Value.(type) {
	case *record.Document:
		u.Kind, u.Number, u.Type, u.Date = record.KindDocument, r.Number, r.Type, r.Date
	case *record.Conclusion:
		u.Kind, u.Number, u.Date = record.KindConclusion, r.Number, r.Issued
	default:
		return u
	}
	pos := f.Pos("number")
	u.Line, u.Column = pos.Line, pos.Column
	if n, err := docnum.Parse(u.Number); err == nil {
		u.Seq = n.Seq
	}
	return u
}

const numbersHeader = "coord numbers v1"

// The cache file of one folder: a header, then a line per file, in path order:
// path, blob, kind, line, column, seq, number, type, date — tab-separated, a field holding a tab, a line
// break, a backslash or a leading quote written as a Go quoted string.

func readNumbers(file string) map[string]numberEntry {
	out := map[string]numberEntry{}
	data, err := os.ReadFile(file)
	if err != nil {
		return out
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() || sc.Text() != numbersHeader {
		return out
	}
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 9 {
			return map[string]numberEntry{} // damaged: start again
		}
		for i, s := range f {
			if strings.HasPrefix(s, `"`) {
				u, err := strconv.Unquote(s)
				if err != nil {
					return map[string]numberEntry{}
				}
				f[i] = u
			}
		}
		line, err1 := strconv.Atoi(f[3])
		col, err2 := strconv.Atoi(f[4])
		seq, err3 := strconv.Atoi(f[5])
		if err1 != nil || err2 != nil || err3 != nil || (f[2] != "-" && f[2] != record.KindDocument && f[2] != record.KindConclusion) {
			return map[string]numberEntry{}
		}
		kind := f[2]
		if kind == "-" {
			kind = ""
		}
		out[f[0]] = numberEntry{path: f[0], hash: f[1], use: NumberUse{Path: f[0], Kind: kind, Line: line, Column: col, Seq: seq,
			Number: f[6], Type: f[7], Date: f[8]}}
	}
	if sc.Err() != nil {
		return map[string]numberEntry{}
	}
	return out
}

func writeNumbers(file string, entries []numberEntry) error {
	sorted := append([]numberEntry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].path < sorted[j].path })
	var b bytes.Buffer
	b.WriteString(numbersHeader + "\n")
	field := func(s string, last bool) {
		if strings.ContainsAny(s, "\t\n\r\\") || strings.HasPrefix(s, `"`) {
			s = strconv.Quote(s)
		}
		b.WriteString(s)
		if last {
			b.WriteByte('\n')
		} else {
			b.WriteByte('\t')
		}
	}
	for _, e := range sorted {
		kind := e.use.Kind
		if kind == "" {
			kind = "-"
		}
		field(e.path, false)
		field(e.hash, false)
		field(kind, false)
		field(strconv.Itoa(e.use.Line), false)
		field(strconv.Itoa(e.use.Column), false)
		field(strconv.Itoa(e.use.Seq), false)
		field(e.use.Number, false)
		field(e.use.Type, false)
		field(e.use.Date, true)
	}
	return fsutil.WriteAtomic(file, b.Bytes(), 0o644, false)
}
