package cmdutil_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	synccmd "github.com/coordvn/coord/pkg/cmd/sync"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/viper"
)

const token = "tok-publish-2468"

var seed = map[string]string{
	".gitattributes":        "* text=auto eol=lf\n*.ics -text\nissued/** -text\n",
	"coord.yaml":            "kind: settings\nversion: 1\nprovince: Đồng Nai\n",
	"registry/offices.yaml": "kind: offices\noffices: []\n",
}

// outputs is what a coordinator's step writes: a record with CRLF (stored LF), and outputs kept byte for byte.
func outputs() (files, want map[string][]byte) {
	ics := []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
	xlsx := []byte("PK\x03\x04\x14\x00\r\n\x00\xffxl/workbook.xml\r\n")
	files = map[string][]byte{
		"consolidated/2026/Q3.yaml":         []byte("kind: consolidated\r\nperiod: 2026-Q3\r\n"),
		"issued/2026/Q3/lich-cong-tac.ics":  ics,
		"issued/2026/Q3/lich-cong-tac.xlsx": xlsx,
	}
	want = map[string][]byte{
		"consolidated/2026/Q3.yaml":         []byte("kind: consolidated\nperiod: 2026-Q3\n"),
		"issued/2026/Q3/lich-cong-tac.ics":  ics,
		"issued/2026/Q3/lich-cong-tac.xlsx": xlsx,
	}
	return files, want
}

func message() string {
	return gitrepo.Message("consolidated(VPTU): 2026-Q3 issue", [][2]string{{gitrepo.KindTrailer, "consolidated"}, {"Coord-Office", "VPTU"}, {"Coord-Period", "2026-Q3"}})
}

type run struct {
	f        *cmdutil.Factory
	out, err bytes.Buffer
}

func newRun(dir string, settings map[string]string) *run {
	r := &run{}
	r.f = &cmdutil.Factory{In: strings.NewReader(""), Out: &r.out, Err: &r.err, V: viper.New(),
		Getwd: func() (string, error) { return dir, nil }, Now: func() time.Time { return time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC) }}
	base := map[string]string{"repo": dir, "name": "Nguyễn Văn An", "email": "an@vptu.example.vn", "token": token, "lang": "en"}
	for k, v := range settings {
		base[k] = v
	}
	for k, v := range base {
		if v != "" {
			r.f.V.Set(k, v)
		}
	}
	return r
}

// serverAndClone seeds a bare repository, serves it over file:// or the loopback HTTP server, and clones it.
func serverAndClone(t *testing.T, http bool) (bare, clone, url string) {
	t.Helper()
	root := t.TempDir()
	bare = gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, seed, "init")
	url = gittest.FileURL(bare)
	auth := gitrepo.Auth{}
	if http {
		url = gittest.NewServer(t, root, "coord", token).RepoURL("data.git")
		auth.Token = token
	}
	clone = filepath.Join(t.TempDir(), "clone")
	if _, err := gitrepo.Clone(context.Background(), url, clone, auth, "main"); err != nil {
		t.Fatal(err)
	}
	return bare, clone, url
}

func sameBytes(t *testing.T, where string, got map[string][]byte, want map[string][]byte) {
	t.Helper()
	for p, w := range want {
		if !bytes.Equal(got[p], w) {
			t.Errorf("%s: %s is %q, want %q", where, p, got[p], w)
		}
	}
}

func onDisk(dir string, want map[string][]byte) map[string][]byte {
	got := map[string][]byte{}
	for p := range want {
		got[p], _ = os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	}
	return got
}

func atRev(dir, rev string, want map[string][]byte) map[string][]byte {
	got := map[string][]byte{}
	for p := range want {
		if s, ok := gittest.Show(dir, rev, p); ok {
			got[p] = []byte(s)
		}
	}
	return got
}

