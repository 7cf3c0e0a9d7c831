package cmdutil_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/cmd/clone"
	synccmd "github.com/coordvn/coord/pkg/cmd/sync"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// The settings reach the git layer: ca_file, ssh_trust, token, ssh_key; and no passphrase prompt without
// a terminal (a test's standard input is a reader, as CI's is no terminal).
func TestGitAuthFromSettings(t *testing.T) {
	r := newRun(t.TempDir(), map[string]string{"ca_file": " /etc/coord/ca.pem ", "ssh_trust": "SHA256:abc", "ssh_key": "/k", "token": "t0k-xyz"})
	a := r.f.GitAuth()
	if a.CAFile != "/etc/coord/ca.pem" || a.TrustHostKey != "SHA256:abc" || a.SSHKey != "/k" || a.Token != "t0k-xyz" || a.Passphrase != nil {
		t.Fatalf("auth %v, passphrase prompt %v", a, a.Passphrase != nil)
	}
	if strings.Contains(a.String(), "t0k-xyz") {
		t.Fatal("the token is shown")
	}
}

// `coord clone`, `coord sync` and Publish (what approve, issue and merge push with) against a server whose
// certificate a private authority signed: without ca_file, exit 2 with the certificate's sentence and
// nothing "pending"; with ca_file, they work.
func TestCAFileSetting(t *testing.T) {
	ca := gittest.NewCA(t, "coord test CA")
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seed, "init")
	now := time.Now()
	srv := gittest.NewTLSServer(t, root, "coord", token, ca.Leaf(t, []string{"127.0.0.1"}, now.Add(-time.Hour), now.Add(time.Hour)))
	url := srv.RepoURL("data.git")
	work := t.TempDir()
	dir := filepath.Join(work, "dong-nai")

	r := newRun(work, map[string]string{"lang": "vi"})
	err := clone.Run(&clone.Options{F: r.f, Ctx: context.Background(), URL: url, Dir: dir})
	if cmdutil.Code(err) != 2 || !strings.Contains(err.Error(), "is not signed by an authority this PC trusts") {
		t.Fatalf("clone without ca_file: exit %d, %v", cmdutil.Code(err), err)
	}
	if _, serr := os.Stat(dir); serr == nil {
		t.Fatal("a failed clone left its folder")
	}

	r = newRun(work, map[string]string{"ca_file": ca.File})
	if err := clone.Run(&clone.Options{F: r.f, Ctx: context.Background(), URL: url, Dir: dir}); err != nil {
		t.Fatalf("clone with ca_file: %v\n%s", err, r.err.String())
	}

	files, want := outputs()
	r = newRun(dir, nil)
	res, err := publish(r.f, context.Background(), dir, files, message(), false)
	if cmdutil.Code(err) != 2 || res == nil || res.Pending || res.Pushed || !res.Committed {
		t.Fatalf("publish without ca_file: exit %d %+v %v\n%s", cmdutil.Code(err), res, err, r.err.String())
	}
	if strings.Contains(r.err.String(), "cannot reach") || strings.Contains(r.err.String(), "coord sync` will push") {
		t.Fatalf("an untrusted certificate was reported as a network problem:\n%s", r.err.String())
	}

	r = newRun(dir, map[string]string{"ca_file": ca.File})
	if err := synccmd.Run(&synccmd.Options{F: r.f, Ctx: context.Background()}); err != nil {
		t.Fatalf("sync with ca_file: %v\n%s", err, r.out.String())
	}
	sameBytes(t, "server", atRev(bare, "main", want), want)
}
