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
	byBlobs := map[string]rights{} // commits that share a registry share its decoding
	at := func(rev string) (rights, error) {
		files, err := git.ReadKept(rev, rightsFiles...)
		if err != nil {
			return rights{}, err
		}
		key := string(files[datarepo.SettingsFile]) + "\x00" + string(files[authz.RegistryPath])
		st, ok := byBlobs[key]
		if !ok {
			st = decodeRights(files, v)
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

// rightsFiles are the files that say who may change what: coord.yaml (the coordinator, the admins' settings)
// and the registry of offices (their members).
var rightsFiles = []string{datarepo.SettingsFile, authz.RegistryPath}

// rights is what rightsFiles hold at a commit, decoded; nil for a file it lacks or holds broken.
type rights struct {
	reg *record.Offices
	set *record.Settings
}

// decodeRights decodes rightsFiles as read at a commit (gitrepo.Reader.ReadAt), validating with v (nil: not).
func decodeRights(files map[string][]byte, v record.Validator) rights {
	var out rights
	if data := files[datarepo.SettingsFile]; data != nil {
		if s, ok := record.Decode(datarepo.SettingsFile, data, v).Value.(*record.Settings); ok {
			out.set = s
		}
	}
	if data := files[authz.RegistryPath]; data != nil {
		if o, ok := record.Decode(authz.RegistryPath, data, v).Value.(*record.Offices); ok {
			out.reg = o
		}
	}
	return out
}
