package workspace_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/workspace"
)

func province(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	return dir
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Lê Thu Hà", "GIT_AUTHOR_EMAIL=ha.lt@vptu.example.vn", "GIT_COMMITTER_NAME=Lê Thu Hà",
		"GIT_COMMITTER_EMAIL=ha.lt@vptu.example.vn", "GIT_AUTHOR_DATE=2026-06-10T09:00:00+07:00", "GIT_COMMITTER_DATE=2026-06-10T09:00:00+07:00")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// committedProvince is the example province in a git repository, committed on 10/6/2026.
func committedProvince(t *testing.T) string {
	t.Helper()
	root := province(t)
	git(t, root, "init", "-q", "-b", "main")
	git(t, root, "add", "-A")
	git(t, root, "commit", "-q", "-m", "Dữ liệu mẫu")
	return root
}

// Load: the records, the policy, "now" as the options say, and when each programme reached main (from the
// real git history): the example's programmes committed on 10/6 are on time for the deadline of 20/6 even
// judged in September.
func TestLoad(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git to make the history")
	}
	root := committedProvince(t)
	asOf := func(loc *time.Location) (time.Time, error) { return time.Date(2026, 9, 1, 0, 0, 0, 0, loc), nil }
	l, err := workspace.Load(root, workspace.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if !l.Ctx.Now.Equal(time.Date(2026, 9, 1, 0, 0, 0, 0, l.Repo.Loc)) || l.Ctx.Policy.Deadlines.QuarterDay != 20 {
		t.Errorf("now %v, policy %+v", l.Ctx.Now, l.Ctx.Policy.Deadlines)
	}
	at, ok := l.Ctx.Submitted["programmes/2026/Q3/VPTU.yaml"]
	if !ok || !at.Equal(time.Date(2026, 6, 10, 2, 0, 0, 0, time.UTC)) {
		t.Errorf("submitted %v %v", at, ok)
	}

	// A period's step loads the registry, the period's programmes and nothing else.
	q3, _ := period.Parse("2026-Q3")
	l, err = workspace.LoadPeriod(root, q3, nil, workspace.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if l.Repo.File("programmes/2026/Q3/VPTU.yaml") == nil || l.Repo.File("registry/people.yaml") == nil {
		t.Error("the period's programmes or the registry were not loaded")
	}
	for _, f := range l.Repo.Files {
		if filepath.Dir(f.Path) == "documents/2026/VPTU" {
			t.Errorf("loaded %s", f.Path)
		}
	}

	// --as-of that does not parse stops the load with its error.
	bad := errors.New("bad as-of")
	if _, err := workspace.Load(root, workspace.Options{AsOf: func(*time.Location) (time.Time, error) { return time.Time{}, bad }}); !errors.Is(err, bad) {
		t.Errorf("as-of error: %v", err)
	}
}

// Authorize: a VPUBND clerk may not change VPTU's programme (a refusal naming whose it is); VPTU's may; no
// email, nothing is committed, nothing refused.
func TestAuthorize(t *testing.T) {
	l, err := workspace.Load(province(t), workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"programmes/2026/Q3/VPTU.yaml"}
	err = workspace.Authorize(l.Repo, paths, workspace.Committer{Email: "lien.htk@vpubnd.example.vn"})
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Kind != i18n.KindRefused {
		t.Fatalf("VPUBND on VPTU's programme: %v", err)
	}
	if msg := ie.Msg.Render(i18n.VI); msg != "programmes/2026/Q3/VPTU.yaml chỉ cán bộ của Văn phòng Tỉnh ủy được sửa; lien.htk@vpubnd.example.vn không có trong danh sách đó (registry/offices.yaml), nên không có gì được ghi nhận" {
		t.Errorf("message %q", msg)
	}
	if err := workspace.Authorize(l.Repo, paths, workspace.Committer{Email: " ha.lt@vptu.example.vn "}); err != nil {
		t.Errorf("VPTU on its own programme: %v", err)
	}
	if err := workspace.Authorize(l.Repo, paths, workspace.Committer{Email: ""}); err != nil {
		t.Errorf("no email: %v", err)
	}
}

// Who may change what is the registry and settings of the clone's last commit, not of the disk: a VPUBND
// clerk who edits coord.yaml (coordinator: VPUBND) and the registry (their email among VPTU's members) in
// place, without committing, gains no right — neither to submit those files nor to change VPTU's programme
// or the consolidated record. Once such a change is committed (by someone allowed to), it is in force in a
// clone that has no remote-tracking branch (TestAuthorizeByTheServersRegistry: one that has).
func TestAuthorizeByTheCommittedRegistry(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git to make the history")
	}
	root := committedProvince(t)
	const clerk = "lien.htk@vpubnd.example.vn"
	edit := func(rel, from, to string) []byte {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), from) {
			t.Fatalf("%s: %v, or no %q", rel, err, from)
		}
		b = []byte(strings.Replace(string(b), from, to, 1))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return b
	}
	settings := edit("coord.yaml", "coordinator: VPTU", "coordinator: VPUBND")
	offices := edit("registry/offices.yaml", "      - {name: Lê Thu Hà, email: ha.lt@vptu.example.vn}\n",
		"      - {name: Lê Thu Hà, email: ha.lt@vptu.example.vn}\n      - {name: Hồ Thị Kim Liên, email: "+clerk+"}\n")
	l, err := workspace.Load(root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Repo.Settings.Coordinator != "VPUBND" {
		t.Fatalf("the load did not read the edit on disk: coordinator %q", l.Repo.Settings.Coordinator)
	}
	refused := func(what string, err error) {
		t.Helper()
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.Kind != i18n.KindRefused {
			t.Errorf("%s: %v, want a refusal", what, err)
		}
	}
	refused("coord.yaml edited in place", workspace.AuthorizeFiles(l.Repo, map[string][]byte{"coord.yaml": settings}, workspace.Committer{Email: clerk}))
	refused("the registry edited in place", workspace.AuthorizeFiles(l.Repo, map[string][]byte{"registry/offices.yaml": offices}, workspace.Committer{Email: clerk}))
	refused("VPTU's programme", workspace.Authorize(l.Repo, []string{"programmes/2026/Q3/VPTU.yaml"}, workspace.Committer{Email: clerk}))
	refused("the consolidated record", workspace.Authorize(l.Repo, []string{"consolidated/2026/Q3.yaml"}, workspace.Committer{Email: clerk}))

	// Committed, the registry is in force: the clerk is now a member of VPTU.
	git(t, root, "commit", "-q", "-am", "Thêm cán bộ")
	if err := workspace.Authorize(l.Repo, []string{"programmes/2026/Q3/VPTU.yaml"}, workspace.Committer{Email: clerk}); err != nil {
		t.Errorf("VPTU's programme by a member of VPTU in the last commit: %v", err)
	}
}

