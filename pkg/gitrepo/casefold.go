package gitrepo

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
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

// osPhrase is an operating system error about a path as "PATH: phrase" in the user's language (pkg/oserr);
// ok is false for any other error.
func osPhrase(err error, secrets []string) (i18n.Msg, bool) {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return i18n.Msg{}, false
	}
	return i18n.M("win.os.path", Sanitize(pe.Path, secrets...), oserr.Msg(pe.Err)), true
}
