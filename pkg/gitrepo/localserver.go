package gitrepo

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/par"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/capability"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/utils/ioutil"
)

// localServer serves a repository in a folder to this process: what git-upload-pack and git-receive-pack
// do, over go-git's object storage, with no program run.
//
// go-git has such a server (plumbing/transport/server, server.NewServer(loader)); it is not used because
// (1) its receive-pack writes each ref without comparing it with the old value the client saw, so two
// clerks pushing to one shared folder at the same moment would lose one submission, where git refuses the
// second push ("fetch first") and coord rebuilds it on the new tip; and (2) its upload-pack lists every
// object reachable from what the client already has (revlist.Objects over the haves) before each fetch —
// a walk of the whole history on every sync of a ten-year repo. Here a ref moves only under git's lock
// file (refs/heads/main.lock, created exclusively, which git itself honours) and only from the old value
// the client names (reflock.go); and a fetch walks the commits the client lacks, newest first, stopping where what it has
// begins, sending the trees and blobs each adds to its first parent — as the push side does (objectsToSend).
type localServer struct {
	dir string // the repository: a bare repository, or a worktree holding .git
	url string // as the user wrote it, for sentences
}

// open opens the repository fresh for one session (another process may have pushed since the last one).
func (s *localServer) open() (*Repo, bool, error) {
	st, err := os.Stat(s.dir)
	if err != nil {
		if shareUnreachable(s.dir, err) {
			return nil, false, newErr(ErrUnreachable, "git.unreachable", s.url)
		}
		return nil, false, transport.ErrRepositoryNotFound
	}
	if !st.IsDir() {
		return nil, false, transport.ErrRepositoryNotFound
	}
	gitDir, bare := s.dir, true
	if fi, err := os.Stat(filepath.Join(s.dir, ".git")); err == nil && fi.IsDir() {
		gitDir, bare = filepath.Join(s.dir, ".git"), false
	}
	for _, need := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(gitDir, need)); err != nil {
			return nil, false, transport.ErrRepositoryNotFound
		}
	}
	fsys := filesystem.NewStorageWithOptions(osfs.New(gitDir), cache.NewObjectLRU(32*cache.MiByte),
		filesystem.Options{KeepDescriptors: false, MaxOpenDescriptors: 64})
	return &Repo{Root: s.dir, gitDir: gitDir, st: fsys}, bare, nil
}

// shareUnreachable says whether a folder cannot be read because the machine that holds it cannot be
// reached (an office server that is off, a mapped drive whose server is away): the submission is then
// pending, as with an unreachable HTTPS server, not "no such repository".
func shareUnreachable(dir string, err error) bool {
	if netError(err) {
		return true
	}
	if vol := filepath.VolumeName(dir); vol != "" {
		if _, verr := os.Stat(vol + string(filepath.Separator)); verr != nil {
			return true // \\server\share or Z: itself is gone
		}
	}
	return false
}

func (s *localServer) NewUploadPackSession(*transport.Endpoint, transport.AuthMethod) (transport.UploadPackSession, error) {
	r, _, err := s.open()
	if err != nil {
		return nil, err
	}
	return &uploadSession{r: r}, nil
}

func (s *localServer) NewReceivePackSession(*transport.Endpoint, transport.AuthMethod) (transport.ReceivePackSession, error) {
	r, bare, err := s.open()
	if err != nil {
		return nil, err
	}
	return &receiveSession{r: r, bare: bare}, nil
}

// advertise lists the repository's refs and HEAD, read from the folder as git reads them (listRefs).
func advertise(r *Repo, caps ...capability.Capability) (*packp.AdvRefs, error) {
	ar := packp.NewAdvRefs()
	if err := ar.Capabilities.Set(capability.Agent, capability.DefaultAgent()); err != nil {
		return nil, err
	}
	for _, c := range caps {
		if err := ar.Capabilities.Set(c); err != nil {
			return nil, err
		}
	}
	refs, err := listRefs(r.gitDir)
	if err != nil {
		return nil, err
	}
	for name, h := range refs {
		ar.References[name] = h
	}
	if b, err := os.ReadFile(filepath.Join(r.gitDir, "HEAD")); err == nil {
		line := strings.TrimSpace(string(b))
		if target, ok := strings.CutPrefix(line, "ref:"); ok {
			if h, ok := refs[strings.TrimSpace(target)]; ok {
				ar.Head = &h
			}
		} else if plumbing.IsHash(line) {
			h := plumbing.NewHash(line)
			ar.Head = &h
		}
	}
	return ar, nil
}

