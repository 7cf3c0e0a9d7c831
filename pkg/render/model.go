// Package render owns the outputs of a consolidated programme: Markdown for review, a self-contained HTML
// calendar, iCalendar feeds, an XLSX sheet for clerks and a DOCX in the layout of a Party document. It
// renders what it is given (Input) and decides nothing: conflicts and adjustments come from the merge.
package render

import (
	"slices"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/when"
)

// Input is everything a rendering needs.
type Input struct {
	Province    string                     // "Đồng Nai"
	Period      period.Period              // 2026-Q3
	Coordinator record.Office              // the office that consolidates and issues (VPTU)
	Prog        *consolidate.Programme     // the effective programme: items as they now stand, conflicts, status
	Offices     map[string]record.Office   // by code
	Bodies      map[string]record.Body     // by code
	People      map[string]record.Person   // by id
	Venues      map[string]record.Venue    // by id
	Localities  map[string]record.Locality // by id
	Sessions    when.Policy                // to read each item's `when` (Sessions.Loc is the repo's timezone)
	Lang        i18n.Lang                  // labels' language (documents are Vietnamese whatever the flag)
	Generated   time.Time                  // the as-of instant, printed in footers (never time.Now)
	Issuer      string                     // optional: the issuing body in the DOCX header ("TỈNH ỦY" when empty)
	Sign        Signing                    // the issued document's own number, signer and recipients (DOCX)
	OfficeOrder []string                   // office codes in registry order (who is notified first)
}

// Signing is what makes the DOCX a document a clerk can sign (Guidance 36-HD/VPTW): the programme's own number
// and the signature block. Empty fields are left blank for the clerk to fill in by hand (a draft).
type Signing struct {
	Number      string   // the programme's own number, "12-CTr/TU" (never the approval decision's number)
	Issuer      string   // the issuing body as its header names it, "TỈNH ỦY ĐỒNG NAI" ("" → from the province)
	OnBehalf    string   // the "T/M …" line, "T/M BAN THƯỜNG VỤ" ("" → no such line)
	SignerTitle string   // the signer's position in the signature block, "PHÓ BÍ THƯ THƯỜNG TRỰC"
	SignerName  string   // the signer's name, "Nguyễn Văn An"
	Recipients  []string // the "Nơi nhận" lines, without the leading dash ("" → the offices of the programme)
	Archive     string   // the office that keeps the file copy, "Văn phòng Tỉnh ủy" ("" → the coordinator)
}

// NewInput is the input of the renderings of a consolidated programme: its effective programme and the
// registry and policy of c. Documents follow the repo's province and coordinating office.
func NewInput(c *rules.Context, prog *consolidate.Programme, lang i18n.Lang) Input {
	in := Input{Province: c.Repo.Settings.Province, Period: prog.Period, Prog: prog,
		Offices: map[string]record.Office{}, Bodies: map[string]record.Body{}, People: map[string]record.Person{},
		Venues: map[string]record.Venue{}, Localities: map[string]record.Locality{},
		Sessions: c.Policy.Sessions, Lang: lang, Generated: c.Now}
	for k, v := range c.Offices {
		in.Offices[k] = *v
	}
	for k, v := range c.Bodies {
		in.Bodies[k] = *v
	}
	for k, v := range c.People {
		in.People[k] = *v
	}
	for k, v := range c.Venues {
		in.Venues[k] = *v
	}
	for k, v := range c.Locals {
		in.Localities[k] = *v
	}
	if o, ok := c.Offices[c.Repo.Settings.Coordinator]; ok {
		in.Coordinator = *o
	} else {
		in.Coordinator = record.Office{Code: c.Repo.Settings.Coordinator}
	}
	in.Sign = signing(c, prog.Record)
	for _, o := range c.Repo.Offices.Offices {
		in.OfficeOrder = append(in.OfficeOrder, o.Code)
	}
	return in
}

// signing is the signature block of an issued programme: its own number and signer from the record, the
// signer's name and position from the registry, the issuer, the "T/M" line and the recipients from
// coord.yaml. A draft has neither number nor signer: those lines stay blank.
func signing(c *rules.Context, rec *record.Consolidated) Signing {
	set := c.Repo.Settings.Issue
	s := Signing{Issuer: set.Issuer, OnBehalf: set.OnBehalf, Recipients: set.Recipients}
	if rec == nil {
		return s
	}
	s.Number = rec.Number
	if p, ok := c.People[rec.Signer]; ok {
		s.SignerName = p.Name
		s.SignerTitle = signerTitle(c, p)
	}
	return s
}

// signerTitle is the position a person signs under: the one held in a body the coordinating office serves
// (the Standing Committee's, for the Party committee's office), else the first; in capitals, without the
// body's name already given by the "T/M" line ("Phó Bí thư Thường trực Tỉnh ủy" → "PHÓ BÍ THƯ THƯỜNG TRỰC").
func signerTitle(c *rules.Context, p *record.Person) string {
	if len(p.Positions) == 0 {
		return ""
	}
	pos := p.Positions[0]
	if o := c.Offices[c.Repo.Settings.Coordinator]; o != nil {
		for _, q := range p.Positions {
			if slices.Contains(o.Serves, q.Body) {
				pos = q
				break
			}
		}
	}
	t := strings.TrimSpace(pos.Title)
	for _, suffix := range []string{" Tỉnh ủy", " tỉnh ủy", " Tỉnh uỷ"} {
		t = strings.TrimSuffix(t, suffix)
	}
	return strings.ToUpper(t)
}
