package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func renderDOCX(t *testing.T, in Input) []byte {
	return render(t, func(b *bytes.Buffer, in Input) error { return DOCX(b, in) }, in)
}

// TestDOCXParts unzips the document: every part the content types name is there and every part is
// well-formed XML; the text holds the header, the title, the items and the signature block.
func TestDOCXParts(t *testing.T) {
	out := renderDOCX(t, fixture())
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
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
	doc := wordText(t, parts["word/document.xml"])
	for _, want := range []string{"ĐẢNG BỘ TỈNH ĐỒNG NAI", "TỈNH ỦY", "Số 12-CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
		"Đồng Nai, ngày 25 tháng 6 năm 2026", "CHƯƠNG TRÌNH CÔNG TÁC QUÝ III NĂM 2026", "THÁNG 7", "THÁNG 8", "THÁNG 9",
		"Tuần 27 (từ 29/6 đến 05/7)", "Thời gian", "Cơ quan chuẩn bị", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC",
		"Nơi nhận:", "- Văn phòng UBND tỉnh,", "- Lưu Văn phòng Tỉnh ủy.", "Trong tháng"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	for _, title := range effectiveTitles(t, fixture()) {
		if !strings.Contains(doc, title) {
			t.Errorf("document lacks item %q", title)
		}
	}
	if strings.Contains(doc, droppedTitle) {
		t.Errorf("dropped item in the document")
	}
	d := parts["word/document.xml"]
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`,
		`<w:u w:val="single"/>`, `<w:tblHeader/>`} {
		if !strings.Contains(d, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["word/styles.xml"], `w:ascii="Times New Roman"`) || !strings.Contains(parts["word/styles.xml"], `<w:sz w:val="28"/>`) {
		t.Errorf("default font is not Times New Roman 14 pt")
	}
	// The same input gives the same bytes.
	if !bytes.Equal(out, renderDOCX(t, fixture())) {
		t.Errorf("two renderings differ")
	}
}

// TestDOCXPlaceDate: the issue date wins over the decision's date; small days and January/February take a 0.
func TestDOCXPlaceDate(t *testing.T) {
	in := fixture()
	in.C.Issued = "2026-02-05"
	if got := newProgramme(in).placeDate(); got != "Đồng Nai, ngày 05 tháng 02 năm 2026" {
		t.Errorf("placeDate = %q", got)
	}
	in.C.Issued, in.C.Decision = "", nil
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

// TestDOCXLibreOffice converts the document to PDF with LibreOffice and reads the PDF's text back: the Party
// header, the title and the items must be there, on A4 pages. A PNG of the first page is kept in the test's
// temporary directory (COORD_KEEP_RENDER=DIR keeps the files in DIR, for a look).
func TestDOCXLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice")
	pdftotext := tool(t, "pdftotext")
	pdfinfo := tool(t, "pdfinfo")
	pdftoppm := tool(t, "pdftoppm")
	t.Parallel()
	dir := keepDir(t)
	docx := filepath.Join(dir, "programme.docx")
	if err := os.WriteFile(docx, renderDOCX(t, fixture()), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := t.TempDir()
	execTool(t, 90*time.Second, soffice, "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, docx)
	pdf := filepath.Join(dir, "programme.pdf")
	text := execTool(t, 30*time.Second, pdftotext, pdf, "-")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH ĐỒNG NAI", "CHƯƠNG TRÌNH CÔNG TÁC QUÝ III NĂM 2026",
		"Đồng Nai, ngày 25 tháng 6 năm 2026", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nơi nhận:",
		"Tuần 27 (từ 29/6 đến 05/7)", "THÁNG 8", "Thời gian", "Cơ quan"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// pdftotext reads a table row across its columns line by line, so a title that wraps in its cell is split
	// up; the content column alone (its x range in points: left margin 30 mm + the time column) reads whole.
	x := (docxLeft + docxWidths[0]) / 20
	w := docxWidths[1] / 20
	column := execTool(t, 30*time.Second, pdftotext, "-x", strconv.Itoa(x-2), "-y", "0", "-W", strconv.Itoa(w+4), "-H", "842", pdf, "-")
	column = strings.Join(strings.Fields(column), " ")
	for _, title := range effectiveTitles(t, fixture()) {
		if !strings.Contains(column, title) {
			t.Errorf("PDF's content column lacks %q", title)
		}
	}
	if strings.Contains(column, "Họp mặt kỷ niệm 79 năm") {
		t.Errorf("dropped item in the PDF")
	}
	info := execTool(t, 30*time.Second, pdfinfo, pdf)
	if !strings.Contains(info, "595.") || !strings.Contains(info, "841.") {
		t.Errorf("PDF pages are not A4 portrait:\n%s", info)
	}
	execTool(t, 30*time.Second, pdftoppm, "-png", "-r", "60", pdf, filepath.Join(dir, "page"))
	if m, _ := filepath.Glob(filepath.Join(dir, "page-*1.png")); len(m) == 0 {
		t.Errorf("no PNG of the first page")
	}
}

// keepDir is where a test writes files for external tools: COORD_KEEP_RENDER when set (to look at them),
// else a temporary directory.
func keepDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("COORD_KEEP_RENDER"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		abs, err := filepath.Abs(d)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	return t.TempDir()
}

// execTool runs a command with a deadline and returns its standard output; a failure fails the test.
func execTool(t *testing.T, timeout time.Duration, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
		}
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s did not finish within %v", name, timeout)
	}
	return stdout.String()
}
