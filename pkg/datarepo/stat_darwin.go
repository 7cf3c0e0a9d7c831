package datarepo

import (
	"io/fs"
	"syscall"
)

// sysStat is the change time (nanoseconds) and inode of a file's stat data, which the parse cache compares
// as git's index does.
func sysStat(fi fs.FileInfo) (ctime int64, ino uint64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Ctimespec.Nano(), st.Ino
	}
	return 0, 0
}
