package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// gitAs runs git in dir as a given author (and committer), at a fixed time.
func gitAs(t *testing.T, dir, name, email string, args ...string) string {
	t.Helper()
	env := []string{"GIT_AUTHOR_NAME=" + name, "GIT_AUTHOR_EMAIL=" + email, "GIT_COMMITTER_NAME=" + name,
		"GIT_COMMITTER_EMAIL=" + email, "GIT_AUTHOR_DATE=2026-06-12T09:00:00+07:00", "GIT_COMMITTER_DATE=2026-06-12T09:00:00+07:00",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"}
	return run(t, dir, env, "git", args...)
}

func editFile(t *testing.T, dir, rel, from, to string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), from) {
		t.Fatalf("%s has no %q", rel, from)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// changedFindings runs `coord check --changed BASE --format json` and returns "rule file: message" lines,
// sorted, and the exit code.
func changedFindings(t *testing.T, bin, repo, base string) ([]string, int) {
	t.Helper()
	cmd := exec.Command(bin, "check", "--changed", base, "--format", "json", "--lang", "en", "--as-of", "2026-06-15")
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "COORD_CONFIG="+filepath.Join(t.TempDir(), "none.yaml"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct{ Rule, File, Message string }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr.String())
	}
	var lines []string
	for _, f := range doc.Findings {
		lines = append(lines, f.Rule+" "+f.File+": "+f.Message)
	}
	sort.Strings(lines)
	return lines, code
}

