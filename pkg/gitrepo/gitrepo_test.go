package gitrepo_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/gofrs/flock"
)

var seedFiles = map[string]string{
	"coord.yaml":            "kind: settings\nversion: 1\nprovince: Đồng Nai\n",
	"registry/offices.yaml": "kind: offices\noffices: []\n",
	".gitattributes":        "* text=auto eol=lf\n",
}

var clock = func() time.Time { return time.Date(2026, 6, 15, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600)) }

// setup makes a seeded bare repo served over file:// and returns it with a fresh coord clone of it.
func setup(t *testing.T) (bare, clone string) {
	t.Helper()
	root := t.TempDir()
	bare = gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	clone = filepath.Join(t.TempDir(), "clone")
	if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), clone, gitrepo.Auth{}, "main"); err != nil {
		t.Fatalf("clone: %v", err)
	}
	return bare, clone
}

func submission(files map[string]string, msg string) gitrepo.Submission {
	fs := map[string][]byte{}
	for p, c := range files {
		fs[p] = []byte(c)
	}
	return gitrepo.Submission{Files: fs, Name: "Lê Thu Hà", Email: "ha@vpubnd.example.vn", Message: msg, Now: clock}
}

func msg(kind, office, period string) string {
	return gitrepo.Message(kind+"("+office+"): "+period, [][2]string{{"Coord-Kind", kind}, {"Coord-Office", office}, {"Coord-Period", period}})
}

// clean asserts that the git CLI sees the clone exactly as committed (index stat info is right).
func clean(t *testing.T, clone string) {
	t.Helper()
	if out := gittest.Run(t, clone, nil, "status", "--porcelain", "--untracked-files=all"); out != "" {
		t.Fatalf("git status in the clone is not clean:\n%s", out)
	}
	// Diffing the index against the worktree without refreshing stat info catches stale entries too.
	if out, err := gittest.Try(clone, nil, "diff-files", "--quiet"); err != nil {
		t.Fatalf("index stat info is stale: %v %s", err, out)
	}
}

func TestSubmitFileRemote(t *testing.T) {
	bare, clone := setup(t)
	p := "programmes/2026/Q3/VPUBND.yaml"
	res, err := gitrepo.Submit(context.Background(), clone, submission(map[string]string{p: "kind: programme\noffice: VPUBND\n"}, msg("programme", "VPUBND", "2026-Q3")))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Pushed || res.Pending || res.Unchanged || len(res.Changed) != 1 {
		t.Fatalf("result %+v", res)
	}
	got, ok := gittest.Show(bare, "main", p)
	if !ok || got != "kind: programme\noffice: VPUBND\n" {
		t.Fatalf("server content %q %v", got, ok)
	}
	if head := gittest.Run(t, bare, nil, "rev-parse", "main"); head != res.Commit {
		t.Fatalf("server main %s, result %s", head, res.Commit)
	}
	body := gittest.Run(t, bare, nil, "log", "-1", "--format=%an <%ae>|%cI|%B", "main")
	for _, want := range []string{"Lê Thu Hà <ha@vpubnd.example.vn>", "2026-06-15T09:30:00+07:00", "programme(VPUBND): 2026-Q3",
		"Coord-Kind: programme", "Coord-Office: VPUBND", "Coord-Period: 2026-Q3"} {
		if !strings.Contains(body, want) {
			t.Errorf("commit lacks %q:\n%s", want, body)
		}
	}
	if tr := gittest.Run(t, bare, nil, "log", "-1", "--format=%(trailers:key=Coord-Kind,valueonly)", "main"); tr != "programme" {
		t.Errorf("git does not read the Coord-Kind trailer: %q", tr)
	}
	clean(t, clone)
	gittest.Fsck(t, clone)
	gittest.Fsck(t, bare)
	if b, _ := os.ReadFile(filepath.Join(clone, p)); string(b) != "kind: programme\noffice: VPUBND\n" {
		t.Fatalf("worktree file %q", b)
	}
	// Submitting the same content again commits nothing.
	res2, err := gitrepo.Submit(context.Background(), clone, submission(map[string]string{p: "kind: programme\noffice: VPUBND\n"}, msg("programme", "VPUBND", "2026-Q3")))
	if err != nil || !res2.Unchanged || res2.Commit != res.Commit {
		t.Fatalf("resubmit: %+v %v", res2, err)
	}
	// A changed file on a path in an existing folder: only that path changes; siblings are kept.
	res3, err := gitrepo.Submit(context.Background(), clone, submission(map[string]string{p: "kind: programme\noffice: VPUBND\nitems: []\n", "programmes/2026/Q3/VPTU.yaml": "x: 1\n"}, msg("programme", "VPUBND", "2026-Q3")))
	if err != nil || !res3.Pushed {
		t.Fatal(res3, err)
	}
	files := gittest.Run(t, bare, nil, "ls-tree", "-r", "--name-only", "main")
	if files != ".gitattributes\ncoord.yaml\nprogrammes/2026/Q3/VPTU.yaml\nprogrammes/2026/Q3/VPUBND.yaml\nregistry/offices.yaml" {
		t.Fatalf("tree after two submissions:\n%s", files)
	}
	clean(t, clone)
}

