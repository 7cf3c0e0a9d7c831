package consolidate

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/vntext"
)

// Statuses of a consolidated programme.
const (
	StatusDraft     = "draft"
	StatusSubmitted = "submitted"
	StatusApproved  = "approved"
	StatusIssued    = "issued"
)

// Ready checks that the consolidated programme of p can go to the Standing Committee or be issued: the
// programmes it was merged from have not changed since, they have no error of their own (an item naming a
// person or a venue the registry does not know would be published as it is), and no error conflict is left
// open. step is the command refused ("approve", "issue"): the messages name the step and say what to do.
func Ready(c *rules.Context, p period.Period, rec *record.Consolidated, step string) (*Result, error) {
	res := Consolidate(c, p, rec, rec.Adjustments)
	what := i18n.M("merge.step." + step)
	if f := changedSource(rec.Sources, res.C.Sources); f != "" {
		if Settled(rec) {
			return nil, i18n.Refusef("merge.ready.stale_approved", what, f)
		}
		return nil, i18n.Refusef("merge.ready.stale", what, f)
	}
	if errs := res.InputErrors(); len(errs) > 0 {
		return nil, &finding.Blocked{Err: inputRefusal(p, rec, step, errs), Findings: errs}
	}
	if open := res.OpenErrors(); len(open) > 0 {
		fs := make([]finding.Finding, len(open))
		for i, sf := range open {
			fs[i] = sf.Finding
		}
		return nil, &finding.Blocked{Err: i18n.Refusef("merge.ready.conflicts", what, len(open)), Findings: fs}
	}
	return res, nil
}

// Settled reports whether the record is approved or issued: merging it again takes --force and sends it back
// to a draft, to be approved again.
func Settled(rec *record.Consolidated) bool {
	return rec.Status == StatusApproved || rec.Status == StatusIssued
}

// inputRefusal refuses step over the errors the sources have of their own, saying what to do. Errors only in
// the registry or coord.yaml are mended there, with no merge (the programmes are as merged). Errors in the
// period's programmes: a draft's are mended in the programme and merged again, or in the registry when it is
// the registry that lacks or renamed what they name; an approved (or issued) programme's sources are as they
// were when it was approved — the approval found no error in them — so the registry or coord.yaml changed
// since, and mending a programme instead takes a merge with --force, back to a draft.
func inputRefusal(p period.Period, rec *record.Consolidated, step string, errs []finding.Finding) error {
	what, command := i18n.M("merge.step."+step), "coord "+step
	folder := programmeFolder(p)
	inProgrammes := slices.ContainsFunc(errs, func(f finding.Finding) bool { return strings.HasPrefix(f.File, folder) })
	switch {
	case !inProgrammes:
		return i18n.Refusef("merge.ready.inputs_registry", what, len(errs), command)
	case Settled(rec):
		return i18n.Refusef("merge.ready.inputs_approved", what, len(errs), command)
	}
	return i18n.Refusef("merge.ready.inputs", what, len(errs), command)
}

// changedSource returns the first source that differs between the record and the programmes now ("" when
// none).
func changedSource(recorded, now []record.Source) string {
	was := map[string]string{}
	for _, s := range recorded {
		was[s.File] = s.Hash
	}
	for _, s := range now {
		if h, ok := was[s.File]; !ok || h != s.Hash {
			return s.File
		}
		delete(was, s.File)
	}
	for _, s := range recorded {
		if _, gone := was[s.File]; gone {
			return s.File
		}
	}
	return ""
}

// Approve records the decision on a draft: the deciding body (by, else coord.yaml's issue.approved_by, else
// the coordinator), the date (the as-of day) and, when given, the Standing Committee's notice that carries it
// (a document number). The record is changed in place.
func Approve(c *rules.Context, p period.Period, rec *record.Consolidated, by, notice string) error {
	if rec.Status != StatusDraft && rec.Status != StatusSubmitted {
		return i18n.Refusef("merge.approve.status", p.Label(i18n.VI), i18n.M("merge.status."+rec.Status))
	}
	d := &record.Decision{Date: c.Now.Format("2006-01-02"), By: strings.TrimSpace(by)}
	if notice = strings.TrimSpace(notice); notice != "" {
		n, err := docnum.Parse(notice)
		if err != nil {
			return i18n.Usagef("merge.approve.number", notice, err)
		}
		d.Number = n.String()
	}
	if d.By == "" {
		d.By = c.Repo.Settings.Issue.ApprovedBy
	}
	if d.By == "" {
		d.By = c.Repo.Settings.Coordinator
	}
	if _, ok := c.Bodies[d.By]; !ok {
		if _, ok := c.Offices[d.By]; !ok {
			return i18n.Usagef("merge.approve.by", d.By)
		}
	}
	if _, err := Ready(c, p, rec, "approve"); err != nil {
		return err
	}
	rec.Status, rec.Decision = StatusApproved, d
	return nil
}

