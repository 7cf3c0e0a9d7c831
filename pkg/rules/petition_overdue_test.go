package rules_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/finding"
)

var sealedLine = regexp.MustCompile(`(?m)^petitioner: ENC\[age,[^\]]*\]$`)

// petitionFile is a petition of the example province's form (its sealed identity borrowed from one of the
// example's) with the fields given and the history lines ("{date: …, action: …, by: …}").
func petitionFile(t testing.TB, id, typ, received, status, extra string, history ...string) (string, string) {
	t.Helper()
	src, err := examples.Province.ReadFile("province/petitions/2026/VPUBND/VPUBND-2026-000123.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sealed := sealedLine.Find(src)
	office := id[:strings.Index(id, "-")]
	var b strings.Builder
	fmt.Fprintf(&b, "kind: petition\nid: %s\noffice: %s\ntype: %s\n%sreceived: %s\nchannel: truc-tiep\npeople: 1\n", id, office, typ, extra, received)
	fmt.Fprintf(&b, "subject: Nội dung đơn\nlocality: xa-long-thanh\n%s\nstatus: %s\n", sealed, status)
	if len(history) > 0 {
		b.WriteString("history:\n")
		for _, h := range history {
			fmt.Fprintf(&b, "  - %s\n", h)
		}
	}
	return "petitions/" + received[:4] + "/" + office + "/" + id + ".yaml", b.String()
}

// petition/overdue: a complaint received on Monday 25/1/2027 is accepted within 10 days, which end on
// Thursday 4/2, the first day of Tết: the limit ends on Thursday 11/2. Information within 3 working days
// before, a warning on the last day, an error from the next day; nothing once accepted in time.
func TestPetitionOverdueLadder(t *testing.T) {
	rel, src := petitionFile(t, "VPUBND-2027-000001", "khieu-nai", "2027-01-25", "received", "",
		"{date: 2027-01-25, action: received, by: VPUBND}")
	files := map[string]string{rel: src}
	if got := memCheck(t, files, "2027-01-29", "petition/overdue"); len(got) != 0 {
		t.Errorf("four working days ahead: %v", render(got))
	}
	got := memCheck(t, files, "2027-02-03", "petition/overdue")
	want(t, got, 1, "petition/overdue", finding.Info, rel,
		"đơn khiếu nại nhận ngày 25/1/2027: hạn thụ lý là hết ngày 11/2/2027, còn 1 ngày làm việc (Luật Khiếu nại năm 2011, Điều 27)",
		"complaint received on 25/1/2027: the acceptance deadline is the end of 11/2/2027, 1 working days left (Luật Khiếu nại năm 2011, Điều 27)")
	if f := got[0]; f.Subject != "petition:VPUBND-2027-000001" || f.Line != 11 || len(f.Related) != 0 {
		t.Errorf("finding at %d, subject %q, related %v", f.Line, f.Subject, f.Related)
	}
	want(t, memCheck(t, files, "2027-02-11", "petition/overdue"), 1, "petition/overdue", finding.Warning, rel,
		"đơn khiếu nại nhận ngày 25/1/2027: hôm nay, ngày 11/2/2027, là ngày cuối cùng của thời hạn thụ lý (Luật Khiếu nại năm 2011, Điều 27)",
		"today, 11/2/2027, is the last day of the acceptance deadline")
	want(t, memCheck(t, files, "2027-02-12", "petition/overdue"), 1, "petition/overdue", finding.Error, rel,
		"đơn khiếu nại nhận ngày 25/1/2027 đã quá hạn thụ lý: hạn cuối là ngày 11/2/2027, đã quá 1 ngày (Luật Khiếu nại năm 2011, Điều 27)",
		"is past its acceptance deadline: the last day was 11/2/2027, 1 days ago")

	// Accepted on the last day: the resolution's 30 days run from 11/2 to Saturday 13/3, so Monday 15/3.
	rel, src = petitionFile(t, "VPUBND-2027-000001", "khieu-nai", "2027-01-25", "accepted", "",
		"{date: 2027-01-25, action: received, by: VPUBND}", "{date: 2027-02-11, action: accepted, by: VPUBND}")
	files = map[string]string{rel: src}
	if got := memCheck(t, files, "2027-03-09", "petition/overdue"); len(got) != 0 {
		t.Errorf("accepted in time: %v", render(got))
	}
	got = memCheck(t, files, "2027-03-16", "petition/overdue")
	want(t, got, 1, "petition/overdue", finding.Error, rel, "đã quá hạn giải quyết: hạn cuối là ngày 15/3/2027, đã quá 1 ngày (Luật Khiếu nại năm 2011, Điều 28)", "")
	if r := got[0].Related; len(r) != 1 || r[0].Line != 14 {
		t.Errorf("related to the acceptance: %v", r)
	}

	// Resolved, or forwarded: the clock has stopped.
	for _, status := range []string{"resolved", "transferred"} {
		rel, src = petitionFile(t, "VPUBND-2027-000001", "khieu-nai", "2027-01-25", status, "",
			"{date: 2027-02-01, action: "+status+", by: VPUBND, to: VPTU}")
		if got := memCheck(t, map[string]string{rel: src}, "2027-04-01", "petition/overdue"); len(got) != 0 {
			t.Errorf("%s: %v", status, render(got))
		}
	}
}

// A denunciation in a remote commune, accepted on Friday 8/1/2027: 30 days end in Tết (7/2), so 11/2;
// extended by decision on 10/2 by 30 days, to Monday 15/3. Working-day limits, a kiến nghị and a phản ánh.
func TestPetitionOverdueEachType(t *testing.T) {
	rel, src := petitionFile(t, "VPTU-2027-000002", "to-cao", "2027-01-04", "accepted", "complex: true\n",
		"{date: 2027-01-08, action: accepted, by: VPTU}",
		"{date: 2027-02-10, action: extended, by: VPTU, decision: 12/QĐ-UBKT, note: Gia hạn do vụ việc phức tạp}")
	files := map[string]string{rel: src}
	if got := memCheck(t, files, "2027-02-12", "petition/overdue"); len(got) != 0 {
		t.Errorf("extended: %v", render(got))
	}
	got := memCheck(t, files, "2027-03-15", "petition/overdue")
	want(t, got, 1, "petition/overdue", finding.Warning, rel,
		"đơn tố cáo nhận ngày 04/1/2027: hôm nay, ngày 15/3/2027, là ngày cuối cùng của thời hạn giải quyết (Luật Tố cáo năm 2018, Điều 30; đã gia hạn 1 lần)",
		"(Luật Tố cáo năm 2018, Điều 30; extended 1 times)")
	if r := got[0].Related; len(r) != 2 {
		t.Errorf("related: %v", r)
	}

	// kiến nghị and phản ánh: 10 working days from Tuesday 2/2/2027 — Wed 3, then Tết, 11, 12, 15…19, 22, 23.
	for _, typ := range []string{"kien-nghi", "phan-anh"} {
		rel, src := petitionFile(t, "VPDBHD-2027-000003", typ, "2027-02-02", "received", "")
		files := map[string]string{rel: src}
		if got := memCheck(t, files, "2027-02-23", "petition/overdue"); len(got) != 1 || got[0].Severity != finding.Warning {
			t.Errorf("%s on its last day: %v", typ, render(got))
		}
		if got := memCheck(t, files, "2027-02-24", "petition/overdue"); len(got) != 1 || got[0].Severity != finding.Error {
			t.Errorf("%s the day after: %v", typ, render(got))
		}
	}
	// tố cáo not yet accepted: 7 working days, 10 when complex (the checks at several places).
	rel, src = petitionFile(t, "VPTU-2027-000004", "to-cao", "2027-02-02", "received", "")
	if got := memCheck(t, map[string]string{rel: src}, "2027-02-19", "petition/overdue"); len(got) != 1 || got[0].Severity != finding.Error {
		t.Errorf("to-cao on 19/2: %v", render(got))
	}
	rel, src = petitionFile(t, "VPTU-2027-000004", "to-cao", "2027-02-02", "received", "complex: true\n")
	if got := memCheck(t, map[string]string{rel: src}, "2027-02-19", "petition/overdue"); len(got) != 1 || got[0].Severity != finding.Info {
		t.Errorf("complex to-cao on 19/2: %v", render(got))
	}
}

// The example province's petitions are all closed: nothing to report whenever it is checked.
func TestPetitionOverdueExample(t *testing.T) {
	if got := run(load(t, province(t), "2027-06-01"), "petition/overdue"); len(got) != 0 {
		t.Errorf("%v", render(got))
	}
}
