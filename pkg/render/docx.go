package render

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/when"
)

// DOCX writes the programme as a Party document that a clerk can sign: a programme (CTr) issued by a provincial
// Party committee, laid out after Guidance 36-HD/VPTW of 3 April 2018 of the Party Central Office ("Hướng dẫn thể
// thức và kỹ thuật trình bày văn bản của Đảng", HD36 below). Element by element (section II.1 of HD36 and the
// table of its Appendix 3, "Mẫu trình bày thể thức văn bản"):
//
//   - Tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM" (HD36 1.1): top right, first line, capitals, 15 pt, upright bold, with a
//     solid line below it as long as the words (a single underline of the run).
//   - Tên cơ quan ban hành (HD36 1.2, Appendix 3 row 2): top left, the issuing committee's exact name in
//     capitals, 14 pt bold — "TỈNH ỦY ĐỒNG NAI" — with "*" centred below it. The upper-level line (14 pt, not
//     bold, above the issuer) is for a body under a local Party organisation (Appendix 3's example is
//     "ĐẢNG BỘ TỈNH THÁI NGUYÊN" above "HUYỆN UỶ ĐỊNH HOÁ"); a provincial committee answers directly to the
//     Central Committee, whose name is not printed above it, so the header has no "ĐẢNG BỘ TỈNH …" line.
//   - Số và ký hiệu (HD36 1.3, Appendix 3 row 3): under the "*", "Số 12-CTr/TU" (number, hyphen, CTr for a
//     programme, /TU for the Tỉnh ủy; no colon after "Số"), 14 pt upright. Only Signing.Number is printed; the
//     approval decision's number is another document's number and never appears here. Without a number the
//     line is left for the clerk to fill: "Số      -CTr/TU".
//   - Địa danh, ngày tháng năm (HD36 1.4, Appendix 3 row 4): under the title line on the right, 14 pt italic,
//     "Đồng Nai, ngày 29 tháng 6 năm 2026"; days below 10 and months 1 and 2 take a leading zero.
//   - Tên loại và trích yếu (HD36 1.5, Appendix 3 row 5): centred below the header, the type "CHƯƠNG TRÌNH" in
//     capitals 16 pt bold, then the summary in lower case 14 pt bold, then a short line "-----". The summary
//     names the author when the T/M line names a committee ("công tác quý III năm 2026 của Ban Thường vụ Tỉnh
//     ủy"), as provincial committees' programmes do; this is practice, not a rule found in HD36's text (its
//     Appendix 3 example, "về quy hoạch cán bộ lãnh đạo, quản lý", names none).
//   - Nội dung (HD36 1.6): the items by month and week in tables (Thời gian | Nội dung | Chủ trì | Địa điểm |
//     Cơ quan chuẩn bị), 13 pt in the tables.
//   - Quyền hạn, chức vụ, họ tên, chữ ký (HD36 1.7): bottom right, centred: "T/M BAN THƯỜNG VỤ" (a committee's
//     document is signed on its behalf, T/M) in capitals bold, the signer's position in capitals bold, room
//     for the signature and the seal (HD36 1.8), then the signer's name in bold, as written (not capitals).
//     Empty fields leave their line blank for the clerk (a draft).
//   - Nơi nhận (HD36 1.9): bottom left, "Nơi nhận:" (12 pt, bold italic underlined), then one recipient a
//     line, each "- name," and the last "- Lưu <office>.".
//   - Page (HD36 section III): A4 portrait, Times New Roman (Unicode, TCVN 6909:2001), margins top 20 mm,
//     bottom 20 mm, left 30 mm, right 15 mm; page numbers at the top centre from page 2.
//
// Sources read: thuvienphapluat.vn's answers quoting HD36 1.1, 1.2, 1.7 and Appendix 3 (…/hoi-dap-phap-luat/
// 40E51-…, 40E57-…, 40E6A-…, 40E84-hd-mau-trinh-bay-the-thuc-van-ban-va-ban-sao-van-ban-cua-dang.html), the
// layout diagram annexed to HD36 as a provincial Party handbook gives it (stdt.danguykhoibinhthuan.vn, "Sơ đồ
// bố trí các thành phần thể thức văn bản của Đảng"), HD36's own header (docplayer.vn/146735479) and Vinh
// University's summary of HD36 (vpdangdoan.vinhuni.edu.vn). Not found in a quotable text of HD36, kept as
// they were: the margins (those above are also what third-party summaries of HD36 give) and the position
// line in bold.
//
// The document shows the programme as it will be issued: items the coordinator left out are absent, moved
// items stand at their new time, and review marks (conflicts, "đã dời từ") are not printed — they belong to
// the Markdown and HTML renderings. The parts are written directly (OOXML in a zip, text/template with
// escaping), with fixed timestamps so that the same input gives the same bytes. The text is always Vietnamese.
func DOCX(w io.Writer, in Input) error {
	in.Lang = i18n.VI
	p := newProgramme(in)
	d := p.docxDocument()

	stamp := in.Generated.UTC()
	if stamp.Year() < 1980 {
		stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	z := zip.NewWriter(w)
	for _, part := range docxParts {
		h := &zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: stamp}
		fw, err := z.CreateHeader(h)
		if err != nil {
			return err
		}
		if err := docxTemplates.ExecuteTemplate(fw, part.tmpl, d); err != nil {
			return err
		}
	}
	return z.Close()
}

