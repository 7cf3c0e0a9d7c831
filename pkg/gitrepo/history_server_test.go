package gitrepo_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// purgeServer is a seeded repository served by git http-backend with token, and a way to clone it.
func purgeServer(t *testing.T, token string) (bare string, auth gitrepo.Auth, clone func(name string) string) {
	t.Helper()
	root := t.TempDir()
	bare = gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	srv := gittest.NewServer(t, root, "coord", token)
	auth = gitrepo.Auth{Token: token}
	return bare, auth, func(name string) string {
		dir := filepath.Join(t.TempDir(), name)
		if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), dir, auth, "main"); err != nil {
			t.Fatal(err)
		}
		return dir
	}
}

// leaked is the record that must not stay on the server: a petitioner's name pushed in clear.
const leaked = "petitions/2026/VPUBND/VPUBND-2026-000123.yaml"

// pushLeak submits leaked from the clone dir and pushes it.
func pushLeak(t *testing.T, dir string, auth gitrepo.Auth) {
	t.Helper()
	s := submission(map[string]string{leaked: "kind: petition\npetitioner: Nguyễn Văn A, CCCD 079123456789\n"}, msg("petition", "VPUBND", "VPUBND-2026-000123"))
	s.Auth = auth
	if res, err := gitrepo.Submit(context.Background(), dir, s); err != nil || !res.Pushed {
		t.Fatalf("the leak: %+v %v", res, err)
	}
}

// TestServerPurgeStaysPurged: an administrator removes a commit from the server (a denouncer's name pushed in
// clear) by moving the branch back, as a force push does. Every clone that had fetched the commit drops it at
// its next sync or submit instead of pushing it back, and is told; a clone's own submission that never
// reached the server is kept and pushed.
func TestServerPurgeStaysPurged(t *testing.T) {
	bare, auth, clone := purgeServer(t, "tok-purge-4242")
	ctx := context.Background()
	a, b, c := clone("a"), clone("b"), clone("c")
	before := strings.TrimSpace(gittest.Run(t, bare, nil, "rev-parse", "main"))

	// A pushes the record that must not stay; B and C fetch it.
	pushLeak(t, a, auth)
	for _, dir := range []string{b, c} {
		if _, err := gitrepo.Sync(ctx, dir, gitrepo.SyncOptions{Auth: auth}); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, leaked)); err != nil {
			t.Fatalf("the clone did not fetch the record: %v", err)
		}
	}
	// C, offline, commits a submission of its own on top of what it fetched.
	own := submission(map[string]string{"documents/2026/VPUBND/15-TB-UBND.yaml": "kind: document\n"}, msg("document", "VPUBND", "15/TB-UBND"))
	own.Auth, own.NoPush = auth, true
	if _, err := gitrepo.Submit(ctx, c, own); err != nil {
		t.Fatal(err)
	}

	// The administrator purges it from the server.
	gittest.Run(t, bare, nil, "update-ref", "refs/heads/main", before)

	onServer := func() bool { _, ok := gittest.Show(bare, "main", leaked); return ok }
	// B syncs: the commit is dropped, not pushed back, and B is told.
	sr, err := gitrepo.Sync(ctx, b, gitrepo.SyncOptions{Auth: auth})
	if err != nil {
		t.Fatal(err)
	}
	if len(sr.Dropped) != 1 || !strings.Contains(sr.Dropped[0], "petition(VPUBND)") || onServer() {
		t.Fatalf("B's sync: %+v; on the server again: %v", sr, onServer())
	}
	if _, err := os.Stat(filepath.Join(b, leaked)); !os.IsNotExist(err) {
		t.Fatalf("B still has the purged record: %v", err)
	}
	clean(t, b)

	// B submits something else: only that reaches the server.
	next := submission(map[string]string{"documents/2026/VPUBND/16-TB-UBND.yaml": "kind: document\n"}, msg("document", "VPUBND", "16/TB-UBND"))
	next.Auth = auth
	if res, err := gitrepo.Submit(ctx, b, next); err != nil || !res.Pushed {
		t.Fatalf("B's submit: %+v %v", res, err)
	}
	if onServer() {
		t.Fatal("B's submit pushed the purged record back")
	}

	// A, whose commit it was (already pushed, so not its own pending work), submits without syncing first.
	third := submission(map[string]string{"documents/2026/VPUBND/17-TB-UBND.yaml": "kind: document\n"}, msg("document", "VPUBND", "17/TB-UBND"))
	third.Auth = auth
	res, err := gitrepo.Submit(ctx, a, third)
	if err != nil || !res.Pushed || len(res.Dropped) != 1 {
		t.Fatalf("A's submit: %+v %v", res, err)
	}
	if onServer() {
		t.Fatal("A's submit pushed the purged record back")
	}

	// C syncs: the fetched commit is dropped, its own offline submission is rebuilt and pushed.
	sr, err = gitrepo.Sync(ctx, c, gitrepo.SyncOptions{Auth: auth})
	if err != nil {
		t.Fatal(err)
	}
	if len(sr.Dropped) != 1 || sr.Pushed != 1 || onServer() {
		t.Fatalf("C's sync: %+v; purged record on the server: %v", sr, onServer())
	}
	for _, p := range []string{"documents/2026/VPUBND/15-TB-UBND.yaml", "documents/2026/VPUBND/16-TB-UBND.yaml", "documents/2026/VPUBND/17-TB-UBND.yaml"} {
		if _, ok := gittest.Show(bare, "main", p); !ok {
			t.Errorf("%s is not on the server", p)
		}
	}
	gittest.Fsck(t, bare)
}

