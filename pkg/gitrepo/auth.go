package gitrepo

import (
	"crypto/x509"
	"net"
	"net/url"
	"os"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/transport"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
)

// Auth holds the credentials and connection settings from settings: COORD_TOKEN for HTTPS, COORD_SSH_KEY or
// the SSH agent (and ~/.ssh/config) for SSH, ca_file for servers whose certificate a private authority
// signed, ssh_trust for a new SSH server. Token is a secret: never print it (String hides it).
type Auth struct {
	// Token is sent over HTTPS as the password of basic auth, with the user "coord" (forges accept any user
	// name with a token) or USER when written USER:TOKEN. Never over plain http:// except to this PC
	// (loopback): see dial.
	Token string
	// SSHKey is the path of a private key file; empty means the IdentityFile of ~/.ssh/config, else the
	// default key files (~/.ssh/id_ed25519, id_ecdsa, id_rsa), and the SSH agent's keys.
	SSHKey string
	// CAFile is a PEM bundle of certificate authorities trusted for HTTPS on top of the system's roots.
	CAFile string
	// TrustHostKey is the SHA256 fingerprint ("SHA256:…") of an SSH host key the user checked with the
	// server's administrator: a server not yet in known_hosts that shows this key is accepted and recorded.
	TrustHostKey string
	// Passphrase, when set, is asked for the passphrase of an SSH key (the command sets it when a terminal
	// is attached); nil means nobody can type one, and a protected key the agent does not hold is an error
	// that says so.
	Passphrase func(keyFile string) ([]byte, error)
}

// String never shows a secret.
func (a Auth) String() string {
	var parts []string
	if a.Token != "" {
		parts = append(parts, "token=***")
	}
	if a.SSHKey != "" {
		parts = append(parts, "ssh_key="+a.SSHKey)
	}
	if a.CAFile != "" {
		parts = append(parts, "ca_file="+a.CAFile)
	}
	return "Auth{" + strings.Join(parts, " ") + "}"
}

// GoString never shows a secret either (%#v).
func (a Auth) GoString() string { return a.String() }

func (a Auth) secrets() []string {
	var s []string
	if a.Token != "" {
		s = append(s, a.Token)
		if _, tok, ok := strings.Cut(a.Token, ":"); ok {
			s = append(s, tok)
		}
	}
	return s
}

// conn is a remote endpoint with its credentials.
type conn struct {
	url     string // without userinfo, as the user wrote it (an SSH alias stays the alias)
	ep      *transport.Endpoint
	auth    transport.AuthMethod
	secrets []string
	ssh     *sshState    // for SSH: what the host key and key callbacks saw
	local   *localServer // for a folder (file://, a path, a shared folder): served in-process
}

// dial prepares a connection to rawURL: credentials embedded in the URL are moved to the auth method
// (and count as secrets), the token applies to HTTP(S), the key file or agent to SSH. Nothing is sent yet.
func dial(rawURL string, a Auth) (*conn, error) {
	if c, ok, err := dialLocal(rawURL); ok { // a folder: no credentials, no git program
		return c, err
	}
	secrets := a.secrets()
	clean, user, pass := splitUserinfo(rawURL)
	if pass != "" {
		secrets = append(secrets, pass)
	}
	ep, err := transport.NewEndpoint(clean)
	if err != nil {
		return nil, newErr(ErrNoRemote, "git.bad_url", Sanitize(rawURL, secrets...))
	}
	c := &conn{url: clean, ep: ep, secrets: secrets}
	switch ep.Protocol {
	case "http", "https":
		ep.User, ep.Password = "", ""
		switch {
		case a.Token != "":
			u, tok, ok := strings.Cut(a.Token, ":")
			if !ok {
				u, tok = "coord", a.Token
			}
			c.auth = &githttp.BasicAuth{Username: u, Password: tok}
		case pass != "" || user != "":
			c.auth = &githttp.BasicAuth{Username: user, Password: pass}
		}
		// go-git sends the credentials with the very first request: refuse before any is made.
		if c.auth != nil && !credentialsAllowed(ep) {
			return nil, newErr(ErrPlainHTTP, "transport.plain_http", c.host())
		}
		if ep.Protocol == "https" && a.CAFile != "" {
			pem, err := readCABundle(a.CAFile)
			if err != nil {
				return nil, err
			}
			ep.CaBundle = pem // go-git adds it to the system's roots for this endpoint only
		}
	case "ssh":
		home, _ := os.UserHomeDir()
		urlPort := ep.Port
		if !strings.Contains(clean, "://") && urlPort == 22 {
			urlPort = 0 // the scp-like form (host:path) cannot name a port: 22 is go-git's default, not the user's
		}
		t, err := resolveSSH(strings.Trim(ep.Host, "[]"), ep.User, urlPort, home)
		if err != nil {
			return nil, err
		}
		// go-git dials net.JoinHostPort(Host, Port), which brackets an IPv6 address itself.
		ep.Host, ep.Port, ep.User = t.Host, t.Port, t.User
		c.ssh = &sshState{}
		auth, err := c.sshAuthFor(a, t, hostPort(t.Host, t.Port), home)
		if err != nil {
			return nil, err
		}
		c.auth = auth
	}
	return c, nil
}

// credentialsAllowed says whether credentials may be sent to ep: over HTTPS always; over plain http:// only
// to this PC (localhost, 127.0.0.0/8, ::1), where nothing crosses a network to be read on the way — a
// test server, or a tunnel the user set up. Decided on the URL as written, never on what a name resolves
// to, so a DNS answer cannot turn a remote server into an allowed one.
func credentialsAllowed(ep *transport.Endpoint) bool {
	if ep.Protocol != "http" {
		return true
	}
	return isLoopbackHost(ep.Host)
}

func isLoopbackHost(host string) bool {
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// readCABundle reads ca_file: it must hold at least one PEM certificate, or the user would believe the
// server trusted while nothing was added.
func readCABundle(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !x509.NewCertPool().AppendCertsFromPEM(data) {
		return nil, newErr(ErrTLS, "transport.ca_file", path)
	}
	return data, nil
}

// splitUserinfo removes user:password@ from a URL.
func splitUserinfo(raw string) (clean, user, pass string) {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil || u.Scheme == "" || u.Scheme == "ssh" {
		return raw, "", ""
	}
	user = u.User.Username()
	pass, _ = u.User.Password()
	u.User = nil
	return u.String(), user, pass
}

// host is the part of a URL safe to show: scheme://host/path without credentials.
func (c *conn) host() string { return Sanitize(c.url, c.secrets...) }
