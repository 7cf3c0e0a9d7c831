package gitrepo

import (
	"context"
	"errors"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/go-git/go-git/v5/plumbing"
)

// DefaultRetries bounds the push attempts of one submission that the server refuses without having moved;
// attempts lost to other offices' submissions that did land are bounded by five times as many (with the
// backoff below, a few minutes of a crowd submitting at once). Past either bound the commit stays local
// for `coord sync`.
const DefaultRetries = 8

// Submission is one `coord submit`: files already validated and canonical, and where they go.
type Submission struct {
	// Files maps repo-relative slash paths to their content (nil deletes the path). YAML records (.yaml,
	// .yml) get LF line ends; every other file is committed byte for byte.
	Files       map[string][]byte
	Name, Email string // the commit author
	Message     string // subject, blank line, trailers (see Message)
	Remote      string // default "origin"
	Branch      string // the target branch, default "main"
	// PushBranch, when set, is pull-request mode: the commit is built on the server's Branch (or on
	// PushBranch if it exists) and pushed to PushBranch; the local Branch, index and HEAD are not moved.
	PushBranch string
	NoPush     bool // commit locally only; `coord sync` pushes later
	// AllowNoRemote commits without pushing when the clone has no such remote (Result.NoRemote) instead
	// of failing with ErrNoRemote: the coordinator's data repo may live on one PC only.
	AllowNoRemote bool
	DryRun        bool // compute what would change, write nothing, contact nobody
	Auth          Auth
	Now           func() time.Time // the commit time (default time.Now)
	Retries       int              // push attempts (default DefaultRetries)
	LockWait      time.Duration    // default DefaultLockWait
	OnWait        func()           // called once when another coord process holds the clone
	Timeout       time.Duration    // per network exchange (default 2 minutes)
	// BeforePush, when set, is called each time the server has moved and the submission was rebuilt on
	// its tip, before the rebuilt commit is pushed: others maps the paths the server changed since the
	// clone's base (where the local branch and the server's meet), the submission's own paths excepted, to
	// their content in the rebuilt tree (nil: deleted). The validation the caller made against its stale
	// clone can be made again against the others' work. An error stops the push and the commit stays local
	// (for `coord sync`); a refusal (IsRefusal; see Refusal) also takes the commit back off the branch, as
	// a conflict does, and the submitted files stay in the worktree.
	BeforePush func(others map[string][]byte) error
	// OthersOnly limits the paths read for BeforePush (nil: all). Like datarepo's Only, it is also asked
	// about folders, as "path/": false skips the folder unread.
	OthersOnly func(path string) bool
}

// Result says what a submission did.
type Result struct {
	Commit    string   // the commit holding the files (the branch tip after the push)
	Branch    string   // the branch the commit is on (Branch, or PushBranch in pull-request mode)
	Paths     []string // the submitted paths, sorted
	Changed   []string // those whose content differs from the parent commit
	Unchanged bool     // nothing to commit: the branch already holds these files so
	Already   bool     // the server already held this submission (an earlier run pushed it)
	Pushed    bool     // the server's branch now holds the commit
	Pending   bool     // committed locally; the server was unreachable: `coord sync` pushes it later
	Retries   int      // rebuilds on top of other offices' work
	Updated   []string // other paths brought into the worktree from the server
	Dropped   []string // commits once fetched that the server no longer holds (its history was rewritten): dropped here
	RemoteURL string   // the remote, without credentials
	NoRemote  bool     // the clone has no such remote: committed, not pushed (AllowNoRemote)
	DryRun    bool
}

