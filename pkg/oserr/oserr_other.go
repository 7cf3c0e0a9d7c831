//go:build !windows

package oserr

// platformKey has nothing to add outside Windows: the portable checks of Key cover the errors of Unix.
func platformKey(error) string { return "" }
