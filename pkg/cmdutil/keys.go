package cmdutil

import (
	"os"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/keyring"
	"github.com/coordvn/coord/pkg/userconfig"
	"golang.org/x/term"
)

// Identities are the user's age keys, from the identity setting (COORD_AGE_IDENTITY, config identity): a key
// file or the key itself. None set is no error (nil): the petition commands say plainly what that means.
// A file that cannot be read or holds no key exits 2.
func (f *Factory) Identities() ([]age.Identity, error) {
	ids, err := keyring.Identities(f.V.GetString("identity"))
	return ids, exitCode(err)
}

// ConfigPath is the user's settings file (COORD_CONFIG, else config.yaml in the user's configuration
// folder): `coord keys init` writes the key next to it, and the denunciations kept off the shared repo are
// sealed in its folder.
func (f *Factory) ConfigPath() string {
	p, _ := userconfig.Path(os.Getenv)
	return p
}

// Interactive reports whether standard input is a terminal, where a command may ask for what is missing.
func (f *Factory) Interactive() bool {
	in, ok := f.In.(*os.File)
	return ok && term.IsTerminal(int(in.Fd()))
}
