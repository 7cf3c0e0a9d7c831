package root

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
)

func newFactory(t *testing.T, wd string) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	f := cmdutil.New()
	f.In, f.Out, f.Err = strings.NewReader(""), &out, &errb
	f.Getwd = func() (string, error) { return wd, nil }
	f.Now = func() time.Time { return time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC) }
	return f, &out, &errb
}

// Settings precedence (docs/commands.md): flag, then COORD_* environment, then the config file.
func TestSettingsPrecedence(t *testing.T) {
	dir := t.TempDir()
	f, _, _ := newFactory(t, dir)
	if code := Main(f, []string{"init", "repo", "--no-git"}); code != 0 {
		t.Fatalf("init exit %d", code)
	}
	repo := filepath.Join(dir, "repo")
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("lang: en\nrepo: "+repo+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("COORD_CONFIG", cfg)
	t.Setenv("COORD_LANG", "")
	t.Setenv("COORD_REPO", "")

	run := func(args ...string) string {
		f, out, _ := newFactory(t, dir) // dir is not inside the repo: only settings can find it
		if code := Main(f, args); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		return out.String()
	}
	// config file alone: English, repo found through the config
	if got := run("check"); !strings.Contains(got, "0 errors") {
		t.Errorf("config file not applied: %q", got)
	}
	// environment beats the config file
	t.Setenv("COORD_LANG", "vi")
	if got := run("check"); !strings.Contains(got, "0 lỗi") {
		t.Errorf("COORD_LANG did not beat the config file: %q", got)
	}
	// a flag beats the environment
	if got := run("check", "--lang", "en"); !strings.Contains(got, "0 errors") {
		t.Errorf("--lang did not beat COORD_LANG: %q", got)
	}
	// COORD_REPO beats the config file's repo
	other := filepath.Join(dir, "other")
	f2, _, _ := newFactory(t, dir)
	if code := Main(f2, []string{"init", other, "--no-git"}); code != 0 {
		t.Fatal("init other")
	}
	if err := os.Remove(filepath.Join(repo, "coord.yaml")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("COORD_REPO", other)
	if got := run("check"); !strings.Contains(got, "0 lỗi") {
		t.Errorf("COORD_REPO not used: %q", got)
	}
}

// Exit codes: 2 for bad usage and a missing repo, with one clear sentence.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("COORD_CONFIG", filepath.Join(dir, "none.yaml"))
	t.Setenv("COORD_REPO", "")
	t.Setenv("COORD_LANG", "")
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"check"}, 2, "không tìm thấy kho dữ liệu coord"},
		{[]string{"check", "--lang", "en"}, 2, "no coord data repo"},
		{[]string{"check", "--lang", "fr"}, 2, "vi hoặc en"},
		{[]string{"check", "--no-such-flag"}, 2, "no-such-flag"},
		{[]string{"no-such-command"}, 2, "no-such-command"},
	}
	for _, c := range cases {
		f, _, errb := newFactory(t, dir)
		if code := Main(f, c.args); code != c.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, c.code, errb.String())
		}
		if !strings.Contains(errb.String(), c.err) {
			t.Errorf("%v: stderr %q lacks %q", c.args, errb.String(), c.err)
		}
	}
}
