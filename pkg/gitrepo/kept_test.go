package gitrepo_test

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/go-git/go-git/v5/plumbing"
)

// TestReadKept: ReadKept gives what ReadAt gives — files at the top and in folders, nothing for a path that is
// absent, a folder, or runs through a file — from objects packed by git gc as from loose ones, at any commit;
// what it keeps is only ever an object under its own id, and a kept file that is damaged or holds another
// object is read from git again and put right.
func TestReadKept(t *testing.T) {
	_, clone := setup(t)
	write := func(rel, s string) {
		p := filepath.Join(clone, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(msg string) {
		gittest.Run(t, clone, nil, "add", "-A")
		gittest.Run(t, clone, nil, "commit", "-q", "-m", msg)
	}
	write("coord.yaml", "province: Tây Ninh\ncoordinator: VPTU\n")
	write("registry/offices.yaml", "offices:\n  - code: VPTU\n")
	write("registry/deep/more.yaml", "x: 1\n")
	commit("registry")
	gittest.Run(t, clone, nil, "gc", "-q") // the objects in a pack, as in a clone
	paths := []string{"coord.yaml", "registry/offices.yaml", "registry/deep/more.yaml", "registry/none.yaml", "registry",
		"registry/deep", "coord.yaml/x", "nowhere/a.yaml"}
	same := func(rev string) map[string][]byte {
		t.Helper()
		x, err := gitrepo.OpenReader(clone)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		want, err := x.ReadAt(rev, paths...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := x.ReadKept(rev, paths...)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatalf("%s: ReadKept %q, ReadAt %q", rev, got, want)
		}
		return got
	}
	dir := filepath.Join(clone, ".git", "coord", gitrepo.KeptDir)
	kept := func() []string {
		t.Helper()
		es, _ := os.ReadDir(dir)
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}
	// Every kept file is an object under its id: a blob or a tree.
	honest := func() {
		t.Helper()
		for _, n := range kept() {
			b, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			if plumbing.ComputeHash(plumbing.BlobObject, b).String() != n && plumbing.ComputeHash(plumbing.TreeObject, b).String() != n {
				t.Errorf("kept %s is not that object: %q", n, b)
			}
		}
	}
	got := same("HEAD")
	if len(got) != 3 {
		t.Fatalf("files read: %q", got)
	}
	// The three blobs and the two folders below the top tree (the top tree is new at every commit: not kept).
	if n := len(kept()); n != 5 {
		t.Errorf("kept %d objects, want 5: %v", n, kept())
	}
	honest()
	same("HEAD") // read from what is kept
	// Damaged, and swapped: every kept file holds the wrong bytes; the next read is git's, and puts them right.
	names := kept()
	for i, n := range names {
		junk := []byte("damaged\n")
		if i%2 == 1 { // another object's content under this id
			junk, _ = os.ReadFile(filepath.Join(dir, names[(i+1)%len(names)]))
		}
		if err := os.WriteFile(filepath.Join(dir, n), junk, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	same("HEAD")
	honest()
	// A later commit changes a file: each commit reads as it has them.
	write("registry/offices.yaml", "offices:\n  - code: VPTU\n  - code: VPUBND\n")
	commit("one more office")
	if got := same("HEAD"); !strings.Contains(string(got["registry/offices.yaml"]), "VPUBND") {
		t.Errorf("HEAD: %q", got["registry/offices.yaml"])
	}
	if got := same("HEAD~1"); strings.Contains(string(got["registry/offices.yaml"]), "VPUBND") {
		t.Errorf("HEAD~1: %q", got["registry/offices.yaml"])
	}
	honest()
}

// TestReadKeptPrunes: past KeptMax objects the oldest go when a read keeps a new one; what an interrupted write
// left goes an hour on, not before (another run may be writing it).
func TestReadKeptPrunes(t *testing.T) {
	_, clone := setup(t)
	p := filepath.Join(clone, "registry", "offices.yaml")
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte("offices: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gittest.Run(t, clone, nil, "add", "-A")
	gittest.Run(t, clone, nil, "commit", "-q", "-m", "registry")
	dir := filepath.Join(clone, ".git", "coord", gitrepo.KeptDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Hour)
	put := func(name string, at time.Time) {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(f, at, at); err != nil {
			t.Fatal(err)
		}
	}
	for i := range gitrepo.KeptMax + 10 {
		put(fmt.Sprintf("%040x", i), old.Add(time.Duration(i)*time.Minute))
	}
	put(fsutil.TempPrefix+"1.tmp", old)
	put(fsutil.TempPrefix+"2.tmp", time.Now())
	x, err := gitrepo.OpenReader(clone)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := x.ReadKept("HEAD", "registry/offices.yaml"); err != nil {
		t.Fatal(err)
	}
	es, _ := os.ReadDir(dir)
	have := map[string]bool{}
	for _, e := range es {
		have[e.Name()] = true
	}
	if len(es) != gitrepo.KeptMax+1 { // the objects, and the young temporary file
		t.Errorf("%d files kept, want %d", len(es), gitrepo.KeptMax+1)
	}
	// KeptMax+10 old objects and the two read (the registry folder and the file): the 12 oldest went.
	for i := range gitrepo.KeptMax + 10 {
		if gone := i < 12; have[fmt.Sprintf("%040x", i)] == gone {
			t.Errorf("old object %d: kept %v", i, !gone)
		}
	}
	read := 0
	for n := range have {
		if !strings.HasPrefix(n, "00000000") && !strings.HasPrefix(n, fsutil.TempPrefix) {
			read++
		}
	}
	if read != 2 {
		t.Errorf("%d objects read kept, want 2: %v", read, have)
	}
	if have[fsutil.TempPrefix+"1.tmp"] || !have[fsutil.TempPrefix+"2.tmp"] {
		t.Errorf("temporary files: %v", have)
	}
}
