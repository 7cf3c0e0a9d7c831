//go:build windows

package gitrepo

import (
	"errors"
	"syscall"
)

func platformNetError(err error) bool {
	var no syscall.Errno
	return errors.As(err, &no) && windowsNetCode(uintptr(no))
}
