package synth_test

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/datarepo/synth"
)

// digest names every file under dir (but .git) with its content.
func digest(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h := sha256.Sum256(b)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(h[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteRepoIsDeterministic: the same seed writes the same files and, with History, the same commits;
// another seed writes other records. Every kind of record is there, over ten years.
func TestWriteRepoIsDeterministic(t *testing.T) {
	write := func(seed int64) string {
		dir := t.TempDir()
		if err := synth.WriteRepo(dir, 400, seed); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	a, b, c := write(5), write(5), write(6)
	da, db, dc := digest(t, a), digest(t, b), digest(t, c)
	if len(da) != len(db) {
		t.Fatalf("%d files, then %d", len(da), len(db))
	}
	for p, h := range da {
		if db[p] != h {
			t.Errorf("%s differs between two runs with one seed", p)
		}
	}
	same := 0
	for p, h := range da {
		if dc[p] == h {
			same++
		}
	}
	if same == len(da) {
		t.Error("another seed wrote the same repo")
	}
	kinds := map[string]map[string]bool{}
	for p := range da {
		parts := strings.Split(p, "/")
		if len(parts) > 2 {
			if kinds[parts[0]] == nil {
				kinds[parts[0]] = map[string]bool{}
			}
			kinds[parts[0]][parts[1]] = true
		}
	}
	for _, k := range []string{"programmes", "consolidated", "documents", "conclusions", "petitions"} {
		if len(kinds[k]) != 10 {
			t.Errorf("%s: %d years, want ten", k, len(kinds[k]))
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is needed for the history")
	}
	env := append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	head := func(dir string) string {
		if err := synth.History(dir, env); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
		if err != nil {
			t.Fatal(err)
		}
		st, err := exec.Command("git", "-C", dir, "status", "--porcelain").Output()
		if err != nil || len(st) > 0 {
			t.Fatalf("the worktree is not the last commit's: %v\n%s", err, st)
		}
		return strings.TrimSpace(string(out))
	}
	if ha, hb := head(a), head(b); ha != hb {
		t.Errorf("one seed, two histories: %s and %s", ha, hb)
	}
	out, err := exec.Command("git", "-C", a, "rev-list", "--count", "HEAD").Output()
	if n, _ := strconv.Atoi(strings.TrimSpace(string(out))); err != nil || n <= 400 {
		t.Errorf("a history of %s commits (%v), want one per record", out, err)
	}
}
