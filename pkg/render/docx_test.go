package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/internal/testtool"
)

func renderDOCX(t *testing.T, in Input) []byte {
	return render(t, func(b *bytes.Buffer, in Input) error { return DOCX(b, in) }, in)
}

// signedFixture is the fixture as the coordinator issues it: the programme's own number, the signer and the
// issue date set, and an approval decision whose number (a notice, 125-TB/TU) must not be printed as the
// programme's.
func signedFixture() Input {
	in := fixture()
	rec(in).Decision.Number = "125-TB/TU"
	rec(in).Issued = "2026-06-29"
	in.Sign = Signing{Number: "12-CTr/TU", OnBehalf: "T/M BAN THƯỜNG VỤ", SignerTitle: "Phó Bí thư Thường trực",
		SignerName: "Nguyễn Thị Thu Hằng"}
	return in
}

// signedHead is how the signed document begins on paper, read column by column as pdftotext reads it (HD36:
// the issuer, "*" and the number on the left, the Party's name and the place-date on the right, then the type
// and the summary), followed by the months and weeks of the body.
var signedHead = []string{"TỈNH ỦY ĐỒNG NAI", "*", "Số 12-CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
	"Đồng Nai, ngày 29 tháng 6 năm 2026", "CHƯƠNG TRÌNH", "công tác quý III năm 2026 của Ban Thường vụ Tỉnh ủy",
	"THÁNG 7", "Tuần 27 (từ 29/6 đến 05/7)", "THÁNG 8", "Trong tháng", "THÁNG 9"}

// docxZip opens the package like `zip -T`: every member is read to the end (archive/zip checks each CRC-32
// there), names are unique, and every part is well-formed XML. It returns the parts by name.
func docxZip(t *testing.T, out []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for i, f := range zr.File {
		if _, dup := parts[f.Name]; dup {
			t.Errorf("member %s twice", f.Name)
		}
		if i == 0 && f.Name != "[Content_Types].xml" {
			t.Errorf("first member %s, want [Content_Types].xml", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s does not read back (CRC or deflate error): %v", f.Name, err)
		}
		if uint64(len(b)) != f.UncompressedSize64 {
			t.Errorf("%s: %d bytes, the directory says %d", f.Name, len(b), f.UncompressedSize64)
		}
		parts[f.Name] = string(b)
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/_rels/document.xml.rels", "word/settings.xml", "word/header1.xml", "docProps/core.xml", "docProps/app.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("part %s missing", name)
		}
	}
	// Every part the content types override is in the package.
	for _, m := range regexp.MustCompile(`PartName="/([^"]+)"`).FindAllStringSubmatch(parts["[Content_Types].xml"], -1) {
		if _, ok := parts[m[1]]; !ok {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", m[1])
		}
	}
	return parts
}

// inOrder reports the first of wants that text does not hold after the previous one.
func inOrder(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	at := 0
	for _, w := range wants {
		i := strings.Index(text[at:], w)
		if i < 0 {
			if strings.Contains(text, w) {
				t.Errorf("%s: %q is there but out of order (wanted after %q)", what, w, text[max(0, at-40):at])
			} else {
				t.Errorf("%s lacks %q", what, w)
			}
			continue
		}
		at += i + len(w)
	}
}

// TestDOCXParts unzips the signed document and reads its text: the HD36 header, type and summary, every item,
// the signature block and the recipients, in order; the decision's number is nowhere.
func TestDOCXParts(t *testing.T) {
	in := signedFixture()
	out := renderDOCX(t, in)
	parts := docxZip(t, out)
	doc := wordText(t, parts["word/document.xml"])
	// document.xml holds the header table row by row (left cell, right cell), then the rest in reading order.
	inOrder(t, "document", doc, "TỈNH ỦY ĐỒNG NAI", "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số 12-CTr/TU",
		"Đồng Nai, ngày 29 tháng 6 năm 2026", "CHƯƠNG TRÌNH", "công tác quý III năm 2026 của Ban Thường vụ Tỉnh ủy\n-----\n",
		"THÁNG 7", "Thời gian", "Cơ quan chuẩn bị", "Tuần 27 (từ 29/6 đến 05/7)", "THÁNG 8", "Trong tháng", "THÁNG 9",
		"Nơi nhận:", "- Văn phòng Đoàn ĐBQH và HĐND tỉnh,", "- Văn phòng UBND tỉnh,", "- Lưu Văn phòng Tỉnh ủy.",
		"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Thị Thu Hằng")
	for _, title := range effectiveTitles(t, in) {
		if !strings.Contains(doc, title) {
			t.Errorf("document lacks item %q", title)
		}
	}
	for _, bad := range []string{droppedTitle, "125-TB/TU", "ĐẢNG BỘ TỈNH", "Số: "} {
		if strings.Contains(doc, bad) {
			t.Errorf("document holds %q", bad)
		}
	}
	// The signer's name closes the signature block, in bold, as written (not in capitals).
	if !strings.HasSuffix(strings.TrimSpace(doc), "Nguyễn Thị Thu Hằng") {
		t.Errorf("document does not end with the signer's name:\n%s", doc[max(0, len(doc)-300):])
	}
	d := parts["word/document.xml"]
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`,
		`<w:u w:val="single"/>`, `<w:tblHeader/>`,
		`<w:b/><w:bCs/><w:sz w:val="30"/><w:szCs w:val="30"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">ĐẢNG CỘNG SẢN VIỆT NAM<`,
		`<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Đồng Nai, ngày 29 tháng 6 năm 2026<`,
		`<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">CHƯƠNG TRÌNH<`,
		`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">công tác quý III năm 2026 của Ban Thường vụ Tỉnh ủy<`,
		`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">TỈNH ỦY ĐỒNG NAI<`,
		`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Nguyễn Thị Thu Hằng<`} {
		if !strings.Contains(d, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["word/styles.xml"], `w:ascii="Times New Roman"`) || !strings.Contains(parts["word/styles.xml"], `<w:sz w:val="28"/>`) {
		t.Errorf("default font is not Times New Roman 14 pt")
	}
	// The same input gives the same bytes.
	if !bytes.Equal(out, renderDOCX(t, signedFixture())) {
		t.Errorf("two renderings differ")
	}
}

