package consolidate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
)

var q3 = period.Period{Kind: period.Quarter, Year: 2026, N: 3}

// province writes the example province into a temporary folder.
func province(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	return dir
}

// load reads the repo as `coord check` does, as of the day given (no git: programmes are judged at as-of,
// so a day before the quarter's deadline).
func load(t *testing.T, root, asOf string) *rules.Context {
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

// write saves a consolidated record where merge writes it.
func write(t *testing.T, root string, c *record.Consolidated) {
	t.Helper()
	data, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, filepath.FromSlash(datarepo.ConsolidatedPath(q3)))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, root, rel, from, to string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), from) {
		t.Fatalf("%s has no %q", rel, from)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// byRule counts findings per rule and severity: "overlap/person error" → 2.
func byRule(fs []finding.Finding) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Rule+" "+string(f.Severity)]++
	}
	return out
}

// TestCheckHonoursDecisions: the conflicts `coord check` reports are those of the programme after the period's
// consolidated record's decisions — a move or a drop that removes a clash removes the finding, a keep lowers
// it to information naming the decision — computed by the same function as merge's.
func TestCheckHonoursDecisions(t *testing.T) {
	root := province(t)
	c := load(t, root, "2026-06-15")
	before := byRule(rules.Run(c, rules.All()))
	if before["overlap/person error"] != 2 || before["overlap/venue error"] != 1 || before["joint/mismatch error"] != 1 ||
		before["overlap/locality warning"] != 1 {
		t.Fatalf("the example's planned conflicts: %v", before)
	}

	res := Consolidate(c, q3, nil, nil)
	props := res.Suggest()
	res, n, err := res.Accept(props, nil, "VPTU")
	if err != nil || n != 4 {
		t.Fatalf("accept: %d, %v", n, err)
	}
	// Keep the locality warning with a reason.
	keep := ""
	for _, sf := range res.Sched {
		if sf.Rule == "overlap/locality" {
			keep = sf.Items[0]
		}
	}
	res, _, err = res.Decide(Decision{Action: record.ActionKeep, Item: keep, Reason: "Hai đoàn làm việc ở hai nơi", By: "VPTU"})
	if err != nil {
		t.Fatal(err)
	}
	write(t, root, res.C)

	c = load(t, root, "2026-06-15")
	fs := rules.Run(c, rules.All())
	after := byRule(fs)
	for _, k := range []string{"overlap/person error", "overlap/venue error", "joint/mismatch error", "overlap/locality warning", "consolidated/stale warning"} {
		if after[k] != 0 {
			t.Errorf("after the decisions: %d × %s (%v)", after[k], k, after)
		}
	}
	if after["overlap/locality info"] != 1 || after["overlap/travel warning"] != 1 || after["overlap/tentative info"] != 1 {
		t.Errorf("after the decisions: %v", after)
	}
	for _, f := range fs {
		if f.Rule == "overlap/locality" && !strings.Contains(f.Msg.Render(i18n.VI), "cơ quan tổng hợp giữ nguyên: Hai đoàn làm việc ở hai nơi") {
			t.Errorf("the kept conflict does not name the decision: %s", f.Msg.Render(i18n.VI))
		}
	}

	// Merge over the record gives the same findings as check.
	again := Consolidate(c, q3, res.C, res.C.Adjustments)
	if got := byRule(rulesOnly(again.Findings(), fs)); len(got) != 0 {
		t.Errorf("merge and check disagree: %v", got)
	}
}

// rulesOnly returns the schedule findings of a that b lacks (by rule, place and message).
func rulesOnly(a, b []finding.Finding) []finding.Finding {
	key := func(f finding.Finding) string {
		return f.Rule + string(f.Severity) + f.File + f.Msg.Render(i18n.VI)
	}
	has := map[string]bool{}
	for _, f := range b {
		has[key(f)] = true
	}
	var out []finding.Finding
	for _, f := range a {
		if rules.IsScheduleRule(f.Rule) && !has[key(f)] {
			out = append(out, f)
		}
	}
	return out
}

