//go:build !windows

package gitrepo

// platformNetError: outside Windows the portable checks of netError cover a network mount's errors.
func platformNetError(error) bool { return false }
