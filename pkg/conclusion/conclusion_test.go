package conclusion

import (
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// repo is the example province (settings, registry and, with all, its records) with files laid over it.
func repo(t testing.TB, all bool, files map[string]string) *datarepo.Repo {
	t.Helper()
	prefix := "registry/"
	if all {
		prefix = ""
	}
	src, err := examples.ProvinceFiles(prefix)
	if err != nil {
		t.Fatal(err)
	}
	settings, err := examples.ProvinceFiles("coord.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src["coord.yaml"] = settings["coord.yaml"]
	for p, s := range files {
		src[p] = []byte(s)
	}
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	var decoded []*record.File
	for p, b := range src {
		if datarepo.IsRecordName(path.Base(p)) {
			decoded = append(decoded, record.Decode(p, b, v))
		}
	}
	return (&datarepo.Repo{}).Overlay(decoded, nil)
}

func day(t testing.TB, s string) time.Time {
	t.Helper()
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	d, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func keys(ts []Task) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Key())
	}
	return out
}

func entryKeys(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Task.Key())
	}
	return out
}

// A task due 30/6 is not overdue on 30/6 (whatever the hour) and is overdue from 1/7, by one day.
func TestOverdueBoundary(t *testing.T) {
	task := &record.Task{ID: "x", Owner: "UBND", Content: "Việc", Due: "2026-06-30", Status: StatusOpen}
	for _, tc := range []struct {
		at    time.Time
		state State
		days  int
	}{
		{day(t, "2026-06-29"), Open, 1},
		{day(t, "2026-06-30"), Open, 0},
		{day(t, "2026-06-30").Add(23*time.Hour + 59*time.Minute), Open, 0},
		{day(t, "2026-07-01"), Overdue, 1},
		{day(t, "2026-07-31"), Overdue, 31},
	} {
		s := At(task, tc.at)
		if s.State != tc.state || s.Days != tc.days {
			t.Errorf("at %s: %v %d days, want %v %d", tc.at, s.State, s.Days, tc.state, tc.days)
		}
	}
	if s := At(task, day(t, "2026-06-30")); !s.DueWithin(1) || s.DueWithin(0) {
		t.Errorf("due today is within 1 day, not 0: %+v", s)
	}
	if s := At(task, day(t, "2026-06-24")); !s.DueWithin(7) || At(task, day(t, "2026-06-23")).DueWithin(7) {
		t.Error("within 7 days on 24/6 (24..30), not on 23/6")
	}
}

// The state on a day is read from the progress notes: open before the note that closed it, done on its day,
// late when that day is after the due day; a closing note repeated does not move the day it was done.
func TestAtHistory(t *testing.T) {
	task := &record.Task{Due: "2026-09-30", Status: StatusDone, Updates: []record.TaskUpdate{
		{Date: "2026-10-05", By: "VPUBND", Note: "xong", Status: StatusDone},
		{Date: "2026-08-07", By: "VPUBND", Note: "đang làm", Status: StatusOpen},
		{Date: "2026-10-09", By: "VPUBND", Note: "báo cáo lại", Status: StatusDone},
	}}
	if s := At(task, day(t, "2026-09-15")); s.State != Open || s.Last == nil || s.Last.Date != "2026-08-07" {
		t.Errorf("15/9: %+v", s)
	}
	if s := At(task, day(t, "2026-10-01")); s.State != Overdue || s.Days != 1 {
		t.Errorf("1/10: %+v", s)
	}
	if s := At(task, day(t, "2026-10-20")); s.State != DoneLate || s.Done != "2026-10-05" || s.Days != 5 {
		t.Errorf("20/10: %+v", s)
	}
	// Before any note: the task was given out open.
	if s := At(task, day(t, "2026-08-01")); s.State != Open || s.Status != StatusOpen {
		t.Errorf("1/8: %+v", s)
	}
	// Without notes the record's status holds at any day; done without a dated note counts as on time.
	bare := &record.Task{Due: "2026-07-31", Status: StatusDone}
	if s := At(bare, day(t, "2026-12-31")); s.State != DoneOnTime || s.Done != "" {
		t.Errorf("done without notes: %+v", s)
	}
	// The record's status after its last note wins (a status changed by hand).
	hand := &record.Task{Due: "2026-07-31", Status: StatusCancelled, Updates: []record.TaskUpdate{{Date: "2026-07-01", By: "VPTU", Status: StatusOpen}}}
	if s := At(hand, day(t, "2026-08-15")); s.State != Cancelled {
		t.Errorf("cancelled by hand: %+v", s)
	}
	ontime := &record.Task{Due: "2026-08-31", Status: StatusDone, Updates: []record.TaskUpdate{{Date: "2026-08-31", By: "VPTU", Status: StatusDone}}}
	if s := At(ontime, day(t, "2026-09-30")); s.State != DoneOnTime || s.Done != "2026-08-31" {
		t.Errorf("done on the due day: %+v", s)
	}
}