func TestSubmitHTTPWithToken(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	srv := gittest.NewServer(t, root, "coord", "s3cret-token-123")
	clone := filepath.Join(t.TempDir(), "clone")
	auth := gitrepo.Auth{Token: "s3cret-token-123"}
	cr, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), clone, auth, "main")
	if err != nil {
		t.Fatal(err)
	}
	if cr.Files != len(seedFiles) {
		t.Fatalf("clone: %+v", cr)
	}
	s := submission(map[string]string{"documents/2026/VPUBND/12-TB-UBND.yaml": "kind: document\n"}, msg("document", "VPUBND", "12/TB-UBND"))
	s.Auth = auth
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil || !res.Pushed {
		t.Fatalf("%+v %v", res, err)
	}
	if _, ok := gittest.Show(bare, "main", "documents/2026/VPUBND/12-TB-UBND.yaml"); !ok {
		t.Fatal("not on the server")
	}
	clean(t, clone)
	// Sync with nothing to do.
	sr, err := gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{Auth: auth})
	if err != nil || sr.Pending != 0 || len(sr.Updated) != 0 {
		t.Fatalf("sync: %+v %v", sr, err)
	}
}

// noSecret fails when err, in any form a user could see, contains the secret.
func noSecret(t *testing.T, err error, secret string) {
	t.Helper()
	for _, s := range []string{err.Error(), i18n.Localize(err, i18n.VI), i18n.Localize(err, i18n.EN)} {
		if strings.Contains(s, secret) {
			t.Fatalf("the message shows the secret: %s", s)
		}
	}
}

func TestWrongToken(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	srv := gittest.NewServer(t, root, "coord", "right-token-abc")
	clone := filepath.Join(t.TempDir(), "clone")
	wrong := gitrepo.Auth{Token: "wrong-token-XYZ"}
	_, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), clone, wrong, "main")
	if !errors.Is(err, gitrepo.ErrAuth) {
		t.Fatalf("want ErrAuth, got %v", err)
	}
	noSecret(t, err, "wrong-token-XYZ")
	if _, serr := os.Stat(clone); !errors.Is(serr, fs.ErrNotExist) {
		t.Fatal("a failed clone left its folder behind")
	}
	// The token written into the URL is a secret too, and is not stored in the clone's config.
	u := strings.Replace(srv.RepoURL("data.git"), "http://", "http://coord:right-token-abc@", 1)
	if _, err := gitrepo.Clone(context.Background(), u, clone, gitrepo.Auth{}, "main"); err != nil {
		t.Fatal(err)
	}
	if cfg, _ := os.ReadFile(filepath.Join(clone, ".git", "config")); bytes.Contains(cfg, []byte("right-token-abc")) {
		t.Fatalf("the token was stored in .git/config:\n%s", cfg)
	}
	wrongURL := strings.Replace(srv.RepoURL("data.git"), "http://", "http://coord:wrong-in-url-777@", 1)
	_, err = gitrepo.Clone(context.Background(), wrongURL, filepath.Join(t.TempDir(), "c2"), gitrepo.Auth{}, "main")
	if !errors.Is(err, gitrepo.ErrAuth) {
		t.Fatalf("want ErrAuth, got %v", err)
	}
	noSecret(t, err, "wrong-in-url-777")
	// A submission with the wrong token: refused with ErrAuth, committed locally, no secret shown.
	s := submission(map[string]string{"a.yaml": "a: 1\n"}, msg("document", "VPUBND", "1/TB-UBND"))
	s.Auth = wrong
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if !errors.Is(err, gitrepo.ErrAuth) || gitrepo.IsRefusal(err) {
		t.Fatalf("want ErrAuth (environment), got %v", err)
	}
	noSecret(t, err, "wrong-token-XYZ")
	if res == nil || res.Commit == "" || res.Pushed {
		t.Fatalf("the commit should stay local: %+v", res)
	}
	if _, ok := gittest.Show(bare, "main", "a.yaml"); ok {
		t.Fatal("pushed with a wrong token")
	}
}