// The page: A4 in twentieths of a point, margins in millimetres converted (1 mm = 56.7 twips).
const (
	docxPageW     = 11906
	docxPageH     = 16838
	docxTop       = 1134 // 20 mm
	docxBottom    = 1134 // 20 mm
	docxLeft      = 1701 // 30 mm
	docxRight     = 850  // 15 mm
	docxText      = docxPageW - docxLeft - docxRight
	docxBodySize  = 28 // 14 pt, in half-points
	docxCellSize  = 26 // 13 pt
	docxNoteSize  = 24 // 12 pt
	docxPartySize = 30 // 15 pt: "ĐẢNG CỘNG SẢN VIỆT NAM" (HD36 Appendix 3)
	docxTypeSize  = 32 // 16 pt: the type of document, "CHƯƠNG TRÌNH"
)

// docxWidths are the columns of the programme tables; they add up to the text width.
var docxWidths = []int{1500, 3350, 1400, 1500, docxText - 1500 - 3350 - 1400 - 1500}

type docxRun struct {
	Text                    string
	Bold, Italic, Underline bool
	Size                    int // half-points; 0 is the default 14 pt
}

type docxPara struct {
	Runs          []docxRun
	Align         string // left | center | right | both
	Before, After int    // spacing in twips
	KeepNext      bool
	Line          int // line spacing in 240ths; 0 is single
}

type docxCell struct {
	Width int
	Span  int
	Paras []docxPara
	Fill  string
}

type docxRow struct {
	Header bool
	Cells  []docxCell
}

type docxTable struct {
	Width   int
	Widths  []int
	Borders bool
	Rows    []docxRow
}

type docxBlock struct {
	Para  *docxPara
	Table *docxTable
}

type docxData struct {
	Title, Created string
	Blocks         []docxBlock
	Page           struct{ W, H, Top, Bottom, Left, Right int }
}

func newPara(align string, runs ...docxRun) docxPara { return docxPara{Align: align, Runs: runs} }

func textRun(s string) docxRun { return docxRun{Text: s} }

func boldRun(s string) docxRun { return docxRun{Text: s, Bold: true} }

