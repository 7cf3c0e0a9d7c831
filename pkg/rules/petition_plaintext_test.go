package rules_test

import (
	"strings"
	"testing"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
)

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