// TestDOCXDraft: without Signing the document is a draft: the number is a blank to fill, the signature block
// has empty lines, and the decision's number (the fixture's 12-CTr/TU) is still not printed.
func TestDOCXDraft(t *testing.T) {
	parts := docxZip(t, renderDOCX(t, fixture()))
	doc := wordText(t, parts["word/document.xml"])
	inOrder(t, "draft", doc, "TỈNH ỦY ĐỒNG NAI", "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số      -CTr/TU",
		"Đồng Nai, ngày 25 tháng 6 năm 2026", "CHƯƠNG TRÌNH", "công tác quý III năm 2026\n", "Nơi nhận:",
		"- Văn phòng UBND tỉnh,", "- Lưu Văn phòng Tỉnh ủy.")
	if strings.Contains(doc, "12-CTr/TU") {
		t.Errorf("the approval decision's number is printed as the programme's")
	}
	_, sig, _ := strings.Cut(doc, "- Lưu Văn phòng Tỉnh ủy.\n")
	if strings.TrimSpace(sig) != "" {
		t.Errorf("draft signature block is not blank: %q", sig)
	}
	if n := strings.Count(sig, "\n"); n < 6 {
		t.Errorf("draft signature block has %d lines, want room for the T/M line, the position, the signature and the name", n)
	}
}

// TestDOCXSigning: the fields of Signing land where they belong: recipients as given (one a line, ending
// with a comma), the archive, an issuer written by the caller, a "Số" the caller wrote not doubled, and an
// empty T/M line dropped for a signer who signs in their own name.
func TestDOCXSigning(t *testing.T) {
	in := fixture()
	in.Sign = Signing{Number: "Số 7-CTr/TU", Issuer: "Tỉnh ủy Đồng Nai", SignerTitle: "BÍ THƯ", SignerName: "Phạm Quang Huy",
		Recipients: []string{"Ban Bí thư Trung ương Đảng (để báo cáo)", "Các đồng chí Tỉnh ủy viên,"}, Archive: "Văn phòng Tỉnh ủy (VT)"}
	doc := wordText(t, docxZip(t, renderDOCX(t, in))["word/document.xml"])
	inOrder(t, "document", doc, "TỈNH ỦY ĐỒNG NAI\n", "Số 7-CTr/TU\n", "công tác quý III năm 2026\n", "Nơi nhận:\n",
		"- Ban Bí thư Trung ương Đảng (để báo cáo),\n", "- Các đồng chí Tỉnh ủy viên,\n", "- Lưu Văn phòng Tỉnh ủy (VT).\n",
		"BÍ THƯ\n", "Phạm Quang Huy")
	for _, bad := range []string{"Số Số", "T/M", "- Văn phòng UBND tỉnh,"} {
		if strings.Contains(doc, bad) {
			t.Errorf("document holds %q", bad)
		}
	}
	if got := docxAuthor(" t/m  Ban Thường vụ "); got != "render.docx.author.standing" {
		t.Errorf("docxAuthor = %q", got)
	}
	if got := lowerFirst("Tháng 7 năm 2026"); got != "tháng 7 năm 2026" {
		t.Errorf("lowerFirst = %q", got)
	}
}

// TestDOCXPlaceDate: the issue date wins over the decision's date; small days and January/February take a 0.
func TestDOCXPlaceDate(t *testing.T) {
	in := fixture()
	rec(in).Issued = "2026-02-05"
	if got := newProgramme(in).placeDate(); got != "Đồng Nai, ngày 05 tháng 02 năm 2026" {
		t.Errorf("placeDate = %q", got)
	}
	rec(in).Issued, rec(in).Decision = "", nil
	if got := newProgramme(in).placeDate(); got != "Đồng Nai, ngày 26 tháng 6 năm 2026" {
		t.Errorf("placeDate without decision = %q (want the as-of day)", got)
	}
}