func TestUnreachableThenSync(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	srv := gittest.NewServer(t, root, "coord", "tok-1234")
	auth := gitrepo.Auth{Token: "tok-1234"}
	clone := filepath.Join(t.TempDir(), "clone")
	if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), clone, auth, "main"); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	s := submission(map[string]string{"programmes/2026/Q3/VPTU.yaml": "kind: programme\n"}, msg("programme", "VPTU", "2026-Q3"))
	s.Auth = auth
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil {
		t.Fatalf("offline submit must not fail: %v", err)
	}
	if !res.Pending || res.Pushed || res.Commit == "" {
		t.Fatalf("result %+v", res)
	}
	if local := gittest.Run(t, clone, nil, "rev-parse", "main"); local != res.Commit {
		t.Fatalf("local main %s, commit %s", local, res.Commit)
	}
	clean(t, clone)
	_, err = gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{Auth: auth})
	if !errors.Is(err, gitrepo.ErrUnreachable) {
		t.Fatalf("sync while offline: want ErrUnreachable, got %v", err)
	}
	// Meanwhile another office submits through the (back) server.
	srv.Start(t)
	gittest.Seed(t, bare, map[string]string{"programmes/2026/Q3/VPDBHD.yaml": "kind: programme\n"}, "programme(VPDBHD): 2026-Q3\n\nCoord-Kind: programme")
	sr, err := gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{Auth: auth})
	if err != nil {
		t.Fatal(err)
	}
	if sr.Pending != 1 || sr.Pushed != 1 || len(sr.Updated) != 1 || sr.Updated[0] != "programmes/2026/Q3/VPDBHD.yaml" {
		t.Fatalf("sync result %+v", sr)
	}
	for _, p := range []string{"programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPDBHD.yaml"} {
		if _, ok := gittest.Show(bare, "main", p); !ok {
			t.Fatalf("%s missing on the server", p)
		}
	}
	if merges := gittest.Run(t, bare, nil, "rev-list", "--merges", "main"); merges != "" {
		t.Fatal("history is not linear")
	}
	// The rebuilt commit keeps the original author, message and time.
	if got := gittest.Run(t, bare, nil, "log", "-1", "--format=%an|%cI|%s", "main"); got != "Lê Thu Hà|2026-06-15T09:30:00+07:00|programme(VPTU): 2026-Q3" {
		t.Fatalf("rebuilt commit: %s", got)
	}
	clean(t, clone)
	gittest.Fsck(t, clone)
	gittest.Fsck(t, bare)
}

