package datarepo

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/coordvn/coord/pkg/period"
)

// Interacting is what records at the given paths (changed, or submitted) are checked against, read from
// the layout alone: load accepts what must be decoded, report is the set of paths whose findings concern the
// change. All is set when a path is the settings, the registry or a schema: every record refers to them, so
// the whole repo is loaded and reported on (load and report are then nil).
//
//   - a programme: the programmes of its period (overlaps are sought within a period) and the period's
//     consolidated record, whose staleness and decisions the change can touch (reported too);
//   - a consolidated record: its period's programmes;
//   - a document or a conclusion: with series, the documents and conclusions of its year and the five before
//     (a Party term: its number's series); without, nothing more (submit compares numbers through the clone's
//     numbers cache instead);
//   - a petition: the petitions of its year (the same person at other offices);
//   - anything else: itself.
//
// The registry and coord.yaml are always loaded.
func Interacting(paths []string, series bool) (load func(rel string) bool, report map[string]bool, all bool) {
	report = map[string]bool{}
	var prefixes []string
	for _, p := range paths {
		report[p] = true
		parts := strings.Split(p, "/")
		switch {
		case p == SettingsFile, parts[0] == "registry", parts[0] == "schema":
			return nil, nil, true
		case parts[0] == "programmes" && len(parts) == 4:
			if per, err := period.FromName(parts[1], parts[2]); err == nil {
				prefixes = append(prefixes, path.Dir(ProgrammePath(per, "X"))+"/", ConsolidatedPath(per))
				report[ConsolidatedPath(per)] = true
				continue
			}
		case parts[0] == "consolidated" && len(parts) == 3:
			if per, err := period.FromName(parts[1], strings.TrimSuffix(parts[2], ".yaml")); err == nil {
				prefixes = append(prefixes, path.Dir(ProgrammePath(per, "X"))+"/", ConsolidatedPath(per))
				continue
			}
		case (parts[0] == "documents" || parts[0] == "conclusions") && len(parts) >= 3 && series:
			if y, err := strconv.Atoi(parts[1]); err == nil {
				for _, f := range NumberFolders(y) {
					prefixes = append(prefixes, f+"/")
				}
				continue
			}
		case parts[0] == "petitions" && len(parts) >= 3:
			prefixes = append(prefixes, fmt.Sprintf("petitions/%s/", parts[1]))
			continue
		}
		prefixes = append(prefixes, p)
	}
	return Under(slices.Compact(slices.Sorted(slices.Values(prefixes)))...), report, false
}
