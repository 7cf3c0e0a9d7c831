package datarepo

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// What the walk of the data repo keeps out (rule path, issue 9): a YAML file outside the record folders is
// not a record anyone will read, a symlink is never followed (out of the repo it would read another
// machine's files; in it, a Windows checkout turns it into a text file), and a FIFO, socket or device is
// never opened (a FIFO would hang the check). Everything is classified from the directory entry (lstat),
// before anything is opened.

// Entry kinds of Classify.
const (
	EntryRegular = iota // a regular file
	EntryDir
	EntrySymlink
	EntrySpecial // FIFO, socket, device or another irregular file
)

// Classify says what a file mode is, without following a symlink.
func Classify(m fs.FileMode) int {
	switch {
	case m&fs.ModeSymlink != 0:
		return EntrySymlink
	case m.IsDir():
		return EntryDir
	case m.IsRegular():
		return EntryRegular
	}
	return EntrySpecial
}

// EntryProblem is the path finding on a file that is a symlink or a special file (nil for a regular file or a
// folder): full is the file on disk, rel its slash path in the repo at root.
func EntryProblem(root, full, rel string, m fs.FileMode) *finding.Finding {
	var msg i18n.Msg
	switch Classify(m) {
	case EntrySymlink:
		msg = symlinkMsg(root, full)
	case EntrySpecial:
		msg = i18n.M("gate.path.special", specialKind(m))
	default:
		return nil
	}
	return &finding.Finding{Rule: "path", Severity: finding.Error, Pos: finding.Pos{File: rel, Line: 1, Column: 1}, Msg: msg}
}

// Irregular is the message on a file that is not a regular file, for a command given it by name (coord fmt):
// a symlink, or a FIFO, socket or device. ok is false for a regular file or a folder.
func Irregular(m fs.FileMode) (msg i18n.Msg, ok bool) {
	switch Classify(m) {
	case EntrySymlink:
		return i18n.M("gate.path.symlink_any"), true
	case EntrySpecial:
		return i18n.M("gate.path.special", specialKind(m)), true
	}
	return i18n.Msg{}, false
}

// symlinkMsg says where a symlink leads: out of the repo (its target is not named: it is some other
// machine's path), or to a path inside it.
func symlinkMsg(root, full string) i18n.Msg {
	target, err := os.Readlink(full)
	if err != nil {
		return i18n.M("gate.path.symlink_out")
	}
	to := target
	if !filepath.IsAbs(to) {
		to = filepath.Join(filepath.Dir(full), to)
	}
	rel, err := filepath.Rel(root, filepath.Clean(to))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return i18n.M("gate.path.symlink_out")
	}
	return i18n.M("gate.path.symlink", filepath.ToSlash(rel))
}

func specialKind(m fs.FileMode) i18n.Msg {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return i18n.M("gate.path.fifo")
	case m&fs.ModeSocket != 0:
		return i18n.M("gate.path.socket")
	case m&fs.ModeDevice != 0:
		return i18n.M("gate.path.device")
	}
	return i18n.M("gate.path.irregular")
}

// InLayout reports whether rel (a slash path) is where records live: coord.yaml, or under a record folder.
func InLayout(rel string) bool {
	if rel == SettingsFile {
		return true
	}
	top, _, ok := strings.Cut(rel, "/")
	return ok && slices.Contains(RecordDirs, top)
}

// listRecords walks the repo and returns the slash paths of the record files (regular YAML files under the
// record folders, coord.yaml aside: Load reads it first), sorted, and the path findings on what the walk
// keeps out. Folders and files whose name starts with "." are skipped (git's own, the CI templates). only, as
// in Options, skips what it refuses.
func listRecords(root string, only func(string) bool) ([]string, []finding.Finding, error) {
	var out []string
	var probs []finding.Finding
	top, err := os.ReadDir(root) // follows root itself: a repo may be reached through a symlinked folder
	if err != nil {
		return nil, nil, err
	}
	visit := func(full, rel string, m fs.FileMode, name string) {
		if strings.HasPrefix(name, ".") {
			return
		}
		if only != nil && !only(rel) {
			return
		}
		if p := EntryProblem(root, full, rel, m); p != nil {
			probs = append(probs, *p)
			return
		}
		if !IsRecordName(name) {
			if msg, ok := HiddenTxt(name); ok && InLayout(strings.TrimSuffix(rel, name[len(name)-len(".txt"):])) {
				probs = append(probs, finding.Finding{Rule: "path", Severity: finding.Error, Pos: finding.Pos{File: rel, Line: 1, Column: 1}, Msg: msg})
			}
			return
		}
		if !InLayout(rel) {
			probs = append(probs, finding.Finding{Rule: "path", Severity: finding.Error,
				Pos: finding.Pos{File: rel, Line: 1, Column: 1}, Msg: i18n.M("gate.path.outside", layoutList())})
			return
		}
		out = append(out, strings.Clone(rel)) // rel is a part of the walk's full path: keep only the part
	}
	for _, e := range top {
		name := e.Name()
		full := filepath.Join(root, name)
		if name == SettingsFile || strings.HasPrefix(name, ".") {
			continue // coord.yaml is read (and refused when it is not a regular file) by Load
		}
		if e.Type()&fs.ModeType != fs.ModeDir {
			visit(full, name, e.Type(), name)
			continue
		}
		inRecords := slices.Contains(RecordDirs, name)
		if only != nil && !inRecords && !only(name+"/") {
			continue
		}
		if _, err := os.Lstat(filepath.Join(full, SettingsFile)); err == nil && !inRecords {
			continue // a nested data repo
		}
		err := filepath.WalkDir(full, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			r, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			rel := filepath.ToSlash(r)
			if d.IsDir() {
				if p == full {
					return nil
				}
				if strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				if only != nil && !only(rel+"/") {
					return filepath.SkipDir
				}
				if !inRecords {
					// A folder with a coord.yaml is a data repo of its own (Find stops there): not ours to judge.
					if _, err := os.Lstat(filepath.Join(p, SettingsFile)); err == nil {
						return filepath.SkipDir
					}
				}
				return nil
			}
			visit(p, rel, d.Type(), d.Name())
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	sort.Strings(out)
	return out, probs, nil
}

// layoutList names where records live, for the finding on a YAML file elsewhere.
func layoutList() string {
	dirs := make([]string, len(RecordDirs))
	for i, d := range RecordDirs {
		dirs[i] = d + "/"
	}
	return SettingsFile + ", " + strings.Join(dirs, ", ")
}

// MaxBytes is the records' size limit of the repo at root: coord.yaml's policy.max_file_bytes, else
// record.DefaultMaxBytes (also when root is "" or coord.yaml cannot be read).
func MaxBytes(root string) int64 {
	if root != "" {
		if f, _ := ReadRecord(root, SettingsFile, record.DefaultMaxBytes, nil); f != nil {
			if s, ok := f.Value.(*record.Settings); ok && s.Policy.MaxFileBytes > 0 {
				return s.Policy.MaxFileBytes
			}
		}
	}
	return record.DefaultMaxBytes
}
