package finding

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/text/width"
)

// Formats names the output formats of Write.
var Formats = []string{"text", "json", "github", "sarif", "junit"}

// FailOns names the values of `coord check --fail-on`: the lowest severity that fails the check.
var FailOns = []string{"error", "warning"}

// ParseFailOn reads a --fail-on value ("" is error).
func ParseFailOn(s string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "error":
		return Error, true
	case "warning":
		return Warning, true
	}
	return "", false
}

// AtLeast reports whether s is as severe as min or more (error > warning > info).
func (s Severity) AtLeast(min Severity) bool { return s.rank() <= min.rank() }

// Fails reports whether a finding at failOn or above is among fs (failOn "" means Error).
func Fails(fs []Finding, failOn Severity) bool {
	if failOn == "" {
		failOn = Error
	}
	for _, f := range fs {
		if f.Severity.AtLeast(failOn) {
			return true
		}
	}
	return false
}

// RuleInfo describes a rule for the formats that list the rules (SARIF's tool.driver.rules).
type RuleInfo struct {
	ID       string
	Severity Severity
	Doc      i18n.Msg
}

// Report is one check's outcome, as every format prints it.
type Report struct {
	Findings []Finding // sorted (Sort)
	Summary  Summary   // Files, Records and Suppressed; the severity counts are filled from Findings
	Lang     i18n.Lang
	Rules    []RuleInfo    // the rules that ran (SARIF); a rule id of a finding that is not here is listed bare
	FailOn   Severity      // the lowest severity that fails the check ("" is Error): JUnit's failures
	Start    time.Time     // when the check started (JUnit's timestamp; zero leaves it out)
	Elapsed  time.Duration // how long it took (JUnit's time)
}

// Write prints fs (already sorted) with the summary in the given format.
func Write(w io.Writer, format string, fs []Finding, sum Summary, lang i18n.Lang) error {
	return Report{Findings: fs, Summary: sum, Lang: lang}.Write(w, format)
}

// Write prints the report in the given format.
func (r Report) Write(w io.Writer, format string) error {
	r.Summary.Count(r.Findings)
	if r.FailOn == "" {
		r.FailOn = Error
	}
	switch format {
	case "", "text":
		return writeText(w, r.Findings, r.Summary, r.Lang)
	case "json":
		return writeJSON(w, r.Findings, r.Summary, r.Lang)
	case "github":
		return writeGitHub(w, r.Findings, r.Lang)
	case "sarif":
		return writeSARIF(w, r)
	case "junit":
		return writeJUnit(w, r)
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
	doc := JSON{Findings: make([]jsonFinding, 0, len(fs)), Summary: sum}
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
	bw := bufio.NewWriterSize(out, 64<<10)
	if err := writeList(bw, fs, lang); err != nil {
		return err
	}
	line := i18n.M("finding.summary", sum.Files, sum.Records, sum.Errors, sum.Warnings, sum.Infos).Render(lang)
	if sum.Suppressed > 0 {
		line += i18n.M("ci.summary_suppressed", sum.Suppressed).Render(lang)
	}
	bw.WriteString(line)
	bw.WriteByte('\n')
	return bw.Flush()
}

// WriteList prints findings as text, grouped by file, without the summary line: the findings behind a
// refusal, before the sentence that says what was refused.
func WriteList(out io.Writer, fs []Finding, lang i18n.Lang) error {
	bw := bufio.NewWriterSize(out, 64<<10)
	if err := writeList(bw, fs, lang); err != nil {
		return err
	}
	return bw.Flush()
}

// writeList writes one aligned table per file: the file's path on a line, then one line per finding —
// a space, then line:column, severity and rule, each padded to its column's widest cell plus two spaces,
// then the message — then a blank line. (This is the layout the tablewriter package gave, written directly:
// on 50,000 findings it costs what the JSON costs instead of a hundred times more.) Every cell is made
// Visible first, so user text cannot move the cursor or break a line; trailing blanks are trimmed.
func writeList(w *bufio.Writer, fs []Finding, lang i18n.Lang) error {
	sev := map[Severity]string{}
	for _, s := range []Severity{Error, Warning, Info} {
		sev[s] = i18n.M("severity." + string(s)).Render(lang)
	}
	var rows [][4]string
	var widths [3]int
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].File == fs[i].File {
			j++
		}
		rows, widths = rows[:0], [3]int{}
		for _, f := range fs[i:j] {
			s, ok := sev[f.Severity]
			if !ok {
				s = i18n.M("severity." + string(f.Severity)).Render(lang)
			}
			r := [4]string{cell(strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)), cell(s), cell(f.Rule), cell(textMessage(f, lang))}
			for k := range widths {
				widths[k] = max(widths[k], displayWidth(r[k]))
			}
			rows = append(rows, r)
		}
		w.WriteString(strings.TrimRight(Visible(fs[i].File), " "))
		w.WriteByte('\n')
		var line []byte
		for _, r := range rows {
			line = append(line[:0], ' ')
			for k := 0; k < 3; k++ {
				line = append(line, r[k]...)
				for n := displayWidth(r[k]); n < widths[k]+2; n++ {
					line = append(line, ' ')
				}
			}
			line = append(line, r[3]...)
			for len(line) > 0 && line[len(line)-1] == ' ' {
				line = line[:len(line)-1]
			}
			line = append(line, '\n')
			if _, err := w.Write(line); err != nil {
				return err
			}
		}
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// textMessage is the message of a finding with its related places that the message does not name already.
func textMessage(f Finding, lang i18n.Lang) string {
	msg := f.Msg.Render(lang)
	for _, r := range f.Related {
		if (r.File == f.File && (strings.Contains(msg, "dòng "+strconv.Itoa(r.Line)) || strings.Contains(msg, "line "+strconv.Itoa(r.Line)))) || (r.File != f.File && strings.Contains(msg, r.File)) {
			continue // the message already names the place
		}
		msg += " (" + i18n.M("finding.see", r.File+":"+strconv.Itoa(r.Line)).Render(lang) + ")"
	}
	return msg
}

// cell is a table cell: visible, without leading or trailing blanks.
func cell(s string) string { return strings.TrimSpace(Visible(s)) }

// displayWidth is the number of terminal columns s takes: combining marks and format characters take none,
// East Asian wide and fullwidth characters two, everything else one.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x300:
			n++
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

func writeGitHub(out io.Writer, fs []Finding, lang i18n.Lang) error {
	w := bufio.NewWriterSize(out, 64<<10)
	for _, f := range fs {
		level := "notice"
		switch f.Severity {
		case Error:
			level = "error"
		case Warning:
			level = "warning"
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level, githubProperty(f.File), max(f.Line, 1),
			max(f.Column, 1), githubProperty(f.Rule), githubData(f.Msg.Render(lang)))
	}
	return w.Flush()
}
