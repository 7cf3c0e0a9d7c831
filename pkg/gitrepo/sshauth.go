package gitrepo

import (
	"bytes"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
	"github.com/skeema/knownhosts"
	"golang.org/x/crypto/ssh"
	xknownhosts "golang.org/x/crypto/ssh/knownhosts"
)

// SSH the way git's ssh does it, within go-git's transport: the remote's alias resolved through
// ~/.ssh/config (sshconfig.go), the keys offered in OpenSSH's order, a key with a passphrase unlocked only
// when the server would accept it, and the host key checked against known_hosts with a sentence that says
// whether the host is new or its key has changed.

func init() {
	// go-git would look HostName and Port up a second time in the config it finds through the OS account
	// database (not HOME), and use a configured HostName with port 0 when the URL names no port. dial has
	// already put the resolved host, port and user into the endpoint, so go-git must dial it as it is.
	gitssh.DefaultSSHConfig = nil
}

// sshDialTimeout bounds the TCP connection to an SSH server (x/crypto has none by default): a server that
// does not answer is then unreachable in half a minute instead of the system's minutes.
const sshDialTimeout = 30 * time.Second

// sshState is what the SSH callbacks saw during a connection, for classify to tell the user exactly what
// went wrong (x/crypto only returns "handshake failed").
type sshState struct {
	mu         sync.Mutex
	locked     string        // a key the server would accept needs a passphrase nobody could type
	wrongPass  string        // the passphrase typed for this key was wrong
	hostKey    *hostKeyIssue // the host key was not in known_hosts, or differed
	recordErr  error         // the trusted host key could not be written to known_hosts
	knownHosts string        // the known_hosts file coord writes to
}

// hostKeyIssue describes a host key that known_hosts does not vouch for.
type hostKeyIssue struct {
	changed     bool
	host        string // as known_hosts names it: host, or [host]:port
	fingerprint string // SHA256:… of the key the server showed
	file        string // for a changed key: where the old key is
	line        int
}

// sshAuth is the go-git AuthMethod coord uses for SSH: every signer in one publickey method (x/crypto
// tries a method name only once, so a second publickey method would never run) and our host key check.
type sshAuth struct {
	user     string
	signers  []ssh.Signer
	hostKey  ssh.HostKeyCallback
	hostAlgs []string
}

func (a *sshAuth) Name() string   { return "ssh-public-keys" }
func (a *sshAuth) String() string { return "user: " + a.user + ", name: ssh-public-keys" }

func (a *sshAuth) ClientConfig() (*ssh.ClientConfig, error) {
	signers := a.signers
	return &ssh.ClientConfig{
		User:              a.user,
		Auth:              []ssh.AuthMethod{ssh.PublicKeysCallback(func() ([]ssh.Signer, error) { return signers, nil })},
		HostKeyCallback:   a.hostKey,
		HostKeyAlgorithms: a.hostAlgs,
		Timeout:           sshDialTimeout,
	}, nil
}

// defaultIdentityFiles are the keys ssh(1) tries when the config names none (the common kinds).
var defaultIdentityFiles = []string{"id_ed25519", "id_ecdsa", "id_rsa"}

// sshAuthFor builds the SSH auth of a connection to target (hostPort is what known_hosts names). Keys, in
// OpenSSH's order: COORD_SSH_KEY if set, else the config's IdentityFile entries, else the default key
// files — each through the agent when the agent holds it — then the agent's other keys.
func (c *conn) sshAuthFor(a Auth, t sshTarget, hostPort, home string) (*sshAuth, error) {
	st := c.ssh
	var agentSigners []ssh.Signer
	if ag, err := gitssh.NewSSHAgentAuth(t.User); err == nil && ag.Callback != nil {
		agentSigners, _ = ag.Callback()
	}
	inAgent := map[string]ssh.Signer{}
	for _, s := range agentSigners {
		inAgent[string(s.PublicKey().Marshal())] = s
	}
	files, explicit := t.IdentityFiles, false
	switch {
	case a.SSHKey != "":
		files, explicit = []string{a.SSHKey}, true
	case len(files) == 0 && home != "":
		for _, n := range defaultIdentityFiles {
			files = append(files, filepath.Join(home, ".ssh", n))
		}
	}
	var signers []ssh.Signer
	used := map[string]bool{}
	add := func(s ssh.Signer) {
		k := string(s.PublicKey().Marshal())
		if !used[k] {
			used[k] = true
			signers = append(signers, s)
		}
	}
	for _, f := range files {
		s, err := loadKeyFile(f, a.Passphrase, st)
		if err != nil {
			if explicit {
				return nil, newErr(ErrAuth, "git.ssh_key", f)
			}
			continue // like ssh(1), a configured or default key that is missing or unreadable is skipped
		}
		if s == nil {
			continue
		}
		if as, ok := inAgent[string(s.PublicKey().Marshal())]; ok {
			s = as // the agent holds it unlocked: no passphrase to ask
		}
		add(s)
	}
	for _, s := range agentSigners {
		add(s)
	}
	if len(signers) == 0 {
		return nil, newErr(ErrAuth, "git.ssh_agent")
	}
	kh, err := c.knownHostsCheck(a.TrustHostKey, home)
	if err != nil {
		return nil, err
	}
	return &sshAuth{user: t.User, signers: signers, hostKey: kh.callback, hostAlgs: kh.algorithms(hostPort)}, nil
}

