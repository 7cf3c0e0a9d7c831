package gitrepo_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// Unpushed lists the clone's own commits the server lacks (a submission with NoPush), with their paths and
// trailers, and nothing once they are pushed; the sync journal keeps the tips around a sync, and Between
// lists what the server brought in between.
func TestUnpushedAndSyncJournal(t *testing.T) {
	bare, clone := setup(t)
	if got, err := gitrepo.Unpushed(clone, "origin", "main"); err != nil || len(got) != 0 {
		t.Fatalf("fresh clone: %v %v", got, err)
	}
	if _, ok, err := gitrepo.LastSync(clone); ok || err != nil {
		t.Fatalf("fresh clone has a sync mark: %v %v", ok, err)
	}

	p := "programmes/2026/Q4/VPUBND.yaml"
	s := submission(map[string]string{p: "kind: programme\noffice: VPUBND\n"}, msg("programme", "VPUBND", "2026-Q4"))
	s.NoPush = true
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := gitrepo.Unpushed(clone, "origin", "main")
	if err != nil || len(got) != 1 {
		t.Fatalf("unpushed %+v %v", got, err)
	}
	u := got[0]
	if u.Hash != res.Commit || !reflect.DeepEqual(u.Paths, []string{p}) || !u.When.Equal(clock()) || u.AuthorEmail != "ha@vpubnd.example.vn" {
		t.Fatalf("unpushed entry %+v", u)
	}
	want := [][2]string{{"Coord-Kind", "programme"}, {"Coord-Office", "VPUBND"}, {"Coord-Period", "2026-Q4"}}
	if tr := gitrepo.Trailers(u.Message); !reflect.DeepEqual(tr, want) {
		t.Fatalf("trailers %v", tr)
	}

	// Another office submits meanwhile; the sync brings it and pushes ours.
	gittest.Seed(t, bare, map[string]string{"programmes/2026/Q4/VPTU.yaml": "kind: programme\noffice: VPTU\n"},
		"programme(VPTU): 2026-Q4\n\nCoord-Kind: programme\nCoord-Office: VPTU\nCoord-Period: 2026-Q4")
	before, err := gitrepo.TrackingTip(clone, "origin", "main")
	if err != nil || len(before) != 40 {
		t.Fatalf("tracking tip %q %v", before, err)
	}
	if _, err := gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	after, _ := gitrepo.TrackingTip(clone, "origin", "main")
	when := time.Date(2026, 9, 4, 8, 0, 0, 0, time.UTC)
	if err := gitrepo.RecordSync(clone, gitrepo.SyncMark{When: when, Before: before, After: after}); err != nil {
		t.Fatal(err)
	}
	if got, err := gitrepo.Unpushed(clone, "origin", "main"); err != nil || len(got) != 0 {
		t.Fatalf("after sync: %v %v", got, err)
	}
	mark, ok, err := gitrepo.LastSync(clone)
	if err != nil || !ok || !mark.When.Equal(when) || mark.Before != before || mark.After != after {
		t.Fatalf("last sync %+v %v %v", mark, ok, err)
	}
	between, err := gitrepo.Between(clone, mark.Before, mark.After)
	if err != nil || len(between) != 2 {
		t.Fatalf("between: %+v %v", between, err)
	}
	if between[0].AuthorEmail != "test@example.vn" || !reflect.DeepEqual(between[0].Paths, []string{"programmes/2026/Q4/VPTU.yaml"}) {
		t.Fatalf("the other office's commit first: %+v", between[0])
	}
	if between[1].AuthorEmail != "ha@vpubnd.example.vn" || !reflect.DeepEqual(between[1].Paths, []string{p}) {
		t.Fatalf("our rebuilt commit second: %+v", between[1])
	}

	// The journal keeps the last marks only, and a damaged one reads as empty (it is a cache).
	for i := 0; i < 30; i++ {
		if err := gitrepo.RecordSync(clone, gitrepo.SyncMark{When: when.Add(time.Duration(i) * time.Hour), After: after}); err != nil {
			t.Fatal(err)
		}
	}
	dir, _ := gitrepo.CacheDir(clone)
	data, _ := os.ReadFile(filepath.Join(dir, "synced-v1"))
	if n := strings.Count(string(data), "\n"); n != 21 {
		t.Fatalf("journal has %d lines:\n%s", n, data)
	}
	if mark, _, _ := gitrepo.LastSync(clone); mark.Before != "" || !mark.When.Equal(when.Add(29*time.Hour)) {
		t.Fatalf("last of many %+v", mark)
	}
	os.WriteFile(filepath.Join(dir, "synced-v1"), []byte("coord synced v1\nnot a mark\n"), 0o644)
	if _, ok, err := gitrepo.LastSync(clone); ok || err != nil {
		t.Fatalf("damaged journal read as %v %v", ok, err)
	}

	// Outside a clone: ErrNotRepo.
	if _, err := gitrepo.TrackingTip(t.TempDir(), "origin", "main"); !errors.Is(err, gitrepo.ErrNotRepo) {
		t.Fatalf("not a repo: %v", err)
	}
}

// A clone without the remote has no server to be behind: nothing is unpushed.
func TestUnpushedWithoutRemote(t *testing.T) {
	_, clone := setup(t)
	gittest.Run(t, clone, nil, "remote", "remove", "origin")
	s := submission(map[string]string{"consolidated/2026/Q3.yaml": "kind: consolidated\n"}, msg("consolidated", "VPTU", "2026-Q3"))
	s.AllowNoRemote = true
	if _, err := gitrepo.Submit(context.Background(), clone, s); err != nil {
		t.Fatal(err)
	}
	if got, err := gitrepo.Unpushed(clone, "origin", "main"); err != nil || got != nil {
		t.Fatalf("%v %v", got, err)
	}
}

func TestTrailers(t *testing.T) {
	for msg, want := range map[string][][2]string{
		"subject only\n": nil,
		"fix: a subject that looks like a trailer\n": nil,
		"document(VPUBND): 2 records\n\nCoord-Kind: document\nCoord-Office: VPUBND\nCoord-Id: 12/TB-UBND\nCoord-Kind: document\nCoord-Office: VPUBND\nCoord-Id: 13/TB-UBND\n": {
			{"Coord-Kind", "document"}, {"Coord-Office", "VPUBND"}, {"Coord-Id", "12/TB-UBND"},
			{"Coord-Kind", "document"}, {"Coord-Office", "VPUBND"}, {"Coord-Id", "13/TB-UBND"}},
		"s\n\nbody text: not a trailer paragraph\nwith words\n\nSigned-off-by: A <a@b.c>\n": {{"Signed-off-by", "A <a@b.c>"}},
	} {
		if got := gitrepo.Trailers(msg); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, want %v", msg, got, want)
		}
	}
}
