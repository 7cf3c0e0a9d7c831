package inbox

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/datarepo"
)

// exampleRepo loads the example province as coord does, from a folder.
func exampleRepo(t *testing.T) *datarepo.Repo {
	t.Helper()
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	r, err := datarepo.Load(dir, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// What reaches VPUBND: documents addressed to it or to UBND, never its own; the notices of the other offices
// concerning it; a notice's register entry not twice; newest first; within --since and --as-of.
func TestFor(t *testing.T) {
	r := exampleRepo(t)
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	asOf := time.Date(2026, 12, 31, 0, 0, 0, 0, loc)
	es := For(r, "VPUBND", "", asOf)
	var paths []string
	for i, e := range es {
		paths = append(paths, e.Path)
		if i > 0 && es[i-1].Date < e.Date {
			t.Errorf("not newest first: %s before %s", es[i-1].Path, e.Path)
		}
		if e.From == "VPUBND" {
			t.Errorf("its own: %s", e.Path)
		}
	}
	for _, want := range []string{"conclusions/2026/VPTU/ket-luan-btv-thang-8.yaml", "conclusions/2026/VPTU/ket-luan-hoi-nghi-bch-giua-nam.yaml",
		"documents/2026/VPTU/1250-CV-TU.yaml"} {
		if !slices.Contains(paths, want) {
			t.Errorf("missing %s in %v", want, paths)
		}
	}
	// 156-TB/TU is a notice and a register entry: listed once, as the notice.
	if slices.Contains(paths, "documents/2026/VPTU/156-TB-TU.yaml") {
		t.Error("the register entry of a notice listed too")
	}
	for _, e := range es {
		if e.Path == "conclusions/2026/VPTU/ket-luan-btv-thang-8.yaml" && (len(e.Tasks) != 1 || e.Tasks[0].Owner != "UBND") {
			t.Errorf("tasks for VPUBND: %+v", e.Tasks)
		}
	}
	// --since and --as-of bound the dates.
	for _, e := range For(r, "VPUBND", "2026-09-01", time.Date(2026, 9, 10, 0, 0, 0, 0, loc)) {
		if e.Date < "2026-09-01" || e.Date > "2026-09-10" {
			t.Errorf("%s dated %s", e.Path, e.Date)
		}
	}
}

// A notice issued on a day written in a clerk's form (5/10/2026) is dated that day (conclusion.IssuedDay):
// in the inbox from 5/10, in its place among the others, not before and not compared as text.
func TestForIssuedInClerkForm(t *testing.T) {
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	const rel = "conclusions/2026/VPTU/ket-luan-kieu-van-thu.yaml"
	notice := "kind: conclusion\nnumber: 199-TB/TU\noffice: VPTU\ntitle: Thông báo kết luận ghi ngày kiểu văn thư\n" +
		"meeting: {date: 2026-10-01}\nissued: 5/10/2026\nrecipients: [VPUBND]\ntasks:\n" +
		"  - {id: viec-mot, owner: UBND, content: Việc một, due: 2026-11-30, status: open}\n"
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(notice), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := datarepo.Load(dir, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	find := func(asOf time.Time) *Entry {
		for _, e := range For(r, "VPUBND", "", asOf) {
			if e.Path == rel {
				return &e
			}
		}
		return nil
	}
	if e := find(time.Date(2026, 10, 4, 0, 0, 0, 0, loc)); e != nil {
		t.Errorf("listed on 4/10, before it was issued: %+v", e)
	}
	e := find(time.Date(2026, 10, 10, 0, 0, 0, 0, loc))
	if e == nil {
		t.Fatal("not listed on 10/10")
	}
	if e.Date != "2026-10-05" {
		t.Errorf("dated %q, want 2026-10-05", e.Date)
	}
	if got := For(r, "VPUBND", "2026-10-06", time.Date(2026, 10, 10, 0, 0, 0, 0, loc)); slices.ContainsFunc(got, func(e Entry) bool { return e.Path == rel }) {
		t.Error("listed since 6/10")
	}
}

// A register entry dated in a clerk's form (5/10/2026) is dated that day, as a notice is: listed from 5/10 and
// not before, sorted among the others by that day, not compared as text ("5/10/2026" sorts after every ISO day).
func TestForDocumentInClerkForm(t *testing.T) {
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	const rel = "documents/2026/VPTU/1300-CV-TU.yaml"
	doc := "kind: document\nnumber: 1300-CV/TU\ntype: CV\ndate: 5/10/2026\nissuer: VPTU\n" +
		"summary: V/v văn bản ghi ngày kiểu văn thư\nrecipients: [VPUBND]\n"
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := datarepo.Load(dir, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	at := func(since string, asOf time.Time) (*Entry, []Entry) {
		es := For(r, "VPUBND", since, asOf)
		for i := range es {
			if es[i].Path == rel {
				return &es[i], es
			}
		}
		return nil, es
	}
	if e, _ := at("", time.Date(2026, 10, 4, 0, 0, 0, 0, loc)); e != nil {
		t.Errorf("listed on 4/10, before its date: %+v", e)
	}
	e, es := at("", time.Date(2026, 12, 31, 0, 0, 0, 0, loc))
	if e == nil {
		t.Fatal("not listed on 31/12")
	}
	if e.Date != "2026-10-05" {
		t.Errorf("dated %q, want 2026-10-05", e.Date)
	}
	for i := 1; i < len(es); i++ {
		if es[i-1].Date < es[i].Date {
			t.Errorf("not newest first: %s (%s) before %s (%s)", es[i-1].Path, es[i-1].Date, es[i].Path, es[i].Date)
		}
	}
	if e, _ := at("2026-10-06", time.Date(2026, 12, 31, 0, 0, 0, 0, loc)); e != nil {
		t.Error("listed since 6/10")
	}
}
