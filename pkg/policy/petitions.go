package policy

import (
	"strconv"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
)

// The statutory deadlines of petitions (docs/records.md, policy.petitions): named entries citing their
// article, the defaults below unless coord.yaml says otherwise. An entry of coord.yaml with the name of a
// default replaces it; one with another name is added. An entry applies to the petitions of its type and of
// the cases it sets (attempt, complex, remote); of the entries that apply to a step, the most specific wins,
// and of two as specific the one listed last (a province's own entry over a default).

// Petition steps, as written in an entry's `step`.
const (
	StepAccept  = "accept"  // thụ lý: accept (or refuse) the petition
	StepForward = "forward" // chuyển đơn: forward it to the competent body
	StepResolve = "resolve" // giải quyết
	StepAnswer  = "answer"  // trả lời: answer a recommendation or reflection
)

// Where a limit is counted from, as written in an entry's `from`.
const (
	FromReceived = "received"
	FromAccepted = "accepted"
)

// The default petition reminder (working days before a deadline) and reception notice (working days ahead).
const (
	DefaultPetitionRemind  = 3
	DefaultReceptionNotice = 5
)

const (
	lawComplaints   = "Luật Khiếu nại năm 2011"
	lawDenunciation = "Luật Tố cáo năm 2018"
	lawReception    = "Luật Tiếp công dân năm 2013"
)

// DefaultPetitionLimits are the limits of the law (DESIGN section 5): the Law on Complaints 2011 (arts. 27,
// 28, 37: days; longer for complex cases and for remote areas), the Law on Denunciations 2018 (art. 24: working
// days to accept or forward, 10 when the checks are at several places — `complex` here; art. 30: 30 days to
// resolve, extended by a written decision at most twice by 30 days) and the Law on Citizen Reception 2013
// (art. 28: recommendations and reflections answered in 10 working days).
func DefaultPetitionLimits() []record.PetitionLimit {
	kn := func(name, step, from string, days, attempt int, complex, remote bool, art string) record.PetitionLimit {
		return record.PetitionLimit{Name: name, Type: "khieu-nai", Step: step, From: from, Days: days, Attempt: attempt,
			Complex: complex, Remote: remote, Source: lawComplaints + ", " + art}
	}
	return []record.PetitionLimit{
		kn("khieu-nai-accept", StepAccept, FromReceived, 10, 0, false, false, "Điều 27"),
		kn("khieu-nai-resolve", StepResolve, FromAccepted, 30, 1, false, false, "Điều 28"),
		kn("khieu-nai-resolve-complex", StepResolve, FromAccepted, 45, 1, true, false, "Điều 28"),
		kn("khieu-nai-resolve-remote", StepResolve, FromAccepted, 45, 1, false, true, "Điều 28"),
		kn("khieu-nai-resolve-remote-complex", StepResolve, FromAccepted, 60, 1, true, true, "Điều 28"),
		kn("khieu-nai-2-resolve", StepResolve, FromAccepted, 45, 2, false, false, "Điều 37"),
		kn("khieu-nai-2-resolve-complex", StepResolve, FromAccepted, 60, 2, true, false, "Điều 37"),
		kn("khieu-nai-2-resolve-remote", StepResolve, FromAccepted, 60, 2, false, true, "Điều 37"),
		kn("khieu-nai-2-resolve-remote-complex", StepResolve, FromAccepted, 70, 2, true, true, "Điều 37"),
		{Name: "to-cao-accept", Type: "to-cao", Step: StepAccept, From: FromReceived, Days: 7, WorkingDays: true,
			Source: lawDenunciation + ", Điều 24"},
		{Name: "to-cao-accept-complex", Type: "to-cao", Step: StepAccept, From: FromReceived, Days: 10, WorkingDays: true,
			Complex: true, Source: lawDenunciation + ", Điều 24"},
		{Name: "to-cao-forward", Type: "to-cao", Step: StepForward, From: FromReceived, Days: 5, WorkingDays: true,
			Source: lawDenunciation + ", Điều 24"},
		{Name: "to-cao-resolve", Type: "to-cao", Step: StepResolve, From: FromAccepted, Days: 30,
			Extensions: 2, ExtensionDays: 30, Source: lawDenunciation + ", Điều 30"},
		{Name: "kien-nghi-answer", Type: "kien-nghi", Step: StepAnswer, From: FromReceived, Days: 10, WorkingDays: true,
			Source: lawReception + ", Điều 28"},
		{Name: "phan-anh-answer", Type: "phan-anh", Step: StepAnswer, From: FromReceived, Days: 10, WorkingDays: true,
			Source: lawReception + ", Điều 28"},
	}
}

