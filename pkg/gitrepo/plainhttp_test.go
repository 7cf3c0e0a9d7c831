package gitrepo_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
)

// recorder is a loopback HTTP server that answers every request with 404 and remembers what it got.
type recorder struct {
	mu    sync.Mutex
	hosts []string // the Host of each request
	auths int      // requests that carried credentials
	url   string
}

func newRecorder(t *testing.T) *recorder {
	t.Helper()
	rec := &recorder{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rec.url = "http://" + ln.Addr().String()
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.hosts = append(rec.hosts, r.Host)
		if r.Header.Get("Authorization") != "" || r.Header.Get("Proxy-Authorization") != "" {
			rec.auths++
		}
		rec.mu.Unlock()
		http.NotFound(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return rec
}

func (rec *recorder) seen() ([]string, int) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]string{}, rec.hosts...), rec.auths
}

// COORD_TOKEN is never sent over plain http:// to a host that is not this PC. The test needs what the
// token would cross a network to: a server that is not on loopback, reached by name. It gets one without
// leaving the machine through an HTTP proxy: coord (net/http under go-git) sends a request for
// http://git.example.invalid/… to the proxy named in HTTP_PROXY, so the loopback recorder standing in as
// proxy receives exactly what would go on the wire to that server, headers included, and the name is never
// resolved. net/http reads HTTP_PROXY once per process, so each clone runs in a fresh test process
// (TestHelperPlainHTTPClone). The control run without a token shows the route is real: the recorder does
// see that request; with the token it sees none at all, because coord refuses before the first request.
func TestTokenNeverSentOverPlainHTTP(t *testing.T) {
	rec := newRecorder(t)
	const remote = "http://git.example.invalid/tinh/data.git"
	const secret = "tok-never-on-the-wire-1357"

	out := helperClone(t, rec.url, remote, "")
	hosts, auths := rec.seen()
	if !strings.Contains(out, "result: other") || len(hosts) == 0 || hosts[0] != "git.example.invalid" || auths != 0 {
		t.Fatalf("control run without a token did not reach the stand-in server (hosts %v, auths %d):\n%s", hosts, auths, out)
	}

	for _, u := range []string{remote, "http://coord:" + secret + "@git.example.invalid/tinh/data.git"} {
		tok := secret
		if strings.Contains(u, "@") {
			tok = ""
		}
		before := len(hosts)
		out = helperClone(t, rec.url, u, tok)
		hosts, auths = rec.seen()
		if !strings.Contains(out, "result: ErrPlainHTTP") || len(hosts) != before || auths != 0 {
			t.Fatalf("credentials for %s: %d new requests, %d with credentials:\n%s", gitrepo.Sanitize(u), len(hosts)-before, auths, out)
		}
		if strings.Contains(out, secret) {
			t.Fatalf("the message shows the token:\n%s", out)
		}
		if !strings.Contains(out, "coord will not send credentials (COORD_TOKEN or a password in the URL) to http://git.example.invalid/tinh/data.git over unencrypted http://: use the server's https:// address, or unset COORD_TOKEN if the server needs no login") ||
			!strings.Contains(out, "coord không gửi thông tin đăng nhập (COORD_TOKEN hoặc mật khẩu trong URL) tới http://git.example.invalid/tinh/data.git qua http:// không mã hóa: dùng địa chỉ https:// của máy chủ, hoặc bỏ COORD_TOKEN nếu máy chủ không cần đăng nhập") {
			t.Fatalf("sentences:\n%s", out)
		}
	}
}

// helperClone runs TestHelperPlainHTTPClone in a new process whose HTTP proxy is proxy.
func helperClone(t *testing.T, proxy, url, token string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperPlainHTTPClone$", "-test.count=1", "-test.v")
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(k) {
		case "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "REQUEST_METHOD":
			continue
		}
		env = append(env, kv)
	}
	cmd.Env = append(env, "HTTP_PROXY="+proxy, "COORD_TEST_PLAIN_HTTP_URL="+url, "COORD_TEST_PLAIN_HTTP_TOKEN="+token)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper process: %v\n%s", err, out)
	}
	return string(out)
}

// TestHelperPlainHTTPClone is the helper process of TestTokenNeverSentOverPlainHTTP; run alone it does
// nothing.
func TestHelperPlainHTTPClone(t *testing.T) {
	url := os.Getenv("COORD_TEST_PLAIN_HTTP_URL")
	if url == "" {
		t.Skip("helper process of TestTokenNeverSentOverPlainHTTP")
	}
	_, err := gitrepo.Clone(context.Background(), url, filepath.Join(t.TempDir(), "c"), gitrepo.Auth{Token: os.Getenv("COORD_TEST_PLAIN_HTTP_TOKEN")}, "main")
	switch {
	case errors.Is(err, gitrepo.ErrPlainHTTP):
		fmt.Println("result: ErrPlainHTTP")
		fmt.Println(err.Error())
		fmt.Println(i18n.Localize(err, i18n.VI))
	default:
		fmt.Printf("result: other (%v)\n", err)
	}
}

// A token over http:// to this PC is allowed (a test server, a tunnel): the loopback server gets it.
func TestTokenOverLoopbackHTTP(t *testing.T) {
	for _, host := range []string{"127.0.0.1", "localhost"} {
		root := t.TempDir()
		bare := gittest.NewBare(t, root, "data.git")
		gittest.Seed(t, bare, seedFiles, "init")
		srv := gittest.NewServer(t, root, "coord", "tok-loopback-97531")
		url := strings.Replace(srv.RepoURL("data.git"), "127.0.0.1", host, 1)
		if _, err := gitrepo.Clone(context.Background(), url, filepath.Join(t.TempDir(), "c"), gitrepo.Auth{Token: "tok-loopback-97531"}, "main"); err != nil {
			t.Fatalf("%s: %v", host, err)
		}
	}
}
