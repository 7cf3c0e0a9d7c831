// Package ospath matches the paths a clerk types the way the file system does. Windows (NTFS) and macOS
// (APFS, HFS+ by default) find a file whatever the case of its name, and Windows reads "\" as "/"; Linux
// matches names exactly. A clerk on Windows who types PROGRAMMES\2026\q3\vpubnd.yaml means the record
// programmes/2026/Q3/VPUBND.yaml, and coord must select that record, under the name the repo knows it by.
//
// The rules are a value (Rules), passed to every function, so the Windows and macOS behaviour is tested on
// Linux: Resolve reads the folders on the way and picks the entry whose name matches under the rules, which
// is what a case-insensitive file system does itself. Native is the running system's rules; SetNative lets
// a test run a command under another system's rules (cmd/coord's script tests register coord-windows).
package ospath

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Rules are how a file system matches a path.
type Rules struct {
	Fold      bool // names match in any case (Windows, macOS)
	Backslash bool // "\" separates folders, as "/" does (Windows)
}

// The systems coord runs on.
var (
	Linux   = Rules{}
	Windows = Rules{Fold: true, Backslash: true}
	Darwin  = Rules{Fold: true}
)

// For returns the rules of a GOOS: Windows's and macOS's defaults; exact matching elsewhere.
func For(goos string) Rules {
	switch goos {
	case "windows":
		return Windows
	case "darwin", "ios":
		return Darwin
	}
	return Linux
}

var (
	mu     sync.Mutex
	native = For(runtime.GOOS)
)

// Native returns the rules of the system coord runs on (or those SetNative installed).
func Native() Rules {
	mu.Lock()
	defer mu.Unlock()
	return native
}

// SetNative replaces the running system's rules and returns a function that puts them back. It is a test
// hook: a test runs a command as it behaves on Windows, on a Linux machine.
func SetNative(r Rules) (restore func()) {
	mu.Lock()
	old := native
	native = r
	mu.Unlock()
	return func() {
		mu.Lock()
		native = old
		mu.Unlock()
	}
}

// Host turns a path typed under r into a path of the host system: under Windows's rules a backslash
// separates folders (on Windows itself it already does; on another host it becomes the host's separator).
func (r Rules) Host(p string) string {
	if r.Backslash && filepath.Separator != '\\' {
		p = strings.ReplaceAll(p, `\`, string(filepath.Separator))
	}
	return p
}

// Same reports whether two names (one path element each) name the same entry under r.
func (r Rules) Same(a, b string) bool {
	if r.Fold {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// Rel is filepath.Rel(root, target) for two clean absolute host paths, comparing names under r. ok is false
// when target is not root or under it. The result keeps target's spelling of the names below root.
func (r Rules) Rel(root, target string) (string, bool) {
	root, target = filepath.Clean(root), filepath.Clean(target)
	rv, tv := filepath.VolumeName(root), filepath.VolumeName(target)
	if !r.Same(rv, tv) {
		return "", false
	}
	rs, ts := split(root[len(rv):]), split(target[len(tv):])
	if len(ts) < len(rs) {
		return "", false
	}
	for i := range rs {
		if !r.Same(rs[i], ts[i]) {
			return "", false
		}
	}
	if len(ts) == len(rs) {
		return ".", true
	}
	return filepath.Join(ts[len(rs):]...), true
}

func split(p string) []string {
	var out []string
	for _, e := range strings.Split(p, string(filepath.Separator)) {
		if e != "" {
			out = append(out, e)
		}
	}
	return out
}

// Resolve finds the entry under root that the relative host path rel names under r, reading the folders
// on the way: at each level the entry of exactly that name, else (r.Fold) the first, in name order, whose
// name matches in another case. It returns the slash path as the folders spell it; ok is false when an
// element names nothing. "." is root itself.
func (r Rules) Resolve(root, rel string) (string, bool) {
	parts := split(filepath.Clean(rel))
	if len(parts) == 1 && parts[0] == "." {
		return ".", true
	}
	out := make([]string, 0, len(parts))
	dir := root
	for _, want := range parts {
		if want == "." || want == ".." {
			return "", false // Rel cleaned them away; a name like this matches nothing here
		}
		name, ok := r.entry(dir, want)
		if !ok {
			return "", false
		}
		out = append(out, name)
		dir = filepath.Join(dir, name)
	}
	return strings.Join(out, "/"), true
}

// entry is the name in dir that want names under r.
func (r Rules) entry(dir, want string) (string, bool) {
	if _, err := os.Lstat(filepath.Join(dir, want)); err == nil && !r.Fold {
		return want, true
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", false
	}
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = e.Name()
	}
	if slices.Contains(names, want) {
		return want, true
	}
	if r.Fold {
		for _, n := range names {
			if strings.EqualFold(n, want) {
				return n, true
			}
		}
	}
	return "", false
}

// Locate places a PATH argument typed under r, in the working directory wd, against the data repo at root:
// abs is the host path to open — the entry as the folders spell it when the argument names one in the repo
// — and rel its slash path in the repo ("" when the argument lies outside the repo).
func (r Rules) Locate(root, wd, arg string) (abs, rel string) {
	abs = r.Host(arg)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, abs)
	}
	abs = filepath.Clean(abs)
	hr, inside := r.Rel(root, abs)
	if !inside {
		return abs, ""
	}
	if real, ok := r.Resolve(root, hr); ok {
		if real == "." {
			return root, "."
		}
		return filepath.Join(root, filepath.FromSlash(real)), real
	}
	return abs, filepath.ToSlash(hr)
}
