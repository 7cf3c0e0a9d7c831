package submit_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/record"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// coordBin builds the coord binary once for the tests that run it as separate processes.
func coordBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "coord-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "coord")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/coordvn/coord/cmd/coord").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// coordCmd is coord run as a clerk would, in clone, with settings from the environment only.
func coordCmd(bin, clone string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Dir = clone
	cmd.Env = append(gittest.Env(clone), "COORD_CONFIG="+filepath.Join(clone, "no-config.yaml"),
		"COORD_NAME=Văn thư VPUBND", "COORD_EMAIL=lien.htk@vpubnd.example.vn", "COORD_TOKEN=tok-submit-9876",
		"COORD_LANG=en", "COORD_AS_OF=2026-08-05")
	return cmd
}

// submissionCommits counts the commits on the server's main that carry a Coord-Kind trailer.
func submissionCommits(t *testing.T, bare string) int {
	t.Helper()
	out := gittest.Run(t, bare, nil, "log", "--format=%(trailers:key=Coord-Kind,valueonly,separator=%x2C)", "main")
	n := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// stress is whether COORD_STRESS=1 asks for the long runs (`make stress`): the concurrency and crash tests
// then run 100 coord processes each instead of the 10 to 20 of `make test`.
func stress() bool { return os.Getenv("COORD_STRESS") == "1" }

// Clerks, each in their own clone, submit records all at once through one HTTP server: 5 clerks 2 records
// each, or with COORD_STRESS=1 20 clerks 5 records each.
func TestConcurrentSubmissions(t *testing.T) {
	bin := coordBin(t)
	e := newEnv(t)
	clerks, each := 5, 2
	if stress() {
		clerks, each = 20, 5
	}
	t.Logf("%d clerks, %d records each (COORD_STRESS=1: 20 and 5)", clerks, each)
	clones := make([]string, clerks)
	for i := range clones {
		clones[i] = filepath.Join(t.TempDir(), "clone")
		if _, err := gitrepo.Clone(context.Background(), e.srv.RepoURL("data.git"), clones[i], gitrepo.Auth{Token: "tok-submit-9876"}, "main"); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, clerks*each)
	for i := 0; i < clerks; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			drafts := t.TempDir()
			for j := 0; j < each; j++ {
				n := 1000 + i*each + j
				p := filepath.Join(drafts, fmt.Sprintf("%d-TB-UBND.yaml", n))
				if err := os.WriteFile(p, []byte(document(n)), 0o644); err != nil {
					errs <- err
					return
				}
				out, err := coordCmd(bin, clones[i], "submit", p).CombinedOutput()
				if err != nil || !strings.Contains(string(out), "Pushed to") {
					errs <- fmt.Errorf("clerk %d, record %d: %v\n%s", i, n, err, out)
				}
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		return
	}
	files := gittest.Run(t, e.bare, nil, "ls-tree", "-r", "--name-only", "main", "documents/")
	if got := len(strings.Split(files, "\n")); got != clerks*each {
		t.Fatalf("%d records on the server, want %d", got, clerks*each)
	}
	for n := 1000; n < 1000+clerks*each; n++ {
		if _, ok := gittest.Show(e.bare, "main", docPath(n)); !ok {
			t.Errorf("record %d lost", n)
		}
	}
	if got := submissionCommits(t, e.bare); got != clerks*each {
		t.Fatalf("%d submission commits, want %d", got, clerks*each)
	}
	if merges := gittest.Run(t, e.bare, nil, "rev-list", "--merges", "main"); merges != "" {
		t.Fatal("history is not linear")
	}
	gittest.Fsck(t, e.bare)
	gittest.Fsck(t, clones[0])
}

// Two coord processes on one clone at once: the lock serialises them and both land.
func TestTwoProcessesOneClone(t *testing.T) {
	bin := coordBin(t)
	e := newEnv(t)
	drafts := t.TempDir()
	var cmds []*exec.Cmd
	outs := make([]strings.Builder, 2)
	for i := 0; i < 2; i++ {
		p := filepath.Join(drafts, fmt.Sprintf("%d-TB-UBND.yaml", 500+i))
		os.WriteFile(p, []byte(document(500+i)), 0o644)
		c := coordCmd(bin, e.clone, "submit", p)
		c.Stdout, c.Stderr = &outs[i], &outs[i]
		cmds = append(cmds, c)
	}
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("process %d: %v\n%s", i, err, outs[i].String())
		}
	}
	for i := 0; i < 2; i++ {
		if _, ok := gittest.Show(e.bare, "main", docPath(500+i)); !ok {
			t.Fatalf("record %d lost", 500+i)
		}
	}
	if got := submissionCommits(t, e.bare); got != 2 {
		t.Fatalf("%d submission commits", got)
	}
	if st := gittest.Run(t, e.clone, nil, "status", "--porcelain"); st != "" {
		t.Fatalf("clone not clean:\n%s", st)
	}
	gittest.Fsck(t, e.clone)
}

