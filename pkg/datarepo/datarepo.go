// Package datarepo owns the data repo on disk: finding it (like git finds a repository), its layout (where
// each record belongs), and loading every record file with its settings and registry. It reads; it never
// writes records (commands do, through the git package) and it applies no rules.
package datarepo

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
	"github.com/coordvn/coord/pkg/par"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
)

// SettingsFile is the file that marks the root of a data repo.
const SettingsFile = "coord.yaml"

// RecordDirs are the top-level folders that hold records.
var RecordDirs = []string{"registry", "programmes", "consolidated", "conclusions", "documents", "petitions"}

// Find returns the data repo root: dir itself when given, else the nearest folder at or above start that
// holds coord.yaml.
func Find(dir, start string) (string, error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		if _, err := os.Stat(filepath.Join(abs, SettingsFile)); err != nil {
			return "", i18n.Errorf("repo.not_repo", abs)
		}
		return abs, nil
	}
	cur, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	for {
		if st, err := os.Stat(filepath.Join(cur, SettingsFile)); err == nil && !st.IsDir() {
			return cur, nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return "", i18n.Errorf("repo.not_found", start)
		}
		cur = parent
	}
}

// Repo is a loaded data repo.
type Repo struct {
	Root     string
	Settings record.Settings
	Loc      *time.Location
	Files    []*record.File // every record file, sorted by path
	Offices  record.Offices
	People   record.People
	Places   record.Places
	Holidays record.Holidays
	// Problems found while loading that belong to no decoded file (unreadable or oversized files).
	Problems []finding.Finding
	// TimezoneErr is set when coord.yaml names a timezone that does not exist (Asia/Ho_Chi_Minh is used).
	TimezoneErr error
	byPath      map[string]*record.File
}

// WithoutRecords is the repo with its settings and registry and none of its record files (nor their problems).
func (r *Repo) WithoutRecords() *Repo {
	out := *r
	out.Files, out.Problems, out.byPath = nil, nil, nil
	return &out
}

