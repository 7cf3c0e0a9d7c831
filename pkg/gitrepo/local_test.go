package gitrepo_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
)

// withoutGit runs fn with PATH set to an empty folder, so no git, git-upload-pack or git-receive-pack can
// be run (go-git's own file:// transport would run the last two), and checks that they cannot. The test's
// setup and its checks run the git CLI outside fn.
func withoutGit(t *testing.T, fn func()) {
	t.Helper()
	old := os.Getenv("PATH")
	if err := os.Setenv("PATH", t.TempDir()); err != nil {
		t.Fatal(err)
	}
	defer os.Setenv("PATH", old)
	for _, prog := range []string{"git", "git-upload-pack", "git-receive-pack"} {
		if p, err := exec.LookPath(prog); err == nil {
			t.Fatalf("%s is still found at %s", prog, p)
		}
	}
	fn()
}

// A shared folder or a file:// remote works without Git installed: clone (by file:// URL and by plain
// path), submit, a submission rejected because another clerk pushed first and rebuilt on the server's
// tip, and sync, all with PATH empty. The bare repository stays one git reads (fsck), with a linear history.
func TestFolderRemoteWithoutGit(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	pa, pb := "programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPUBND.yaml"
	var ra, rb *gitrepo.Result
	var sa *gitrepo.SyncResult
	withoutGit(t, func() {
		ctx := context.Background()
		if _, err := gitrepo.Clone(ctx, gittest.FileURL(bare), a, gitrepo.Auth{}, "main"); err != nil {
			t.Fatalf("clone over file://: %v", err)
		}
		// A plain path, as a clerk types a shared folder (\\server\share\data.git on Windows); relative here.
		wd, _ := os.Getwd()
		rel, err := filepath.Rel(wd, bare)
		if err != nil {
			t.Fatal(err)
		}
		res, err := gitrepo.Clone(ctx, rel, b, gitrepo.Auth{}, "main")
		if err != nil {
			t.Fatalf("clone by path: %v", err)
		}
		if res.Files != len(seedFiles) {
			t.Fatalf("clone by path: %d files", res.Files)
		}
		if ra, err = gitrepo.Submit(ctx, a, submission(map[string]string{pa: "office: VPTU\n"}, msg("programme", "VPTU", "2026-Q3"))); err != nil {
			t.Fatalf("submit a: %v", err)
		}
		// b's clone is stale: the server refuses its first push (the branch moved), b rebuilds on a's commit.
		if rb, err = gitrepo.Submit(ctx, b, submission(map[string]string{pb: "office: VPUBND\n"}, msg("programme", "VPUBND", "2026-Q3"))); err != nil {
			t.Fatalf("submit b: %v", err)
		}
		if sa, err = gitrepo.Sync(ctx, a, gitrepo.SyncOptions{}); err != nil {
			t.Fatalf("sync a: %v", err)
		}
	})
	if !ra.Pushed || !rb.Pushed || rb.Retries != 1 {
		t.Fatalf("a %+v\nb %+v", ra, rb)
	}
	if len(sa.Updated) != 1 || sa.Updated[0] != pb {
		t.Fatalf("sync brought %v", sa.Updated)
	}
	if got, _ := os.ReadFile(filepath.Join(a, pb)); string(got) != "office: VPUBND\n" {
		t.Fatalf("a's worktree after sync: %q", got)
	}
	if log := gittest.Run(t, bare, nil, "log", "--format=%s", "main"); log != "programme(VPUBND): 2026-Q3\nprogramme(VPTU): 2026-Q3\ninit" {
		t.Fatalf("history:\n%s", log)
	}
	if gittest.Run(t, bare, nil, "rev-list", "--merges", "main") != "" {
		t.Fatal("not linear")
	}
	// b's origin is the folder's absolute path (a relative one would depend on where coord ran).
	if u := gittest.Run(t, b, nil, "config", "remote.origin.url"); u != bare {
		t.Fatalf("b's origin %q, want %q", u, bare)
	}
	for _, d := range []string{bare, a, b} {
		gittest.Fsck(t, d)
	}
	for _, d := range []string{a, b} {
		if out := gittest.Run(t, d, nil, "status", "--porcelain"); out != "" {
			t.Fatalf("%s: status %q", d, out)
		}
	}
	// A submission's few objects are stored loose in the shared repository, as git-receive-pack does
	// below receive.unpackLimit, not as one pack per submission.
	if out := gittest.Run(t, bare, nil, "count-objects", "-v"); !strings.Contains(out, "count: ") || strings.Contains(out, "\ncount: 0\n") {
		t.Fatalf("no loose objects:\n%s", out)
	}
}

