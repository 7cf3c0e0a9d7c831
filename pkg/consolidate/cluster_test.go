package consolidate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
)

// threeWay adds a third event for the UBND Chairman in the example's planned clash of 21/7 afternoon (the
// Standing Committee at VPTU, the project board at VPUBND): one cluster of three.
func threeWay(t *testing.T) string {
	t.Helper()
	root := province(t)
	p := filepath.Join(root, "programmes", "2026", "Q3", "VPDBHD.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, []byte(`  - id: giam-sat-von-dau-tu
    title: Giám sát giải ngân vốn đầu tư công
    when: 2026-07-21 15:00-16:30
    kind: meeting
    bodies: [TT-HDND]
    chair: [le-minh-tuan]
    attendees: [vo-thanh-long]
`)...)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

const (
	btv   = "VPTU.btv-cho-y-kien-quy-hoach"
	qlda  = "VPUBND.lam-viec-ban-qlda-trong-diem"
	gsvon = "VPDBHD.giam-sat-von-dau-tu"
)

func longFindings(fs []rules.ScheduleFinding) []rules.ScheduleFinding {
	var out []rules.ScheduleFinding
	for _, f := range fs {
		if f.Rule == "overlap/person" && f.Subject == "person:vo-thanh-long" {
			out = append(out, f)
		}
	}
	return out
}

func sortedItems(f rules.ScheduleFinding) []string {
	s := slices.Clone(f.Items)
	slices.Sort(s)
	return s
}

// A clash of three is one conflict in the consolidated record with its three items, and the coordinator's
// decisions still resolve it: moving one item out leaves a clash of two (an open error, which a second move
// settles); keeping one lowers the three to information and leaves the two others clashing as an error;
// accepting the proposals settles it all, for merge and for check alike.
func TestClusterDecisions(t *testing.T) {
	root := threeWay(t)
	c := load(t, root, "2026-06-15")
	res := Consolidate(c, q3, nil, nil)
	three := longFindings(res.Sched)
	if len(three) != 1 || !slices.Equal(sortedItems(three[0]), []string{gsvon, btv, qlda}) || three[0].Severity != finding.Error {
		t.Fatalf("the clash of three: %+v", three)
	}
	if !strings.Contains(three[0].Msg.Render(i18n.VI), "Võ Thành Long có 3 hoạt động trùng thời gian") || len(three[0].Related) != 2 {
		t.Errorf("message %q, related %v", three[0].Msg.Render(i18n.VI), three[0].Related)
	}
	n := 0
	for _, k := range res.C.Conflicts {
		if k.Subject == "person:vo-thanh-long" && k.Rule == "overlap/person" {
			n++
			if len(k.Items) != 3 {
				t.Errorf("recorded conflict %+v", k)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d recorded conflicts of the Chairman, want 1", n)
	}

	// Move the VPDBHD item away: the Standing Committee and the project board still clash.
	moved, fresh, err := res.Decide(Decision{Action: record.ActionMove, Item: gsvon, When: "2026-07-23 chiều", Reason: "Dời", By: "VPTU"})
	if err != nil || len(fresh) > 0 {
		t.Fatalf("move: %v %v", fresh, err)
	}
	two := longFindings(moved.Sched)
	if len(two) != 1 || !slices.Equal(sortedItems(two[0]), []string{btv, qlda}) || two[0].Severity != finding.Error {
		t.Fatalf("after moving one out: %+v", two)
	}
	if !strings.Contains(two[0].Msg.Render(i18n.VI), "Võ Thành Long trùng lịch: mục này vào") {
		t.Errorf("a clash of two reads as a pair: %q", two[0].Msg.Render(i18n.VI))
	}
	settled, _, err := moved.Decide(Decision{Action: record.ActionMove, Item: qlda, When: "2026-07-22 chiều", Reason: "Dời", By: "VPTU"})
	if err != nil || len(longFindings(settled.Sched)) != 0 {
		t.Fatalf("after the second move: %+v %v", longFindings(settled.Sched), err)
	}

	// Moving an item into the clash is refused: the cluster it joins is new and holds it.
	if _, fresh, err := settled.Decide(Decision{Action: record.ActionMove, Item: gsvon, When: "2026-07-21 14:00-15:00", Reason: "Thử", By: "VPTU"}); err == nil || len(fresh) == 0 {
		t.Errorf("a move into the Standing Committee's slot was not refused: %v %v", fresh, err)
	}

	// Keep the Standing Committee's item: the three are information, the other two still an error.
	kept, _, err := res.Decide(Decision{Action: record.ActionKeep, Item: btv, Reason: "Thường trực đã thống nhất", By: "VPTU"})
	if err != nil {
		t.Fatal(err)
	}
	got := longFindings(kept.Sched)
	if len(got) != 2 {
		t.Fatalf("after keeping one: %+v", got)
	}
	for _, f := range got {
		switch {
		case len(f.Items) == 3:
			if f.Severity != finding.Info || !strings.Contains(f.Msg.Render(i18n.VI), "cơ quan tổng hợp giữ nguyên: Thường trực đã thống nhất") {
				t.Errorf("the kept clash: %s %q", f.Severity, f.Msg.Render(i18n.VI))
			}
		case slices.Equal(sortedItems(f), []string{gsvon, qlda}):
			if f.Severity != finding.Error {
				t.Errorf("the clash without the kept item: %s", f.Severity)
			}
		default:
			t.Errorf("unexpected %+v", f)
		}
	}
	// check, over the record, says the same.
	write(t, root, kept.C)
	c = load(t, root, "2026-06-15")
	checked := byRule(rules.Run(c, rules.Select([]string{"overlap/person"})))
	if checked["overlap/person error"] != 2 || checked["overlap/person info"] != 1 {
		t.Errorf("check after the keep: %v", checked)
	}

	// The proposals settle everything.
	all, _, err := res.Accept(res.Suggest(), nil, "VPTU")
	if err != nil {
		t.Fatal(err)
	}
	if open := all.OpenErrors(); len(open) != 0 {
		t.Errorf("open after accepting the proposals: %+v", open)
	}
}
