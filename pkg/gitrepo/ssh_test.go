package gitrepo_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/crypto/ssh"
)

// These tests talk to a real sshd (gittest.NewSSHServer) serving the system git on loopback. Each one has
// its own HOME and no SSH agent, so nothing of the real user's ~/.ssh — keys, known_hosts, config — can make
// a test pass or fail.

// sshHome gives the test an empty HOME and no agent, and returns the HOME.
func sshHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Setenv("SSH_AUTH_SOCK", "")
	t.Setenv("SSH_KNOWN_HOSTS", "")
	return home
}

// sshServer seeds a bare repo and serves it over SSH to the given keys.
func sshServer(t *testing.T, keys ...ssh.PublicKey) (*gittest.SSHServer, string) {
	t.Helper()
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seedFiles, "init")
	return gittest.NewSSHServer(t, root, keys...), bare
}

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func trustServer(t *testing.T, home string, srv *gittest.SSHServer) {
	t.Helper()
	writeFile(t, filepath.Join(home, ".ssh", "known_hosts"), srv.KnownHostsLine()+"\n")
}

// sentences asserts err's exact sentence in Vietnamese and in English.
func sentences(t *testing.T, err error, vi, en string) {
	t.Helper()
	if got := i18n.Localize(err, i18n.VI); got != vi {
		t.Errorf("Vietnamese sentence:\n got %q\nwant %q", got, vi)
	}
	if got := i18n.Localize(err, i18n.EN); got != en {
		t.Errorf("English sentence:\n got %q\nwant %q", got, en)
	}
}

// Clone, submit and sync over SSH with a key file (COORD_SSH_KEY) and the server in known_hosts.
func TestSSHCloneSubmitSync(t *testing.T) {
	home := sshHome(t)
	key, pub := gittest.NewKey(t, t.TempDir(), "clerk", "")
	srv, bare := sshServer(t, pub)
	trustServer(t, home, srv)
	auth := gitrepo.Auth{SSHKey: key}
	clone := filepath.Join(t.TempDir(), "clone")
	cr, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), clone, auth, "main")
	if err != nil {
		t.Fatalf("clone: %v\n%s", err, srv.Log())
	}
	if cr.Files != len(seedFiles) || cr.RemoteURL != gitrepo.Sanitize(srv.RepoURL("data.git")) {
		t.Fatalf("clone result %+v", cr)
	}
	if got := gittest.Run(t, clone, nil, "config", "remote.origin.url"); got != srv.RepoURL("data.git") {
		t.Fatalf("origin is %q", got)
	}
	if got := gittest.Run(t, clone, nil, "config", "branch.main.merge"); got != "refs/heads/main" {
		t.Fatalf("main's upstream is %q", got)
	}
	clean(t, clone)
	p := "programmes/2026/Q3/VPUBND.yaml"
	s := submission(map[string]string{p: "kind: programme\n"}, msg("programme", "VPUBND", "2026-Q3"))
	s.Auth = auth
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if err != nil || !res.Pushed {
		t.Fatalf("submit: %+v %v\n%s", res, err, srv.Log())
	}
	if _, ok := gittest.Show(bare, "main", p); !ok {
		t.Fatal("the submission is not on the server")
	}
	gittest.Seed(t, bare, map[string]string{"programmes/2026/Q3/VPTU.yaml": "kind: programme\n"}, "programme(VPTU): 2026-Q3\n\nCoord-Kind: programme")
	sr, err := gitrepo.Sync(context.Background(), clone, gitrepo.SyncOptions{Auth: auth})
	if err != nil || len(sr.Updated) != 1 || sr.Updated[0] != "programmes/2026/Q3/VPTU.yaml" {
		t.Fatalf("sync: %+v %v", sr, err)
	}
	clean(t, clone)
	gittest.Fsck(t, clone)
	gittest.Fsck(t, bare)
}

