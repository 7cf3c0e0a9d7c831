package cmdutil

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"golang.org/x/term"
)

// GitAuth reads the credentials and connection settings from settings: token (COORD_TOKEN), ssh_key
// (COORD_SSH_KEY), ca_file (COORD_CA_FILE), ssh_trust (COORD_SSH_TRUST). Without a token HTTPS goes without
// credentials; without ssh_key SSH uses ~/.ssh/config, the default key files and the agent. When standard
// input is a terminal, a key with a passphrase is unlocked by asking for it there.
func (f *Factory) GitAuth() gitrepo.Auth {
	a := gitrepo.Auth{
		Token:        strings.TrimSpace(f.V.GetString("token")),
		SSHKey:       strings.TrimSpace(f.V.GetString("ssh_key")),
		CAFile:       strings.TrimSpace(f.V.GetString("ca_file")),
		TrustHostKey: strings.TrimSpace(f.V.GetString("ssh_trust")),
	}
	if in, ok := f.In.(*os.File); ok && term.IsTerminal(int(in.Fd())) {
		a.Passphrase = f.askPassphrase(in)
	}
	return a
}

// askPassphrase reads a key's passphrase from the terminal without echo, the question on stderr so that
// stdout stays the command's output.
func (f *Factory) askPassphrase(in *os.File) func(string) ([]byte, error) {
	return func(keyFile string) ([]byte, error) {
		fmt.Fprint(f.Err, f.Msg("transport.passphrase_prompt", keyFile))
		b, err := term.ReadPassword(int(in.Fd()))
		fmt.Fprintln(f.Err)
		return b, err
	}
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
