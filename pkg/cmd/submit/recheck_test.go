package submit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/cmd/submit"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
)

// otherClerk is a second office's clone of the same server, made now (before the first office submits).
func (e *env) otherClerk(t *testing.T) *env {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "other")
	if _, err := gitrepo.Clone(context.Background(), e.srv.RepoURL("data.git"), dir, gitrepo.Auth{Token: "tok-submit-9876"}, "main"); err != nil {
		t.Fatal(err)
	}
	return &env{bare: e.bare, clone: dir, srv: e.srv}
}

// lateProgramme is an example office's Q3 programme, with the reason it is submitted after the deadline.
func lateProgramme(t *testing.T, office string) string {
	t.Helper()
	b, err := examples.Province.ReadFile("province/programmes/2026/Q3/" + office + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Replace(string(b), "period: 2026-Q3\n", "period: 2026-Q3\nlate_reason: Bổ sung lịch\n", 1)
}

// Two clerks submit clashing programmes without syncing: the second one's clone does not hold the first
// programme, so its first check sees no overlap; when its push is rebuilt on the server's newer tip, the
// submission is checked again, the overlap is named for the coordinator, and the push still lands.
func TestSubmitChecksAgainOnTopOfOthers(t *testing.T) {
	a := newEnv(t)
	b := a.otherClerk(t)
	vptu := map[string]string{"name": "Lê Thu Hà", "email": "ha.lt@vptu.example.vn"} // a member of VPTU
	if r := a.submit(t, vptu, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "vptu.yaml", lateProgramme(t, "VPTU"))}}); r.code != 0 {
		t.Fatalf("A: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
	}
	if _, err := os.Stat(filepath.Join(b.clone, "programmes", "2026", "Q3", "VPTU.yaml")); err == nil {
		t.Fatal("B's clone already holds A's programme: the test would not test the second check")
	}
	r := b.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "vpubnd.yaml", lateProgramme(t, "VPUBND"))}})
	out, errs := r.out.String(), r.err.String()
	if r.code != 0 {
		t.Fatalf("B: exit %d\n%s%s", r.code, out, errs)
	}
	// What B's output says before the push: the overlap with A's programme, and that it was checked again.
	if !strings.Contains(out, "overlap/person") && !strings.Contains(out, "overlap/venue") {
		t.Fatalf("B's output names no overlap:\n%s", out)
	}
	if !strings.Contains(out, "programmes/2026/Q3/VPTU.yaml") || !strings.Contains(errs, "checked again on top of them") || !strings.Contains(errs, "new warnings for the coordinating office") {
		t.Fatalf("B's output does not say the second check found the overlap with A:\n%s%s", out, errs)
	}
	if !strings.Contains(out, "rebuilt on top of them (1 times)") || !strings.Contains(out, "Pushed to") {
		t.Fatalf("B's push did not land after a rebuild:\n%s", out)
	}
	// Reported before the push, as the issue asks: the findings come first on the same stream.
	if at, pushed := strings.Index(out, "overlap/"), strings.Index(out, "Pushed to"); at > pushed {
		t.Fatalf("the overlap is reported after the push:\n%s", out)
	}
	for _, p := range []string{"programmes/2026/Q3/VPTU.yaml", "programmes/2026/Q3/VPUBND.yaml"} {
		if _, ok := gittest.Show(b.bare, "main", p); !ok {
			t.Fatalf("%s not on the server", p)
		}
	}
	if st := gittest.Run(t, b.clone, nil, "status", "--porcelain"); st != "" {
		t.Fatalf("B's clone not clean: %s", st)
	}
}

// The second check blocks an error that appears only on top of the others' work: another office's clerk
// took the same document number at the same moment (the same day, or B's a day later). B is refused with
// exit 1, nothing of B's reaches the server, B's commit is taken back and B's file stays in the clone.
func TestSubmitRefusedWhenTheNumberWasJustTaken(t *testing.T) {
	for _, date := range []string{"2026-08-04", "2026-08-05"} {
		t.Run(date, func(t *testing.T) {
			a := newEnv(t)
			b := a.otherClerk(t)
			if r := a.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "215-TB-UBND.yaml", document(215))}}); r.code != 0 {
				t.Fatalf("A: exit %d\n%s%s", r.code, r.out.String(), r.err.String())
			}
			server := gittest.Run(t, a.bare, nil, "rev-parse", "main")
			before := gittest.Run(t, b.clone, nil, "rev-parse", "main")
			// The same sequence number in the same issuer's state series of 2026, as a decision (another path).
			qd := "kind: document\nnumber: 215/QĐ-UBND\ntype: QĐ\ndate: " + date + "\nissuer: VPUBND\n" +
				"summary: Quyết định về lịch tiếp công dân\nrecipients: [VPTU]\n"
			r := b.submit(t, nil, submit.Options{Paths: []string{writeDraft(t, t.TempDir(), "215-QD-UBND.yaml", qd)}})
			out, errs := r.out.String(), r.err.String()
			if r.code != 1 {
				t.Fatalf("B: exit %d, want 1\n%s%s", r.code, out, errs)
			}
			if !strings.Contains(out, "doc/number") || !strings.Contains(out, `number "215/QĐ-UBND" is already used in its series (see `+docPath(215)+`)`) {
				t.Fatalf("B's output does not name the number taken by A:\n%s%s", out, errs)
			}
			if !strings.Contains(errs, "Not submitted: against the submissions other offices have just sent to the server, your records have 1 errors") {
				t.Fatalf("B is not told why:\n%s", errs)
			}
			if got := gittest.Run(t, a.bare, nil, "rev-parse", "main"); got != server {
				t.Fatal("something of B's reached the server")
			}
			if got := gittest.Run(t, b.clone, nil, "rev-parse", "main"); got != before {
				t.Fatal("B's refused commit stayed on B's branch (coord sync would push it)")
			}
			kept, _ := filepath.Glob(filepath.Join(b.clone, "documents", "2026", "VPUBND", "215-*.yaml"))
			if len(kept) != 1 || strings.Contains(kept[0], "TB") {
				t.Fatalf("B's file is not kept in the clone: %v", kept)
			}
			if data, _ := os.ReadFile(kept[0]); !strings.Contains(string(data), "215/QĐ-UBND") {
				t.Fatalf("kept file: %s", data)
			}
		})
	}
}
