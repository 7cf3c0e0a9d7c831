package submit_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/cmd/submit"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/spf13/viper"
)

// dataRepo is a small real data repo: the example province's settings and registry.
func dataRepo(t testing.TB) map[string]string {
	t.Helper()
	files := map[string]string{".gitattributes": "* text=auto eol=lf\n"}
	err := fs.WalkDir(examples.Province, "province", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "province/")
		if d.IsDir() || !(rel == "coord.yaml" || strings.HasPrefix(rel, "registry/")) {
			return nil
		}
		b, err := examples.Province.ReadFile(p)
		files[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// document is a valid register entry of VPUBND numbered n, as a clerk would save it.
func document(n int) string {
	return fmt.Sprintf("kind: document\nnumber: %d/TB-UBND\ntype: TB\ndate: 2026-08-04\nissuer: VPUBND\n"+
		"summary: Thông báo kết luận số %d\nrecipients: [VPTU, VPDBHD]\n", n, n)
}

func docPath(n int) string { return fmt.Sprintf("documents/2026/VPUBND/%d-TB-UBND.yaml", n) }

type env struct {
	bare, clone string
	srv         *gittest.Server
}

// newEnv serves a seeded data repo over HTTP with basic auth and clones it.
func newEnv(t *testing.T) *env {
	t.Helper()
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	gittest.Seed(t, bare, dataRepo(t), "init")
	srv := gittest.NewServer(t, root, "coord", "tok-submit-9876")
	clone := filepath.Join(t.TempDir(), "clone")
	if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), clone, gitrepo.Auth{Token: "tok-submit-9876"}, "main"); err != nil {
		t.Fatal(err)
	}
	return &env{bare: bare, clone: clone, srv: srv}
}

type run struct {
	out, err bytes.Buffer
	code     int
}

func (e *env) submit(t *testing.T, settings map[string]string, o submit.Options) *run {
	t.Helper()
	r := &run{}
	f := &cmdutil.Factory{In: strings.NewReader(""), Out: &r.out, Err: &r.err, V: viper.New(),
		Getwd: func() (string, error) { return e.clone, nil }, Now: func() time.Time { return time.Date(2026, 8, 5, 9, 0, 0, 0, time.UTC) }}
	base := map[string]string{"repo": e.clone, "name": "Lê Thu Hà", "email": "lien.htk@vpubnd.example.vn", "token": "tok-submit-9876",
		"lang": "en", "as-of": "2026-08-05"}
	for k, v := range settings {
		base[k] = v
	}
	for k, v := range base {
		f.V.Set(k, v)
	}
	o.F = f
	err := submit.Run(&o)
	r.code = cmdutil.Code(err)
	if err != nil { // what root.Main prints
		fmt.Fprintln(&r.err, "coord: "+i18n.Localize(err, i18n.EN))
	}
	return r
}

func writeDraft(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSubmitPlacesCommitsPushes(t *testing.T) {
	e := newEnv(t)
	draft := writeDraft(t, t.TempDir(), "215-TB-UBND.yaml", strings.ReplaceAll(document(215), "\n", "\r\n"))
	r := e.submit(t, nil, submit.Options{Paths: []string{draft}})
	if r.code != 0 {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.out.String(), r.err.String())
	}
	want := docPath(215)
	got, ok := gittest.Show(e.bare, "main", want)
	if !ok {
		t.Fatalf("%s not on the server:\n%s", want, r.out.String())
	}
	if strings.Contains(got, "\r") || !strings.HasPrefix(got, "# yaml-language-server: $schema=../../../schema/document.schema.json\n") {
		t.Fatalf("not canonical LF content:\n%q", got)
	}
	msg := gittest.Run(t, e.bare, nil, "log", "-1", "--format=%B", "main")
	for _, w := range []string{"document(VPUBND): 215/TB-UBND", "Coord-Kind: document", "Coord-Office: VPUBND", "Coord-Id: 215/TB-UBND"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q:\n%s", w, msg)
		}
	}
	out := r.out.String()
	head := gittest.Run(t, e.bare, nil, "rev-parse", "--short=10", "main")
	for _, w := range []string{want, head, "Pushed to " + e.srv.RepoURL("data.git")} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out+r.err.String(), "tok-submit-9876") {
		t.Fatal("output shows the token")
	}
	if st := gittest.Run(t, e.clone, nil, "status", "--porcelain"); st != "" {
		t.Fatalf("clone not clean: %s", st)
	}
}

