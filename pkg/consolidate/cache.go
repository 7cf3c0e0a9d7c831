package consolidate

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
)

// What a workflow step wrote as a period's consolidated record is kept in the clone's git folder
// (.git/coord/written/<period>), keyed by the git blob id of the bytes written: the next merge, approve or
// issue of the period finds the record on disk with that blob id and takes it from there instead of decoding
// the file again (a quarter of 10,000 items is 4.5 MB of YAML). A record changed in any way since — edited,
// checked out, merged by another coordinator — has another blob id and is read from the file. The value kept
// is the one the file decodes to (Encode and Decode agree, a test holds them to it).

const writtenMagic = "coord written record 1\n"

func writtenFile(root string, p period.Period) (string, bool) {
	dir, err := gitrepo.CacheDir(root)
	if err != nil {
		return "", false
	}
	return filepath.Join(dir, "written", p.String()), true
}

// Remember keeps c as the consolidated record of period p whose file now holds data.
func Remember(root string, p period.Period, data []byte, c *record.Consolidated) {
	file, ok := writtenFile(root, p)
	if !ok {
		return
	}
	b := []byte(writtenMagic + datarepo.CacheVersion() + "\n" + datarepo.BlobID(data))
	if kept, err := readPrefix(file, len(b)); err == nil && bytes.Equal(kept, b) {
		return // kept already: the same bytes were written again
	}
	if b, ok = record.AppendValue(b, record.KindConsolidated, c); !ok || !record.IsNFC(c) {
		os.Remove(file)
		return
	}
	_ = fsutil.WriteAtomic(file, b, 0o644, false) // a cache: failing to write it costs the next step its speed
}

// Recall returns the consolidated record of period p when its file still holds what Remember was given for
// it; ok is false otherwise (no record, another content, no cache), and the file must be read.
func Recall(root string, p period.Period) (c *record.Consolidated, ok bool) {
	file, ok := writtenFile(root, p)
	if !ok {
		return nil, false
	}
	kept, err := os.ReadFile(file)
	if err != nil {
		return nil, false
	}
	head := []byte(writtenMagic + datarepo.CacheVersion() + "\n")
	if !bytes.HasPrefix(kept, head) || len(kept) < len(head)+20 {
		return nil, false
	}
	blob, form := string(kept[len(head):len(head)+20]), string(kept[len(head)+20:])
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(datarepo.ConsolidatedPath(p))))
	if err != nil || int64(len(data)) > datarepo.MaxBytes(root) || datarepo.BlobID(data) != blob {
		return nil, false
	}
	v, err := record.ValueFromBinary(record.KindConsolidated, form)
	if err != nil {
		return nil, false
	}
	return v.(*record.Consolidated), true
}

// readPrefix reads the first n bytes of a file.
func readPrefix(file string, n int) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, n)
	_, err = io.ReadFull(f, b)
	return b, err
}
