package status_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/status"
)

var ict = time.FixedZone("ICT", 7*3600)

// at reads an instant as --as-of does (a date alone is 00:00 in the repo's zone).
func at(s string) func(*time.Location) (time.Time, error) {
	return func(loc *time.Location) (time.Time, error) { return cmdutil.ParseInstant(s, loc) }
}

// repo is the example province's settings and registry committed on main (no remote: the local main is the
// only main), with commit runs one commit of the example's files at a given instant.
func repo(t *testing.T) (dir string, commit func(date string, paths ...string)) {
	t.Helper()
	gittest.Git(t)
	dir = t.TempDir()
	files, err := examples.ProvinceFiles("")
	if err != nil {
		t.Fatal(err)
	}
	put := func(rel string) {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, files[rel], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for rel := range files {
		if rel == "coord.yaml" || strings.HasPrefix(rel, "registry/") {
			put(rel)
		}
	}
	commit = func(date string, paths ...string) {
		t.Helper()
		env := []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}
		for _, p := range paths {
			put(p)
		}
		gittest.Run(t, dir, env, "add", "-A")
		gittest.Run(t, dir, env, "commit", "-q", "-m", "records")
	}
	gittest.Run(t, dir, nil, "init", "-q", "-b", "main")
	commit("2026-05-04T08:00:00+07:00")
	return dir, commit
}

func report(t *testing.T, dir, office, asOf string) *status.Report {
	t.Helper()
	in, err := status.Gather(status.Options{Root: dir, Office: office, AsOf: at(asOf)})
	if err != nil {
		t.Fatal(err)
	}
	return status.Build(in)
}

func deadline(t *testing.T, rep *status.Report, per string) status.Deadline {
	t.Helper()
	for _, d := range rep.Deadlines {
		if d.Period == per {
			return d
		}
	}
	t.Fatalf("no deadline for %s in %+v", per, rep.Deadlines)
	return status.Deadline{}
}

