package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/capability"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/sideband"
	"github.com/go-git/go-git/v5/plumbing/revlist"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// The wire layer. go-git's Remote.Push walks every object reachable from the remote's refs to decide what
// to send (seconds on a 100,000-file repo) and writes refs in place; here the objects to send are the
// commits of the submission and the trees and blobs their tree diffs add, and refs are written atomically.

// classify turns a transport error into one of the package's kinds, with no secret in it.
func (c *conn) classify(err error) error {
	if err == nil {
		return nil
	}
	var ge *Error
	if errors.As(err, &ge) {
		return err
	}
	// What the SSH callbacks saw, and the certificate's own error, come first: x/crypto reports them as a
	// failed handshake and net/http as a *url.Error, which is a net.Error and would read as "unreachable".
	if e := c.hostKeyProblem(); e != nil {
		return e
	}
	if e := c.tlsProblem(err); e != nil {
		return e
	}
	msg := err.Error()
	low := strings.ToLower(msg)
	var ne net.Error
	switch {
	case errors.Is(err, errLockedKey), strings.Contains(low, "passphrase protected"):
		return c.authProblem()
	case errors.Is(err, transport.ErrAuthenticationRequired), errors.Is(err, transport.ErrAuthorizationFailed),
		errors.Is(err, transport.ErrInvalidAuthMethod),
		strings.Contains(low, "unable to authenticate"), strings.Contains(low, "no supported methods remain"):
		return c.authProblem()
	case strings.Contains(low, "knownhosts") || strings.Contains(low, "host key"):
		return newErr(ErrHostKey, "git.host_key", c.host())
	case errors.Is(err, transport.ErrRepositoryNotFound),
		strings.Contains(low, "does not appear to be a git repository"), strings.Contains(low, "not a git repository"):
		return newErr(ErrRepoNotFound, "git.repo_not_found", c.host())
	case errors.Is(err, transport.ErrEmptyRemoteRepository):
		return newErr(ErrEmptyRemote, "git.empty_remote", c.host())
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH), errors.As(err, &ne),
		errors.Is(err, io.ErrUnexpectedEOF),
		strings.Contains(low, "connection refused"), strings.Contains(low, "no such host"),
		strings.Contains(low, "network is unreachable"), strings.Contains(low, "i/o timeout"),
		strings.Contains(low, "connection reset"), strings.Contains(low, "timeout"),
		strings.Contains(low, "server misbehaving"), strings.Contains(low, "no route to host"):
		return newErr(ErrUnreachable, "git.unreachable", c.host())
	}
	return newErr(ErrGit, "git.remote_failed", c.host(), Sanitize(msg, c.secrets...))
}

// advertised lists the server's branches (an empty server has none).
func (c *conn) advertised(ctx context.Context, sess transport.Session) (*packp.AdvRefs, error) {
	ar, err := sess.AdvertisedReferencesContext(ctx)
	if errors.Is(err, transport.ErrEmptyRemoteRepository) {
		return packp.NewAdvRefs(), nil
	}
	if err != nil {
		return nil, c.classify(err)
	}
	return ar, nil
}

// fetch downloads the server's branches (short names), records them as refs/remotes/<remote>/<b> and returns
// their tips (zero for a branch the server lacks). haves are commits to tell the server we already hold.
func (r *Repo) fetch(ctx context.Context, c *conn, remote string, branches []string) (map[string]plumbing.Hash, error) {
	tips, _, err := r.fetchCounting(ctx, c, remote, branches)
	return tips, err
}

// fetchCounting is fetch that also says how many refs the server advertised (0: an empty repository).
func (r *Repo) fetchCounting(ctx context.Context, c *conn, remote string, branches []string) (map[string]plumbing.Hash, int, error) {
	cl, err := c.client()
	if err != nil {
		return nil, 0, c.classify(err)
	}
	sess, err := cl.NewUploadPackSession(c.ep, c.auth)
	if err != nil {
		return nil, 0, c.classify(err)
	}
	defer sess.Close()
	ar, err := c.advertised(ctx, sess)
	if err != nil {
		return nil, 0, err
	}
	tips := map[string]plumbing.Hash{}
	var wants []plumbing.Hash
	for _, b := range branches {
		h := ar.References[plumbing.NewBranchReferenceName(b).String()]
		tips[b] = h
		if h != zero && r.st.HasEncodedObject(h) != nil {
			wants = append(wants, h)
		}
	}
	if len(wants) > 0 {
		req := packp.NewUploadPackRequestFromCapabilities(ar.Capabilities)
		req.Capabilities.Delete(capability.ThinPack) // a thin pack stored as is would be unusable by git fsck
		if ar.Capabilities.Supports(capability.NoProgress) {
			_ = req.Capabilities.Set(capability.NoProgress)
		}
		req.Wants = wants
		req.Haves = r.haves(remote, branches)
		rd, err := sess.UploadPack(ctx, req)
		if err != nil && !errors.Is(err, transport.ErrEmptyUploadPackRequest) {
			return nil, 0, c.classify(err)
		}
		if err == nil {
			var in io.Reader = rd
			switch {
			case req.Capabilities.Supports(capability.Sideband64k):
				in = sideband.NewDemuxer(sideband.Sideband64k, rd)
			case req.Capabilities.Supports(capability.Sideband):
				in = sideband.NewDemuxer(sideband.Sideband, rd)
			}
			perr := storePack(r.st, r.gitDir, in) // never a half-written index, whenever the process dies
			rd.Close()
			if perr != nil {
				return nil, 0, c.classify(perr)
			}
		}
	}
	for b, h := range tips {
		if h == zero {
			continue
		}
		if err := r.setRef(plumbing.NewRemoteReferenceName(remote, b), h); err != nil {
			return nil, 0, wrapGit(err)
		}
	}
	return tips, len(ar.References), nil
}