// The example province: three open tasks overdue on 15/9/2026 (examples/README.md), most overdue first.
func TestExampleUrgency(t *testing.T) {
	r := repo(t, true, nil)
	asOf := day(t, "2026-09-15")
	ts := Known(All(r), asOf)
	if n := len(All(r)); n != 19 {
		t.Fatalf("%d tasks in the example, want 19", n)
	}
	SortByUrgency(ts, asOf)
	got := keys(ts)[:4]
	// The two due on 10/9 in the order of their files (VPDBHD's folder first).
	want := []string{"ket-luan-phien-hop-tt-hdnd-thang-8#tra-loi-kien-nghi-cu-tri",
		"ket-luan-btv-thang-8#de-an-sap-xep-co-quan-tham-muu", "ket-luan-lam-viec-ban-qlda#dieu-chinh-von",
		"ket-luan-phien-hop-thang-7#nha-o-xa-hoi"}
	if !slices.Equal(got, want) {
		t.Errorf("most urgent\n got %v\nwant %v", got, want)
	}
	// The conclusion issued on 28/9 is not known on 15/9.
	for _, k := range keys(ts) {
		if strings.HasPrefix(k, "ket-luan-giao-ban-ba-van-phong-q3#") {
			t.Errorf("%s known before its notice", k)
		}
	}
}

// Counts by owner at the year's end, as the annual evaluation reads them.
func TestCountByOwner(t *testing.T) {
	r := repo(t, true, nil)
	c := CountByOwner(All(r), day(t, "2026-12-31"))
	// UBND: giai-ngan (done 5/10, due 30/9: late), quy-hoach (open, due 15/10: overdue), tra-loi (overdue).
	if got, want := c["UBND"], (Counts{DoneLate: 1, Overdue: 2}); got != want {
		t.Errorf("UBND %+v, want %+v", got, want)
	}
	// SO-XD: mat-bang done on time, bao-cao-tien-do open (due 31/12), nha-o-xa-hoi cancelled.
	if got, want := c["SO-XD"], (Counts{DoneOnTime: 1, Open: 1, Cancelled: 1}); got != want {
		t.Errorf("SO-XD %+v, want %+v", got, want)
	}
	total := 0
	for _, x := range c {
		total += x.Total()
	}
	if total != 19 {
		t.Errorf("%d tasks counted, want 19", total)
	}
}

// Who chases a task, and who is told of a notice.
func TestOfficesConcerned(t *testing.T) {
	r := repo(t, true, nil)
	reg := &r.Offices
	find := func(key string) Task {
		for _, x := range All(r) {
			if x.Key() == key {
				return x
			}
		}
		t.Fatalf("no task %s", key)
		return Task{}
	}
	// A Party board no office serves: the issuing office answers for it.
	if got := Offices(reg, find("ket-luan-btv-thang-8#de-an-sap-xep-co-quan-tham-muu")); !slices.Equal(got, []string{"VPTU"}) {
		t.Errorf("BTC-TU task: %v", got)
	}
	// UBND's task in a VPTU notice: VPTU follows it up, VPUBND answers for it.
	if got := Offices(reg, find("ket-luan-btv-thang-8#quy-hoach-dieu-chinh")); !slices.Equal(got, []string{"VPTU", "VPUBND"}) {
		t.Errorf("UBND task: %v", got)
	}
	// A body of HĐND served by VPDBHD, in a VPTU notice.
	if got := Offices(reg, find("ket-luan-hoi-nghi-bch-giua-nam#giam-sat-thu-ngan-sach")); !slices.Equal(got, []string{"VPTU", "VPDBHD"}) {
		t.Errorf("TT-HDND task: %v", got)
	}
	var c *record.Conclusion
	for _, f := range r.Files {
		if f.Path == "conclusions/2026/VPUBND/ket-luan-phien-hop-thang-7.yaml" {
			c = f.Value.(*record.Conclusion)
		}
	}
	if got := Recipients(reg, c); !slices.Equal(got, []string{"VPTU", "VPDBHD"}) {
		t.Errorf("recipients %v", got)
	}
	// A notice to a body alone reaches the office serving it; the issuer is never its own recipient.
	c2 := &record.Conclusion{Office: "VPTU", Recipients: []string{"UBND", "VPTU"}, Tasks: []record.Task{{Owner: "TT-HDND"}}}
	if got := Recipients(reg, c2); !slices.Equal(got, []string{"VPDBHD", "VPUBND"}) {
		t.Errorf("recipients by bodies %v", got)
	}
}

