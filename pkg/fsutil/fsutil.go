// Package fsutil owns how coord writes files: atomically (a temp file renamed into place, so a crash never
// leaves half a file), a set of files all or nothing (WriteSet), and with LF line ends for YAML records
// alone. Every other file (issued XLSX and DOCX, which are zip archives; iCalendar, whose lines RFC 5545
// ends with CRLF) is written byte for byte.
package fsutil

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// TempPrefix starts the name of every temp file coord writes, so a killed coord's leftovers can be found.
const TempPrefix = ".coord-"

// IsRecordPath reports whether path names a YAML record (.yaml or .yml, any case): the only files whose
// line ends coord normalises.
func IsRecordPath(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// NormalizeRecord returns a record's bytes with CRLF line ends turned into LF (records are LF on every
// platform; Windows editors write CRLF). Only records go through it.
func NormalizeRecord(data []byte) []byte {
	if !bytes.Contains(data, []byte("\r\n")) {
		return data
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}

// WriteRecord writes a YAML record atomically, creating parent folders, with CRLF written as LF.
func WriteRecord(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, NormalizeRecord(data), perm, true)
}

// WriteAtomic writes data as is to path through a temp file in the same folder, renamed into place; with
// sync, the bytes reach the disk before the rename.
func WriteAtomic(path string, data []byte, perm os.FileMode, sync bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	name, err := writeTemp(path, data, perm, sync)
	if err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// writeTemp writes data to a new temp file beside path and returns its name; on error nothing is left.
func writeTemp(path string, data []byte, perm os.FileMode, sync bool) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), TempPrefix+"*.tmp")
	if err != nil {
		return "", err
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
		return "", err
	}
	if sync {
		if err := tmp.Sync(); err != nil {
			return "", err
		}
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(name, perm); err != nil {
		return "", err
	}
	ok = true
	return name, nil
}
