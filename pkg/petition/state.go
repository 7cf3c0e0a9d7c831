package petition

import (
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// The statuses of a petition and the steps that lead to them (history actions).
const (
	Received    = "received"
	Accepted    = "accepted"
	Transferred = "transferred"
	Resolved    = "resolved"
	Rejected    = "rejected"
	Withdrawn   = "withdrawn"
)

// next is the state machine of `coord petition update`: from a status, the statuses a step may lead to. A
// received petition is accepted (thụ lý), forwarded (chuyển đơn) or not accepted (không thụ lý); an accepted
// one is resolved; either may be withdrawn by the petitioner (rút đơn). The others are final.
var next = map[string][]string{
	Received: {Accepted, Transferred, Rejected, Withdrawn},
	Accepted: {Resolved, Withdrawn},
}

// Statuses a step of update may set, in the order help and errors list them.
var Statuses = []string{Accepted, Transferred, Rejected, Resolved, Withdrawn}

// StatusName is the status in words ("đã thụ lý"), for sentences.
func StatusName(s string) i18n.Msg { return i18n.M("petition.status." + s) }

// TypeName is the type in words ("khiếu nại"), for sentences.
func TypeName(t string) i18n.Msg { return i18n.M("petition.type." + t) }

// Step is one change of status: the day (YYYY-MM-DD), the office that makes it, the office a petition is
// forwarded to, and a note.
type Step struct {
	Status, Date, By, To, Note string
	// Decision and Days: an extension (Status Extended): the number of the written decision and the days it
	// adds (0: the most the law allows, policy.petitions' extension_days).
	Decision string
	Days     int
	// ArrivedByTransfer: the petition reached this office forwarded by another (the same person, a similar
	// subject, a transferred step of another office to this one): it was forwarded once already.
	ArrivedByTransfer string // the other petition's id, "" when none
	// OfficeName names an office code in sentences (the registry's name); nil: the code.
	OfficeName func(code string) string
}

// Apply changes p's status by s and appends the step to its history, or refuses (an *i18n.Error of kind
// refused, one sentence naming the petition and the statuses in words) leaving p as it was: a step the state
// machine does not allow, a second forwarding, a forwarding without an office to forward to or to the
// petition's own office, a date before the last step's.
func Apply(p *record.Petition, s Step) error {
	allowed := next[p.Status]
	if s.Status == Extended {
		// An extension (gia hạn) changes no status: it lengthens the resolution of an accepted petition, by a
		// written decision. Whether the law allows it for this petition is Extend's question.
		if p.Status != Accepted {
			return i18n.Refusef("petition.update.extend_not_accepted", p.ID, StatusName(p.Status))
		}
		if strings.TrimSpace(s.Decision) == "" {
			return i18n.Usagef("petition.update.extend_no_decision", p.ID)
		}
		if s.Days < 0 {
			return i18n.Usagef("petition.update.extend_days", s.Days)
		}
		allowed = []string{Extended}
	} else if s.Decision != "" || s.Days != 0 {
		return i18n.Usagef("petition.update.decision_without_extend")
	}
	if !slices.Contains(allowed, s.Status) {
		if len(allowed) == 0 {
			return i18n.Refusef("petition.update.final", p.ID, StatusName(p.Status))
		}
		var names []any
		for _, a := range allowed {
			names = append(names, StatusName(a))
		}
		return i18n.Refusef("petition.update.not_allowed", p.ID, StatusName(p.Status), StatusName(s.Status), orList(names))
	}
	if s.Status == Transferred {
		for _, h := range p.History {
			if h.Action == Transferred {
				return i18n.Refusef("petition.update.transferred_twice", p.ID, s.name(h.To))
			}
		}
		if s.ArrivedByTransfer != "" {
			return i18n.Refusef("petition.update.arrived_by_transfer", p.ID, s.ArrivedByTransfer)
		}
		if s.To == "" {
			return i18n.Usagef("petition.update.no_to", p.ID)
		}
		if s.To == p.Office {
			return i18n.Usagef("petition.update.to_self", p.ID)
		}
	} else if s.To != "" {
		return i18n.Usagef("petition.update.to_without_transfer")
	}
	last := p.Received
	for _, h := range p.History {
		if h.Date > last {
			last = h.Date
		}
	}
	if s.Date < last {
		return i18n.Refusef("petition.update.before_last", p.ID, when.DateText(s.Date), when.DateText(last))
	}
	if s.Status != Extended {
		p.Status = s.Status
	}
	p.History = append(p.History, record.PetitionStep{Date: s.Date, Action: s.Status, By: s.By, To: s.To,
		Decision: strings.TrimSpace(s.Decision), Days: s.Days, Note: s.Note})
	return nil
}

func (s Step) name(code string) string {
	if s.OfficeName == nil {
		return code
	}
	return s.OfficeName(code)
}

// orList joins names as a sentence does: "a", "a hoặc b", "a, b hoặc c".
func orList(names []any) i18n.Msg {
	switch len(names) {
	case 1:
		return i18n.M("petition.list1", names...)
	case 2:
		return i18n.M("petition.list2", names...)
	case 3:
		return i18n.M("petition.list3", names...)
	}
	return i18n.M("petition.list4", names[:4]...)
}