// docxDocument lays the document out.
func (p *programme) docxDocument() docxData {
	d := docxData{Title: p.title()}
	d.Created = p.in.Generated.UTC().Format("2006-01-02T15:04:05Z")
	d.Page.W, d.Page.H, d.Page.Top, d.Page.Bottom, d.Page.Left, d.Page.Right = docxPageW, docxPageH, docxTop, docxBottom, docxLeft, docxRight
	add := func(pp docxPara) { d.Blocks = append(d.Blocks, docxBlock{Para: &pp}) }
	addTable := func(t docxTable) { t.Width = docxText; d.Blocks = append(d.Blocks, docxBlock{Table: &t}) }

	// Header (HD36 1.1-1.4): the issuer, "*" and the number on the left; the Party's name and the place-date
	// line on the right. Three rows so that the number and the date share a line.
	leftW := 4100
	rightW := docxText - leftW
	row := func(left, right docxPara) docxRow {
		return docxRow{Cells: []docxCell{{Width: leftW, Paras: []docxPara{left}}, {Width: rightW, Paras: []docxPara{right}}}}
	}
	date := newPara("center", docxRun{Text: p.placeDate(), Italic: true})
	addTable(docxTable{Widths: []int{leftW, rightW}, Rows: []docxRow{
		row(newPara("center", boldRun(p.docxIssuer())),
			newPara("center", docxRun{Text: vi("render.docx.party"), Bold: true, Underline: true, Size: docxPartySize})),
		row(newPara("center", textRun("*")), newPara("center")),
		row(newPara("center", textRun(p.docxNumber())), date),
	}})

	// The type of document and its summary (HD36 1.5), then a short line.
	t := newPara("center", docxRun{Text: vi("render.docx.type"), Bold: true, Size: docxTypeSize})
	t.Before = 480
	add(t)
	add(newPara("center", boldRun(p.docxSummary())))
	add(newPara("center", textRun("-----")))

	// Items, by month, then by week.
	var month time.Time
	var table *docxTable
	var week string
	flush := func() {
		if table != nil {
			addTable(*table)
			table = nil
		}
	}
	for _, e := range p.entries {
		a := p.anchor(e)
		if m := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, p.loc); !m.Equal(month) || table == nil {
			flush()
			month, week = m, ""
			h := newPara("left", boldRun(vi("render.docx.month", int(m.Month()))))
			h.Before, h.After, h.KeepNext = 240, 120, true
			add(h)
			table = p.docxTableHead()
		}
		if e.span.Form != when.FormMonth {
			y, n := a.ISOWeek()
			if k := strconv.Itoa(y) + "-" + strconv.Itoa(n); k != week {
				week = k
				mon := a.AddDate(0, 0, 1-isoWeekday(a))
				sun := mon.AddDate(0, 0, 6)
				label := p.msg("render.week_range", n, p.dayMonth(mon), p.dayMonth(sun))
				table.Rows = append(table.Rows, docxRow{Cells: []docxCell{{Width: docxText, Span: len(docxWidths), Fill: "F2F2F2",
					Paras: []docxPara{{KeepNext: true, Runs: []docxRun{{Text: label, Bold: true, Italic: true, Size: docxCellSize}}}}}}})
			}
		}
		table.Rows = append(table.Rows, p.docxItemRow(e))
	}
	flush()
	if len(p.undated) > 0 {
		h := newPara("left", boldRun(strings.ToUpper(vi("render.section.undated"))))
		h.Before, h.After, h.KeepNext = 240, 120, true
		add(h)
		tb := p.docxTableHead()
		for _, e := range p.undated {
			tb.Rows = append(tb.Rows, p.docxItemRow(e))
		}
		addTable(*tb)
	}

	// Recipients on the left (HD36 1.9), the signature block on the right (HD36 1.7, 1.8).
	gap := newPara("left")
	gap.Before = 240
	add(gap)
	half := docxText / 2
	addTable(docxTable{Widths: []int{half, docxText - half}, Rows: []docxRow{{Cells: []docxCell{
		{Width: half, Paras: p.docxRecipients()}, {Width: docxText - half, Paras: p.docxSignature()}}}}})
	return d
}

