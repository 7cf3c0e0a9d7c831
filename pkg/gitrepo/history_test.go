package gitrepo_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// TestFirstAddedInCache: the cached times are the walked ones after new commits (only those are walked), after
// the history is rewritten under the cache, and after the cache is damaged.
func TestFirstAddedInCache(t *testing.T) {
	gittest.Git(t)
	dir := t.TempDir()
	n := 0
	commit := func(p, body string) {
		t.Helper()
		n++
		date := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour).Format(time.RFC3339)
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		env := []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}
		gittest.Run(t, dir, env, "add", "-A")
		gittest.Run(t, dir, env, "commit", "-q", "-m", p)
	}
	same := func(step string) {
		t.Helper()
		cached, err := gitrepo.FirstAddedIn(dir, "main", "programmes/")
		if err != nil {
			t.Fatal(err)
		}
		all, err := gitrepo.FirstAdded(dir, "main")
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for p, w := range all {
			if !strings.HasPrefix(p, "programmes/") {
				continue
			}
			want++
			if !cached[p].Equal(w) {
				t.Errorf("%s: %s: cached %s, walked %s", step, p, cached[p], w)
			}
		}
		if len(cached) != want {
			t.Errorf("%s: cached %d paths, want %d: %v", step, len(cached), want, cached)
		}
	}
	gittest.Run(t, dir, nil, "init", "-q", "-b", "main")
	commit("coord.yaml", "kind: settings\n")
	commit("programmes/2026/Q3/VPTU.yaml", "a\n")
	commit("documents/2026/VPTU/x.yaml", "d\n")
	same("first walk")
	cache, err := gitrepo.CacheDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(cache, "first-added-programmes@main")); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	commit("programmes/2026/Q3/VPUBND.yaml", "b\n")
	commit("programmes/2026/Q3/VPTU.yaml", "a changed\n") // not an add: keeps its first time
	same("after new commits")
	gittest.Run(t, dir, nil, "reset", "-q", "--hard", "HEAD~3")
	commit("programmes/2026/Q4/VPDBHD.yaml", "c\n")
	same("after a rewrite")
	if err := os.WriteFile(filepath.Join(cache, "first-added-programmes@main"), []byte("coord first-added v1\ntip zz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	same("after damage")
	// At the same tip the cache is the answer: nothing is walked.
	tip := strings.TrimSpace(gittest.Run(t, dir, nil, "rev-parse", "HEAD"))
	planted := "coord first-added v1\ntip " + tip + "\n1700000000 programmes/2026/Q4/VPDBHD.yaml\n"
	if err := os.WriteFile(filepath.Join(cache, "first-added-programmes@main"), []byte(planted), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := gitrepo.FirstAddedIn(dir, "main", "programmes/")
	if err != nil || len(got) != 1 || got["programmes/2026/Q4/VPDBHD.yaml"].Unix() != 1700000000 {
		t.Errorf("at the cached tip: %v %v", got, err)
	}
}

// FirstSeenIn: when each key (here, each line of a file) first appeared in some file under the folder on
// main's first-parent line — a line moved to another file keeps its first time, a merged branch's lines
// count from the merge — brought up to date from its cache with the commits since.
func TestFirstSeenIn(t *testing.T) {
	gittest.Git(t)
	dir := t.TempDir()
	run := func(date string, args ...string) {
		t.Helper()
		gittest.Run(t, dir, []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, args...)
	}
	commit := func(date, p, s string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		run(date, "add", "-A")
		run(date, "commit", "-q", "-m", "c")
	}
	calls := 0
	lines := func(path string, data []byte) []string {
		calls++
		return strings.Fields(string(data))
	}
	run("2026-07-01T08:00:00+07:00", "init", "-q", "-b", "main")
	commit("2026-07-01T08:00:00+07:00", "programmes/2026/Q3/VPTU.yaml", "a@22\n")
	commit("2026-07-02T08:00:00+07:00", "programmes/2026/Q3/VPTU.yaml", "a@22\nb@23\n")
	commit("2026-07-03T08:00:00+07:00", "programmes/2026/W30/VPTU.yaml", "a@22\nc@24\n") // a again, elsewhere
	commit("2026-07-03T09:00:00+07:00", "documents/x.yaml", "z@1\n")                     // not under the folder
	got, err := gitrepo.FirstSeenIn(dir, "main", "programmes/", "test-v1", lines)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a@22": "2026-07-01T08:00:00+07:00", "b@23": "2026-07-02T08:00:00+07:00", "c@24": "2026-07-03T08:00:00+07:00"}
	check := func(want map[string]string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("got %v", got)
		}
		for k, w := range want {
			wt, _ := time.Parse(time.RFC3339, w)
			if !got[k].Equal(wt) {
				t.Errorf("%s: %s, want %s", k, got[k], wt)
			}
		}
	}
	check(want)
	// Nothing new: the cache answers without reading a file.
	before := calls
	if got, err = gitrepo.FirstSeenIn(dir, "main", "programmes/", "test-v1", lines); err != nil || calls != before {
		t.Fatalf("cached: %v, %d calls", err, calls-before)
	}
	check(want)
	// A branch's commit counts from its merge into main; only the commits since the cache's tip are read.
	run("2026-07-04T08:00:00+07:00", "checkout", "-q", "-b", "pr")
	commit("2026-07-04T08:00:00+07:00", "programmes/2026/Q3/VPTU.yaml", "a@22\nb@23\nd@25\n")
	run("2026-07-06T10:00:00+07:00", "checkout", "-q", "main")
	run("2026-07-06T10:00:00+07:00", "merge", "-q", "--no-ff", "-m", "merge", "pr")
	before = calls
	if got, err = gitrepo.FirstSeenIn(dir, "main", "programmes/", "test-v1", lines); err != nil {
		t.Fatal(err)
	}
	if calls-before != 1 {
		t.Errorf("%d files read for one commit changing one file", calls-before)
	}
	want["d@25"] = "2026-07-06T10:00:00+07:00"
	check(want)
}