func (s *Submission) defaults() {
	if s.Remote == "" {
		s.Remote = "origin"
	}
	if s.Branch == "" {
		s.Branch = "main"
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Retries <= 0 {
		s.Retries = DefaultRetries
	}
	if s.Timeout <= 0 {
		s.Timeout = 2 * time.Minute
	}
}

// prepareFiles checks the paths and turns CRLF into LF in YAML records (records are LF on every platform);
// every other file is committed byte for byte (issued XLSX/DOCX are zip archives, and iCalendar lines end
// with CRLF). It returns the files and their sorted paths.
func prepareFiles(files map[string][]byte) (map[string][]byte, []string, error) {
	out := make(map[string][]byte, len(files))
	var paths []string
	for p, data := range files {
		if err := checkPath(p); err != nil {
			return nil, nil, err
		}
		if data != nil && fsutil.IsRecordPath(p) {
			data = fsutil.NormalizeRecord(data)
		}
		out[p] = data
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return out, paths, nil
}

// Submit commits the files to the branch and pushes them, retrying on top of other offices' work. See
// Submission for the modes. When the server is unreachable the commit stays local and Result.Pending is
// set (no error). On any other push error the commit stays local too and the error says why.
func Submit(ctx context.Context, root string, s Submission) (*Result, error) {
	s.defaults()
	files, paths, err := prepareFiles(s.Files)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, newErr(ErrBadPath, "git.no_files")
	}
	r, err := Open(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// A commit that may stay local must say it is coord's, or neither a retry nor `coord sync` would
	// rebuild it on the server's tip (they refuse foreign commits) and the clone would be stuck.
	if Trailer(s.Message, KindTrailer) == "" {
		return nil, newErr(ErrGit, "git.no_kind", KindTrailer)
	}
	res := &Result{Branch: s.Branch, Paths: paths, DryRun: s.DryRun}
	if u, err := r.remoteURL(s.Remote); err == nil {
		res.RemoteURL = Sanitize(u, s.Auth.secrets()...)
	} else {
		res.NoRemote = errors.Is(err, ErrNoRemote)
		switch {
		case s.NoPush || s.DryRun:
		case res.NoRemote && s.AllowNoRemote && s.PushBranch == "":
			s.NoPush = true
		default:
			return nil, err
		}
	}
	if s.DryRun {
		return r.dryRun(s, files, res)
	}
	unlock, err := r.lock(ctx, s.LockWait, s.OnWait)
	if err != nil {
		return nil, err
	}
	defer unlock()
	author := Author{s.Name, s.Email, s.Now()}
	if err := author.Check(); err != nil {
		return nil, err
	}
	if s.PushBranch != "" {
		return r.submitBranch(ctx, s, files, author, res)
	}
	if err := r.checkBranch(s.Branch); err != nil {
		return nil, err
	}
	idx, err := r.readIndex()
	if err != nil {
		return nil, wrapGit(err)
	}
	ref := plumbing.NewBranchReferenceName(s.Branch)
	prev, err := r.refHash(ref)
	if err != nil {
		return nil, err
	}
	// What this clone last knew of the server, before any fetch: which local commits came from it.
	tracking, err := r.refHash(plumbing.NewRemoteReferenceName(s.Remote, s.Branch))
	if err != nil {
		return nil, err
	}
	if err := r.seedPending(prev, s.Remote, s.Branch); err != nil {
		return nil, wrapGit(err)
	}
	tip, changed, err := r.commitFiles(idx, s.Branch, prev, files, author, s.Message)
	if err != nil {
		return nil, err
	}
	res.Commit, res.Changed, res.Unchanged = tip.String(), changed, tip == prev
	if s.NoPush {
		return res, nil
	}
	c, err := r.dialRemote(s.Remote, s.Auth)
	if err != nil {
		return res, err
	}
	skip := map[string]bool{}
	for _, p := range paths {
		skip[p] = true
	}
	mine := zero
	if tip != prev {
		mine = tip
	}
	var check func(base, onto, rebuilt plumbing.Hash) error
	refused := false // BeforePush refused the rebuilt submission
	if s.BeforePush != nil {
		check = func(base, onto, rebuilt plumbing.Hash) error {
			others, err := r.othersSince(base, onto, rebuilt, skip, s.OthersOnly)
			if err != nil {
				return err
			}
			err = s.BeforePush(others)
			refused = err != nil && IsRefusal(err)
			return err
		}
	}
	err = r.pushLoop(ctx, c, s.Remote, s.Branch, s.Retries, s.Timeout, idx, skip, mine, tracking, check, res)
	var ge *Error
	if mine != zero && (refused || errors.As(err, &ge) && ge.Kind == ErrConflict && ge.commit == mine) {
		r.rollback(idx, s.Branch, mine, files, res)
	}
	if errors.Is(err, ErrUnreachable) {
		res.Pending = true
		return res, nil
	}
	return res, err
}

// commitFiles writes the blobs, the trees along the paths and the commit on top of parent, then the
// worktree files and index entries of exactly these paths, then the branch ref (in that order, so a kill
// at any point leaves a consistent clone that a rerun completes). No commit when nothing changed.
func (r *Repo) commitFiles(idx *idxFile, branch string, parent plumbing.Hash, files map[string][]byte, author Author, msg string) (plumbing.Hash, []string, error) {
	changes := map[string]change{}
	for p, data := range files {
		if data == nil {
			changes[p] = change{Del: true}
			continue
		}
		h, err := r.writeBlob(data)
		if err != nil {
			return zero, nil, wrapGit(err)
		}
		changes[p] = change{Blob: h}
	}
	base, err := r.commitTree(parent)
	if err != nil {
		return zero, nil, wrapGit(err)
	}
	tree, err := r.applyTree(base, changes, true)
	if errors.Is(err, errPathKind) {
		return zero, nil, newErr(ErrBadPath, "git.path_kind")
	}
	if err != nil {
		return zero, nil, wrapGit(err)
	}
	// What changed, checked to be only the submitted paths (one diff does both).
	var changed, stray []string
	err = r.diffTrees(base, tree, "", func(d diffEntry) error {
		if _, ok := changes[d.Path]; !ok {
			stray = append(stray, d.Path)
		}
		changed = append(changed, d.Path)
		return nil
	}, nil)
	if err != nil {
		return zero, nil, wrapGit(err)
	}
	if len(stray) > 0 {
		return zero, nil, newErr(ErrGit, "git.stray", strings.Join(stray, ", "))
	}
	tip := parent
	if len(changed) > 0 {
		var parents []plumbing.Hash
		if parent != zero {
			parents = []plumbing.Hash{parent}
		}
		tip, err = r.writeCommit(tree, parents, author, author, msg)
		if err != nil {
			return zero, nil, wrapGit(err)
		}
		// Recorded as this clone's own before the branch moves: a crash in between leaves a record of a commit
		// the branch never got, which is harmless; the reverse would lose the submission at the next sync.
		if err := r.addPending(tip); err != nil {
			return zero, nil, wrapGit(err)
		}
	}
	// Worktree and index for every submitted path, changed or not: a rerun after a kill repairs them. The
	// files reach the worktree all or none (a file held open elsewhere leaves every file as it was).
	if err := r.placeFiles(idx, files, changes); err != nil {
		return zero, nil, wrapGit(err)
	}
	if err := idx.write(r.gitDir); err != nil {
		return zero, nil, wrapGit(err)
	}
	if tip != parent {
		if err := r.setRef(plumbing.NewBranchReferenceName(branch), tip); err != nil {
			return zero, nil, wrapGit(err)
		}
	}
	return tip, changed, nil
}

// rollback takes this submission's commit off the local branch after a conflict, so it does not stay
// pending forever; the clerk's files stay in the worktree as local edits.
func (r *Repo) rollback(idx *idxFile, branch string, mine plumbing.Hash, files map[string][]byte, res *Result) {
	ref := plumbing.NewBranchReferenceName(branch)
	tip, err := r.refHash(ref)
	if err != nil || tip != mine {
		return
	}
	c, err := r.commit(tip)
	if err != nil || len(c.ParentHashes) != 1 {
		return
	}
	ptree, err := r.commitTree(c.ParentHashes[0])
	if err != nil {
		return
	}
	for p := range files {
		h, err := r.lookup(ptree, p)
		if err != nil {
			return
		}
		if h == zero {
			idx.remove(p)
			continue
		}
		idx.setStale(p, h) // no stat info: git and coord hash the file, which now differs from h

	}
	if idx.write(r.gitDir) == nil && r.setRef(ref, c.ParentHashes[0]) == nil {
		res.Commit, res.Pushed = "", false
	}
}

func (r *Repo) dialRemote(remote string, a Auth) (*conn, error) {
	u, err := r.remoteURL(remote)
	if err != nil {
		return nil, err
	}
	return dial(u, a)
}

// pushLoop pushes the local branch; when the server has moved, it fetches, rebuilds the pending commits
// on the server's tip, moves the worktree along, and pushes again, with jittered backoff after a rejection.
// mine is this run's own commit (zero: none), to tell whether it was already on the server. check, when
// not nil, is asked before each rebuilt commit is pushed (base: where the local branch and the server's
// meet; onto: the server's tip; rebuilt: the commit to push); its error stops the loop.
func (r *Repo) pushLoop(ctx context.Context, c *conn, remote, branch string, retries int, timeout time.Duration,
	idx *idxFile, skip map[string]bool, mine, tracking plumbing.Hash, check func(base, onto, rebuilt plumbing.Hash) error, res *Result) error {
	ref := plumbing.NewBranchReferenceName(branch)
	local, err := r.refHash(ref)
	if err != nil || local == zero {
		return err
	}
	// cand is what we try to push: the local branch, or its pending commits rebuilt on the server's tip.
	// The worktree and the local branch move only once the server has taken it, which keeps the window
	// between seeing the server's tip and updating it short.
	cand := local
	base, stuck := zero, 0 // the server tip cand is built on; rejections while the server made no progress
	expect := tracking     // where the server's branch must stand for cand to be pushed: what cand was built on
	checked := zero        // the server tip check last accepted
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, timeout)
		out, reason, err := r.push(actx, c, remote, branch, cand, expect)
		cancel()
		if err != nil {
			return err
		}
		if out == pushed || out == upToDate {
			if cand != local {
				updated, err := r.moveBranch(idx, branch, local, cand, skip)
				if err != nil {
					return err
				}
				res.Updated = mergeSorted(res.Updated, updated)
			}
			res.Pushed, res.Commit = true, cand.String()
			// The server holds every submission of this clone now.
			return wrapGit(r.updatePending(nil, true))
		}
		// Bounded two ways: rejections while the server did not move (a hook, a broken server) count against
		// retries; losing to other offices that did land counts against a budget five times larger.
		if stuck >= retries || attempt >= 5*retries {
			return newErr(ErrRejected, "git.rejected", attempt, Sanitize(reason, c.secrets...))
		}
		// The first "server moved" is a clone that was behind; after that, every lost race backs off so that
		// offices submitting at the same moment spread out instead of colliding again.
		if out == rejected || attempt > 1 {
			select {
			case <-ctx.Done():
				return c.classify(ctx.Err())
			case <-time.After(backoff(attempt)):
			}
		}
		fctx, cancel := context.WithTimeout(ctx, timeout)
		tips, err := r.fetch(fctx, c, remote, []string{branch})
		cancel()
		if err != nil {
			return err
		}
		rtip := tips[branch]
		if rtip == base {
			stuck++
		}
		base = rtip
		chain, meet, err := r.pendingChain(local, rtip)
		if err != nil {
			return err
		}
		own, dropped, err := r.ownChain(chain, local, tracking)
		if err != nil {
			return err
		}
		res.Dropped = droppedText(dropped)
		newTip, newOf, err := r.replay(own, rtip)
		if err != nil {
			return err
		}
		if mine != zero {
			if nm, ok := newOf[mine]; ok && nm == zero {
				res.Already = true
			}
		}
		// Refuse before pushing when bringing the worktree along would overwrite local edits.
		diffs, err := r.treeDiff(local, newTip)
		if err != nil {
			return err
		}
		dirty, err := r.dirtyPaths(idx, diffs, skip)
		if err != nil {
			return wrapGit(err)
		}
		if len(dirty) > 0 {
			e := newErr(ErrLocalEdits, "git.local_edits", strings.Join(dirty, ", "))
			e.Paths = dirty
			return e
		}
		// The submission on top of the others' work is checked again (once per server tip).
		if check != nil && rtip != checked {
			if err := check(meet, rtip, newTip); err != nil {
				return err
			}
			checked = rtip
		}
		cand, expect = newTip, rtip
		res.Retries++
	}
}

