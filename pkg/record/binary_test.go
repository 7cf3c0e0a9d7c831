package record_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/record"
)

// binarySeeds are the example province, the drafts with their mistakes and the malformed corpus.
func binarySeeds(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, root := range []struct {
		fsys fs.FS
		dir  string
	}{{examples.Province, "province"}, {examples.Drafts, "drafts"}} {
		err := fs.WalkDir(root.fsys, root.dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			b, err := fs.ReadFile(root.fsys, p)
			out[p] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(corpusDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	out["valid-programme"] = []byte(validProgramme)
	return out
}

// sameFile fails unless the file read back from its binary form is the file Decode gave, field by field.
func sameFile(t *testing.T, at string, d *record.File) {
	t.Helper()
	b, ok := record.AppendBinary(nil, d)
	if !ok {
		return // not cached: decoded every time
	}
	back, err := record.FromBinary(at, string(b))
	if err != nil {
		t.Fatalf("FromBinary of what AppendBinary wrote: %v", err)
	}
	if !reflect.DeepEqual(d, back) {
		t.Fatalf("the file read back differs from the decoded one:\n%#v\n%#v", d, back)
	}
	again, ok := record.AppendBinary(nil, back)
	if !ok || string(again) != string(b) {
		t.Fatalf("the form of the file read back differs")
	}
}

// TestBinaryRoundTrip: every example record, draft and malformed corpus file comes back from its binary form
// equal to what Decode gave (tree, positions, comments, value, problems), and most have a form.
func TestBinaryRoundTrip(t *testing.T) {
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	carried := 0
	seeds := binarySeeds(t)
	for name, data := range seeds {
		d := record.Decode("documents/2026/VPUBND/x.yaml", data, v)
		if _, ok := record.AppendBinary(nil, d); ok {
			carried++
		}
		t.Run(name, func(t *testing.T) { sameFile(t, "documents/2026/VPUBND/x.yaml", d) })
	}
	if carried < len(seeds)*3/4 {
		t.Errorf("only %d of %d files have a binary form", carried, len(seeds))
	}
}

// TestBinaryDamaged: a damaged form (truncated, a byte changed) is an error or a File, never a panic, and a
// truncated one is always an error.
func TestBinaryDamaged(t *testing.T) {
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	data, err := fs.ReadFile(examples.Province, "province/programmes/2026/Q3/VPTU.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, ok := record.AppendBinary(nil, record.Decode("programmes/2026/Q3/VPTU.yaml", data, v))
	if !ok {
		t.Fatal("the example programme has no binary form")
	}
	for n := 0; n < len(b); n += 1 + n/7 {
		if _, err := record.FromBinary("p.yaml", string(b[:n])); err == nil {
			t.Fatalf("a form cut at %d of %d bytes was read", n, len(b))
		}
	}
	for i := 0; i < len(b); i += 1 + i/5 {
		c := []byte(string(b))
		c[i] ^= 0x5a
		_, _ = record.FromBinary("p.yaml", string(c))
	}
}

// FuzzBinary: whatever Decode makes of the input, its binary form reads back as the same File.
func FuzzBinary(f *testing.F) {
	for _, b := range binarySeeds(f) {
		f.Add(b)
	}
	v, err := record.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	const at = "petitions/2026/VPUBND/VPUBND-2026-000001.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		sameFile(t, at, record.Decode(at, data, v))
		_, _ = record.FromBinary(at, string(data)) // never panics on garbage
	})
}
