package gitrepo_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// TestChanges: base..head as git rev-list gives it — the commits of a branch and of what was merged into it,
// oldest first, parents before children — and, for a merge, only what the merge itself changed (an "evil
// merge" is not hidden behind the merged commits).
func TestChanges(t *testing.T) {
	_, clone := setup(t)
	env := []string{"GIT_AUTHOR_DATE=2026-06-12T09:00:00+07:00", "GIT_COMMITTER_DATE=2026-06-12T09:00:00+07:00"}
	write := func(rel, s string) {
		p := filepath.Join(clone, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(msg string) string {
		gittest.Run(t, clone, env, "add", "-A")
		gittest.Run(t, clone, env, "commit", "-q", "-m", msg)
		return strings.TrimSpace(gittest.Run(t, clone, nil, "rev-parse", "HEAD"))
	}
	base := strings.TrimSpace(gittest.Run(t, clone, nil, "rev-parse", "HEAD"))
	write("a.yaml", "a\n")
	a := commit("a")
	gittest.Run(t, clone, nil, "checkout", "-q", "-b", "side", base)
	write("b.yaml", "b\n")
	b := commit("b")
	gittest.Run(t, clone, nil, "checkout", "-q", "main")
	gittest.Run(t, clone, env, "merge", "-q", "--no-ff", "--no-commit", "side")
	write("evil.yaml", "slipped in\n")
	m := commit("merge side")

	got, err := gitrepo.Changes(clone, base, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	paths := map[string]string{}
	for _, c := range got {
		order = append(order, c.Hash)
		paths[c.Hash] = strings.Join(c.Paths, ",")
	}
	if len(got) != 3 || order[2] != m || paths[a] != "a.yaml" || paths[b] != "b.yaml" || paths[m] != "evil.yaml" {
		t.Fatalf("changes %v %v (a %s, b %s, merge %s)", order, paths, a[:7], b[:7], m[:7])
	}
	// The same with the base written as CI systems write it.
	for _, rev := range []string{"HEAD~1", "HEAD^", base[:10]} {
		if got, err := gitrepo.Changes(clone, rev, "HEAD"); err != nil || len(got) == 0 {
			t.Errorf("%s: %d changes, %v", rev, len(got), err)
		}
	}
	if _, err := gitrepo.Changes(clone, "no-such-branch", "HEAD"); err == nil {
		t.Error("an unknown base is not an error")
	}
	// Nothing between a commit and itself.
	if got, err := gitrepo.Changes(clone, "HEAD", "HEAD"); err != nil || len(got) != 0 {
		t.Errorf("HEAD..HEAD: %d, %v", len(got), err)
	}
}