func TestSubmitRefusesErrorsInTheRecord(t *testing.T) {
	e := newEnv(t)
	before := gittest.Run(t, e.bare, nil, "rev-parse", "main")
	bad := strings.Replace(document(7), "issuer: VPUBND", "issuer: VPUBND\nsigner: nobody", 1) // unknown field
	draft := writeDraft(t, t.TempDir(), "7-TB-UBND.yaml", bad)
	r := e.submit(t, nil, submit.Options{Paths: []string{draft}})
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if !strings.Contains(r.out.String(), "schema") || !strings.Contains(r.err.String(), "Not submitted") {
		t.Fatalf("findings not shown:\n%s\n%s", r.out.String(), r.err.String())
	}
	if after := gittest.Run(t, e.bare, nil, "rev-parse", "main"); after != before {
		t.Fatal("a refused record reached the server")
	}
	if _, err := os.Stat(filepath.Join(e.clone, docPath(7))); err == nil {
		t.Fatal("a refused record was placed in the clone")
	}
	// A record that is not YAML at all: a finding, exit 1.
	junk := writeDraft(t, t.TempDir(), "junk.yaml", "kind: [unclosed\n")
	if r := e.submit(t, nil, submit.Options{Paths: []string{junk}}); r.code != 1 || !strings.Contains(r.out.String(), "yaml") {
		t.Fatalf("junk: exit %d\n%s", r.code, r.out.String())
	}
	// A recipient that is no office or body (ref rule): exit 1.
	ref := writeDraft(t, t.TempDir(), "8-TB-UBND.yaml", strings.Replace(document(8), "[VPTU, VPDBHD]", "[VPTU, VPXYZ]", 1))
	if r := e.submit(t, nil, submit.Options{Paths: []string{ref}}); r.code != 1 || !strings.Contains(r.out.String(), "unknown body or office \"VPXYZ\"") {
		t.Fatalf("ref: exit %d\n%s", r.code, r.out.String())
	}
}

