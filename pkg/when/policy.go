package when

import (
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

// vietnam is Asia/Ho_Chi_Minh built in rather than loaded: loading reads zoneinfo files (I/O this package must
// not do, and which a minimal container may lack). Vietnam has kept UTC+7 without daylight saving since 1975, so
// a fixed zone gives the same instants for every date a programme can hold. It is never modified.
var vietnam = time.FixedZone("Asia/Ho_Chi_Minh", 7*60*60)

// Session names as written in canonical text; English words are accepted on input and mean the same.
const (
	SessionMorning   = "sáng"
	SessionAfternoon = "chiều"
	SessionEvening   = "tối"
)

// Policy is how a repo reads sessions: its timezone and the hours of the three working sessions.
type Policy struct {
	Loc                         *time.Location // the repo's timezone; nil means Asia/Ho_Chi_Minh
	Morning, Afternoon, Evening Range          // sáng, chiều, tối
}

// DefaultPolicy is the session policy of docs/records.md#when: 07:30-11:30, 13:30-17:00, 19:00-21:00.
// A nil loc means Asia/Ho_Chi_Minh.
func DefaultPolicy(loc *time.Location) Policy {
	if loc == nil {
		loc = vietnam
	}
	return Policy{
		Loc:       loc,
		Morning:   Range{7*60 + 30, 11*60 + 30},
		Afternoon: Range{13*60 + 30, 17 * 60},
		Evening:   Range{19 * 60, 21 * 60},
	}
}

func (p Policy) loc() *time.Location {
	if p.Loc == nil {
		return vietnam
	}
	return p.Loc
}

// Validate checks that every session is a non-empty range within the day and that the working day
// (morning start .. afternoon end) is not empty, so that Parse never builds an empty or reversed span.
func (p Policy) Validate() error {
	for _, s := range []string{SessionMorning, SessionAfternoon, SessionEvening} {
		r := p.session(s)
		if !r.valid() {
			return i18n.Errorf("when.policy_session", sessionMsg(s), r.String())
		}
	}
	if p.Afternoon.End <= p.Morning.Start {
		return i18n.Errorf("when.policy_day", p.Morning.String(), p.Afternoon.String())
	}
	return nil
}

// session returns the hours of a canonical session name.
func (p Policy) session(name string) Range {
	switch name {
	case SessionMorning:
		return p.Morning
	case SessionAfternoon:
		return p.Afternoon
	default:
		return p.Evening
	}
}

// sessionMsg is the session's name in the reader's language.
func sessionMsg(name string) i18n.Msg {
	switch name {
	case SessionMorning:
		return i18n.M("when.session.morning")
	case SessionAfternoon:
		return i18n.M("when.session.afternoon")
	default:
		return i18n.M("when.session.evening")
	}
}

// canonicalSession maps the accepted session words (Vietnamese or English, exact lower case) to the canonical one.
func canonicalSession(w string) (string, bool) {
	switch w {
	case SessionMorning, "morning":
		return SessionMorning, true
	case SessionAfternoon, "afternoon":
		return SessionAfternoon, true
	case SessionEvening, "evening":
		return SessionEvening, true
	}
	return "", false
}