// haves are the tips we hold of the branches and their remote-tracking refs, with some first-parent
// ancestors, so the server sends only what is new.
func (r *Repo) haves(remote string, branches []string) []plumbing.Hash {
	seen := map[plumbing.Hash]bool{}
	var out []plumbing.Hash
	for _, b := range branches {
		for _, n := range []plumbing.ReferenceName{plumbing.NewBranchReferenceName(b), plumbing.NewRemoteReferenceName(remote, b)} {
			h, _ := r.refHash(n)
			for i := 0; i < 32 && h != zero && !seen[h]; i++ {
				c, err := r.commit(h)
				if err != nil {
					break
				}
				seen[h] = true
				out = append(out, h)
				if len(c.ParentHashes) == 0 {
					break
				}
				h = c.ParentHashes[0]
			}
		}
	}
	return out
}

// pushOutcome says what a push attempt did.
type pushOutcome int

const (
	pushed     pushOutcome = iota
	upToDate               // the server already has tip on the branch
	needsFetch             // the server's branch is not an ancestor of tip, or not where tip was built: fetch and rebuild first
	rejected               // the server refused the update (it moved meanwhile): fetch and rebuild
)

// push updates refs/heads/<branch> on the server from its current tip to tip, sending only the objects of
// the commits in between. It never forces: old must be an ancestor of tip on its first-parent line. expect,
// when not zero, is the server's tip that tip was built on (what the clone last fetched): a server whose
// branch stands anywhere else is fetched first (needsFetch), even when the push would be a fast-forward —
// an administrator who purged commits by moving the branch back leaves an ancestor of tip there, and a
// fast-forward would put the purged commits back.
func (r *Repo) push(ctx context.Context, c *conn, remote, branch string, tip, expect plumbing.Hash) (pushOutcome, string, error) {
	cl, err := c.client()
	if err != nil {
		return 0, "", c.classify(err)
	}
	sess, err := cl.NewReceivePackSession(c.ep, c.auth)
	if err != nil {
		return 0, "", c.classify(err)
	}
	defer sess.Close()
	ar, err := c.advertised(ctx, sess)
	if err != nil {
		return 0, "", err
	}
	ref := plumbing.NewBranchReferenceName(branch)
	old := ar.References[ref.String()]
	if old == tip {
		return upToDate, "", r.setRef(plumbing.NewRemoteReferenceName(remote, branch), tip)
	}
	if expect != zero && old != zero && old != expect {
		return needsFetch, "", nil
	}
	known := map[plumbing.Hash]bool{}
	for _, h := range ar.References {
		known[h] = true
	}
	objs, ok, err := r.objectsToSend(tip, old, known)
	if err != nil {
		return 0, "", wrapGit(err)
	}
	if !ok {
		return needsFetch, "", nil
	}
	var pack bytes.Buffer
	if _, err := packfile.NewEncoder(&pack, r.st, !ar.Capabilities.Supports(capability.OFSDelta)).Encode(objs, 10); err != nil {
		return 0, "", wrapGit(err)
	}
	req := packp.NewReferenceUpdateRequestFromCapabilities(ar.Capabilities)
	req.Commands = []*packp.Command{{Name: ref, Old: old, New: tip}}
	req.Packfile = io.NopCloser(&pack)
	rs, err := sess.ReceivePack(ctx, req)
	// go-git returns the report together with an error when a command was refused: read the report first.
	if err != nil && rs == nil {
		return 0, "", c.classify(err)
	}
	if rs != nil {
		if rs.UnpackStatus != "ok" {
			return 0, "", newErr(ErrGit, "git.remote_failed", c.host(), Sanitize(rs.UnpackStatus, c.secrets...))
		}
		for _, cs := range rs.CommandStatuses {
			if cs.Status != "ok" {
				return rejected, Sanitize(cs.Status, c.secrets...), nil
			}
		}
	}
	return pushed, "", r.setRef(plumbing.NewRemoteReferenceName(remote, branch), tip)
}

// objectsToSend lists the commits from tip back to old (first parents) and the trees and blobs each adds
// to its parent. With old zero the walk stops at any commit the server advertises (known), or sends the
// whole history. ok is false when old is not on tip's first-parent line.
func (r *Repo) objectsToSend(tip, old plumbing.Hash, known map[plumbing.Hash]bool) ([]plumbing.Hash, bool, error) {
	var out []plumbing.Hash
	seen := map[plumbing.Hash]bool{}
	add := func(h plumbing.Hash) {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	h := tip
	for n := 0; ; n++ {
		if h == old && old != zero {
			return out, true, nil
		}
		if old == zero && known[h] {
			return out, true, nil
		}
		if n > 10000 {
			return nil, false, nil
		}
		c, err := r.commit(h)
		if err != nil {
			return nil, false, err
		}
		if len(c.ParentHashes) == 0 {
			if old != zero {
				return nil, false, nil
			}
			// The server holds none of this history: send all of it.
			all, err := revlist.Objects(r.st, []plumbing.Hash{tip}, nil)
			return all, true, err
		}
		add(h)
		ptree, err := r.commitTree(c.ParentHashes[0])
		if err != nil {
			return nil, false, err
		}
		err = r.diffTrees(ptree, c.TreeHash, "", func(d diffEntry) error {
			if d.To != zero {
				add(d.To)
			}
			return nil
		}, add)
		if err != nil {
			return nil, false, err
		}
		h = c.ParentHashes[0]
	}
}
