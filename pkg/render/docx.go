package render

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/when"
)

// DOCX writes the programme as a Word document in the layout of a Party document (Guidance 36-HD/VPTW):
// the header table (the Party organisation and the issuing body on the left with the number, "ĐẢNG CỘNG SẢN
// VIỆT NAM" underlined on the right, the place-date line below it in italics), the title in bold capitals,
// the items by month and week in a table (Thời gian | Nội dung | Chủ trì | Địa điểm | Cơ quan chuẩn bị), the
// signature block with an empty name line for the signer, and the recipients. A4 portrait, Times New Roman
// 14 pt (13 pt in the tables), margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; page numbers at the
// top centre from page 2. The text is always Vietnamese.
//
// The document shows the programme as it will be issued: items the coordinator left out are absent, moved
// items stand at their new time, and review marks (conflicts, "đã dời từ") are not printed — they belong to
// the Markdown and HTML renderings. The parts are written directly (OOXML in a zip, text/template with
// escaping), with fixed timestamps so that the same input gives the same bytes.
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
	docxPageW    = 11906
	docxPageH    = 16838
	docxTop      = 1134 // 20 mm
	docxBottom   = 1134 // 20 mm
	docxLeft     = 1701 // 30 mm
	docxRight    = 850  // 15 mm
	docxText     = docxPageW - docxLeft - docxRight
	docxBodySize = 28 // 14 pt, in half-points
	docxCellSize = 26 // 13 pt
	docxNoteSize = 24 // 12 pt
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

	// Header: the issuer on the left, the Party's name and the place-date line on the right.
	issuer := p.in.Issuer
	if issuer == "" {
		issuer = vi("render.docx.issuer")
	}
	number := vi("render.docx.number_blank")
	if p.in.Sign.Number != "" {
		number = vi("render.docx.number", p.in.Sign.Number)
	}
	left := []docxPara{
		newPara("center", textRun(vi("render.docx.party_unit", strings.ToUpper(p.in.Province)))),
		newPara("center", boldRun(strings.ToUpper(issuer))),
		newPara("center", textRun("*")),
		newPara("center", textRun(number)),
	}
	right := []docxPara{
		newPara("center", docxRun{Text: vi("render.docx.party"), Bold: true, Underline: true, Size: 30}),
		newPara("center"),
		newPara("center", docxRun{Text: p.placeDate(), Italic: true}),
	}
	leftW := 4100
	addTable(docxTable{Widths: []int{leftW, docxText - leftW}, Rows: []docxRow{{Cells: []docxCell{
		{Width: leftW, Paras: left}, {Width: docxText - leftW, Paras: right}}}}})

	// Title.
	t := newPara("center", docxRun{Text: vi("render.docx.title", strings.ToUpper(p.in.Period.Label(i18n.VI))), Bold: true, Size: 30})
	t.Before = 480
	add(t)
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

	// Signature block and recipients.
	recipients := []docxPara{{Runs: []docxRun{{Text: vi("render.docx.recipients"), Bold: true, Italic: true, Underline: true, Size: docxNoteSize}}}}
	coord := p.in.Coordinator.Code
	for _, o := range p.offices {
		if _, ok := p.in.Offices[o]; ok && o != coord {
			recipients = append(recipients, docxPara{Runs: []docxRun{{Text: "- " + p.officeName(o) + ",", Size: docxNoteSize}}})
		}
	}
	keep := p.in.Coordinator.Name
	if keep == "" {
		keep = p.officeName(coord)
	}
	if keep != "" {
		recipients = append(recipients, docxPara{Runs: []docxRun{{Text: "- " + vi("render.docx.archive", keep), Size: docxNoteSize}}})
	}
	sign := []docxPara{
		newPara("center", boldRun(vi("render.docx.sign_for"))),
		newPara("center", boldRun(vi("render.docx.sign_title"))),
		newPara("center"), newPara("center"), newPara("center"), newPara("center"),
		newPara("center"), // the signer's name, written by hand or typed before signing
	}
	gap := newPara("left")
	gap.Before = 240
	add(gap)
	half := docxText / 2
	addTable(docxTable{Widths: []int{half, docxText - half}, Rows: []docxRow{{Cells: []docxCell{
		{Width: half, Paras: recipients}, {Width: docxText - half, Paras: sign}}}}})
	return d
}

// placeDate is "Đồng Nai, ngày 25 tháng 6 năm 2026": the issue date, else the decision's date, else the
// as-of day. Days below 10 and the months January and February take a leading zero (Decree 30/2020, as
// the Party's guidance does).
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
	dd := strconv.Itoa(day.Day())
	if day.Day() < 10 {
		dd = "0" + dd
	}
	mm := strconv.Itoa(int(day.Month()))
	if day.Month() < 3 {
		mm = "0" + mm
	}
	return vi("render.docx.place_date", p.in.Province, dd, mm, day.Year())
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