// TestCheckChanged: `coord check --changed BASE` on a series of commits — each judged against BASE = its
// parent — reports what the commit changed and what that interacts with, not the rest of the repo, and every
// commit that changes what its author may not (authz/path): another office's programme, the consolidated
// record by a clerk, coord.yaml and the registry by someone who is not an admin; with policy.require_signed,
// an unsigned commit and one signed with a key the registry does not list for its author.
func TestCheckChanged(t *testing.T) {
	need(t, "git")
	bin := coordBinary(t)
	work := t.TempDir()
	repo := filepath.Join(work, "repo")
	run(t, work, nil, bin, "init", repo, "--example")
	// Something wrong elsewhere in the repo: a full check reports it, --changed does not.
	bad := filepath.Join(repo, "documents", "2026", "VPTU", "99-TB-TU.yaml")
	if err := os.WriteFile(bad, []byte("kind: document\nnumber: 99 TB TU\ntype: TB\ndate: 2026-06-01\nissuer: VPTU\nsummary: Sai số\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	merge := exec.Command(bin, "merge", "--quarter", "2026-Q3", "--as-of", "2026-06-15", "--no-commit")
	merge.Dir = repo
	if err := merge.Run(); err != nil && merge.ProcessState.ExitCode() != 1 { // 1: the conflicts it found
		t.Fatal(err)
	}
	const admin, adminEmail = "Lê Thu Hà", "ha.lt@vptu.example.vn" // a member of the coordinating office
	const clerk, clerkEmail = "Hồ Thị Kim Liên", "lien.htk@vpubnd.example.vn"
	gitAs(t, repo, admin, adminEmail, "add", "-A")
	gitAs(t, repo, admin, adminEmail, "commit", "-q", "-m", "Dữ liệu mẫu")

	step := func(name, who, email string, change func()) ([]string, int) {
		t.Helper()
		change()
		gitAs(t, repo, who, email, "add", "-A")
		gitAs(t, repo, who, email, "commit", "-q", "-m", name)
		return changedFindings(t, bin, repo, "HEAD~1")
	}
	authz := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			if strings.HasPrefix(l, "authz/path ") {
				out = append(out, l)
			}
		}
		return out
	}

	// A clerk changes their own office's programme: no authz finding; the change is checked with its period
	// (the consolidated record is now stale), the broken document elsewhere is not reported.
	got, _ := step("good", clerk, clerkEmail, func() {
		editFile(t, repo, "programmes/2026/Q3/VPUBND.yaml", "title: Phiên họp UBND tỉnh thường kỳ tháng 7", "title: Phiên họp UBND tỉnh thường kỳ tháng 7 (mở rộng)")
	})
	if len(authz(got)) != 0 || strings.Contains(strings.Join(got, "\n"), "99-TB-TU") || !strings.Contains(strings.Join(got, "\n"), "consolidated/stale consolidated/2026/Q3.yaml") {
		t.Errorf("own programme:\n%s", strings.Join(got, "\n"))
	}
	// The clerk enters petitions of their own office: one with the petitioner in clear, one with a fake
	// ciphertext (the base64 of the plain text), one with a phone number in a note. petition/plaintext.
	petition := func(id, petitioner, note string) string {
		return "kind: petition\nid: " + id + "\noffice: VPUBND\ntype: khieu-nai\nreceived: 2026-06-11\nchannel: truc-tiep\npeople: 1\n" +
			"subject: Khiếu nại về bồi thường đất\nlocality: xa-long-thanh\npetitioner: " + petitioner + "\nstatus: received\n" +
			"history:\n  - {date: 2026-06-11, action: received, by: VPUBND, note: \"" + note + "\"}\n"
	}
	got, code := step("petitions", clerk, clerkEmail, func() {
		for id, body := range map[string]string{
			"VPUBND-2026-000301": petition("VPUBND-2026-000301", "\"Nguyễn Văn A, CCCD 079123456789\"", "Tiếp nhận"),
			"VPUBND-2026-000302": petition("VPUBND-2026-000302", "ENC[age,Tmd1eeG7hW4gVsSDbiBB]", "Tiếp nhận"),
		} {
			p := filepath.Join(repo, "petitions", "2026", "VPUBND", id+".yaml")
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		editFile(t, repo, "petitions/2026/VPUBND/VPUBND-2026-000123.yaml", `note: "Tiếp nhận tại Trụ sở tiếp công dân tỉnh"`, `note: "Tiếp nhận, gọi lại số 0912 345 678"`)
	})
	var plaintext []string
	for _, l := range got {
		if strings.HasPrefix(l, "petition/plaintext ") {
			plaintext = append(plaintext, strings.SplitN(l, ":", 2)[0])
		}
	}
	if code != 1 || strings.Join(plaintext, ",") != "petition/plaintext petitions/2026/VPUBND/VPUBND-2026-000123.yaml,petition/plaintext petitions/2026/VPUBND/VPUBND-2026-000301.yaml,petition/plaintext petitions/2026/VPUBND/VPUBND-2026-000302.yaml" ||
		len(authz(got)) != 0 || strings.Contains(strings.Join(got, "\n"), "079123456789") || strings.Contains(strings.Join(got, "\n"), "345 678") {
		t.Errorf("petitions (exit %d):\n%s", code, strings.Join(got, "\n"))
	}

	// The same clerk changes another office's programme.
	got, code = step("wrong office", clerk, clerkEmail, func() {
		editFile(t, repo, "programmes/2026/Q3/VPTU.yaml", "title: Hội nghị Ban Thường vụ Tỉnh ủy", "title: Hội nghị BTV Tỉnh ủy")
	})
	head := func() string { return strings.TrimSpace(run(t, repo, nil, "git", "rev-parse", "--short=10", "HEAD")) }
	want := "authz/path programmes/2026/Q3/VPTU.yaml: commit " + head() + " by Hồ Thị Kim Liên <lien.htk@vpubnd.example.vn> changes this file, which only the members of Văn phòng Tỉnh ủy may change"
	if a := authz(got); len(a) != 1 || a[0] != want || code != 1 {
		t.Errorf("another office's programme (exit %d):\n%s\nwant %s", code, strings.Join(a, "\n"), want)
	}
	// The consolidated record, edited by a clerk.
	got, _ = step("consolidated by a clerk", clerk, clerkEmail, func() {
		editFile(t, repo, "consolidated/2026/Q3.yaml", "status: draft", "status: approved")
	})
	if a := authz(got); len(a) != 1 || !strings.HasPrefix(a[0], "authz/path consolidated/2026/Q3.yaml: commit "+head()) ||
		!strings.HasSuffix(a[0], "which only the members of Văn phòng Tỉnh ủy may change") {
		t.Errorf("consolidated record by a clerk:\n%s", strings.Join(a, "\n"))
	}
	// coord.yaml and the registry, by someone who is not an admin (the registry lists no admins: the
	// coordinating office's members are).
	got, _ = step("settings by a clerk", clerk, clerkEmail, func() {
		editFile(t, repo, "coord.yaml", "coordinator: VPTU", "coordinator: VPUBND")
		editFile(t, repo, "registry/offices.yaml", "email: lien.htk@vpubnd.example.vn", "email: lien.htk@vpubnd.example.vn}\n      - {name: Người lạ, email: la@example.vn")
	})
	a := authz(got)
	if len(a) != 2 || !strings.HasPrefix(a[0], "authz/path coord.yaml: commit "+head()) || !strings.HasSuffix(a[0], "which only the repo's admins (admins in registry/offices.yaml) may change") ||
		!strings.HasPrefix(a[1], "authz/path registry/offices.yaml: ") ||
		!strings.HasSuffix(a[1], "which only the members of Văn phòng Tỉnh ủy may change, and the change is not a mere reseal: the commit changes registry/offices.yaml beyond the recipients of the author's own office") {
		t.Errorf("settings and registry by a clerk:\n%s", strings.Join(a, "\n"))
	}
	// The admin puts them back and requires signed commits, with the clerk's SSH key in the registry.
	keyDir := t.TempDir()
	key := filepath.Join(keyDir, "lien")
	run(t, keyDir, nil, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", clerkEmail, "-f", key)
	other := filepath.Join(keyDir, "other")
	run(t, keyDir, nil, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other)
	pub, err := os.ReadFile(key + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	rogue := head()
	step("signing required", admin, adminEmail, func() {
		editFile(t, repo, "coord.yaml", "coordinator: VPUBND", "coordinator: VPTU")
		editFile(t, repo, "coord.yaml", "policy: {}", "policy: {require_signed: true}")
		editFile(t, repo, "registry/offices.yaml", "}\n      - {name: Người lạ, email: la@example.vn}", ", keys: ['"+strings.TrimSpace(string(pub))+"']}")
	})
	// Reviewed together with the clerk's commit (one pull request), the admin's repair is judged by the state
	// before the clerk's commit: the clerk's change did not make the clerk's office the coordinator.
	got, _ = changedFindings(t, bin, repo, "HEAD~2")
	if a := authz(got); len(a) != 2 || !strings.Contains(a[0], rogue) || !strings.Contains(a[1], rogue) {
		t.Errorf("the clerk's change and the admin's repair:\n%s", strings.Join(a, "\n"))
	}
	// Now an unsigned commit of the clerk is refused…
	got, _ = step("unsigned", clerk, clerkEmail, func() {
		editFile(t, repo, "programmes/2026/Q3/VPUBND.yaml", "(mở rộng)", "(mở rộng, trực tuyến)")
	})
	if a := authz(got); len(a) != 1 || !strings.Contains(a[0], "is not signed, and coord.yaml requires every commit to be") {
		t.Errorf("unsigned:\n%s", strings.Join(a, "\n"))
	}
	// …one signed with the registered key passes, one signed with another key does not.
	signed := func(name, k string) []string {
		editFile(t, repo, "programmes/2026/Q3/VPUBND.yaml", "trực tuyến", "trực tuyến "+name)
		gitAs(t, repo, clerk, clerkEmail, "add", "-A")
		gitAs(t, repo, clerk, clerkEmail, "-c", "gpg.format=ssh", "-c", "user.signingkey="+k, "commit", "-q", "-S", "-m", name)
		lines, _ := changedFindings(t, bin, repo, "HEAD~1")
		return authz(lines)
	}
	if a := signed("signed", key); len(a) != 0 {
		t.Errorf("signed with the registered key:\n%s", strings.Join(a, "\n"))
	}
	if a := signed("signed-other", other); len(a) != 1 || !strings.Contains(a[0], "matches none of this person's keys in registry/offices.yaml") {
		t.Errorf("signed with another key:\n%s", strings.Join(a, "\n"))
	}

	// Over the whole series, every commit that broke the rules is reported, once.
	all, code := changedFindings(t, bin, repo, "HEAD~9")
	if a := authz(all); len(a) != 6 || code != 1 {
		t.Errorf("the whole series (exit %d):\n%s", code, strings.Join(a, "\n"))
	}
}
