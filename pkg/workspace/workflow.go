package workspace

import (
	"context"
	"path/filepath"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/authz"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
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
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	if err := Authorize(repo, paths, c.Email); err != nil {
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

// Authorize refuses (an i18n refusal: exit 1) when the committer of email may not change one of paths, by
// the registry of repo: one sentence saying whose the path is. No email: nothing will be committed.
func Authorize(repo *datarepo.Repo, paths []string, email string) error {
	email = strings.TrimSpace(email)
	if email == "" {
		return nil // nothing will be committed (Publish says so)
	}
	p, owner := authz.Refused(paths, email, &repo.Offices, &repo.Settings)
	if p == "" {
		return nil
	}
	who := i18n.M("rule.authz.admins")
	if !owner.Admins {
		who = i18n.M("rule.authz.office", officeName(repo, owner.Office))
	}
	return i18n.Refusef("git.submit.not_yours", p, who, email)
}

func officeName(repo *datarepo.Repo, code string) string {
	for _, o := range repo.Offices.Offices {
		if o.Code == code && o.Name != "" {
			return o.Name
		}
	}
	return code
}
