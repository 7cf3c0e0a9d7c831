package cmdutil

import (
	"errors"
	"io/fs"
	"os"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
)

// osError gives an operating system error that reaches the user with no sentence of its own (a folder
// that could not be walked, a file that could not be written) the words of the user's language: "PATH: a
// phrase" (pkg/oserr) instead of Go's "open PATH: permission denied". An error that already carries a
// catalog message, or is not about a path, is returned as it is; the original stays in the chain
// (errors.Is still sees fs.ErrNotExist).
func osError(err error) error {
	var ie *i18n.Error
	if err == nil || errors.As(err, &ie) {
		return err
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return &i18n.Error{Msg: i18n.M("win.os.path", pe.Path, oserr.Msg(pe.Err)), Err: err}
	case errors.As(err, &le):
		return &i18n.Error{Msg: i18n.M("win.os.path", le.New, oserr.Msg(le.Err)), Err: err}
	}
	return err
}
