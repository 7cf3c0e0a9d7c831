package cmdutil

import (
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
)

// GitAuth reads the credentials from settings (COORD_TOKEN, COORD_SSH_KEY); without either, SSH uses the
// agent and HTTPS goes without credentials.
func (f *Factory) GitAuth() gitrepo.Auth {
	return gitrepo.Auth{Token: strings.TrimSpace(f.V.GetString("token")), SSHKey: strings.TrimSpace(f.V.GetString("ssh_key"))}
}

// Remote is the name of the remote to push to (COORD_REMOTE, default origin).
func (f *Factory) Remote() string {
	if r := strings.TrimSpace(f.V.GetString("remote")); r != "" {
		return r
	}
	return "origin"
}

// GitError maps an error of the git layer to its exit code: refusals (a conflict with another
// submission, local edits in the way, a refused check — gitrepo.IsRefusal) exit 1, the rest 2.
func GitError(err error) error {
	if err == nil {
		return nil
	}
	if gitrepo.IsRefusal(err) {
		return Refused(err)
	}
	return Env(err)
}

// PrepareClone brings the clone's caches up to date after `coord clone` or `coord sync`
// (datarepo.Prepare), for the number series of the as-of year; a failure only leaves the work to the next
// submission.
func (f *Factory) PrepareClone(root, branch string) {
	year := 0
	if now, err := f.AsOf(time.UTC); err == nil {
		year = now.Year()
	}
	datarepo.Prepare(root, branch, year)
}
