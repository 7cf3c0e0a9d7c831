package gitrepo_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// These tests talk to `git http-backend` behind a real TLS listener on loopback, with certificates from a
// certificate authority made in the test (what an office's server signed by a private authority is).

const tlsToken = "tok-tls-8642"

// tlsServer seeds a bare repo and serves it over HTTPS with a certificate for names, valid from nb to na.
func tlsServer(t *testing.T, ca *gittest.CA, names []string, nb, na time.Time) (*gittest.Server, string) {
	t.Helper()
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	return gittest.NewTLSServer(t, root, "coord", tlsToken, ca.Leaf(t, names, nb, na)), bare
}

// A certificate from an authority the PC does not trust is ErrTLS (exit 2), never "unreachable": submit
// does not leave the commit "pending" for a network that is fine. With ca_file naming the authority,
// clone, submit and sync work.
func TestTLSUntrustedThenCAFile(t *testing.T) {
	ca := gittest.NewCA(t, "So TT&TT test CA")
	now := time.Now()
	srv, bare := tlsServer(t, ca, []string{"127.0.0.1"}, now.Add(-time.Hour), now.Add(24*time.Hour))
	url := srv.RepoURL("data.git")

	dir := filepath.Join(t.TempDir(), "clone")
	_, err := gitrepo.Clone(context.Background(), url, dir, gitrepo.Auth{Token: tlsToken}, "main")
	if !errors.Is(err, gitrepo.ErrTLS) || errors.Is(err, gitrepo.ErrUnreachable) {
		t.Fatalf("want ErrTLS, got %v", err)
	}
	noSecret(t, err, tlsToken)
	sentences(t, err,
		"chứng chỉ TLS của máy chủ "+url+" không do tổ chức cấp chứng chỉ (CA) nào mà máy này tin cậy ký: xin người quản trị tệp PEM của CA đó rồi đặt ca_file (hoặc biến COORD_CA_FILE) là đường dẫn của tệp, hoặc đặt SSL_CERT_FILE trên Linux",
		"the TLS certificate of the server "+url+" is not signed by an authority this PC trusts: ask the administrator for that authority's PEM file and set ca_file (or COORD_CA_FILE) to its path, or SSL_CERT_FILE on Linux")
	if code := cmdutil.Code(cmdutil.GitError(err)); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}

	auth := gitrepo.Auth{Token: tlsToken, CAFile: ca.File}
	if _, err := gitrepo.Clone(context.Background(), url, dir, auth, "main"); err != nil {
		t.Fatalf("clone with ca_file: %v", err)
	}
	clean(t, dir)

	// The same clone submitting without ca_file: refused with ErrTLS, exit 2, the commit kept, not pending.
	s := submission(map[string]string{"a.yaml": "a: 1\n"}, msg("document", "VPUBND", "1/TB-UBND"))
	s.Auth = gitrepo.Auth{Token: tlsToken}
	res, err := gitrepo.Submit(context.Background(), dir, s)
	if !errors.Is(err, gitrepo.ErrTLS) || res == nil || res.Pending || res.Pushed || res.Commit == "" {
		t.Fatalf("submit without ca_file: %+v %v", res, err)
	}
	if code := cmdutil.Code(cmdutil.GitError(err)); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	// Sync with ca_file pushes what stayed local; then a submission goes straight through.
	sr, err := gitrepo.Sync(context.Background(), dir, gitrepo.SyncOptions{Auth: auth})
	if err != nil || sr.Pushed != 1 {
		t.Fatalf("sync with ca_file: %+v %v", sr, err)
	}
	s = submission(map[string]string{"b.yaml": "b: 1\n"}, msg("document", "VPUBND", "2/TB-UBND"))
	s.Auth = auth
	if res, err := gitrepo.Submit(context.Background(), dir, s); err != nil || !res.Pushed {
		t.Fatalf("submit with ca_file: %+v %v", res, err)
	}
	for _, p := range []string{"a.yaml", "b.yaml"} {
		if _, ok := gittest.Show(bare, "main", p); !ok {
			t.Fatalf("%s not on the server", p)
		}
	}

	// A ca_file that is not a PEM bundle is said so, before anything is sent.
	junk := filepath.Join(t.TempDir(), "ca.txt")
	if err := os.WriteFile(junk, []byte("not a certificate\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := srv.RequestCount()
	_, err = gitrepo.Clone(context.Background(), url, filepath.Join(t.TempDir(), "c"), gitrepo.Auth{CAFile: junk}, "main")
	if !errors.Is(err, gitrepo.ErrTLS) || srv.RequestCount() != before {
		t.Fatalf("junk ca_file: %v (%d requests)", err, srv.RequestCount()-before)
	}
	sentences(t, err,
		"tệp ca_file "+junk+" không đọc được hoặc không chứa chứng chỉ PEM nào: đặt ca_file (COORD_CA_FILE) là đường dẫn tệp PEM của tổ chức cấp chứng chỉ (CA) của máy chủ",
		"the ca_file "+junk+" cannot be read or holds no PEM certificate: set ca_file (COORD_CA_FILE) to the path of the PEM file of the server's certificate authority")
}

// A certificate for another host name is ErrTLS naming the names it is for, even from a trusted authority.
func TestTLSWrongHostName(t *testing.T) {
	ca := gittest.NewCA(t, "So TT&TT test CA")
	now := time.Now()
	srv, _ := tlsServer(t, ca, []string{"git.dongnai.example.vn"}, now.Add(-time.Hour), now.Add(24*time.Hour))
	url := srv.RepoURL("data.git")
	_, err := gitrepo.Clone(context.Background(), url, filepath.Join(t.TempDir(), "c"), gitrepo.Auth{Token: tlsToken, CAFile: ca.File}, "main")
	if !errors.Is(err, gitrepo.ErrTLS) || errors.Is(err, gitrepo.ErrUnreachable) {
		t.Fatalf("want ErrTLS, got %v", err)
	}
	sentences(t, err,
		"chứng chỉ TLS của máy chủ "+url+" được cấp cho tên khác (git.dongnai.example.vn), không phải 127.0.0.1: dùng đúng địa chỉ ghi trong chứng chỉ, hoặc nhờ người quản trị cấp chứng chỉ cho địa chỉ này",
		"the TLS certificate of the server "+url+" is for another name (git.dongnai.example.vn), not 127.0.0.1: use the address the certificate names, or ask the administrator for a certificate for this one")
}

// An expired certificate is ErrTLS with the day it expired, even from a trusted authority.
func TestTLSExpired(t *testing.T) {
	ca := gittest.NewCA(t, "So TT&TT test CA")
	now := time.Now()
	expired := now.Add(-48 * time.Hour)
	srv, _ := tlsServer(t, ca, []string{"127.0.0.1"}, now.Add(-72*time.Hour), expired)
	url := srv.RepoURL("data.git")
	_, err := gitrepo.Clone(context.Background(), url, filepath.Join(t.TempDir(), "c"), gitrepo.Auth{Token: tlsToken, CAFile: ca.File}, "main")
	if !errors.Is(err, gitrepo.ErrTLS) {
		t.Fatalf("want ErrTLS, got %v", err)
	}
	day := expired.Local().Format("2006-01-02")
	sentences(t, err,
		"chứng chỉ TLS của máy chủ "+url+" đã hết hạn ngày "+day+": báo người quản trị gia hạn chứng chỉ (và kiểm tra ngày giờ của máy này)",
		"the TLS certificate of the server "+url+" expired on "+day+": ask the administrator to renew it (and check this PC's date and time)")
}

// An https:// URL answered in plain HTTP is ErrTLS too, not a network failure.
func TestTLSServerSpeaksHTTP(t *testing.T) {
	root := t.TempDir()
	gittest.NewBare(t, root, "data.git")
	srv := gittest.NewServer(t, root, "", "")
	url := strings.Replace(srv.RepoURL("data.git"), "http://", "https://", 1)
	_, err := gitrepo.Clone(context.Background(), url, filepath.Join(t.TempDir(), "c"), gitrepo.Auth{}, "main")
	if !errors.Is(err, gitrepo.ErrTLS) {
		t.Fatalf("want ErrTLS, got %v", err)
	}
}