// A reminder lists exactly the office's overdue tasks, those due in the 7 days from its day (the 7th day after
// is out), and those done after the previous reminder's day up to its own.
func TestDigestExactly(t *testing.T) {
	task := func(id, owner, due, status string, updates ...string) string {
		s := "  - {id: " + id + ", owner: " + owner + ", content: Việc " + id + ", due: " + due + ", status: " + status
		if len(updates) > 0 {
			s += ", updates: [" + strings.Join(updates, ", ") + "]"
		}
		return s + "}\n"
	}
	done := func(date string) string { return "{date: " + date + ", by: VPUBND, status: done}" }
	files := map[string]string{
		"conclusions/2026/VPUBND/a.yaml": "kind: conclusion\nnumber: 301/TB-UBND\noffice: VPUBND\nmeeting: {date: 2026-08-01}\nissued: 2026-08-03\nrecipients: [VPTU]\ntasks:\n" +
			task("qua-han-lau", "SO-XD", "2026-09-01", "open") +
			task("qua-han-hom-qua", "UBND", "2026-09-14", "open") +
			task("den-han-hom-nay", "SO-TC", "2026-09-15", "open") +
			task("den-han-ngay-thu-7", "UBND", "2026-09-21", "open") +
			task("ngoai-tuan", "UBND", "2026-09-22", "open") +
			task("xong-ngay-moc", "UBND", "2026-09-30", "done", done("2026-09-08")) +
			task("xong-sau-moc", "UBND", "2026-09-30", "done", done("2026-09-09")) +
			task("xong-hom-nay", "UBND", "2026-09-10", "done", done("2026-09-15")) +
			task("xong-sau-nay", "UBND", "2026-09-18", "done", done("2026-09-17")) +
			task("huy", "UBND", "2026-09-16", "cancelled", "{date: 2026-09-12, by: VPUBND, status: cancelled}"),
		// Another office's notice: a Party board's task is VPTU's to chase, a UBND task is VPUBND's too.
		"conclusions/2026/VPTU/b.yaml": "kind: conclusion\nnumber: 302-TB/TU\noffice: VPTU\nmeeting: {date: 2026-08-01}\nissued: 2026-08-03\nrecipients: [VPUBND]\ntasks:\n" +
			task("cua-ban-to-chuc", "BTC-TU", "2026-09-02", "open") +
			task("giao-ubnd", "UBND", "2026-09-16", "open"),
		// Issued after the reminder's day: not known yet.
		"conclusions/2026/VPUBND/c.yaml": "kind: conclusion\nnumber: 303/TB-UBND\noffice: VPUBND\nmeeting: {date: 2026-09-16}\nissued: 2026-09-17\ntasks:\n" +
			task("chua-co", "UBND", "2026-09-18", "open"),
	}
	r := repo(t, false, files)
	prev := []byte(Digest{Day: "2026-09-08", Since: "2026-09-01"}.Mark() + "\n")
	d := BuildDigest(&r.Offices, All(r), "VPUBND", day(t, "2026-09-15"), prev)
	if got, want := entryKeys(d.Overdue), []string{"a#qua-han-lau", "a#qua-han-hom-qua"}; !slices.Equal(got, want) {
		t.Errorf("overdue\n got %v\nwant %v", got, want)
	}
	if got, want := entryKeys(d.Upcoming), []string{"a#den-han-hom-nay", "b#giao-ubnd", "a#xong-sau-nay", "a#den-han-ngay-thu-7"}; !slices.Equal(got, want) {
		t.Errorf("upcoming\n got %v\nwant %v", got, want)
	}
	if got, want := entryKeys(d.Done), []string{"a#xong-sau-moc", "a#xong-hom-nay"}; !slices.Equal(got, want) {
		t.Errorf("done\n got %v\nwant %v", got, want)
	}
	if d.First {
		t.Error("a previous reminder was given")
	}
	// VPTU chases its own notice only.
	d = BuildDigest(&r.Offices, All(r), "VPTU", day(t, "2026-09-15"), nil)
	if got, want := entryKeys(d.Overdue), []string{"b#cua-ban-to-chuc"}; !slices.Equal(got, want) {
		t.Errorf("VPTU overdue %v, want %v", got, want)
	}
	if got, want := entryKeys(d.Upcoming), []string{"b#giao-ubnd"}; !slices.Equal(got, want) {
		t.Errorf("VPTU upcoming %v, want %v", got, want)
	}
	if !d.First || d.Since != "2026-09-08" {
		t.Errorf("first reminder: since %s, first %v", d.Since, d.First)
	}
}

