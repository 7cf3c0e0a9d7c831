// Package initcmd is `coord init [DIR] [--example] [--remote URL]`: create a data repo (settings, registry,
// schemas, .gitattributes, CI templates for GitHub Actions, GitLab CI and Gitea Actions, an empty git
// repository), or an example province; with --remote, make the first commit of what it wrote and push it to
// an empty repository on the server, which the clerks then clone.
package initcmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/schema"
	"github.com/spf13/cobra"
)

// Options are init's flags.
type Options struct {
	F        *cmdutil.Factory
	Dir      string
	Example  bool
	Province string
	NoGit    bool
	Remote   string // the empty repository on the server to push the first commit to
	Ctx      context.Context
}

// NewCmdInit builds the command.
// Its usage line, help texts and flag usages are the catalog's help.init.* (pkg/i18n/help.go), set by root.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "init",
		Args: cmdutil.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir, o.Ctx = ".", cmd.Context()
			if len(args) == 1 {
				o.Dir = args[0]
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().BoolVar(&o.Example, "example", false, "")
	cmd.Flags().StringVar(&o.Province, "province", "Tỉnh mẫu", "")
	cmd.Flags().BoolVar(&o.NoGit, "no-git", false, "")
	cmd.Flags().StringVar(&o.Remote, "remote", "", "")
	return cmd
}

// Run writes the repo.
func Run(o *Options) error {
	dir := o.Dir
	if !filepath.IsAbs(dir) {
		wd, err := o.F.Getwd()
		if err != nil {
			return cmdutil.Env(err)
		}
		dir = filepath.Join(wd, dir)
	}
	if _, err := os.Stat(filepath.Join(dir, datarepo.SettingsFile)); err == nil {
		return cmdutil.Refused(i18n.Errorf("init.exists", dir))
	}
	// --remote: everything that can refuse is asked before a file is written — the author, a folder that
	// can hold a first commit, and a server repository that is empty.
	name, email := strings.TrimSpace(o.F.V.GetString("name")), strings.TrimSpace(o.F.V.GetString("email"))
	if o.Remote != "" {
		if o.NoGit {
			return cmdutil.Usage(i18n.Errorf("init.remote.no_git"))
		}
		if name == "" || email == "" {
			return cmdutil.Usage(i18n.Errorf("init.remote.no_author"))
		}
		if err := (gitrepo.Author{Name: name, Email: email, When: o.F.CommitClock()()}).Check(); err != nil {
			return cmdutil.Usage(err)
		}
		if err := gitrepo.FreshRepo(dir, o.F.Branch()); err != nil {
			return remoteError(err)
		}
		if err := gitrepo.CheckEmptyRemote(o.Ctx, o.Remote, o.F.GitAuth()); err != nil {
			return remoteError(err)
		}
	}
	files := map[string][]byte{}
	if o.Example {
		var err error
		if files, err = examples.ProvinceFiles(""); err != nil {
			return err
		}
	} else {
		for name, text := range skeleton(o.Province) {
			files[name] = []byte(text)
		}
	}
	for _, name := range schema.Names() {
		b, _ := fs.ReadFile(schema.FS(), name)
		files[path.Join("schema", name)] = b
	}
	files[".gitattributes"] = []byte(gitattributes)
	files[".github/workflows/coord.yml"] = []byte(githubWorkflow)
	files[".gitlab-ci.yml"] = []byte(gitlabCI)
	files[".gitea/workflows/coord.yml"] = []byte(giteaWorkflow)

	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		target := filepath.Join(dir, filepath.FromSlash(n))
		if _, err := os.Stat(target); err == nil && !strings.HasPrefix(n, "schema/") {
			continue // never overwrite a file the admin already has
		}
		write := fsutil.WriteRecord
		if !fsutil.IsRecordPath(n) {
			write = func(p string, b []byte, perm os.FileMode) error { return fsutil.WriteAtomic(p, b, perm, true) }
		}
		if err := write(target, files[n], 0o644); err != nil {
			return cmdutil.Env(err)
		}
	}
	if o.Remote != "" {
		return o.pushFirst(dir, names, name, email)
	}
	gitDone := false
	if !o.NoGit {
		created, err := gitrepo.Init(dir)
		if err != nil {
			return cmdutil.Env(err)
		}
		gitDone = created
	}
	o.F.Printf("init.done", dir, len(names))
	if gitDone {
		o.F.Printf("init.git")
	}
	return nil
}

