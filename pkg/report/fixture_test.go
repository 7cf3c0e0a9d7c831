package report_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/report"
	"github.com/coordvn/coord/pkg/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The fixture is a small data repo counted by hand: the example province's registry and coord.yaml (VPTU,
// VPDBHD, VPUBND; the host rotation makes VPUBND the host of 2026 and VPTU of 2027) and these records.
//
// Programmes of Quarter III 2026 and their items, by the month each starts in:
//
//	VPTU     Q3: 06/7, 20/7, week 27 (from 29/6: July, the quarter's first day), August, 25/9 → July 3, August 1, September 1
//	         08: one item (not counted: VPTU has a Q3 programme)
//	VPDBHD   Q3: 04/8, 25/9 (late_reason)                                                       → August 1, September 1
//	         W36: one item (weeks are not counted for items)
//	VPUBND   no Q3 programme: 07 (two items), 08 (one), 09 (one)                               → July 2, August 1, September 1
//	VPTU     Q4: 05/10 (outside the quarter; in the year)
//
// Submissions (first on main, else judged at --as-of 01/10/2026), deadlines by the default policy:
//
//	VPTU Q3 15/6 < 20/6 on time          VPTU 08 30/7 ≥ 25/7 late              VPTU Q4 10/9 < 20/9 on time (year only)
//	VPDBHD Q3 22/6 ≥ 20/6 late, reason   VPDBHD W36 27/8 10:00 < 27/8 17:00 on time
//	VPUBND 07 24/6 < 25/6 on time        VPUBND 08 not on main: 01/10 late     VPUBND 09 20/8 < 25/8 on time
//
// Consolidated programmes: Q3 with five conflicts — person A/B (A moved), venue C/D (D kept), person E/F (F
// dropped), joint/mismatch J (open), tentative G/H (open) — and a keep on I outside any conflict (four
// decisions: one move, one drop, two keeps); 08 with one open travel conflict X/Y; Q4 (the year only) with one
// venue conflict K/L (K moved). So the quarter: 2 records, 6 conflicts (1 moved, 1 dropped, 1 kept, 3 open), 4
// decisions; the year: 3 records, 7 conflicts (2 moved, 1 dropped, 1 kept, 3 open), 5 decisions.
//
// Citizen reception (Phạm Quang Huy and Võ Thành Long are bound to a reception day a month by the example
// registry): reception items — Huy chairs 06/7 (VPTU Q3) and 05/10 (VPTU Q4) and attends "2026-08" (VPTU Q3);
// Long chairs 21/7 (VPUBND 07) and 10/8 (VPTU 08, a month programme the items figure does not count) and
// attends 02/9 (VPDBHD W36, a week's). The months judged are those ended by --as-of that a year, quarter or
// month programme covers (July–September by the Q3 and month programmes, October–December by VPTU's Q4):
//
//	as of 10/9/2026, Q3      July, August          Huy 2/2, Long 2/2                       4/4  100,0%
//	as of 01/10/2026, Q3     July–September        Huy 2/3 (September missed), Long 3/3    5/6   83,3%
//	as of 05/01/2027, 2026   July–December         Huy 3/6 (9, 11, 12), Long 3/6 (10–12)   6/12  50,0%
//
// Petitions, and their statutory deadlines by the default policy with the registry's holidays (1–2/9) — the
// last day of each step the law limits, then how each stands as of 10/9/2026, 01/10/2026 and 05/01/2027 (W
// handled within the deadline, L late, O open within it, X overdue, S forwarded or withdrawn, — not counted):
//
//	VPTU-1   khiếu nại 03/7   accept 13/7, accepted 10/7; resolve 30 days from 10/7: 09/8 a Sunday → 10/8,
//	                          resolved 07/8                                                         W  W  W
//	VPTU-2   tố cáo 30/9      accept 7 working days: 09/10; nothing recorded                        —  O  X
//	VPTU-3   khiếu nại 01/10  accept 11/10 a Sunday → 12/10; nothing recorded (Q4)                  —  —  X
//	VPTU-4   khiếu nại 20/7   forwarded to VPUBND 22/7, before accept's 30/7                        S  S  S
//	VPTU-5   khiếu nại 14/9   not accepted (rejected) 18/9, within accept's 24/9                   —  W  W
//	VPDBHD-1 kiến nghị 01/7   answer 10 working days: 15/7; answered 20/7                           L  L  L
//	VPDBHD-2 tố cáo 03/8      accept 12/8, accepted 17/8 (late); resolve 16/9, resolved 10/9        L  L  L
//	VPDBHD-3 khiếu nại 01/7   remote (Xã Bù Đăng): accept 11/7 a Saturday → 13/7, accepted 06/7;
//	                          resolve 45 days: 20/8, resolved 14/8 (30 days would have ended 05/8)  W  W  W
//	VPUBND-1 phản ánh 15/8    answer 10 working days: 28/8; nothing recorded                        X  X  X
//	VPUBND-2 phản ánh 30/6    answer 14/7, answered 08/7 (Q2)                                       —  —  W
//	VPUBND-3 khiếu nại 03/9   accept 13/9 a Sunday → 14/9, accepted 08/9; resolve 08/10, resolved
//	                          05/10: not yet as of 01/10                                            O  O  W
//	VPUBND-4 kiến nghị 10/9   answer 24/9; withdrawn 14/9: not yet as of 10/9                       O  S  S
//
// So the shares within the deadline (W of W+L+X): Q3 as of 01/10 — VPTU 2/2, VPDBHD 1/3, VPUBND 0/1, all
// 3/6 (50,0%); as of 10/9 — 1/1, 1/3, 0/1, all 2/5 (40,0%); the year as of 05/01/2027 — VPTU 2/4, VPDBHD 1/3,
// VPUBND 2/3, all 5/10 (50,0%).
//
// Conclusions and their tasks (owner, due day, progress notes), and how each stands in the quarter as of 10/9
// and as of 01/10/2026, and in the year as of 05/01/2027:
//
//	2025/VPTU/ket-luan-z, issued 20/12/2025   z1 VPTU    due 20/7  done 20/7            on time   on time   on time
//	                                          z2 VPTU    due 31/12/2025, done           —         —         —
//	2026/VPTU/ket-luan-a, issued 20/6         a1 BTC-TU  due 15/7  done 10/7            on time   on time   on time
//	                                          a2 BTC-TU  due 31/8  done 05/9            late      late      late
//	                                          a3 UBND    due 30/9  no note              open      overdue   overdue
//	                                          a4 UBND    due 30/6  done 25/6            —         —         on time
//	                                          a6 BTC-TU  due 31/7  done 02/8            late      late      late
//	2026/VPUBND/ket-luan-b, issued 10/8       b1 SO-XD   due 15/9  status done, no note on time   on time   on time
//	                                          b2 SO-XD   due 20/9  cancelled 18/9       open      cancelled cancelled
//	                                          b3 VPUBND  due 10/10 done 12/10           —         —         late
//	                                          b4 VPUBND  no due day                     —         —         —
//	                                          b5 VPUBND  due 30/9  done 03/10           open      overdue   late
//	2026/VPDBHD/ket-luan-c, issued 20/9       c1 TT-HDND due 28/9  open                 (unknown) overdue   overdue
//	                                          c2 VPDBHD  due 15/12 open                 —         —         overdue
//	                                          c3 VPDBHD  due 20/01/2027 open            —         —         —
//
// edits change the files before they are written (a registry without bound leaders, say).
func fixture(t testing.TB, edits ...func(files map[string][]byte)) string {
	t.Helper()
	root := t.TempDir()
	files, err := examples.ProvinceFiles("registry/")
	if err != nil {
		t.Fatal(err)
	}
	settings, err := examples.ProvinceFiles("coord.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files["coord.yaml"] = settings["coord.yaml"]
	sealed := sealedIdentity(t)
	prog := func(office, per, extra string, items ...string) []byte {
		s := fmt.Sprintf("kind: programme\noffice: %s\nperiod: %s\n%sitems:\n", office, per, extra)
		for i, it := range items {
			when, rest, ok := strings.Cut(it, "; ") // "WHEN; kind: reception, …": an item of another kind
			if !ok {
				rest = "kind: meeting, bodies: [TT-TU]"
			}
			s += fmt.Sprintf("  - {id: hd-%d, title: Hoạt động %d, when: %s, %s}\n", i+1, i+1, when, rest)
		}
		return []byte(s)
	}
	const huy, long = "kind: reception, bodies: [BTV-TU], chair: [pham-quang-huy]", "kind: reception, bodies: [UBND], chair: [vo-thanh-long]"
	files["programmes/2026/Q3/VPTU.yaml"] = prog("VPTU", "2026-Q3", "", "2026-07-06 sáng; "+huy, "2026-07-20 08:00-11:00", "2026-W27",
		"2026-08; kind: reception, bodies: [BTV-TU], attendees: [pham-quang-huy]", "2026-09-25 sáng")
	files["programmes/2026/08/VPTU.yaml"] = prog("VPTU", "2026-08", "", "2026-08-10 sáng; "+long)
	files["programmes/2026/Q4/VPTU.yaml"] = prog("VPTU", "2026-Q4", "", "2026-10-05 sáng; "+huy)
	files["programmes/2026/Q3/VPDBHD.yaml"] = prog("VPDBHD", "2026-Q3", "late_reason: Chờ ý kiến Thường trực HĐND\n", "2026-08-04 chiều", "2026-09-25 sáng")
	files["programmes/2026/W36/VPDBHD.yaml"] = prog("VPDBHD", "2026-W36", "", "2026-09-02 sáng; kind: reception, bodies: [UBND], attendees: [vo-thanh-long]")
	files["programmes/2026/07/VPUBND.yaml"] = prog("VPUBND", "2026-07", "", "2026-07-07 sáng", "2026-07-21 chiều; "+long)
	files["programmes/2026/08/VPUBND.yaml"] = prog("VPUBND", "2026-08", "", "2026-08-18 sáng")
	files["programmes/2026/09/VPUBND.yaml"] = prog("VPUBND", "2026-09", "", "2026-09-08 sáng")

	item := func(id string) string {
		return fmt.Sprintf("  - {id: %s, title: Hoạt động %s, when: 2026-07-15 sáng, kind: meeting, bodies: [TT-TU], offices: [VPTU], origins: [{file: programmes/2026/Q3/VPTU.yaml, item: x, office: VPTU}]}\n", id, id)
	}
	q3 := "kind: consolidated\nperiod: 2026-Q3\ncoordinator: VPTU\nstatus: draft\nitems:\n"
	for _, id := range []string{"VPTU.a", "VPTU.b", "VPTU.c", "VPTU.d", "VPTU.e", "VPTU.f", "joint.j", "VPTU.g", "VPTU.h", "VPTU.i"} {
		q3 += item(id)
	}
	q3 += `conflicts:
  - {rule: overlap/person, severity: error, subject: "person:x", items: [VPTU.a, VPTU.b]}
  - {rule: overlap/venue, severity: error, subject: "place:y", items: [VPTU.c, VPTU.d]}
  - {rule: overlap/person, severity: error, subject: "person:z", items: [VPTU.e, VPTU.f]}
  - {rule: joint/mismatch, severity: error, subject: "joint:j", items: [joint.j]}
  - {rule: overlap/tentative, severity: info, subject: "person:w", items: [VPTU.g, VPTU.h]}
adjustments:
  - {item: VPTU.a, action: move, when: 2026-07-16 sáng, reason: Dời một ngày}
  - {item: VPTU.d, action: keep, reason: Hai phòng khác nhau}
  - {item: VPTU.f, action: drop, reason: Không tổ chức}
  - {item: VPTU.i, action: keep, reason: Giữ nguyên}
`
	files["consolidated/2026/Q3.yaml"] = []byte(q3)
	files["consolidated/2026/08.yaml"] = []byte("kind: consolidated\nperiod: 2026-08\ncoordinator: VPTU\nstatus: draft\nitems:\n" +
		strings.ReplaceAll(item("VPTU.x")+item("VPTU.y"), "2026-07-15", "2026-08-12") +
		"conflicts:\n  - {rule: overlap/travel, severity: warning, subject: \"person:v\", items: [VPTU.x, VPTU.y]}\n")
	files["consolidated/2026/Q4.yaml"] = []byte("kind: consolidated\nperiod: 2026-Q4\ncoordinator: VPTU\nstatus: draft\nitems:\n" +
		strings.ReplaceAll(item("VPTU.k")+item("VPTU.l"), "2026-07-15", "2026-10-15") +
		"conflicts:\n  - {rule: overlap/venue, severity: error, subject: \"place:u\", items: [VPTU.k, VPTU.l]}\n" +
		"adjustments:\n  - {item: VPTU.k, action: move, when: 2026-10-16 sáng, reason: Dời một ngày}\n")

	// petition writes a petition; each step of its history is "DATE ACTION [OFFICE forwarded to]", and its
	// status is the last step's (received without one).
	petition := func(office string, n int, typ, received, locality string, history ...string) {
		id := fmt.Sprintf("%s-2026-%06d", office, n)
		s := fmt.Sprintf("kind: petition\nid: %s\noffice: %s\ntype: %s\nreceived: %s\nchannel: truc-tiep\npeople: 1\nsubject: Đơn số %d\n",
			id, office, typ, received, n)
		if locality != "" {
			s += "locality: " + locality + "\n"
		}
		status := "received"
		steps := ""
		for _, h := range history {
			f := strings.Fields(h)
			steps += fmt.Sprintf("  - {date: %s, action: %s, by: %s", f[0], f[1], office)
			if len(f) > 2 {
				steps += ", to: " + f[2]
			}
			steps += "}\n"
			status = f[1]
		}
		s += fmt.Sprintf("petitioner: %s\nstatus: %s\n", sealed, status)
		if steps != "" {
			s += "history:\n" + steps
		}
		files["petitions/2026/"+office+"/"+id+".yaml"] = []byte(s)
	}
	petition("VPTU", 1, "khieu-nai", "2026-07-03", "", "2026-07-10 accepted", "2026-08-07 resolved")
	petition("VPTU", 2, "to-cao", "2026-09-30", "")
	petition("VPTU", 3, "khieu-nai", "2026-10-01", "")
	petition("VPTU", 4, "khieu-nai", "2026-07-20", "", "2026-07-22 transferred VPUBND")
	petition("VPTU", 5, "khieu-nai", "2026-09-14", "", "2026-09-18 rejected")
	petition("VPDBHD", 1, "kien-nghi", "2026-07-01", "", "2026-07-20 resolved")
	petition("VPDBHD", 2, "to-cao", "2026-08-03", "", "2026-08-17 accepted", "2026-09-10 resolved")
	petition("VPDBHD", 3, "khieu-nai", "2026-07-01", "xa-bu-dang", "2026-07-06 accepted", "2026-08-14 resolved")
	petition("VPUBND", 1, "phan-anh", "2026-08-15", "")
	petition("VPUBND", 2, "phan-anh", "2026-06-30", "", "2026-07-08 resolved")
	petition("VPUBND", 3, "khieu-nai", "2026-09-03", "", "2026-09-08 accepted", "2026-10-05 resolved")
	petition("VPUBND", 4, "kien-nghi", "2026-09-10", "", "2026-09-14 withdrawn")

	type task struct{ id, owner, due, status, updates string }
	conclusion := func(rel, number, office, issued string, tasks ...task) {
		s := fmt.Sprintf("kind: conclusion\nnumber: %s\noffice: %s\nmeeting: {date: %s}\nissued: %s\ntasks:\n", number, office, issued, issued)
		for _, t := range tasks {
			s += fmt.Sprintf("  - id: %s\n    owner: %s\n    content: Nhiệm vụ %s\n", t.id, t.owner, t.id)
			if t.due != "" {
				s += "    due: " + t.due + "\n"
			}
			s += "    status: " + t.status + "\n"
			if t.updates != "" {
				s += "    updates:\n"
				for _, u := range strings.Split(t.updates, ";") {
					date, status, _ := strings.Cut(u, " ")
					s += fmt.Sprintf("      - {date: %s, by: %s, note: Cập nhật, status: %s}\n", date, office, status)
				}
			}
		}
		files["conclusions/"+rel+".yaml"] = []byte(s)
	}
	conclusion("2025/VPTU/ket-luan-z", "90-TB/TU", "VPTU", "2025-12-20",
		task{"z1", "VPTU", "2026-07-20", "done", "2026-07-20 done"},
		task{"z2", "VPTU", "2025-12-31", "done", "2025-12-30 done"})
	conclusion("2026/VPTU/ket-luan-a", "120-TB/TU", "VPTU", "2026-06-20",
		task{"a1", "BTC-TU", "2026-07-15", "done", "2026-07-10 done"},
		task{"a2", "BTC-TU", "2026-08-31", "done", "2026-08-20 open;2026-09-05 done"},
		task{"a3", "UBND", "2026-09-30", "open", ""},
		task{"a4", "UBND", "2026-06-30", "done", "2026-06-25 done"},
		task{"a6", "BTC-TU", "2026-07-31", "done", "2026-08-02 done"})
	conclusion("2026/VPUBND/ket-luan-b", "200/TB-UBND", "VPUBND", "2026-08-10",
		task{"b1", "SO-XD", "2026-09-15", "done", ""},
		task{"b2", "SO-XD", "2026-09-20", "cancelled", "2026-09-18 cancelled"},
		task{"b3", "VPUBND", "2026-10-10", "done", "2026-10-12 done"},
		task{"b4", "VPUBND", "", "open", ""},
		task{"b5", "VPUBND", "2026-09-30", "done", "2026-10-03 done"})
	conclusion("2026/VPDBHD/ket-luan-c", "30/TB-HĐND", "VPDBHD", "2026-09-20",
		task{"c1", "TT-HDND", "2026-09-28", "open", ""},
		task{"c2", "VPDBHD", "2026-12-15", "open", ""},
		task{"c3", "VPDBHD", "2027-01-20", "open", ""})

	for _, edit := range edits {
		edit(files)
	}
	for rel, b := range files {
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// sealedIdentity is a well-formed sealed petitioner of the example province (the report never opens it).
func sealedIdentity(t testing.TB) string {
	t.Helper()
	ps, err := examples.ProvinceFiles("petitions/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range ps {
		if m := regexp.MustCompile(`(?m)^petitioner: (ENC\[age,[^\]]+\])$`).FindSubmatch(b); m != nil {
			return string(m[1])
		}
	}
	t.Fatal("no sealed petitioner in the example province")
	return ""
}

// build loads the fixture as `coord report` does, as of asOf (YYYY-MM-DD), with the submission times of the
// table above, and builds the report of per.
func build(t testing.TB, per, asOf string, edits ...func(files map[string][]byte)) *report.Report {
	t.Helper()
	p, err := period.Parse(per)
	if err != nil {
		t.Fatal(err)
	}
	l, err := workspace.Load(fixture(t, edits...), workspace.Options{Only: report.Files(p), AsOf: func(loc *time.Location) (time.Time, error) {
		return time.ParseInLocation(time.DateOnly, asOf, loc)
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range l.Repo.Files {
		for _, pr := range f.Problems {
			t.Fatalf("the fixture has a problem: %s:%d %s", pr.File, pr.Line, pr.Msg.Render(i18n.EN))
		}
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, l.Repo.Loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	l.Ctx.Submitted = map[string]time.Time{
		"programmes/2026/Q3/VPTU.yaml":    at("2026-06-15 09:00"),
		"programmes/2026/08/VPTU.yaml":    at("2026-07-30 09:00"),
		"programmes/2026/Q4/VPTU.yaml":    at("2026-09-10 09:00"),
		"programmes/2026/Q3/VPDBHD.yaml":  at("2026-06-22 09:00"),
		"programmes/2026/W36/VPDBHD.yaml": at("2026-08-27 10:00"),
		"programmes/2026/07/VPUBND.yaml":  at("2026-06-24 09:00"),
		"programmes/2026/09/VPUBND.yaml":  at("2026-08-20 09:00"),
	}
	r, err := report.Build(l.Ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
