package gitrepo

import (
	"errors"
	"syscall"
)

// netError reports whether err means the machine holding a shared folder cannot be reached, rather than
// that the folder does not exist: a network mount that timed out or whose server is down (Unix errors), or
// Windows's errors for a network path (through platformNetError, on Windows).
func netError(err error) bool {
	for _, e := range []error{syscall.ETIMEDOUT, syscall.EHOSTDOWN, syscall.EHOSTUNREACH, syscall.ENETUNREACH, syscall.ENETDOWN} {
		if errors.Is(err, e) {
			return true
		}
	}
	return platformNetError(err)
}

// windowsNetCode reports whether a Windows error number (winerror.h) means a network path that cannot be
// reached. Portable code, so its test runs anywhere; only netfs_windows.go feeds it real errors. A share
// name the server does not have (ERROR_BAD_NET_NAME, 67) is not among them: waiting would not help.
func windowsNetCode(code uintptr) bool {
	switch code {
	case 51, // ERROR_REM_NOT_LIST: the remote computer is not available
		53,   // ERROR_BAD_NETPATH: the network path was not found
		54,   // ERROR_NETWORK_BUSY
		59,   // ERROR_UNEXP_NET_ERR
		64,   // ERROR_NETNAME_DELETED: the connection was lost
		121,  // ERROR_SEM_TIMEOUT: the network timed out
		1222, // ERROR_NO_NETWORK
		1231, // ERROR_NETWORK_UNREACHABLE
		1232: // ERROR_HOST_UNREACHABLE
		return true
	}
	return false
}