// Unreadable are the paths of the record files loaded that gave no value, sorted: they do not parse (YAML,
// encoding, not a mapping, no kind or one coord does not know) or could not be read at all (too big, refused
// by the system). The commands that list or count records skip them (cmdutil's SayUnreadable says how many);
// `coord check` says why. A record with schema errors is not among them: what it says is still used.
func (r *Repo) Unreadable() []string {
	var out []string
	for _, f := range r.Files {
		if f.Value == nil {
			out = append(out, f.Path)
		}
	}
	for _, p := range r.Problems {
		if p.Rule == "yaml" && p.File != "" {
			out = append(out, p.File)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// File returns the record at a repo-relative slash path, or nil.
func (r *Repo) File(p string) *record.File { return r.byPath[p] }

// Office is the registry's office with this code (as written there, upper case), or a usage error (exit 2)
// naming the codes there are: that the user's office is not set, for an empty code, or that there is no such
// office.
func (r *Repo) Office(code string) (*record.Office, error) {
	var codes []string
	for i, o := range r.Offices.Offices {
		if o.Code == code {
			return &r.Offices.Offices[i], nil
		}
		codes = append(codes, o.Code)
	}
	if code == "" {
		return nil, i18n.Usagef("new.no_office", strings.Join(codes, ", "))
	}
	return nil, i18n.Usagef("new.bad_office", code, strings.Join(codes, ", "))
}

// Options tunes loading.
type Options struct {
	Validate record.Validator
	MaxBytes int64 // 0: record.DefaultMaxBytes (or the settings' policy.max_file_bytes)
	// Only, when set, limits loading to the record paths it accepts (coord.yaml is always read). It is also
	// asked about folders, as "path/" (a top-level record folder excepted): false skips the folder unread. A
	// submission loads the registry and the folders its records are compared with, not ten years of records.
	Only func(rel string) bool
	// Cache, when set, is the clone's parse cache (OpenCache): an unchanged record is not decoded again. It
	// holds what the schemas' validator gives, so Validate must be record.NewValidator's. Load does not write
	// it: the caller calls Cache.Flush when done loading.
	Cache *Cache
	// Files, when not nil, are the record paths to read (List found them), with the registry, instead of
	// walking the repo; Only is then not used, and the walk's path findings are the caller's (List's).
	Files []string
}

// List walks the repo at root as Load does, and returns the record paths only accepts (nil: all), sorted,
// and the path findings on what the walk keeps out, without reading a record.
func List(root string, only func(rel string) bool) ([]string, []finding.Finding, error) {
	return listRecords(root, only)
}

// Load reads every record of the repo at root.
func Load(root string, opt Options) (*Repo, error) {
	r := &Repo{Root: root, byPath: map[string]*record.File{}}
	var paths []string
	var outside []finding.Finding
	var err error
	if opt.Files != nil {
		if paths, outside, err = listRecords(root, Under()); err != nil { // the registry
			return nil, err
		}
		paths = append(paths, opt.Files...)
		sort.Strings(paths)
		paths = slices.Compact(paths)
	} else if paths, outside, err = listRecords(root, opt.Only); err != nil {
		return nil, err
	}
	r.Problems = append(r.Problems, outside...)
	// coord.yaml first: it may change the size limit.
	maxBytes := opt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = record.DefaultMaxBytes
	}
	settings := r.loadOne(SettingsFile, maxBytes, opt.Validate, opt.Cache)
	if settings != nil {
		if s, ok := settings.Value.(*record.Settings); ok {
			r.Settings = *s
			if opt.MaxBytes <= 0 && s.Policy.MaxFileBytes > 0 {
				maxBytes = s.Policy.MaxFileBytes
			}
		}
		r.add(settings)
	}
	files := make([]*record.File, len(paths))
	var mu sync.Mutex
	var g par.Group
	work := make(chan int)
	done := make([]atomic.Bool, len(paths))
	for w := 0; w < 2*runtime.GOMAXPROCS(0); w++ { // more workers than cores: a few large files all start at once
		g.Go("", func() {
			for i := range work {
				par.Item(paths[i], func() { files[i] = r.loadOneLocked(paths[i], maxBytes, opt.Validate, opt.Cache, &mu) })
				done[i].Store(true)
			}
		})
	}
	read := 0 // the files before it are read
	for i := range paths {
		if i%letGoEvery == 0 {
			for read < i && done[read].Load() {
				read++
			}
			// The files are read in path order: the cache's chunks before the first file not read yet can go.
			opt.Cache.letGo(paths[read])
		}
		work <- i
	}
	close(work)
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for _, f := range files {
		if f != nil {
			r.add(f)
		}
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	r.Loc, r.TimezoneErr = loadLocation(r.Settings.Timezone)
	if f := r.byPath["registry/offices.yaml"]; f != nil {
		if v, ok := f.Value.(*record.Offices); ok {
			r.Offices = *v
		}
	}
	if f := r.byPath["registry/people.yaml"]; f != nil {
		if v, ok := f.Value.(*record.People); ok {
			r.People = *v
		}
	}
	if f := r.byPath["registry/places.yaml"]; f != nil {
		if v, ok := f.Value.(*record.Places); ok {
			r.Places = *v
		}
	}
	if f := r.byPath["registry/holidays.yaml"]; f != nil {
		if v, ok := f.Value.(*record.Holidays); ok {
			r.Holidays = *v
		}
	}
	finding.Sort(r.Problems)
	return r, nil
}

func (r *Repo) add(f *record.File) {
	if f.Value == nil && f.Root == nil && len(f.Problems) == 0 {
		return
	}
	r.Files = append(r.Files, f)
	r.byPath[f.Path] = f
}

func (r *Repo) loadOneLocked(rel string, maxBytes int64, v record.Validator, c *Cache, mu *sync.Mutex) *record.File {
	f, prob := readRecord(r.Root, rel, maxBytes, v, c)
	if prob != nil {
		mu.Lock()
		r.Problems = append(r.Problems, *prob)
		mu.Unlock()
	}
	return f
}

func (r *Repo) loadOne(rel string, maxBytes int64, v record.Validator, c *Cache) *record.File {
	var mu sync.Mutex
	return r.loadOneLocked(rel, maxBytes, v, c, &mu)
}

// ReadRecord reads and decodes one record file, refusing unread a file over maxBytes. A file that cannot
// be read at all yields a finding (rule yaml) and no File; a symlink or a special file, a path finding, and
// is not opened.
func ReadRecord(root, rel string, maxBytes int64, v record.Validator) (*record.File, *finding.Finding) {
	return readRecord(root, rel, maxBytes, v, nil)
}

// readRecord is ReadRecord through the parse cache c (nil: none).
func readRecord(root, rel string, maxBytes int64, v record.Validator, c *Cache) (*record.File, *finding.Finding) {
	full := filepath.Join(root, filepath.FromSlash(rel))
	st, err := os.Lstat(full)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && rel == SettingsFile {
			return nil, nil
		}
		return nil, &finding.Finding{Rule: "yaml", Severity: finding.Error, Pos: finding.Pos{File: rel, Line: 1, Column: 1},
			Msg: i18n.M("record.unreadable", oserr.Msg(err))}
	}
	// Never follow a symlink, never open a FIFO or a device (the walk found them; this holds for coord.yaml
	// and for a file replaced since).
	if p := EntryProblem(root, full, rel, st.Mode()); p != nil {
		return nil, p
	}
	if st.Size() > maxBytes {
		return nil, &finding.Finding{Rule: "yaml", Severity: finding.Error, Pos: finding.Pos{File: rel, Line: 1, Column: 1},
			Msg: i18n.M("record.too_big", st.Size(), maxBytes)}
	}
	var fst fileStat
	if c != nil {
		fst = c.stat(st)
		if form, ok := c.lookup(rel, fst); ok {
			// A copy: the file's strings then keep its own form alive, not its folder's cache file.
			if f, err := record.FromBinary(rel, strings.Clone(form)); err == nil {
				return f, nil
			}
		}
	}
	fh, err := os.Open(full)
	if err != nil {
		return nil, &finding.Finding{Rule: "yaml", Severity: finding.Error, Pos: finding.Pos{File: rel, Line: 1, Column: 1},
			Msg: i18n.M("record.unreadable", oserr.Msg(err))}
	}
	defer fh.Close()
	// The limit holds even if the file grows between Stat and Read.
	data, err := io.ReadAll(io.LimitReader(fh, maxBytes+1))
	if err != nil {
		return nil, &finding.Finding{Rule: "yaml", Severity: finding.Error, Pos: finding.Pos{File: rel, Line: 1, Column: 1},
			Msg: i18n.M("record.unreadable", oserr.Msg(err))}
	}
	if int64(len(data)) > maxBytes {
		return nil, &finding.Finding{Rule: "yaml", Severity: finding.Error, Pos: finding.Pos{File: rel, Line: 1, Column: 1},
			Msg: i18n.M("record.too_big", len(data), maxBytes)}
	}
	if c == nil {
		return record.Decode(rel, data, v), nil
	}
	blob := BlobID(data)
	if int64(len(data)) != fst.size {
		fst = fileStat{mode: ^uint64(0)} // changed while read: never trusted by its stat data
	}
	if form, ok := c.byContent(rel, blob); ok {
		if f, err := record.FromBinary(rel, strings.Clone(form)); err == nil {
			c.put(rel, fst, blob, form)
			return f, nil
		}
	}
	f := record.Decode(rel, data, v)
	c.decoded.Add(1)
	if b, ok := record.AppendBinary(nil, f); ok {
		c.put(rel, fst, blob, string(b))
	} else {
		c.forget(rel)
	}
	return f, nil
}

// IsRecordName reports whether a file name is a record file (YAML, not hidden).
func IsRecordName(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

func loadLocation(name string) (*time.Location, error) {
	def, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		def = time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)
	}
	if name == "" {
		return def, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		return def, i18n.Errorf("repo.bad_timezone", name)
	}
	return loc, nil
}

func alnum(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' }

// safeChars is SafeName's pattern, `^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`, checked byte by byte (a check of
// 100,000 records asks it 300,000 times); FuzzSafeName holds it to the pattern.
func safeChars(s string) bool {
	if len(s) == 0 || len(s) > 100 || !alnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if b := s[i]; !alnum(b) && b != '.' && b != '_' && b != '-' {
			return false
		}
	}
	return true
}

// SafeName reports whether s can be used as one path element of the data repo on every platform.
func SafeName(s string) bool {
	if !safeChars(s) || strings.Contains(s, "..") {
		return false
	}
	switch strings.ToUpper(strings.SplitN(s, ".", 2)[0]) {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3":
		return false // reserved on Windows
	}
	return true
}

// ExpectedPath returns where a record belongs, derived from its content, and the element that is not a
// safe file name if there is one. ok is false when the content does not say enough (a schema finding covers it).
func ExpectedPath(f *record.File, loc *time.Location) (want string, unsafe string, ok bool) {
	yearOf := func(date string) (string, bool) {
		t, err := time.ParseInLocation("2006-01-02", date, loc)
		if err != nil {
			return "", false
		}
		return t.Format("2006"), true
	}
	check := func(parts ...string) (string, string, bool) {
		for _, p := range parts {
			if !SafeName(p) {
				return "", p, true
			}
		}
		return path.Join(parts...), "", true
	}
	switch v := f.Value.(type) {
	case *record.Settings:
		return SettingsFile, "", true
	case *record.Offices:
		return "registry/offices.yaml", "", true
	case *record.People:
		return "registry/people.yaml", "", true
	case *record.Places:
		return "registry/places.yaml", "", true
	case *record.Holidays:
		return "registry/holidays.yaml", "", true
	case *record.Programme:
		p, err := period.Parse(v.Period)
		if err != nil || v.Office == "" {
			return "", "", false
		}
		w, u, ok := check(v.Office)
		if u != "" || !ok {
			return w, u, ok
		}
		_ = w
		return ProgrammePath(p, v.Office), "", true
	case *record.Consolidated:
		p, err := period.Parse(v.Period)
		if err != nil {
			return "", "", false
		}
		return ConsolidatedPath(p), "", true
	case *record.Conclusion:
		y, ok := yearOf(v.Issued)
		if !ok || v.Office == "" {
			return "", "", false
		}
		return check("conclusions", y, v.Office, path.Base(f.Path))
	case *record.Document:
		y, ok := yearOf(v.Date)
		if !ok || v.Issuer == "" {
			return "", "", false
		}
		return check("documents", y, v.Issuer, path.Base(f.Path))
	case *record.Petition:
		y, ok := yearOf(v.Received)
		if !ok || v.Office == "" || v.ID == "" {
			return "", "", false
		}
		if !SafeName(v.ID) {
			return "", v.ID, true
		}
		return check("petitions", y, v.Office, v.ID+".yaml")
	}
	return "", "", false
}

// Under returns a filter for Options.Only that accepts the registry and the record paths under the given
// prefixes: a folder ("programmes/2026/Q3/") or one file ("consolidated/2026/Q3.yaml"). The folders that lead to
// them are accepted too, so the walk goes down to them and nowhere else.
func Under(prefixes ...string) func(rel string) bool {
	return func(rel string) bool {
		if strings.HasPrefix(rel, "registry/") {
			return true
		}
		for _, p := range prefixes {
			if strings.HasPrefix(rel, p) || (strings.HasSuffix(rel, "/") && strings.HasPrefix(p, rel)) {
				return true
			}
		}
		return false
	}
}

// PeriodFiles is what consolidating period p reads (merge, approve, issue, notify): the registry, the
// programmes in the period's folder and its consolidated record. Programmes of other periods are never
// compared with them, so ten years of records cost nothing.
func PeriodFiles(p period.Period) func(rel string) bool {
	return Under(path.Dir(ProgrammePath(p, "X"))+"/", ConsolidatedPath(p))
}

// ProgrammePath is programmes/<year>/<period>/<OFFICE>.yaml.
func ProgrammePath(p period.Period, office string) string {
	return path.Join("programmes", p.String()[:4], p.Name(), office+".yaml")
}

// ConsolidatedPath is consolidated/<year>/<period>.yaml.
func ConsolidatedPath(p period.Period) string {
	return path.Join("consolidated", p.String()[:4], p.Name()+".yaml")
}

// Overlay returns a copy of the repo in which files replace (or add) the records at their paths and the
// paths in gone are absent: the repo as it would be with them (a submission over what the loader read).
// Settings and registry come from the overlaid coord.yaml and registry files when there are any; problems
// of the paths replaced or gone are dropped. r is not changed.
func (r *Repo) Overlay(files []*record.File, gone map[string]bool) *Repo {
	c := *r
	c.byPath = make(map[string]*record.File, len(r.byPath)+len(files))
	for p, f := range r.byPath {
		if !gone[p] {
			c.byPath[p] = f
		}
	}
	touched := map[string]bool{}
	for p := range gone {
		touched[p] = true
	}
	for _, f := range files {
		c.byPath[f.Path] = f
		touched[f.Path] = true
	}
	c.Files = make([]*record.File, 0, len(c.byPath))
	for _, f := range c.byPath {
		c.Files = append(c.Files, f)
	}
	sort.Slice(c.Files, func(i, j int) bool { return c.Files[i].Path < c.Files[j].Path })
	c.Problems = nil
	for _, p := range r.Problems {
		if !touched[p.File] {
			c.Problems = append(c.Problems, p)
		}
	}
	for _, f := range files {
		switch v := f.Value.(type) {
		case *record.Settings:
			if f.Path == SettingsFile {
				c.Settings = *v
				c.Loc, c.TimezoneErr = loadLocation(v.Timezone)
			}
		case *record.Offices:
			c.Offices = *v
		case *record.People:
			c.People = *v
		case *record.Places:
			c.Places = *v
		case *record.Holidays:
			c.Holidays = *v
		}
	}
	return &c
}
