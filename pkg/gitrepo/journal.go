package gitrepo

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// What `coord status` reads of the clone's history: the submissions this PC holds that the server does
// not, and what the last `coord sync` brought from the server. The sync journal (.git/coord/synced-v1) is
// written by the sync command around gitrepo.Sync — Sync itself is unchanged — and, like every cache of
// .git/coord, may be deleted: status then says that no sync is recorded yet.

// LogEntry is one commit as a person is told about it.
type LogEntry struct {
	Hash        string
	When        time.Time // the committer time: what deadline/late judges
	AuthorName  string
	AuthorEmail string
	Message     string
	// Paths are what the commit changed against its first parent; for a merge, what differs from every
	// parent (as Change.Paths).
	Paths []string
}

// SyncMark is one `coord sync`: when it ran, and the remote-tracking tip before and after it ("" when
// there was none).
type SyncMark struct {
	When          time.Time
	Before, After string
}

const (
	syncJournalFile = "synced-v1"
	syncHeader      = "coord synced v1"
	syncKeep        = 20 // marks kept: only the last one is read today; a few more help when reading a clone by hand
)

// TrackingTip returns the tip of remote's tracking branch for branch in the clone at root ("" when the
// clone has none: never fetched, or no such remote).
func TrackingTip(root, remote, branch string) (string, error) {
	r, err := Open(root)
	if err != nil {
		return "", err
	}
	defer r.Close()
	return r.trackingTip(remote, branch)
}

// TrackingTip is TrackingTip on the clone x reads.
func (x *Reader) TrackingTip(remote, branch string) (string, error) {
	return x.r.trackingTip(remote, branch)
}

func (r *Repo) trackingTip(remote, branch string) (string, error) {
	h, err := r.refHash(plumbing.NewRemoteReferenceName(remote, branch))
	if err != nil || h == zero {
		return "", err
	}
	return h.String(), nil
}

// RecordSync appends m to the clone's sync journal, keeping the last few marks.
func RecordSync(root string, m SyncMark) error {
	dir, err := CacheDir(root)
	if err != nil {
		return err
	}
	marks := readSyncMarks(dir + string(os.PathSeparator) + syncJournalFile)
	marks = append(marks, m)
	if len(marks) > syncKeep {
		marks = marks[len(marks)-syncKeep:]
	}
	var b bytes.Buffer
	b.WriteString(syncHeader + "\n")
	for _, x := range marks {
		fmt.Fprintf(&b, "%d %s %s\n", x.When.Unix(), orDash(x.Before), orDash(x.After))
	}
	return fsutil.WriteAtomic(dir+string(os.PathSeparator)+syncJournalFile, b.Bytes(), 0o644, false)
}

// LastSync returns the last mark of the clone's sync journal; ok is false when none is recorded.
func LastSync(root string) (SyncMark, bool, error) {
	dir, err := CacheDir(root)
	if err != nil {
		return SyncMark{}, false, err
	}
	marks := readSyncMarks(dir + string(os.PathSeparator) + syncJournalFile)
	if len(marks) == 0 {
		return SyncMark{}, false, nil
	}
	return marks[len(marks)-1], true, nil
}

// readSyncMarks reads the journal; a missing or damaged one is empty (it is a cache).
func readSyncMarks(path string) []SyncMark {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != syncHeader {
		return nil
	}
	var out []SyncMark
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			return nil
		}
		secs, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || !hashOrDash(f[1]) || !hashOrDash(f[2]) {
			return nil
		}
		out = append(out, SyncMark{When: time.Unix(secs, 0), Before: strings.Trim(f[1], "-"), After: strings.Trim(f[2], "-")})
	}
	return out
}

func orDash(h string) string {
	if h == "" {
		return "-"
	}
	return h
}

func hashOrDash(s string) bool { return s == "-" || len(s) == 40 && plumbing.IsHash(s) }

// Between lists the commits reachable from to and not from from (git rev-list from..to), oldest first, with
// their messages and the paths each changed. Both are commit ids or revisions Changes accepts.
func Between(root, from, to string) ([]LogEntry, error) {
	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	a, err := r.resolve(from)
	if err != nil {
		return nil, err
	}
	b, err := r.resolve(to)
	if err != nil {
		return nil, err
	}
	commits, err := r.revList(a, b)
	if err != nil {
		return nil, err
	}
	return r.entries(commits)
}

// Unpushed returns this clone's own commits on branch that the server does not hold as far as the clone
// knows — the commits ahead of remote's tracking branch that `coord sync` would push (the pending record
// decides which are the clone's own; see ownChain) — oldest first. A clone without that remote has no
// server to be behind: nothing is unpushed.
func Unpushed(root, remote, branch string) ([]LogEntry, error) {
	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if _, err := r.remoteURL(remote); err != nil {
		return nil, nil
	}
	local, err := r.refHash(plumbing.NewBranchReferenceName(branch))
	if err != nil || local == zero {
		return nil, err
	}
	tracking, err := r.refHash(plumbing.NewRemoteReferenceName(remote, branch))
	if err != nil {
		return nil, err
	}
	chain, _, err := r.pendingChain(local, tracking)
	if err != nil {
		return nil, err
	}
	own, _, err := r.ownChain(chain, local, tracking)
	if err != nil {
		return nil, err
	}
	return r.entries(own)
}

func (r *Repo) entries(commits []*object.Commit) ([]LogEntry, error) {
	out := make([]LogEntry, 0, len(commits))
	for _, c := range commits {
		ch, err := r.change(c)
		if err != nil {
			return nil, err
		}
		out = append(out, LogEntry{Hash: ch.Hash, When: c.Committer.When, AuthorName: c.Author.Name,
			AuthorEmail: c.Author.Email, Message: c.Message, Paths: ch.Paths})
	}
	return out, nil
}

// Trailers returns every "Key: value" line of msg's last paragraph, in order (a commit of several records
// carries one Coord-Kind, Coord-Office and Coord-Period or Coord-Id group per record).
func Trailers(msg string) [][2]string {
	paras := strings.Split(strings.TrimRight(msg, "\n"), "\n\n")
	if len(paras) < 2 {
		return nil
	}
	var out [][2]string
	for _, line := range strings.Split(paras[len(paras)-1], "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(k) == "" || strings.ContainsAny(strings.TrimSpace(k), " \t") {
			continue
		}
		out = append(out, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	return out
}