// loadKeyFile reads a private key. A key protected by a passphrase becomes a lockedKey, unlocked only when
// the server accepts its public key; (nil, nil) when such a key cannot be used at all (no public half to
// offer and nobody to type the passphrase: the state remembers it for the sentence). A missing, unreadable
// or unparsable file is an error.
func loadKeyFile(path string, ask func(string) ([]byte, error), st *sshState) (ssh.Signer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := ssh.ParsePrivateKey(data)
	if err == nil {
		return s, nil
	}
	var pm *ssh.PassphraseMissingError
	if !errors.As(err, &pm) {
		return nil, err
	}
	pub := pm.PublicKey
	if pub == nil {
		// Old PEM keys do not carry their public half: OpenSSH then reads it from the .pub file beside.
		if b, err := os.ReadFile(path + ".pub"); err == nil {
			pub, _, _, _, _ = ssh.ParseAuthorizedKey(b)
		}
	}
	k := &lockedKey{path: path, pem: data, ask: ask, st: st}
	if pub == nil {
		// Without the public key the server cannot be asked first: unlock now, or give up on this key.
		if ask == nil {
			st.setLocked(path)
			return nil, nil
		}
		s, err := k.unlock()
		if err != nil {
			return nil, nil
		}
		return s, nil
	}
	k.pub = pub
	return k, nil
}

// lockedKey is a private key with a passphrase. Its public half is offered to the server; the passphrase is
// asked (once per connection) only when the server would accept the key, as ssh(1) does.
type lockedKey struct {
	path   string
	pem    []byte
	pub    ssh.PublicKey
	ask    func(string) ([]byte, error)
	st     *sshState
	mu     sync.Mutex
	signer ssh.Signer
	failed error
}

// errLockedKey stops the authentication: the key the server accepts cannot be used without its passphrase.
var errLockedKey = errors.New("ssh: the private key is passphrase protected")

func (k *lockedKey) PublicKey() ssh.PublicKey { return k.pub }

func (k *lockedKey) Sign(rand io.Reader, data []byte) (*ssh.Signature, error) {
	return k.SignWithAlgorithm(rand, data, "")
}

func (k *lockedKey) SignWithAlgorithm(rand io.Reader, data []byte, algorithm string) (*ssh.Signature, error) {
	s, err := k.unlock()
	if err != nil {
		return nil, err
	}
	if as, ok := s.(ssh.AlgorithmSigner); ok {
		return as.SignWithAlgorithm(rand, data, algorithm)
	}
	return s.Sign(rand, data)
}

func (k *lockedKey) unlock() (ssh.Signer, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.signer != nil || k.failed != nil {
		return k.signer, k.failed
	}
	if k.ask == nil {
		k.st.setLocked(k.path)
		k.failed = errLockedKey
		return nil, k.failed
	}
	pass, err := k.ask(k.path)
	if err != nil {
		k.st.setLocked(k.path)
		k.failed = errLockedKey
		return nil, k.failed
	}
	s, err := ssh.ParsePrivateKeyWithPassphrase(k.pem, pass)
	for i := range pass {
		pass[i] = 0
	}
	if err != nil {
		if errors.Is(err, x509.IncorrectPasswordError) || strings.Contains(err.Error(), "decryption password incorrect") {
			k.st.setWrongPass(k.path)
		} else {
			k.st.setLocked(k.path)
		}
		k.failed = errLockedKey
		return nil, k.failed
	}
	k.signer = s
	return s, nil
}

func (st *sshState) setLocked(path string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.locked == "" {
		st.locked = path
	}
}