// backoff is the wait after the attempt-th lost race: "full jitter", uniform in [0, d) with d doubling from
// 200 ms up to 12.8 s, so that a crowd of offices spreads out however large it is.
func backoff(attempt int) time.Duration {
	d := time.Duration(200<<min(attempt-1, 6)) * time.Millisecond
	return time.Duration(rand.Int64N(int64(d)))
}

func mergeSorted(a, b []string) []string {
	set := map[string]bool{}
	for _, x := range append(append([]string{}, a...), b...) {
		set[x] = true
	}
	out := make([]string, 0, len(set))
	for x := range set {
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}

// submitBranch is pull-request mode: build the commit on the server's PushBranch (or Branch), push it
// there, and place the files in the worktree without moving the local branch or the index.
func (r *Repo) submitBranch(ctx context.Context, s Submission, files map[string][]byte, author Author, res *Result) (*Result, error) {
	res.Branch = s.PushBranch
	if err := checkBranchName(s.PushBranch); err != nil {
		return nil, err
	}
	c, err := r.dialRemote(s.Remote, s.Auth)
	if err != nil {
		return nil, err
	}
	changes := map[string]change{}
	for p, data := range files {
		if data == nil {
			changes[p] = change{Del: true}
			continue
		}
		h, err := r.writeBlob(data)
		if err != nil {
			return nil, wrapGit(err)
		}
		changes[p] = change{Blob: h}
	}
	for attempt := 1; ; attempt++ {
		fctx, cancel := context.WithTimeout(ctx, s.Timeout)
		tips, err := r.fetch(fctx, c, s.Remote, []string{s.Branch, s.PushBranch})
		cancel()
		if err != nil {
			return nil, err
		}
		base := tips[s.PushBranch]
		if base == zero {
			base = tips[s.Branch]
		}
		if base == zero {
			if base, err = r.refHash(plumbing.NewBranchReferenceName(s.Branch)); err != nil {
				return nil, err
			}
		}
		btree, err := r.commitTree(base)
		if err != nil {
			return nil, wrapGit(err)
		}
		tree, err := r.applyTree(btree, changes, true)
		if err != nil {
			return nil, wrapGit(err)
		}
		if err := r.verifyOnly(btree, tree, changes); err != nil {
			return nil, err
		}
		tip := base
		if tree != btree {
			res.Changed = nil
			_ = r.diffTrees(btree, tree, "", func(d diffEntry) error { res.Changed = append(res.Changed, d.Path); return nil }, nil)
			var parents []plumbing.Hash
			if base != zero {
				parents = []plumbing.Hash{base}
			}
			if tip, err = r.writeCommit(tree, parents, author, author, s.Message); err != nil {
				return nil, wrapGit(err)
			}
		} else {
			res.Unchanged = true
		}
		if err := r.setRef(plumbing.NewBranchReferenceName(s.PushBranch), tip); err != nil {
			return nil, wrapGit(err)
		}
		res.Commit = tip.String()
		pctx, cancel := context.WithTimeout(ctx, s.Timeout)
		out, reason, err := r.push(pctx, c, s.Remote, s.PushBranch, tip, zero)
		cancel()
		if err != nil {
			return res, err
		}
		if out == pushed || out == upToDate {
			res.Pushed = true
			break
		}
		if attempt >= s.Retries {
			return res, newErr(ErrRejected, "git.rejected", attempt, reason)
		}
		time.Sleep(backoff(attempt))
		res.Retries++
	}
	set := map[string][]byte{}
	for p, data := range files {
		if data != nil {
			set[r.abs(p)] = data
		}
	}
	if err := fsutil.WriteSet(set, nil); err != nil {
		return res, wrapGit(err)
	}
	return res, nil
}

// checkBranchName refuses branch names git would refuse.
func checkBranchName(b string) error {
	bad := b == "" || strings.HasPrefix(b, "-") || strings.HasPrefix(b, "/") || strings.HasSuffix(b, "/") ||
		strings.HasSuffix(b, ".lock") || strings.Contains(b, "..") || strings.Contains(b, "@{") || strings.ContainsAny(b, " ~^:?*[\\\x7f")
	for _, r := range b {
		if r < 0x20 {
			bad = true
		}
	}
	if bad {
		return newErr(ErrBadPath, "git.bad_branch", b)
	}
	return nil
}

// dryRun computes the commit in memory: which paths would change. Nothing is written, no lock is taken,
// the server is not contacted.
func (r *Repo) dryRun(s Submission, files map[string][]byte, res *Result) (*Result, error) {
	base := zero
	var err error
	if s.PushBranch != "" {
		res.Branch = s.PushBranch
		base, err = r.refHash(plumbing.NewRemoteReferenceName(s.Remote, s.Branch))
		if err != nil {
			return nil, err
		}
	}
	if base == zero {
		if base, err = r.refHash(plumbing.NewBranchReferenceName(s.Branch)); err != nil {
			return nil, err
		}
	}
	btree, err := r.commitTree(base)
	if err != nil {
		return nil, wrapGit(err)
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		now, err := r.lookup(btree, p)
		if err != nil {
			return nil, wrapGit(err)
		}
		want := zero
		if files[p] != nil {
			want = blobHash(files[p])
		}
		if now != want {
			res.Changed = append(res.Changed, p)
		}
	}
	res.Unchanged = len(res.Changed) == 0
	return res, nil
}

// othersSince returns what the server brought between commits base and onto — the paths that differ, skip
// excepted, limited by only (nil: all; folders asked as "path/") — with their content in commit rebuilt
// (nil: deleted).
func (r *Repo) othersSince(base, onto, rebuilt plumbing.Hash, skip map[string]bool, only func(string) bool) (map[string][]byte, error) {
	ta, err := r.commitTree(base)
	if err != nil {
		return nil, wrapGit(err)
	}
	tb, err := r.commitTree(onto)
	if err != nil {
		return nil, wrapGit(err)
	}
	tr, err := r.commitTree(rebuilt)
	if err != nil {
		return nil, wrapGit(err)
	}
	var keep func(p string, dir bool) bool
	if only != nil {
		keep = func(p string, dir bool) bool {
			if dir {
				return only(p + "/")
			}
			return only(p)
		}
	}
	out := map[string][]byte{}
	err = r.diffTreesIn(ta, tb, "", keep, func(d diffEntry) error {
		if skip[d.Path] {
			return nil
		}
		h, err := r.lookup(tr, d.Path)
		if err != nil || h == zero {
			out[d.Path] = nil
			return err
		}
		data, err := r.readBlob(h)
		if err != nil {
			return err
		}
		out[d.Path] = data
		return nil
	}, nil)
	if err != nil {
		return nil, wrapGit(err)
	}
	return out, nil
}
