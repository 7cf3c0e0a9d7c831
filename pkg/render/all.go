package render

import (
	"bytes"
	"sort"
)

// BaseName is the file name of a period's outputs, without extension: chuong-trinh-cong-tac-2026-Q3.
func BaseName(in Input) string { return "chuong-trinh-cong-tac-" + in.Period.String() }

// All renders every output of a consolidated programme: Markdown, HTML, iCalendar (all items, and one feed
// per leader under lich/), XLSX and DOCX, each exactly as its renderer wrote it. Names are relative to the
// output folder.
func All(in Input) (map[string][]byte, error) {
	base := BaseName(in)
	out := map[string][]byte{}
	for _, r := range []struct {
		ext string
		fn  func(*bytes.Buffer) error
	}{
		{".md", func(b *bytes.Buffer) error { return Markdown(b, in) }},
		{".html", func(b *bytes.Buffer) error { return HTML(b, in) }},
		{".ics", func(b *bytes.Buffer) error { return ICS(b, in, "") }},
		{".xlsx", func(b *bytes.Buffer) error { return XLSX(b, in) }},
		{".docx", func(b *bytes.Buffer) error { return DOCX(b, in) }},
	} {
		var b bytes.Buffer
		if err := r.fn(&b); err != nil {
			return nil, err
		}
		out[base+r.ext] = b.Bytes()
	}
	for _, id := range Leaders(in) {
		var b bytes.Buffer
		if err := ICS(&b, in, id); err != nil {
			return nil, err
		}
		out["lich/"+id+".ics"] = b.Bytes()
	}
	return out, nil
}

// Leaders are the people who chair or attend an item of the programme as it stands (left-out items do
// not count), sorted: each gets a calendar feed of their own.
func Leaders(in Input) []string {
	if in.Prog == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range in.Prog.Entries {
		if e.Dropped {
			continue
		}
		for _, p := range append(append([]string(nil), e.Item.Chair...), e.Item.Attendees...) {
			if p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}