func (st *sshState) setWrongPass(path string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.wrongPass = path
}

// knownHostsFiles are the files whose keys vouch for servers: SSH_KNOWN_HOSTS when set (go-git's variable,
// honoured before), else the user's ~/.ssh/known_hosts and the system's. The first is where coord records a
// key the user trusted.
func knownHostsFiles(home string) []string {
	if v := os.Getenv("SSH_KNOWN_HOSTS"); v != "" {
		return filepath.SplitList(v)
	}
	var files []string
	if home != "" {
		files = append(files, filepath.Join(home, ".ssh", "known_hosts"))
	}
	if runtime.GOOS == "windows" {
		if pd := os.Getenv("PROGRAMDATA"); pd != "" {
			files = append(files, filepath.Join(pd, "ssh", "ssh_known_hosts"))
		}
	} else {
		files = append(files, "/etc/ssh/ssh_known_hosts")
	}
	return files
}

// knownHosts is the host key check of one connection.
type knownHosts struct {
	db       *knownhosts.HostKeyDB // nil when no known_hosts file exists yet
	callback ssh.HostKeyCallback
}

// algorithms are the host key types known_hosts holds for hostPort, so that the server is asked for a key
// of a kind we can check (otherwise a server with two key types could show the one we do not hold and
// look changed). Nothing known: the server's preference.
func (k *knownHosts) algorithms(hostPort string) []string {
	if k.db == nil {
		return nil
	}
	return k.db.HostKeyAlgorithms(hostPort)
}

// knownHostsCheck builds the host key check: a key in known_hosts passes; a key that differs from the one
// recorded, or an unknown host, fails with what classify needs to say so. trust is COORD_SSH_TRUST: the
// SHA256 fingerprint of a key the user checked with the administrator; an unknown host showing exactly
// that key is accepted and recorded in the first known_hosts file.
func (c *conn) knownHostsCheck(trust, home string) (*knownHosts, error) {
	files := knownHostsFiles(home)
	var existing []string
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && !st.IsDir() {
			existing = append(existing, f)
		}
	}
	k := &knownHosts{}
	if len(existing) > 0 {
		db, err := knownhosts.NewDB(existing...)
		if err != nil {
			return nil, newErr(ErrHostKey, "transport.known_hosts_bad", strings.Join(existing, ", "))
		}
		k.db = db
	}
	if len(files) > 0 {
		c.ssh.knownHosts = files[0]
	}
	trust = strings.TrimSpace(trust)
	k.callback = func(hostname string, remote net.Addr, key ssh.PublicKey) error {
		var err error = &xknownhosts.KeyError{}
		if k.db != nil {
			err = k.db.HostKeyCallback()(hostname, remote, key)
			if err == nil {
				return nil
			}
		}
		name := xknownhosts.Normalize(hostname)
		fp := ssh.FingerprintSHA256(key)
		var ke *xknownhosts.KeyError
		if !errors.As(err, &ke) {
			return err // a revoked key, or a broken line: classify says the host key is refused
		}
		issue := &hostKeyIssue{host: name, fingerprint: fp}
		if len(ke.Want) > 0 {
			issue.changed, issue.file, issue.line = true, ke.Want[0].Filename, ke.Want[0].Line
		} else if trust != "" && trust == fp {
			if werr := recordKnownHost(c.ssh.knownHosts, name, key); werr != nil {
				c.ssh.mu.Lock()
				c.ssh.recordErr = werr
				c.ssh.mu.Unlock()
				return werr
			}
			return nil
		}
		c.ssh.mu.Lock()
		c.ssh.hostKey = issue
		c.ssh.mu.Unlock()
		return err
	}
	return k, nil
}

// recordKnownHost appends a host's key to a known_hosts file (created with ~/.ssh when missing, readable
// by the user only, as ssh(1) makes them).
func recordKnownHost(file, name string, key ssh.PublicKey) error {
	if file == "" {
		return errors.New("no known_hosts file")
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return err
	}
	prev, err := os.ReadFile(file)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	line := xknownhosts.Line([]string{name}, key) + "\n"
	if len(prev) > 0 && !bytes.HasSuffix(prev, []byte("\n")) {
		line = "\n" + line
	}
	_, err = f.WriteString(line)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// hostPort is how a host and port are written for dialing and for known_hosts lookups.
func hostPort(host string, port int) string {
	return net.JoinHostPort(strings.Trim(host, "[]"), strconv.Itoa(port))
}