// docxIssuer is the issuing committee's name in capitals: Signing.Issuer, else Input.Issuer, else "TỈNH ỦY"
// and the province.
func (p *programme) docxIssuer() string {
	s := strings.TrimSpace(p.in.Sign.Issuer)
	if s == "" {
		s = strings.TrimSpace(p.in.Issuer)
	}
	if s == "" {
		s = strings.TrimSpace(vi("render.docx.issuer", p.in.Province))
	}
	return strings.ToUpper(s)
}

// docxNumber is "Số 12-CTr/TU" from Signing.Number ("Số" written by the caller is not doubled), or the line
// left for the clerk. The approval decision's number is never used: it numbers another document.
func (p *programme) docxNumber() string {
	n := strings.TrimSpace(p.in.Sign.Number)
	for _, prefix := range []string{"Số:", "Số", "số:", "số"} {
		if rest, ok := strings.CutPrefix(n, prefix); ok {
			n = strings.TrimSpace(rest)
			break
		}
	}
	if n == "" {
		return vi("render.docx.number_blank")
	}
	return vi("render.docx.number", n)
}

// docxSummary is the summary under "CHƯƠNG TRÌNH": "công tác quý III năm 2026", followed by the author when
// the T/M line names a committee ("… của Ban Thường vụ Tỉnh ủy").
func (p *programme) docxSummary() string {
	label := lowerFirst(p.in.Period.Label(i18n.VI))
	if key := docxAuthor(p.in.Sign.OnBehalf); key != "" {
		return vi("render.docx.summary_by", label, vi(key))
	}
	return vi("render.docx.summary", label)
}

// docxAuthor is the catalog key of the committee a "T/M …" line signs for, or "" when it names another body.
func docxAuthor(onBehalf string) string {
	s := strings.Join(strings.Fields(strings.ToUpper(onBehalf)), " ")
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "T/M"), "."))
	switch s {
	case "BAN THƯỜNG VỤ", "BAN THƯỜNG VỤ TỈNH ỦY", "BAN THƯỜNG VỤ TỈNH UỶ":
		return "render.docx.author.standing"
	case "BAN CHẤP HÀNH", "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH":
		return "render.docx.author.executive"
	case "TỈNH ỦY", "TỈNH UỶ":
		return "render.docx.author.committee"
	}
	return ""
}

// lowerFirst lower-cases the first letter: "Quý III năm 2026" → "quý III năm 2026".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// docxSignature is the signature block: the T/M line and the position in bold capitals, room for the signature
// and the seal, the name in bold. A field left empty leaves its line blank; an empty T/M line is dropped when
// the position is given (a signer who signs in their own name).
func (p *programme) docxSignature() []docxPara {
	sg := p.in.Sign
	line := func(s string) docxPara { return newPara("center", boldRun(strings.TrimSpace(s))) }
	var out []docxPara
	if strings.TrimSpace(sg.OnBehalf) != "" || strings.TrimSpace(sg.SignerTitle) == "" {
		out = append(out, line(strings.ToUpper(sg.OnBehalf)))
	}
	out = append(out, line(strings.ToUpper(sg.SignerTitle)))
	for range 4 { // the signature and the seal
		out = append(out, newPara("center"))
	}
	return append(out, line(sg.SignerName))
}

// docxRecipients is "Nơi nhận:" and one line per recipient, the last being the file copy: Signing.Recipients,
// else the offices of the programme other than the coordinator; the archive is Signing.Archive, else the
// coordinator.
func (p *programme) docxRecipients() []docxPara {
	note := func(s string) docxPara { return docxPara{Runs: []docxRun{{Text: s, Size: docxNoteSize}}} }
	out := []docxPara{{Runs: []docxRun{{Text: vi("render.docx.recipients"), Bold: true, Italic: true, Underline: true, Size: docxNoteSize}}}}
	var names []string
	for _, r := range p.in.Sign.Recipients {
		if r = strings.TrimSpace(r); r != "" {
			names = append(names, r)
		}
	}
	coord := p.in.Coordinator.Code
	if len(names) == 0 {
		for _, o := range p.offices {
			if _, ok := p.in.Offices[o]; ok && o != coord {
				names = append(names, p.officeName(o))
			}
		}
	}
	for _, n := range names {
		out = append(out, note("- "+strings.TrimRight(n, ",;.")+","))
	}
	keep := strings.TrimSpace(p.in.Sign.Archive)
	if keep == "" {
		keep = p.in.Coordinator.Name
	}
	if keep == "" {
		keep = p.officeName(coord)
	}
	if keep != "" {
		out = append(out, note("- "+vi("render.docx.archive", keep)))
	}
	return out
}