// Deadlines at their boundary, as --as-of fixes "now": a programme that reached main one second before
// 20/6 00:00 met the 2026-Q3 deadline, one that reached it at 20/6 00:00 is late; a missing one becomes
// overdue at that instant, not a second before; the week's deadline is Thursday 17:00 of the week before.
func TestDeadlineBoundaries(t *testing.T) {
	dir, commit := repo(t)
	commit("2026-06-19T23:59:59+07:00", "programmes/2026/Q3/VPUBND.yaml")
	commit("2026-06-20T00:00:00+07:00", "programmes/2026/Q3/VPTU.yaml")

	rep := report(t, dir, "VPUBND", "2026-06-19T23:59:59")
	d := deadline(t, rep, "2026-Q3")
	wantDeadline := time.Date(2026, 6, 20, 0, 0, 0, 0, ict)
	if d.State != status.Submitted || !d.Met || d.Late || d.At == nil || !d.At.Equal(time.Date(2026, 6, 19, 23, 59, 59, 0, ict)) || !d.Deadline.Equal(wantDeadline) {
		t.Fatalf("VPUBND Q3 a second early: %+v", d)
	}
	if d.Kind != "quarter" || d.Path != "programmes/2026/Q3/VPUBND.yaml" {
		t.Fatalf("kind/path %+v", d)
	}
	// The programme's own time decides, not --as-of: still met weeks later.
	if d := deadline(t, report(t, dir, "VPUBND", "2026-06-29"), "2026-Q3"); !d.Met || d.Late {
		t.Fatalf("VPUBND Q3 seen later: %+v", d)
	}
	d = deadline(t, report(t, dir, "VPTU", "2026-06-20T08:00"), "2026-Q3")
	if d.State != status.Submitted || d.Met || !d.Late {
		t.Fatalf("VPTU Q3 at the deadline instant: %+v", d)
	}

	// Missing: not yet late a second before, late at the deadline.
	if d := deadline(t, report(t, dir, "VPDBHD", "2026-06-19T23:59:59"), "2026-Q3"); d.State != status.Missing || d.Late || d.Met {
		t.Fatalf("VPDBHD Q3 a second early: %+v", d)
	}
	if d := deadline(t, report(t, dir, "VPDBHD", "2026-06-20"), "2026-Q3"); d.State != status.Missing || !d.Late {
		t.Fatalf("VPDBHD Q3 at the deadline: %+v", d)
	}

	// The coming week: on Thursday 25/6, W27's deadline is 17:00 that day.
	if d := deadline(t, report(t, dir, "VPDBHD", "2026-06-25T16:59:59"), "2026-W27"); d.Late || !d.Deadline.Equal(time.Date(2026, 6, 25, 17, 0, 0, 0, ict)) {
		t.Fatalf("W27 a second before 17:00: %+v", d)
	}
	if d := deadline(t, report(t, dir, "VPDBHD", "2026-06-25T17:00"), "2026-W27"); !d.Late {
		t.Fatalf("W27 at 17:00: %+v", d)
	}

	// A file at its place that was never committed is a draft.
	files, _ := examples.ProvinceFiles("programmes/2026/Q3/VPDBHD.yaml")
	full := filepath.Join(dir, "programmes", "2026", "Q3", "VPDBHD.yaml")
	os.WriteFile(full, files["programmes/2026/Q3/VPDBHD.yaml"], 0o644)
	if d := deadline(t, report(t, dir, "VPDBHD", "2026-06-15"), "2026-Q3"); d.State != status.Draft || d.Late {
		t.Fatalf("draft: %+v", d)
	}

	// Ordered by deadline, nearest first; without a server nothing is pending and no sync is recorded.
	rep = report(t, dir, "VPUBND", "2026-06-15")
	var order []string
	for _, d := range rep.Deadlines {
		order = append(order, d.Period)
	}
	if !reflect.DeepEqual(order, []string{"2026-W26", "2026-Q3", "2026-07", "2027"}) {
		t.Fatalf("order %v", order)
	}
	if !rep.Git || rep.Remote != "" || len(rep.Pending) != 0 || rep.Arrived != nil || rep.Coordinator || rep.NotSubmitted != nil {
		t.Fatalf("report %+v", rep)
	}

	// The coordinator sees who has not submitted: VPDBHD only has a draft, so it has not.
	rep = report(t, dir, "vptu", "2026-06-20")
	if !rep.Coordinator || rep.Office != "VPTU" || rep.OfficeName != "Văn phòng Tỉnh ủy" {
		t.Fatalf("coordinator %+v", rep)
	}
	for i, po := range rep.NotSubmitted {
		if po.Period != rep.Deadlines[i].Period {
			t.Fatalf("not_submitted out of step with deadlines: %+v", rep.NotSubmitted)
		}
		if po.Period == "2026-Q3" {
			if len(po.Offices) != 1 || po.Offices[0].Code != "VPDBHD" || !po.Overdue {
				t.Fatalf("Q3 not submitted: %+v", po)
			}
		} else if len(po.Offices) != 3 {
			t.Fatalf("%s not submitted: %+v", po.Period, po)
		}
	}

	// An office the registry does not have: a usage error with a "did you mean".
	_, err := status.Gather(status.Options{Root: dir, Office: "VPUBN", AsOf: at("2026-06-15")})
	if err == nil || !strings.Contains(i18n.Localize(err, i18n.VI), `có phải "VPUBND"`) {
		t.Fatalf("unknown office: %v", err)
	}
	if _, err := status.Gather(status.Options{Root: dir, AsOf: at("2026-06-15")}); err == nil || !strings.Contains(err.Error(), "coord config set office") {
		t.Fatalf("no office: %v", err)
	}
}

