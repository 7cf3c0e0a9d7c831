// Package fsutil owns how coord writes files: atomically (a temp file renamed into place, so a crash never
// leaves half a record) and with LF line ends whatever the platform.
package fsutil

import (
	"bytes"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically, creating parent folders. CRLF is written as LF.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".coord-*.tmp")
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
	if err := tmp.Sync(); err != nil {
		return err
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