// placeDate is "Đồng Nai, ngày 25 tháng 6 năm 2026" (PlaceDate): the issue date, else the decision's date,
// else the as-of day.
func (p *programme) placeDate() string {
	day := p.in.Generated.In(p.loc)
	if c := p.record(); c != nil {
		for _, s := range []string{c.Issued, func() string {
			if c.Decision != nil {
				return c.Decision.Date
			}
			return ""
		}()} {
			if t, err := time.Parse(time.DateOnly, s); err == nil {
				day = t
				break
			}
		}
	}
	return PlaceDate(p.in.Province, day).Render(i18n.VI)
}

// PlaceDate is the place and date line of a document, "Đồng Nai, ngày 05 tháng 02 năm 2026": days below 10
// and the months January and February take a leading zero (Decree 30/2020, as the Party's guidance does).
func PlaceDate(province string, day time.Time) i18n.Msg {
	dd := strconv.Itoa(day.Day())
	if day.Day() < 10 {
		dd = "0" + dd
	}
	mm := strconv.Itoa(int(day.Month()))
	if day.Month() < 3 {
		mm = "0" + mm
	}
	return i18n.M("render.docx.place_date", province, dd, mm, day.Year())
}

func (p *programme) docxTableHead() *docxTable {
	keys := []string{"render.col.time", "render.col.content", "render.col.chair", "render.col.place", "render.col.prepare"}
	r := docxRow{Header: true}
	for i, k := range keys {
		r.Cells = append(r.Cells, docxCell{Width: docxWidths[i], Paras: []docxPara{{Align: "center",
			Runs: []docxRun{{Text: vi(k), Bold: true, Size: docxCellSize}}}}})
	}
	return &docxTable{Widths: docxWidths, Borders: true, Rows: []docxRow{r}}
}

func (p *programme) docxItemRow(e *entry) docxRow {
	cell := func(i int, lines ...string) docxCell {
		c := docxCell{Width: docxWidths[i]}
		for _, l := range lines {
			c.Paras = append(c.Paras, docxPara{Runs: []docxRun{{Text: l, Size: docxCellSize}}})
		}
		if len(c.Paras) == 0 {
			c.Paras = []docxPara{{}}
		}
		return c
	}
	var when1, when2 string
	if e.dated {
		when1, when2 = p.dayText(e.span), p.timeText(e.span)
		switch e.span.Form {
		case when.FormMonth, when.FormWeek:
			when1, when2 = p.timeText(e.span), ""
		case when.FormSpan:
			when1 = p.timeText(e.span)
			when2 = ""
		}
	} else {
		when1 = e.item.When
	}
	title := e.item.Title
	if e.item.Tentative || (e.dated && e.span.Coarse()) {
		title += " (" + p.msg("render.tentative") + ")"
	}
	tc := cell(0)
	tc.Paras = []docxPara{{Runs: []docxRun{{Text: when1, Bold: true, Size: docxCellSize}}}}
	if when2 != "" {
		tc.Paras = append(tc.Paras, docxPara{Runs: []docxRun{{Text: when2, Size: docxCellSize}}})
	}
	var offices []string
	for _, o := range e.item.Offices {
		offices = append(offices, p.officeName(o))
	}
	var chair []string
	for _, c := range e.item.Chair {
		chair = append(chair, p.personName(c))
	}
	place := p.placeName(e.item.Place)
	return docxRow{Cells: []docxCell{tc, cell(1, title), cell(2, chair...), cell(3, place), cell(4, offices...)}}
}

