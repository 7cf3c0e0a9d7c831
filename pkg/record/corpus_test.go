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

// asOf is the fixed "now" of the corpus checks.
var asOf = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

// checkRepo copies the example province into dir, writes files (repo path -> content) over it, loads the
// repo like the CLI does and runs every rule. It reports errors instead of failing so that it can run on a
// goroutine of its own.
func checkRepo(dir string, v record.Validator, files map[string][]byte) (*datarepo.Repo, []finding.Finding, error) {
	province, err := fs.Sub(examples.Province, "province")
	if err != nil {
		return nil, nil, err
	}
	if err := os.CopyFS(dir, province); err != nil {
		return nil, nil, err
	}
	for rel, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return nil, nil, err
		}
	}
	repo, err := datarepo.Load(dir, datarepo.Options{Validate: v})
	if err != nil {
		return nil, nil, err
	}
	p, probs := policy.FromSettings(repo.Settings, repo.Holidays, repo.Loc)
	c := rules.NewContext(repo, asOf.In(repo.Loc), p)
	c.PolicyProblems = probs
	return repo, rules.Run(c, rules.All()), nil
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
			repo, all, err := checkRepo(t.TempDir(), v, map[string][]byte{c.at: data})
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
				for _, f := range mine {
					if f.Severity == finding.Error {
						t.Errorf("want the file accepted, got an error:\n%s", dump(mine))
						break
					}
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