// Commit and push land on the server with the exact bytes, over file:// and over HTTP with a token.
func TestPublishCommitsAndPushes(t *testing.T) {
	for _, http := range []bool{false, true} {
		name := "file"
		if http {
			name = "http"
		}
		t.Run(name, func(t *testing.T) {
			bare, clone, url := serverAndClone(t, http)
			r := newRun(clone, nil)
			files, want := outputs()
			res, err := publish(r.f, context.Background(), clone, files, message(), false)
			if err != nil || !res.Committed || !res.Pushed || res.Pending || res.NoRemote {
				t.Fatalf("%+v %v\n%s", res, err, r.err.String())
			}
			sameBytes(t, "server", atRev(bare, "main", want), want)
			sameBytes(t, "worktree", onDisk(clone, want), want)
			if head := gittest.Run(t, bare, nil, "rev-parse", "main"); head != res.Commit {
				t.Fatalf("server at %s, published %s", head, res.Commit)
			}
			msg := r.err.String()
			for _, w := range []string{"Committed " + res.Commit[:10] + " on branch main.", "Pushed to " + url} {
				if !strings.Contains(msg, w) {
					t.Errorf("output lacks %q:\n%s", w, msg)
				}
			}
			if strings.Contains(msg+r.out.String(), token) {
				t.Fatal("the token is shown")
			}
			if st := gittest.Run(t, clone, nil, "status", "--porcelain"); st != "" {
				t.Fatalf("clone not clean: %s", st)
			}
			// The same files again: nothing new to commit, exit 0.
			r = newRun(clone, nil)
			if res, err := publish(r.f, context.Background(), clone, files, message(), false); err != nil || res.Committed || !res.Unchanged {
				t.Fatalf("again: %+v %v", res, err)
			}
		})
	}
}

// noPush keeps the commit on this PC; `coord sync` pushes it later, rebuilt on top of other offices' work.
func TestPublishNoPushThenSync(t *testing.T) {
	bare, clone, _ := serverAndClone(t, true)
	r := newRun(clone, map[string]string{"lang": "vi"})
	files, want := outputs()
	res, err := publish(r.f, context.Background(), clone, files, message(), true)
	if err != nil || !res.Committed || res.Pushed {
		t.Fatalf("%+v %v", res, err)
	}
	if !strings.Contains(r.err.String(), "`coord sync` sẽ gửi") {
		t.Fatalf("vi output:\n%s", r.err.String())
	}
	if _, ok := gittest.Show(bare, "main", "consolidated/2026/Q3.yaml"); ok {
		t.Fatal("noPush pushed")
	}
	sameBytes(t, "local commit", atRev(clone, "HEAD", want), want)
	// Another office lands a submission meanwhile.
	gittest.Seed(t, bare, map[string]string{"documents/2026/VPUBND/1-TB-UBND.yaml": "kind: document\n"}, "document(VPUBND): 1/TB-UBND\n\nCoord-Kind: document")
	s := newRun(clone, nil)
	if err := synccmd.Run(&synccmd.Options{F: s.f, Ctx: context.Background()}); err != nil {
		t.Fatalf("sync: %v\n%s%s", err, s.out.String(), s.err.String())
	}
	if !strings.Contains(s.out.String(), "Pushed 1 pending submissions") {
		t.Fatalf("sync output:\n%s", s.out.String())
	}
	sameBytes(t, "server after sync", atRev(bare, "main", want), want)
	if _, ok := gittest.Show(bare, "main", "documents/2026/VPUBND/1-TB-UBND.yaml"); !ok {
		t.Fatal("the other office's work was lost")
	}
	if subj := gittest.Run(t, bare, nil, "log", "-1", "--format=%s", "main"); subj != "consolidated(VPTU): 2026-Q3 issue" {
		t.Fatalf("subject %q", subj)
	}
}

// A clone without a remote: committed, nothing pushed, one sentence, no error.
func TestPublishWithoutRemote(t *testing.T) {
	_, clone, _ := serverAndClone(t, false)
	gittest.Run(t, clone, nil, "remote", "remove", "origin")
	before := gittest.Run(t, clone, nil, "rev-parse", "HEAD")
	r := newRun(clone, nil)
	files, want := outputs()
	res, err := publish(r.f, context.Background(), clone, files, message(), false)
	if err != nil || cmdutil.Code(err) != 0 || !res.Committed || res.Pushed || !res.NoRemote {
		t.Fatalf("%+v %v", res, err)
	}
	if after := gittest.Run(t, clone, nil, "rev-parse", "HEAD"); after == before || after != res.Commit {
		t.Fatalf("HEAD %s, published %s", after, res.Commit)
	}
	sameBytes(t, "commit", atRev(clone, "HEAD", want), want)
	if !strings.Contains(r.err.String(), `This clone has no remote "origin", so the commit stays on this PC and nothing was pushed.`) {
		t.Fatalf("output:\n%s", r.err.String())
	}
}

