// Package gittest runs real Git servers for tests: bare repositories over file://, `git http-backend`
// behind a loopback HTTP or HTTPS server with basic auth (certificates from a CA made in the test), and
// OpenSSH's sshd serving the system git on a loopback port. It uses the machine's git and sshd (the
// Makefile's deps step installs them); it is imported by tests only, never by coord itself.
package gittest

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/cgi"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Git returns the path of the git binary, failing the test when there is none.
func Git(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("git")
	if err != nil {
		t.Fatal("git is not installed: these tests run a real git server (`make deps` / .ci/deps.sh installs git)")
	}
	return p
}

// Env is an environment for git commands isolated from the user's configuration.
func Env(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "XDG_CONFIG_HOME=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "XDG_CONFIG_HOME="+home, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.vn",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.vn", "GIT_TERMINAL_PROMPT=0")
}

// Run runs git in dir with extra environment variables and returns its trimmed stdout; it fails the test
// on error.
func Run(t testing.TB, dir string, extraEnv []string, args ...string) string {
	t.Helper()
	out, err := Try(dir, extraEnv, args...)
	if err != nil {
		t.Fatalf("git %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return out
}

// Try is Run that returns the error instead of failing.
func Try(dir string, extraEnv []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(Env(os.TempDir()), extraEnv...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		return strings.TrimSpace(out.String() + errb.String()), err
	}
	return strings.TrimSpace(out.String()), nil
}

// NewBare creates an empty bare repository root/name (default branch main) that accepts pushes over HTTP.
func NewBare(t testing.TB, root, name string) string {
	t.Helper()
	Git(t)
	p := filepath.Join(root, name)
	Run(t, root, nil, "init", "-q", "--bare", "-b", "main", p)
	Run(t, p, nil, "config", "http.receivepack", "true")
	Run(t, p, nil, "config", "receive.denyNonFastForwards", "true")
	return p
}

// Seed commits files (slash paths → content) on main of the bare repository, with the git CLI.
func Seed(t testing.TB, bare string, files map[string]string, message string) {
	t.Helper()
	work := t.TempDir()
	Run(t, work, nil, "init", "-q", "-b", "main")
	if out, err := Try(bare, nil, "rev-parse", "--verify", "-q", "refs/heads/main"); err == nil && out != "" {
		Run(t, work, nil, "fetch", "-q", bare, "main")
		Run(t, work, nil, "reset", "-q", "--hard", "FETCH_HEAD")
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		full := filepath.Join(work, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(files[p]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	Run(t, work, nil, "add", "-A")
	Run(t, work, nil, "commit", "-q", "-m", message)
	Run(t, work, nil, "push", "-q", bare, "HEAD:refs/heads/main")
}

// FileURL is the file:// URL of a local repository.
func FileURL(p string) string { return "file://" + filepath.ToSlash(p) }

// Server is `git http-backend` serving the bare repositories under Root at URL, with basic auth.
type Server struct {
	Root       string
	User, Pass string
	URL        string // http://127.0.0.1:PORT/
	addr       string
	mu         sync.Mutex
	srv        *http.Server
	Requests   int
	log        lockedBuffer
	tlsConfig  *tls.Config // HTTPS when set (NewTLSServer)
}

// lockedBuffer collects the backends' stderr.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// RequestCount is how many requests the server has received (read under its lock, unlike Requests).
func (s *Server) RequestCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Requests
}

// Log returns what the git backends wrote to stderr.
func (s *Server) Log() string {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return s.log.b.String()
}

// NewServer starts a server for the bare repositories under root; it stops when the test ends.
func NewServer(t testing.TB, root, user, pass string) *Server {
	t.Helper()
	Git(t)
	s := &Server{Root: root, User: user, Pass: pass}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	s.URL = "http://" + s.addr + "/"
	s.serve(ln)
	t.Cleanup(s.Stop)
	return s
}

func (s *Server) handler() http.Handler {
	execPath, _ := Try("", nil, "--exec-path")
	backend := &cgi.Handler{
		Path: filepath.Join(execPath, "git-http-backend"),
		Root: "/",
		Env: []string{"GIT_PROJECT_ROOT=" + s.Root, "GIT_HTTP_EXPORT_ALL=1", "GIT_CONFIG_NOSYSTEM=1",
			"HOME=" + s.Root},
		InheritEnv: []string{"PATH"},
		Stderr:     &s.log, // the backend's own complaints (refused ref updates, unknown repos) stay out of test output
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.Requests++
		s.mu.Unlock()
		u, p, ok := r.BasicAuth()
		if s.User != "" && (!ok || u != s.User || p != s.Pass) {
			w.Header().Set("WWW-Authenticate", `Basic realm="coord test"`)
			http.Error(w, "authentication required", http.StatusUnauthorized)
			return
		}
		backend.ServeHTTP(w, r)
	})
}

func (s *Server) serve(ln net.Listener) {
	if s.tlsConfig != nil {
		ln = tls.NewListener(ln, s.tlsConfig)
	}
	s.mu.Lock()
	s.srv = &http.Server{Handler: s.handler(), ErrorLog: s.errorLog()}
	srv := s.srv
	s.mu.Unlock()
	go srv.Serve(ln)
}

// Stop closes the server: clients then find the port closed (unreachable).
func (s *Server) Stop() {
	s.mu.Lock()
	srv := s.srv
	s.srv = nil
	s.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// Start serves again on the same address after Stop.
func (s *Server) Start(t testing.TB) {
	t.Helper()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		t.Fatal(err)
	}
	s.serve(ln)
}

// RepoURL is the URL of the bare repository name under Root.
func (s *Server) RepoURL(name string) string { return s.URL + name }

// ClosedURL is a loopback URL where nothing listens.
func ClosedURL(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return fmt.Sprintf("http://%s/data.git", addr)
}

// Fsck runs `git fsck --strict` on a repository (bare or not) and fails the test on any problem.
func Fsck(t testing.TB, dir string) {
	t.Helper()
	if out, err := Try(dir, nil, "fsck", "--strict", "--no-progress"); err != nil || strings.Contains(out, "error") {
		t.Fatalf("git fsck in %s: %v\n%s", dir, err, out)
	}
}

// Show returns the content of path on rev in the repository at dir ("" and false when absent).
func Show(dir, rev, path string) (string, bool) {
	cmd := exec.Command("git", "-C", dir, "show", rev+":"+path)
	cmd.Env = Env(os.TempDir())
	out, err := cmd.Output()
	if err != nil {
		return "", false
	}
	return string(out), true
}
