package workspace

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/authz"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// Step is how a coordinator's command (merge, approve, issue, notify) leaves its files: committed and pushed
// like `coord submit` (the default), committed only (NoPush: `coord sync` pushes later), or written only
// (NoCommit).
type Step struct {
	NoCommit, NoPush bool
}

// Save writes the files of a workflow step into the loaded data repo (repo-relative slash paths → bytes;
// records get LF line ends, rendered outputs are kept byte for byte), all or none, then commits and pushes
// them as one commit with message (Publish), unless the step says otherwise. A committer the repo's registry
// does not allow to change one of the files (pkg/authz) is refused before anything is written.
func Save(ctx context.Context, repo *datarepo.Repo, files map[string][]byte, message string, s Step, c Committer) error {
	root := repo.Root
	if len(files) == 0 {
		return nil
	}
	if err := AuthorizeFiles(repo, files, c); err != nil {
		return err
	}
	if s.NoCommit {
		return writeFiles(root, files)
	}
	_, err := Publish(ctx, root, files, message, s.NoPush, c)
	return err
}

// Outputs places rendered files (names relative to dir) for a workflow step. A folder outside the data repo
// at root gets them now, all or none, byte for byte. Inside the repo, only issued/ holds outputs — what is
// there is published to every office — so a folder there is chosen on purpose: its files are returned by
// repo-relative path, to be written and committed with the step's record; any other folder of the repo is
// refused (usage).
func Outputs(root, dir string, files map[string][]byte) (map[string][]byte, error) {
	if rel, err := filepath.Rel(root, dir); err == nil && filepath.IsLocal(rel) {
		if top := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]; top != IssuedDir {
			return nil, i18n.Usagef("cli.out_in_repo", dir, IssuedDir)
		}
	} else if rel == "." {
		return nil, i18n.Usagef("cli.out_in_repo", dir, IssuedDir)
	}
	inRepo, outside := map[string][]byte{}, map[string][]byte{}
	for name, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if rel, err := filepath.Rel(root, full); err == nil && filepath.IsLocal(rel) {
			inRepo[filepath.ToSlash(rel)] = data
		} else {
			outside[full] = data
		}
	}
	if len(outside) > 0 {
		if err := fsutil.WriteSet(outside, nil); err != nil {
			return nil, err
		}
	}
	return inRepo, nil
}

// IssuedDir is the data repo's folder of published outputs.
const IssuedDir = "issued"

// Authorize refuses (an i18n refusal: exit 1) when the committer c (by email) may not change one of paths,
// by the registry and settings in force (inForce: the server's, as c's remote-tracking branch has them): one
// sentence saying whose the path is. No email: nothing will be committed. It judges the paths alone, before
// their content is known (AuthorizeFiles judges a change).
func Authorize(repo *datarepo.Repo, paths []string, c Committer) error {
	return authorize(repo, paths, nil, c)
}

// AuthorizeFiles is Authorize of the files about to be committed (repo-relative slash paths → content, nil
// deleting), judged on their content against the clone's last commit as authz/path judges a commit: a key
// ceremony may reseal values of paths the committer does not own (authz.Judge).
func AuthorizeFiles(repo *datarepo.Repo, files map[string][]byte, c Committer) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return authorize(repo, paths, files, c)
}

// authorize judges paths (files: their content about to be committed; nil when only the paths are judged),
// reading the rights in force and the last commit through one opened clone.
func authorize(repo *datarepo.Repo, paths []string, files map[string][]byte, c Committer) error {
	email := strings.TrimSpace(c.Email)
	if email == "" {
		return nil // nothing will be committed (Publish says so)
	}
	git, err := gitrepo.OpenReader(repo.Root) // nil when not a git clone yet: the loaded repo and the disk say it all
	if err == nil {
		defer git.Close()
	}
	var read authz.Contents
	if files != nil {
		read = func(need []string) (map[string][]byte, map[string][]byte, error) {
			before, err := lastCommitted(git, repo.Root, need)
			if err != nil {
				return nil, nil, err
			}
			after := map[string][]byte{}
			for _, p := range need {
				data, ok := files[p]
				if !ok {
					data = before[p]
				}
				if data != nil {
					after[p] = data
				}
			}
			return before, after, nil
		}
	}
	reg, set := inForce(git, repo, c.Remote, c.Branch)
	refused := authz.Judge(paths, email, reg, set, read)
	if len(refused) == 0 {
		return nil
	}
	r := refused[0]
	who := i18n.M("rule.authz.admins")
	if !r.Owner.Admins {
		who = i18n.M("rule.authz.office", officeName(repo, r.Owner.Office))
	}
	if r.Why.Key != "" {
		return i18n.Refusef("git.submit.not_reseal", r.Path, who, email, r.Why)
	}
	return i18n.Refusef("git.submit.not_yours", r.Path, who, email)
}

// lastCommitted reads paths as the clone git's last commit has them; in a folder that is not a git clone yet
// (git nil) or a clone without a commit, as they are on disk. A path absent there is absent from the map.
func lastCommitted(git *gitrepo.Reader, root string, paths []string) (map[string][]byte, error) {
	if git != nil {
		if m, err := git.ReadAt("HEAD", paths...); err == nil {
			return m, nil
		}
	}
	m := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		m[p] = data
	}
	return m, nil
}

// inForce is the registry of offices and the settings that say who may change what: what the shared repo
// says, as the clone's remote-tracking branch of branch on remote (refs/remotes/origin/main) has them —
// never as they stand on disk, nor as a commit made only in this clone has them. An edit of coord.yaml or
// registry/offices.yaml (coordinator: set to the clerk's own office, the clerk's email added to another
// office's members) grants its author nothing until the server holds it, whether it is on disk only or
// committed locally with plain git, as authz/path judges a commit by the state before it. A clone that has
// no remote-tracking branch (no remote, or a first push that never reached the server) has only its own
// history: its last commit is used. In a folder that is not a git clone yet (git nil), or when that commit
// lacks one of the two files or holds it broken, the loaded repo's is used for that file.
func inForce(git *gitrepo.Reader, repo *datarepo.Repo, remote, branch string) (*record.Offices, *record.Settings) {
	reg, set := &repo.Offices, &repo.Settings
	if git == nil {
		return reg, set
	}
	rev := "HEAD"
	if tip, err := git.TrackingTip(cmp.Or(remote, "origin"), cmp.Or(branch, "main")); err == nil && tip != "" {
		rev = tip
	}
	committed, err := git.ReadKept(rev, rightsFiles...)
	if err != nil {
		return reg, set
	}
	r := decodeRights(committed, nil)
	if r.set != nil {
		set = r.set
	}
	if r.reg != nil {
		reg = r.reg
	}
	return reg, set
}

func officeName(repo *datarepo.Repo, code string) string {
	for _, o := range repo.Offices.Offices {
		if o.Code == code && o.Name != "" {
			return o.Name
		}
	}
	return code
}
