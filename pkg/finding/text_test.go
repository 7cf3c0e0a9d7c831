package finding

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// tablewriterList is the text layout as coord printed it with the tablewriter package before issue 9:
// the reference the hand-written tables must match, character for character, on cells already made Visible.
func tablewriterList(t testing.TB, fs []Finding, lang i18n.Lang) string {
	var w bytes.Buffer
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].File == fs[i].File {
			j++
		}
		fmt.Fprintf(&w, "%s\n", Visible(fs[i].File))
		tbl := tablewriter.NewTable(&w, tablewriter.WithRendition(tw.Rendition{Borders: tw.BorderNone,
			Settings: tw.Settings{Separators: tw.Separators{BetweenColumns: tw.Off}, Lines: tw.Lines{ShowHeaderLine: tw.Off}}}),
			tablewriter.WithRowAutoWrap(tw.WrapNone), tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowMaxWidth(200))
		for _, f := range fs[i:j] {
			loc := fmt.Sprintf("%d:%d", f.Line, f.Column)
			if err := tbl.Append([]string{"  " + loc, i18n.M("severity." + string(f.Severity)).Render(lang), Visible(f.Rule), Visible(textMessage(f, lang))}); err != nil {
				t.Fatal(err)
			}
		}
		if err := tbl.Render(); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&w)
		i = j
	}
	var out strings.Builder
	for _, line := range strings.SplitAfter(w.String(), "\n") {
		if line != "" {
			out.WriteString(strings.TrimRight(line, " \n") + "\n")
		}
	}
	return out.String()
}

func TestTextLayoutMatchesTablewriter(t *testing.T) {
	msg := func(s string) i18n.Msg { return i18n.M("no.such.key", s) }
	cases := [][]Finding{
		manyFindings(200),
		{
			{Rule: "schema", Severity: Error, Pos: Pos{File: "a.yaml", Line: 8, Column: 11}, Msg: msg("ngắn")},
			{Rule: "overlap/travel", Severity: Warning, Pos: Pos{File: "a.yaml", Line: 112, Column: 3}, Msg: msg(strings.Repeat("dài ", 80))},
			{Rule: "x", Severity: Info, Pos: Pos{File: "a.yaml", Line: 9, Column: 1}, Msg: msg("  khoảng trắng  hai đầu  ")},
			{Rule: "ref/place", Severity: Error, Pos: Pos{File: "b c/đ.yaml", Line: 1, Column: 1}, Msg: msg("漢字 rộng gấp đôi"),
				Related: []Pos{{File: "b c/đ.yaml", Line: 3}, {File: "khac.yaml", Line: 4}}},
			{Rule: "ref/place", Severity: Warning, Pos: Pos{File: "b c/đ.yaml", Line: 10, Column: 100}, Msg: msg("e\u0301 tổ hợp")},
			{Rule: "r", Severity: Error, Pos: Pos{File: "c.yaml"}, Msg: i18n.M("")},
		},
	}
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for n, fs := range cases {
			var got bytes.Buffer
			if err := WriteList(&got, fs, lang); err != nil {
				t.Fatal(err)
			}
			if want := tablewriterList(t, fs, lang); got.String() != want {
				t.Errorf("case %d (%s): layout differs from tablewriter's\n got:\n%s\nwant:\n%s", n, lang, got.String(), want)
			}
		}
	}
}