// A key with a passphrase and nobody to type it: the sentence says so and points to ssh-agent, whether the
// key is COORD_SSH_KEY or one of the default ~/.ssh files. A wrong passphrase has its own sentence; the
// right one (what the terminal prompt returns) unlocks the key, asked once for the whole clone.
func TestSSHPassphraseKey(t *testing.T) {
	home := sshHome(t)
	key, pub := gittest.NewKey(t, filepath.Join(home, ".ssh"), "id_ed25519", "mat-khau-dung")
	srv, _ := sshServer(t, pub)
	trustServer(t, home, srv)

	for _, auth := range []gitrepo.Auth{{SSHKey: key}, {}} {
		dir := filepath.Join(t.TempDir(), "clone")
		_, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), dir, auth, "main")
		if !errors.Is(err, gitrepo.ErrKeyPassphrase) || !errors.Is(err, gitrepo.ErrAuth) {
			t.Fatalf("auth %v: want ErrKeyPassphrase, got %v", auth, err)
		}
		sentences(t, err,
			"khóa SSH "+key+" có mật khẩu bảo vệ mà coord không hỏi được ở đây (không có cửa sổ dòng lệnh): nạp khóa vào ssh-agent bằng `ssh-add "+key+"` rồi chạy lại, hoặc chạy coord trong cửa sổ dòng lệnh để nhập mật khẩu",
			"the SSH key "+key+" is protected by a passphrase that coord cannot ask for here (no terminal): load it into ssh-agent with `ssh-add "+key+"` and run again, or run coord in a terminal to type the passphrase")
		if _, serr := os.Stat(dir); !errors.Is(serr, fs.ErrNotExist) {
			t.Fatal("a failed clone left its folder behind")
		}
	}

	wrong := gitrepo.Auth{Passphrase: func(string) ([]byte, error) { return []byte("sai"), nil }}
	_, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), filepath.Join(t.TempDir(), "c"), wrong, "main")
	if !errors.Is(err, gitrepo.ErrKeyPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	sentences(t, err,
		"mật khẩu của khóa SSH "+key+" không đúng: chạy lại và nhập đúng mật khẩu, hoặc nạp khóa vào ssh-agent bằng `ssh-add "+key+"`",
		"wrong passphrase for the SSH key "+key+": run again and type the right one, or load the key into ssh-agent with `ssh-add "+key+"`")

	asked := 0
	right := gitrepo.Auth{Passphrase: func(k string) ([]byte, error) {
		asked++
		if k != key {
			t.Errorf("asked for the passphrase of %s", k)
		}
		return []byte("mat-khau-dung"), nil
	}}
	clone := filepath.Join(t.TempDir(), "clone")
	if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), clone, right, "main"); err != nil {
		t.Fatalf("right passphrase: %v", err)
	}
	if asked != 1 {
		t.Fatalf("asked %d times", asked)
	}
	// A submission makes two connections (fetch, push): one question.
	asked = 0
	s := submission(map[string]string{"a.yaml": "a: 1\n"}, msg("document", "VPUBND", "1/TB-UBND"))
	s.Auth = right
	if res, err := gitrepo.Submit(context.Background(), clone, s); err != nil || !res.Pushed {
		t.Fatalf("submit: %+v %v", res, err)
	}
	if asked != 1 {
		t.Fatalf("asked %d times in one submission", asked)
	}
}

