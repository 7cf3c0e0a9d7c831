package finding

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Formats names the output formats of Write.
var Formats = []string{"text", "json", "github", "sarif", "junit"}

// Write prints fs (already sorted) with the summary in the given format.
func Write(w io.Writer, format string, fs []Finding, sum Summary, lang i18n.Lang) error {
	sum.Count(fs)
	switch format {
	case "", "text":
		return writeText(w, fs, sum, lang)
	case "json":
		return writeJSON(w, fs, sum, lang)
	case "github":
		return writeGitHub(w, fs, lang)
	case "sarif":
		return writeSARIF(w, fs, lang)
	case "junit":
		return writeJUnit(w, fs, sum, lang)
	}
	return i18n.Errorf("cli.bad_format", format, strings.Join(Formats, ", "))
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Subject  string `json:"subject,omitempty"`
	Related  []Pos  `json:"related"`
}

// JSON is the --format json document.
type JSON struct {
	Findings []jsonFinding `json:"findings"`
	Summary  Summary       `json:"summary"`
}

func writeJSON(w io.Writer, fs []Finding, sum Summary, lang i18n.Lang) error {
	doc := JSON{Findings: []jsonFinding{}, Summary: sum}
	for _, f := range fs {
		rel := f.Related
		if rel == nil {
			rel = []Pos{}
		}
		doc.Findings = append(doc.Findings, jsonFinding{f.Rule, string(f.Severity), f.File, f.Line, f.Column,
			f.Msg.Render(lang), f.Subject, rel})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func writeText(out io.Writer, fs []Finding, sum Summary, lang i18n.Lang) error {
	if err := WriteList(out, fs, lang); err != nil {
		return err
	}
	_, err := fmt.Fprintln(out, i18n.M("finding.summary", sum.Files, sum.Records, sum.Errors, sum.Warnings, sum.Infos).Render(lang))
	return err
}

// WriteList prints findings as text, grouped by file, without the summary line: the findings behind a
// refusal, before the sentence that says what was refused.
func WriteList(out io.Writer, fs []Finding, lang i18n.Lang) error {
	var w bytes.Buffer
	if err := writeTextTables(&w, fs, lang); err != nil {
		return err
	}
	// tablewriter pads the last column; trailing blanks only make diffs noisy.
	for _, line := range strings.SplitAfter(w.String(), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(out, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

func writeTextTables(w io.Writer, fs []Finding, lang i18n.Lang) error {
	// Grouped by file: one table per file, so a clerk sees everything wrong with their file in one place.
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].File == fs[i].File {
			j++
		}
		fmt.Fprintf(w, "%s\n", fs[i].File)
		t := tablewriter.NewTable(w, tablewriter.WithRendition(tw.Rendition{Borders: tw.BorderNone,
			Settings: tw.Settings{Separators: tw.Separators{BetweenColumns: tw.Off}, Lines: tw.Lines{ShowHeaderLine: tw.Off}}}),
			tablewriter.WithRowAutoWrap(tw.WrapNone), tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowMaxWidth(200))
		for _, f := range fs[i:j] {
			loc := fmt.Sprintf("%d:%d", f.Line, f.Column)
			msg := f.Msg.Render(lang)
			for _, r := range f.Related {
				if (r.File == f.File && (strings.Contains(msg, fmt.Sprintf("dòng %d", r.Line)) || strings.Contains(msg, fmt.Sprintf("line %d", r.Line)))) || (r.File != f.File && strings.Contains(msg, r.File)) {
					continue // the message already names the place
				}
				msg += " (" + i18n.M("finding.see", fmt.Sprintf("%s:%d", r.File, r.Line)).Render(lang) + ")"
			}
			if err := t.Append([]string{"  " + loc, i18n.M("severity." + string(f.Severity)).Render(lang), f.Rule, msg}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		fmt.Fprintln(w)
		i = j
	}
	return nil
}

func writeGitHub(w io.Writer, fs []Finding, lang i18n.Lang) error {
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, f := range fs {
		level := "notice"
		switch f.Severity {
		case Error:
			level = "error"
		case Warning:
			level = "warning"
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level, prop.Replace(f.File), max(f.Line, 1),
			max(f.Column, 1), prop.Replace(f.Rule), esc.Replace(f.Msg.Render(lang)))
	}
	return nil
}

func writeSARIF(w io.Writer, fs []Finding, lang i18n.Lang) error {
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
	type physical struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region region `json:"region"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	type result struct {
		RuleID  string `json:"ruleId"`
		Level   string `json:"level"`
		Message struct {
			Text string `json:"text"`
		} `json:"message"`
		Locations        []location `json:"locations"`
		RelatedLocations []location `json:"relatedLocations,omitempty"`
	}
	loc := func(p Pos) location {
		var l location
		l.PhysicalLocation.ArtifactLocation.URI = p.File
		l.PhysicalLocation.Region = region{max(p.Line, 1), max(p.Column, 1)}
		return l
	}
	results := []result{}
	for _, f := range fs {
		r := result{RuleID: f.Rule, Level: map[Severity]string{Error: "error", Warning: "warning", Info: "note"}[f.Severity]}
		r.Message.Text = f.Msg.Render(lang)
		r.Locations = []location{loc(f.Pos)}
		for _, p := range f.Related {
			r.RelatedLocations = append(r.RelatedLocations, loc(p))
		}
		results = append(results, r)
	}
	doc := map[string]any{
		"version": "2.1.0",
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"runs": []any{map[string]any{
			"tool":    map[string]any{"driver": map[string]any{"name": "coord", "informationUri": "https://github.com/coordvn/coord"}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func writeJUnit(w io.Writer, fs []Finding, sum Summary, lang i18n.Lang) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Failure   *failure `xml:"failure,omitempty"`
		SystemOut string   `xml:"system-out,omitempty"`
	}
	type suite struct {
		XMLName  xml.Name   `xml:"testsuite"`
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	s := suite{Name: "coord check", Tests: len(fs)}
	for _, f := range fs {
		msg := f.Msg.Render(lang)
		c := testcase{Name: fmt.Sprintf("%s:%d:%d %s", f.File, f.Line, f.Column, f.Rule), Classname: f.File}
		if f.Severity == Error {
			s.Failures++
			c.Failure = &failure{Message: msg, Type: string(f.Severity), Text: msg}
		} else {
			c.SystemOut = string(f.Severity) + ": " + msg // warnings and infos are reported, not failed
		}
		s.Cases = append(s.Cases, c)
	}
	if len(fs) == 0 {
		s.Tests = 1
		s.Cases = []testcase{{Name: "coord check", Classname: "coord"}}
	}
	fmt.Fprint(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
}