// pushFirst makes the first commit of the files init wrote (and those of its set the administrator already
// had, as they are), authored by the user, and pushes it to the empty server repository.
func (o *Options) pushFirst(dir string, paths []string, name, email string) error {
	coordinator := "-"
	if b, err := os.ReadFile(filepath.Join(dir, datarepo.SettingsFile)); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "coordinator:"); ok && strings.TrimSpace(v) != "" {
				coordinator = strings.TrimSpace(strings.SplitN(v, "#", 2)[0])
			}
		}
	}
	msg := gitrepo.Message(fmt.Sprintf("settings(%s): coord init", coordinator),
		[][2]string{{gitrepo.KindTrailer, "settings"}, {"Coord-Office", coordinator}, {"Coord-Id", datarepo.SettingsFile}})
	res, err := gitrepo.PushFirst(o.Ctx, dir, gitrepo.FirstPush{URL: o.Remote, Remote: o.F.Remote(), Branch: o.F.Branch(),
		Paths: paths, Name: name, Email: email, Message: msg, Auth: o.F.GitAuth(), Now: o.F.CommitClock()})
	if err != nil {
		if res != nil && res.Commit != "" {
			o.F.Warnf("publish.kept_local", res.Commit[:10])
		}
		return remoteError(err)
	}
	if res.Pending {
		o.F.Printf("init.remote.pending", dir, len(paths), res.Commit[:10], res.RemoteURL)
		return nil
	}
	o.F.Printf("init.remote.done", dir, len(paths), res.Commit[:10], res.RemoteURL, res.Branch)
	return nil
}

// remoteError maps the first push's refusals (a server repository that is not empty, a folder with
// history) to exit 1, the rest like every git error.
func remoteError(err error) error {
	if errors.Is(err, gitrepo.ErrRemoteNotEmpty) || errors.Is(err, gitrepo.ErrNotFresh) {
		return cmdutil.Refused(err)
	}
	return cmdutil.GitError(err)
}

const gitattributes = "# coord: records are text with LF line ends on every platform (go-git ignores core.autocrlf)\n* text=auto eol=lf\n*.pdf binary\n*.docx binary\n*.xlsx binary\n*.age binary\n" +
	"# issued outputs are kept byte for byte: iCalendar lines end with CRLF (RFC 5545), and no output may be renormalised\n*.ics -text\nissued/** -text\n"

func skeleton(province string) map[string]string {
	return map[string]string{
		"coord.yaml": `# yaml-language-server: $schema=schema/settings.schema.json
kind: settings
version: 1
province: ` + province + `
timezone: Asia/Ho_Chi_Minh
coordinator: VPTU
host: {rotation: [VPTU, VPDBHD, VPUBND], first_year: 2026}
# Văn bản ban hành chương trình (Hướng dẫn 36-HD/VPTW): mặc định cho coord approve và coord issue.
issue:
  series: CTr/TU # số của chương trình: <số>-CTr/TU
  issuer: TỈNH ỦY ` + strings.ToUpper(province) + `
  on_behalf: T/M BAN THƯỜNG VỤ
  approved_by: TT-TU # cơ quan quyết định phê duyệt (coord approve)
  # signer: nguyen-van-a # người ký mặc định, mã trong registry/people.yaml
policy: {}
# CI (.github/workflows, .gitlab-ci.yml, .gitea/workflows) tải coord theo khối ci: phiên bản ghim, địa chỉ
# tệp chạy ({os}, {arch}, {version} được thay) và SHA-256 để kiểm tra. Bỏ dấu # và điền trước khi bật CI.
# ci:
#   version: "1.0.0"
#   binary_url: https://git.example.vn/tinh/coord-releases/raw/{version}/coord-{os}-{arch}
#   sha256: 0000000000000000000000000000000000000000000000000000000000000000
`,
		"registry/offices.yaml": `# yaml-language-server: $schema=../schema/offices.schema.json
kind: offices
bodies:
  - {code: BCH-TU, name: Ban Chấp hành Đảng bộ tỉnh}
  - {code: BTV-TU, name: Ban Thường vụ Tỉnh ủy}
  - {code: TT-TU, name: Thường trực Tỉnh ủy}
  - {code: DBQH, name: Đoàn đại biểu Quốc hội tỉnh}
  - {code: HDND, name: Hội đồng nhân dân tỉnh}
  - {code: TT-HDND, name: Thường trực Hội đồng nhân dân tỉnh}
  - {code: UBND, name: Ủy ban nhân dân tỉnh}
offices:
  - code: VPTU
    name: Văn phòng Tỉnh ủy
    serves: [BCH-TU, BTV-TU, TT-TU]
  - code: VPDBHD
    name: Văn phòng Đoàn ĐBQH và HĐND tỉnh
    serves: [DBQH, HDND, TT-HDND]
  - code: VPUBND
    name: Văn phòng UBND tỉnh
    serves: [UBND]
`,
		"registry/people.yaml":   "# yaml-language-server: $schema=../schema/people.schema.json\nkind: people\npeople: []\n",
		"registry/places.yaml":   "# yaml-language-server: $schema=../schema/places.schema.json\nkind: places\nlocalities: []\nvenues: []\n",
		"registry/holidays.yaml": "# yaml-language-server: $schema=../schema/holidays.schema.json\nkind: holidays\ndays: []\nworkdays: []\n",
	}
}
