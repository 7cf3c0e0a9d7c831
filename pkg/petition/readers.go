package petition

import (
	"github.com/coordvn/coord/pkg/record"
)

// Denunciation is the type of a petition whose sender the law protects (tố cáo: Law on Denunciations 2018,
// arts. 9, 47, 56): its identity is sealed to the handling office alone, or kept off the shared repo.
const Denunciation = "to-cao"

// KeptOnPC reports whether a petition of type typ keeps its identity out of the shared repo, sealed on the
// receiving PC only: a denunciation, when coord.yaml says secrecy.denouncer_identity: local.
func KeptOnPC(typ string, s *record.Settings) bool {
	return typ == Denunciation && s != nil && s.Secrecy.DenouncerIdentity == record.IdentityOnlyPC
}

// Readers are the offices allowed to read a petition's identity: for a denunciation, the handling office
// (the petition's office) alone; for the other types, every office of the registry.
func Readers(typ, office string, reg *record.Offices) []string {
	if typ == Denunciation {
		return []string{office}
	}
	out := make([]string, 0, len(reg.Offices))
	for _, o := range reg.Offices {
		out = append(out, o.Code)
	}
	return out
}

// AllOffices are the codes of every office of the registry: who reads the blind-index key.
func AllOffices(reg *record.Offices) []string { return Readers("", "", reg) }

// RecipientsOf are the age recipients the registry lists for the offices, sorted, each once.
func RecipientsOf(offices []string, reg *record.Offices) []string {
	want := map[string]bool{}
	for _, o := range offices {
		want[o] = true
	}
	var out []string
	for _, o := range reg.Offices {
		if want[o.Code] {
			out = append(out, o.Recipients...)
		}
	}
	return SortedUnique(out)
}

// WithoutRecipients are the offices among offices that the registry lists no recipient for: they could not
// read what is sealed to them.
func WithoutRecipients(offices []string, reg *record.Offices) []string {
	var out []string
	for _, code := range offices {
		for _, o := range reg.Offices {
			if o.Code == code && len(SortedUnique(o.Recipients)) == 0 {
				out = append(out, code)
			}
		}
	}
	return out
}
