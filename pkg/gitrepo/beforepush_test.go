package gitrepo_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
)

// secondClone is another office's clone of the same server.
func secondClone(t *testing.T, bare string) string {
	t.Helper()
	c := filepath.Join(t.TempDir(), "other")
	if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), c, gitrepo.Auth{}, "main"); err != nil {
		t.Fatal(err)
	}
	return c
}

// When the server moved, BeforePush sees what it brought since the clone's base (read from the rebuilt
// tree, limited by OthersOnly, the submission's own paths excepted) before the rebuilt commit is pushed.
func TestBeforePushSeesOthersWork(t *testing.T) {
	bare, a := setup(t)
	b := secondClone(t, bare)
	other := map[string]string{
		"programmes/2026/Q3/VPTU.yaml": "kind: programme\noffice: VPTU\n",
		"petitions/2026/VPTU/1.yaml":   "kind: petition\n",
	}
	if _, err := gitrepo.Submit(context.Background(), a, submission(other, msg("programme", "VPTU", "2026-Q3"))); err != nil {
		t.Fatal(err)
	}
	var seen []map[string][]byte
	s := submission(map[string]string{"programmes/2026/Q3/VPUBND.yaml": "kind: programme\noffice: VPUBND\n"}, msg("programme", "VPUBND", "2026-Q3"))
	s.OthersOnly = func(p string) bool { return strings.HasPrefix(p, "programmes/") || p == "programmes/" }
	s.BeforePush = func(others map[string][]byte) error { seen = append(seen, others); return nil }
	res, err := gitrepo.Submit(context.Background(), b, s)
	if err != nil || !res.Pushed || res.Retries != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if len(seen) != 1 || len(seen[0]) != 1 || string(seen[0]["programmes/2026/Q3/VPTU.yaml"]) != other["programmes/2026/Q3/VPTU.yaml"] {
		t.Fatalf("BeforePush saw %q", seen)
	}
	// Nothing moved on the server: a plain push, BeforePush is not asked.
	seen = nil
	s.Files = map[string][]byte{"programmes/2026/Q3/VPUBND.yaml": []byte("kind: programme\noffice: VPUBND\nnote: x\n")}
	if res, err := gitrepo.Submit(context.Background(), b, s); err != nil || !res.Pushed || len(seen) != 0 {
		t.Fatalf("%+v %v %q", res, err, seen)
	}
	clean(t, b)
}

// A refusal from BeforePush stops the push and takes the commit back off the branch (the file stays in the
// worktree); any other error stops the push and keeps the commit for `coord sync`.
func TestBeforePushRefusesOrKeeps(t *testing.T) {
	bare, a := setup(t)
	b := secondClone(t, bare)
	if _, err := gitrepo.Submit(context.Background(), a, submission(map[string]string{"documents/2026/VPTU/5-TB-TU.yaml": "number: 05-TB/TU\n"}, msg("document", "VPTU", "05-TB/TU"))); err != nil {
		t.Fatal(err)
	}
	server := gittest.Run(t, bare, nil, "rev-parse", "main")
	before := gittest.Run(t, b, nil, "rev-parse", "main")
	p := "documents/2026/VPTU/5-QD-TU.yaml"
	s := submission(map[string]string{p: "number: 05-QĐ/TU\n"}, msg("document", "VPTU", "05-QĐ/TU"))
	s.BeforePush = func(others map[string][]byte) error {
		if _, ok := others["documents/2026/VPTU/5-TB-TU.yaml"]; !ok {
			t.Errorf("others: %q", others)
		}
		return gitrepo.Refusal(i18n.Errorf("git.conflict", p, "x"))
	}
	res, err := gitrepo.Submit(context.Background(), b, s)
	if !errors.Is(err, gitrepo.ErrRefused) || !gitrepo.IsRefusal(err) || res.Pushed || res.Commit != "" {
		t.Fatalf("%+v %v", res, err)
	}
	if got := gittest.Run(t, b, nil, "rev-parse", "main"); got != before {
		t.Fatal("the refused commit stayed on the branch")
	}
	if got := gittest.Run(t, bare, nil, "rev-parse", "main"); got != server {
		t.Fatal("the refused commit reached the server")
	}
	if data, err := os.ReadFile(filepath.Join(b, filepath.FromSlash(p))); err != nil || string(data) != "number: 05-QĐ/TU\n" {
		t.Fatalf("the file is not kept: %q %v", data, err)
	}
	if st := gittest.Run(t, b, nil, "status", "--porcelain", "--untracked-files=all"); st != "?? documents/2026/VPTU/5-QD-TU.yaml" {
		t.Fatalf("status: %q", st)
	}

	broken := errors.New("cannot read the registry")
	s.BeforePush = func(map[string][]byte) error { return broken }
	res, err = gitrepo.Submit(context.Background(), b, s)
	if !errors.Is(err, broken) || gitrepo.IsRefusal(err) || res.Pushed || res.Commit == "" {
		t.Fatalf("%+v %v", res, err)
	}
	if got := gittest.Run(t, b, nil, "rev-parse", "main"); got != res.Commit {
		t.Fatal("the commit is not kept for coord sync")
	}
	if got := gittest.Run(t, bare, nil, "rev-parse", "main"); got != server {
		t.Fatal("pushed despite the error")
	}
}
