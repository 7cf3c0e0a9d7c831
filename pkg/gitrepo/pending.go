package gitrepo

import (
	"os"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// History is the server's. A clone replays on top of the server's branch only its own submissions that never
// reached the server — the commits this clone made, recorded when it made them — never a commit it once
// fetched from the server: when an administrator purges a commit from the server (a denouncer's name pushed
// in clear, say) and force-pushes, every clone that had fetched it drops it at its next sync or submit instead
// of pushing it back, and says so.
//
// The record is .git/coord/pending-v1, one commit id per line. A clone made before the record existed has
// none: its own submissions are then the commits ahead of what it last knew of the server (the
// remote-tracking branch before the fetch), the best that clone can know.

const pendingFile = "pending-v1"

// pending is this clone's own submissions that the server does not hold yet.
type pending struct {
	known bool // the record exists
	ids   map[plumbing.Hash]bool
}

func (r *Repo) readPending() pending {
	p := pending{ids: map[plumbing.Hash]bool{}}
	data, err := os.ReadFile(r.cachePath(pendingFile))
	if err != nil {
		return p
	}
	p.known = true
	for _, l := range strings.Split(string(data), "\n") {
		if h := strings.TrimSpace(l); len(h) == 40 && plumbing.IsHash(h) {
			p.ids[plumbing.NewHash(h)] = true
		}
	}
	return p
}

func (r *Repo) writePending(p pending) error {
	lines := make([]string, 0, len(p.ids))
	for h := range p.ids {
		lines = append(lines, h.String())
	}
	sort.Strings(lines)
	if err := os.MkdirAll(r.cachePath(""), 0o755); err != nil {
		return err
	}
	data := strings.Join(lines, "\n")
	if data != "" {
		data += "\n"
	}
	return writeAtomic(r.cachePath(pendingFile), []byte(data), 0o644, true)
}

// addPending records a commit this clone made that the server does not hold yet.
func (r *Repo) addPending(h plumbing.Hash) error {
	p := r.readPending()
	p.ids[h] = true
	return r.writePending(p)
}

// pushedPending forgets the submissions now on the server; replaced maps rebuilt commits to their new ids
// (zero: the server already held it).
func (r *Repo) updatePending(replaced map[plumbing.Hash]plumbing.Hash, pushed bool) error {
	p := r.readPending()
	if pushed {
		p.ids = map[plumbing.Hash]bool{}
		return r.writePending(p)
	}
	for old, nw := range replaced {
		if p.ids[old] {
			delete(p.ids, old)
			if nw != zero {
				p.ids[nw] = true
			}
		}
	}
	return r.writePending(p)
}

// ownChain splits the local commits the server lacks (chain, oldest first) into this clone's own
// submissions, to rebuild on the server's tip, and the commits it once fetched that the server no longer has,
// to drop. tracking is the remote-tracking branch as it was before the fetch (the clone's last view of the
// server), used when the clone keeps no record. Commits that are not coord's own kind stay in own: replay
// refuses them (ErrForeignCommits), as before.
func (r *Repo) ownChain(chain []*object.Commit, local, tracking plumbing.Hash) (own, dropped []*object.Commit, err error) {
	p := r.readPending()
	mine := p.ids
	if !p.known {
		mine = map[plumbing.Hash]bool{}
		ahead := chain
		if tracking != zero {
			if ahead, _, err = r.pendingChain(local, tracking); err != nil {
				ahead = chain // unrelated histories: nothing is known to come from the server
			}
		}
		for _, c := range ahead {
			mine[c.Hash] = true
		}
	}
	for _, c := range chain {
		if mine[c.Hash] || Trailer(c.Message, KindTrailer) == "" {
			own = append(own, c)
		} else {
			dropped = append(dropped, c)
		}
	}
	return own, dropped, nil
}

// seedPending starts the record of a clone that has none: its own submissions are the commits of coord's
// kind ahead of what it last knew of the server. It is called before the clone's first recorded commit, so
// that a submission an older coord left unpushed is not mistaken for one fetched from the server.
func (r *Repo) seedPending(local plumbing.Hash, remote, branch string) error {
	p := r.readPending()
	if p.known {
		return nil
	}
	if local != zero {
		tracking, err := r.refHash(plumbing.NewRemoteReferenceName(remote, branch))
		if err != nil {
			return err
		}
		chain, _, err := r.pendingChain(local, tracking)
		if err == nil {
			for _, c := range chain {
				if Trailer(c.Message, KindTrailer) != "" {
					p.ids[c.Hash] = true
				}
			}
		}
	}
	return r.writePending(p)
}

// droppedText names dropped commits for the user: "a1b2c3d4e5 programme(VPUBND): 2026-Q3".
func droppedText(cs []*object.Commit) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Hash.String()[:10] + " " + subject(c.Message)
	}
	return out
}
