// Package render owns the outputs of a consolidated programme: Markdown for review, a self-contained HTML
// calendar, iCalendar feeds, an XLSX sheet for clerks and a DOCX in the layout of a Party document. It
// renders what it is given (Input) and decides nothing: conflicts and adjustments come from the merge.
package render

import (
	"time"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// Input is everything a rendering needs.
type Input struct {
	Province    string                     // "Đồng Nai"
	Period      period.Period              // 2026-Q3
	Coordinator record.Office              // the office that consolidates and issues (VPTU)
	C           *record.Consolidated       // items (adjustments already decided), conflicts, status, decision
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
