package rules

import (
	"sort"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
)

// refKind is what a reference points at.
type refKind int

const (
	refOffice refKind = iota + 1
	refBody           // a leadership body
	refOwner          // a body or an office (task owners, document issuers and recipients)
	refPerson
	refPlace
	refLocality
)

// ref is one reference found in a record.
type ref struct {
	kind  refKind
	file  *record.File
	path  []any
	value string
	isKey bool // the reference is a mapping key (travel_to), not a value
}

// eachRef walks every reference of every record. The five ref/* rules filter it.
func (c *Context) eachRef(fn func(r ref)) {
	emit := func(k refKind, f *record.File, v string, path ...any) {
		if v != "" {
			fn(ref{kind: k, file: f, path: path, value: v})
		}
	}
	list := func(k refKind, f *record.File, vs []string, path ...any) {
		for i, v := range vs {
			emit(k, f, v, append(append([]any(nil), path...), i)...)
		}
	}
	for _, f := range c.Repo.Files {
		switch v := f.Value.(type) {
		case *record.Settings:
			emit(refOffice, f, v.Coordinator, "coordinator")
			list(refOffice, f, v.Host.Rotation, "host", "rotation")
		case *record.Offices:
			for i, o := range v.Offices {
				list(refBody, f, o.Serves, "offices", i, "serves")
			}
		case *record.People:
			for i, p := range v.People {
				for j, pos := range p.Positions {
					emit(refBody, f, pos.Body, "people", i, "positions", j, "body")
				}
			}
		case *record.Places:
			for i, l := range v.Localities {
				tos := make([]string, 0, len(l.TravelTo))
				for to := range l.TravelTo {
					tos = append(tos, to)
				}
				sort.Strings(tos)
				for _, to := range tos {
					fn(ref{refLocality, f, []any{"localities", i, "travel_to", to}, to, true})
				}
			}
			for i, ve := range v.Venues {
				emit(refLocality, f, ve.Locality, "venues", i, "locality")
			}
		case *record.Programme:
			emit(refOffice, f, v.Office, "office")
			for i, it := range v.Items {
				c.itemRefs(f, it, []any{"items", i}, emit, list)
			}
		case *record.Consolidated:
			emit(refOffice, f, v.Coordinator, "coordinator")
			for i, it := range v.Items {
				c.itemRefs(f, it.Item, []any{"items", i}, emit, list)
				list(refOffice, f, it.Offices, "items", i, "offices")
			}
		case *record.Conclusion:
			emit(refOffice, f, v.Office, "office")
			emit(refPerson, f, v.Meeting.Chair, "meeting", "chair")
			list(refOwner, f, v.Recipients, "recipients")
			for i, t := range v.Tasks {
				emit(refOwner, f, t.Owner, "tasks", i, "owner")
				for j, u := range t.Updates {
					emit(refOwner, f, u.By, "tasks", i, "updates", j, "by")
				}
			}
		case *record.Document:
			emit(refOwner, f, v.Issuer, "issuer")
			list(refOwner, f, v.Recipients, "recipients")
		case *record.Petition:
			emit(refOffice, f, v.Office, "office")
			emit(refLocality, f, v.Locality, "locality")
			for i, h := range v.History {
				emit(refOffice, f, h.By, "history", i, "by")
				emit(refOffice, f, h.To, "history", i, "to")
			}
		}
	}
}

func (c *Context) itemRefs(f *record.File, it record.Item, at []any, emit func(refKind, *record.File, string, ...any), list func(refKind, *record.File, []string, ...any)) {
	p := func(rest ...any) []any { return append(append([]any(nil), at...), rest...) }
	list(refBody, f, it.Bodies, p("bodies")...)
	list(refPerson, f, it.Chair, p("chair")...)
	list(refPerson, f, it.Attendees, p("attendees")...)
	emit(refPlace, f, it.Place, p("place")...)
	emit(refLocality, f, it.Locality, p("locality")...)
}

// refRule builds a ref/* rule: unknown references of the kinds given, with a "did you mean".
func refRule(id string, kinds ...refKind) Rule {
	return Rule{ID: id, Severity: finding.Error, Doc: i18n.M("rule.doc." + id), Check: func(c *Context, out *finding.Collector) {
		want := map[refKind]bool{}
		for _, k := range kinds {
			want[k] = true
		}
		c.eachRef(func(r ref) {
			if !want[r.kind] {
				return
			}
			known, m, what := c.known(r)
			if known {
				return
			}
			if m == nil { // a free-text place: not a reference
				return
			}
			pos := r.file.Pos(r.path...)
			if r.isKey {
				pos = r.file.KeyPos(r.path...)
			}
			c.Emit(out, finding.Finding{Rule: id, Severity: finding.Error, Pos: pos,
				Msg: i18n.M("rule.ref.unknown", what, r.value, suggest(m, r.value))})
		})
	}}
}

// known reports whether a reference resolves; m is the matcher for suggestions (nil: not a reference at all).
func (c *Context) known(r ref) (bool, *vntext.Matcher, i18n.Msg) {
	switch r.kind {
	case refOffice:
		_, ok := c.Offices[r.value]
		return ok, c.officeM, i18n.M("rule.ref.office")
	case refBody:
		_, ok := c.Bodies[r.value]
		return ok, c.bodyM, i18n.M("rule.ref.body")
	case refOwner:
		_, ok1 := c.Bodies[r.value]
		_, ok2 := c.Offices[r.value]
		return ok1 || ok2, c.ownerM, i18n.M("rule.ref.owner")
	case refPerson:
		_, ok := c.People[r.value]
		return ok, c.personM, i18n.M("rule.ref.person")
	case refLocality:
		_, ok := c.Locals[r.value]
		return ok, c.localM, i18n.M("rule.ref.locality")
	case refPlace:
		if _, ok := c.ResolveVenue(r.value); ok {
			return true, nil, i18n.Msg{}
		}
		if !looksLikeID(r.value) {
			return true, nil, i18n.Msg{} // free text, kept as text (DESIGN section 2)
		}
		return false, c.VenueM, i18n.M("rule.ref.place")
	}
	return true, nil, i18n.Msg{}
}

// looksLikeID: a place written as an id (lower-case ASCII words joined by hyphens) is meant as a venue id;
// free text has spaces or capitals or diacritics.
func looksLikeID(s string) bool {
	hyphen := false
	for _, r := range s {
		switch {
		case r == '-':
			hyphen = true
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return hyphen
}

var (
	refOfficeRule   = refRule("ref/office", refOffice)
	refBodyRule     = refRule("ref/body", refBody, refOwner)
	refPersonRule   = refRule("ref/person", refPerson)
	refPlaceRule    = refRule("ref/place", refPlace)
	refLocalityRule = refRule("ref/locality", refLocality)
)
