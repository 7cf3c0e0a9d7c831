package submit

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/ospath"
)

// locate places a PATH argument as the file system matches names (ospath.Native: on Windows in any case
// and with backslashes): abs is the file to read, and srcRel its repo path as the folders spell it, when it
// lies in the repo.
func locate(root, wd, arg string) *item {
	abs, rel := ospath.Native().Locate(root, wd, arg)
	if rel == "." {
		rel = ""
	}
	return &item{src: arg, abs: abs, srcRel: rel}
}

// hiddenTxt is the path finding on a record Notepad saved as NAME.yaml.txt (Windows Explorer hides the
// .txt). Decision (README, issue 10): submit refuses it with the sentence coord check prints, rather than
// accept it under its real name — the clerk renames the file once and check, fmt and submit then agree.
func hiddenTxt(abs, display string) *finding.Finding {
	msg, ok := datarepo.HiddenTxt(filepath.Base(abs))
	if !ok {
		return nil
	}
	return &finding.Finding{Rule: "path", Severity: finding.Error, Pos: finding.Pos{File: display, Line: 1, Column: 1}, Msg: msg}
}

// caseMove reports whether a submitted file lies in the repo under a name that differs from its record's
// only in case (programmes/2026/q3/vpubnd.yaml for programmes/2026/Q3/VPUBND.yaml).
func caseMove(it *item) bool {
	return it.srcRel != "" && it.srcRel != it.want && strings.EqualFold(it.srcRel, it.want)
}

// caseMoves adds to the submission the removal of each such file's old name, so the commit is a rename:
// on Linux the old file leaves the worktree and the index (gitrepo deletes it as it places the new name);
// on a case-insensitive file system the two names are one file, which gitrepo keeps on disk (it only drops
// the old name from the index) and settleNames then spells as the record's name.
func caseMoves(files map[string][]byte, items []*item) {
	for _, it := range items {
		if caseMove(it) {
			if _, taken := files[it.srcRel]; !taken {
				files[it.srcRel] = nil
			}
		}
	}
}

// settleNames makes the worktree spell each case-moved record as the repo does, and says so. On a
// case-insensitive file system the file placed at the record's name kept the old spelling of every folder
// and of the name (Windows keeps the name a file had when it is replaced): each element is renamed. On
// Linux gitrepo already removed the old file; nothing is left to rename.
func settleNames(o *Options, root string, items []*item) {
	for _, it := range items {
		if !caseMove(it) {
			continue
		}
		wantFull := filepath.Join(root, filepath.FromSlash(it.want))
		wst, err := os.Lstat(wantFull)
		if err != nil {
			continue // not placed: the submission stopped before the worktree
		}
		sst, err := os.Lstat(it.abs)
		switch {
		case err == nil && os.SameFile(sst, wst):
			if n, err := FixCase(root, it.want); err == nil && n > 0 {
				o.F.Printf("win.submit.renamed", it.srcRel, it.want)
			}
		case os.IsNotExist(err):
			o.F.Printf("win.submit.renamed", it.srcRel, it.want)
		}
	}
}

// FixCase renames, under root, each element of the slash path rel whose name on disk differs from rel's
// only in case, so the folders spell rel exactly; it returns how many it renamed. An element whose exact
// name exists is left alone (on Linux both spellings can exist; the exact one is rel's). A rename goes
// through a temporary name, which every file system accepts for a change of case.
func FixCase(root, rel string) (int, error) {
	dir, n := root, 0
	for _, want := range strings.Split(rel, "/") {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return n, err
		}
		have := ""
		for _, e := range ents {
			if e.Name() == want {
				have = ""
				break
			}
			if have == "" && ospath.Windows.Same(e.Name(), want) {
				have = e.Name()
			}
		}
		if have != "" {
			tmp := filepath.Join(dir, ".coord-case-"+want)
			if err := os.Rename(filepath.Join(dir, have), tmp); err != nil {
				return n, err
			}
			if err := os.Rename(tmp, filepath.Join(dir, want)); err != nil {
				_ = os.Rename(tmp, filepath.Join(dir, have))
				return n, err
			}
			n++
		}
		dir = filepath.Join(dir, want)
	}
	return n, nil
}
