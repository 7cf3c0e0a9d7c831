package datarepo

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// PartKind is what a Part of the data repo holds.
type PartKind int

// Kinds of Part, in the order coord check reads them.
const (
	PartSettings   PartKind = iota // coord.yaml, the registry, and whatever lies outside the folders below
	PartProgrammes                 // programmes/Y/ and consolidated/Y/ of one year folder Y (or every year)
	PartNumbers                    // documents/Y/ and conclusions/Y/ of one year folder Y
	PartPetitions                  // petitions/Y/ of one year folder Y
)

// Part is a part of the data repo that coord check reads on its own, so that its memory depends on the largest
// part, not on how many years the repo holds. Every part is read with coord.yaml and the registry.
type Part struct {
	Kind PartKind
	Name string // the folder name of a year part ("2026"), else ""
	Year int    // the year of a numbers or petitions part whose folder is a year, else 0
	// Load is what the part reads (Options.Only); Report accepts the files whose findings it reports.
	Load, Report func(rel string) bool
}

// partTops are the record folders divided into parts, by the part kind holding them.
var partTops = map[string]PartKind{"programmes": PartProgrammes, "consolidated": PartProgrammes,
	"documents": PartNumbers, "conclusions": PartNumbers, "petitions": PartPetitions}

// Parts divides the data repo at root into the parts coord check reads one after the other: the settings and
// registry with everything outside the folders below; the programmes and consolidated records of each year
// folder (of all years in one part when allProgrammes); the documents and conclusions of each year folder,
// oldest first; the petitions of each year folder. Every record file belongs to exactly one part's Report.
func Parts(root string, allProgrammes bool) ([]Part, error) {
	parted := func(rel string) (PartKind, string, bool) {
		top, rest, in := strings.Cut(rel, "/")
		k, ok := partTops[top]
		if !ok || !in {
			return 0, "", false // a top-level file, even one named like a folder, is the settings part's
		}
		name, _, _ := strings.Cut(rest, "/")
		return k, name, true
	}
	out := []Part{
		{Kind: PartSettings, Load: func(rel string) bool { _, _, ok := parted(rel); return !ok },
			Report: func(rel string) bool { _, _, ok := parted(rel); return !ok }},
	}
	if allProgrammes {
		out = append(out, Part{Kind: PartProgrammes, Load: Under("programmes/", "consolidated/"),
			Report: func(rel string) bool { k, _, ok := parted(rel); return ok && k == PartProgrammes }})
	}
	type yearPart struct {
		kind PartKind
		name string
	}
	seen := map[yearPart]bool{}
	var years []yearPart
	for _, top := range []string{"programmes", "consolidated", "documents", "conclusions", "petitions"} {
		k := partTops[top]
		if k == PartProgrammes && allProgrammes {
			continue
		}
		if st, err := os.Lstat(filepath.Join(root, top)); err != nil || !st.IsDir() {
			continue // absent, or not a folder (a symlink is a path finding of the settings part)
		}
		entries, err := os.ReadDir(filepath.Join(root, top))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			yp := yearPart{k, e.Name()}
			if strings.HasPrefix(e.Name(), ".") || seen[yp] {
				continue
			}
			seen[yp] = true
			years = append(years, yp)
		}
	}
	sort.SliceStable(years, func(i, j int) bool {
		a, b := years[i], years[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		ya, ea := strconv.Atoi(a.name)
		yb, eb := strconv.Atoi(b.name)
		if (ea == nil) != (eb == nil) {
			return ea == nil // year folders first, oldest first
		}
		if ea == nil && ya != yb {
			return ya < yb
		}
		return a.name < b.name
	})
	for _, yp := range years {
		var load []string
		tops := map[PartKind][]string{PartProgrammes: {"programmes", "consolidated"}, PartNumbers: {"documents", "conclusions"},
			PartPetitions: {"petitions"}}[yp.kind]
		for _, top := range tops {
			// a year folder, or a file (or anything else) of that name at the folder's top
			load = append(load, top+"/"+yp.name+"/", top+"/"+yp.name)
		}
		kind, name := yp.kind, yp.name
		p := Part{Kind: kind, Name: name, Load: exactly(load),
			Report: func(rel string) bool { k, n, ok := parted(rel); return ok && k == kind && n == name }}
		if y, err := strconv.Atoi(name); err == nil && strconv.Itoa(y) == name {
			p.Year = y
		}
		out = append(out, p)
	}
	return out, nil
}

// exactly is Under for folder prefixes ("documents/2026/") and exact paths ("documents/2026"): a path
// that merely starts like one ("documents/20261/") is not taken.
func exactly(paths []string) func(rel string) bool {
	return func(rel string) bool {
		if strings.HasPrefix(rel, "registry/") {
			return true
		}
		for _, p := range paths {
			switch {
			case rel == p, strings.HasSuffix(p, "/") && strings.HasPrefix(rel, p):
				return true // the file or folder itself, or under it
			case strings.HasSuffix(rel, "/") && strings.HasPrefix(p, rel):
				return true // a folder on the way to it
			}
		}
		return false
	}
}
