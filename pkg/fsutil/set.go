package fsutil

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
)

// WriteError says which file of a set could not be written (InPlace false: its temp file, so nothing was
// replaced) or put in place (InPlace true: on Windows, typically a file held open in Excel or Word). Either
// way every file of the set holds its previous bytes again. It renders (i18n.Localize) as one sentence that
// names the file.
type WriteError struct {
	Path    string
	InPlace bool
	Err     error // the operating system's error
	msg     *i18n.Error
}

func newWriteError(path string, inPlace bool, err error) *WriteError {
	cause := err
	// The OS error repeats the path (often a temp file's): the user needs only the reason.
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		cause = le.Err
	case errors.As(err, &pe):
		cause = pe.Err
	}
	key := "fsutil.write_failed"
	if inPlace {
		key = "fsutil.file_busy"
	}
	m := i18n.Errorf(key, path, oserr.Msg(cause))
	m.Err = err
	return &WriteError{Path: path, InPlace: inPlace, Err: err, msg: m}
}

func (e *WriteError) Error() string { return e.msg.Error() }

// Unwrap gives the catalog message, which wraps the operating system's error.
func (e *WriteError) Unwrap() error { return e.msg }

// Message is the catalog message of the error (for wrapping it into another package's error).
func (e *WriteError) Message() i18n.Msg { return e.msg.Msg }

// slot is one file of a set on its way into place.
type slot struct {
	path   string
	data   []byte // nil: delete the path
	tmp    string // the new bytes, beside path ("" once renamed, or for a deletion)
	backup string // the previous file, kept beside path until the whole set is in place
	placed bool   // path now holds the new bytes (or is gone, for a deletion)
}

// WriteSet writes a set of files whole or not at all: files maps absolute paths to their bytes (nil deletes
// the path; a path already absent is fine); records, when not nil, says which paths are records, whose
// CRLF line ends become LF (every other file is written byte for byte). Every new file is first written to
// a temp file beside its target and synced; only when all are written are they renamed into place, one by
// one, each previous file kept aside (a hard link, or a rename where links are not supported). If a rename
// fails — on Windows, a file held open in another program — every file already replaced is put back, the
// temps are removed, and a *WriteError names the file. Folders it had to create are removed again.
func WriteSet(files map[string][]byte, records func(path string) bool) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	slots := make([]*slot, 0, len(paths))
	var created []string // folders made for the set, deepest last
	fail := func(err error) error {
		restore(slots)
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i]) // only when empty again
		}
		return err
	}
	for _, p := range paths {
		s := &slot{path: p, data: files[p]}
		slots = append(slots, s)
		if s.data == nil {
			continue
		}
		made, err := mkdirAll(filepath.Dir(p))
		created = append(created, made...)
		if err != nil {
			return fail(newWriteError(p, false, err))
		}
		data := s.data
		if records != nil && records(p) {
			data = NormalizeRecord(data)
		}
		if s.tmp, err = writeTemp(p, data, 0o644, true); err != nil {
			return fail(newWriteError(p, false, err))
		}
	}
	for _, s := range slots {
		if err := s.place(); err != nil {
			return fail(newWriteError(s.path, true, err))
		}
	}
	for _, s := range slots {
		if s.backup != "" {
			os.Remove(s.backup)
		}
	}
	return nil
}

// place puts the slot's new bytes at its path (or removes the path), keeping the previous file aside. On
// error the path holds its previous file.
func (s *slot) place() error {
	fi, err := os.Lstat(s.path)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if s.data == nil {
		if !exists {
			s.placed = true
			return nil
		}
		if fi.IsDir() {
			return &fs.PathError{Op: "remove", Path: s.path, Err: syscall.EISDIR}
		}
		// Deleting is moving aside: the file comes back if a later file of the set fails.
		name, err := asideName(s.path)
		if err != nil {
			return err
		}
		if err := os.Rename(s.path, name); err != nil {
			return err
		}
		s.backup, s.placed = name, true
		return nil
	}
	movedAside := false
	if exists && !fi.IsDir() {
		// A hard link keeps the previous bytes while the rename below replaces the path in one step, so the
		// path is never missing; where links are not supported the file is moved aside first.
		name, err := asideName(s.path)
		if err != nil {
			return err
		}
		if err := os.Link(s.path, name); err != nil {
			if err := os.Rename(s.path, name); err != nil {
				return err
			}
			movedAside = true
		}
		s.backup = name
	}
	if err := os.Rename(s.tmp, s.path); err != nil {
		if s.backup != "" {
			if movedAside {
				os.Rename(s.backup, s.path)
			} else {
				os.Remove(s.backup)
			}
			s.backup = ""
		}
		return err
	}
	s.tmp, s.placed = "", true
	return nil
}

// restore puts back the previous file of every slot already placed, newest first, and removes the temps.
// A previous file that cannot be put back is left beside its path (.coord-*.bak) rather than lost.
func restore(slots []*slot) {
	for i := len(slots) - 1; i >= 0; i-- {
		s := slots[i]
		if s.tmp != "" {
			os.Remove(s.tmp)
			s.tmp = ""
		}
		if !s.placed {
			continue
		}
		switch {
		case s.backup != "":
			if os.Rename(s.backup, s.path) == nil {
				s.backup = ""
			}
		case s.data != nil:
			os.Remove(s.path) // it did not exist before
		}
		s.placed = false
	}
}

// asideName is a free name beside path for its previous version.
func asideName(path string) (string, error) {
	for range 100 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", err
		}
		name := filepath.Join(filepath.Dir(path), TempPrefix+hex.EncodeToString(b[:])+".bak")
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
	}
	return "", &fs.PathError{Op: "backup", Path: path, Err: fs.ErrExist}
}

// mkdirAll is os.MkdirAll that returns the folders it created, outermost first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	err := os.MkdirAll(dir, 0o755)
	for i, j := 0, len(missing)-1; i < j; i, j = i+1, j-1 {
		missing[i], missing[j] = missing[j], missing[i]
	}
	return missing, err // on error too: the caller removes what was made
}