// Without a name or email the files are written, not committed, with one warning; in a folder that is not
// a git clone they are written and nothing is said about git.
func TestPublishWithoutAuthorOrGit(t *testing.T) {
	bare, clone, _ := serverAndClone(t, false)
	before := gittest.Run(t, clone, nil, "rev-parse", "HEAD")
	r := newRun(clone, map[string]string{"email": ""})
	files, want := outputs()
	res, err := publish(r.f, context.Background(), clone, files, message(), false)
	if err != nil || res.Committed || res.Commit != "" || !res.NoAuthor {
		t.Fatalf("%+v %v", res, err)
	}
	sameBytes(t, "worktree", onDisk(clone, want), want)
	if after := gittest.Run(t, clone, nil, "rev-parse", "HEAD"); after != before {
		t.Fatal("committed without an author")
	}
	if _, ok := gittest.Show(bare, "main", "consolidated/2026/Q3.yaml"); ok {
		t.Fatal("pushed without an author")
	}
	if !strings.Contains(r.err.String(), "not committed: run coord config set name \"FULL NAME\" and coord config set email ADDRESS") {
		t.Fatalf("output:\n%s", r.err.String())
	}

	plain := t.TempDir()
	r = newRun(plain, nil)
	res, err = publish(r.f, context.Background(), plain, files, message(), false)
	if err != nil || !res.NoGit || res.Committed {
		t.Fatalf("no git: %+v %v", res, err)
	}
	sameBytes(t, "plain folder", onDisk(plain, want), want)
	if r.err.Len() != 0 {
		t.Fatalf("no git: said %q", r.err.String())
	}
}

// Errors keep their exit codes: another office changed the same record (a refusal, 1, the commit taken
// back), a wrong token (2, the commit kept for `coord sync`), a path outside the repo (2, nothing written).
func TestPublishErrors(t *testing.T) {
	bare, clone, url := serverAndClone(t, true)
	other := filepath.Join(t.TempDir(), "other")
	if _, err := gitrepo.Clone(context.Background(), url, other, gitrepo.Auth{Token: token}, "main"); err != nil {
		t.Fatal(err)
	}
	files, _ := outputs()
	if _, err := publish(newRun(other, nil).f, context.Background(), other, files, message(), false); err != nil {
		t.Fatal(err)
	}
	before := gittest.Run(t, clone, nil, "rev-parse", "HEAD")
	mine := map[string][]byte{"consolidated/2026/Q3.yaml": []byte("kind: consolidated\nperiod: 2026-Q3\nnote: mine\n")}
	r := newRun(clone, nil)
	_, err := publish(r.f, context.Background(), clone, mine, message(), false)
	if cmdutil.Code(err) != 1 {
		t.Fatalf("conflict: exit %d, %v", cmdutil.Code(err), err)
	}
	if got := gittest.Run(t, clone, nil, "rev-parse", "HEAD"); got != before {
		t.Fatal("the refused commit stayed on the branch")
	}
	if got, _ := gittest.Show(bare, "main", "consolidated/2026/Q3.yaml"); strings.Contains(got, "mine") {
		t.Fatal("the other office's record was overwritten")
	}

	wrong := t.TempDir()
	if _, err := gitrepo.Clone(context.Background(), url, wrong, gitrepo.Auth{Token: token}, "main"); err != nil {
		t.Fatal(err)
	}
	r = newRun(wrong, map[string]string{"token": "wrong-secret-1357"})
	_, err = publish(r.f, context.Background(), wrong, map[string][]byte{"consolidated/2026/Q4.yaml": []byte("kind: consolidated\n")}, message(), false)
	if cmdutil.Code(err) != 2 || strings.Contains(err.Error()+r.err.String(), "wrong-secret-1357") || !strings.Contains(r.err.String(), "is kept on this PC") {
		t.Fatalf("wrong token: exit %d %v\n%s", cmdutil.Code(err), err, r.err.String())
	}

	if _, err := publish(newRun(clone, nil).f, context.Background(), clone, map[string][]byte{"../outside.yaml": []byte("x")}, message(), false); cmdutil.Code(err) != 2 {
		t.Fatalf("outside: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(clone), "outside.yaml")); err == nil {
		t.Fatal("wrote outside the repo")
	}
	plain := t.TempDir()
	if _, err := publish(newRun(plain, map[string]string{"name": ""}).f, context.Background(), plain, map[string][]byte{".git/config": []byte("x")}, message(), false); cmdutil.Code(err) != 2 {
		t.Fatalf(".git: %v", err)
	}
	if _, err := os.Stat(filepath.Join(plain, ".git")); err == nil {
		t.Fatal("wrote into .git")
	}
}

// publish is what the coordinator's commands do through Factory.Save: workspace.Publish as the user of f.
func publish(f *cmdutil.Factory, ctx context.Context, root string, files map[string][]byte, message string, noPush bool) (*workspace.PublishResult, error) {
	return workspace.Publish(ctx, root, files, message, noPush, f.Committer())
}
