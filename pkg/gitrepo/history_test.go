package gitrepo_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

func TestFirstAdded(t *testing.T) {
	gittest.Git(t)
	dir := t.TempDir()
	run := func(date string, args ...string) {
		t.Helper()
		gittest.Run(t, dir, []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, args...)
	}
	write := func(p, s string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const (
		before = "2026-06-19T23:59:59+07:00" // one second before the 2026-Q3 deadline (20/6 00:00 ICT)
		after  = "2026-06-20T00:00:01+07:00" // one second after
	)
	run(before, "init", "-q", "-b", "main")
	write("programmes/2026/Q3/VPTU.yaml", "a\n")
	write("coord.yaml", "kind: settings\n")
	run(before, "add", "-A")
	run(before, "commit", "-q", "-m", "c1")
	write("programmes/2026/Q3/VPUBND.yaml", "b\n")
	run(after, "add", "-A")
	run(after, "commit", "-q", "-m", "c2")
	run("2026-06-21T10:00:00+07:00", "rm", "-q", "programmes/2026/Q3/VPTU.yaml")
	run("2026-06-21T10:00:00+07:00", "commit", "-q", "-m", "c3 delete")
	write("programmes/2026/Q3/VPTU.yaml", "a again\n")
	run("2026-06-22T10:00:00+07:00", "add", "-A")
	run("2026-06-22T10:00:00+07:00", "commit", "-q", "-m", "c4 re-add")
	// A pull-request branch whose commit is older than its merge: the file reaches main at the merge.
	run("2026-06-10T08:00:00+07:00", "checkout", "-q", "-b", "pr")
	write("programmes/2026/Q3/VPDBHD.yaml", "m\n")
	run("2026-06-10T08:00:00+07:00", "add", "-A")
	run("2026-06-10T08:00:00+07:00", "commit", "-q", "-m", "pr commit")
	run("2026-06-23T10:00:00+07:00", "checkout", "-q", "main")
	write("documents/2026/VPTU/01-TB-TU.yaml", "d\n")
	run("2026-06-23T10:00:00+07:00", "add", "-A")
	run("2026-06-23T10:00:00+07:00", "commit", "-q", "-m", "c5")
	run("2026-06-25T09:00:00+07:00", "merge", "-q", "--no-ff", "-m", "merge pr", "pr")

	got, err := gitrepo.FirstAdded(dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	ict := time.FixedZone("ICT", 7*3600)
	deadline := time.Date(2026, 6, 20, 0, 0, 0, 0, ict)
	want := map[string]string{
		"coord.yaml":                        before,
		"programmes/2026/Q3/VPTU.yaml":      before, // deleted and added again: the first add counts
		"programmes/2026/Q3/VPUBND.yaml":    after,
		"programmes/2026/Q3/VPDBHD.yaml":    "2026-06-25T09:00:00+07:00", // the merge commit, not the branch's own
		"documents/2026/VPTU/01-TB-TU.yaml": "2026-06-23T10:00:00+07:00",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d paths: %v", len(got), got)
	}
	for p, w := range want {
		wt, _ := time.Parse(time.RFC3339, w)
		if !got[p].Equal(wt) {
			t.Errorf("%s: got %s, want %s", p, got[p], wt)
		}
	}
	if !got["programmes/2026/Q3/VPTU.yaml"].Before(deadline) || got["programmes/2026/Q3/VPUBND.yaml"].Before(deadline) {
		t.Error("the deadline boundary is not where it should be")
	}
	// Limited to some paths: the same times, for those paths only.
	sub, err := gitrepo.FirstAddedOf(dir, "main", []string{"programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/none.yaml"})
	if err != nil || len(sub) != 1 || !sub["programmes/2026/Q3/VPTU.yaml"].Equal(got["programmes/2026/Q3/VPTU.yaml"]) {
		t.Fatalf("FirstAddedOf: %v %v", sub, err)
	}
	// The pr branch alone: its own commit time.
	pr, err := gitrepo.FirstAdded(dir, "pr")
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := time.Parse(time.RFC3339, "2026-06-10T08:00:00+07:00"); !pr["programmes/2026/Q3/VPDBHD.yaml"].Equal(w) {
		t.Errorf("pr branch: %v", pr["programmes/2026/Q3/VPDBHD.yaml"])
	}
	if _, err := gitrepo.FirstAdded(dir, "nope"); !errors.Is(err, gitrepo.ErrNoBranch) {
		t.Fatalf("want ErrNoBranch, got %v", err)
	}
}
