package fsutil_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/coordvn/coord/pkg/fsutil"
)

// Records get LF line ends; every other file is written byte for byte.
func TestRecordsAloneNormalised(t *testing.T) {
	dir := t.TempDir()
	ics := []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
	rec := []byte("kind: document\r\nnumber: 1/TB-UBND\r\n")
	cases := []struct {
		name  string
		write func(string, []byte) error
		data  []byte
		want  []byte
	}{
		{"a.yaml", func(p string, b []byte) error { return fsutil.WriteRecord(p, b, 0o644) }, rec, []byte("kind: document\nnumber: 1/TB-UBND\n")},
		{"a.ics", func(p string, b []byte) error { return fsutil.WriteAtomic(p, b, 0o644, true) }, ics, ics},
	}
	for _, c := range cases {
		p := filepath.Join(dir, "sub", c.name)
		if err := c.write(p, c.data); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(p); !bytes.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	for _, p := range []string{"x.yaml", "x.yml", "X.YAML", "a/b.Yml"} {
		if !fsutil.IsRecordPath(p) {
			t.Errorf("%s is a record", p)
		}
	}
	for _, p := range []string{"x.ics", "x.xlsx", "yaml", "x.yaml.bak", ".gitattributes"} {
		if fsutil.IsRecordPath(p) {
			t.Errorf("%s is not a record", p)
		}
	}
}
