package initcmd

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v3"
)

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// coordRelease builds coord once, as a release would name it for this machine: <dir>/coord-<os>-<arch>.
// It returns the folder and the binary's SHA-256.
func coordRelease(t *testing.T) (dir, sum string) {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "coord-release-"); binErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "coord-"+runtime.GOOS+"-"+runtime.GOARCH),
			"github.com/coordvn/coord/cmd/coord").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	b, err := os.ReadFile(filepath.Join(binDir, "coord-"+runtime.GOOS+"-"+runtime.GOARCH))
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return binDir, hex.EncodeToString(h[:])
}

// tool finds an external program a test needs. Missing, the test is skipped on a developer's machine and
// fails in CI (CI=true), where .ci/deps.sh installs it: a CI that lost the install step must not go green.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (make deps / .ci/deps.sh installs it)", name)
		}
		t.Skipf("%s is not installed (make deps / .ci/deps.sh installs it)", name)
	}
	return p
}

// TestWorkflowsPassActionlint lints the GitHub and Gitea workflows with actionlint (as a library), with
// shellcheck on every run: script when shellcheck is installed.
func TestWorkflowsPassActionlint(t *testing.T) {
	shellcheck := tool(t, "shellcheck")
	for name, text := range map[string]string{".github/workflows/coord.yml": githubWorkflow, ".gitea/workflows/coord.yml": giteaWorkflow} {
		var out bytes.Buffer
		l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{Shellcheck: shellcheck})
		if err != nil {
			t.Fatal(err)
		}
		errs, err := l.Lint(name, []byte(text), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range errs {
			t.Errorf("%s:%d:%d: %s [%s]", name, e.Line, e.Column, e.Message, e.Kind)
		}
	}
	// The linter is not a rubber stamp: an unknown event, a bad expression and a shellcheck finding fail.
	bad := strings.Replace(githubWorkflow, "  pull_request:\n", "  pull_requests:\n", 1)
	bad = strings.Replace(bad, "${{ github.event.pull_request.base.sha }}", "${{ github.event.pull_request.base.sha ", 1)
	bad = strings.Replace(bad, `echo "$COORD_BIN" >> "$GITHUB_PATH"`, `echo $COORD_BIN >> $GITHUB_PATH`, 1)
	l, _ := actionlint.NewLinter(&bytes.Buffer{}, &actionlint.LinterOptions{Shellcheck: shellcheck})
	errs, err := l.Lint("bad.yml", []byte(bad), nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, e := range errs {
		kinds[e.Kind] = true
	}
	for _, k := range []string{"events", "expression", "shellcheck"} {
		if !kinds[k] {
			t.Errorf("actionlint did not report %q on a broken workflow: %v", k, errs)
		}
	}
}

// runInstall runs the install script in a folder holding coord.yaml and returns its output and COORD_BIN.
func runInstall(t *testing.T, coordYAML string) (string, string, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "coord.yaml"), []byte(coordYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", installScript+`printf 'COORD_BIN=%s\n' "$COORD_BIN"`)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	bin := ""
	if i := strings.LastIndex(string(out), "COORD_BIN="); i >= 0 {
		bin = strings.TrimSpace(string(out[i+len("COORD_BIN="):]))
	}
	return string(out), bin, err
}

// TestInstallScript runs the script every template uses to obtain coord, with curl, on coord.yaml files
// written in the styles an admin may use, from a file:// URL and from an HTTP server.
func TestInstallScript(t *testing.T) {
	tool(t, "curl")
	tool(t, "sha256sum")
	dir, sum := coordRelease(t)
	release := filepath.Join(dir, "coord-"+runtime.GOOS+"-"+runtime.GOARCH)
	srv := httptest.NewServer(http.StripPrefix("/releases/0.9.0/", http.FileServer(http.Dir(dir))))
	defer srv.Close()
	head := "kind: settings\nversion: 1\nprovince: Tỉnh mẫu\ncoordinator: VPTU\n"
	ok := map[string]string{
		"block, quoted, file URL": head + "ci:\n  version: \"0.9.0\"\n  binary_url: \"file://" + dir + "/coord-{os}-{arch}\"\n  sha256: " + sum + "\n",
		"block, plain, comments": head + "ci: # how CI gets coord\n  version: 0.9.0 # pinned\n  binary_url: " + srv.URL +
			"/releases/{version}/coord-{os}-{arch} # mirror\n  sha256: " + strings.ToUpper(sum) + "\npolicy: {}\n",
		"flow on one line":   head + "ci: {version: \"0.9.0\", binary_url: \"" + srv.URL + "/releases/{version}/coord-{os}-{arch}\", sha256: '" + sum + "'}\n",
		"block, no checksum": head + "ci:\n  binary_url: 'file://" + dir + "/coord-{os}-{arch}'\n",
	}
	want, _ := os.ReadFile(release)
	for name, y := range ok {
		out, bin, err := runInstall(t, y)
		if err != nil {
			t.Errorf("%s: install failed: %v\n%s", name, err, out)
			continue
		}
		got, err := os.ReadFile(filepath.Join(bin, "coord"))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %s/coord is not the release binary (%v)\n%s", name, bin, err, out)
		}
		if !strings.Contains(out, "coord phiên bản") { // coord --version, in Vietnamese by default
			t.Errorf("%s: the installed coord did not run:\n%s", name, out)
		}
		if strings.Contains(name, "no checksum") != strings.Contains(out, "ci.sha256 is not set") {
			t.Errorf("%s: the warning about a missing ci.sha256 is wrong:\n%s", name, out)
		}
	}
	// Refusals: a checksum that does not match, no binary_url, a URL that does not exist.
	bad := map[string]struct{ yaml, says string }{
		"wrong checksum": {head + "ci:\n  binary_url: file://" + dir + "/coord-{os}-{arch}\n  sha256: " + strings.Repeat("0", 64) + "\n", "FAILED"},
		"no binary_url":  {head + "# ci:\n#   binary_url: https://x\n", "coord.yaml has no ci.binary_url"},
		"missing file":   {head + "ci:\n  binary_url: " + srv.URL + "/releases/{version}/nothing\n  version: 0.9.0\n", "404"},
	}
	for name, c := range bad {
		out, bin, err := runInstall(t, c.yaml)
		if err == nil {
			t.Errorf("%s: install succeeded:\n%s", name, out)
		}
		if !strings.Contains(out, c.says) {
			t.Errorf("%s: output does not say %q:\n%s", name, c.says, out)
		}
		if bin != "" {
			t.Errorf("%s: the script went on after the failure", name)
		}
	}
}

