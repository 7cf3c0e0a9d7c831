package gitrepo_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/internal/testtree"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// The first commit of a new data repo reaches an empty bare repository over file:// with its author,
// message and files; the clone is set up as `coord clone` sets one up (origin, main tracking it, nothing
// pending), so `coord sync` works at once. A server that already has a branch is refused before anything
// is written, and so is a folder with history or inside another repository.
func TestPushFirst(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	dir := filepath.Join(t.TempDir(), "tinh")
	files := map[string]string{"coord.yaml": "kind: settings\r\ncoordinator: VPTU\r\n", "registry/offices.yaml": "kind: offices\n", ".gitattributes": "* text=auto eol=lf\n"}
	testtree.Write(t, dir, files)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not part of the first commit\n"), 0o644)
	if err := gitrepo.CheckEmptyRemote(context.Background(), gittest.FileURL(bare), gitrepo.Auth{}); err != nil {
		t.Fatalf("empty bare refused: %v", err)
	}
	if err := gitrepo.FreshRepo(dir, "main"); err != nil {
		t.Fatalf("plain folder not fresh: %v", err)
	}
	message := gitrepo.Message("settings(VPTU): coord init", [][2]string{{gitrepo.KindTrailer, "settings"}, {"Coord-Office", "VPTU"}})
	res, err := gitrepo.PushFirst(context.Background(), dir, gitrepo.FirstPush{URL: gittest.FileURL(bare),
		Paths: []string{".gitattributes", "coord.yaml", "registry/offices.yaml"}, Name: "Lê Thu Hà", Email: "ha.lt@vptu.example.vn",
		Message: message, Now: clock})
	if err != nil || !res.Pushed || res.Pending || res.Files != 3 || res.Branch != "main" {
		t.Fatalf("%+v %v", res, err)
	}
	if head := gittest.Run(t, bare, nil, "rev-parse", "main"); head != res.Commit {
		t.Fatalf("server main %s, pushed %s", head, res.Commit)
	}
	log := gittest.Run(t, bare, nil, "log", "--format=%an <%ae> %aI%n%B", "main")
	if !strings.Contains(log, "Lê Thu Hà <ha.lt@vptu.example.vn> 2026-06-15T09:30:00+07:00") || !strings.Contains(log, "Coord-Kind: settings") {
		t.Fatalf("server log:\n%s", log)
	}
	if got, _ := gittest.Show(bare, "main", "coord.yaml"); got != "kind: settings\ncoordinator: VPTU\n" {
		t.Fatalf("record committed with its CRLF: %q", got)
	}
	if tree := gittest.Run(t, bare, nil, "ls-tree", "-r", "--name-only", "main"); tree != ".gitattributes\ncoord.yaml\nregistry/offices.yaml" {
		t.Fatalf("tree:\n%s", tree)
	}
	if up := gittest.Run(t, dir, nil, "rev-parse", "--abbrev-ref", "main@{upstream}"); up != "origin/main" {
		t.Fatalf("upstream %q", up)
	}
	if got, err := gitrepo.Unpushed(dir, "origin", "main"); err != nil || len(got) != 0 {
		t.Fatalf("pending after the first push: %v %v", got, err)
	}
	if st := gittest.Run(t, dir, nil, "status", "--porcelain"); st != "?? notes.txt" {
		t.Fatalf("status:\n%s", st)
	}
	gittest.Fsck(t, bare)

	// Now the server has main: a second first push is refused, saying how many branches it has.
	err = gitrepo.CheckEmptyRemote(context.Background(), gittest.FileURL(bare), gitrepo.Auth{})
	if !errors.Is(err, gitrepo.ErrRemoteNotEmpty) || !strings.Contains(err.Error(), "already has 1 branches") {
		t.Fatalf("non-empty server: %v", err)
	}
	// The folder has history now, and a folder inside it is inside another repository.
	if err := gitrepo.FreshRepo(dir, "main"); !errors.Is(err, gitrepo.ErrNotFresh) {
		t.Fatalf("repo with commits: %v", err)
	}
	if err := gitrepo.FreshRepo(filepath.Join(dir, "sub"), "main"); !errors.Is(err, gitrepo.ErrNotFresh) || !strings.Contains(err.Error(), "inside the git repository") {
		t.Fatalf("folder inside a repo: %v", err)
	}
	// No repository at that address: the server says so, nothing is refused as "not empty".
	if err := gitrepo.CheckEmptyRemote(context.Background(), gittest.FileURL(filepath.Join(root, "none.git")), gitrepo.Auth{}); err == nil || errors.Is(err, gitrepo.ErrRemoteNotEmpty) {
		t.Fatalf("missing repository: %v", err)
	}
}