// A PC without known_hosts meets the server: the sentence gives the fingerprint and how to accept it
// (COORD_SSH_TRUST), in both languages; accepting with that fingerprint records the key, and the next
// connection needs nothing more. Another fingerprint is not accepted.
func TestSSHUnknownHostKey(t *testing.T) {
	home := sshHome(t)
	key, pub := gittest.NewKey(t, t.TempDir(), "clerk", "")
	srv, _ := sshServer(t, pub)
	knownHosts := filepath.Join(home, ".ssh", "known_hosts")
	dir := filepath.Join(t.TempDir(), "clone")
	_, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), dir, gitrepo.Auth{SSHKey: key}, "main")
	if !errors.Is(err, gitrepo.ErrHostKeyUnknown) || !errors.Is(err, gitrepo.ErrHostKey) || errors.Is(err, gitrepo.ErrHostKeyChanged) {
		t.Fatalf("want ErrHostKeyUnknown, got %v", err)
	}
	host := fmt.Sprintf("[127.0.0.1]:%d", srv.Port)
	sentences(t, err,
		"máy này chưa biết khóa máy chủ SSH của "+host+" (dấu vân tay "+srv.Fingerprint+"): hỏi người quản trị xem đó có đúng là dấu vân tay của máy chủ không, nếu đúng thì đặt COORD_SSH_TRUST="+srv.Fingerprint+" rồi chạy lại, coord sẽ ghi khóa vào "+knownHosts,
		"this PC does not know the SSH host key of "+host+" (fingerprint "+srv.Fingerprint+"): ask the administrator whether that is the server's fingerprint and, if it is, set COORD_SSH_TRUST="+srv.Fingerprint+" and run again; coord then records the key in "+knownHosts)

	other := gitrepo.Auth{SSHKey: key, TrustHostKey: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}
	if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), dir, other, "main"); !errors.Is(err, gitrepo.ErrHostKeyUnknown) {
		t.Fatalf("another fingerprint was accepted: %v", err)
	}
	if _, err := os.Stat(knownHosts); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("known_hosts written for a fingerprint that does not match")
	}

	trusted := gitrepo.Auth{SSHKey: key, TrustHostKey: srv.Fingerprint}
	if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), dir, trusted, "main"); err != nil {
		t.Fatalf("trusted fingerprint: %v", err)
	}
	b, err := os.ReadFile(knownHosts)
	if err != nil || strings.TrimSpace(string(b)) != srv.KnownHostsLine() {
		t.Fatalf("known_hosts after trusting:\n%s (%v)\nwant %s", b, err, srv.KnownHostsLine())
	}
	if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), filepath.Join(t.TempDir(), "c2"), gitrepo.Auth{SSHKey: key}, "main"); err != nil {
		t.Fatalf("once recorded, the host is known: %v", err)
	}
}

// known_hosts holds another key for the server: the "changed" sentence, naming the new fingerprint and the
// file and line of the old key, and nothing is sent — a submission stays local, not pending. Trusting the
// new fingerprint does not override a recorded key.
func TestSSHChangedHostKey(t *testing.T) {
	home := sshHome(t)
	key, pub := gittest.NewKey(t, t.TempDir(), "clerk", "")
	srv, bare := sshServer(t, pub)
	oldPub, _, _ := ed25519.GenerateKey(rand.Reader)
	old, _ := ssh.NewPublicKey(oldPub)
	knownHosts := filepath.Join(home, ".ssh", "known_hosts")
	writeFile(t, knownHosts, "# office servers\n"+fmt.Sprintf("[127.0.0.1]:%d %s", srv.Port, ssh.MarshalAuthorizedKey(old)))

	for _, auth := range []gitrepo.Auth{{SSHKey: key}, {SSHKey: key, TrustHostKey: srv.Fingerprint}} {
		_, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), filepath.Join(t.TempDir(), "c"), auth, "main")
		if !errors.Is(err, gitrepo.ErrHostKeyChanged) || !errors.Is(err, gitrepo.ErrHostKey) {
			t.Fatalf("want ErrHostKeyChanged, got %v", err)
		}
		host := fmt.Sprintf("[127.0.0.1]:%d", srv.Port)
		sentences(t, err,
			"khóa máy chủ SSH của "+host+" đã thay đổi (dấu vân tay mới "+srv.Fingerprint+", khác khóa ghi trong "+knownHosts+" dòng 2): máy chủ có thể đã được cài lại nhưng cũng có thể bị mạo danh, nên coord không gửi gì; hỏi người quản trị, và chỉ khi họ xác nhận dấu vân tay mới thì xóa dòng 2 của "+knownHosts+" rồi chạy lại",
			"the SSH host key of "+host+" has changed (new fingerprint "+srv.Fingerprint+", not the key recorded in "+knownHosts+" line 2): the server may have been reinstalled, or someone may be posing as it, so coord sent nothing; ask the administrator, and only if they confirm the new fingerprint delete line 2 of "+knownHosts+" and run again")
	}

	// A clone made over file:// whose origin is the SSH server: the submission is kept, not pending.
	clone := filepath.Join(t.TempDir(), "clone")
	if _, err := gitrepo.Clone(context.Background(), gittest.FileURL(bare), clone, gitrepo.Auth{}, "main"); err != nil {
		t.Fatal(err)
	}
	gittest.Run(t, clone, nil, "remote", "set-url", "origin", srv.RepoURL("data.git"))
	s := submission(map[string]string{"a.yaml": "a: 1\n"}, msg("document", "VPUBND", "1/TB-UBND"))
	s.Auth = gitrepo.Auth{SSHKey: key}
	res, err := gitrepo.Submit(context.Background(), clone, s)
	if !errors.Is(err, gitrepo.ErrHostKeyChanged) || res == nil || res.Pending || res.Pushed || res.Commit == "" {
		t.Fatalf("submit to a changed host: %+v %v", res, err)
	}
	if _, ok := gittest.Show(bare, "main", "a.yaml"); ok {
		t.Fatal("sent to a server whose key changed")
	}
}