func TestPreviousReminder(t *testing.T) {
	mark := Digest{Day: "2026-09-08", Since: "2026-09-01"}.Mark() + "\n# Nhắc việc\n"
	first := Digest{Day: "2026-09-08", Since: "2026-09-01", First: true}.Mark() + "\n"
	for _, tc := range []struct {
		prev, day, want string
		first           bool
	}{
		{mark, "2026-09-15", "2026-09-08", false}, // the next week: from the previous reminder's day
		{mark, "2026-09-08", "2026-09-01", false}, // the same day again: the same start
		{first, "2026-09-08", "2026-09-01", true}, // … and the same words for it
		{first, "2026-09-15", "2026-09-08", false},
		{mark, "2026-09-01", "", false},            // a reminder for an earlier day than the previous one
		{"# Nhắc việc\n", "2026-09-15", "", false}, // no mark
		{"", "2026-09-15", "", false},
		{"<!-- coord tasks --digest: day=2026-13-45 since=2026-09-01 -->\n", "2026-09-15", "", false},
		{"\ufeff" + mark, "2026-09-15", "2026-09-08", false},
	} {
		if got, f := previous([]byte(tc.prev), tc.day); got != tc.want || f != tc.first {
			t.Errorf("previous(%q, %s) = %q, %v; want %q, %v", tc.prev, tc.day, got, f, tc.want, tc.first)
		}
	}
}