// TestStale: a source item changed, added or removed after the merge is consolidated/stale on the
// consolidated record, naming the item — a warning on a draft, an error once approved or issued — and a
// changed item's decision no longer applies, so its conflict comes back. Reverting the change clears both.
func TestStale(t *testing.T) {
	root := province(t)
	c := load(t, root, "2026-06-15")
	res := Consolidate(c, q3, nil, nil)
	res, _, err := res.Accept(res.Suggest(), nil, "VPTU")
	if err != nil {
		t.Fatal(err)
	}
	write(t, root, res.C)
	stale := func() []finding.Finding {
		var out []finding.Finding
		for _, f := range rules.Run(load(t, root, "2026-06-15"), rules.All()) {
			if f.Rule == "consolidated/stale" || (f.Rule == "overlap/person" && f.Severity == finding.Error) {
				out = append(out, f)
			}
		}
		return out
	}
	if fs := stale(); len(fs) != 0 {
		t.Fatalf("fresh record: %v", fs)
	}

	const rel = "programmes/2026/Q3/VPUBND.yaml"
	const title = "Chủ tịch UBND tỉnh làm việc với Ban Quản lý dự án đầu tư xây dựng tỉnh về tiến độ các công trình trọng điểm"
	edit(t, root, rel, "title: "+title, "title: "+title+" (mở rộng)")
	fs := stale()
	if len(fs) != 2 || fs[0].Rule != "consolidated/stale" || fs[0].Severity != finding.Warning ||
		fs[0].File != datarepo.ConsolidatedPath(q3) || fs[1].Rule != "overlap/person" {
		t.Fatalf("changed item: %v", fs)
	}
	if msg := fs[0].Msg.Render(i18n.VI); !strings.Contains(msg, "«"+title+" (mở rộng)» (Văn phòng UBND tỉnh) đã sửa sau khi tổng hợp (quyết định dời lịch") {
		t.Errorf("stale message %q", msg)
	}

	// Approved: the same change is an error.
	approved := *res.C
	approved.Status, approved.Decision = StatusApproved, &record.Decision{Date: "2026-06-16", By: "TT-TU"}
	write(t, root, &approved)
	if fs := stale(); len(fs) != 2 || fs[0].Severity != finding.Error {
		t.Fatalf("changed item, approved: %v", fs)
	}

	// Reverted: nothing.
	edit(t, root, rel, "title: "+title+" (mở rộng)", "title: "+title)
	if fs := stale(); len(fs) != 0 {
		t.Fatalf("reverted: %v", fs)
	}

	// An item added after the merge; one removed.
	edit(t, root, rel, "items:\n", "items:\n  - id: them-sau\n    title: Hoạt động thêm sau khi tổng hợp\n    when: 2026-07-06 sáng\n    kind: meeting\n    bodies: [UBND]\n")
	fs = stale()
	if len(fs) != 1 || !strings.Contains(fs[0].Msg.Render(i18n.VI), "«Hoạt động thêm sau khi tổng hợp» (Văn phòng UBND tỉnh) được thêm sau khi tổng hợp") {
		t.Fatalf("added item: %v", fs)
	}
}

// TestEffective: the effective programme applies each item's last decision once — a move takes the new time
// and place (the new venue's name and locality), "before" names each office's own time, a drop is set apart
// — and a conflict's state follows the decisions on its items.
func TestEffective(t *testing.T) {
	root := province(t)
	c := load(t, root, "2026-06-15")
	res := Consolidate(c, q3, nil, nil)
	res, _, err := res.Accept(res.Suggest(), nil, "VPTU")
	if err != nil {
		t.Fatal(err)
	}
	res, _, err = res.Decide(Decision{Action: record.ActionMove, Item: "VPUBND.lam-viec-ban-qlda-trong-diem",
		When: "Chiều 23/7/2026", Place: "hội trường hđnd tỉnh", Reason: "Đổi địa điểm", By: "VPTU"})
	if err != nil {
		t.Fatal(err)
	}
	res, _, err = res.Decide(Decision{Action: record.ActionDrop, Item: "VPDBHD.giam-sat-bao-hiem-y-te", Reason: "Lùi sang quý IV", By: "VPTU"})
	if err != nil {
		t.Fatal(err)
	}
	prog := Effective(c, q3, res.C)
	entry := func(id string) *Entry {
		for _, e := range prog.Entries {
			if e.Item.ID == id {
				return e
			}
		}
		t.Fatalf("no entry %s", id)
		return nil
	}
	e := entry("VPUBND.lam-viec-ban-qlda-trong-diem")
	if e.Item.When != "2026-07-23 chiều" || e.Place.Venue != "hoi-truong-hdnd" || e.Place.Name != "Hội trường HĐND tỉnh" ||
		e.Place.LocalityName == "" || len(e.Before) != 1 || e.Before[0].When != "2026-07-21 chiều" || e.Before[0].Place.Name == e.Place.Name {
		t.Errorf("moved entry: %+v / %+v / %+v", e.Item.Item, e.Place, e.Before)
	}
	if e.Recorded.When != "2026-07-21 chiều" {
		t.Errorf("the record's item was changed: %q", e.Recorded.When)
	}
	j := entry("joint.so-ket-chinh-quyen-hai-cap")
	if beforeFor(j, "VPUBND") == nil || beforeFor(j, "VPTU") != nil || beforeFor(j, "VPUBND").When != "2026-08-14 14:00-17:00" {
		t.Errorf("joint event aligned on VPTU's time: before %+v", j.Before)
	}
	if d := entry("VPDBHD.giam-sat-bao-hiem-y-te"); !d.Dropped {
		t.Errorf("dropped entry not set apart")
	}
	for _, k := range prog.Conflicts {
		if k.Record.Rule == "overlap/person" && k.State != ConflictResolved {
			t.Errorf("conflict %d (%s) state %v", k.N, k.Record.Subject, k.State)
		}
	}
}

// beforeFor is where an office's own programme put the item, when that differs from where it now stands.
func beforeFor(e *Entry, office string) *Before {
	for i := range e.Before {
		if slices.Contains(e.Before[i].Offices, office) {
			return &e.Before[i]
		}
	}
	return nil
}
