package record_test

// The malformed-record corpus: every file in testdata/malformed is paired with its expectation in
// testdata/malformed/expect.txt and goes through the whole pipeline a clerk's `coord check` runs (the
// example province, the file dropped at the path it pretends to have, datarepo.Load, every rule).

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
)

const corpusDir = "testdata/malformed"

// ruleOK in the manifest means the file must be accepted: no error finding, and it decodes cleanly.
const ruleOK = "ok"

// corpusCase is one line of expect.txt.
type corpusCase struct {
	file string // name in testdata/malformed
	at   string // the repo path the file pretends to have
	rule string // the rule of the expected finding, or "ok"
	line int    // the line of the expected finding
	msg  string // a substring of its English message ("" = any)
}

var manifestLine = regexp.MustCompile(`^(\S+)\s+(\S+)\s+(\S+)\s+(\d+)(?:\s+(.*?))?\s*$`)

// loadCorpus reads expect.txt and checks that it and the folder agree: every file has exactly one line.
func loadCorpus(t testing.TB) []corpusCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, "expect.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []corpusCase
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := manifestLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("expect.txt:%d: want <file> <repo-path> <rule> <line> [message], got %q", n, line)
		}
		c := corpusCase{file: m[1], at: m[2], rule: m[3], msg: m[5]}
		c.line, _ = strconv.Atoi(m[4])
		if seen[c.file] {
			t.Fatalf("expect.txt:%d: %s listed twice", n, c.file)
		}
		seen[c.file] = true
		if c.rule != ruleOK && c.line < 1 {
			t.Fatalf("expect.txt:%d: a finding's line is at least 1", n)
		}
		if _, err := os.Stat(filepath.Join(corpusDir, c.file)); err != nil {
			t.Fatalf("expect.txt:%d: %v", n, err)
		}
		cases = append(cases, c)
	}
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "expect.txt" && !seen[e.Name()] {
			t.Errorf("%s/%s has no line in expect.txt", corpusDir, e.Name())
		}
	}
	return cases
}

var (
	validatorOnce sync.Once
	validator     record.Validator
	validatorErr  error
)

func newValidator(t testing.TB) record.Validator {
	t.Helper()
	validatorOnce.Do(func() { validator, validatorErr = record.NewValidator() })
	if validatorErr != nil {
		t.Fatal(validatorErr)
	}
	return validator
}

// asOf is the fixed "now" of the corpus checks: before the deadline of the 2026-Q4 programmes (20 September)
// and after the petitions' receipt, so that the control cases are on time.
var asOf = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)

// writeRepo copies the example province into dir and writes files (repo path -> content) over it.
func writeRepo(dir string, files map[string][]byte) error {
	province, err := fs.Sub(examples.Province, "province")
	if err != nil {
		return err
	}
	if err := os.CopyFS(dir, province); err != nil {
		return err
	}
	for rel, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// checkDir loads the repo at dir like the CLI does (cmdutil.Factory.Load) and runs every rule.
func checkDir(dir string, v record.Validator) (*datarepo.Repo, []finding.Finding, error) {
	repo, err := datarepo.Load(dir, datarepo.Options{Validate: v})
	if err != nil {
		return nil, nil, err
	}
	p, probs := policy.FromSettings(repo.Settings, repo.Holidays, repo.Loc)
	c := rules.NewContext(repo, asOf.In(repo.Loc), p)
	c.PolicyProblems = probs
	return repo, rules.Run(c, rules.All()), nil
}

// checkRepo writes the example province with files over it into dir and checks it. It reports errors
// instead of failing so that it can run on a goroutine of its own.
func checkRepo(dir string, v record.Validator, files map[string][]byte) (*datarepo.Repo, []finding.Finding, error) {
	if err := writeRepo(dir, files); err != nil {
		return nil, nil, err
	}
	return checkDir(dir, v)
}

func findingsIn(fs []finding.Finding, file string) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.File == file {
			out = append(out, f)
		}
	}
	return out
}

func hasFinding(fs []finding.Finding, rule, file string, line int, msg string) bool {
	return slices.ContainsFunc(fs, func(f finding.Finding) bool {
		return f.Rule == rule && f.File == file && f.Line == line && strings.Contains(f.Msg.String(), msg)
	})
}

func dump(fs []finding.Finding) string {
	if len(fs) == 0 {
		return "  (no findings)"
	}
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s %s %s:%d:%d %s\n", f.Severity, f.Rule, f.File, f.Line, f.Column, f.Msg.String())
	}
	return b.String()
}

func readCorpus(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decoderRules are the rules whose findings record.Decode itself produces.
var decoderRules = map[string]bool{"yaml": true, "text/nfc": true}

// hangLimit is a hang detector, not a performance bar: no file should come near it.
const hangLimit = 20 * time.Second

// guarded runs fn on a goroutine of its own and turns a panic (with its stack) or a hang into an error.
func guarded(fn func()) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v\n%s", r, debug.Stack())
			}
		}()
		fn()
		done <- nil
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(hangLimit):
		return fmt.Errorf("still running after %v: a hang", hangLimit)
	}
}

