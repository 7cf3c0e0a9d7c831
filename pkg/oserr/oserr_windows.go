//go:build windows

package oserr

import (
	"errors"
	"syscall"
)

// platformKey reads Windows's error number (a syscall.Errno anywhere in the chain).
func platformKey(err error) string {
	var no syscall.Errno
	if !errors.As(err, &no) {
		return ""
	}
	return windowsKey(uintptr(no))
}
