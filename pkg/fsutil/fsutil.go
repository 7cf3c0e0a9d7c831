// Package fsutil owns how coord writes files: atomically (a temp file renamed into place, so a crash never
// leaves half a record) and, for records, with LF line ends whatever the platform.
package fsutil

import (
	"bytes"
	"os"
	"path/filepath"
)

// TempPrefix starts the name of every temp file coord writes, so a killed coord's leftovers can be found.
const TempPrefix = ".coord-"

// WriteFile writes a text file (a record) atomically, creating parent folders. CRLF is written as LF.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), perm, true)
}

// WriteAtomic writes data as is to path through a temp file in the same folder, renamed into place; with
// sync, the bytes reach the disk before the rename.
func WriteAtomic(path string, data []byte, perm os.FileMode, sync bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), TempPrefix+"*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if sync {
		if err := tmp.Sync(); err != nil {
			return err
		}
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(name, perm); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return nil
}
