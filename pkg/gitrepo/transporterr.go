package gitrepo

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"strings"
	"time"
)

// The sentences of transport failures that used to look like something else: an untrusted certificate is
// not a network down (the submission would wait for a network that is fine), a key that needs its
// passphrase is not a wrong key, and an SSH host is either new to this PC or showing another key than the
// one recorded — two situations with different advice.

// hostKeyProblem is the SSH host key failure the callback recorded, if any.
func (c *conn) hostKeyProblem() error {
	if c.ssh == nil {
		return nil
	}
	c.ssh.mu.Lock()
	defer c.ssh.mu.Unlock()
	if c.ssh.recordErr != nil {
		return newErr(ErrHostKey, "transport.known_hosts_write", c.ssh.knownHosts)
	}
	h := c.ssh.hostKey
	if h == nil {
		return nil
	}
	if h.changed {
		return newErr(ErrHostKeyChanged, "transport.host_key_changed", h.host, h.fingerprint, h.file, h.line)
	}
	return newErr(ErrHostKeyUnknown, "transport.host_key_unknown", h.host, h.fingerprint, h.fingerprint, c.ssh.knownHosts)
}

// authProblem is the sentence of a refused authentication: a key that needed a passphrase says so.
func (c *conn) authProblem() error {
	if c.ssh != nil {
		c.ssh.mu.Lock()
		wrong, locked := c.ssh.wrongPass, c.ssh.locked
		c.ssh.mu.Unlock()
		switch {
		case wrong != "":
			return newErr(ErrKeyPassphrase, "transport.ssh_passphrase_wrong", wrong)
		case locked != "":
			return newErr(ErrKeyPassphrase, "transport.ssh_passphrase", locked)
		}
	}
	return newErr(ErrAuth, "git.auth", c.host())
}

// tlsProblem turns a certificate that failed verification into ErrTLS naming the reason; nil when err is
// not about TLS.
func (c *conn) tlsProblem(err error) error {
	var (
		he x509.HostnameError
		ci x509.CertificateInvalidError
		ua x509.UnknownAuthorityError
		cv *tls.CertificateVerificationError
		rh tls.RecordHeaderError
		sr x509.SystemRootsError
	)
	switch {
	case errors.As(err, &he):
		names := certNames(he.Certificate)
		if names == "" {
			names = "?"
		}
		return newErr(ErrTLS, "transport.tls_hostname", c.host(), names, he.Host)
	case errors.As(err, &ci) && ci.Reason == x509.Expired && ci.Cert != nil:
		if time.Now().Before(ci.Cert.NotBefore) {
			return newErr(ErrTLS, "transport.tls_not_yet_valid", c.host(), ci.Cert.NotBefore.Local().Format("2006-01-02"))
		}
		return newErr(ErrTLS, "transport.tls_expired", c.host(), ci.Cert.NotAfter.Local().Format("2006-01-02"))
	case errors.As(err, &ua), errors.As(err, &sr):
		return newErr(ErrTLS, "transport.tls_unknown_ca", c.host())
	case errors.As(err, &ci), errors.As(err, &cv):
		return newErr(ErrTLS, "transport.tls_other", c.host(), Sanitize(err.Error(), c.secrets...))
	case errors.As(err, &rh):
		// An https:// URL answered by a server that does not speak TLS.
		return newErr(ErrTLS, "transport.tls_not_tls", c.host())
	}
	low := strings.ToLower(err.Error())
	if strings.Contains(low, "server gave http response to https client") {
		return newErr(ErrTLS, "transport.tls_not_tls", c.host())
	}
	// Platform verifiers (Windows, macOS) and wrapped errors that lost their type still say so in words.
	if strings.Contains(low, "x509:") || strings.Contains(low, "certificate signed by unknown authority") {
		return newErr(ErrTLS, "transport.tls_other", c.host(), Sanitize(err.Error(), c.secrets...))
	}
	return nil
}

// certNames lists the names a certificate is valid for.
func certNames(cert *x509.Certificate) string {
	if cert == nil {
		return ""
	}
	names := append([]string{}, cert.DNSNames...)
	for _, ip := range cert.IPAddresses {
		names = append(names, ip.String())
	}
	if len(names) == 0 && cert.Subject.CommonName != "" {
		names = append(names, cert.Subject.CommonName)
	}
	return strings.Join(names, ", ")
}
