package conclusion

import (
	"errors"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

const sample = `# yaml-language-server: $schema=../../../schema/conclusion.schema.json
# Thông báo của Văn phòng Tỉnh ủy
kind: conclusion
number: 171-TB/TU
office: VPTU
meeting: {date: 2026-08-13}
issued: 2026-08-17
tasks:
  - id: co-cap-nhat
    owner: BTC-TU
    content: Hoàn thiện đề án
    due: 2026-09-10
    status: open # còn chờ
    updates:
      - {date: 2026-09-08, by: VPTU, note: Đang tổng hợp, status: open}
  - id: chua-cap-nhat
    status: open
    owner: UBND
    content: Hoàn chỉnh hồ sơ
`

// A note is appended to the task's updates, its status set on the task, the rest of the record (comments
// included) kept, and the result is canonical and valid.
func TestApply(t *testing.T) {
	const rel = "conclusions/2026/VPTU/a.yaml"
	out, err := Apply([]byte(sample), rel, "co-cap-nhat", Update{Date: "2026-09-18", By: "VPTU", Note: "Đã trình: xong, đúng #1", Status: StatusDone})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"# Thông báo của Văn phòng Tỉnh ủy\n",
		"    status: done # còn chờ\n",
		"      - {date: 2026-09-08, by: VPTU, note: Đang tổng hợp, status: open}\n",
		"      - {date: 2026-09-18, by: VPTU, note: 'Đã trình: xong, đúng #1', status: done}\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	v, _ := record.NewValidator()
	f := record.Decode(rel, out, v)
	if !f.Clean {
		t.Fatalf("not clean: %v", f.Problems)
	}
	c := f.Value.(*record.Conclusion)
	if u := c.Tasks[0].Updates[1]; u.Note != "Đã trình: xong, đúng #1" || u.Status != StatusDone || c.Tasks[0].Status != StatusDone {
		t.Errorf("read back %+v", c.Tasks[0])
	}

	// A task without updates gets the key (in the canonical order: after status); a note alone keeps the status.
	out, err = Apply([]byte(sample), rel, "chua-cap-nhat", Update{Date: "2026-09-20", By: "UBND", Note: "true"})
	if err != nil {
		t.Fatal(err)
	}
	f = record.Decode(rel, out, v)
	c = f.Value.(*record.Conclusion)
	if !f.Clean || len(c.Tasks[1].Updates) != 1 || c.Tasks[1].Updates[0].Note != "true" || c.Tasks[1].Status != StatusOpen || c.Tasks[1].Updates[0].Status != StatusOpen {
		t.Errorf("second task %+v (%v)\n%s", c.Tasks[1], f.Problems, out)
	}
	if !strings.Contains(string(out), "  - id: chua-cap-nhat\n    owner: UBND\n    content: Hoàn chỉnh hồ sơ\n    status: open\n    updates:\n      - {date: 2026-09-20, by: UBND, note: \"true\", status: open}\n") {
		t.Errorf("not canonical:\n%s", out)
	}

	// A task that is not there is refused.
	_, err = Apply([]byte(sample), rel, "khong-co", Update{Date: "2026-09-20", By: "VPTU", Status: StatusDone})
	var e *i18n.Error
	if !errors.As(err, &e) || e.Key != "task.gone" || e.Kind != i18n.KindRefused {
		t.Errorf("missing task: %v", err)
	}
	if _, err := Apply([]byte("kind: [\n"), rel, "x", Update{}); err == nil {
		t.Error("a record that does not parse is refused")
	}
}

// A note dated before the task's latest note is refused, with that note's day: appended out of date order it
// would set the task's status while the latest note says otherwise. A note of the same day is appended.
func TestApplyBackdated(t *testing.T) {
	const rel = "conclusions/2026/VPTU/a.yaml"
	for _, u := range []Update{
		{Date: "2026-09-05", By: "VPTU", Status: StatusDone},
		{Date: "2026-09-07", By: "UBND", Note: "Đã họp"},
	} {
		out, err := Apply([]byte(sample), rel, "co-cap-nhat", u)
		var e *i18n.Error
		if !errors.As(err, &e) || e.Key != "task.backdated" || e.Kind != i18n.KindRefused || out != nil {
			t.Fatalf("note of %s before the note of 2026-09-08: %v\n%s", u.Date, err, out)
		}
		for lang, want := range map[i18n.Lang]string{i18n.VI: "đã có cập nhật ngày 08/9/2026", i18n.EN: "already has an update dated 08/9/2026"} {
			if got := i18n.Localize(err, lang); !strings.Contains(got, want) || strings.Contains(got, "2026-09") {
				t.Errorf("%s: %s", lang, got)
			}
		}
	}
	// The latest note is the latest by date, wherever it is written; a clerk's date in a note is read too.
	unordered := strings.Replace(sample, "      - {date: 2026-09-08, by: VPTU, note: Đang tổng hợp, status: open}\n",
		"      - {date: 21/9/2026, by: VPTU, note: Chưa xong, status: open}\n      - {date: 2026-09-08, by: VPTU, note: Đang tổng hợp, status: open}\n", 1)
	_, err := Apply([]byte(unordered), rel, "co-cap-nhat", Update{Date: "2026-09-18", By: "VPTU", Status: StatusDone})
	if got := i18n.Localize(err, i18n.VI); !strings.Contains(got, "ngày 21/9/2026") {
		t.Errorf("latest note of 21/9/2026: %v", got)
	}
	out, err := Apply([]byte(sample), rel, "co-cap-nhat", Update{Date: "2026-09-08", By: "VPTU", Status: StatusDone})
	if err != nil || !strings.Contains(string(out), "{date: 2026-09-08, by: VPTU, status: done}") {
		t.Errorf("a note of the latest note's day: %v\n%s", err, out)
	}
}

func TestFind(t *testing.T) {
	r := repo(t, true, map[string]string{
		"conclusions/2025/VPTU/ket-luan-btv-thang-8.yaml": "kind: conclusion\nnumber: 90-TB/TU\noffice: VPTU\nmeeting: {date: 2025-08-13}\nissued: 2025-08-17\ntasks:\n  - {id: quy-hoach-dieu-chinh, owner: UBND, content: Việc cũ, status: done}\n",
	})
	ts := All(r)
	got, err := Find(ts, "ket-luan-phien-hop-thang-7#nha-o-xa-hoi")
	if err != nil || got.Task.ID != "nha-o-xa-hoi" || got.File.Path != "conclusions/2026/VPUBND/ket-luan-phien-hop-thang-7.yaml" {
		t.Errorf("Find: %v %v", got.Key(), err)
	}
	if got, err := Find(ts, "ket-luan-phien-hop-thang-7.yaml#nha-o-xa-hoi"); err != nil || got.Task.ID != "nha-o-xa-hoi" {
		t.Errorf("with .yaml: %v", err)
	}
	got, err = Find(ts, `conclusions\2025\VPTU\ket-luan-btv-thang-8.yaml#quy-hoach-dieu-chinh`)
	if err != nil || got.Conclusion.Number != "90-TB/TU" {
		t.Errorf("by path: %v", err)
	}
	for ref, key := range map[string]string{
		"ket-luan-btv-thang-8#quy-hoach-dieu-chinh": "task.ambiguous",
		"ket-luan-phien-hop-thang-8#x":              "task.no_conclusion",
		"ket-luan-phien-hop-thang-7#nha-o":          "task.no_task",
		"ket-luan-phien-hop-thang-7":                "task.bad_ref",
		"#nha-o-xa-hoi":                             "task.bad_ref",
	} {
		_, err := Find(ts, ref)
		var e *i18n.Error
		if !errors.As(err, &e) || e.Key != key || e.Kind != i18n.KindUsage {
			t.Errorf("Find(%q): %v, want %s", ref, err, key)
		}
	}
	_, err = Find(ts, "ket-luan-phien-hop-thang-7#nha-o")
	if vi := i18n.Localize(err, i18n.VI); !strings.Contains(vi, `có phải "nha-o-xa-hoi"?`) {
		t.Errorf("no hint: %s", vi)
	}
}
