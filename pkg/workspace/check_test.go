package workspace_test

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/internal/testtree"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/datarepo/synth"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/workspace"
)

// write puts files into the repo at root.
func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	testtree.Write(t, root, files)
}

// troubled is a repo with findings in every part, and across parts: the example province, ten years of
// synthetic records, the drafts' mistakes, Party numbers reused across years and within a term, state numbers
// reused in a year and across a year folder (a document filed in the wrong year), files outside the layout,
// a document at the top of documents/ and a folder that is no year.
func troubled(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := synth.Write(root, 1500, 7); err != nil {
		t.Fatal(err)
	}
	if err := examples.WriteProvince(root, ""); err != nil {
		t.Fatal(err)
	}
	err := fs.WalkDir(examples.Drafts, "drafts", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(examples.Drafts, p)
		if err != nil {
			return err
		}
		write(t, root, map[string]string{"documents/2026/VPUBND/" + e.Name(): string(b), "petitions/2026/VPDBHD/" + e.Name(): string(b)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	doc := func(number, typ, date, issuer string) string {
		return fmt.Sprintf("kind: document\nnumber: %s\ntype: %s\ndate: %s\nissuer: %s\nsummary: Văn bản %s\n", number, typ, date, issuer, number)
	}
	write(t, root, map[string]string{
		"documents/2022/VPTU/tb-1.yaml":    doc("101-TB/TU", "TB", "2022-03-02", "VPTU"),
		"documents/2024/VPTU/tb-1.yaml":    doc("101-TB/TU", "TB", "2024-05-06", "VPTU"),
		"documents/2026/VPTU/tb-1.yaml":    doc("101-TB/TU", "TB", "2026-01-06", "VPTU"),
		"conclusions/2025/VPTU/kl-1.yaml":  "kind: conclusion\nnumber: 101-TB/TU\noffice: VPTU\nmeeting: {date: 2025-02-02}\nissued: 2025-02-03\n",
		"documents/2025/VPUBND/cv-1.yaml":  doc("88/UBND-VP", "CV", "2025-04-01", "VPUBND"),
		"documents/2025/VPUBND/cv-2.yaml":  doc("88/UBND-VP", "CV", "2025-04-09", "VPUBND"),
		"documents/2026/VPUBND/cv-3.yaml":  doc("88/UBND-VP", "CV", "2025-12-30", "VPUBND"),
		"documents/readme.yaml":            doc("5/UBND-VP", "CV", "2026-01-02", "VPUBND"),
		"documents/cu/VPUBND/cv-4.yaml":    doc("6/UBND-VP", "CV", "2026-01-02", "VPUBND"),
		"notes/ghi-chu.yaml":               "kind: document\n",
		"petitions/2019/VPTU/bad.yaml":     "kind: petition\nid: [\n",
		"programmes/2026/Q3/README.yaml":   "kind: programme\noffice: VPTU\nperiod: 2026-Q4\nitems: []\n",
		"consolidated/2025/Q4.yaml":        "kind: consolidated\nperiod: 2025-Q4\ncoordinator: VPTU\nstatus: draft\nitems: []\n",
		"conclusions/2026/VPTU/space.yaml": "kind: conclusion\nnumber: 7-TB/TU\noffice: VPTU\nmeeting: {date: 2026-02-02}\nissued: 2026-02-30\n",
	})
	return root
}

// TestCheckByParts: reading the repo part by part finds exactly what one read of the whole repo finds, and
// counts the same files and records.
func TestCheckByParts(t *testing.T) {
	root := troubled(t)
	asOf := func(loc *time.Location) (time.Time, error) { return time.Date(2026, 9, 1, 0, 0, 0, 0, loc), nil }
	docNumber := rules.Select([]string{"doc/number"})
	for i, rs := range [][]rules.Rule{rules.All(), docNumber, rules.Select([]string{"path", "schema"}), rules.All(), docNumber} {
		switch i {
		case 3: // every year part read in batches of 40 files
			defer workspace.SetBatchFiles(40)()
		case 4: // and of 7: a number's uses in other batches of its year
			defer workspace.SetBatchFiles(7)()
		}
		parts, err := workspace.Check(root, workspace.Options{AsOf: asOf}, rs)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := workspace.Check(root, workspace.Options{AsOf: asOf, Whole: true}, rs)
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Findings) < 5 {
			t.Fatalf("the troubled repo has only %d findings", len(whole.Findings))
		}
		if len(rs) == 1 { // doc/number: the reuses across year folders are there to be found
			for _, want := range []string{"documents/2024/VPTU/tb-1.yaml", "conclusions/2025/VPTU/kl-1.yaml", "documents/2026/VPUBND/cv-3.yaml"} {
				found := false
				for _, f := range parts.Findings {
					found = found || (f.File == want && f.Msg.Key == "rule.docnum.reused")
				}
				if !found {
					t.Errorf("no reuse found on %s", want)
				}
			}
		}
		if parts.Files != whole.Files || parts.Records != whole.Records {
			t.Errorf("parts count %d files, %d records; the whole repo %d, %d", parts.Files, parts.Records, whole.Files, whole.Records)
		}
		if !reflect.DeepEqual(parts.Findings, whole.Findings) {
			n := min(len(parts.Findings), len(whole.Findings))
			for i := 0; i < n; i++ {
				if !reflect.DeepEqual(parts.Findings[i], whole.Findings[i]) {
					t.Fatalf("finding %d differs (of %d and %d):\nparts: %+v\nwhole: %+v", i, len(parts.Findings), len(whole.Findings), parts.Findings[i], whole.Findings[i])
				}
			}
			t.Fatalf("parts found %d, the whole repo %d", len(parts.Findings), len(whole.Findings))
		}
	}
}

// TestCheckByPartsAcross: a rule across every programme (its findings on the registry too) has them all in one
// part (those of their folders: a record filed in another kind's folder is read with that folder), a rule across
// the blind index has every petition that shares one with a petition of another office, and each finds what
// one read of the whole repo finds.
func TestCheckByPartsAcross(t *testing.T) {
	root := troubled(t)
	counting := func(id string, across rules.Across, folder string, on string) rules.Rule {
		return rules.Rule{ID: id, Severity: finding.Info, Across: across, Check: func(c *rules.Context, out rules.Out) {
			n := 0
			for _, f := range c.Repo.Files {
				if strings.HasPrefix(f.Path, folder) {
					n++
				}
			}
			for _, f := range c.Repo.Files {
				if strings.HasPrefix(f.Path, folder) || f.Path == on {
					out.Emit(finding.Finding{Pos: finding.Pos{File: f.Path, Line: 1, Column: 1}, Msg: i18n.M("test.count", n)})
				}
			}
		}}
	}
	// On each petition, how many petitions of other offices share its blind index (when any does).
	sharing := rules.Rule{ID: "test/index", Severity: finding.Info, Across: rules.AcrossBlindIndex, Check: func(c *rules.Context, out rules.Out) {
		for _, f := range c.Repo.Files {
			p, ok := f.Value.(*record.Petition)
			if !ok || !petition.WellFormedIndex(p.PetitionerIndex) {
				continue
			}
			n := 0
			for _, g := range c.Repo.Files {
				if q, ok := g.Value.(*record.Petition); ok && q.PetitionerIndex == p.PetitionerIndex && q.Office != p.Office {
					n++
				}
			}
			if n > 0 {
				out.Emit(finding.Finding{Pos: finding.Pos{File: f.Path, Line: 1, Column: 1}, Msg: i18n.M("test.count", n)})
			}
		}
	}}
	rs := []rules.Rule{counting("test/programmes", rules.AcrossProgrammes, "programmes/", "registry/people.yaml"), sharing}
	parts, err := workspace.Check(root, workspace.Options{}, rs)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := workspace.Check(root, workspace.Options{Whole: true}, rs)
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	for _, f := range whole.Findings {
		if f.Rule == "test/index" {
			shared++
		}
	}
	if len(whole.Findings) < 100 || shared < 10 || len(parts.Findings) != len(whole.Findings) {
		t.Fatalf("parts found %d, the whole repo %d (%d on petitions sharing an index)", len(parts.Findings), len(whole.Findings), shared)
	}
	for i := range parts.Findings {
		if !reflect.DeepEqual(parts.Findings[i], whole.Findings[i]) {
			t.Fatalf("finding %d:\nparts %+v\nwhole %+v", i, parts.Findings[i], whole.Findings[i])
		}
	}
}

// TestCheckWholeForARuleThatSaysNothing: a rule that does not say what it compares a record with (a rule
// written before Rule.Across) has the whole repo read at once, so it sees every record.
func TestCheckWholeForARuleThatSaysNothing(t *testing.T) {
	root := troubled(t)
	seen := 0
	r := rules.Rule{ID: "test/all", Severity: finding.Info, Check: func(c *rules.Context, out rules.Out) { seen = len(c.Repo.Files) }}
	c, err := workspace.Check(root, workspace.Options{}, append(rules.All(), r))
	if err != nil {
		t.Fatal(err)
	}
	if seen < c.Records || seen < 1500 {
		t.Errorf("the rule saw %d files of %d records", seen, c.Records)
	}
}

// TestInteracting: checking some records reads what they meet and nothing else — a document's number series
// (its year and the five before), a programme's period, a petition's year — widened by what the rules compare a
// record with; the registry or a rule that says nothing: everything.
// noneAcross is rs without the rules that compare a record with others as a.
func noneAcross(rs []rules.Rule, a rules.Across) []rules.Rule {
	var out []rules.Rule
	for _, r := range rs {
		if r.Across != a {
			out = append(out, r)
		}
	}
	return out
}

func TestInteracting(t *testing.T) {
	all := rules.All()
	for _, tc := range []struct {
		paths []string
		rs    []rules.Rule
		yes   []string
		no    []string
		all   bool
	}{
		{paths: []string{"documents/2026/VPTU/tb-1.yaml"}, rs: all,
			yes: []string{"documents/2026/VPUBND/a.yaml", "conclusions/2021/VPTU/b.yaml", "registry/people.yaml", "documents/"},
			no:  []string{"documents/2020/VPTU/c.yaml", "petitions/2026/VPTU/p.yaml", "programmes/2026/Q3/VPTU.yaml", "petitions/"}},
		// The rhythm rules (rhythm/evaluation, rhythm/reception) compare a programme with the others of its year
		// and beyond: every programme is read, nothing else.
		{paths: []string{"programmes/2026/Q3/VPTU.yaml"}, rs: all,
			yes: []string{"programmes/2026/Q3/VPUBND.yaml", "consolidated/2026/Q3.yaml", "programmes/2026/Q2/VPTU.yaml"},
			no:  []string{"documents/2026/VPTU/a.yaml", "petitions/2026/VPTU/p.yaml"}},
		{paths: []string{"programmes/2026/Q3/VPTU.yaml"}, rs: noneAcross(all, rules.AcrossProgrammes),
			yes: []string{"programmes/2026/Q3/VPUBND.yaml", "consolidated/2026/Q3.yaml"},
			no:  []string{"programmes/2026/Q2/VPTU.yaml", "consolidated/2026/Q2.yaml", "documents/2026/VPTU/a.yaml"}},
		// petition/duplicate compares a petition with those sharing its blind index, known once all are read.
		{paths: []string{"petitions/2025/VPTU/p.yaml"}, rs: all,
			yes: []string{"petitions/2025/VPDBHD/q.yaml", "petitions/2024/VPTU/r.yaml"}, no: []string{"documents/2025/VPTU/a.yaml", "programmes/2025/Q3/VPTU.yaml"}},
		{paths: []string{"petitions/2025/VPTU/p.yaml"}, rs: noneAcross(all, rules.AcrossBlindIndex),
			yes: []string{"petitions/2025/VPDBHD/q.yaml"}, no: []string{"petitions/2024/VPTU/r.yaml", "documents/2025/VPTU/a.yaml"}},
		{paths: []string{"petitions/2025/VPTU/p.yaml"}, rs: append(rules.All(), rules.Rule{ID: "test/petitions", Across: rules.AcrossBlindIndex}),
			yes: []string{"petitions/2019/VPDBHD/q.yaml"}, no: []string{"documents/2025/VPTU/a.yaml"}},
		{paths: []string{"registry/people.yaml"}, rs: all, all: true},
		{paths: []string{"documents/2026/VPTU/tb-1.yaml"}, rs: append(rules.All(), rules.Rule{ID: "test/any"}), all: true},
	} {
		load, report, every := workspace.Interacting(tc.paths, tc.rs)
		if every != tc.all {
			t.Errorf("%v: everything %v, want %v", tc.paths, every, tc.all)
			continue
		}
		if every {
			continue
		}
		if !report[tc.paths[0]] {
			t.Errorf("%v: not reported on", tc.paths)
		}
		for _, p := range tc.yes {
			if !load(p) {
				t.Errorf("%v: %s not read", tc.paths, p)
			}
		}
		for _, p := range tc.no {
			if load(p) {
				t.Errorf("%v: %s read", tc.paths, p)
			}
		}
	}
}

// TestInteractingFindsWhatTheWholeRepoFinds: checking some records with only what they meet loaded
// (Interacting) finds on them exactly what checking them with the whole repo loaded finds.
func TestInteractingFindsWhatTheWholeRepoFinds(t *testing.T) {
	root := troubled(t)
	asOf := func(loc *time.Location) (time.Time, error) { return time.Date(2026, 9, 1, 0, 0, 0, 0, loc), nil }
	for _, paths := range [][]string{
		{"documents/2024/VPTU/tb-1.yaml", "conclusions/2025/VPTU/kl-1.yaml"},
		{"documents/2026/VPUBND/cv-3.yaml"},
		{"programmes/2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPTU.yaml"},
		{"petitions/2026/VPDBHD/VPDBHD-2026-000045.yaml", "petitions/2019/VPTU/bad.yaml"},
		{"conclusions/2026/VPTU/space.yaml"},
	} {
		only := map[string]bool{}
		for _, p := range paths {
			only[p] = true
		}
		load, _, all := workspace.Interacting(paths, rules.All())
		if all {
			t.Fatalf("%v: everything read", paths)
		}
		part, err := workspace.Load(root, workspace.Options{AsOf: asOf, Only: load})
		if err != nil {
			t.Fatal(err)
		}
		whole, err := workspace.Load(root, workspace.Options{AsOf: asOf}) // a context remembers what it computed for its Only
		if err != nil {
			t.Fatal(err)
		}
		if len(part.Repo.Files) >= len(whole.Repo.Files)/2 {
			t.Errorf("%v: %d of %d files read", paths, len(part.Repo.Files), len(whole.Repo.Files))
		}
		whole.Ctx.Only, part.Ctx.Only = only, only
		want, got := rules.Run(whole.Ctx, rules.All()), rules.Run(part.Ctx, rules.All())
		if len(want) == 0 {
			t.Errorf("%v: nothing found to compare", paths)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%v: %d findings, with the whole repo %d:\n%v\n%v", paths, len(got), len(want), got, want)
		}
	}
}
