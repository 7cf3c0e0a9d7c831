package petition

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// tetPolicy is the default policy with the example province's holidays (Tết Đinh Mùi: Thursday 4 to
// Wednesday 10 February 2027) and, when makeUp, a make-up working Saturday, 20 February 2027.
func tetPolicy(t *testing.T, makeUp bool) policy.Policy {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	data, err := examples.Province.ReadFile("province/registry/holidays.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var h record.Holidays
	if err := yaml.Unmarshal(data, &h); err != nil {
		t.Fatal(err)
	}
	if makeUp {
		h.Workdays = append(h.Workdays, record.Workday{Date: "2027-02-20", Name: "Làm bù"})
	}
	p, probs := policy.FromSettings(record.Settings{}, h, loc)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return p
}

// steps is "step=due/state" for each deadline, state one of pending, met, late, stopped, then "+N" for N
// extensions.
func steps(ds []Deadline) string {
	names := map[State]string{Pending: "pending", Met: "met", Late: "late", Stopped: "stopped"}
	var out []string
	for _, d := range ds {
		s := d.Step + "=" + d.Due.Format(time.DateOnly) + "/" + names[d.State]
		if len(d.Extensions) > 0 {
			s += "+" + string(rune('0'+len(d.Extensions)))
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func hist(pairs ...string) []record.PetitionStep {
	var out []record.PetitionStep
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, record.PetitionStep{Date: pairs[i], Action: pairs[i+1], By: "VPUBND"})
	}
	return out
}

// Each type of petition, counted as the law says: working days that skip Tết 2027 and the weekends and count
// a make-up Saturday, and calendar days whose last day, falling in Tết or on a Sunday, moves to the next
// working day (Civil Code 2015, art. 148).
func TestDeadlinesEachType(t *testing.T) {
	cases := []struct {
		name   string
		p      record.Petition
		remote bool
		makeUp bool
		want   string
	}{
		// tố cáo: 7 working days to accept (Law on Denunciations 2018, art. 24). From Tuesday 2/2/2027:
		// Wed 3, then Tết and its weekend, Thu 11, Fri 12, Mon 15, Tue 16, Wed 17, Thu 18.
		{"to-cao across Tết", record.Petition{Type: "to-cao", Received: "2027-02-02", Status: "received"}, false, false,
			"accept=2027-02-18/pending"},
		// 10 working days when the checks are at several places (complex).
		{"to-cao complex", record.Petition{Type: "to-cao", Complex: true, Received: "2027-02-02", Status: "received"}, false, false,
			"accept=2027-02-23/pending"},
		// A weekend: received on Friday 3/7/2026, the 7th working day is Tuesday 14/7.
		{"to-cao over a weekend", record.Petition{Type: "to-cao", Received: "2026-07-03", Status: "received"}, false, false,
			"accept=2026-07-14/pending"},
		// Forwarded on the 4th working day (limit 5): met, and accepting is no longer due.
		{"to-cao forwarded", record.Petition{Type: "to-cao", Received: "2027-02-02", Status: "transferred",
			History: hist("2027-02-15", "transferred")}, false, false,
			"accept=2027-02-18/stopped forward=2027-02-16/met"},
		// kiến nghị: 10 working days to answer (Law on Citizen Reception 2013, art. 28); the make-up Saturday
		// 20/2/2027 counts, so the 10th working day from Monday 15/2 is Friday 26/2 instead of Monday 1/3.
		{"kien-nghi with a make-up Saturday", record.Petition{Type: "kien-nghi", Received: "2027-02-15", Status: "received"}, false, true,
			"answer=2027-02-26/pending"},
		{"kien-nghi without it", record.Petition{Type: "kien-nghi", Received: "2027-02-15", Status: "received"}, false, false,
			"answer=2027-03-01/pending"},
		// phản ánh, from Friday 29/1/2027 across Tết: Feb 1, 2, 3, 11, 12, 15, 16, 17, 18, 19.
		{"phan-anh across Tết", record.Petition{Type: "phan-anh", Received: "2027-01-29", Status: "resolved",
			History: hist("2027-01-29", "received", "2027-02-19", "resolved")}, false, false,
			"answer=2027-02-19/met"},
		{"phan-anh late", record.Petition{Type: "phan-anh", Received: "2027-01-29", Status: "resolved",
			History: hist("2027-02-22", "resolved")}, false, false,
			"answer=2027-02-19/late"},
		// khiếu nại: 10 days to accept (Law on Complaints 2011, art. 27). From Monday 25/1/2027 the 10th day is
		// Thursday 4/2, the first day of Tết: the limit ends on Thursday 11/2.
		{"khieu-nai accept in Tết", record.Petition{Type: "khieu-nai", Received: "2027-01-25", Status: "received"}, false, false,
			"accept=2027-02-11/pending"},
		// Accepted on 12/2: a day late; 30 days to resolve from then end on Sunday 14/3, so Monday 15/3.
		{"khieu-nai accepted late", record.Petition{Type: "khieu-nai", Received: "2027-01-25", Status: "accepted",
			History: hist("2027-02-12", "accepted")}, false, false,
			"accept=2027-02-11/late resolve=2027-03-15/pending"},
		// Resolve (art. 28): 30 days from Friday 8/1/2027 end on Sunday 7/2 (Tết): Thursday 11/2. 45 when
		// complex or remote (22/2), 60 when both (9/3).
		{"khieu-nai resolve", record.Petition{Type: "khieu-nai", Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, false, false, "accept=2027-01-14/met resolve=2027-02-11/pending"},
		{"khieu-nai resolve complex", record.Petition{Type: "khieu-nai", Complex: true, Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, false, false, "accept=2027-01-14/met resolve=2027-02-22/pending"},
		{"khieu-nai resolve remote", record.Petition{Type: "khieu-nai", Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, true, false, "accept=2027-01-14/met resolve=2027-02-22/pending"},
		{"khieu-nai resolve remote complex", record.Petition{Type: "khieu-nai", Complex: true, Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, true, false, "accept=2027-01-14/met resolve=2027-03-09/pending"},
		// Second complaints (art. 37): 45, 60 complex, 60 remote, 70 both.
		{"khieu-nai 2", record.Petition{Type: "khieu-nai", Attempt: 2, Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, false, false, "accept=2027-01-14/met resolve=2027-02-22/pending"},
		{"khieu-nai 2 complex", record.Petition{Type: "khieu-nai", Attempt: 2, Complex: true, Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, false, false, "accept=2027-01-14/met resolve=2027-03-09/pending"},
		{"khieu-nai 2 remote", record.Petition{Type: "khieu-nai", Attempt: 2, Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, true, false, "accept=2027-01-14/met resolve=2027-03-09/pending"},
		{"khieu-nai 2 remote complex", record.Petition{Type: "khieu-nai", Attempt: 2, Complex: true, Received: "2027-01-04", Status: "accepted",
			History: hist("2027-01-08", "accepted")}, true, false, "accept=2027-01-14/met resolve=2027-03-19/pending"},
		// Withdrawn before the last day: the clock stops; refused: accepting was decided, nothing to resolve.
		{"khieu-nai withdrawn", record.Petition{Type: "khieu-nai", Received: "2027-01-04", Status: "withdrawn",
			History: hist("2027-01-08", "accepted", "2027-01-20", "withdrawn")}, false, false, "accept=2027-01-14/met resolve=2027-02-11/stopped"},
		{"khieu-nai refused", record.Petition{Type: "khieu-nai", Received: "2027-01-04", Status: "rejected",
			History: hist("2027-01-12", "rejected")}, false, false, "accept=2027-01-14/met"},
		// Closed by its status alone: nothing is due any more.
		{"status without history", record.Petition{Type: "kien-nghi", Received: "2027-01-04", Status: "resolved"}, false, false,
			"answer=2027-01-18/stopped"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := tetPolicy(t, c.makeUp)
			if got := steps(Deadlines(&c.p, p, c.remote)); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// Extensions of a denunciation's resolution (Law on Denunciations 2018, art. 30): by written decision, at
// most twice, each by at most 30 days, each decided by the last day it extends.
func TestDeadlinesExtended(t *testing.T) {
	pol := tetPolicy(t, false)
	base := func(h ...record.PetitionStep) *record.Petition {
		return &record.Petition{Type: "to-cao", Received: "2027-01-04", Status: "accepted",
			History: append(hist("2027-01-08", "accepted"), h...)}
	}
	ext := func(date string, days int) record.PetitionStep {
		return record.PetitionStep{Date: date, Action: Extended, By: "VPUBND", Decision: "12/QĐ-UBND", Days: days}
	}
	cases := []struct {
		name string
		p    *record.Petition
		want string
	}{
		// 30 days from 8/1 end in Tết (7/2): 11/2.
		{"none", base(), "accept=2027-01-13/met resolve=2027-02-11/pending"},
		// Extended on the last day by 30: from 11/2, 13/3 is a Saturday: Monday 15/3.
		{"once", base(ext("2027-02-11", 0)), "accept=2027-01-13/met resolve=2027-03-15/pending+1"},
		// A second time, by 20 days: 4/4 is a Sunday: 5/4.
		{"twice", base(ext("2027-02-11", 0), ext("2027-03-10", 20)), "accept=2027-01-13/met resolve=2027-04-05/pending+2"},
		// A third extension does not count, nor does one longer than 30 days count for more.
		{"thrice", base(ext("2027-02-11", 90), ext("2027-03-10", 20), ext("2027-04-01", 30)), "accept=2027-01-13/met resolve=2027-04-05/pending+2"},
		// Decided after the deadline passed: it does not revive it.
		{"too late", base(ext("2027-02-12", 30)), "accept=2027-01-13/met resolve=2027-02-11/pending"},
		// Resolved within the extension: met.
		{"met", base(ext("2027-02-01", 30), record.PetitionStep{Date: "2027-03-01", Action: Resolved, By: "VPUBND"}),
			"accept=2027-01-13/met resolve=2027-03-15/met+1"},
	}
	for _, c := range cases {
		if got := steps(Deadlines(c.p, pol, false)); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.name, got, c.want)
		}
	}
	// Complaints are not extended: the law gives complex cases a longer limit instead.
	kn := &record.Petition{Type: "khieu-nai", Received: "2027-01-04", Status: "accepted",
		History: append(hist("2027-01-08", "accepted"), ext("2027-02-01", 30))}
	if got := steps(Deadlines(kn, pol, false)); got != "accept=2027-01-14/met resolve=2027-02-11/pending" {
		t.Errorf("a complaint extended: %s", got)
	}
}

// The ladder of petition/overdue and `coord petition due`: later, soon (within 3 working days), the last day,
// overdue from the next day's 00:00.
func TestUrgency(t *testing.T) {
	pol := tetPolicy(t, false)
	p := &record.Petition{Type: "to-cao", Received: "2027-02-02", Status: "received"}
	d, ok := Next(Deadlines(p, pol, false))
	if !ok || d.Due.Format(time.DateOnly) != "2027-02-18" {
		t.Fatalf("next: %v %v", d, ok)
	}
	at := func(s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, pol.Loc)
		if err != nil {
			panic(err)
		}
		return t
	}
	cases := []struct {
		now  string
		want Urgency
		left int
	}{
		{"2027-02-03 09:00", Later, 6},
		{"2027-02-12 23:59", Later, 4}, // Mon 15, Tue 16, Wed 17, Thu 18
		{"2027-02-13 10:00", Later, 4}, // a Saturday: the next three working days end on Wednesday
		{"2027-02-15 00:00", Soon, 3},
		{"2027-02-17 17:00", Soon, 1},
		{"2027-02-18 00:00", LastDay, 0},
		{"2027-02-18 23:59", LastDay, 0},
		{"2027-02-19 00:00", Overdue, 0},
	}
	for _, c := range cases {
		if got := d.Urgency(at(c.now), pol); got != c.want {
			t.Errorf("%s: urgency %d, want %d", c.now, got, c.want)
		}
		if got := d.WorkingDaysLeft(at(c.now), pol); got != c.left {
			t.Errorf("%s: %d working days left, want %d", c.now, got, c.left)
		}
	}
	// A province reminds 5 working days ahead.
	pol.PetitionRemind = 5
	if got := d.Urgency(at("2027-02-12 09:00"), pol); got != Soon {
		t.Errorf("with 5 days' reminder: %d", got)
	}
}

// The example province's petitions are all closed, and were all handled in time.
func TestExamplePetitionsOnTime(t *testing.T) {
	pol := tetPolicy(t, false)
	files, err := examples.ProvinceFiles("")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for path, data := range files {
		if !strings.HasPrefix(path, "petitions/") {
			continue
		}
		var p record.Petition
		if err := yaml.Unmarshal(data, &p); err != nil {
			t.Fatal(err)
		}
		n++
		for _, d := range Deadlines(&p, pol, p.Locality == "xa-bu-dang") {
			if d.State == Pending || d.State == Late {
				t.Errorf("%s: %s due %s is %d", path, d.Step, d.Due.Format(time.DateOnly), d.State)
			}
		}
	}
	if n != 8 {
		t.Errorf("%d example petitions", n)
	}
}

// DueList: the open petitions with a pending deadline, overdue first then by last day, then by id; --office
// and --within narrow it; closed petitions and other records are not listed.
func TestDueList(t *testing.T) {
	pol := tetPolicy(t, true)
	file := func(p record.Petition) *record.File {
		return &record.File{Path: "petitions/" + p.ID + ".yaml", Kind: record.KindPetition, Value: &p}
	}
	files := []*record.File{
		file(record.Petition{ID: "VPTU-2027-000003", Office: "VPTU", Type: "kien-nghi", Received: "2027-02-15", Status: "received"}),     // 26/2
		file(record.Petition{ID: "VPUBND-2027-000001", Office: "VPUBND", Type: "khieu-nai", Received: "2027-01-25", Status: "received"}), // 11/2
		file(record.Petition{ID: "VPTU-2027-000002", Office: "VPTU", Type: "to-cao", Received: "2027-02-09", Status: "received"}),        // 19/2
		file(record.Petition{ID: "VPTU-2027-000001", Office: "VPTU", Type: "to-cao", Received: "2027-02-09", Status: "received"}),        // 19/2
		file(record.Petition{ID: "VPTU-2027-000009", Office: "VPTU", Type: "phan-anh", Received: "2027-02-01", Status: "resolved"}),
		// Resolved on 20/2, received on 16/2: as of 15/2, the first was still open, the second not there yet.
		file(record.Petition{ID: "VPDBHD-2027-000001", Office: "VPDBHD", Type: "kien-nghi", Received: "2027-02-10", Status: "resolved",
			History: []record.PetitionStep{{Date: "2027-02-10", Action: Received}, {Date: "2027-02-20", Action: Resolved}}}),
		file(record.Petition{ID: "VPDBHD-2027-000002", Office: "VPDBHD", Type: "kien-nghi", Received: "2027-02-16", Status: "received"}),
		{Path: "documents/x.yaml", Kind: record.KindDocument, Value: &record.Document{}},
	}
	now := time.Date(2027, 2, 15, 9, 0, 0, 0, pol.Loc)
	ids := func(ds []Due) string {
		var out []string
		for _, d := range ds {
			out = append(out, d.ID)
		}
		return strings.Join(out, " ")
	}
	all := DueList(files, pol, nil, DueQuery{Now: now})
	if got := ids(all); !strings.Contains(got, "VPDBHD-2027-000001") || strings.Contains(got, "VPDBHD-2027-000002") {
		t.Errorf("as of 15/2: %s; want the petition resolved on 20/2, not the one received on 16/2", got)
	}
	all = slices.DeleteFunc(all, func(d Due) bool { return d.Office == "VPDBHD" })
	if got := ids(all); got != "VPUBND-2027-000001 VPTU-2027-000001 VPTU-2027-000002 VPTU-2027-000003" {
		t.Errorf("all: %s", got)
	}
	if d := all[0]; d.Urgency != Overdue || d.DaysOverdue != 4 || d.WorkingDaysLeft != 0 || d.Deadline.Step != policy.StepAccept {
		t.Errorf("first: %+v", d)
	}
	if d := all[3]; d.Urgency != Later || d.WorkingDaysLeft != 10 || d.DaysOverdue != 0 {
		t.Errorf("last: %+v", d)
	}
	week := policy.Days{N: 7}
	if got := ids(DueList(files, pol, nil, DueQuery{Now: now, Within: &week, Office: "VPTU"})); got != "VPTU-2027-000001 VPTU-2027-000002" {
		t.Errorf("VPTU within 7 days: %s", got)
	}
	four := policy.Days{N: 4, Working: true} // Tue 16 … Fri 19
	if got := ids(DueList(files, pol, nil, DueQuery{Now: now, Within: &four})); got != "VPUBND-2027-000001 VPTU-2027-000001 VPTU-2027-000002" {
		t.Errorf("within 4 working days: %s", got)
	}
}

// At: the petition as its record stood at the end of a day — the steps dated after it are not read, and the
// status is the last earlier step's (received when none); an extension sets no status; a record with
// nothing after the day is the record itself.
func TestAt(t *testing.T) {
	pol := tetPolicy(t, false)
	p := &record.Petition{Type: "to-cao", Received: "2026-08-03", Status: Resolved,
		History: hist("2026-08-03", Received, "2026-08-11", Accepted, "2026-09-08", Extended, "2026-10-20", Resolved)}
	day := func(s string) time.Time {
		d, err := time.ParseInLocation(time.DateOnly, s, pol.Loc)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(9 * time.Hour)
	}
	for _, c := range []struct {
		asOf, status string
		steps        int
		deadlines    string
	}{
		{"2026-08-05", Received, 1, "accept=2026-08-12/pending"},
		{"2026-08-11", Accepted, 2, "accept=2026-08-12/met resolve=2026-09-10/pending"},
		{"2026-09-08", Accepted, 3, "accept=2026-08-12/met resolve=2026-10-12/pending+1"},
		{"2026-10-19", Accepted, 3, "accept=2026-08-12/met resolve=2026-10-12/pending+1"},
		{"2026-10-20", Resolved, 4, "accept=2026-08-12/met resolve=2026-10-12/late+1"},
	} {
		q := At(p, day(c.asOf))
		if q.Status != c.status || len(q.History) != c.steps {
			t.Errorf("as of %s: status %s, %d steps; want %s, %d", c.asOf, q.Status, len(q.History), c.status, c.steps)
		}
		if got := steps(Deadlines(q, pol, false)); got != c.deadlines {
			t.Errorf("as of %s: %s, want %s", c.asOf, got, c.deadlines)
		}
	}
	if At(p, day("2026-12-31")) != p || p.Status != Resolved || len(p.History) != 4 {
		t.Errorf("the record itself is not returned, or was changed")
	}
}