func TestMissingRemote(t *testing.T) {
	_, clone := setup(t)
	gittest.Run(t, clone, nil, "remote", "remove", "origin")
	before := gittest.Run(t, clone, nil, "rev-parse", "main")
	_, err := gitrepo.Submit(context.Background(), clone, submission(map[string]string{"a.yaml": "a\n"}, msg("document", "VPTU", "x")))
	if !errors.Is(err, gitrepo.ErrNoRemote) {
		t.Fatalf("want ErrNoRemote, got %v", err)
	}
	if after := gittest.Run(t, clone, nil, "rev-parse", "main"); after != before {
		t.Fatal("committed although there is nowhere to push")
	}
	// --no-push needs no remote.
	s := submission(map[string]string{"a.yaml": "a\n"}, msg("document", "VPTU", "x"))
	s.NoPush = true
	if res, err := gitrepo.Submit(context.Background(), clone, s); err != nil || res.Commit == before {
		t.Fatalf("no-push: %+v %v", res, err)
	}
	_, err = gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{})
	if !errors.Is(err, gitrepo.ErrNoRemote) {
		t.Fatalf("sync: want ErrNoRemote, got %v", err)
	}
	// A remote whose repository does not exist on the server.
	root := t.TempDir()
	srv := gittest.NewServer(t, root, "", "")
	_, err = gitrepo.Clone(context.Background(), srv.RepoURL("nothing.git"), filepath.Join(t.TempDir(), "c"), gitrepo.Auth{}, "main")
	if !errors.Is(err, gitrepo.ErrRepoNotFound) {
		t.Fatalf("want ErrRepoNotFound, got %v", err)
	}
	_, err = gitrepo.Clone(context.Background(), gittest.ClosedURL(t), filepath.Join(t.TempDir(), "c"), gitrepo.Auth{}, "main")
	if !errors.Is(err, gitrepo.ErrUnreachable) {
		t.Fatalf("want ErrUnreachable, got %v", err)
	}
	if _, err := gitrepo.Open(t.TempDir()); !errors.Is(err, gitrepo.ErrNotRepo) {
		t.Fatalf("want ErrNotRepo, got %v", err)
	}
}