// newDataRepo runs coord init in a fresh folder, points ci at the release built for this machine, and
// commits it on main, pushed to a bare origin.
func newDataRepo(t *testing.T) (repo string, env []string) {
	t.Helper()
	gittest.Git(t)
	dir, sum := coordRelease(t)
	root := t.TempDir()
	repo = filepath.Join(root, "data")
	f := cmdutil.New()
	f.Out, f.Err = &bytes.Buffer{}, &bytes.Buffer{}
	f.Getwd = func() (string, error) { return root, nil }
	if err := Run(&Options{F: f, Dir: "data", Province: "Tỉnh mẫu"}); err != nil {
		t.Fatal(err)
	}
	ci := fmt.Sprintf("ci:\n  version: \"0.9.0\"\n  binary_url: file://%s/coord-{os}-{arch}\n  sha256: %s\n", dir, sum)
	appendFile(t, filepath.Join(repo, "coord.yaml"), ci)
	env = gittest.Env(root)
	bare := filepath.Join(root, "origin.git")
	gittest.Run(t, root, env, "init", "-q", "--bare", "-b", "main", bare)
	gittest.Run(t, repo, env, "remote", "add", "origin", bare)
	gittest.Run(t, repo, env, "add", "-A")
	gittest.Run(t, repo, env, "commit", "-qm", "coord init")
	gittest.Run(t, repo, env, "push", "-q", "origin", "main")
	gittest.Run(t, repo, env, "remote", "set-head", "origin", "main")
	return repo, env
}

