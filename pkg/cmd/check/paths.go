package check

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
	"github.com/coordvn/coord/pkg/ospath"
)

// selection is what each PATH argument selected, to make sure every one of them names something the
// loader read: a PATH that selects nothing is said, never a silent exit 0.
type selection []selected

type selected struct {
	arg  string
	rels []string // repo paths (as the folders spell them)
}

// selectPaths turns PATH arguments into the set of repo-relative record paths to report on (nil: all).
// Paths are matched as the file system matches them (ospath.Native: on Windows and macOS in any case, on
// Windows with backslashes), and reported under the name the repo knows them by. A path that does not exist
// or lies outside the repo is a usage problem (exit 2).
func selectPaths(f *cmdutil.Factory, root string, paths []string) (map[string]bool, selection, error) {
	if len(paths) == 0 {
		return nil, nil, nil
	}
	wd, err := f.Getwd()
	if err != nil {
		return nil, nil, cmdutil.Env(err)
	}
	rules := ospath.Native()
	only := map[string]bool{}
	var sel selection
	for _, p := range paths {
		abs, rel := rules.Locate(root, wd, p)
		st, err := os.Stat(abs)
		if err != nil {
			return nil, nil, cmdutil.Env(i18n.Errorf("cli.no_path", p, oserr.Msg(err)))
		}
		if rel == "" {
			return nil, nil, cmdutil.Usage(i18n.Errorf("check.outside", p, root))
		}
		s := selected{arg: p}
		if !st.IsDir() {
			s.rels = append(s.rels, rel)
		} else {
			err = filepath.WalkDir(abs, func(q string, e os.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if e.IsDir() && strings.HasPrefix(e.Name(), ".") && q != abs {
					return filepath.SkipDir
				}
				_, hidden := datarepo.HiddenTxtName(e.Name())
				if !e.IsDir() && (datarepo.IsRecordName(e.Name()) || hidden) {
					r, _ := filepath.Rel(root, q)
					s.rels = append(s.rels, filepath.ToSlash(r))
				}
				return nil
			})
			if err != nil {
				return nil, nil, cmdutil.Env(i18n.Errorf("cli.no_path", p, oserr.Msg(err)))
			}
		}
		for _, r := range s.rels {
			only[r] = true
		}
		sel = append(sel, s)
	}
	return only, sel, nil
}

// matched refuses (exit 2) a PATH none of whose files the loader read or reported on: a file that is not
// a record (README.md, a .docx), a folder without records, a YAML file in a folder the walk skips.
func (sel selection) matched(r *datarepo.Repo) error {
	if len(sel) == 0 {
		return nil
	}
	reported := map[string]bool{}
	for _, p := range r.Problems {
		reported[p.File] = true
	}
	for _, s := range sel {
		ok := false
		for _, rel := range s.rels {
			if r.File(rel) != nil || reported[rel] {
				ok = true
				break
			}
		}
		if !ok {
			return cmdutil.Usage(i18n.Errorf("win.path.no_match", s.arg, datarepo.Layout()))
		}
	}
	return nil
}