// listRefs reads the refs of the repository at gitDir: packed-refs, then the loose ref files under refs/,
// which win. A lock file (NAME.lock: a push in progress, or one a dead process left) and anything that is
// not a ref name or holds no hash are skipped, as git skips them — go-git's own listing would read
// refs/heads/main.lock as a branch, and an empty one as an error.
func listRefs(gitDir string) (map[string]plumbing.Hash, error) {
	out := map[string]plumbing.Hash{}
	packed, err := os.ReadFile(filepath.Join(gitDir, "packed-refs"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	for _, line := range strings.Split(string(packed), "\n") {
		if h, name, ok := strings.Cut(strings.TrimSpace(line), " "); ok && plumbing.IsHash(h) && strings.HasPrefix(name, "refs/") {
			out[name] = plumbing.NewHash(h)
		}
	}
	err = filepath.WalkDir(filepath.Join(gitDir, "refs"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil // a folder removed meanwhile
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && d.IsDir() {
			return filepath.SkipDir
		}
		if d.IsDir() || strings.HasSuffix(d.Name(), ".lock") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			return nil // a ref deleted meanwhile
		}
		if err != nil {
			return err
		}
		line := strings.TrimSpace(string(b))
		if !plumbing.IsHash(line) {
			return nil // empty, or symbolic: not advertised
		}
		rel, err := filepath.Rel(gitDir, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = plumbing.NewHash(line)
		return nil
	})
	return out, err
}

// uploadSession is git-upload-pack: what a fetch or a clone asks.
type uploadSession struct{ r *Repo }

func (s *uploadSession) Close() error { return s.r.Close() }

func (s *uploadSession) AdvertisedReferences() (*packp.AdvRefs, error) {
	return s.AdvertisedReferencesContext(context.Background())
}

func (s *uploadSession) AdvertisedReferencesContext(context.Context) (*packp.AdvRefs, error) {
	ar, err := advertise(s.r, capability.OFSDelta)
	if err != nil {
		return nil, err
	}
	if len(ar.References) == 0 {
		return nil, transport.ErrEmptyRemoteRepository
	}
	return ar, nil
}

func (s *uploadSession) UploadPack(ctx context.Context, req *packp.UploadPackRequest) (*packp.UploadPackResponse, error) {
	if req.IsEmpty() {
		return nil, transport.ErrEmptyUploadPackRequest
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if len(req.Shallows) > 0 || !req.Depth.IsZero() {
		return nil, errors.New("shallow fetches are not served")
	}
	objs, err := s.r.objectsToUpload(req.Wants, req.Haves)
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	par.Background("pack", func() error {
		_, err := packfile.NewEncoder(pw, s.r.st, false).Encode(objs, 10)
		return err
	}, func(err error) { pw.CloseWithError(err) })
	return packp.NewUploadPackResponseWithPackfile(req, ioutil.NewContextReadCloser(ctx, pr)), nil
}

// walkItem is a commit in the walk of objectsToUpload.
type walkItem struct {
	c   *object.Commit
	bad bool // reached from what the client has
}

// byTime is a max-heap of commits by committer time: the walk visits the newest first.
type byTime []walkItem

func (h byTime) Len() int           { return len(h) }
func (h byTime) Less(i, j int) bool { return h[i].c.Committer.When.After(h[j].c.Committer.When) }
func (h byTime) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *byTime) Push(x any)        { *h = append(*h, x.(walkItem)) }
func (h *byTime) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// objectsToUpload is what a client holding haves lacks to hold wants: the commits reachable from wants but
// not from haves, and for each the trees and blobs its tree adds to its first parent's (which the client
// holds, or receives too). The commit walk goes newest first over both sides, marks what haves reach, and
// stops as soon as nothing left to visit is wanted — so a fetch costs the commits since the client's last
// view, not the history. A commit sent although the client had it (clocks that disagree) costs bytes only;
// no needed object is ever left out, since only commits reached from haves are skipped. Haves this
// repository does not hold (the client's own commits) are ignored.
func (r *Repo) objectsToUpload(wants, haves []plumbing.Hash) ([]plumbing.Hash, error) {
	const (
		seenGood = 1
		seenBad  = 2
	)
	flags := map[plumbing.Hash]uint8{}
	h := &byTime{}
	good := 0 // wanted commits waiting in h
	push := func(x plumbing.Hash, bad bool) error {
		f := flags[x]
		if f&seenBad != 0 || (!bad && f&seenGood != 0) {
			return nil
		}
		c, err := r.commit(x)
		if err != nil {
			if bad {
				return nil // a have this repository does not hold
			}
			return err
		}
		if bad {
			flags[x] |= seenBad
		} else {
			flags[x] |= seenGood
			good++
		}
		heap.Push(h, walkItem{c: c, bad: bad})
		return nil
	}
	for _, x := range haves {
		if err := push(x, true); err != nil {
			return nil, err
		}
	}
	for _, x := range wants {
		if err := push(x, false); err != nil {
			return nil, fmt.Errorf("want %s: %w", x, err)
		}
	}
	var commits []*object.Commit
	for good > 0 && h.Len() > 0 {
		it := heap.Pop(h).(walkItem)
		if !it.bad {
			good--
		}
		bad := it.bad || flags[it.c.Hash]&seenBad != 0
		if !bad {
			commits = append(commits, it.c)
		}
		for _, p := range it.c.ParentHashes {
			if err := push(p, bad); err != nil {
				return nil, err
			}
		}
	}
	var out []plumbing.Hash
	seen := map[plumbing.Hash]bool{}
	add := func(x plumbing.Hash) {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	for _, c := range commits {
		add(c.Hash)
		parentTree := zero
		if len(c.ParentHashes) > 0 {
			t, err := r.commitTree(c.ParentHashes[0])
			if err != nil {
				return nil, err
			}
			parentTree = t
		}
		err := r.diffTrees(parentTree, c.TreeHash, "", func(d diffEntry) error {
			if d.To != zero {
				add(d.To)
			}
			return nil
		}, add)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// receiveSession is git-receive-pack: what a push sends.
type receiveSession struct {
	r    *Repo
	bare bool
}

func (s *receiveSession) Close() error { return s.r.Close() }

func (s *receiveSession) AdvertisedReferences() (*packp.AdvRefs, error) {
	return s.AdvertisedReferencesContext(context.Background())
}

func (s *receiveSession) AdvertisedReferencesContext(context.Context) (*packp.AdvRefs, error) {
	return advertise(s.r, capability.OFSDelta, capability.ReportStatus)
}

// ReceivePack stores the pack, then moves each branch from the old value the client saw to the new one
// under git's lock file. A ref that moved meanwhile, or whose lock another push holds, is refused in the
// report ("fetch first", "failed to lock"), which the client answers by fetching and rebuilding; what can
// never succeed (deleting, a ref that is not a branch, an object that did not arrive, the checked-out
// branch of a non-bare repository) is an error.
func (s *receiveSession) ReceivePack(ctx context.Context, req *packp.ReferenceUpdateRequest) (*packp.ReportStatus, error) {
	rs := packp.NewReportStatus()
	rs.UnpackStatus = "ok"
	if req.Packfile != nil {
		err := s.unpack(ioutil.NewContextReadCloser(ctx, req.Packfile))
		if err != nil {
			rs.UnpackStatus = "unpack failed: " + err.Error()
			return rs, nil
		}
	}
	for _, cmd := range req.Commands {
		status, err := s.update(cmd)
		if err != nil {
			return nil, err
		}
		rs.CommandStatuses = append(rs.CommandStatuses, &packp.CommandStatus{ReferenceName: cmd.Name, Status: status})
	}
	return rs, nil
}

// unpack stores a pack's objects (storePack).
func (s *receiveSession) unpack(rc io.ReadCloser) error {
	defer rc.Close()
	return storePack(s.r.st, s.r.gitDir, rc)
}

// looseStorer is the repository's storage without its pack writer, so the parser stores each object loose.
type looseStorer struct{ st *filesystem.Storage }

func (l looseStorer) NewEncodedObject() plumbing.EncodedObject { return l.st.NewEncodedObject() }
func (l looseStorer) SetEncodedObject(o plumbing.EncodedObject) (plumbing.Hash, error) {
	return l.st.SetEncodedObject(o)
}
func (l looseStorer) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	return l.st.EncodedObject(t, h)
}
func (l looseStorer) IterEncodedObjects(t plumbing.ObjectType) (storer.EncodedObjectIter, error) {
	return l.st.IterEncodedObjects(t)
}
func (l looseStorer) HasEncodedObject(h plumbing.Hash) error { return l.st.HasEncodedObject(h) }
func (l looseStorer) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	return l.st.EncodedObjectSize(h)
}
func (l looseStorer) AddAlternate(remote string) error { return l.st.AddAlternate(remote) }
func (l looseStorer) SetReference(r *plumbing.Reference) error {
	return errors.New("refs are not written through the object store")
}
func (l looseStorer) CheckAndSetReference(n, o *plumbing.Reference) error { return l.SetReference(n) }
func (l looseStorer) Reference(n plumbing.ReferenceName) (*plumbing.Reference, error) {
	return l.st.Reference(n)
}
func (l looseStorer) IterReferences() (storer.ReferenceIter, error) { return l.st.IterReferences() }
func (l looseStorer) RemoveReference(n plumbing.ReferenceName) error {
	return errors.New("refs are not removed through the object store")
}
func (l looseStorer) CountLooseRefs() (int, error) { return l.st.CountLooseRefs() }
func (l looseStorer) PackRefs() error              { return l.st.PackRefs() }

// update moves one branch from the old value the client saw to the new one (moveRef): "failed to lock"
// or "fetch first" when that cannot be done now, which the client answers by fetching and rebuilding.
func (s *receiveSession) update(cmd *packp.Command) (string, error) {
	switch {
	case !cmd.Name.IsBranch():
		return "", fmt.Errorf("%s: only branches are accepted", cmd.Name)
	case cmd.New == zero:
		return "", fmt.Errorf("%s: deleting a branch is not accepted", cmd.Name)
	}
	if _, err := s.r.commit(cmd.New); err != nil {
		return "", fmt.Errorf("%s: the commit %s did not arrive: %w", cmd.Name, cmd.New, err)
	}
	if !s.bare {
		if b, err := s.r.headBranch(); err == nil && b == cmd.Name.Short() {
			return "", newErr(ErrGit, "win.remote.checked_out", s.r.Root, cmd.Name.Short())
		}
	}
	return moveRef(s.r.gitDir, cmd.Name, cmd.Old, cmd.New)
}

// readRef reads a ref as it is on disk now — its loose file, else its line in packed-refs (zero: absent),
// never a cached view.
func readRef(gitDir string, name plumbing.ReferenceName) (plumbing.Hash, error) {
	b, err := os.ReadFile(filepath.Join(gitDir, filepath.FromSlash(name.String())))
	if err == nil {
		line := strings.TrimSpace(string(b))
		if strings.HasPrefix(line, "ref:") {
			return zero, fmt.Errorf("%s is a symbolic ref", name)
		}
		return plumbing.NewHash(line), nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return zero, err
	}
	packed, err := os.ReadFile(filepath.Join(gitDir, "packed-refs"))
	if errors.Is(err, os.ErrNotExist) {
		return zero, nil
	}
	if err != nil {
		return zero, err
	}
	for _, line := range strings.Split(string(packed), "\n") {
		if h, n, ok := strings.Cut(strings.TrimSpace(line), " "); ok && n == name.String() && len(h) == 40 {
			return plumbing.NewHash(h), nil
		}
	}
	return zero, nil
}