// TestServerPurgeFastForward: after the purge nobody pushed, so the server's branch stands on an ancestor of
// every clone that had the commit, and their next push would be a fast-forward that puts it back. The clone
// that made it and one that fetched it each submit without syncing first: each is told, and the purged
// commit stays off the server.
func TestServerPurgeFastForward(t *testing.T) {
	bare, auth, clone := purgeServer(t, "tok-purge-4243")
	ctx := context.Background()
	a, b := clone("a"), clone("b")
	before := strings.TrimSpace(gittest.Run(t, bare, nil, "rev-parse", "main"))
	pushLeak(t, a, auth)
	if _, err := gitrepo.Sync(ctx, b, gitrepo.SyncOptions{Auth: auth}); err != nil {
		t.Fatal(err)
	}
	gittest.Run(t, bare, nil, "update-ref", "refs/heads/main", before)
	onServer := func() bool { _, ok := gittest.Show(bare, "main", leaked); return ok }

	for i, dir := range []string{a, b} {
		n := fmt.Sprint(20 + i)
		next := submission(map[string]string{"documents/2026/VPUBND/" + n + "-TB-UBND.yaml": "kind: document\n"}, msg("document", "VPUBND", n+"/TB-UBND"))
		next.Auth = auth
		res, err := gitrepo.Submit(ctx, dir, next)
		if err != nil || !res.Pushed || len(res.Dropped) != 1 {
			t.Fatalf("%s's submit: %+v %v", filepath.Base(dir), res, err)
		}
		if onServer() {
			t.Fatalf("%s's submit pushed the purged record back", filepath.Base(dir))
		}
		if _, ok := gittest.Show(bare, "main", "documents/2026/VPUBND/"+n+"-TB-UBND.yaml"); !ok {
			t.Fatalf("%s's own submission is not on the server", filepath.Base(dir))
		}
	}
	gittest.Fsck(t, bare)
}

// TestAuthorChecked: an identity git would write wrongly — a control character in the name, a malformed
// email, a clock before 1980 — is refused before anything is committed.
func TestAuthorChecked(t *testing.T) {
	_, clone := setup(t)
	head := strings.TrimSpace(gittest.Run(t, clone, nil, "rev-parse", "HEAD"))
	for _, bad := range []func(*gitrepo.Submission){
		func(s *gitrepo.Submission) { s.Name = "Lê Thu Hà\x1b[31m" },
		func(s *gitrepo.Submission) { s.Name = "  " },
		func(s *gitrepo.Submission) { s.Email = "ha at vptu" },
		func(s *gitrepo.Submission) { s.Email = "Hà <ha@vptu.example.vn>" },
		func(s *gitrepo.Submission) { s.Email = "ha@vptu.example.vn\nX-Evil: 1" },
		func(s *gitrepo.Submission) { s.Now = func() time.Time { return time.Unix(0, 0) } },
	} {
		s := submission(map[string]string{"documents/2026/VPUBND/12-TB-UBND.yaml": "kind: document\n"}, msg("document", "VPUBND", "12/TB-UBND"))
		s.NoPush = true
		bad(&s)
		_, err := gitrepo.Submit(context.Background(), clone, s)
		if err == nil || !strings.Contains(err.Error(), "committer") && !strings.Contains(err.Error(), "clock") {
			t.Errorf("%q <%q> at %v: %v", s.Name, s.Email, s.Now(), err)
		}
		if gitrepo.IsRefusal(err) {
			t.Errorf("an invalid identity is bad usage (exit 2), not a refusal: %v", err)
		}
	}
	if now := strings.TrimSpace(gittest.Run(t, clone, nil, "rev-parse", "HEAD")); now != head {
		t.Fatal("something was committed")
	}
}
