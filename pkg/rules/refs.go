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

// eachRef walks the references of the records findings are wanted for (a reference's finding sits on its
// own file) and calls fn for those that keep accepts. A reference's path is built only for those: a quarter of
// 10,000 items has 50,000 references, nearly all known.
func (c *Context) eachRef(keep func(k refKind, value string) bool, fn func(r ref)) {
	emit := func(k refKind, f *record.File, v string, at []any, rest ...any) {
		if v != "" && keep(k, v) {
			fn(ref{kind: k, file: f, path: append(append([]any(nil), at...), rest...), value: v})
		}
	}
	list := func(k refKind, f *record.File, vs []string, at []any, rest ...any) {
		for i, v := range vs {
			if v != "" && keep(k, v) {
				fn(ref{kind: k, file: f, path: append(append(append([]any(nil), at...), rest...), i), value: v})
			}
		}
	}
	for _, f := range c.Repo.Files {
		if !c.Wants(f.Path) {
			continue
		}
		switch v := f.Value.(type) {
		case *record.Settings:
			emit(refOffice, f, v.Coordinator, nil, "coordinator")
			list(refOffice, f, v.Host.Rotation, nil, "host", "rotation")
		case *record.Offices:
			for i, o := range v.Offices {
				list(refBody, f, o.Serves, nil, "offices", i, "serves")
			}
		case *record.People:
			for i, p := range v.People {
				for j, pos := range p.Positions {
					emit(refBody, f, pos.Body, nil, "people", i, "positions", j, "body")
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
					if keep(refLocality, to) {
						fn(ref{refLocality, f, []any{"localities", i, "travel_to", to}, to, true})
					}
				}
			}
			for i, ve := range v.Venues {
				emit(refLocality, f, ve.Locality, nil, "venues", i, "locality")
			}
		case *record.Programme:
			emit(refOffice, f, v.Office, nil, "office")
			for i, it := range v.Items {
				itemRefs(f, it, i, emit, list)
			}
		case *record.Consolidated:
			emit(refOffice, f, v.Coordinator, nil, "coordinator")
			for i, it := range v.Items {
				itemRefs(f, it.Item, i, emit, list)
				list(refOffice, f, it.Offices, nil, "items", i, "offices")
			}
		case *record.Conclusion:
			emit(refOffice, f, v.Office, nil, "office")
			emit(refPerson, f, v.Meeting.Chair, nil, "meeting", "chair")
			list(refOwner, f, v.Recipients, nil, "recipients")
			for i, t := range v.Tasks {
				emit(refOwner, f, t.Owner, nil, "tasks", i, "owner")
				for j, u := range t.Updates {
					emit(refOwner, f, u.By, nil, "tasks", i, "updates", j, "by")
				}
			}
		case *record.Document:
			emit(refOwner, f, v.Issuer, nil, "issuer")
			list(refOwner, f, v.Recipients, nil, "recipients")
		case *record.Petition:
			emit(refOffice, f, v.Office, nil, "office")
			emit(refLocality, f, v.Locality, nil, "locality")
			for i, h := range v.History {
				emit(refOffice, f, h.By, nil, "history", i, "by")
				emit(refOffice, f, h.To, nil, "history", i, "to")
			}
		}
	}
}

type emitFunc func(k refKind, f *record.File, v string, at []any, rest ...any)
type listFunc func(k refKind, f *record.File, vs []string, at []any, rest ...any)

func itemRefs(f *record.File, it record.Item, i int, emit emitFunc, list listFunc) {
	list(refBody, f, it.Bodies, nil, "items", i, "bodies")
	list(refPerson, f, it.Chair, nil, "items", i, "chair")
	list(refPerson, f, it.Attendees, nil, "items", i, "attendees")
	emit(refPlace, f, it.Place, nil, "items", i, "place")
	emit(refLocality, f, it.Locality, nil, "items", i, "locality")
}

// refRule builds a ref/* rule: unknown references of the kinds given, with a "did you mean".
func refRule(id string, kinds ...refKind) Rule {
	return Rule{ID: id, Severity: finding.Error, Doc: i18n.M("rule.doc." + id), Check: func(c *Context, out *finding.Collector) {
		want := map[refKind]bool{}
		for _, k := range kinds {
			want[k] = true
		}
		c.eachRef(func(k refKind, v string) bool {
			if !want[k] {
				return false
			}
			known, m := c.known(k, v)
			return !known && m != nil // a free-text place (m nil) is not a reference
		}, func(r ref) {
			_, m := c.known(r.kind, r.value)
			pos := r.file.Pos(r.path...)
			if r.isKey {
				pos = r.file.KeyPos(r.path...)
			}
			c.Emit(out, finding.Finding{Rule: id, Severity: finding.Error, Pos: pos,
				Msg: i18n.M("rule.ref.unknown", refWhat(r.kind), r.value, suggest(m, r.value))})
		})
	}}
}

// known reports whether a reference resolves; m is the matcher for suggestions (nil: not a reference at all).
func (c *Context) known(k refKind, v string) (bool, *vntext.Matcher) {
	switch k {
	case refOffice:
		_, ok := c.Offices[v]
		return ok, c.officeM
	case refBody:
		_, ok := c.Bodies[v]
		return ok, c.bodyM
	case refOwner:
		_, ok1 := c.Bodies[v]
		_, ok2 := c.Offices[v]
		return ok1 || ok2, c.ownerM
	case refPerson:
		_, ok := c.People[v]
		return ok, c.personM
	case refLocality:
		_, ok := c.Locals[v]
		return ok, c.localM
	case refPlace:
		if _, ok := c.ResolveVenue(v); ok {
			return true, nil
		}
		if !looksLikeID(v) {
			return true, nil // free text, kept as text (DESIGN section 2)
		}
		return false, c.VenueM
	}
	return true, nil
}

// refWhat names what a reference points at, for the message.
func refWhat(k refKind) i18n.Msg {
	switch k {
	case refOffice:
		return i18n.M("rule.ref.office")
	case refBody:
		return i18n.M("rule.ref.body")
	case refOwner:
		return i18n.M("rule.ref.owner")
	case refPerson:
		return i18n.M("rule.ref.person")
	case refLocality:
		return i18n.M("rule.ref.locality")
	}
	return i18n.M("rule.ref.place")
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
