package oserr

// Windows's own error numbers (winerror.h) that Go does not map to a portable error. The mapping is
// portable code, so its test runs on any system; only oserr_windows.go feeds it real errors.
const (
	errorHandleDiskFull   = 39  // ERROR_HANDLE_DISK_FULL
	errorSharingViolation = 32  // ERROR_SHARING_VIOLATION: the file is open in another program
	errorLockViolation    = 33  // ERROR_LOCK_VIOLATION: a part of it is locked by another program
	errorDiskFull         = 112 // ERROR_DISK_FULL
	errorDirectory        = 267 // ERROR_DIRECTORY: the name is not a folder
	errorDirNotEmpty      = 145 // ERROR_DIR_NOT_EMPTY (Go counts it as fs.ErrExist)
)

// windowsKey is the catalog key of a Windows error number ("" when it has no phrase of its own).
func windowsKey(code uintptr) string {
	switch code {
	case errorSharingViolation, errorLockViolation:
		return "win.os.in_use"
	case errorHandleDiskFull, errorDiskFull:
		return "win.os.no_space"
	case errorDirectory:
		return "win.os.not_dir"
	case errorDirNotEmpty:
		return "win.os.not_empty"
	}
	return ""
}
