// Package oserr says an operating system error as a phrase of the message catalog, so that a Vietnamese
// sentence ("không đọc được X: …") does not end in Go's English ("no such file or directory"). The common
// errors — a missing file, a refused permission, a folder where a file was expected, a name already taken
// (on Unix, a folder standing where a file is put in place), a read-only file system, a full disk and, on
// Windows, a file another program holds open — have their own phrase in both languages; any other error
// keeps the system's own text, without the path it repeats.
package oserr

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"github.com/coordvn/coord/pkg/i18n"
)

// Msg is the phrase for err, rendered late in the user's language (an argument of i18n.M or i18n.Errorf).
func Msg(err error) i18n.Msg {
	if err == nil {
		return i18n.M("win.os.other", "")
	}
	if k := Key(err); k != "win.os.other" {
		return i18n.M(k)
	}
	return i18n.M("win.os.other", bare(err))
}

// Key is the catalog key of err's phrase: win.os.other (whose one argument is the system's text) when the
// error has no phrase of its own.
func Key(err error) string {
	if k := platformKey(err); k != "" {
		return k
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "win.os.not_exist"
	case errors.Is(err, syscall.EISDIR):
		return "win.os.is_dir"
	case errors.Is(err, syscall.ENOTDIR):
		return "win.os.not_dir"
	case errors.Is(err, syscall.ENOSPC):
		return "win.os.no_space"
	case errors.Is(err, fs.ErrPermission):
		return "win.os.permission"
	case errors.Is(err, syscall.ENOTEMPTY): // before ErrExist, which it also is
		return "win.os.not_empty"
	case errors.Is(err, fs.ErrExist): // EEXIST: on Unix, Go's rename onto a folder says "file exists"
		return "win.os.exists"
	case errors.Is(err, syscall.EROFS):
		return "win.os.read_only"
	}
	return "win.os.other"
}

// bare is the system's text without the operation and the path a *fs.PathError or *os.LinkError adds (the
// sentence around it names the file already). Only win.os.other shows it; the other phrases ignore it.
func bare(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	case errors.As(err, &se):
		return se.Err.Error()
	}
	return err.Error()
}
