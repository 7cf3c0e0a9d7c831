package rules

import (
	"sort"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
)

// The machinery of the ref/* rules: every reference in every record, found once; each rule reports the
// unknown ones of its kinds (ref_office.go, ref_body.go, ref_person.go, ref_place.go, ref_locality.go).

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

// unknownRefs returns the references that do not resolve, in the records findings are wanted for (a
// reference's finding sits on its own file). It walks the records once for the five ref/* rules, and builds a
// reference's path only when it does not resolve: a quarter of 10,000 items has 50,000 references, nearly
// all known.
func (c *Context) unknownRefs() []ref {
	if c.refs != nil && sameSet(c.refs.only, c.Only) {
		return c.refs.unknown
	}
	var out []ref
	bad := func(k refKind, v string) bool {
		if v == "" {
			return false
		}
		known, m := c.known(k, v)
		return !known && m != nil // a free-text place (m nil) is not a reference
	}
	one := func(k refKind, f *record.File, v string, path ...any) {
		if bad(k, v) {
			out = append(out, ref{kind: k, file: f, path: append([]any(nil), path...), value: v})
		}
	}
	many := func(k refKind, f *record.File, vs []string, path ...any) {
		for i, v := range vs {
			if bad(k, v) {
				out = append(out, ref{kind: k, file: f, path: append(append([]any(nil), path...), i), value: v})
			}
		}
	}
	item := func(f *record.File, it *record.Item, i int) {
		for _, l := range []struct {
			k     refKind
			vs    []string
			field string
		}{{refBody, it.Bodies, "bodies"}, {refPerson, it.Chair, "chair"}, {refPerson, it.Attendees, "attendees"}} {
			for j, v := range l.vs {
				if bad(l.k, v) {
					out = append(out, ref{kind: l.k, file: f, path: []any{"items", i, l.field, j}, value: v})
				}
			}
		}
		if bad(refPlace, it.Place) {
			out = append(out, ref{kind: refPlace, file: f, path: []any{"items", i, "place"}, value: it.Place})
		}
		if bad(refLocality, it.Locality) {
			out = append(out, ref{kind: refLocality, file: f, path: []any{"items", i, "locality"}, value: it.Locality})
		}
	}
	for _, f := range c.Repo.Files {
		if !c.Wants(f.Path) {
			continue
		}
		switch v := f.Value.(type) {
		case *record.Settings:
			one(refOffice, f, v.Coordinator, "coordinator")
			many(refOffice, f, v.Host.Rotation, "host", "rotation")
		case *record.Offices:
			for i, o := range v.Offices {
				many(refBody, f, o.Serves, "offices", i, "serves")
			}
		case *record.People:
			for i, p := range v.People {
				for j, pos := range p.Positions {
					one(refBody, f, pos.Body, "people", i, "positions", j, "body")
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
					if bad(refLocality, to) {
						out = append(out, ref{refLocality, f, []any{"localities", i, "travel_to", to}, to, true})
					}
				}
			}
			for i, ve := range v.Venues {
				one(refLocality, f, ve.Locality, "venues", i, "locality")
			}
		case *record.Programme:
			one(refOffice, f, v.Office, "office")
			for i := range v.Items {
				item(f, &v.Items[i], i)
			}
		case *record.Consolidated:
			one(refOffice, f, v.Coordinator, "coordinator")
			for i := range v.Items {
				item(f, &v.Items[i].Item, i)
				many(refOffice, f, v.Items[i].Offices, "items", i, "offices")
			}
		case *record.Conclusion:
			one(refOffice, f, v.Office, "office")
			one(refPerson, f, v.Meeting.Chair, "meeting", "chair")
			many(refOwner, f, v.Recipients, "recipients")
			for i, t := range v.Tasks {
				one(refOwner, f, t.Owner, "tasks", i, "owner")
				for j, u := range t.Updates {
					one(refOwner, f, u.By, "tasks", i, "updates", j, "by")
				}
			}
		case *record.Document:
			one(refOwner, f, v.Issuer, "issuer")
			many(refOwner, f, v.Recipients, "recipients")
		case *record.Petition:
			one(refOffice, f, v.Office, "office")
			one(refLocality, f, v.Locality, "locality")
			for i, h := range v.History {
				one(refOffice, f, h.By, "history", i, "by")
				one(refOffice, f, h.To, "history", i, "to")
			}
		}
	}
	c.refs = &refsFound{only: c.Only, unknown: out}
	return out
}

// refsFound is what unknownRefs found, for the files Only named then.
type refsFound struct {
	only    map[string]bool
	unknown []ref
}

func sameSet(a, b map[string]bool) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// refCheck is the Check of a ref/* rule: unknown references of the kinds given, with a "did you mean".
func refCheck(kinds ...refKind) func(c *Context, out Out) {
	return func(c *Context, out Out) {
		want := map[refKind]bool{}
		for _, k := range kinds {
			want[k] = true
		}
		for _, r := range c.unknownRefs() {
			if !want[r.kind] {
				continue
			}
			_, m := c.known(r.kind, r.value)
			pos := r.file.Pos(r.path...)
			if r.isKey {
				pos = r.file.KeyPos(r.path...)
			}
			out.Emit(finding.Finding{Pos: pos,
				Msg: i18n.M("rule.ref.unknown", refWhat(r.kind), r.value, suggest(m, r.value))})
		}
	}
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
			return true, nil // free text, kept as text (docs/records.md#when)
		}
		return false, c.VenueM
	}
	return true, nil
}

// refWhat names what a reference points at, for the message.
func refWhat(k refKind) i18n.Msg { return i18n.M(refWhatKeys[k]) }

var refWhatKeys = [...]string{refOffice: "rule.ref.office", refBody: "rule.ref.body", refOwner: "rule.ref.owner",
	refPerson: "rule.ref.person", refPlace: "rule.ref.place", refLocality: "rule.ref.locality"}

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