func TestSubmitDryRunAndNoPushAndBranch(t *testing.T) {
	e := newEnv(t)
	before := gittest.Run(t, e.clone, nil, "rev-parse", "main")
	draft := writeDraft(t, t.TempDir(), "30-TB-UBND.yaml", document(30))
	r := e.submit(t, nil, submit.Options{Paths: []string{draft}, DryRun: true})
	if r.code != 0 || !strings.Contains(r.out.String(), "would change: "+docPath(30)) || !strings.Contains(r.out.String(), "Coord-Id: 30/TB-UBND") {
		t.Fatalf("dry run: %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if _, err := os.Stat(filepath.Join(e.clone, docPath(30))); err == nil || gittest.Run(t, e.clone, nil, "rev-parse", "main") != before {
		t.Fatal("dry run wrote something")
	}
	r = e.submit(t, nil, submit.Options{Paths: []string{draft}, NoPush: true, Message: "Sổ công văn: thông báo 30"})
	if r.code != 0 || !strings.Contains(r.out.String(), "coord sync") {
		t.Fatalf("no-push: %d\n%s", r.code, r.out.String())
	}
	if subj := gittest.Run(t, e.clone, nil, "log", "-1", "--format=%s", "main"); subj != "Sổ công văn: thông báo 30" {
		t.Fatalf("--message: %q", subj)
	}
	if _, ok := gittest.Show(e.bare, "main", docPath(30)); ok {
		t.Fatal("--no-push pushed")
	}
	draft2 := writeDraft(t, t.TempDir(), "31-TB-UBND.yaml", document(31))
	r = e.submit(t, nil, submit.Options{Paths: []string{draft2}, Branch: "vpubnd/tb-31"})
	if r.code != 0 || !strings.Contains(r.out.String(), "Open a pull request from vpubnd/tb-31 into main") {
		t.Fatalf("branch: %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if _, ok := gittest.Show(e.bare, "vpubnd/tb-31", docPath(31)); !ok {
		t.Fatal("not on the branch")
	}
}

func TestSubmitEnvironmentProblems(t *testing.T) {
	e := newEnv(t)
	draft := writeDraft(t, t.TempDir(), "40-TB-UBND.yaml", document(40))
	// No author: exit 2 before anything is written.
	if r := e.submit(t, map[string]string{"name": ""}, submit.Options{Paths: []string{draft}}); r.code != 2 {
		t.Fatalf("no author: exit %d", r.code)
	}
	// Wrong token: exit 2, one sentence, no secret; the commit stays local.
	r := e.submit(t, map[string]string{"token": "wrong-secret-5555"}, submit.Options{Paths: []string{draft}})
	if r.code != 2 {
		t.Fatalf("wrong token: exit %d", r.code)
	}
	all := r.out.String() + r.err.String()
	if strings.Contains(all, "wrong-secret-5555") {
		t.Fatal("the token is shown")
	}
	if !strings.Contains(all, "kept on this PC") {
		t.Fatalf("does not say the commit is kept:\n%s", all)
	}
	// Unreachable: exit 0, pending, then sync pushes it.
	e.srv.Stop()
	draft2 := writeDraft(t, t.TempDir(), "41-TB-UBND.yaml", document(41))
	r = e.submit(t, nil, submit.Options{Paths: []string{draft2}})
	if r.code != 0 || !strings.Contains(r.out.String(), "coord sync") || !strings.Contains(r.out.String(), "cannot reach") {
		t.Fatalf("offline: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	e.srv.Start(t)
	res, err := gitrepo.Sync(context.Background(), e.clone, gitrepo.SyncOptions{Auth: gitrepo.Auth{Token: "tok-submit-9876"}})
	if err != nil || res.Pushed != 2 {
		t.Fatalf("sync: %+v %v", res, err)
	}
	for _, n := range []int{40, 41} {
		if _, ok := gittest.Show(e.bare, "main", docPath(n)); !ok {
			t.Fatalf("%d not pushed by sync", n)
		}
	}
	// A path that does not exist: exit 2.
	if r := e.submit(t, nil, submit.Options{Paths: []string{filepath.Join(t.TempDir(), "missing.yaml")}}); r.code != 2 {
		t.Fatalf("missing path: exit %d", r.code)
	}
}

// A programme first submitted after its deadline is refused unless it says why (late_reason); with a
// reason it goes through and the finding is shown as a warning.
func TestSubmitLateProgramme(t *testing.T) {
	e := newEnv(t)
	b, err := examples.Province.ReadFile("province/programmes/2026/Q3/VPUBND.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	draft := writeDraft(t, dir, "chuong-trinh.yaml", string(b)) // as-of 2026-08-05: past the 20/6 deadline
	r := e.submit(t, nil, submit.Options{Paths: []string{draft}})
	if r.code != 1 || !strings.Contains(r.out.String(), "deadline/late") {
		t.Fatalf("late without a reason: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if _, ok := gittest.Show(e.bare, "main", "programmes/2026/Q3/VPUBND.yaml"); ok {
		t.Fatal("a refused programme reached the server")
	}
	late := strings.Replace(string(b), "period: 2026-Q3\n", "period: 2026-Q3\nlate_reason: Chờ ý kiến Thường trực về lịch tiếp xúc cử tri\n", 1)
	draft = writeDraft(t, dir, "chuong-trinh.yaml", late)
	r = e.submit(t, nil, submit.Options{Paths: []string{draft}})
	if r.code != 0 || !strings.Contains(r.out.String(), "deadline/late") || !strings.Contains(r.err.String(), "warnings for the coordinating office") {
		t.Fatalf("late with a reason: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	got, ok := gittest.Show(e.bare, "main", "programmes/2026/Q3/VPUBND.yaml")
	if !ok || !strings.Contains(got, "late_reason:") {
		t.Fatal("the programme is not on the server at its canonical path")
	}
	if subj := gittest.Run(t, e.bare, nil, "log", "-1", "--format=%s", "main"); subj != "programme(VPUBND): 2026-Q3" {
		t.Fatalf("subject %q", subj)
	}
}

// newEnvWith is newEnv with more committed files.
func newEnvWith(t *testing.T, extra map[string]string) *env {
	t.Helper()
	root := t.TempDir()
	bare := gittest.NewBare(t, root, "data.git")
	files := dataRepo(t)
	for p, s := range extra {
		files[p] = s
	}
	gittest.Seed(t, bare, files, "init")
	srv := gittest.NewServer(t, root, "coord", "tok-submit-9876")
	clone := filepath.Join(t.TempDir(), "clone")
	if _, err := gitrepo.Clone(context.Background(), srv.RepoURL("data.git"), clone, gitrepo.Auth{Token: "tok-submit-9876"}, "main"); err != nil {
		t.Fatal(err)
	}
	return &env{bare: bare, clone: clone, srv: srv}
}

// A number already used in its series is refused: a state number in the same calendar year, a Party number
// in the same term though the year differs. The committed numbers come from the clone's numbers cache, which
// follows what other offices commit after it was written.
func TestSubmitNumberUsedBefore(t *testing.T) {
	e := newEnvWith(t, map[string]string{
		"documents/2026/VPUBND/215-TB-UBND.yaml": strings.Replace(document(215), "date: 2026-08-04", "date: 2026-03-02", 1),
		"documents/2024/VPTU/05-TB-TU.yaml": "kind: document\nnumber: 05-TB/TU\ntype: TB\ndate: 2024-05-10\nissuer: VPTU\n" +
			"summary: Thông báo của Ban Thường vụ\nrecipients: [VPUBND]\n",
	})
	for _, c := range []struct {
		name, body, related string
	}{
		{"state number reused", document(215), "documents/2026/VPUBND/215-TB-UBND.yaml"},
		{"party number reused in the term", "kind: document\nnumber: 05-TB/TU\ntype: TB\ndate: 2025-03-10\nissuer: VPTU\n" +
			"summary: Thông báo khác\nrecipients: [VPUBND]\n", "documents/2024/VPTU/05-TB-TU.yaml"},
	} {
		r := e.submit(t, clerkOf(c.body), submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "draft.yaml", c.body)}})
		if r.code != 1 || !strings.Contains(r.out.String(), "doc/number") || !strings.Contains(r.out.String(), c.related) {
			t.Fatalf("%s: exit %d\n%s%s", c.name, r.code, r.out.String(), r.err.String())
		}
	}
	// A Party number of the next term is free again; a new state number is free.
	next := "kind: document\nnumber: 05-TB/TU\ntype: TB\ndate: 2025-11-03\nissuer: VPTU\nsummary: Nhiệm kỳ mới\nrecipients: [VPUBND]\n"
	for _, body := range []string{next, document(216)} {
		if r := e.submit(t, clerkOf(body), submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "draft.yaml", body)}}); r.code != 0 {
			t.Fatalf("free number refused: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
		}
	}
	cache, err := gitrepo.CacheDir(e.clone)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(cache, "numbers-v1", "d-documents%2F2026%2FVPUBND")); err != nil || !strings.Contains(string(b), "215/TB-UBND") {
		t.Fatalf("numbers cache: %v\n%s", err, b)
	}
	// Another office's clerk commits 217 to the server; after a sync this clone's cache must know it.
	other := filepath.Join(t.TempDir(), "other")
	if _, err := gitrepo.Clone(context.Background(), e.srv.RepoURL("data.git"), other, gitrepo.Auth{Token: "tok-submit-9876"}, "main"); err != nil {
		t.Fatal(err)
	}
	o := &env{bare: e.bare, clone: other, srv: e.srv}
	if r := o.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "217.yaml", document(217))}}); r.code != 0 {
		t.Fatalf("other clone: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if _, err := gitrepo.Sync(context.Background(), e.clone, gitrepo.SyncOptions{Auth: gitrepo.Auth{Token: "tok-submit-9876"}}); err != nil {
		t.Fatal(err)
	}
	r := e.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "again.yaml",
		strings.Replace(document(217), "Thông báo kết luận số", "Một thông báo khác số", 1))}})
	if r.code != 1 || !strings.Contains(r.out.String(), "doc/number") {
		t.Fatalf("217 used by the other office: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
}

// A programme is compared with the other offices' programmes of its period, not with other periods: the
// example's planned overlaps are shown as warnings for the coordinator and do not block.
func TestSubmitProgrammeOverlapsOtherOffices(t *testing.T) {
	extra := map[string]string{}
	for _, p := range []string{"programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPDBHD.yaml"} {
		b, err := examples.Province.ReadFile("province/" + p)
		if err != nil {
			t.Fatal(err)
		}
		extra[p] = string(b)
		// The same programme filed for another quarter (and at the wrong path) must not be compared.
		extra[strings.Replace(p, "Q3", "Q4", 1)] = string(b)
	}
	e := newEnvWith(t, extra)
	b, err := examples.Province.ReadFile("province/programmes/2026/Q3/VPUBND.yaml")
	if err != nil {
		t.Fatal(err)
	}
	late := strings.Replace(string(b), "period: 2026-Q3\n", "period: 2026-Q3\nlate_reason: Bổ sung lịch\n", 1)
	r := e.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "ct.yaml", late)}})
	if r.code != 0 || !strings.Contains(r.out.String(), "overlap/person") || !strings.Contains(r.out.String(), "programmes/2026/Q3/VPTU.yaml") {
		t.Fatalf("exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if strings.Contains(r.out.String(), "Q4") {
		t.Fatalf("compared with another period:\n%s", r.out.String())
	}
}

