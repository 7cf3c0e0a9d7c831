package conclusion

import (
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/recordfmt"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/when"
	"go.yaml.in/yaml/v3"
)

// Find returns the task a reference names: "NAME#TASK", NAME being the conclusion's file name without .yaml
// (ket-luan-btv-thang-8#quy-hoach-dieu-chinh), or its repo path (conclusions/2026/VPTU/ket-luan-btv-thang-8.yaml#…)
// when two years hold a notice of the same name. Errors are usage errors with what exists.
func Find(ts []Task, ref string) (Task, error) {
	ref = strings.TrimSpace(vntext.NFC(ref))
	name, id, ok := strings.Cut(ref, "#")
	if !ok || name == "" || id == "" {
		return Task{}, i18n.Usagef("task.bad_ref", ref)
	}
	name = strings.ReplaceAll(name, `\`, "/") // a path as a Windows clerk types it
	byPath := strings.Contains(name, "/")
	if !byPath {
		name = Name(name) // "ket-luan-btv-thang-8.yaml" names it too
	}
	var files []string
	var ids []string
	var hit []Task
	for _, t := range ts {
		match := Name(t.File.Path) == name
		if byPath {
			match = t.File.Path == name
		}
		if !match {
			continue
		}
		if !slices.Contains(files, t.File.Path) {
			files = append(files, t.File.Path)
		}
		ids = append(ids, t.Task.ID)
		if t.Task.ID == id {
			hit = append(hit, t)
		}
	}
	switch {
	case len(files) == 0:
		m := vntext.NewMatcher()
		for _, t := range ts {
			m.Add(Name(t.File.Path))
		}
		return Task{}, i18n.Usagef("task.no_conclusion", name, i18n.DidYouMean(m.Suggest(name, 2)))
	case len(files) > 1:
		return Task{}, i18n.Usagef("task.ambiguous", name, strings.Join(files, ", "))
	case len(hit) == 0:
		m := vntext.NewMatcher()
		for _, x := range ids {
			m.Add(x)
		}
		return Task{}, i18n.Usagef("task.no_task", id, files[0], strings.Join(ids, ", "), i18n.DidYouMean(m.Suggest(id, 2)))
	}
	return hit[0], nil
}

// ParseStatus reads a status as written on the command line: open, done, cancelled, or in Vietnamese
// ("hoàn thành", "đang thực hiện", "hủy"), in any case and with or without diacritics.
func ParseStatus(s string) (string, bool) {
	switch vntext.Key(s) {
	case StatusOpen, "dang thuc hien", "chua hoan thanh", "mo":
		return StatusOpen, true
	case StatusDone, "hoan thanh", "da hoan thanh", "xong":
		return StatusDone, true
	case StatusCancelled, "canceled", "huy", "da huy", "huy bo":
		return StatusCancelled, true
	}
	return "", false
}

// Update is a progress note on a task: its day (YYYY-MM-DD), who reports it (an office or body code), what
// it says, and the task's status after it ("" keeps the status).
type Update struct {
	Date, By, Note, Status string
}

// Apply writes u into the conclusion record data (at repo path rel): appended to the task's updates (with the
// task's status after it), and the task's status set to it. A note dated before the task's latest note is
// refused (docs/commands.md#coord-task-update): appended out of date order, it would set the task's status
// while the latest note says another. The record keeps its comments and is written
// canonically (recordfmt), as `coord fmt` would. The task must exist; a record that does not parse is
// refused with its problems' first sentence.
func Apply(data []byte, rel, taskID string, u Update) ([]byte, error) {
	f := record.Decode(rel, data, nil)
	if f.Root == nil {
		return nil, firstProblem(f, rel)
	}
	tasks := record.ValueOf(f.Root, "tasks")
	var task *yaml.Node
	if tasks != nil && tasks.Kind == yaml.SequenceNode {
		for _, n := range tasks.Content {
			if id := record.ValueOf(n, "id"); id != nil && n.Kind == yaml.MappingNode && id.Value == taskID {
				task = n
				break
			}
		}
	}
	if task == nil {
		return nil, i18n.Refusef("task.gone", taskID, rel)
	}
	if last := latestNote(record.ValueOf(task, "updates")); last != "" && u.Date < last {
		return nil, i18n.Refusef("task.backdated", when.DateText(u.Date), when.DateText(last))
	}
	status := u.Status
	if cur := record.ValueOf(task, "status"); status == "" && cur != nil {
		status = cur.Value
	}
	if status != "" {
		setScalar(task, "status", status)
	}
	note := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, kv := range [][2]string{{"date", u.Date}, {"by", u.By}, {"note", vntext.NFC(u.Note)}, {"status", status}} {
		if kv[1] == "" {
			continue
		}
		v := scalar(kv[1])
		if kv[0] == "date" {
			v.Tag = "" // a plain ISO date, as records write dates
		}
		note.Content = append(note.Content, scalar(kv[0]), v)
	}
	ups := record.ValueOf(task, "updates")
	if ups == nil || ups.Kind != yaml.SequenceNode {
		if ups != nil {
			deleteKey(task, "updates")
		}
		ups = &yaml.Node{Kind: yaml.SequenceNode}
		task.Content = append(task.Content, scalar("updates"), ups)
	}
	if ups.Style == yaml.FlowStyle {
		ups.Style = 0
	}
	ups.Content = append(ups.Content, note)
	b, err := record.Encode(f.Doc)
	if err != nil {
		return nil, err
	}
	out, probs, err := recordfmt.FormatBytes(b, rel)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, i18n.Refusef("task.unwritable", rel, probs[0].Msg)
	}
	return out, nil
}

// latestNote is the day of the latest dated note of a task's updates (YYYY-MM-DD), "" when none has a day
// that reads (check reports those).
func latestNote(ups *yaml.Node) string {
	last := ""
	if ups == nil || ups.Kind != yaml.SequenceNode {
		return last
	}
	for _, n := range ups.Content {
		if d := record.ValueOf(n, "date"); n.Kind == yaml.MappingNode && d != nil {
			if day, ok := readDay(d.Value); ok && day > last {
				last = day
			}
		}
	}
	return last
}

func firstProblem(f *record.File, rel string) error {
	if len(f.Problems) > 0 {
		return i18n.Refusef("task.unwritable", rel, f.Problems[0].Msg)
	}
	return i18n.Refusef("task.unwritable", rel, i18n.M("record.empty"))
}

func scalar(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }

// setScalar sets key's value in mapping m to the plain string v, adding the key when it is missing.
func setScalar(m *yaml.Node, key, v string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			n := m.Content[i+1]
			n.Kind, n.Tag, n.Value, n.Style, n.Content = yaml.ScalarNode, "!!str", v, 0, nil
			return
		}
	}
	m.Content = append(m.Content, scalar(key), scalar(v))
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}