func appendFile(t *testing.T, p, s string) {
	t.Helper()
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

const badProgramme = `kind: programme
office: VPTU
period: 2026-Q3
items:
  - id: hop-btv-thang-7
    title: Hội nghị Ban Thường vụ Tỉnh ủy tháng 7
    when: 2026-07-09 sáng
    kind: meting
    bodies: [BTV-TU]
`

// TestGitHubWorkflowStepsRun runs the run: steps of the workflow coord init wrote, on a push to main, as the
// runner would (bash -e, GITHUB_PATH): coord is installed from coord.yaml and checks the whole repo.
func TestGitHubWorkflowStepsRun(t *testing.T) {
	tool(t, "curl")
	tool(t, "bash")
	repo, env := newDataRepo(t)
	raw, err := os.ReadFile(filepath.Join(repo, ".github/workflows/coord.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				If  string            `yaml:"if"`
				Run string            `yaml:"run"`
				Env map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(raw, &wf); err != nil {
		t.Fatal(err)
	}
	run := func(event string) (string, error) {
		ghPath := filepath.Join(t.TempDir(), "path")
		if err := os.WriteFile(ghPath, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		var log strings.Builder
		for _, s := range wf.Jobs["check"].Steps {
			if s.Run == "" || (s.If != "" && s.If != "github.event_name == '"+event+"'") {
				continue
			}
			added, _ := os.ReadFile(ghPath)
			path := os.Getenv("PATH")
			for _, p := range strings.Fields(string(added)) {
				path = p + string(os.PathListSeparator) + path
			}
			cmd := exec.Command("bash", "-e", "-c", s.Run)
			cmd.Dir = repo
			cmd.Env = append(env, "GITHUB_PATH="+ghPath, "PATH="+path, "TMPDIR="+t.TempDir(), "COORD_LANG=en")
			out, err := cmd.CombinedOutput()
			log.Write(out)
			if err != nil {
				return log.String(), err
			}
		}
		return log.String(), nil
	}
	out, err := run("push")
	if err != nil || !strings.Contains(out, "coord version") || !strings.Contains(out, "0 errors, 0 warnings, 0 infos") {
		t.Fatalf("push on a clean repo: %v\n%s", err, out)
	}
	if err := os.MkdirAll(filepath.Join(repo, "programmes/2026/Q3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "programmes/2026/Q3/VPTU.yaml"), []byte(badProgramme), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = run("push")
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(out, `invalid value "meting"`) {
		t.Fatalf("push with an error: %v\n%s", err, out)
	}
}

// TestGitLabTemplateWithGitlabCILocal runs .gitlab-ci.yml with gitlab-ci-local on a real data repo. This
// machine has no container engine, so --force-shell-executor runs each job's script on the host (the image
// buildpack-deps:bookworm-scm is not pulled): the job installs coord from coord.yaml's ci block (a file://
// URL to the binary this test built, with its SHA-256) and runs coord check.
func TestGitLabTemplateWithGitlabCILocal(t *testing.T) {
	gcl := tool(t, "gitlab-ci-local")
	tool(t, "rsync") // gitlab-ci-local copies the tracked files into its build folder with rsync
	tool(t, "curl")
	repo, env := newDataRepo(t)
	home := t.TempDir()
	run := func(args ...string) (string, error) {
		cmd := exec.Command(gcl, append([]string{"--force-shell-executor", "--no-color", "--home", home,
			"--ignore-predefined-vars", "CI_PIPELINE_SOURCE"}, args...)...)
		cmd.Dir = repo
		cmd.Env = append(env, "TMPDIR="+t.TempDir(), "COORD_LANG=en")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	// A push to main runs coord-check-main: the whole repo, clean.
	out, err := run()
	if err != nil || !strings.Contains(out, "coord-check-main") || !strings.Contains(out, "0 errors, 0 warnings, 0 infos") ||
		!strings.Contains(out, ": OK") || strings.Contains(out, "coord-check-merge-request") {
		t.Fatalf("push to main: %v\n%s", err, out)
	}

	// An error committed on main fails the job with the finding in its log.
	gittest.Run(t, repo, env, "checkout", "-q", "-b", "feature")
	if err := os.MkdirAll(filepath.Join(repo, "programmes/2026/Q3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "programmes/2026/Q3/VPTU.yaml"), []byte(badProgramme), 0o644); err != nil {
		t.Fatal(err)
	}
	gittest.Run(t, repo, env, "add", "-A")
	gittest.Run(t, repo, env, "commit", "-qm", "programme(VPTU): 2026-Q3")
	base := gittest.Run(t, repo, env, "rev-parse", "main")

	// A push to another branch, without a merge request: no job runs.
	if out, err := run(); err != nil || strings.Contains(out, "starting shell") {
		t.Errorf("push to a feature branch ran a job: %v\n%s", err, out)
	}

	// The merge request job: coord check --changed BASE --format junit, the report kept as an artifact.
	out, err = run("--variable", "CI_PIPELINE_SOURCE=merge_request_event", "--variable", "CI_MERGE_REQUEST_DIFF_BASE_SHA="+base,
		"coord-check-merge-request")
	if !strings.Contains(out, `coord check --changed "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format junit > coord-junit.xml`) {
		t.Fatalf("the merge request job did not run coord check --changed:\n%s", out)
	}
	junit, _ := os.ReadFile(filepath.Join(repo, "coord-junit.xml"))
	if err == nil || !strings.Contains(out, `invalid value "meting"`) || !bytes.Contains(junit, []byte(`<failure message="items[0].kind: invalid value &#34;meting&#34;`)) {
		t.Errorf("merge request with an error: %v\n%s\ncoord-junit.xml:\n%s", err, out, junit)
	}

	// Merged into main, the push job fails on the error, with the finding in its log.
	gittest.Run(t, repo, env, "checkout", "-q", "main")
	gittest.Run(t, repo, env, "merge", "-q", "--ff-only", "feature")
	out, err = run()
	if err == nil || !strings.Contains(out, `invalid value "meting"`) || !strings.Contains(out, "FAIL  coord-check-main") {
		t.Fatalf("push to main with an error: %v\n%s", err, out)
	}
}

// TestTemplatesWritten checks what coord init writes: the three CI files, each obtaining coord from
// coord.yaml's ci block (no go install), and the commented ci block in coord.yaml.
func TestTemplatesWritten(t *testing.T) {
	root := t.TempDir()
	f := cmdutil.New()
	f.Out, f.Err = &bytes.Buffer{}, &bytes.Buffer{}
	f.Getwd = func() (string, error) { return root, nil }
	if err := Run(&Options{F: f, Dir: "r", NoGit: true, Province: "Tỉnh mẫu"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{".github/workflows/coord.yml", ".gitea/workflows/coord.yml", ".gitlab-ci.yml"} {
		b, err := os.ReadFile(filepath.Join(root, "r", p))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if strings.Contains(s, "go install") || !strings.Contains(s, "ci_value binary_url") || !strings.Contains(s, "sha256sum -c -") {
			t.Errorf("%s does not obtain coord from coord.yaml:\n%s", p, s)
		}
		if !strings.Contains(s, `coord check --changed "$`) || !strings.Contains(s, "coord check\n") {
			t.Errorf("%s: no check of the changed records on requests, or no full check on main", p)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(b, &doc); err != nil {
			t.Errorf("%s is not YAML: %v", p, err)
		}
	}
	gl, _ := os.ReadFile(filepath.Join(root, "r", ".gitlab-ci.yml"))
	var doc struct {
		Jobs map[string]any `yaml:",inline"`
	}
	if err := yaml.Unmarshal(gl, &doc); err != nil {
		t.Fatal(err)
	}
	mr, _ := doc.Jobs["coord-check-merge-request"].(map[string]any)
	if a, _ := mr["artifacts"].(map[string]any); a == nil || a["reports"].(map[string]any)["junit"] != "coord-junit.xml" {
		t.Errorf("the merge request job keeps no JUnit report: %v", mr)
	}
	c, _ := os.ReadFile(filepath.Join(root, "r", "coord.yaml"))
	if !strings.Contains(string(c), "# ci:\n#   version:") || !strings.Contains(string(c), "binary_url: https://") {
		t.Errorf("coord.yaml has no commented ci block:\n%s", c)
	}
}