func TestCorpus(t *testing.T) {
	v := newValidator(t)
	cases := loadCorpus(t)
	if n := countMalformed(cases); n < 45 {
		t.Errorf("the corpus has %d malformed files, want at least 45", n)
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c.file, path.Ext(c.file)), func(t *testing.T) {
			t.Parallel()
			data := readCorpus(t, c.file)
			dir := t.TempDir()
			var (
				repo *datarepo.Repo
				all  []finding.Finding
				err  error
			)
			if gerr := guarded(func() { repo, all, err = checkRepo(dir, v, map[string][]byte{c.at: data}) }); gerr != nil {
				t.Fatal(gerr)
			}
			if err != nil {
				t.Fatal(err)
			}
			mine := findingsIn(all, c.at)
			for _, f := range mine {
				if f.Line < 1 || f.Column < 1 {
					t.Errorf("finding without a position: %s %d:%d %s", f.Rule, f.Line, f.Column, f.Msg)
				}
				if !i18n.Has(f.Msg.Key) {
					t.Errorf("finding %s with message key %q missing from the catalog", f.Rule, f.Msg.Key)
				}
			}
			if c.rule == ruleOK {
				if slices.ContainsFunc(mine, func(f finding.Finding) bool { return f.Severity == finding.Error }) {
					t.Errorf("want the file accepted, got an error:\n%s", dump(mine))
				}
				if f := repo.File(c.at); f == nil || f.Value == nil || !f.Clean {
					t.Errorf("want %s decoded cleanly, got %+v", c.at, f)
				}
				if d := record.Decode(c.at, data, v); !d.Clean || d.Value == nil || len(d.Problems) != 0 {
					t.Errorf("Decode: want clean, got problems:\n%s", dump(d.Problems))
				}
				return
			}
			if !hasFinding(all, c.rule, c.at, c.line, c.msg) {
				t.Errorf("want a %s finding at %s:%d containing %q; the file's findings:\n%s", c.rule, c.at, c.line, c.msg, dump(mine))
			}
			if decoderRules[c.rule] {
				d := record.Decode(c.at, data, v)
				if !hasFinding(d.Problems, c.rule, c.at, c.line, c.msg) {
					t.Errorf("Decode: want a %s problem at line %d containing %q, got:\n%s", c.rule, c.line, c.msg, dump(d.Problems))
				}
			}
		})
	}
}

func countMalformed(cases []corpusCase) int {
	n := 0
	for _, c := range cases {
		if c.rule != ruleOK {
			n++
		}
	}
	return n
}

// programmeWithTitle is a valid 2026-Q4 programme of VPUBND with the given item title.
func programmeWithTitle(title string) []byte {
	return []byte("kind: programme\noffice: VPUBND\nperiod: 2026-Q4\nitems:\n" +
		"  - id: hop-ubnd-thang-10\n    title: " + title + "\n    when: 2026-10-02 08:00-11:30\n    kind: meeting\n    bodies: [UBND]\n")
}

// generatedCase is malformed input too big to commit, made by the test.
type generatedCase struct {
	name string
	at   string
	data []byte
	rule string // "ok" or the rule of the expected finding
	line int
	msg  string
}

func generatedCases() []generatedCase {
	longTitle := strings.Repeat("Hội nghị tổng kết công tác phối hợp ", (1<<20)/40) // about 1 MB, one line
	return []generatedCase{
		{"long-title", "programmes/2026/Q4/VPUBND.yaml", programmeWithTitle(longTitle), ruleOK, 0, ""},
		{"megabyte-of-brackets", "programmes/2026/Q4/VPUBND.yaml",
			[]byte("kind: programme\noffice: VPUBND\nperiod: 2026-Q4\nitems: " + strings.Repeat("[", 1<<20) + "\n"), "yaml", 4, "depth"},
		{"megabyte-of-aliases", "programmes/2026/Q4/VPUBND.yaml",
			[]byte("kind: programme\noffice: VPUBND\nperiod: 2026-Q4\nx: &x [1]\nitems: [" + strings.Repeat("*x, ", 1<<18) + "*x]\n"), "yaml", 5, "aliases"},
	}
}

// TestGenerated checks the inputs too big to commit: a 1 MB single-line title is an ordinary record; a
// megabyte of nesting or of aliases is refused with a line.
func TestGenerated(t *testing.T) {
	v := newValidator(t)
	for _, c := range generatedCases() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d := record.Decode(c.at, c.data, v)
			if c.rule == ruleOK {
				if !d.Clean || len(d.Problems) != 0 {
					t.Fatalf("want clean, got:\n%s", dump(d.Problems))
				}
				p, ok := d.Value.(*record.Programme)
				if !ok || len(p.Items) != 1 || len(p.Items[0].Title) < 1<<20-100 {
					t.Fatalf("the long title did not survive decoding: %T", d.Value)
				}
				return
			}
			if !hasFinding(d.Problems, c.rule, c.at, c.line, c.msg) {
				t.Errorf("want a %s problem at line %d containing %q, got:\n%s", c.rule, c.line, c.msg, dump(d.Problems))
			}
		})
	}
}