// coord killed with SIGKILL at random points of 10 submissions (50 with COORD_STRESS=1), each then rerun:
// the clone is never corrupt, no record is half-written, a rerun completes, and every record reaches the
// server exactly once.
func TestCrashDuringSubmissions(t *testing.T) {
	bin := coordBin(t)
	e := newEnv(t)
	// Over file:// (served in coord's own process): the same git layer, fewer processes per run than HTTP. A
	// kill in the middle of a push may leave the branch's lock file in the bare repository; the rerun takes
	// it over (gitrepo.lockRef).
	gittest.Run(t, e.clone, nil, "remote", "set-url", "origin", gittest.FileURL(e.bare))
	seed := time.Now().UnixNano()
	if s := os.Getenv("COORD_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	t.Logf("seed %d (rerun with COORD_CRASH_SEED=%d)", seed, seed)
	rnd := rand.New(rand.NewSource(seed))
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	drafts := t.TempDir()
	total := 10
	if stress() {
		total = 50
	}
	killed := 0
	for i := 0; i < total; i++ {
		n := 2000 + i
		if i%5 == 4 {
			// Another office pushes meanwhile, so some runs must fetch and rebuild when they are killed.
			gittest.Seed(t, e.bare, map[string]string{fmt.Sprintf("documents/2026/VPTU/%d-TB-TU.yaml", n): strings.ReplaceAll(strings.ReplaceAll(document(n), "UBND", "TU"), "issuer: VPTU", "issuer: VPTU")},
				"document(VPTU): other\n\nCoord-Kind: document")
		}
		p := filepath.Join(drafts, fmt.Sprintf("%d-TB-UBND.yaml", n))
		os.WriteFile(p, []byte(document(n)), 0o644)
		c := coordCmd(bin, e.clone, "submit", p)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rnd.Intn(500)) * time.Millisecond
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		select {
		case <-done:
		case <-time.After(delay):
			c.Process.Signal(syscall.SIGKILL)
			<-done
			killed++
		}
		// The clone is sound and every record file in it parses whole.
		gittest.Fsck(t, e.clone)
		checkRecords(t, e.clone, v)
		// A rerun completes.
		out, err := coordCmd(bin, e.clone, "submit", p).CombinedOutput()
		if err != nil {
			t.Fatalf("rerun of %d after a kill at %s: %v\n%s", n, delay, err, out)
		}
	}
	t.Logf("%d of %d runs killed", killed, total)
	for i := 0; i < total; i++ {
		n := 2000 + i
		if _, ok := gittest.Show(e.bare, "main", docPath(n)); !ok {
			t.Errorf("record %d not on the server", n)
		}
		ids := gittest.Run(t, e.bare, nil, "log", "--format=%(trailers:key=Coord-Id,valueonly)", "main")
		if c := strings.Count(ids+"\n", fmt.Sprintf("%d/TB-UBND\n", n)); c != 1 {
			t.Errorf("record %d submitted %d times", n, c)
		}
	}
	gittest.Fsck(t, e.bare)
	if st := gittest.Run(t, e.clone, nil, "status", "--porcelain"); st != "" {
		t.Fatalf("clone not clean at the end:\n%s", st)
	}
}

// checkRecords decodes every YAML file of the clone's worktree: a half-written record fails to parse.
func checkRecords(t *testing.T, root string, v record.Validator) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		f := record.Decode(filepath.ToSlash(rel), b, v)
		for _, pr := range f.Problems {
			if pr.Severity == finding.Error {
				t.Fatalf("%s is not a whole record: %s", rel, pr.Msg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
