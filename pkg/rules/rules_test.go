package rules_test

import (
	"os"
	"path/filepath"
	"strings"
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

// The example draft VPDBHD-2026-000045.yaml, put where it belongs, is refused for its plaintext
// identity (one finding, on the petitioner, naming the field, quoting nothing of it); the example
// province's own petitions are sealed and their texts clean.
func TestPetitionPlaintextOnTheDraft(t *testing.T) {
	root := province(t)
	if got := run(load(t, root, "2026-12-01"), "petition/plaintext"); len(got) != 0 {
		t.Fatalf("the example province has plaintext: %v", got)
	}
	draft, err := examples.Drafts.ReadFile("drafts/VPDBHD-2026-000045.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rel := "petitions/2026/VPDBHD/VPDBHD-2026-000045.yaml"
	if err := writeFile(root, rel, draft); err != nil {
		t.Fatal(err)
	}
	c := load(t, root, "2026-12-01")
	got := run(c, "petition/plaintext")
	if len(got) != 1 {
		t.Fatalf("%d findings on the draft, want 1: %v", len(got), got)
	}
	f := got[0]
	if f.File != rel || f.Pos != c.Repo.File(rel).Pos("petitioner") || f.Severity != finding.Error ||
		f.Subject != "petition:VPDBHD-2026-000045" {
		t.Errorf("finding %+v", f)
	}
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		msg := f.Msg.Render(lang)
		if !strings.Contains(msg, "petitioner") || strings.Contains(msg, "075184009921") || strings.Contains(msg, "Mến") {
			t.Errorf("%s message %q", lang, msg)
		}
	}
}