// Clerks pushing to one shared folder at the same moment: every submission lands, none overwrites another
// (the branch moves only from the value each push saw, under git's lock file), and git reads the result.
func TestFolderRemoteConcurrentPushes(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	const n = 4
	clones := make([]string, n)
	for i := range clones {
		clones[i] = filepath.Join(t.TempDir(), fmt.Sprint("c", i))
		if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), clones[i], gitrepo.Auth{}, "main"); err != nil {
			t.Fatal(err)
		}
	}
	errs := make([]error, n)
	withoutGit(t, func() {
		var wg sync.WaitGroup
		for i := range clones {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				p := fmt.Sprintf("documents/2026/VPUBND/%d-TB-UBND.yaml", i+1)
				_, errs[i] = gitrepo.Submit(context.Background(), clones[i], submission(map[string]string{p: fmt.Sprintf("number: %d\n", i+1)}, msg("document", "VPUBND", fmt.Sprint(i+1))))
			}(i)
		}
		wg.Wait()
	})
	for i, err := range errs {
		if err != nil {
			t.Fatalf("clone %d: %v", i, err)
		}
	}
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("documents/2026/VPUBND/%d-TB-UBND.yaml", i+1)
		if got, ok := gittest.Show(bare, "main", p); !ok || got != fmt.Sprintf("number: %d\n", i+1) {
			t.Fatalf("%s lost: %q", p, got)
		}
	}
	if c := gittest.Run(t, bare, nil, "rev-list", "--count", "main"); c != fmt.Sprint(n+1) {
		t.Fatalf("%s commits, want %d", c, n+1)
	}
	if _, err := os.Stat(filepath.Join(bare, "refs", "heads", "main.lock")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a lock file stays: %v", err)
	}
	gittest.Fsck(t, bare)
}

// A remote that is a working copy with the branch checked out is refused at once, as git refuses to move
// the branch under someone's files — not retried; an empty folder or a missing one is "no repository".
func TestFolderRemoteRefusals(t *testing.T) {
	work := t.TempDir()
	gittest.Run(t, work, nil, "init", "-q", "-b", "main")
	for p, c := range seedFiles {
		os.MkdirAll(filepath.Dir(filepath.Join(work, p)), 0o755)
		os.WriteFile(filepath.Join(work, p), []byte(c), 0o644)
	}
	gittest.Run(t, work, nil, "add", "-A")
	gittest.Run(t, work, nil, "commit", "-q", "-m", "init")
	clone := filepath.Join(t.TempDir(), "c")
	withoutGit(t, func() {
		ctx := context.Background()
		if _, err := gitrepo.Clone(ctx, work, clone, gitrepo.Auth{}, "main"); err != nil {
			t.Fatalf("clone of a working copy: %v", err)
		}
		_, err := gitrepo.Submit(ctx, clone, submission(map[string]string{"programmes/2026/Q3/VPTU.yaml": "office: VPTU\n"}, msg("programme", "VPTU", "2026-Q3")))
		if !errors.Is(err, gitrepo.ErrGit) || !strings.Contains(err.Error(), "is a working copy with the branch main checked out") ||
			!strings.Contains(i18n.Localize(err, i18n.VI), "không phải kho trần (bare)") {
			t.Fatalf("push to a checked-out branch: %v", err)
		}
		for _, u := range []string{t.TempDir(), filepath.Join(t.TempDir(), "khong-co.git"), "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "x.git"))} {
			if _, err := gitrepo.Clone(ctx, u, filepath.Join(t.TempDir(), "d"), gitrepo.Auth{}, "main"); !errors.Is(err, gitrepo.ErrRepoNotFound) {
				t.Errorf("clone of %s: %v", u, err)
			}
		}
	})
	if got := gittest.Run(t, work, nil, "log", "--format=%s", "main"); got != "init" {
		t.Fatalf("the working copy's branch moved: %s", got)
	}
}

