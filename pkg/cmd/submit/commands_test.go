package submit_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/cmd/clone"
	synccmd "github.com/coordvn/coord/pkg/cmd/sync"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/spf13/viper"
)

func factory(dir string, settings map[string]string) (*cmdutil.Factory, *bytes.Buffer) {
	var out bytes.Buffer
	f := &cmdutil.Factory{In: strings.NewReader(""), Out: &out, Err: &out, V: viper.New(),
		Getwd: func() (string, error) { return dir, nil }, Now: time.Now}
	f.V.Set("lang", "en")
	for k, v := range settings {
		f.V.Set(k, v)
	}
	return f, &out
}

// `coord clone` then `coord sync`, in process, against the HTTP server.
func TestCloneAndSyncCommands(t *testing.T) {
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, dataRepo(t), "init")
	srv := gittest.NewServer(t, root, "coord", "tok-clone-4321")
	work := t.TempDir()
	dir := filepath.Join(work, "dong-nai")

	f, out := factory(work, map[string]string{"token": "wrong-clone-secret"})
	err := clone.Run(&clone.Options{F: f, Ctx: context.Background(), URL: srv.RepoURL("data.git"), Dir: dir})
	if cmdutil.Code(err) != 2 || strings.Contains(err.Error()+out.String(), "wrong-clone-secret") {
		t.Fatalf("wrong token: exit %d, %v", cmdutil.Code(err), err)
	}

	f, out = factory(work, map[string]string{"token": "tok-clone-4321"})
	if err := clone.Run(&clone.Options{F: f, Ctx: context.Background(), URL: srv.RepoURL("data.git"), Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Cloned "+srv.RepoURL("data.git")+" into "+dir) {
		t.Fatalf("clone output:\n%s", out.String())
	}

	gittest.Seed(t, bare, map[string]string{docPath(77): document(77)}, "document(VPUBND): 77/TB-UBND\n\nCoord-Kind: document")
	f, out = factory(dir, map[string]string{"token": "tok-clone-4321", "repo": dir})
	if err := synccmd.Run(&synccmd.Options{F: f, Ctx: context.Background()}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Updated 1 files from the server.") {
		t.Fatalf("sync output:\n%s", out.String())
	}
	if _, ok := gittest.Show(dir, "HEAD", docPath(77)); !ok {
		t.Fatal("sync did not bring the record")
	}
	f, out = factory(dir, map[string]string{"token": "tok-clone-4321", "repo": dir})
	if err := synccmd.Run(&synccmd.Options{F: f, Ctx: context.Background()}); err != nil || !strings.Contains(out.String(), "up to date") {
		t.Fatalf("second sync: %v\n%s", err, out.String())
	}
	// Server gone: exit 2 with one sentence.
	srv.Stop()
	f, _ = factory(dir, map[string]string{"token": "tok-clone-4321", "repo": dir, "lang": "vi"})
	err = synccmd.Run(&synccmd.Options{F: f, Ctx: context.Background()})
	if cmdutil.Code(err) != 2 {
		t.Fatalf("offline sync: exit %d", cmdutil.Code(err))
	}
}

func TestDefaultDir(t *testing.T) {
	for in, want := range map[string]string{
		"https://git.example.vn/tinh/dong-nai.git": "dong-nai",
		"git@git.example.vn:tinh/dong-nai.git":     "dong-nai",
		"file:///srv/data.git/":                    "data",
		"https://host/":                            "host",
	} {
		if got := clone.DefaultDir(in); got != want {
			t.Errorf("DefaultDir(%q) = %q, want %q", in, got, want)
		}
	}
}