// docxParts are the package's parts, in the order written.
var docxParts = []struct{ name, tmpl string }{
	{"[Content_Types].xml", "types"},
	{"_rels/.rels", "rels"},
	{"docProps/core.xml", "core"},
	{"docProps/app.xml", "app"},
	{"word/_rels/document.xml.rels", "docrels"},
	{"word/document.xml", "document"},
	{"word/styles.xml", "styles"},
	{"word/settings.xml", "settings"},
	{"word/header1.xml", "header"},
}

// xmlText escapes text for an XML element or attribute; characters XML 1.0 cannot hold become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

var docxTemplates = template.Must(template.New("docx").Funcs(template.FuncMap{"x": xmlText}).Parse(`
{{- define "types"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
{{end}}

{{- define "rels"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
{{end}}

{{- define "core"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{{x .Title}}</dc:title>
<dc:creator>coord</dc:creator>
<dc:language>vi-VN</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">{{.Created}}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{{.Created}}</dcterms:modified>
</cp:coreProperties>
{{end}}

{{- define "app"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>coord</Application></Properties>
{{end}}

{{- define "docrels"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>
{{end}}

{{- define "styles"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
</w:styles>
{{end}}

{{- define "settings"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="720"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>
{{end}}

{{- define "header"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
</w:hdr>
{{end}}

{{- define "run"}}<w:r>{{if or .Bold .Italic .Underline .Size}}<w:rPr>{{if .Bold}}<w:b/><w:bCs/>{{end}}{{if .Italic}}<w:i/><w:iCs/>{{end}}{{if .Size}}<w:sz w:val="{{.Size}}"/><w:szCs w:val="{{.Size}}"/>{{end}}{{if .Underline}}<w:u w:val="single"/>{{end}}</w:rPr>{{end}}<w:t xml:space="preserve">{{x .Text}}</w:t></w:r>{{end}}

{{- define "para"}}<w:p>{{if or .Align .Before .After .KeepNext}}<w:pPr>{{if .KeepNext}}<w:keepNext/>{{end}}{{if or .Before .After}}<w:spacing w:before="{{.Before}}" w:after="{{.After}}"/>{{end}}{{if .Align}}<w:jc w:val="{{.Align}}"/>{{end}}</w:pPr>{{end}}{{range .Runs}}{{template "run" .}}{{end}}</w:p>
{{end}}

{{- define "table"}}<w:tbl>
<w:tblPr><w:tblW w:w="{{.Width}}" w:type="dxa"/>
{{- if .Borders}}<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>
{{- else}}<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>{{end}}
<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>
<w:tblGrid>{{range .Widths}}<w:gridCol w:w="{{.}}"/>{{end}}</w:tblGrid>
{{- range .Rows}}
<w:tr><w:trPr><w:cantSplit/>{{if .Header}}<w:tblHeader/>{{end}}</w:trPr>
{{- range .Cells}}<w:tc><w:tcPr><w:tcW w:w="{{.Width}}" w:type="dxa"/>{{if .Span}}<w:gridSpan w:val="{{.Span}}"/>{{end}}{{if .Fill}}<w:shd w:val="clear" w:color="auto" w:fill="{{.Fill}}"/>{{end}}</w:tcPr>
{{range .Paras}}{{template "para" .}}{{end}}</w:tc>{{end}}</w:tr>
{{- end}}
</w:tbl>
{{end}}

{{- define "document"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:body>
{{- range .Blocks}}
{{if .Para}}{{template "para" .Para}}{{else}}{{template "table" .Table}}{{end}}
{{- end}}
<w:p/>
<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:pgSz w:w="{{.Page.W}}" w:h="{{.Page.H}}"/><w:pgMar w:top="{{.Page.Top}}" w:right="{{.Page.Right}}" w:bottom="{{.Page.Bottom}}" w:left="{{.Page.Left}}" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>
</w:body>
</w:document>
{{end}}`))