// A PC switched off in the middle of a push leaves the branch's lock file (empty) in the shared folder. It
// is no ref — clones and fetches read the branches as before — and the next push takes it over, once it
// has seen that no live process holds it, instead of every office being refused until someone deletes it.
func TestFolderRemoteAbandonedLock(t *testing.T) {
	bare, a := setup(t)
	lock := filepath.Join(bare, "refs", "heads", "main.lock")
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	b := filepath.Join(t.TempDir(), "b")
	withoutGit(t, func() {
		ctx := context.Background()
		if _, err := gitrepo.Clone(ctx, bare, b, gitrepo.Auth{}, "main"); err != nil {
			t.Fatalf("clone beside a lock file: %v", err)
		}
		res, err := gitrepo.Submit(ctx, a, submission(map[string]string{"programmes/2026/Q3/VPTU.yaml": "office: VPTU\n"}, msg("programme", "VPTU", "2026-Q3")))
		if err != nil || !res.Pushed {
			t.Fatalf("push past an abandoned lock: %+v %v", res, err)
		}
		if _, err := gitrepo.Sync(ctx, b, gitrepo.SyncOptions{}); err != nil {
			t.Fatalf("sync: %v", err)
		}
	})
	if _, err := os.Stat(lock); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the lock file stays: %v", err)
	}
	if _, ok := gittest.Show(bare, "main", "programmes/2026/Q3/VPTU.yaml"); !ok {
		t.Fatal("the push did not land")
	}
	if got, _ := os.ReadFile(filepath.Join(b, "programmes/2026/Q3/VPTU.yaml")); string(got) != "office: VPTU\n" {
		t.Fatalf("b after sync: %q", got)
	}
	gittest.Fsck(t, bare)
}

// Large transfers arrive as packs, moved into place index first, each whole (a kill never leaves a
// half-written index): a clone of 150 records and a push of 150 more, over a folder without git.
func TestFolderRemoteLargeTransfers(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	files := map[string]string{}
	for k, v := range seedFiles {
		files[k] = v
	}
	for i := 0; i < 150; i++ {
		files[fmt.Sprintf("documents/2025/VPUBND/%d-TB-UBND.yaml", i+1)] = fmt.Sprintf("number: %d/TB-UBND\n", i+1)
	}
	gittest.Seed(t, bare, files, "init")
	clone := filepath.Join(t.TempDir(), "c")
	more := map[string]string{}
	for i := 0; i < 150; i++ {
		more[fmt.Sprintf("documents/2026/VPUBND/%d-TB-UBND.yaml", i+1)] = fmt.Sprintf("number: %d/TB-UBND\nyear: 2026\n", i+1)
	}
	withoutGit(t, func() {
		res, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), clone, gitrepo.Auth{}, "main")
		if err != nil || res.Files != len(files) {
			t.Fatalf("clone: %+v %v", res, err)
		}
		r, err := gitrepo.Submit(context.Background(), clone, submission(more, msg("document", "VPUBND", "many")))
		if err != nil || !r.Pushed {
			t.Fatalf("push: %+v %v", r, err)
		}
	})
	for _, d := range []string{clone, bare} {
		gittest.Fsck(t, d)
		packs, _ := filepath.Glob(filepath.Join(d, ".git", "objects", "pack", "pack-*.idx"))
		if d == bare {
			packs, _ = filepath.Glob(filepath.Join(d, "objects", "pack", "pack-*.idx"))
		}
		if len(packs) == 0 {
			t.Errorf("%s: no pack stored", d)
		}
		left, _ := filepath.Glob(filepath.Join(d, "*", "coord-incoming-*"))
		left2, _ := filepath.Glob(filepath.Join(d, "coord-incoming-*"))
		if len(left)+len(left2) > 0 {
			t.Errorf("%s: temp folders left: %v %v", d, left, left2)
		}
	}
	if n := gittest.Run(t, bare, nil, "ls-tree", "-r", "--name-only", "main", "documents/2026"); strings.Count(n, "\n")+1 != 150 {
		t.Fatalf("server holds %d new records", strings.Count(n, "\n")+1)
	}
}