// In a clone of a server, who may change what is the registry and settings of the remote-tracking branch of
// the committer's remote and branch: a VPUBND clerk who commits coordinator: VPUBND with plain git gains no
// right over the consolidated record until the server holds that commit (here: the tracking branch moved to
// it, as a push or a fetch does).
func TestAuthorizeByTheServersRegistry(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git to make the history")
	}
	root := committedProvince(t)
	git(t, root, "update-ref", "refs/remotes/origin/main", "HEAD")
	git(t, root, "update-ref", "refs/remotes/upstream/trunk", "HEAD")
	p := filepath.Join(root, "coord.yaml")
	b, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(b), "coordinator: VPTU") {
		t.Fatalf("coord.yaml: %v", err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "coordinator: VPTU", "coordinator: VPUBND", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, root, "commit", "-q", "-am", "Đổi văn phòng tổng hợp")
	l, err := workspace.Load(root, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	consolidated := []string{"consolidated/2026/Q3.yaml"}
	clerk := workspace.Committer{Email: "lien.htk@vpubnd.example.vn"}
	var ie *i18n.Error
	if err := workspace.Authorize(l.Repo, consolidated, clerk); !errors.As(err, &ie) || ie.Kind != i18n.KindRefused {
		t.Errorf("coordinator: VPUBND committed locally: %v, want a refusal", err)
	}
	other := workspace.Committer{Email: clerk.Email, Remote: "upstream", Branch: "trunk"}
	if err := workspace.Authorize(l.Repo, consolidated, other); !errors.As(err, &ie) || ie.Kind != i18n.KindRefused {
		t.Errorf("the tracking branch of another remote and branch: %v, want a refusal", err)
	}

	// The server holds it: in force.
	git(t, root, "update-ref", "refs/remotes/origin/main", "HEAD")
	if err := workspace.Authorize(l.Repo, consolidated, clerk); err != nil {
		t.Errorf("coordinator: VPUBND on the server: %v", err)
	}
	if err := workspace.Authorize(l.Repo, consolidated, other); err == nil {
		t.Error("upstream/trunk still says VPTU: want a refusal")
	}
}

// Outputs: a folder outside the data repo gets the files now, byte for byte; one under issued/ returns them
// to be committed; any other folder of the repo is refused as bad usage, writing nothing.
func TestOutputs(t *testing.T) {
	root := province(t)
	files := map[string][]byte{"lich.ics": []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")}
	out := filepath.Join(t.TempDir(), "ra")
	if in, err := workspace.Outputs(root, out, files); err != nil || len(in) != 0 {
		t.Fatalf("outside: %v %v", in, err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "lich.ics")); string(b) != string(files["lich.ics"]) {
		t.Errorf("written %q", b)
	}
	in, err := workspace.Outputs(root, filepath.Join(root, "issued", "2026", "Q3"), files)
	if err != nil || string(in["issued/2026/Q3/lich.ics"]) != string(files["lich.ics"]) {
		t.Errorf("issued/: %v %v", in, err)
	}
	_, err = workspace.Outputs(root, filepath.Join(root, "programmes"), files)
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Kind != i18n.KindUsage {
		t.Errorf("programmes/: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "programmes", "lich.ics")); err == nil {
		t.Error("written into programmes/")
	}
}
