package initcmd

import "strings"

// The CI templates coord init writes (issue 9). Each obtains coord the same way, with no Go toolchain and
// no module to publish: it reads ci.version, ci.binary_url and ci.sha256 from coord.yaml, downloads the
// binary with curl, checks its SHA-256 when one is given, and puts it on PATH. Then a pull or merge request
// is checked on the records it changes (`coord check --changed BASE`), with annotations (GitHub, Gitea) or a
// JUnit report (GitLab), and a push to main is checked whole.

// installScript is the POSIX sh that installs coord from coord.yaml's ci block into "$COORD_BIN" (a fresh
// folder). It understands the block style coord init writes (one key per line under "ci:") and a flow
// mapping on one line ("ci: {version: …, binary_url: "…"}"). In binary_url, {os}, {arch} and {version}
// are replaced (linux, amd64 or arm64, ci.version). It never evaluates what coord.yaml holds.
const installScript = `set -e
ci_value() {
  awk -v key="$1" '
    function unquote(v) {
      sub(/^[ \t]+/, "", v)
      if (v ~ /^"/) { v = substr(v, 2); sub(/".*$/, "", v); return v }
      if (v ~ /^'\''/) { v = substr(v, 2); sub(/'\''.*$/, "", v); return v }
      sub(/[ \t]+#.*$/, "", v); sub(/[ \t]+$/, "", v)
      return v
    }
    /^ci:[ \t]*[{]/ {
      flow = "," substr($0, index($0, "{") + 1)
      if (match(flow, "[,][ \t]*" key ":[ \t]*")) {
        v = substr(flow, RSTART + RLENGTH)
        if (v ~ /^["'\'']/) v = unquote(v)
        else sub(/[ \t]*[,}].*$/, "", v)
        print v
      }
      exit
    }
    /^ci:[ \t]*(#.*)?$/ { inci = 1; next }
    /^[^ \t#]/ { inci = 0 }
    inci && $0 ~ ("^[ \t]+" key ":") { sub("^[ \t]+" key ":", ""); print unquote($0); exit }
  ' coord.yaml
}
version=$(ci_value version)
url=$(ci_value binary_url)
sum=$(ci_value sha256)
if [ -z "$url" ]; then
  echo "coord.yaml chưa có ci.binary_url (địa chỉ tải coord) — coord.yaml has no ci.binary_url: see the README, CI on pull requests" >&2
  exit 2
fi
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case $(uname -m) in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) arch=$(uname -m) ;;
esac
url=$(printf '%s\n' "$url" | awk -v os="$os" -v arch="$arch" -v ver="$version" '
  function rep(s, from, to,   out, i) {
    out = ""
    while ((i = index(s, from)) > 0) { out = out substr(s, 1, i - 1) to; s = substr(s, i + length(from)) }
    return out s
  }
  { print rep(rep(rep($0, "{os}", os), "{arch}", arch), "{version}", ver) }')
COORD_BIN=$(mktemp -d)
echo "coord ${version:-?}: $url"
curl -fsSL --retry 3 -o "$COORD_BIN/coord" "$url"
if [ -n "$sum" ]; then
  echo "$(printf '%s' "$sum" | tr '[:upper:]' '[:lower:]')  $COORD_BIN/coord" | sha256sum -c -
else
  echo "coord.yaml chưa có ci.sha256: tệp tải về không được kiểm tra — ci.sha256 is not set: the download is not verified" >&2
fi
chmod +x "$COORD_BIN/coord"
"$COORD_BIN/coord" --version
`

// indent prefixes every non-empty line of s with pad.
func indent(s, pad string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// actionsWorkflow is the workflow of GitHub Actions and of Gitea Actions (which reads the same syntax and
// the same github context); header is its first comment lines.
func actionsWorkflow(header string) string {
	return header + `name: coord
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      # The whole history: deadline/late reads when each programme first reached main.
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Cài coord theo coord.yaml (ci.version, ci.binary_url, ci.sha256) — install coord
        run: |
` + indent(installScript, "          ") + `          echo "$COORD_BIN" >> "$GITHUB_PATH"
      - name: Kiểm tra các hồ sơ thay đổi — check the records the pull request changes
        if: github.event_name == 'pull_request'
        env:
          BASE: ${{ github.event.pull_request.base.sha }}
        run: coord check --changed "$BASE" --format github
      - name: Kiểm tra toàn bộ kho — check the whole repo
        if: github.event_name == 'push'
        run: coord check
`
}

var githubWorkflow = actionsWorkflow(`# coord check trên GitHub Actions: mỗi pull request được kiểm tra trên các hồ sơ nó thay đổi, phát hiện hiện
# thành chú thích ngay trên dòng; mỗi lần đẩy lên main được kiểm tra toàn bộ kho. coord được tải theo
# ci.version, ci.binary_url và ci.sha256 trong coord.yaml.
# coord check on GitHub Actions: pull requests are checked on the records they change (annotations on the
# lines), pushes to main on the whole repo; coord is downloaded as coord.yaml's ci block says.
`)

var giteaWorkflow = actionsWorkflow(`# coord check trên Gitea Actions (act_runner, nhãn ubuntu-latest): mỗi pull request được kiểm tra trên các
# hồ sơ nó thay đổi, phát hiện hiện thành chú thích; mỗi lần đẩy lên main được kiểm tra toàn bộ kho. coord
# được tải theo ci.version, ci.binary_url và ci.sha256 trong coord.yaml.
# coord check on Gitea Actions: pull requests are checked on the records they change, pushes to main on the
# whole repo; coord is downloaded as coord.yaml's ci block says.
`)

// gitlabCI is .gitlab-ci.yml: a merge request is checked on the records it changes, with a JUnit report
// (GitLab shows the failures on the merge request) and, when it fails, the findings as text in the job
// log; a push to the default branch is checked whole.
var gitlabCI = `# coord check trên GitLab CI: mỗi merge request được kiểm tra trên các hồ sơ nó thay đổi, kèm báo cáo JUnit
# hiện ngay trên merge request; mỗi lần đẩy lên nhánh chính được kiểm tra toàn bộ kho. coord được tải theo
# ci.version, ci.binary_url và ci.sha256 trong coord.yaml.
# coord check on GitLab CI: merge requests are checked on the records they change (JUnit report), pushes to
# the default branch on the whole repo; coord is downloaded as coord.yaml's ci block says.
variables:
  GIT_DEPTH: "0" # the whole history: deadline/late reads when each programme first reached main
  COORD_BRANCH: $CI_DEFAULT_BRANCH

default:
  image: buildpack-deps:bookworm-scm # sh, awk, curl, sha256sum and git
  before_script:
    - |
` + indent(installScript, "      ") + `      export PATH="$COORD_BIN:$PATH"

coord-check-merge-request:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - git fetch --quiet origin "+refs/heads/$CI_DEFAULT_BRANCH:refs/remotes/origin/$CI_DEFAULT_BRANCH"
    - |
      coord check --changed "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format junit > coord-junit.xml || {
        status=$?
        coord check --changed "$CI_MERGE_REQUEST_DIFF_BASE_SHA" || true
        exit "$status"
      }
  artifacts:
    when: always
    reports:
      junit: coord-junit.xml

coord-check-main:
  rules:
    - if: $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - coord check
`
