package workspace

import (
	"github.com/coordvn/coord/pkg/authz"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
)

// Changes reads the commits of BASE..HEAD in the data repo at root (a pull request), each with the registry
// and settings before it (at its parent) and after it, and every path they touched.
func Changes(root, base string) ([]rules.Commit, []string, error) {
	// One reader for the commits, the registry at each and what authz/path reads later (the read closures).
	git, err := gitrepo.OpenReader(root)
	if err != nil {
		return nil, nil, err
	}
	changes, err := git.Changes(base, "HEAD")
	if err != nil {
		return nil, nil, err
	}
	v, err := record.NewValidator()
	if err != nil {
		return nil, nil, err
	}
	type state struct {
		reg *record.Offices
		set *record.Settings
	}
	byBlobs := map[string]state{} // commits that share a registry share its decoding
	at := func(rev string) (state, error) {
		files, err := git.ReadAt(rev, datarepo.SettingsFile, "registry/offices.yaml")
		if err != nil {
			return state{}, err
		}
		key := string(files[datarepo.SettingsFile]) + "\x00" + string(files["registry/offices.yaml"])
		st, ok := byBlobs[key]
		if !ok {
			if s, ok := record.Decode(datarepo.SettingsFile, files[datarepo.SettingsFile], v).Value.(*record.Settings); ok {
				st.set = s
			}
			if o, ok := record.Decode("registry/offices.yaml", files["registry/offices.yaml"], v).Value.(*record.Offices); ok {
				st.reg = o
			}
			byBlobs[key] = st
		}
		return st, nil
	}
	seen := map[string]bool{}
	var paths []string
	out := make([]rules.Commit, 0, len(changes))
	for _, ch := range changes {
		cm := rules.Commit{Change: ch, Read: commitContents(git, ch)}
		if ch.Parent != "" {
			before, err := at(ch.Parent)
			if err != nil {
				return nil, nil, err
			}
			cm.Registry, cm.Settings = before.reg, before.set
		}
		after, err := at(ch.Hash)
		if err != nil {
			return nil, nil, err
		}
		cm.RegistryAfter, cm.SettingsAfter = after.reg, after.set
		out = append(out, cm)
		for _, p := range ch.Paths {
			if !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	return out, paths, nil
}

// commitContents reads paths at a commit's parent and at the commit (authz.Contents); a root commit had
// nothing before it.
func commitContents(git *gitrepo.Reader, ch gitrepo.Change) authz.Contents {
	return func(paths []string) (map[string][]byte, map[string][]byte, error) {
		before := map[string][]byte{}
		if ch.Parent != "" {
			var err error
			if before, err = git.ReadAt(ch.Parent, paths...); err != nil {
				return nil, nil, err
			}
		}
		after, err := git.ReadAt(ch.Hash, paths...)
		if err != nil {
			return nil, nil, err
		}
		return before, after, nil
	}
}