// ~/.ssh/config: an alias with HostName, Port, User and IdentityFile reaches the server as git would, in
// the scp-like form and as ssh://alias/…, and the clone keeps the alias as its origin. The key is at a
// path no default would find, so the clone works only through IdentityFile; a second alias with a User the
// server does not have is refused, so User is what logs in.
func TestSSHConfigAlias(t *testing.T) {
	home := sshHome(t)
	_, pub := gittest.NewKey(t, filepath.Join(home, ".ssh", "office"), "vpubnd_key", "")
	srv, bare := sshServer(t, pub)
	trustServer(t, home, srv)
	writeFile(t, filepath.Join(home, ".ssh", "config"), fmt.Sprintf(`# the province's Git server
Host git-tinh
    HostName 127.0.0.1
    Port %d
    User %s
    IdentityFile ~/.ssh/office/vpubnd_key

Host git-tinh-wrong-user
    HostName=127.0.0.1
    Port=%[1]d
    User nobody-here
    IdentityFile "~/.ssh/office/vpubnd_key"

Host *
    User someone-else
    Port 1
`, srv.Port, srv.User))
	repoPath := filepath.ToSlash(filepath.Join(srv.Root, "data.git"))
	for _, u := range []string{"git-tinh:" + repoPath, "ssh://git-tinh" + repoPath} {
		clone := filepath.Join(t.TempDir(), "clone")
		if _, err := gitrepo.Clone(context.Background(), u, clone, gitrepo.Auth{}, "main"); err != nil {
			t.Fatalf("clone %s: %v\n%s", u, err, srv.Log())
		}
		if got := gittest.Run(t, clone, nil, "config", "remote.origin.url"); got != u {
			t.Fatalf("origin %q, want the alias %q", got, u)
		}
		p := "documents/2026/VPUBND/" + fmt.Sprint(len(u)) + "-TB-UBND.yaml"
		res, err := gitrepo.Submit(context.Background(), clone, submission(map[string]string{p: "kind: document\n"}, msg("document", "VPUBND", "x")))
		if err != nil || !res.Pushed {
			t.Fatalf("submit through %s: %+v %v", u, res, err)
		}
		if _, ok := gittest.Show(bare, "main", p); !ok {
			t.Fatalf("not on the server through %s", u)
		}
	}
	_, err := gitrepo.Clone(context.Background(), "git-tinh-wrong-user:"+repoPath, filepath.Join(t.TempDir(), "c"), gitrepo.Auth{}, "main")
	if !errors.Is(err, gitrepo.ErrAuth) {
		t.Fatalf("a User the server lacks: want ErrAuth, got %v", err)
	}
	if !strings.Contains(srv.Log(), "nobody-here") {
		t.Fatalf("the server never saw the configured user:\n%s", srv.Log())
	}
}

// A Port in ~/.ssh/config that is not a port: the sentence names the file and the value.
func TestSSHConfigBadPort(t *testing.T) {
	home := sshHome(t)
	cfg := filepath.Join(home, ".ssh", "config")
	writeFile(t, cfg, "Host git-tinh\n  HostName 127.0.0.1\n  Port hai-hai\n")
	_, err := gitrepo.Clone(context.Background(), "git-tinh:data.git", filepath.Join(t.TempDir(), "c"), gitrepo.Auth{}, "main")
	if !errors.Is(err, gitrepo.ErrSSHConfig) {
		t.Fatalf("want ErrSSHConfig, got %v", err)
	}
	sentences(t, err, cfg+` ghi Port "hai-hai" cho git-tinh, không phải một cổng hợp lệ: sửa tệp đó`,
		cfg+` sets Port "hai-hai" for git-tinh, which is not a valid port: fix that file`)
}