// A clerk's clone: a submission committed with --no-push is pending on this PC, judged by its commit time;
// after a sync it is on the server (with the same time), and what the sync brought from another office is
// told, the clerk's own commit excepted.
func TestPendingAndArrived(t *testing.T) {
	gittest.Git(t)
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	seed := map[string]string{}
	files, _ := examples.ProvinceFiles("")
	for rel, b := range files {
		if rel == "coord.yaml" || strings.HasPrefix(rel, "registry/") {
			seed[rel] = string(b)
		}
	}
	gittest.Seed(t, bare, seed, "init")
	clone := filepath.Join(t.TempDir(), "vpubnd")
	if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), clone, gitrepo.Auth{}, "main"); err != nil {
		t.Fatal(err)
	}
	q4 := "programmes/2026/Q4/VPUBND.yaml"
	body := strings.ReplaceAll(string(files["programmes/2026/Q3/VPUBND.yaml"]), "period: 2026-Q3", "period: 2026-Q4")
	committed := time.Date(2026, 9, 19, 23, 59, 59, 0, ict) // a second before the Q4 deadline
	res, err := gitrepo.Submit(context.Background(), clone, gitrepo.Submission{Files: map[string][]byte{q4: []byte(body)},
		Name: "Hồ Thị Kim Liên", Email: "lien.htk@vpubnd.example.vn", NoPush: true, Now: func() time.Time { return committed },
		Message: gitrepo.Message("programme(VPUBND): 2026-Q4", [][2]string{{gitrepo.KindTrailer, "programme"}, {"Coord-Office", "VPUBND"}, {"Coord-Period", "2026-Q4"}})})
	if err != nil {
		t.Fatal(err)
	}
	opts := status.Options{Root: clone, Office: "VPUBND", Email: "lien.htk@vpubnd.example.vn", AsOf: at("2026-09-20T08:00")}
	in, err := status.Gather(opts)
	if err != nil {
		t.Fatal(err)
	}
	rep := status.Build(in)
	d := deadline(t, rep, "2026-Q4")
	if d.State != status.Pending || d.Late || d.Met || !d.At.Equal(committed) {
		t.Fatalf("pending Q4: %+v", d)
	}
	want := []status.Record{{Kind: "programme", Office: "VPUBND", Period: "2026-Q4"}}
	if len(rep.Pending) != 1 || rep.Pending[0].Commit != res.Commit || !rep.Pending[0].Time.Equal(committed) ||
		rep.Pending[0].Author != "Hồ Thị Kim Liên" || !reflect.DeepEqual(rep.Pending[0].Records, want) {
		t.Fatalf("pending %+v", rep.Pending)
	}
	if rep.Remote != gittest.FileURL(bare) || rep.Arrived != nil {
		t.Fatalf("remote %q arrived %+v", rep.Remote, rep.Arrived)
	}

	// Another office submits; a document is committed with git, without trailers.
	gittest.Seed(t, bare, map[string]string{"programmes/2026/Q4/VPTU.yaml": strings.ReplaceAll(string(files["programmes/2026/Q3/VPTU.yaml"]), "2026-Q3", "2026-Q4"),
		"documents/2026/VPTU/125-TB-TU.yaml": "kind: document\n"}, "records of VPTU")
	before, _ := gitrepo.TrackingTip(clone, "origin", "main")
	if _, err := gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	after, _ := gitrepo.TrackingTip(clone, "origin", "main")
	synced := time.Date(2026, 9, 21, 8, 0, 0, 0, ict)
	if err := gitrepo.RecordSync(clone, gitrepo.SyncMark{When: synced, Before: before, After: after}); err != nil {
		t.Fatal(err)
	}
	in, err = status.Gather(opts)
	if err != nil {
		t.Fatal(err)
	}
	rep = status.Build(in)
	if d := deadline(t, rep, "2026-Q4"); d.State != status.Submitted || !d.Met || !d.At.Equal(committed) {
		t.Fatalf("Q4 after the sync keeps its commit time: %+v", d)
	}
	if len(rep.Pending) != 0 {
		t.Fatalf("still pending: %+v", rep.Pending)
	}
	if rep.Arrived == nil || !rep.Arrived.SyncedAt.Equal(synced) || len(rep.Arrived.Commits) != 1 {
		t.Fatalf("arrived %+v", rep.Arrived)
	}
	got := rep.Arrived.Commits[0].Records
	wantRecs := []status.Record{{Kind: "document", Office: "VPTU", ID: "125-TB-TU"}, {Kind: "programme", Office: "VPTU", Period: "2026-Q4"}}
	if !reflect.DeepEqual(got, wantRecs) {
		t.Fatalf("records from paths: %+v", got)
	}

	// The text says it in words: the office's name, the period's label, Vietnamese dates, no ISO date.
	var b bytes.Buffer
	names := func(c string) string {
		return map[string]string{"VPTU": "Văn phòng Tỉnh ủy", "VPUBND": "Văn phòng UBND tỉnh"}[c]
	}
	if err := status.WriteText(&b, rep, names, i18n.VI); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, s := range []string{
		"Tình hình của Văn phòng UBND tỉnh (VPUBND), ngày 20/9/2026.",
		"- Chương trình Quý IV năm 2026: đã lên máy chủ lúc 23h59 ngày 19/9/2026, đúng hạn (hạn nộp trước ngày 20/9/2026).",
		"Lần đồng bộ gần nhất (lúc 8h00 ngày 21/9/2026) đã mang về 1 thay đổi của người khác:",
		"- Văn phòng Tỉnh ủy: văn bản 125-TB-TU; chương trình công tác Quý IV năm 2026.",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "2026-") {
		t.Errorf("an ISO date or period in the text:\n%s", text)
	}
	// JSON: stable names.
	b.Reset()
	status.WriteJSON(&b, rep)
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"office", "office_name", "coordinator", "as_of", "git", "remote", "deadlines", "pending", "arrived", "conflicts"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if _, ok := doc["not_submitted"]; ok {
		t.Error("not_submitted for a clerk")
	}
}

