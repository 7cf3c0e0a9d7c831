package finding

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"
)

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Time       string           `xml:"time,attr"`
	Timestamp  string           `xml:"timestamp,attr,omitempty"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

// junitTime is a duration in seconds with millisecond precision, as JUnit reports write it.
func junitTime(d time.Duration) string {
	return strconv.FormatFloat(max(d, 0).Seconds(), 'f', 3, 64)
}

// writeJUnit writes a JUnit XML report (testsuites > testsuite > testcase), as GitLab and other CI servers
// read it: one test case per finding, named "file:line:column rule", classed by file. A finding at the
// --fail-on severity or above is a failed test (<failure>, counted in failures); a lower one is a passed
// test whose <system-out> says it. errors (tests that could not run) is always 0: a check that cannot run
// writes no report and exits 2. time is the check's elapsed seconds, timestamp its start (the Factory's
// clock, local time of the repo, no zone, as the JUnit schema wants). No finding: one passing test case.
// Message text is made Visible: XML 1.0 cannot carry most control characters.
func writeJUnit(w io.Writer, r Report) error {
	s := junitSuite{Name: "coord check", Time: junitTime(r.Elapsed)}
	if !r.Start.IsZero() {
		s.Timestamp = r.Start.Format("2006-01-02T15:04:05")
	}
	if r.Summary.Suppressed > 0 {
		s.Properties = &junitProperties{[]junitProperty{{Name: "suppressed", Value: strconv.Itoa(r.Summary.Suppressed)}}}
	}
	for _, f := range r.Findings {
		msg := Visible(f.Msg.Render(r.Lang))
		file := Visible(f.File)
		c := junitCase{Name: fmt.Sprintf("%s:%d:%d %s", file, f.Line, f.Column, f.Rule), Classname: file, File: file, Line: f.Line}
		if f.Severity.AtLeast(r.FailOn) {
			s.Failures++
			c.Failure = &junitFailure{Message: msg, Type: string(f.Severity), Text: msg}
		} else {
			c.SystemOut = string(f.Severity) + ": " + msg // below --fail-on: reported, not failed
		}
		s.Cases = append(s.Cases, c)
	}
	if len(r.Findings) == 0 {
		s.Cases = []junitCase{{Name: "coord check", Classname: "coord"}}
	}
	s.Tests = len(s.Cases)
	doc := junitSuites{Name: s.Name, Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Time: s.Time, Suites: []junitSuite{s}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}
