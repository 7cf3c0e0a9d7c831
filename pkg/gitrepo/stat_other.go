//go:build !linux && !darwin

package gitrepo

import (
	"os"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// fillStat: on Windows (and elsewhere) git compares mtime and size; ctime is the mtime we know.
func fillStat(e *index.Entry, fi os.FileInfo) { e.CreatedAt = fi.ModTime() }
