package fsutil_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
)

// before is what the folder holds before each set is written.
func before(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	old := map[string][]byte{
		"a.yaml":   []byte("kind: consolidated\nperiod: 2026-Q3\n"),
		"c.ics":    []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
		"gone.txt": []byte("to delete\n"),
		"m.xlsx":   []byte("PK\x03\x04old"),
	}
	for p, b := range old {
		if err := os.WriteFile(filepath.Join(dir, p), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, old
}

// set is the new version: records normalised, outputs byte for byte, one new file in a new folder, one deletion.
func set(dir string) map[string][]byte {
	return map[string][]byte{
		filepath.Join(dir, "a.yaml"):         []byte("kind: consolidated\r\nperiod: 2026-Q4\r\n"),
		filepath.Join(dir, "c.ics"):          []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"),
		filepath.Join(dir, "m.xlsx"):         []byte("PK\x03\x04new\r\n\x00"),
		filepath.Join(dir, "new", "n.docx"):  []byte("PK\x03\x04docx\r\n"),
		filepath.Join(dir, "gone.txt"):       nil,
		filepath.Join(dir, "never-was.html"): nil,
	}
}

// leftovers lists coord's temp and backup files under dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), fsutil.TempPrefix) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestWriteSetWhole(t *testing.T) {
	dir, _ := before(t)
	files := set(dir)
	if err := fsutil.WriteSet(files, fsutil.IsRecordPath); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a.yaml":     "kind: consolidated\nperiod: 2026-Q4\n",
		"c.ics":      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
		"m.xlsx":     "PK\x03\x04new\r\n\x00",
		"new/n.docx": "PK\x03\x04docx\r\n",
	}
	for p, w := range want {
		if got, err := os.ReadFile(filepath.Join(dir, p)); err != nil || string(got) != w {
			t.Errorf("%s: %q %v, want %q", p, got, err, w)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gone.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("gone.txt not deleted")
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// A file that cannot be replaced (here a non-empty folder stands at its path; on Windows, a file open in
// Excel) leaves every file as it was — those replaced before it are put back — and the error names it.
func TestWriteSetNothingWhenOneCannotBeReplaced(t *testing.T) {
	for _, blocked := range []string{"b-blocked.xlsx", "z-blocked.xlsx"} { // in the middle, and last
		t.Run(blocked, func(t *testing.T) {
			dir, old := before(t)
			target := filepath.Join(dir, blocked)
			if err := os.MkdirAll(filepath.Join(target, "inside"), 0o755); err != nil {
				t.Fatal(err)
			}
			files := set(dir)
			files[target] = []byte("PK\x03\x04blocked")
			err := fsutil.WriteSet(files, fsutil.IsRecordPath)
			var we *fsutil.WriteError
			if !errors.As(err, &we) || we.Path != target || !we.InPlace {
				t.Fatalf("want a WriteError naming %s, got %#v", target, err)
			}
			if msg := i18n.Localize(err, i18n.VI); !strings.Contains(msg, target) || !strings.Contains(msg, "đang mở trong chương trình khác") {
				t.Errorf("vi message: %s", msg)
			}
			if msg := i18n.Localize(err, i18n.EN); !strings.Contains(msg, "Close it and run again") {
				t.Errorf("en message: %s", msg)
			}
			for p, b := range old {
				if got, err := os.ReadFile(filepath.Join(dir, p)); err != nil || !bytes.Equal(got, b) {
					t.Errorf("%s: %q %v, want its previous %q", p, got, err, b)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, fs.ErrNotExist) {
				t.Error("the new file's folder is left behind")
			}
			if st, err := os.Stat(filepath.Join(target, "inside")); err != nil || !st.IsDir() {
				t.Error("the folder at the blocked path was touched")
			}
			if l := leftovers(t, dir); len(l) > 0 {
				t.Errorf("left behind: %v", l)
			}
		})
	}
}

// A file whose temp cannot even be written (its folder is a file) stops the set before anything is replaced.
func TestWriteSetNothingWhenOneCannotBeWritten(t *testing.T) {
	dir, old := before(t)
	files := set(dir)
	bad := filepath.Join(dir, "c.ics", "under-a-file.ics")
	files[bad] = []byte("x")
	err := fsutil.WriteSet(files, nil)
	var we *fsutil.WriteError
	if !errors.As(err, &we) || we.Path != bad || we.InPlace {
		t.Fatalf("want a WriteError naming %s, got %#v", bad, err)
	}
	for p, b := range old {
		if got, err := os.ReadFile(filepath.Join(dir, p)); err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s: %q %v, want its previous %q", p, got, err, b)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the new file's folder is left behind")
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}
