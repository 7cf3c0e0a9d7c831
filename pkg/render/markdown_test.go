package render

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestMarkdownGolden(t *testing.T) {
	in := fixture()
	got := render(t, func(b *bytes.Buffer, in Input) error { return Markdown(b, in) }, in)
	golden(t, "programme.md.golden", got)
}

// TestMarkdownContent checks what a reviewer relies on, independent of the golden file's layout.
func TestMarkdownContent(t *testing.T) {
	in := fixture()
	out := string(render(t, func(b *bytes.Buffer, in Input) error { return Markdown(b, in) }, in))
	for _, want := range []string{
		"# Chương trình công tác Quý III năm 2026",
		"Đã phê duyệt ngày 25/6/2026 (văn bản số 12-CTr/TU của Thường trực Tỉnh ủy)",
		"## Tháng 7 năm 2026", "## Tháng 8 năm 2026", "## Tháng 9 năm 2026",
		"| Thứ Năm, 16/7 | Sáng |", // the moved item at its new time
		"đã dời từ sáng 14/7/2026",
		"⚠ T2", "⚠ T3",
		"| Tháng 8 | Trong tháng |",
		`\& \<giám sát\>`, // free text escaped
		"## Hoạt động không đưa vào chương trình",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	// The dropped item appears only in its section and the adjustments table, never in a month table.
	months := out[:strings.Index(out, "## Trùng lặp")]
	if strings.Contains(months, "Thương binh") {
		t.Errorf("dropped item listed in the programme tables")
	}
	// The resolved conflict (T1, the moved item) is not flagged on the items any more.
	if strings.Contains(months, "⚠ T1") {
		t.Errorf("resolved conflict T1 still flagged")
	}
	// Every table row has as many cells as its header.
	for i, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| ") {
			cells := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") - 1
			if cells != 7 && cells != 6 {
				t.Errorf("line %d has %d cells: %q", i+1, cells, l)
			}
		}
	}
}

func TestMarkdownDeterministic(t *testing.T) {
	a := render(t, func(b *bytes.Buffer, in Input) error { return Markdown(b, in) }, fixture())
	for range 5 {
		if b := render(t, func(b *bytes.Buffer, in Input) error { return Markdown(b, in) }, fixture()); !bytes.Equal(a, b) {
			t.Fatal("two renderings differ")
		}
	}
}

// TestEmptyInputs: every renderer copes with an empty programme and a nil record without panicking.
func TestEmptyInputs(t *testing.T) {
	in := fixture()
	rec(in).Items, rec(in).Conflicts, rec(in).Adjustments = nil, nil, nil
	in = refresh(in)
	nilC := fixture()
	nilC.Prog = nil
	for _, in := range []Input{in, nilC, {}} {
		for name, f := range map[string]func(io.Writer, Input) error{
			"md": Markdown, "html": HTML, "xlsx": XLSX, "docx": DOCX,
			"ics": func(w io.Writer, in Input) error { return ICS(w, in, "") },
		} {
			if err := f(io.Discard, in); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}