func TestPullRequestMode(t *testing.T) {
	bare, clone := setup(t)
	mainBefore := gittest.Run(t, bare, nil, "rev-parse", "main")
	localBefore := gittest.Run(t, clone, nil, "rev-parse", "main")
	p := "programmes/2026/Q3/VPUBND.yaml"
	s := submission(map[string]string{p: "kind: programme\n"}, msg("programme", "VPUBND", "2026-Q3"))
	s.PushBranch = "submit/vpubnd-2026-q3"
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil || !res.Pushed || res.Branch != "submit/vpubnd-2026-q3" {
		t.Fatalf("%+v %v", res, err)
	}
	if got, ok := gittest.Show(bare, "submit/vpubnd-2026-q3", p); !ok || got != "kind: programme\n" {
		t.Fatal("the branch does not hold the file")
	}
	if parent := gittest.Run(t, bare, nil, "rev-parse", "submit/vpubnd-2026-q3^"); parent != mainBefore {
		t.Fatalf("the branch is not built on main: parent %s", parent)
	}
	if now := gittest.Run(t, bare, nil, "rev-parse", "main"); now != mainBefore {
		t.Fatal("main moved on the server")
	}
	if now := gittest.Run(t, clone, nil, "rev-parse", "main"); now != localBefore {
		t.Fatal("local main moved")
	}
	if b, _ := os.ReadFile(filepath.Join(clone, p)); string(b) != "kind: programme\n" {
		t.Fatal("the file is not placed in the worktree")
	}
	// A second submission to the same branch adds a commit on top of it.
	s.Files = map[string][]byte{p: []byte("kind: programme\nitems: []\n")}
	res2, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil || !res2.Pushed {
		t.Fatal(err)
	}
	if parent := gittest.Run(t, bare, nil, "rev-parse", "submit/vpubnd-2026-q3^"); parent != res.Commit {
		t.Fatal("the second commit does not build on the first")
	}
	s.PushBranch = "bad..name"
	if _, err := gitrepo.Submit(context.Background(), clone, s); !errors.Is(err, gitrepo.ErrBadPath) {
		t.Fatalf("bad branch name: %v", err)
	}
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[p] = "dir"
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = string(b) + "|" + info.ModTime().String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDryRunChangesNothing(t *testing.T) {
	bare, clone := setup(t)
	before, beforeBare := snapshot(t, clone), snapshot(t, bare)
	s := submission(map[string]string{"programmes/2026/Q3/VPUBND.yaml": "kind: programme\n", "coord.yaml": seedFiles["coord.yaml"]}, msg("programme", "VPUBND", "2026-Q3"))
	s.DryRun = true
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil {
		t.Fatal(err)
	}
	if !res.DryRun || len(res.Changed) != 1 || res.Changed[0] != "programmes/2026/Q3/VPUBND.yaml" || res.Pushed || res.Commit != "" {
		t.Fatalf("dry run result %+v", res)
	}
	after, afterBare := snapshot(t, clone), snapshot(t, bare)
	if len(before) != len(after) || len(beforeBare) != len(afterBare) {
		t.Fatalf("dry run created or removed files: %d→%d, server %d→%d", len(before), len(after), len(beforeBare), len(afterBare))
	}
	for p, v := range before {
		if after[p] != v {
			t.Fatalf("dry run changed %s", p)
		}
	}
	for p, v := range beforeBare {
		if afterBare[p] != v {
			t.Fatalf("dry run changed the server's %s", p)
		}
	}
}

// A push rejected because another office pushed first: rebuilt on top, nothing of theirs lost.
func TestRejectedPushRetriedOnTop(t *testing.T) {
	bare, a := setup(t)
	b := filepath.Join(t.TempDir(), "b")
	if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), b, gitrepo.Auth{}, "main"); err != nil {
		t.Fatal(err)
	}
	ra, err := gitrepo.Submit(context.Background(), a, submission(map[string]string{"programmes/2026/Q3/VPTU.yaml": "office: VPTU\n"}, msg("programme", "VPTU", "2026-Q3")))
	if err != nil || !ra.Pushed {
		t.Fatal(err)
	}
	// b's clone is stale: its push must be rebuilt on a's commit.
	os.WriteFile(filepath.Join(b, "notes.txt"), []byte("a clerk's own scratch file\n"), 0o644)
	rb, err := gitrepo.Submit(context.Background(), b, submission(map[string]string{"programmes/2026/Q3/VPUBND.yaml": "office: VPUBND\n"}, msg("programme", "VPUBND", "2026-Q3")))
	if err != nil || !rb.Pushed || rb.Retries != 1 {
		t.Fatalf("%+v %v", rb, err)
	}
	if len(rb.Updated) != 1 || rb.Updated[0] != "programmes/2026/Q3/VPTU.yaml" {
		t.Fatalf("updated %v", rb.Updated)
	}
	for _, p := range []string{"programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPUBND.yaml"} {
		if _, ok := gittest.Show(bare, "main", p); !ok {
			t.Fatalf("%s lost", p)
		}
	}
	log := gittest.Run(t, bare, nil, "log", "--format=%s", "main")
	if log != "programme(VPUBND): 2026-Q3\nprogramme(VPTU): 2026-Q3\ninit" {
		t.Fatalf("history:\n%s", log)
	}
	if gittest.Run(t, bare, nil, "rev-list", "--merges", "main") != "" {
		t.Fatal("not linear")
	}
	if b2, _ := os.ReadFile(filepath.Join(b, "programmes/2026/Q3/VPTU.yaml")); string(b2) != "office: VPTU\n" {
		t.Fatal("the other office's file did not reach b's worktree")
	}
	if out := gittest.Run(t, b, nil, "status", "--porcelain"); out != "?? notes.txt" {
		t.Fatalf("b's status: %q", out)
	}
	gittest.Fsck(t, bare)
	gittest.Fsck(t, b)
}

