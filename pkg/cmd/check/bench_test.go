package check

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo/synth"
)

// BenchmarkCheck checks a synthetic repo of COORD_BENCH_RECORDS records (default 100,000: ten years of a
// large province) end to end: walk, read, decode, schema, every rule. Run by `make bench`. COORD_BENCH_DIR
// names a data repo to check instead (one coordsynth wrote, with its parse cache: a warm check).
func BenchmarkCheck(b *testing.B) {
	n := 100000
	if s := os.Getenv("COORD_BENCH_RECORDS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := os.Getenv("COORD_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
		if err := synth.Write(dir, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		f := cmdutil.New()
		f.Out, f.Err = &out, &out
		f.Getwd = func() (string, error) { return dir, nil }
		f.Now = func() time.Time { return time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC) }
		f.V.Set("lang", "en")
		err := Run(&Options{F: f, Format: "json"})
		if err != nil && cmdutil.Code(err) != cmdutil.ExitFindings {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(n), "records")
			if out.Len() > 2000 {
				b.Logf("findings: %.2000s", out.String())
			} else {
				b.Logf("findings: %s", out.String())
			}
		}
	}
}

// BenchmarkCheckChanged checks one changed programme (`coord check --changed HEAD~1`) in a git clone of the
// synthetic repo of COORD_BENCH_RECORDS records: what the commit changed and what that interacts with, and
// who changed it — not the whole repo. Run by `make bench` (target: under 0.3 s at 100,000 records).
func BenchmarkCheckChanged(b *testing.B) {
	n := 100000
	if s := os.Getenv("COORD_BENCH_RECORDS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := b.TempDir()
	if err := synth.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Quản trị", "GIT_AUTHOR_EMAIL=admin@example.vn",
			"GIT_COMMITTER_NAME=Quản trị", "GIT_COMMITTER_EMAIL=admin@example.vn")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "ten years")

	// The example province's programmes of 2026-Q3, and one of them changed by the last commit.
	for _, office := range []string{"VPTU", "VPDBHD", "VPUBND"} {
		data, err := examples.Province.ReadFile("province/programmes/2026/Q3/" + office + ".yaml")
		if err != nil {
			b.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "programmes", "2026", "Q3"), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "programmes", "2026", "Q3", office+".yaml"), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	git("add", "-A")
	git("commit", "-q", "-m", "quarter")
	programme := filepath.Join(dir, "programmes", "2026", "Q3", "VPUBND.yaml")
	data, err := os.ReadFile(programme)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(programme, append(data, []byte("# sửa\n")...), 0o644); err != nil {
		b.Fatal(err)
	}
	git("commit", "-q", "-am", "one programme")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		f := cmdutil.New()
		f.Out, f.Err = &out, &out
		f.Getwd = func() (string, error) { return dir, nil }
		f.Now = func() time.Time { return time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC) }
		f.V.Set("lang", "en")
		err := Run(&Options{F: f, Format: "json", Changed: "HEAD~1"})
		if err != nil && cmdutil.Code(err) != cmdutil.ExitFindings {
			b.Fatal(err)
		}
		if i == 0 {
			b.Logf("%s: %.600s", programme[len(dir)+1:], out.String())
		}
	}
}
