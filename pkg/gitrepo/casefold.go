package gitrepo

import (
	"os"
	"strings"
)

// sameAsWritten reports whether deleting the worktree file at p would delete a file the same commit writes
// under another spelling: on a case-insensitive file system (Windows, macOS) programmes/2026/q3/vpubnd.yaml
// and programmes/2026/Q3/VPUBND.yaml are one file, and a submission that renames the one to the other
// must keep it. The old name still leaves the commit and the index.
func (r *Repo) sameAsWritten(p string, files map[string][]byte) bool {
	a, err := os.Lstat(r.abs(p))
	if err != nil {
		return false
	}
	for q, data := range files {
		if q == p || data == nil || !strings.EqualFold(q, p) {
			continue
		}
		if b, err := os.Lstat(r.abs(q)); err == nil && os.SameFile(a, b) {
			return true
		}
	}
	return false
}
