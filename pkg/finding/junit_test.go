package finding

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    string   `xml:"tests,attr"`
	Failures string   `xml:"failures,attr"`
	Errors   string   `xml:"errors,attr"`
	Time     string   `xml:"time,attr"`
	Suites   []struct {
		Name       string `xml:"name,attr"`
		Tests      string `xml:"tests,attr"`
		Failures   string `xml:"failures,attr"`
		Errors     string `xml:"errors,attr"`
		Time       string `xml:"time,attr"`
		Timestamp  string `xml:"timestamp,attr"`
		Properties []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Line      string `xml:"line,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// parseJUnit reads the report strictly (a malformed document fails) and checks every token is well formed.
func parseJUnit(t *testing.T, b []byte) junitDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("JUnit report is not well-formed XML: %v\n%s", err, b)
		}
	}
	var doc junitDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestJUnitReport(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	start := time.Date(2026, 6, 15, 8, 30, 5, 0, ict)
	fs := hostile() // an error, a warning and an info, with control characters in the messages and a path
	r := Report{Findings: fs, Summary: Summary{Suppressed: 2}, Lang: i18n.VI, Start: start, Elapsed: 1234567 * time.Microsecond}

	var out bytes.Buffer
	if err := r.Write(&out, "junit"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), `<?xml version="1.0" encoding="UTF-8"?>`+"\n<testsuites ") {
		t.Errorf("report does not start with the XML declaration and <testsuites>:\n%s", out.String())
	}
	doc := parseJUnit(t, out.Bytes())
	if doc.Tests != "3" || doc.Failures != "1" || doc.Errors != "0" || doc.Time != "1.235" {
		t.Errorf("testsuites: tests %s failures %s errors %s time %s", doc.Tests, doc.Failures, doc.Errors, doc.Time)
	}
	s := doc.Suites[0]
	if len(doc.Suites) != 1 || s.Name != "coord check" || s.Tests != "3" || s.Failures != "1" || s.Errors != "0" ||
		s.Time != "1.235" || s.Timestamp != "2026-06-15T08:30:05" {
		t.Errorf("testsuite = %+v", s)
	}
	if len(s.Properties) != 1 || s.Properties[0].Name != "suppressed" || s.Properties[0].Value != "2" {
		t.Errorf("properties = %+v", s.Properties)
	}
	failed := 0
	for _, c := range s.Cases {
		if c.Failure != nil {
			failed++
			if c.Failure.Type != "error" || !strings.Contains(c.Failure.Message, `Họp\x1b[31m`) {
				t.Errorf("failure = %+v", c.Failure)
			}
			if c.Name != "programmes/2026/Q3/VPTU.yaml:5:3 schema" || c.Classname != "programmes/2026/Q3/VPTU.yaml" || c.File != c.Classname || c.Line != "5" {
				t.Errorf("failed case = %+v", c)
			}
		} else if !strings.HasPrefix(c.SystemOut, "warning: ") && !strings.HasPrefix(c.SystemOut, "info: ") {
			t.Errorf("passed case without its finding in system-out: %+v", c)
		}
	}
	if failed != 1 {
		t.Errorf("%d <failure> elements, want 1", failed)
	}

	// --fail-on warning: the warning fails too, and the counts say so.
	r.FailOn = Warning
	out.Reset()
	if err := r.Write(&out, "junit"); err != nil {
		t.Fatal(err)
	}
	doc = parseJUnit(t, out.Bytes())
	if doc.Failures != "2" || doc.Suites[0].Failures != "2" || strings.Count(out.String(), "<failure ") != 2 {
		t.Errorf("--fail-on warning: failures %s/%s, %d <failure> elements", doc.Failures, doc.Suites[0].Failures, strings.Count(out.String(), "<failure "))
	}

	// No finding, no clock: one passing test case, no timestamp attribute, no empty properties.
	out.Reset()
	if err := Write(&out, "junit", nil, Summary{}, i18n.EN); err != nil {
		t.Fatal(err)
	}
	doc = parseJUnit(t, out.Bytes())
	if doc.Tests != "1" || doc.Failures != "0" || doc.Time != "0.000" || len(doc.Suites[0].Cases) != 1 || strings.Contains(out.String(), "timestamp=") || strings.Contains(out.String(), "properties") {
		t.Errorf("empty report:\n%s", out.String())
	}
}

func TestFailOn(t *testing.T) {
	fs := []Finding{{Severity: Warning}, {Severity: Info}}
	if Fails(fs, Error) || !Fails(fs, Warning) || Fails(fs[1:], Warning) || Fails(nil, Warning) {
		t.Error("Fails")
	}
	if !Fails([]Finding{{Severity: Error}}, "") {
		t.Error(`Fails(error, "") is false; "" means error`)
	}
	for in, want := range map[string]Severity{"": Error, "error": Error, "WARNING": Warning, " warning ": Warning} {
		if got, ok := ParseFailOn(in); !ok || got != want {
			t.Errorf("ParseFailOn(%q) = %q, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"info", "note", "errors", "x"} {
		if _, ok := ParseFailOn(bad); ok {
			t.Errorf("ParseFailOn(%q) accepted", bad)
		}
	}
}
