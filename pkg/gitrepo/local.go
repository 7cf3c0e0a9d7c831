package gitrepo

import (
	"errors"
	"net/url"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
)

// A remote that is a folder — a bare repository on this PC, on a shared folder of the office's server
// (\\server\share\data.git, a mapped drive Z:\data.git) or written as a file:// URL — is served in-process
// (localServer), as HTTPS and SSH are spoken in-process: go-git's own file:// transport runs the
// git-upload-pack and git-receive-pack programs, which a clerk's Windows PC without Git does not have.

var schemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// localRemote says whether a remote address names a folder, and which, under the path rules of Windows
// (windows true) or of a Unix system — a parameter, so both are tested on any system. As git decides it: a
// file:// URL is a folder; another scheme is not; on Windows a UNC path (\\server\share\x, //server/share/x)
// or a drive path (Z:\x, Z:/x, Z:x) is; a "host:path" with no slash before the colon is SSH's scp form;
// anything else is a path, absolute or relative. dir is the folder in the system's spelling (backslashes on
// Windows); a file:// URL naming another host is an error outside Windows, which alone opens \\host\share.
func localRemote(raw string, windows bool) (dir string, local bool, err error) {
	if raw == "" {
		return "", false, nil
	}
	native := func(p string) string {
		if windows {
			return strings.ReplaceAll(p, "/", `\`)
		}
		return p
	}
	if len(raw) >= 7 && strings.EqualFold(raw[:7], "file://") {
		rest := raw[7:]
		host, p := "", rest
		if !strings.HasPrefix(rest, "/") {
			h, tail, _ := strings.Cut(rest, "/")
			host, p = h, "/"+tail
		}
		if p, err = url.PathUnescape(p); err != nil {
			return "", true, err
		}
		if strings.EqualFold(host, "localhost") {
			host = ""
		}
		switch {
		case host != "" && windows:
			return `\\` + host + native(p), true, nil
		case host != "":
			return "", true, errRemoteHost
		case windows && len(p) >= 3 && p[0] == '/' && drivePrefix(p[1:]):
			p = p[1:] // file:///C:/data.git
		}
		return native(p), true, nil
	}
	if schemeRe.MatchString(raw) {
		return "", false, nil
	}
	if windows && (strings.HasPrefix(raw, `\\`) || strings.HasPrefix(raw, "//") || drivePrefix(raw)) {
		return native(raw), true, nil
	}
	if before, _, ok := strings.Cut(raw, ":"); ok && !strings.Contains(before, "/") && !(windows && strings.Contains(before, `\`)) {
		return "", false, nil // host:path, SSH
	}
	return native(raw), true, nil
}

// errRemoteHost is a file:// URL naming another machine outside Windows.
var errRemoteHost = errors.New("a file:// URL names another host")

// drivePrefix reports whether s starts with a drive letter and a colon (C:, z:).
func drivePrefix(s string) bool {
	return len(s) >= 2 && s[1] == ':' && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z')
}

// dialLocal is dial for a folder: ok is false when rawURL is not one. A relative path is remembered
// absolute (a clone's origin must not depend on the folder coord ran in, as git clone does).
func dialLocal(rawURL string) (c *conn, ok bool, err error) {
	dir, local, err := localRemote(rawURL, runtime.GOOS == "windows")
	if !local {
		return nil, false, nil
	}
	if err != nil || dir == "" {
		key := "git.bad_url"
		if err == errRemoteHost {
			key = "win.remote.host"
		}
		return nil, true, newErr(ErrNoRemote, key, rawURL)
	}
	u := rawURL
	if !filepath.IsAbs(dir) {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, true, newErr(ErrNoRemote, "git.bad_url", rawURL)
		}
		dir = abs
		if !schemeRe.MatchString(rawURL) {
			u = abs
		}
	}
	ep := &transport.Endpoint{Protocol: "file", Path: filepath.ToSlash(dir)}
	return &conn{url: u, ep: ep, local: &localServer{dir: dir, url: u}}, true, nil
}

// client is the transport for the connection: the in-process server for a folder, go-git's client for
// HTTP(S) and SSH.
func (c *conn) client() (transport.Transport, error) {
	if c.local != nil {
		return c.local, nil
	}
	return client.NewClient(c.ep)
}