func TestParseWithin(t *testing.T) {
	for in, want := range map[string]int{"7d": 7, "7": 7, "7 ngày": 7, "7 NGÀY": 7, "1 ngay": 1, "2w": 14, "2 tuần": 14,
		"3 weeks": 21, " 10 days ": 10, "1d": 1, "3660d": 3660} {
		if got, err := ParseWithin(in); err != nil || got != want {
			t.Errorf("ParseWithin(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0d", "-3d", "d", "7x", "7.5d", "1e3", "3661d", "999999w", "7 7d", "bảy ngày"} {
		if got, err := ParseWithin(in); err == nil {
			t.Errorf("ParseWithin(%q) = %d, want an error", in, got)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]string{"done": StatusDone, "Hoàn thành": StatusDone, "đã hoàn thành": StatusDone,
		"xong": StatusDone, "open": StatusOpen, "đang thực hiện": StatusOpen, "hủy": StatusCancelled, "huỷ": StatusCancelled,
		"CANCELLED": StatusCancelled} {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseStatus("maybe"); ok {
		t.Error("maybe is no status")
	}
}

// A due day in a clerk's form (10/9/2026: check reports it, coord fmt repairs it) is read as that day by At,
// the order of urgency, the digest and the counts by owner; a due that does not read as a day is never due
// today, and its state says it cannot be read.
func TestDueInClerkForm(t *testing.T) {
	asOf := day(t, "2026-09-15")
	for in, want := range map[string]string{"2026-09-10": "2026-09-10", "10/9/2026": "2026-09-10", " 10.09.2026 ": "2026-09-10",
		"ngày 10 tháng 9 năm 2026": "2026-09-10", "": ""} {
		if got, ok := DueDay(&record.Task{Due: in}); !ok || got != want {
			t.Errorf("DueDay(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"cuối tháng 9", "10/9", "31/2/2026", "tháng 9/2026", "sáng 10/9/2026"} {
		if got, ok := DueDay(&record.Task{Due: in}); ok || got != "" {
			t.Errorf("DueDay(%q) = %q, %v; want unreadable", in, got, ok)
		}
	}

	clerk := &record.Task{Owner: "BTC-TU", Due: "10/9/2026", Status: StatusOpen}
	s := At(clerk, asOf)
	if s.State != Overdue || s.Days != 5 || s.Due != "2026-09-10" {
		t.Errorf("due 10/9/2026 on 15/9: %+v, want overdue by 5 days", s)
	}
	if got, want := StateMsg(s).Render(i18n.VI), "quá hạn 5 ngày (hạn ngày 10/9/2026)"; got != want {
		t.Errorf("state %q, want %q", got, want)
	}
	late := &record.Task{Due: "10/9/2026", Status: StatusDone, Updates: []record.TaskUpdate{{Date: "2026-09-12", By: "VPTU", Status: StatusDone}}}
	if s := At(late, asOf); s.State != DoneLate || s.Days != 2 {
		t.Errorf("done 12/9, due 10/9/2026: %+v, want done late by 2 days", s)
	}

	bad := &record.Task{Owner: "UBND", Due: "cuối tháng 9", Status: StatusOpen}
	s = At(bad, asOf)
	if s.State != Open || s.Due != "" || s.BadDue != "cuối tháng 9" || s.DueWithin(1) {
		t.Errorf("unreadable due: %+v", s)
	}
	for lang, want := range map[i18n.Lang]string{i18n.VI: "thời hạn «cuối tháng 9» không đọc được", i18n.EN: "the due date “cuối tháng 9” cannot be read"} {
		got := StateMsg(s).Render(lang)
		if !strings.Contains(got, want) || strings.Contains(got, "hôm nay") || strings.Contains(got, "today") {
			t.Errorf("%s: unreadable due says %q", lang, got)
		}
	}

	files := map[string]string{
		"conclusions/2026/VPUBND/a.yaml": "kind: conclusion\nnumber: 301/TB-UBND\noffice: VPUBND\nmeeting: {date: 2026-08-01}\nissued: 2026-08-03\ntasks:\n" +
			"  - {id: iso-hom-nay, owner: UBND, content: Việc một, due: 2026-09-15, status: open}\n" +
			"  - {id: khong-doc-duoc, owner: UBND, content: Việc hai, due: cuối tháng 9, status: open}\n" +
			"  - {id: kieu-van-thu, owner: UBND, content: Việc ba, due: 10/9/2026, status: open}\n" +
			"  - {id: iso-qua-han, owner: UBND, content: Việc bốn, due: 2026-09-12, status: open}\n",
	}
	r := repo(t, false, files)
	ts := All(r)
	SortByUrgency(ts, asOf)
	if got, want := keys(ts), []string{"a#kieu-van-thu", "a#iso-qua-han", "a#iso-hom-nay", "a#khong-doc-duoc"}; !slices.Equal(got, want) {
		t.Errorf("urgency\n got %v\nwant %v", got, want)
	}
	d := BuildDigest(&r.Offices, All(r), "VPUBND", asOf, nil)
	if got, want := entryKeys(d.Overdue), []string{"a#kieu-van-thu", "a#iso-qua-han"}; !slices.Equal(got, want) {
		t.Errorf("digest overdue %v, want %v", got, want)
	}
	if got, want := entryKeys(d.Upcoming), []string{"a#iso-hom-nay"}; !slices.Equal(got, want) {
		t.Errorf("digest upcoming %v, want %v", got, want)
	}
	if got, want := CountByOwner(All(r), asOf)["UBND"], (Counts{Overdue: 2, Open: 2}); got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
}

// A notice's issued day and its notes' days in a clerk's form (5/10/2026, 28/9/2026) are read as those days,
// by the same reader as a due day (readDay, through when.Normalize), not compared as text: a notice issued
// on 5/10/2026 is known on 10/10, not on 4/10; notes are ordered and placed by their days, and the day a task
// was done is the day its note says. A date that does not read is kept as undated (check reports it).
func TestIssuedAndNoteDaysInClerkForm(t *testing.T) {
	notice := func(issued string) Task {
		return Task{Conclusion: &record.Conclusion{Issued: issued}, Task: &record.Task{ID: issued}}
	}
	ts := []Task{notice("5/10/2026"), notice("25/9/2026"), notice("2026-10-05"), notice("cuối tháng 9"), notice("")}
	for asOf, want := range map[string][]string{
		"2026-09-24": {"cuối tháng 9", ""},
		"2026-09-30": {"25/9/2026", "cuối tháng 9", ""},
		"2026-10-04": {"25/9/2026", "cuối tháng 9", ""},
		"2026-10-10": {"5/10/2026", "25/9/2026", "2026-10-05", "cuối tháng 9", ""},
	} {
		var got []string
		for _, k := range Known(ts, day(t, asOf)) {
			got = append(got, k.Task.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("known on %s: %q, want %q", asOf, got, want)
		}
	}

	if got, want := SourceMsg(notice("5/10/2026"), codes{}).Render(i18n.VI), "ngày 05/10/2026"; !strings.Contains(got, want) {
		t.Errorf("source %q, want it to name %q", got, want)
	}

	// Written as text, 2026-10-05 sorts before 28/9/2026 and 28/9/2026 after 2026-10-10.
	task := &record.Task{Due: "2026-09-30", Status: StatusDone, Updates: []record.TaskUpdate{
		{Date: "2026-10-05", By: "VPUBND", Note: "xong", Status: StatusDone},
		{Date: "28/9/2026", By: "VPUBND", Note: "đang làm", Status: StatusOpen},
	}}
	if s := At(task, day(t, "2026-09-29")); s.State != Open || s.Last == nil || s.Last.Note != "đang làm" {
		t.Errorf("29/9: %+v", s)
	}
	if s := At(task, day(t, "2026-10-01")); s.State != Overdue || s.Days != 1 || s.Last == nil || s.Last.Note != "đang làm" {
		t.Errorf("1/10: %+v", s)
	}
	if s := At(task, day(t, "2026-10-10")); s.State != DoneLate || s.Done != "2026-10-05" || s.Days != 5 || s.Last == nil || s.Last.Note != "xong" {
		t.Errorf("10/10: %+v", s)
	}
	clerk := &record.Task{Due: "2026-09-30", Status: StatusDone, Updates: []record.TaskUpdate{
		{Date: "2026-09-20", By: "VPTU", Status: StatusOpen},
		{Date: "3/10/2026", By: "VPTU", Note: "xong", Status: StatusDone},
	}}
	s := At(clerk, day(t, "2026-10-10"))
	if s.State != DoneLate || s.Done != "2026-10-03" || s.Days != 3 {
		t.Errorf("done 3/10/2026, due 30/9: %+v, want done late by 3 days", s)
	}
	if got, want := StateMsg(s).Render(i18n.VI), "ngày 03/10/2026"; !strings.Contains(got, want) {
		t.Errorf("state %q, want it to name %q", got, want)
	}
	if got, want := LastMsg(s.Last, codes{}).Render(i18n.VI), "ngày 03/10/2026"; !strings.Contains(got, want) {
		t.Errorf("last note %q, want it to name %q", got, want)
	}
	if s := At(clerk, day(t, "2026-10-02")); s.State != Overdue || s.Days != 2 {
		t.Errorf("2/10, before the note of 3/10/2026: %+v", s)
	}
	// An unreadable note date is an undated note: before every dated one.
	undated := &record.Task{Due: "2026-09-30", Status: StatusDone, Updates: []record.TaskUpdate{
		{Date: "2026-09-20", By: "VPTU", Note: "đã xong", Status: StatusDone},
		{Date: "cuối tháng 9", By: "VPTU", Note: "đang làm", Status: StatusOpen},
	}}
	if s := At(undated, day(t, "2026-09-25")); s.State != DoneOnTime || s.Done != "2026-09-20" || s.Last.Note != "đã xong" {
		t.Errorf("an unreadable note date: %+v", s)
	}
}

// codes names offices, bodies and people by their codes.
type codes struct{}

func (codes) OfficeName(code string) string { return code }
func (codes) BodyName(code string) string   { return code }
func (codes) PersonName(id string) string   { return id }