// petitionLimits merges coord.yaml's entries into the defaults (a default's name replaces it, another name
// is added), reporting the entries that cannot be applied; those are left out.
func petitionLimits(over []record.PetitionLimit) ([]record.PetitionLimit, []Problem) {
	out := DefaultPetitionLimits()
	var probs []Problem
	for i, l := range over {
		field := []any{"policy", "petitions", i}
		switch {
		case l.Name == "" || l.Days < 1 || l.Source == "":
			continue // the schema rule reports a missing or bad field
		case l.Step == StepAccept && l.From == FromAccepted:
			probs = append(probs, Problem{append(field, "from"), i18n.Errorf("policy.petition_from", l.Name)})
			continue
		case l.Extensions > 0 && l.ExtensionDays < 1:
			probs = append(probs, Problem{append(field, "extensions"), i18n.Errorf("policy.petition_extension", l.Name)})
			continue
		}
		replaced := false
		for j := range out {
			if out[j].Name == l.Name {
				out[j], replaced = l, true
			}
		}
		if !replaced {
			out = append(out, l)
		}
	}
	return out, probs
}

// PetitionCase is what decides which limits apply to a petition.
type PetitionCase struct {
	Type    string // khieu-nai | to-cao | kien-nghi | phan-anh
	Attempt int    // 1 (also 0) or 2
	Complex bool
	Remote  bool // its locality is remote (registry/places.yaml)
}

// PetitionLimit is the limit of one step for a petition case: of the entries of its type and step whose
// cases it fits, the most specific, and of two as specific the one listed last. ok is false when no entry
// applies (the step has no statutory limit for that type).
func (p Policy) PetitionLimit(c PetitionCase, step string) (record.PetitionLimit, bool) {
	attempt := c.Attempt
	if attempt == 0 {
		attempt = 1
	}
	best, score := record.PetitionLimit{}, -1
	for _, l := range p.Petitions {
		if l.Type != c.Type || l.Step != step ||
			(l.Attempt != 0 && l.Attempt != attempt) || (l.Complex && !c.Complex) || (l.Remote && !c.Remote) {
			continue
		}
		s := 0
		for _, set := range []bool{l.Attempt != 0, l.Complex, l.Remote} {
			if set {
				s++
			}
		}
		if s >= score {
			best, score = l, s
		}
	}
	return best, score >= 0
}

// Days is a span counted in days or working days: `--within 7d`.
type Days struct {
	N       int
	Working bool
}

// daysUnits are the units of ParseDays, by vntext.Key: days, weeks (7 days) and working days.
var daysUnits = map[string]Days{
	"": {1, false}, "d": {1, false}, "day": {1, false}, "days": {1, false}, "ngay": {1, false},
	"w": {7, false}, "week": {7, false}, "weeks": {7, false}, "tuan": {7, false},
	"wd": {1, true}, "workday": {1, true}, "workdays": {1, true}, "working day": {1, true}, "working days": {1, true},
	"ngay lam viec": {1, true}, "nlv": {1, true},
}

// ParseDays reads a span as typed: "7d", "7", "7 ngày", "2w", "2 tuần", "5wd", "5 ngày làm việc" (0 to 3660
// days).
func ParseDays(s string) (Days, error) {
	k := vntext.Key(s)
	i := 0
	for i < len(k) && k[i] >= '0' && k[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(k[:i])
	u, ok := daysUnits[strings.TrimSpace(k[i:])]
	if i == 0 || i > 5 || err != nil || !ok || n*u.N > 3660 || strings.ContainsAny(s, "-+") {
		return Days{}, i18n.Errorf("policy.days", s)
	}
	return Days{N: n * u.N, Working: u.Working}, nil
}