// TestNeverPanicsNeverHangs runs every corpus file and every generated input through record.Decode and
// through the whole Load + rules pipeline, each on its own goroutine with a generous deadline.
func TestNeverPanicsNeverHangs(t *testing.T) {
	v := newValidator(t)
	type input struct {
		name, at string
		data     []byte
	}
	var inputs []input
	for _, c := range loadCorpus(t) {
		inputs = append(inputs, input{c.file, c.at, readCorpus(t, c.file)})
	}
	for _, c := range generatedCases() {
		inputs = append(inputs, input{c.name, c.at, c.data})
	}
	for _, in := range inputs {
		t.Run(strings.TrimSuffix(in.name, path.Ext(in.name)), func(t *testing.T) {
			t.Parallel()
			if err := guarded(func() {
				f := record.Decode(in.at, in.data, v)
				for _, p := range f.Problems {
					_ = p.Msg.Render(i18n.VI) + p.Msg.Render(i18n.EN)
				}
			}); err != nil {
				t.Errorf("record.Decode: %v", err)
			}
			dir := t.TempDir()
			var loadErr error
			if err := guarded(func() {
				var fs []finding.Finding
				_, fs, loadErr = checkRepo(dir, v, map[string][]byte{in.at: in.data})
				for _, f := range fs {
					_ = f.Msg.Render(i18n.VI) + f.Msg.Render(i18n.EN)
				}
			}); err != nil {
				t.Errorf("load and rules: %v", err)
			}
			if loadErr != nil {
				t.Errorf("malformed content must be a finding, not a load error: %v", loadErr)
			}
		})
	}
}

// TestOversizedFile: a record over the size limit is refused unread, with a finding that gives its size and
// the limit. The file is sparse: its content, if it were read, would be NUL bytes (a different finding).
func TestOversizedFile(t *testing.T) {
	v := newValidator(t)
	const at = "programmes/2026/Q4/VPUBND.yaml"
	tests := []struct {
		name     string
		settings string // coord.yaml to write over the example's ("" keeps it)
		size     int64
		limit    int64
	}{
		{"50MB over the default limit", "", 50 << 20, record.DefaultMaxBytes},
		{"over the limit set in coord.yaml", "kind: settings\nversion: 1\nprovince: Đồng Nai\ncoordinator: VPTU\n" +
			"host: {rotation: [VPTU, VPDBHD, VPUBND], first_year: 2024}\npolicy: {max_file_bytes: 4096}\n", 5000, 4096},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string][]byte{}
			if tt.settings != "" {
				files["coord.yaml"] = []byte(tt.settings)
			}
			if err := writeRepo(dir, files); err != nil {
				t.Fatal(err)
			}
			full := filepath.Join(dir, filepath.FromSlash(at))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			fh, err := os.Create(full)
			if err != nil {
				t.Fatal(err)
			}
			_, err = fh.WriteString("kind: programme\n")
			if err == nil {
				err = fh.Truncate(tt.size) // the rest is a hole of NUL bytes
			}
			if cerr := fh.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				t.Fatal(err)
			}

			repo, all, err := checkDir(dir, v)
			if err != nil {
				t.Fatal(err)
			}
			mine := findingsIn(all, at)
			size, limit := strconv.FormatInt(tt.size, 10), strconv.FormatInt(tt.limit, 10)
			if !slices.ContainsFunc(mine, func(f finding.Finding) bool {
				m := f.Msg.String()
				return f.Rule == "yaml" && f.Line == 1 && f.Msg.Key == "record.too_big" &&
					strings.Contains(m, size) && strings.Contains(m, limit)
			}) {
				t.Errorf("want a yaml finding at line 1 saying the file is %s bytes, over %s; got:\n%s", size, limit, dump(mine))
			}
			if len(mine) != 1 {
				t.Errorf("want only the size finding (anything else means the file was read), got:\n%s", dump(mine))
			}
			if f := repo.File(at); f != nil {
				t.Errorf("the oversized file was decoded: %d bytes, %d problems", f.Size, len(f.Problems))
			}
		})
	}
}

// TestMessagesInEnglish: a finding about the top level of a record names it in the user's language; the
// English message must not carry the Vietnamese "(gốc)".
func TestMessagesInEnglish(t *testing.T) {
	v := newValidator(t)
	for _, name := range []string{"missing-required-top.yaml", "unknown-field-top.yaml"} {
		t.Run(name, func(t *testing.T) {
			d := record.Decode("programmes/2026/Q4/VPUBND.yaml", readCorpus(t, name), v)
			if len(d.Problems) == 0 {
				t.Fatal("want a schema problem, got none")
			}
			for _, p := range d.Problems {
				if en := p.Msg.Render(i18n.EN); strings.Contains(en, "gốc") {
					t.Errorf("English message with a Vietnamese field name: %s", en)
				}
			}
		})
	}
}
