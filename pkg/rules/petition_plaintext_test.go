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

// secrecy.denouncer_identity: local keeps a denunciation's identity off the shared repo: a to-cao that still
// holds one (sealed as it is) is an error, one without none is fine. With the default (repo), a to-cao
// without its identity is an error of this rule; a complaint without one is the schema's.
func TestPetitionPlaintextSecrecy(t *testing.T) {
	settings, err := examples.ProvinceFiles("coord.yaml")
	if err != nil {
		t.Fatal(err)
	}
	local := string(settings["coord.yaml"]) + "secrecy: {denouncer_identity: local}\n"
	toCao := func(id string, sealed bool) (string, string) {
		s := "kind: petition\nid: " + id + "\noffice: VPTU\ntype: to-cao\nreceived: 2026-09-07\nchannel: truc-tiep\npeople: 1\nsubject: Tố cáo sai phạm\nlocality: xa-bu-dang\n"
		if sealed {
			s += "petitioner: " + sealedSample + "\n"
		}
		return "petitions/2026/VPTU/" + id + ".yaml", s + "petitioner_index: bi1:" + strings.Repeat("ab", 32) + "\nstatus: received\n"
	}
	p1, s1 := toCao("VPTU-2026-000061", true)
	p2, s2 := toCao("VPTU-2026-000062", false)
	got := memCheck(t, map[string]string{"coord.yaml": local, p1: s1, p2: s2}, "2026-10-01", "petition/plaintext")
	want(t, got, 1, "petition/plaintext", finding.Error, p1, "secrecy.denouncer_identity: local", "secrecy.denouncer_identity: local")
	if got[0].Line != 10 {
		t.Errorf("the finding is on line %d, want the petitioner's (10)", got[0].Line)
	}
	got = memCheck(t, map[string]string{p1: s1, p2: s2}, "2026-10-01", "petition/plaintext")
	want(t, got, 1, "petition/plaintext", finding.Error, p2, "không có trường petitioner", "has no petitioner field")
	c := memContext(t, map[string]string{"coord.yaml": local, p2: s2}, "2026-10-01")
	if n := len(run(c, "schema")); n != 0 {
		t.Errorf("a to-cao without its identity breaks the schema: %v", run(c, "schema"))
	}
	complaint := strings.Replace(s2, "type: to-cao", "type: khieu-nai", 1)
	c = memContext(t, map[string]string{"coord.yaml": local, p2: complaint}, "2026-10-01")
	if fs := run(c, "schema"); len(fs) != 1 || !strings.Contains(fs[0].Msg.Render(i18n.EN), "petitioner") {
		t.Errorf("a complaint without its identity: %v", fs)
	}
}
