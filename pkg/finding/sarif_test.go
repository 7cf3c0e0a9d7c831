package finding

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema compiles the official SARIF 2.1.0 schema vendored in testdata (draft-04), with format
// assertions on: uri-reference, uri and date-time are checked, not only the structure.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// rfc3986Path is a relative reference made only of unreserved and reserved characters and %HH escapes.
var rfc3986Path = regexp.MustCompile(`^(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})*$`)

func TestSARIFValidatesAgainstOfficialSchema(t *testing.T) {
	sch := sarifSchema(t)
	paths := []string{
		"programmes/2026/Q3/VPUBND.yaml",
		"văn bản/kết luận số 12.yaml",             // spaces and Vietnamese letters (NFC)
		"documents/2026/100% hoàn thành.yaml",     // a percent sign
		"documents/2026/thu\u0309 tu\u0323c.yaml", // Vietnamese letters in NFD, as a Mac writes them
		"a:b/c#d?e[f].yaml",
	}
	var fs []Finding
	for i, p := range paths {
		fs = append(fs, Finding{Rule: []string{"schema", "overlap/travel", "text/nfc"}[i%3], Severity: []Severity{Error, Warning, Info}[i%3],
			Pos: Pos{File: p, Line: i, Column: i * 2}, Msg: i18n.M("no.such.key", "thông điệp \"có\" dấu\n<và> dòng"),
			Related: []Pos{{File: paths[(i+1)%len(paths)], Line: 3, Column: 1}}})
	}
	Sort(fs)
	rules := []RuleInfo{
		{ID: "schema", Severity: Error, Doc: i18n.M("rule.doc.schema")},
		{ID: "overlap/travel", Severity: Warning, Doc: i18n.M("rule.doc.overlap/travel")},
	}
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		var out bytes.Buffer
		if err := (Report{Findings: fs, Lang: lang, Rules: rules}).Write(&out, "sarif"); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("SARIF output is not valid SARIF 2.1.0: %v\n%s", err, out.String())
		}
		// The schema is not a rubber stamp: a level SARIF does not know is refused.
		bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(out.String(), `"level": "note"`, `"level": "info"`, 1)))
		if sch.Validate(bad) == nil {
			t.Fatal(`the schema accepted "level": "info"`)
		}
		var log sarifLog
		if err := json.Unmarshal(out.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if _, ok := run.OriginalURIBaseIDs[SARIFRoot]; !ok || run.ColumnKind != "unicodeCodePoints" {
			t.Errorf("run: originalUriBaseIds %v, columnKind %q", run.OriginalURIBaseIDs, run.ColumnKind)
		}
		// Every rule that ran is listed with its description and default level, and a rule id of a finding
		// that is not among them is listed bare.
		ids := []string{}
		for _, r := range run.Tool.Driver.Rules {
			ids = append(ids, r.ID)
		}
		if strings.Join(ids, " ") != "schema overlap/travel text/nfc" {
			t.Errorf("driver rules = %v", ids)
		}
		if d := run.Tool.Driver.Rules[1]; d.ShortDescription == nil || d.ShortDescription.Text == "" ||
			d.ShortDescription.Text == "rule.doc.overlap/travel" || d.DefaultConfiguration.Level != "warning" {
			t.Errorf("overlap/travel descriptor = %+v", d)
		}
		for i, res := range run.Results {
			f := fs[i]
			if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID || res.RuleID != f.Rule {
				t.Errorf("result %d: ruleId %q, ruleIndex %d", i, res.RuleID, res.RuleIndex)
			}
			if want := map[Severity]string{Error: "error", Warning: "warning", Info: "note"}[f.Severity]; res.Level != want {
				t.Errorf("result %d: level %q, want %q", i, res.Level, want)
			}
			for _, loc := range append(res.Locations, res.RelatedLocations...) {
				a := loc.PhysicalLocation.ArtifactLocation
				if a.URIBaseID != SARIFRoot {
					t.Errorf("uriBaseId %q", a.URIBaseID)
				}
				if !rfc3986Path.MatchString(a.URI) || strings.HasPrefix(a.URI, "/") {
					t.Errorf("uri %q is not a percent-encoded relative path", a.URI)
				}
				if first, _, _ := strings.Cut(a.URI, "/"); strings.Contains(first, ":") {
					t.Errorf("uri %q would read as a scheme", a.URI)
				}
				u, err := url.Parse(a.URI)
				if err != nil || u.Scheme != "" || u.Fragment != "" || u.RawQuery != "" {
					t.Errorf("uri %q parses as %+v, %v", a.URI, u, err)
					continue
				}
				back, err := url.PathUnescape(a.URI)
				if err != nil || !contains(paths, back) {
					t.Errorf("uri %q decodes to %q, not a finding's path", a.URI, back)
				}
			}
			if res.Locations[0].PhysicalLocation.Region.StartLine < 1 || res.Locations[0].PhysicalLocation.Region.StartColumn < 1 {
				t.Errorf("result %d: region %+v", i, res.Locations[0].PhysicalLocation.Region)
			}
		}
	}
}

func TestSARIFEmptyIsValid(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, "sarif", nil, Summary{}, i18n.VI); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("empty SARIF log invalid: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), `"results": []`) || !strings.Contains(out.String(), `"rules": []`) {
		t.Errorf("empty lists are not [] in\n%s", out.String())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
