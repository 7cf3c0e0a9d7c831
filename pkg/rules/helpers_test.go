package rules_test

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
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

// province writes the example province into a temporary folder.
func province(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(root, rel string, b []byte) error {
	dst := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// load reads the repo as `coord check` does, as of the day given.
func load(t testing.TB, root, asOf string) *rules.Context {
	t.Helper()
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	r, err := datarepo.Load(root, datarepo.Options{Validate: v})
	if err != nil {
		t.Fatal(err)
	}
	now, _ := time.ParseInLocation("2006-01-02", asOf, r.Loc)
	p, _ := policy.FromSettings(r.Settings, r.Holidays, r.Loc)
	return rules.NewContext(r, now, p)
}

func run(c *rules.Context, ids ...string) []finding.Finding { return rules.Run(c, rules.Select(ids)) }

// The rules' unit tests run on in-memory repos: the example province's settings and registry, plus the
// records a test is about (decoded as coord check decodes them, and laid over an empty repo).

var validator = sync.OnceValues(record.NewValidator)

// memRepo is the example province's coord.yaml and registry with files added (a path mapped to "" is
// removed: a test without people.yaml, say).
func memRepo(t testing.TB, files map[string]string) *datarepo.Repo {
	t.Helper()
	all, err := examples.ProvinceFiles("registry/")
	if err != nil {
		t.Fatal(err)
	}
	settings, err := examples.ProvinceFiles("coord.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for p := range all {
		if !datarepo.IsRecordName(path.Base(p)) {
			delete(all, p) // the blind-index key is not a record
		}
	}
	all["coord.yaml"] = settings["coord.yaml"]
	for p, s := range files {
		if s == "" {
			delete(all, p)
			continue
		}
		all[p] = []byte(s)
	}
	v, err := validator()
	if err != nil {
		t.Fatal(err)
	}
	decoded := make([]*record.File, 0, len(all))
	for p, b := range all {
		decoded = append(decoded, record.Decode(p, b, v))
	}
	return (&datarepo.Repo{}).Overlay(decoded, nil)
}

// memContext is the rules' context of an in-memory repo as of a day (YYYY-MM-DD).
func memContext(t testing.TB, files map[string]string, asOf string) *rules.Context {
	t.Helper()
	r := memRepo(t, files)
	now, err := time.ParseInLocation("2006-01-02", asOf, r.Loc)
	if err != nil {
		t.Fatal(err)
	}
	p, probs := policy.FromSettings(r.Settings, r.Holidays, r.Loc)
	c := rules.NewContext(r, now, p)
	c.PolicyProblems = probs
	return c
}

// memCheck runs one rule over an in-memory repo as of a day.
func memCheck(t testing.TB, files map[string]string, asOf, id string) []finding.Finding {
	t.Helper()
	if len(rules.Select([]string{id})) != 1 {
		t.Fatalf("no rule %s", id)
	}
	return run(memContext(t, files, asOf), id)
}

// programme is a programme record of an office for a period, its items written as YAML flow mappings.
func programme(office, period string, items ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "kind: programme\noffice: %s\nperiod: %s\nitems:\n", office, period)
	for _, it := range items {
		fmt.Fprintf(&b, "  - %s\n", it)
	}
	return b.String()
}

// want fails unless fs are exactly n findings of rule id, each of severity sev, in file, whose Vietnamese and
// English messages contain the texts given (the first language's, then the second's, pairwise).
func want(t testing.TB, fs []finding.Finding, n int, id string, sev finding.Severity, file string, vi, en string) {
	t.Helper()
	if len(fs) != n {
		t.Fatalf("%d findings, want %d: %v", len(fs), n, render(fs))
	}
	for _, f := range fs {
		if f.Rule != id || f.Severity != sev || (file != "" && f.File != file) {
			t.Errorf("finding %s %s %s, want %s %s %s: %s", f.Rule, f.Severity, f.File, id, sev, file, f.Msg.Render(i18n.EN))
		}
		if v := f.Msg.Render(i18n.VI); !strings.Contains(v, vi) {
			t.Errorf("Vietnamese message %q lacks %q", v, vi)
		}
		if e := f.Msg.Render(i18n.EN); !strings.Contains(e, en) {
			t.Errorf("English message %q lacks %q", e, en)
		}
	}
}

func render(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d %s %s %s", f.File, f.Line, f.Rule, f.Severity, f.Msg.Render(i18n.EN)))
	}
	return out
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
