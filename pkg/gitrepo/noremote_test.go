package gitrepo_test

import (
	"context"
	"errors"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// AllowNoRemote commits in a clone without a remote and says so; a message without a Coord-Kind trailer
// is refused before anything is committed, since neither a retry nor `coord sync` could rebuild it.
func TestAllowNoRemoteAndKindTrailer(t *testing.T) {
	_, clone := setup(t)
	gittest.Run(t, clone, nil, "remote", "remove", "origin")
	before := gittest.Run(t, clone, nil, "rev-parse", "main")
	s := submission(map[string]string{"consolidated/2026/Q3.yaml": "kind: consolidated\n"}, msg("consolidated", "VPTU", "2026-Q3"))
	s.AllowNoRemote = true
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil || !res.NoRemote || res.Pushed || res.Pending || res.Commit == before {
		t.Fatalf("%+v %v", res, err)
	}
	if head := gittest.Run(t, clone, nil, "rev-parse", "main"); head != res.Commit {
		t.Fatalf("main at %s, result %s", head, res.Commit)
	}
	clean(t, clone)

	s = submission(map[string]string{"consolidated/2026/Q4.yaml": "kind: consolidated\n"}, "consolidated: 2026-Q4\n")
	s.AllowNoRemote = true
	if _, err := gitrepo.Submit(context.Background(), clone, s); !errors.Is(err, gitrepo.ErrGit) {
		t.Fatalf("want ErrGit for a message without Coord-Kind, got %v", err)
	}
	if head := gittest.Run(t, clone, nil, "rev-parse", "main"); head != res.Commit {
		t.Fatal("committed a message without Coord-Kind")
	}
}