// wordText is the text of a WordprocessingML part, one paragraph per line.
func wordText(t *testing.T, part string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(part))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if x.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(x)
			}
		}
	}
	return b.String()
}

// TestDOCXLibreOffice converts the signed document and a draft to PDF with LibreOffice and reads the PDFs' text
// back: the HD36 header, type, summary, items, signature block and recipients in order, on A4 pages, without
// the decision's number; the draft shows the blank number. A PNG of each first page is kept in the test's
// temporary directory (COORD_KEEP_RENDER=DIR keeps the files in DIR, for a look).
func TestDOCXLibreOffice(t *testing.T) {
	soffice := testtool.Tool(t, "soffice", "libreoffice")
	pdftotext := testtool.Tool(t, "pdftotext")
	pdfinfo := testtool.Tool(t, "pdfinfo")
	pdftoppm := testtool.Tool(t, "pdftoppm")
	t.Parallel()
	dir := testtool.KeepDir(t)
	signed, draft := filepath.Join(dir, "programme.docx"), filepath.Join(dir, "draft.docx")
	if err := os.WriteFile(signed, renderDOCX(t, signedFixture()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(draft, renderDOCX(t, fixture()), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := t.TempDir()
	testtool.Exec(t, 120*time.Second, soffice, "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, signed, draft)
	pdf := filepath.Join(dir, "programme.pdf")
	text := testtool.Exec(t, 30*time.Second, pdftotext, pdf, "-")
	flat := strings.Join(strings.Fields(text), " ")
	inOrder(t, "PDF text", flat, signedHead...)
	// The closing table stands side by side (HD36: recipients bottom left, signature bottom right) and pdftotext
	// reads it column by column: both come after the last item, each in its own order.
	last := "Tuần 39 (từ 21/9 đến 27/9)" // the last week of the body
	inOrder(t, "PDF text", flat, "THÁNG 9", last, "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Thị Thu Hằng")
	inOrder(t, "PDF text", flat, "THÁNG 9", last, "Nơi nhận:", "- Văn phòng Đoàn ĐBQH và HĐND tỉnh,", "- Văn phòng UBND tỉnh,",
		"- Lưu Văn phòng Tỉnh ủy.")
	for _, bad := range []string{"125-TB/TU", "ĐẢNG BỘ TỈNH"} {
		if strings.Contains(flat, bad) {
			t.Errorf("PDF text holds %q", bad)
		}
	}
	// pdftotext reads a table row across its columns line by line, so a title that wraps in its cell is split
	// up; the content column alone (its x range in points: left margin 30 mm + the time column) reads whole.
	x := (docxLeft + docxWidths[0]) / 20
	w := docxWidths[1] / 20
	column := testtool.Exec(t, 30*time.Second, pdftotext, "-x", strconv.Itoa(x-2), "-y", "0", "-W", strconv.Itoa(w+4), "-H", "842", pdf, "-")
	column = strings.Join(strings.Fields(column), " ")
	for _, title := range effectiveTitles(t, fixture()) {
		if !strings.Contains(column, title) {
			t.Errorf("PDF's content column lacks %q", title)
		}
	}
	if strings.Contains(column, "Họp mặt kỷ niệm 79 năm") {
		t.Errorf("dropped item in the PDF")
	}
	info := testtool.Exec(t, 30*time.Second, pdfinfo, pdf)
	if !strings.Contains(info, "595.") || !strings.Contains(info, "841.") {
		t.Errorf("PDF pages are not A4 portrait:\n%s", info)
	}

	dtext := strings.Join(strings.Fields(testtool.Exec(t, 30*time.Second, pdftotext, filepath.Join(dir, "draft.pdf"), "-")), " ")
	inOrder(t, "draft PDF text", dtext, "TỈNH ỦY ĐỒNG NAI", "*", "Số -CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "CHƯƠNG TRÌNH",
		"công tác quý III năm 2026", "Nơi nhận:", "- Lưu Văn phòng Tỉnh ủy.")
	for _, bad := range []string{"12-CTr/TU", "T/M"} {
		if strings.Contains(dtext, bad) {
			t.Errorf("draft PDF text holds %q", bad)
		}
	}

	testtool.Exec(t, 30*time.Second, pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", pdf, filepath.Join(dir, "page"))
	testtool.Exec(t, 30*time.Second, pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", filepath.Join(dir, "draft.pdf"), filepath.Join(dir, "draft-page"))
	for _, glob := range []string{"page-*1.png", "draft-page-*1.png"} {
		if m, _ := filepath.Glob(filepath.Join(dir, glob)); len(m) == 0 {
			t.Errorf("no PNG %s", glob)
		}
	}
}
