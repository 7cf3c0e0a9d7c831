// Package authz owns who may change what in the shared data repo: an office's records only by that office's
// members (the emails of registry/offices.yaml), the consolidated programmes, the issued outputs and the
// registry only by the coordinating office's members, coord.yaml and everything that is not a record only by
// the admins the registry lists (the coordinator's members when it lists none) — except the key ceremony,
// judged on the content (Judge, reseal.go). It also verifies commit signatures against the keys the registry
// lists. It reads values it is given and never touches git or disk.
package authz

import (
	"strings"

	"github.com/coordvn/coord/pkg/record"
)

// Owner is who may change a path.
type Owner struct {
	Office string // an office code: its members; for the coordinator's paths, the coordinating office
	Admins bool   // coord.yaml and what is not a record: the registry's admins
}

// OwnerOf says who may change a repo path (a slash path), given the settings in force.
func OwnerOf(path string, s *record.Settings) Owner {
	parts := strings.Split(path, "/")
	switch parts[0] {
	case "programmes":
		if len(parts) == 4 && strings.HasSuffix(parts[3], ".yaml") {
			return Owner{Office: strings.TrimSuffix(parts[3], ".yaml")}
		}
	case "conclusions", "documents", "petitions":
		if len(parts) >= 4 {
			return Owner{Office: parts[2]}
		}
	case "consolidated", "issued", "registry":
		return Owner{Office: s.Coordinator}
	}
	return Owner{Admins: true}
}

// Configured reports whether the registry names anyone: a new data repo whose registry lists no member and
// no admin has no rule to enforce yet.
func Configured(reg *record.Offices) bool {
	if len(reg.Admins) > 0 {
		return true
	}
	for _, o := range reg.Offices {
		if len(o.Members) > 0 {
			return true
		}
	}
	return false
}

// Allows reports whether the person with this email may change what o owns.
func (o Owner) Allows(email string, reg *record.Offices, s *record.Settings) bool {
	for _, m := range o.People(reg, s) {
		if strings.EqualFold(strings.TrimSpace(m.Email), strings.TrimSpace(email)) {
			return true
		}
	}
	return false
}

// People are the members who may change what o owns.
func (o Owner) People(reg *record.Offices, s *record.Settings) []record.Member {
	if o.Admins {
		if len(reg.Admins) > 0 {
			return reg.Admins
		}
		o = Owner{Office: s.Coordinator}
	}
	for _, off := range reg.Offices {
		if off.Code == o.Office {
			return off.Members
		}
	}
	return nil
}

// Member finds the registry entry of an email among the members and admins (for the keys that verify
// their signatures); nil when nobody has it.
func Member(email string, reg *record.Offices) *record.Member {
	for i := range reg.Admins {
		if strings.EqualFold(reg.Admins[i].Email, email) {
			return &reg.Admins[i]
		}
	}
	for i := range reg.Offices {
		for j := range reg.Offices[i].Members {
			if m := &reg.Offices[i].Members[j]; strings.EqualFold(m.Email, email) {
				return m
			}
		}
	}
	return nil
}