// Two clerks change the same record: the second is refused and its commit taken back; the first stays.
func TestConflictRefusedAndRolledBack(t *testing.T) {
	bare, a := setup(t)
	b := filepath.Join(t.TempDir(), "b")
	if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), b, gitrepo.Auth{}, "main"); err != nil {
		t.Fatal(err)
	}
	p := "programmes/2026/Q3/VPUBND.yaml"
	if _, err := gitrepo.Submit(context.Background(), a, submission(map[string]string{p: "by: a\n"}, msg("programme", "VPUBND", "2026-Q3"))); err != nil {
		t.Fatal(err)
	}
	bBefore := gittest.Run(t, b, nil, "rev-parse", "main")
	_, err := gitrepo.Submit(context.Background(), b, submission(map[string]string{p: "by: b\n"}, msg("programme", "VPUBND", "2026-Q3")))
	if !errors.Is(err, gitrepo.ErrConflict) || !gitrepo.IsRefusal(err) {
		t.Fatalf("want ErrConflict, got %v", err)
	}
	if !strings.Contains(i18n.Localize(err, i18n.EN), p) {
		t.Fatalf("message does not name the record: %v", err)
	}
	if got, _ := gittest.Show(bare, "main", p); got != "by: a\n" {
		t.Fatalf("the first office's version was overwritten: %q", got)
	}
	if now := gittest.Run(t, b, nil, "rev-parse", "main"); now != bBefore {
		t.Fatal("b's refused commit is still on its branch")
	}
	if got, _ := os.ReadFile(filepath.Join(b, p)); string(got) != "by: b\n" {
		t.Fatal("b's version is gone from its worktree")
	}
	// b's edit is a local edit of a path the server changed: sync refuses and changes nothing.
	_, err = gitrepo.Sync(context.Background(), b, gitrepo.SyncOptions{})
	if !errors.Is(err, gitrepo.ErrLocalEdits) || !gitrepo.IsRefusal(err) {
		t.Fatalf("want ErrLocalEdits, got %v", err)
	}
	if now := gittest.Run(t, b, nil, "rev-parse", "main"); now != bBefore {
		t.Fatal("sync moved the branch although it refused")
	}
	// Once the clerk moves the edit away, sync brings the server's version.
	os.Remove(filepath.Join(b, p))
	gittest.Run(t, b, nil, "checkout", "--", ".")
	sr, err := gitrepo.Sync(context.Background(), b, gitrepo.SyncOptions{})
	if err != nil || len(sr.Updated) != 1 {
		t.Fatalf("%+v %v", sr, err)
	}
	if got, _ := os.ReadFile(filepath.Join(b, p)); string(got) != "by: a\n" {
		t.Fatal("sync did not bring the server's version")
	}
	clean(t, b)
}

func TestCRLFStoredAsLF(t *testing.T) {
	bare, clone := setup(t)
	p := "documents/2026/VPTU/01-TB-TU.yaml"
	s := submission(map[string]string{p: "kind: document\r\nnumber: 01-TB/TU\r\n"}, msg("document", "VPTU", "01-TB/TU"))
	if _, err := gitrepo.Submit(context.Background(), clone, s); err != nil {
		t.Fatal(err)
	}
	got, _ := gittest.Show(bare, "main", p)
	if got != "kind: document\nnumber: 01-TB/TU\n" {
		t.Fatalf("stored %q", got)
	}
	disk, _ := os.ReadFile(filepath.Join(clone, p))
	if bytes.Contains(disk, []byte("\r")) {
		t.Fatal("CR on disk")
	}
	clean(t, clone)
}

func TestLockWaitsThenFails(t *testing.T) {
	_, clone := setup(t)
	fl := flock.New(filepath.Join(clone, ".git", "coord.lock"))
	if ok, err := fl.TryLock(); !ok || err != nil {
		t.Fatal(err)
	}
	waited := 0
	s := submission(map[string]string{"a.yaml": "a\n"}, msg("document", "VPTU", "x"))
	s.LockWait, s.OnWait = 300*time.Millisecond, func() { waited++ }
	_, err := gitrepo.Submit(context.Background(), clone, s)
	if !errors.Is(err, gitrepo.ErrLocked) || waited != 1 {
		t.Fatalf("want ErrLocked after one wait message, got %v (%d)", err, waited)
	}
	// Released while waiting: the submission goes through.
	go func() { time.Sleep(200 * time.Millisecond); fl.Unlock() }()
	s.LockWait, waited = 10*time.Second, 0
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil || !res.Pushed || waited != 1 {
		t.Fatalf("%+v %v %d", res, err, waited)
	}
}