// Open conflicts of the consolidated programme are told to the offices whose items they name; a conflict
// the coordinator kept with a reason is no longer open.
func TestConflicts(t *testing.T) {
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	v, _ := record.NewValidator()
	r, err := datarepo.Load(dir, datarepo.Options{Validate: v})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 25, 0, 0, 0, 0, r.Loc)
	p, _ := policy.FromSettings(r.Settings, r.Holidays, r.Loc)
	q3 := period.Period{Kind: period.Quarter, Year: 2026, N: 3}
	res := consolidate.Consolidate(rules.NewContext(r, now, p), q3, nil, nil)
	save := func(c *record.Consolidated) {
		data, err := consolidate.Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		full := filepath.Join(dir, filepath.FromSlash(datarepo.ConsolidatedPath(q3)))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, data, 0o644)
	}
	save(res.C)

	find := func(rep *status.Report, title string) *status.Conflict {
		for i, c := range rep.Conflicts {
			for _, tt := range c.Titles {
				if strings.Contains(tt, title) {
					return &rep.Conflicts[i]
				}
			}
		}
		return nil
	}
	const ubndItem = "Chủ tịch UBND tỉnh làm việc với Ban Quản lý dự án"
	vpubnd := report(t, dir, "VPUBND", "2026-06-25")
	c := find(vpubnd, ubndItem)
	if c == nil || c.Period != "2026-Q3" || c.Severity != "error" || !strings.Contains(c.Message, "Võ Thành Long") || len(c.Titles) != 1 {
		t.Fatalf("VPUBND's conflict: %+v\n%+v", c, vpubnd.Conflicts)
	}
	// Another office does not see a conflict that names none of its items; the coordinator sees every
	// open one, with every title.
	if find(report(t, dir, "VPDBHD", "2026-06-25"), ubndItem) != nil {
		t.Fatal("VPDBHD told about VPUBND's conflict")
	}
	vptu := report(t, dir, "VPTU", "2026-06-25")
	if c := find(vptu, ubndItem); c == nil || len(c.Titles) != 2 || len(vptu.Conflicts) < len(vpubnd.Conflicts) {
		t.Fatalf("coordinator: %+v", vptu.Conflicts)
	}
	// Kept with a reason: no longer open.
	rec := *res.C
	rec.Adjustments = append(rec.Adjustments, record.Adjustment{Item: c.Items[0], Action: record.ActionKeep, Reason: "Thường trực đã thống nhất", By: "VPTU", Date: "2026-06-25"})
	save(&rec)
	if c := find(report(t, dir, "VPUBND", "2026-06-25"), ubndItem); c != nil {
		t.Fatalf("a kept conflict still open: %+v", c)
	}
}

// The coming periods of each kind, across the turn of the year (31/12/2026 is in ISO week 53).
func TestComing(t *testing.T) {
	got := status.Coming(time.Date(2026, 12, 31, 12, 0, 0, 0, ict))
	var s []string
	for _, p := range got {
		s = append(s, p.String())
	}
	if !reflect.DeepEqual(s, []string{"2027", "2027-Q1", "2027-01", "2027-W01"}) {
		t.Fatalf("coming %v", s)
	}
	s = nil
	for _, p := range status.Current(time.Date(2026, 12, 31, 12, 0, 0, 0, ict)) {
		s = append(s, p.String())
	}
	if !reflect.DeepEqual(s, []string{"2026", "2026-Q4", "2026-12", "2026-W53"}) {
		t.Fatalf("current %v", s)
	}
}
