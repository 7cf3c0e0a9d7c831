package gitrepo

import (
	"net/url"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/transport"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// Auth holds the credentials from settings: COORD_TOKEN for HTTPS, COORD_SSH_KEY or the SSH agent for SSH.
// Its fields are secrets: never print them (String hides them).
type Auth struct {
	// Token is sent over HTTPS as the password of basic auth, with the user "coord" (forges accept any user
	// name with a token) or USER when written USER:TOKEN.
	Token string
	// SSHKey is the path of a private key file; empty means the SSH agent.
	SSHKey string
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
	url     string // without userinfo
	ep      *transport.Endpoint
	auth    transport.AuthMethod
	secrets []string
}

// dial prepares a connection to rawURL: credentials embedded in the URL are moved to the auth method
// (and count as secrets), the token applies to HTTP(S), the key file or agent to SSH.
func dial(rawURL string, a Auth) (*conn, error) {
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
	case "ssh":
		u := ep.User
		if u == "" {
			u = gitssh.DefaultUsername
		}
		if a.SSHKey != "" {
			k, err := gitssh.NewPublicKeysFromFile(u, a.SSHKey, "")
			if err != nil {
				return nil, newErr(ErrAuth, "git.ssh_key", a.SSHKey)
			}
			c.auth = k
		} else {
			k, err := gitssh.NewSSHAgentAuth(u)
			if err != nil {
				return nil, newErr(ErrAuth, "git.ssh_agent")
			}
			c.auth = k
		}
	}
	return c, nil
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
