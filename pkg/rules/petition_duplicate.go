package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// petitionDuplicateRule: the same person sent the same matter to several offices — petitions with the same
// blind index and similar subjects received by at least two offices (petition.Duplicates: nothing is
// decrypted, CI has no key). Each petition of a group gets an info naming the others by id, office and date
// received, so every office sees that the matter is handled elsewhere too; the others are its related
// positions. Never a word of the identity: the index says only that it is the same person.
var _ = register(Rule{ID: "petition/duplicate", Across: AcrossBlindIndex, Severity: finding.Info,
	Keys:  []string{"rule.duplicate.petition", "rule.duplicate.other", "rule.duplicate.and"},
	Check: petitionDuplicate})

func petitionDuplicate(c *Context, out Out) {
	var all []petition.Entry
	files := map[string]*record.File{}
	for _, f := range c.Repo.Files {
		if p, ok := f.Value.(*record.Petition); ok && f.Kind == record.KindPetition {
			all = append(all, petition.Entry{Path: f.Path, P: p})
			files[f.Path] = f
		}
	}
	for _, g := range petition.Duplicates(all) {
		for _, e := range g {
			var others any
			var related []finding.Pos
			for _, o := range g {
				if o.Path == e.Path {
					continue
				}
				m := i18n.M("rule.duplicate.other", o.P.ID, c.OfficeName(o.P.Office), when.DateText(o.P.Received))
				if others == nil {
					others = m
				} else {
					others = i18n.M("rule.duplicate.and", others, m)
				}
				related = append(related, indexPos(files[o.Path]))
			}
			out.Emit(finding.Finding{Pos: indexPos(files[e.Path]), Subject: "petition:" + e.P.ID, Related: related,
				Msg: i18n.M("rule.duplicate.petition", others)})
		}
	}
}

// indexPos is where a petition's blind index is written (the file's first line when it cannot be found).
func indexPos(f *record.File) finding.Pos {
	pos := finding.Pos{File: f.Path, Line: 1, Column: 1}
	if n := record.ValueOf(f.Root, "petitioner_index"); n != nil {
		pos.Line, pos.Column = n.Line, n.Column
	}
	return pos
}