// clerkOf is a member of the office that issues a document (the registry's members may change only their
// office's records).
func clerkOf(body string) map[string]string {
	if strings.Contains(body, "issuer: VPTU") {
		return map[string]string{"name": "Lê Thu Hà", "email": "ha.lt@vptu.example.vn"}
	}
	return nil
}

// A clerk cannot submit another office's record: one sentence says whose it is, and nothing is committed.
func TestSubmitRefusesAnotherOfficesRecord(t *testing.T) {
	e := newEnv(t)
	b, err := examples.Province.ReadFile("province/programmes/2026/Q3/VPTU.yaml")
	if err != nil {
		t.Fatal(err)
	}
	head := gittest.Run(t, e.bare, nil, "rev-parse", "main")
	r := e.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "vptu.yaml", string(b))}})
	if r.code != 1 || !strings.Contains(r.err.String(), "programmes/2026/Q3/VPTU.yaml may be changed only by the members of Văn phòng Tỉnh ủy; lien.htk@vpubnd.example.vn is not among them") {
		t.Fatalf("exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if gittest.Run(t, e.bare, nil, "rev-parse", "main") != head {
		t.Fatal("the server moved")
	}
	if out := gittest.Run(t, e.clone, nil, "log", "--oneline", "-1"); strings.Contains(out, "programme(VPTU)") {
		t.Fatalf("committed locally: %s", out)
	}
	// Nor coord.yaml, which only the admins (here the coordinator's members) may change.
	set, err := examples.Province.ReadFile("province/coord.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r = e.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "coord.yaml", strings.Replace(string(set), "coordinator: VPTU", "coordinator: VPUBND", 1))}})
	if r.code != 1 || !strings.Contains(r.err.String(), "coord.yaml may be changed only by") {
		t.Fatalf("coord.yaml: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
}

// The same changes made in place — coord.yaml edited on disk to make the clerk's office the coordinator, the
// registry edited on disk to put the clerk among VPTU's members — are judged by the registry and settings of
// the clone's last commit, not by the edits: refused, nothing committed, the server unchanged.
func TestSubmitRefusesAnEditInPlaceOfWhoMayDoWhat(t *testing.T) {
	e := newEnv(t)
	head := gittest.Run(t, e.bare, nil, "rev-parse", "main")
	edit := func(rel, from, to string) string {
		t.Helper()
		p := filepath.Join(e.clone, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), from) {
			t.Fatalf("%s: %v, or no %q", rel, err, from)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	settings := edit("coord.yaml", "coordinator: VPTU", "coordinator: VPUBND")
	r := e.submit(t, nil, submit.Options{Paths: []string{settings}})
	if r.code != 1 || !strings.Contains(r.err.String(), "coord.yaml may be changed only by") {
		t.Fatalf("coord.yaml edited in place: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	offices := edit("registry/offices.yaml", "      - {name: Lê Thu Hà, email: ha.lt@vptu.example.vn}\n",
		"      - {name: Lê Thu Hà, email: ha.lt@vptu.example.vn}\n      - {name: Hồ Thị Kim Liên, email: lien.htk@vpubnd.example.vn}\n")
	r = e.submit(t, nil, submit.Options{Paths: []string{offices}})
	if r.code != 1 || !strings.Contains(r.err.String(), "registry/offices.yaml may be changed only by the members of Văn phòng Tỉnh ủy") {
		t.Fatalf("the registry edited in place: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	b, err := examples.Province.ReadFile("province/programmes/2026/Q3/VPTU.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r = e.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "vptu.yaml", string(b))}})
	if r.code != 1 || !strings.Contains(r.err.String(), "programmes/2026/Q3/VPTU.yaml may be changed only by the members of Văn phòng Tỉnh ủy") {
		t.Fatalf("VPTU's programme, the registry edited in place: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if gittest.Run(t, e.bare, nil, "rev-parse", "main") != head {
		t.Fatal("the server moved")
	}
	if out := gittest.Run(t, e.clone, nil, "log", "--format=%s", "-1"); out != "init\n" && strings.TrimSpace(out) != "init" {
		t.Fatalf("committed locally: %s", out)
	}
}

// A petition with the petitioner in clear, or a fake ciphertext, is refused before anything is committed,
// and the refusal does not print the identity.
func TestSubmitRefusesPlaintextPetition(t *testing.T) {
	e := newEnv(t)
	head := gittest.Run(t, e.bare, nil, "rev-parse", "main")
	for _, who := range []string{`"Nguyễn Văn A, CCCD 079123456789"`, "ENC[age,Tmd1eeG7hW4gVsSDbiBB]"} {
		body := "kind: petition\nid: VPUBND-2026-000301\noffice: VPUBND\ntype: to-cao\nreceived: 2026-08-04\nchannel: truc-tiep\n" +
			"people: 1\nsubject: Tố cáo cán bộ xã\nlocality: xa-long-thanh\npetitioner: " + who + "\nstatus: received\n"
		r := e.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "don.yaml", body)}})
		out := r.out.String() + r.err.String()
		if r.code != 1 || !strings.Contains(out, "petition/plaintext") || strings.Contains(out, "079123456789") {
			t.Fatalf("%s: exit %d\n%s", who, r.code, out)
		}
	}
	if gittest.Run(t, e.bare, nil, "rev-parse", "main") != head {
		t.Fatal("the server moved")
	}
}