func TestCommitPathsThenSync(t *testing.T) {
	bare, clone := setup(t)
	p := "consolidated/2026/Q3.yaml"
	h, err := gitrepo.CommitPaths(clone, map[string][]byte{p: []byte("kind: consolidated\n")},
		msg("consolidated", "VPTU", "2026-Q3"), gitrepo.Author{Name: "VPTU", Email: "vptu@example.vn", When: clock()})
	if err != nil || h == "" {
		t.Fatal(err)
	}
	clean(t, clone)
	if _, ok := gittest.Show(bare, "main", p); ok {
		t.Fatal("CommitPaths pushed")
	}
	// Deleting through CommitPaths removes the file and its empty folders.
	h2, err := gitrepo.CommitPaths(clone, map[string][]byte{p: nil}, msg("consolidated", "VPTU", "2026-Q3"), gitrepo.Author{Name: "VPTU", Email: "vptu@example.vn", When: clock()})
	if err != nil || h2 == "" {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(clone, "consolidated")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("empty folder left behind")
	}
	clean(t, clone)
	sr, err := gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{})
	if err != nil || sr.Pending != 2 || sr.Pushed != 2 {
		t.Fatalf("%+v %v", sr, err)
	}
	if n := gittest.Run(t, bare, nil, "rev-list", "--count", "main"); n != "3" {
		t.Fatalf("%s commits on the server", n)
	}
	// A commit made by hand (no Coord-Kind trailer) is not rebuilt by coord.
	os.WriteFile(filepath.Join(clone, "hand.txt"), []byte("x\n"), 0o644)
	gittest.Run(t, clone, nil, "add", "hand.txt")
	gittest.Run(t, clone, nil, "commit", "-q", "-m", "by hand")
	gittest.Seed(t, bare, map[string]string{"other.yaml": "o\n"}, "other\n\nCoord-Kind: document")
	if _, err := gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{}); !errors.Is(err, gitrepo.ErrForeignCommits) {
		t.Fatalf("want ErrForeignCommits, got %v", err)
	}
}

func TestBadPathsRefused(t *testing.T) {
	_, clone := setup(t)
	for _, p := range []string{"../x.yaml", "/abs.yaml", ".git/config", "a//b.yaml", `a\b.yaml`, "a/./b", "C:/x.yaml", ""} {
		s := submission(map[string]string{p: "x\n"}, "m")
		if _, err := gitrepo.Submit(context.Background(), clone, s); !errors.Is(err, gitrepo.ErrBadPath) {
			t.Errorf("%q: want ErrBadPath, got %v", p, err)
		}
	}
}

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		`Get "https://coord:tok123456@git.example.vn/data.git/info/refs": EOF`: `Get "https://git.example.vn/data.git/info/refs": EOF`,
		"ssh://git@host/x.git":    "ssh://host/x.git",
		"plain tok123456 in text": "plain *** in text",
		"http://127.0.0.1:80/x":   "http://127.0.0.1:80/x",
	} {
		if got := gitrepo.Sanitize(in, "tok123456"); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
	if s := (gitrepo.Auth{Token: "tok123456"}).String(); strings.Contains(s, "tok123456") {
		t.Fatal("Auth prints its token")
	}
}

// The index is edited in place: a clone made by the git CLI, in index versions 2, 3 (extended flags) and
// 4 (compressed names), stays clean for git after a submission.
func TestIndexVersionsOfTheGitCLI(t *testing.T) {
	for _, version := range []string{"2", "3", "4"} {
		t.Run("v"+version, func(t *testing.T) {
			bare, _ := setup(t)
			clone := filepath.Join(t.TempDir(), "cli")
			gittest.Run(t, "", nil, "clone", "-q", bare, clone)
			gittest.Run(t, clone, nil, "update-index", "--index-version", version)
			if version == "3" {
				os.WriteFile(filepath.Join(clone, "later.txt"), []byte("later\n"), 0o644)
				gittest.Run(t, clone, nil, "add", "-N", "later.txt") // intent-to-add: an extended flag
			}
			res, err := gitrepo.Submit(context.Background(), clone, submission(map[string]string{"programmes/2026/Q3/VPTU.yaml": "x: 1\n", "zz/last.yaml": "z\n"}, msg("programme", "VPTU", "2026-Q3")))
			if err != nil || !res.Pushed {
				t.Fatal(res, err)
			}
			want := ""
			if version == "3" {
				want = "A later.txt" // " A": intent to add (Run trims the line)
			}
			if out := gittest.Run(t, clone, nil, "status", "--porcelain"); out != want {
				t.Fatalf("status %q, want %q", out, want)
			}
			if out := gittest.Run(t, clone, nil, "ls-files"); out != ".gitattributes\ncoord.yaml\n"+map[bool]string{true: "later.txt\n"}[version == "3"]+"programmes/2026/Q3/VPTU.yaml\nregistry/offices.yaml\nzz/last.yaml" {
				t.Fatalf("index entries:\n%s", out)
			}
			gittest.Fsck(t, clone)
		})
	}
}
