package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
)

// TestJUnitClock: the JUnit report's timestamp and time come from the Factory's clock, which a test fixes
// (--as-of does not move them): the start, in the repo's time zone, and the seconds until the report.
func TestJUnitClock(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"coord.yaml":            "kind: settings\nversion: 1\nprovince: Tỉnh mẫu\ntimezone: Asia/Ho_Chi_Minh\ncoordinator: VPTU\npolicy: {}\n",
		"registry/offices.yaml": "kind: offices\nbodies:\n  - {code: BTV-TU, name: Ban Thường vụ Tỉnh ủy}\noffices:\n  - {code: VPTU, name: Văn phòng Tỉnh ủy, serves: [BTV-TU]}\n",
		"programmes/2026/Q3/VPTU.yaml": "kind: programme\noffice: VPTU\nperiod: 2026-Q3\nitems:\n" +
			"  - {id: a, title: Họp, when: 2026-07-09 sáng, kind: meting, bodies: [BTV-TU]}\n",
	}
	for p, s := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Date(2026, 6, 15, 1, 30, 0, 0, time.UTC) // 08:30 in Vietnam
	calls := 0
	var out bytes.Buffer
	f := cmdutil.New()
	f.Out, f.Err = &out, &out
	f.Getwd = func() (string, error) { return dir, nil }
	f.Now = func() time.Time {
		calls++
		if calls == 1 {
			return start
		}
		return start.Add(1500 * time.Millisecond)
	}
	f.V.Set("lang", "en")
	f.V.Set("as-of", "2026-06-01")
	err := Run(&Options{F: f, Format: "junit", FailOn: "error"})
	if cmdutil.Code(err) != cmdutil.ExitFindings {
		t.Fatalf("exit %d (%v), want 1\n%s", cmdutil.Code(err), err, out.String())
	}
	s := out.String()
	for _, want := range []string{
		`<testsuites name="coord check" tests="1" failures="1" errors="0" time="1.500">`,
		`<testsuite name="coord check" tests="1" failures="1" errors="0" time="1.500" timestamp="2026-06-15T08:30:00">`,
		`<failure message="items[0].kind: invalid value &#34;meting&#34;; did you mean &#34;meeting&#34;?" type="error">`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %s:\n%s", want, s)
		}
	}
	if err := Run(&Options{F: f, Format: "junit", FailOn: "never"}); cmdutil.Code(err) != cmdutil.ExitEnv {
		t.Errorf("--fail-on never: %v, want exit 2", err)
	}
}
