package gitrepo

import (
	"errors"
	"io/fs"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
)

// osPhrase is an operating system error about a path as "PATH: phrase" in the user's language (pkg/oserr);
// ok is false for any other error.
func osPhrase(err error, secrets []string) (i18n.Msg, bool) {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return i18n.Msg{}, false
	}
	return i18n.M("win.os.path", Sanitize(pe.Path, secrets...), oserr.Msg(pe.Err)), true
}