// Issuance is what `coord issue` writes besides the outputs: the record, issued, and the programme's entry in
// the document register.
type Issuance struct {
	Record       *record.Consolidated
	Register     *record.Document
	RegisterPath string // documents/<year>/<coordinator>/<number>.yaml
	RegisterData []byte // the entry as written
}

// Issue issues an approved programme (an issued one again with force) under its own number — "12-CTr/TU", or
// only "12" with coord.yaml's issue.series — signed by signer (a person id; else issue.signer). The number
// must be a Party programme number (type CTr) not used by another document of its series (doc/number, over
// the register loaded in c: load the documents of the issue year and the five before), and the programme is
// entered in the register under it. The record is changed in place.
func Issue(c *rules.Context, p period.Period, rec *record.Consolidated, number, signer string, force bool) (*Issuance, error) {
	if !(rec.Status == StatusApproved || (rec.Status == StatusIssued && force)) {
		return nil, i18n.Refusef("merge.issue.status", p.Label(i18n.VI), i18n.M("merge.status."+rec.Status))
	}
	set := c.Repo.Settings.Issue
	number = strings.TrimSpace(number)
	if number == "" {
		number = rec.Number
	}
	if number == "" {
		return nil, i18n.Usagef("merge.issue.need_number", cmpOr(set.Series, "CTr/TU"))
	}
	if _, err := strconv.Atoi(number); err == nil {
		number += "-" + cmpOr(set.Series, "CTr/TU")
	}
	n, err := docnum.Parse(number)
	if err != nil {
		return nil, i18n.Usagef("merge.issue.bad_number", number, err)
	}
	if !n.TypeMatches("CTr") {
		return nil, i18n.Usagef("merge.issue.not_ctr", number)
	}
	signer = strings.TrimSpace(signer)
	if signer == "" {
		signer = set.Signer
	}
	if signer == "" {
		return nil, i18n.Usagef("merge.issue.need_signer")
	}
	if _, ok := c.People[signer]; !ok {
		id, found := c.FindPerson(signer)
		if !found {
			return nil, i18n.Usagef("merge.issue.bad_signer", signer, c.PersonHint(signer))
		}
		signer = id
	}
	if _, err := Ready(c, p, rec, "issue"); err != nil {
		return nil, err
	}

	date := c.Now.Format("2006-01-02")
	coord := c.Repo.Settings.Coordinator
	doc := &record.Document{Kind: record.KindDocument, Number: n.String(), Type: "CTr", Date: date, Issuer: coord,
		Summary: Summary(p)}
	for _, o := range c.Repo.Offices.Offices {
		if o.Code != coord && !slices.Contains(doc.Recipients, o.Code) {
			doc.Recipients = append(doc.Recipients, o.Code)
		}
	}
	folder := path.Join("documents", date[:4], coord) + "/"
	rel := folder + docnum.FileName(n.String()) + ".yaml"
	// The programme's own entry — written by an earlier issue, or entered by a clerk under this number for this
	// programme — keeps its file; any other document under the number is a reuse that doc/number refuses.
	for _, f := range c.Repo.Files {
		d, ok := f.Value.(*record.Document)
		if !ok || !strings.HasPrefix(f.Path, folder) || d.Number != doc.Number || d.Type != "CTr" {
			continue
		}
		if rec.Number == doc.Number || strings.HasPrefix(vntext.Key(d.Summary), vntext.Key(doc.Summary)) {
			rel = f.Path
			break
		}
	}
	data, err := record.EncodeValue(doc, record.KindDocument, rel)
	if err != nil {
		return nil, err
	}
	v, err := record.NewValidator()
	if err != nil {
		return nil, err
	}
	if errs := c.NumberProblems(record.Decode(rel, data, v)); len(errs) > 0 {
		return nil, &finding.Blocked{Err: i18n.Refusef("merge.issue.number_used", n.String()), Findings: errs}
	}
	rec.Status, rec.Issued, rec.Number, rec.Signer = StatusIssued, date, n.String(), signer
	return &Issuance{Record: rec, Register: doc, RegisterPath: rel, RegisterData: data}, nil
}

// Summary is the programme's summary line (trích yếu) in Vietnamese: "Chương trình công tác quý III năm 2026".
func Summary(p period.Period) string {
	return i18n.M("merge.issue.summary", lowerFirst(p.Label(i18n.VI))).Render(i18n.VI)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
