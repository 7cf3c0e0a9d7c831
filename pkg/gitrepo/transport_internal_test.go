package gitrepo

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/transport"
)

// The decision behind "no credentials over plain http://": HTTPS always, http:// only to this PC, judged on
// the URL as written (a name that merely resolves to loopback, or looks like localhost, is not loopback).
func TestCredentialsAllowed(t *testing.T) {
	for url, want := range map[string]bool{
		"https://git.example.vn/tinh/data.git":     true,
		"https://10.0.0.5/data.git":                true,
		"http://127.0.0.1:8080/data.git":           true,
		"http://127.0.0.2/data.git":                true,
		"http://localhost:3000/data.git":           true,
		"http://LOCALHOST/data.git":                true,
		"http://[::1]:8080/data.git":               true,
		"http://git.example.vn/tinh/data.git":      false,
		"http://10.0.0.5/data.git":                 false,
		"http://192.168.1.10:3000/data.git":        false,
		"http://localhost.example.vn/data.git":     false,
		"http://127.0.0.1.example.vn/data.git":     false,
		"http://[::ffff:10.0.0.1]/data.git":        false,
		"http://[fe80::1]/data.git":                false,
		"http://0.0.0.0/data.git":                  false,
		"http://git.example.vn:127/data.git":       false,
		"http://user@git.example.vn/data.git":      false,
		"http://2130706433/data.git":               false, // 127.0.0.1 written as a number is not how a user writes loopback
		"http://127.0.0.1@git.example.vn/data.git": false,
	} {
		ep, err := transport.NewEndpoint(url)
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if got := credentialsAllowed(ep); got != want {
			t.Errorf("credentialsAllowed(%s) = %v, want %v", url, got, want)
		}
	}
}

// ~/.ssh/config read as ssh(1) reads it: first value wins, IdentityFile accumulates, Host patterns with
// wildcards and negation, "Key=value", quotes, comments, Include relative to ~/.ssh, and Match blocks
// (not evaluated) skipped.
func TestSSHConfigLookup(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, ".ssh")
	if err := os.MkdirAll(filepath.Join(dir, "conf.d"), 0o700); err != nil {
		t.Fatal(err)
	}
	cfg := `# offices
Include conf.d/*.conf
Host git-tinh* !git-tinh-cu
    HostName git.dongnai.example.vn   # the real server
    User   git
    IdentityFile ~/.ssh/vpubnd
Host git-tinh*
  Port=2222
  IdentityFile "~/.ssh/my key"
Match exec "false"
  User attacker
Host *.example.vn
  User hidden
Host *
  User fallback
  IdentityFile %d/.ssh/id_%r
`
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "conf.d", "a.conf"), []byte("Host included\n  HostName 10.1.2.3\n  Port 2200\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	files := []string{filepath.Join(dir, "config")}
	for alias, want := range map[string]sshHost{
		"git-tinh": {HostName: "git.dongnai.example.vn", User: "git", Port: "2222", PortFile: files[0],
			IdentityFiles: []string{"~/.ssh/vpubnd", "~/.ssh/my key", "%d/.ssh/id_%r"}},
		"git-tinh-cu": {User: "fallback", Port: "2222", PortFile: files[0], IdentityFiles: []string{"~/.ssh/my key", "%d/.ssh/id_%r"}},
		"included":    {HostName: "10.1.2.3", Port: "2200", PortFile: filepath.Join(dir, "conf.d", "a.conf"), User: "fallback", IdentityFiles: []string{"%d/.ssh/id_%r"}},
		"GIT-TINH":    {HostName: "git.dongnai.example.vn", User: "git", Port: "2222", PortFile: files[0], IdentityFiles: []string{"~/.ssh/vpubnd", "~/.ssh/my key", "%d/.ssh/id_%r"}},
	} {
		got := lookupSSHConfig(alias, files, home)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", alias, got, want)
		}
	}
	tgt, err := resolveSSH("git-tinh", "", 0, home)
	if err != nil {
		t.Fatal(err)
	}
	want := sshTarget{Host: "git.dongnai.example.vn", Port: 2222, User: "git",
		IdentityFiles: []string{filepath.Join(home, ".ssh", "vpubnd"), filepath.Join(home, ".ssh", "my key"), home + "/.ssh/id_git"}}
	if !reflect.DeepEqual(tgt, want) {
		t.Errorf("resolve:\n got %+v\nwant %+v", tgt, want)
	}
	// The URL's user and port win over the config's, as on git's ssh command line.
	if tgt, _ := resolveSSH("git-tinh", "vpubnd", 22022, home); tgt.User != "vpubnd" || tgt.Port != 22022 {
		t.Errorf("URL user and port: %+v", tgt)
	}
}

func TestWildMatch(t *testing.T) {
	for _, c := range []struct {
		pat, s string
		want   bool
	}{
		{"*", "anything", true}, {"git-*", "git-tinh", true}, {"git-?inh", "git-tinh", true}, {"git-?", "git-tinh", false},
		{"*.example.vn", "git.example.vn", true}, {"*.example.vn", "example.vn", false}, {"a*b*c", "aXbYc", true},
		{"a*b*c", "aXbY", false}, {"", "", true}, {"**", "", true},
	} {
		if got := wildMatch(c.pat, c.s); got != c.want {
			t.Errorf("wildMatch(%q, %q) = %v", c.pat, c.s, got)
		}
	}
}

// Whatever a config file holds, reading it never panics (kevinburke/ssh_config panics on Match, which is
// why coord has its own reader).
func FuzzSSHConfig(f *testing.F) {
	for _, s := range []string{
		"Host a\n HostName b\n Port 22\n",
		"Match host x\n User y\n",
		"Host=a b !c\nUser \"q w\nIdentityFile %\nInclude \x00\n",
		"Host *\n\tIdentityFile ~/%d/%%/%h\n",
	} {
		f.Add(s, "a")
	}
	f.Fuzz(func(t *testing.T, cfg, alias string) {
		var h sshHost
		// At the depth limit Include reads nothing: fuzz input must not name files to read.
		sshConfigApply(&h, alias, []byte(cfg), "config", "/nonexistent", "/nonexistent", maxIncludeDepth)
		_ = expandSSHTokens(cfg, map[byte]string{'h': alias})
		for _, p := range h.IdentityFiles {
			_ = expandTilde(p, "/home")
		}
	})
}
