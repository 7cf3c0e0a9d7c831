package workspace_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/datarepo/synth"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/workspace"
)

// The parse cache never changes what coord check finds: after each change below, a check through the cache
// finds exactly what a cold check (the cache deleted) finds, and decodes only what it must.
func TestCacheFindsWhatAColdCheckFinds(t *testing.T) {
	root := troubled(t)
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil { // the cache lives in .git/coord
		t.Fatal(err)
	}
	cacheDir := filepath.Join(root, ".git", "coord", "parse")
	asOf := func(loc *time.Location) (time.Time, error) { return time.Date(2026, 9, 1, 0, 0, 0, 0, loc), nil }
	check := func() *workspace.Checked {
		t.Helper()
		c, err := workspace.Check(root, workspace.Options{AsOf: asOf}, rules.All())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// step checks through the cache, then cold, and compares; decoded bounds what the warm check decoded.
	step := func(name string, decodedAtMost int) {
		t.Helper()
		warm := check()
		if err := os.RemoveAll(cacheDir); err != nil {
			t.Fatal(err)
		}
		cold := check()
		if !reflect.DeepEqual(warm.Findings, cold.Findings) || warm.Files != cold.Files || warm.Records != cold.Records {
			t.Fatalf("%s: through the cache %d findings (%d files, %d records), cold %d (%d, %d)", name,
				len(warm.Findings), warm.Files, warm.Records, len(cold.Findings), cold.Files, cold.Records)
		}
		if warm.Decoded > decodedAtMost {
			t.Errorf("%s: decoded %d files through the cache, want at most %d", name, warm.Decoded, decodedAtMost)
		}
		if cold.Decoded < cold.Records/2 {
			t.Errorf("%s: the cold check decoded only %d of %d records", name, cold.Decoded, cold.Records)
		}
	}
	path := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	read := func(rel string) []byte {
		b, err := os.ReadFile(path(rel))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	put := func(rel string, b []byte) {
		if err := os.WriteFile(path(rel), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check() // the cache written

	step("unchanged", 0)

	const prog = "programmes/2026/Q3/VPTU.yaml"
	orig := read(prog)
	changed := bytes.Replace(orig, []byte("when: 2026-07-"), []byte("when: 2026-13-"), 1)
	if bytes.Equal(orig, changed) {
		t.Fatal("nothing to change in the programme")
	}
	put(prog, changed)
	step("a programme changed", 1)

	put(prog, orig)
	step("reverted to its older content", 1)

	const doc = "documents/2026/VPTU/tb-1.yaml"
	if err := os.Rename(path(doc), path("documents/2026/VPTU/tb-moved.yaml")); err != nil {
		t.Fatal(err)
	}
	step("renamed in its folder", 0)
	if err := os.MkdirAll(path("documents/2025/VPTU"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path("documents/2026/VPTU/tb-moved.yaml"), path("documents/2025/VPTU/tb-moved.yaml")); err != nil {
		t.Fatal(err)
	}
	step("moved to another year's folder", 1)

	const pet = "petitions/2026/VPDBHD/VPDBHD-2026-000045.yaml"
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path(pet), later, later); err != nil {
		t.Fatal(err)
	}
	step("touched without change", 0)

	// The same size and modification time, another content: only the change time (and the racy-git rule, see
	// datarepo's TestCacheRacyGit) tells.
	const concl = "conclusions/2025/VPTU/kl-1.yaml"
	st, err := os.Stat(path(concl))
	if err != nil {
		t.Fatal(err)
	}
	b := read(concl)
	put(concl, bytes.Replace(b, []byte("2025-02-03"), []byte("2025-02-31"), 1))
	if err := os.Chtimes(path(concl), st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	step("changed within the second, size and time kept", 1)

	// A cache written by another coord: read by none.
	shards, err := filepath.Glob(filepath.Join(cacheDir, "*"))
	if err != nil || len(shards) < 10 {
		t.Fatalf("%d cache files (%v)", len(shards), err)
	}
	for _, s := range shards {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		head, rest, _ := strings.Cut(string(b), "\n")
		_, rest, _ = strings.Cut(rest, "\n")
		if err := os.WriteFile(s, []byte(head+"\nan older coord\n"+rest), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	warm := check()
	if warm.Decoded < warm.Records {
		t.Errorf("an older coord's cache was read: %d of %d records decoded", warm.Decoded, warm.Records)
	}
	step("after an older coord's cache", 0) // rebuilt by the check above

	// Damaged: cut short, a byte changed, garbage, empty.
	for i, s := range shards[:4] {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		switch i {
		case 0:
			b = b[:len(b)/2]
		case 1:
			b[len(b)/3] ^= 0x40
		case 2:
			b = []byte("coord parse cache 1\n\x00\xff garbage")
		case 3:
			b = nil
		}
		if err := os.WriteFile(s, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	step("a damaged cache", 4000)
	step("after the damaged cache was rebuilt", 0)
}

// TestCacheOfALargeRepo: ten years of synthetic records, decoded once, then read from the cache.
func TestCacheOfALargeRepo(t *testing.T) {
	root := t.TempDir()
	if err := synth.Write(root, 5000, 3); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	var first *workspace.Checked
	for i := 0; i < 2; i++ {
		c, err := workspace.Check(root, workspace.Options{}, rules.All())
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = c
			if c.Decoded < 5000 {
				t.Errorf("cold: %d decoded", c.Decoded)
			}
			continue
		}
		if c.Decoded != 0 || !reflect.DeepEqual(c.Findings, first.Findings) {
			t.Errorf("warm: %d decoded, %d findings (cold %d)", c.Decoded, len(c.Findings), len(first.Findings))
		}
	}
}
