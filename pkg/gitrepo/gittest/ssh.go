package gittest

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// SSHServer is OpenSSH's sshd on a loopback port, run as the test's own user with its own host key and
// authorized_keys, serving the bare repositories under Root through the system git's git-upload-pack and
// git-receive-pack — what an office's Git server over SSH is.
type SSHServer struct {
	Root        string
	Host        string // 127.0.0.1
	Port        int
	User        string // the account the server logs clients into: the test's own
	HostKey     ssh.PublicKey
	Fingerprint string // SHA256:… of HostKey
	dir         string
	cmd         *exec.Cmd
	done        chan struct{}
}

// Sshd returns the path of OpenSSH's server. It skips the test when COORD_SKIP_EXTERNAL=1 and fails it
// when sshd is missing (`make deps` / .ci/deps.sh installs openssh-server).
func Sshd(t testing.TB) string {
	t.Helper()
	if os.Getenv("COORD_SKIP_EXTERNAL") == "1" {
		t.Skip("COORD_SKIP_EXTERNAL=1: not running sshd")
	}
	if p, err := exec.LookPath("sshd"); err == nil {
		if abs, err := filepath.Abs(p); err == nil {
			return abs // sshd re-executes itself and insists on an absolute path
		}
	}
	for _, p := range []string{"/usr/sbin/sshd", "/usr/local/sbin/sshd"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("sshd is not installed: these tests run a real SSH server (`make deps` / .ci/deps.sh installs openssh-server), or set COORD_SKIP_EXTERNAL=1 to skip them")
	return ""
}

// NewSSHServer starts sshd for the bare repositories under root, accepting the given client keys; it
// stops when the test ends.
func NewSSHServer(t testing.TB, root string, authorized ...ssh.PublicKey) *SSHServer {
	t.Helper()
	sshd := Sshd(t)
	Git(t)
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, hostPriv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	hostKeyFile := filepath.Join(dir, "ssh_host_ed25519_key")
	block, err := ssh.MarshalPrivateKey(hostPriv, "coord test host")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hostKeyFile, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(hostPriv)
	if err != nil {
		t.Fatal(err)
	}
	s := &SSHServer{Root: root, Host: "127.0.0.1", User: u.Username, HostKey: signer.PublicKey(),
		Fingerprint: ssh.FingerprintSHA256(signer.PublicKey()), dir: dir}
	var ak strings.Builder
	for _, k := range authorized {
		ak.Write(ssh.MarshalAuthorizedKey(k))
	}
	if err := os.WriteFile(filepath.Join(dir, "authorized_keys"), []byte(ak.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		// Run as root, sshd wants its privilege separation folder (the Debian service makes it at start).
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			t.Fatalf("sshd needs /run/sshd: %v", err)
		}
	}
	execPath, _ := Try("", nil, "--exec-path")
	// The session's PATH must find git-upload-pack and git-receive-pack: git's exec path first, then the
	// test's own PATH (sshd would otherwise give the session its compiled-in default).
	path := execPath + string(os.PathListSeparator) + os.Getenv("PATH")
	// A port picked free and then handed to sshd can be taken meanwhile by another test: try a few.
	var lastLog string
	for attempt := 0; attempt < 5; attempt++ {
		s.Port = freePort(t)
		cfg := strings.Join([]string{
			"Port " + strconv.Itoa(s.Port),
			"ListenAddress " + s.Host,
			"HostKey " + hostKeyFile,
			"PidFile none",
			"AuthorizedKeysFile " + filepath.Join(dir, "authorized_keys"),
			"StrictModes no",
			"UsePAM no",
			"PubkeyAuthentication yes",
			"PasswordAuthentication no",
			"KbdInteractiveAuthentication no",
			"PermitRootLogin prohibit-password",
			"AllowTcpForwarding no",
			"X11Forwarding no",
			"PrintMotd no",
			"UseDNS no",
			"LogLevel VERBOSE",
			"SetEnv PATH=" + path + " GIT_CONFIG_NOSYSTEM=1",
		}, "\n") + "\n"
		cfgFile := filepath.Join(dir, "sshd_config")
		if err := os.WriteFile(cfgFile, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		logFile := filepath.Join(dir, "sshd.log")
		os.Remove(logFile)
		cmd := exec.Command(sshd, "-D", "-f", cfgFile, "-E", logFile)
		if err := cmd.Start(); err != nil {
			t.Fatalf("starting sshd: %v", err)
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		if waitListening(net.JoinHostPort(s.Host, strconv.Itoa(s.Port)), done) {
			s.cmd, s.done = cmd, done
			t.Cleanup(s.Stop)
			return s
		}
		cmd.Process.Kill()
		<-done
		b, _ := os.ReadFile(logFile)
		lastLog = string(b)
		if !strings.Contains(lastLog, "Address already in use") {
			break
		}
	}
	t.Fatalf("sshd did not start:\n%s", lastLog)
	return nil
}

// waitListening waits until addr accepts a connection, or the server exits (false), for at most 20 s
// (sshd is ready in milliseconds; the bound is only there so that a broken sshd cannot hang the test).
func waitListening(addr string, exited <-chan struct{}) bool {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return false
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Stop ends sshd (the process this helper started, by its own handle).
func (s *SSHServer) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Kill()
	<-s.done
	s.cmd = nil
}

// Log returns what sshd wrote to its log (authentication attempts, errors).
func (s *SSHServer) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "sshd.log"))
	return string(b)
}

// RepoURL is the ssh:// URL of the bare repository name under Root, with the server's user.
func (s *SSHServer) RepoURL(name string) string {
	return fmt.Sprintf("ssh://%s@%s:%d%s", s.User, s.Host, s.Port, filepath.ToSlash(filepath.Join(s.Root, name)))
}

// KnownHostsLine is the line of known_hosts that vouches for this server.
func (s *SSHServer) KnownHostsLine() string {
	return fmt.Sprintf("[%s]:%d %s", s.Host, s.Port, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(s.HostKey))))
}

// NewKey writes a new ed25519 client key to dir/name (OpenSSH format, mode 0600, encrypted when passphrase
// is not empty) and dir/name.pub, and returns the private key's path and the public key.
func NewKey(t testing.TB, dir, name, passphrase string) (string, ssh.PublicKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var block *pem.Block
	if passphrase == "" {
		block, err = ssh.MarshalPrivateKey(priv, name)
	} else {
		block, err = ssh.MarshalPrivateKeyWithPassphrase(priv, name, []byte(passphrase))
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p+".pub", ssh.MarshalAuthorizedKey(sp), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, sp
}
