package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/render"
	"github.com/xuri/excelize/v2"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// coordBinary builds the coord binary once, as a clerk gets it.
func coordBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "coord-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "coord")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// need finds an external program; COORD_SKIP_EXTERNAL=1 skips the test instead of failing it.
func need(t *testing.T, name string) string {
	t.Helper()
	if os.Getenv("COORD_SKIP_EXTERNAL") == "1" {
		t.Skipf("COORD_SKIP_EXTERNAL=1: not running %s", name)
	}
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not installed: run .ci/deps.sh (or set COORD_SKIP_EXTERNAL=1)", name)
	}
	return p
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestIssuedAsRendered runs the coordinator's path with the binary on the example province, against a
// shared bare repository: merge --accept, approve, issue --number --signer, notify. Every issued file — on
// the coordinator's disk, in the commit and on the server — is byte for byte what the renderers produce;
// every DOCX and XLSX is a sound zip that LibreOffice converts; every calendar parses with a strict iCalendar
// parser and ends each line with CRLF; and nothing a person reads carries a rule id, a subject key, an item
// id or an ISO date.
func TestIssuedAsRendered(t *testing.T) {
	git := need(t, "git")
	bin := coordBinary(t)
	work := t.TempDir()
	repo := filepath.Join(work, "repo")
	server := filepath.Join(work, "server.git")
	env := []string{"HOME=" + work, "XDG_CONFIG_HOME=" + filepath.Join(work, "config"), "COORD_LANG=",
		"COORD_NAME=Lê Thu Hà", "COORD_EMAIL=ha.lt@vptu.example.vn", "COORD_OFFICE=VPTU",
		"GIT_AUTHOR_NAME=Quản trị", "GIT_AUTHOR_EMAIL=admin@example.vn", "GIT_COMMITTER_NAME=Quản trị",
		"GIT_COMMITTER_EMAIL=admin@example.vn", "GIT_AUTHOR_DATE=2026-06-10T09:00:00+07:00",
		"GIT_COMMITTER_DATE=2026-06-10T09:00:00+07:00"}
	run(t, work, env, bin, "init", repo, "--example")
	run(t, repo, env, git, "add", "-A")
	run(t, repo, env, git, "commit", "-q", "-m", "Dữ liệu mẫu")
	run(t, work, env, git, "init", "-q", "--bare", "-b", "main", server)
	run(t, repo, env, git, "remote", "add", "origin", "file://"+server)
	run(t, repo, env, git, "push", "-q", "origin", "main")

	run(t, repo, env, bin, "merge", "--quarter", "quý 3/2026", "--accept", "--as-of", "2026-06-25")
	run(t, repo, env, bin, "approve", "2026-Q3", "--decision", "125-TB/TU", "--as-of", "2026-06-26")
	out := run(t, repo, env, bin, "issue", "2026-Q3", "--number", "04-CTr/TU", "--signer", "nguyen-thi-thu-hang", "--as-of", "2026-06-29")
	if !strings.Contains(out, "Đã gửi lên máy chủ file://"+server) {
		t.Errorf("issue did not say it pushed:\n%s", out)
	}
	notices := filepath.Join(work, "thong-bao")
	run(t, repo, env, bin, "notify", "2026-Q3", "--out", notices, "--as-of", "2026-06-29")
	if out := run(t, repo, env, bin, "check", "--as-of", "2026-06-29"); !strings.Contains(out, ": 0 lỗi,") {
		t.Errorf("check after the workflow:\n%s", out)
	}

	// What the renderers produce from the issued record, in process.
	f := cmdutil.New()
	f.Out, f.Err = io.Discard, io.Discard
	f.V.Set("repo", repo)
	f.V.Set("as-of", "2026-06-29")
	p, _ := period.Parse("2026-Q3")
	l, err := f.LoadOnly(repo, datarepo.PeriodFiles(p))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := consolidate.Open(l.Ctx, p)
	if err != nil || rec.Status != "issued" || rec.Number != "04-CTr/TU" {
		t.Fatalf("record: %v %+v", err, rec)
	}
	want, err := render.All(render.NewInput(l.Ctx, consolidate.Effective(l.Ctx, p, rec), "vi"))
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 10 {
		t.Fatalf("only %d outputs rendered", len(want))
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rel := "issued/2026/Q3/" + n
		disk, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if !bytes.Equal(disk, want[n]) {
			t.Errorf("%s on disk differs from the rendering (%d vs %d bytes)", rel, len(disk), len(want[n]))
		}
		for _, src := range []struct{ dir, ref string }{{repo, "HEAD"}, {server, "main"}} {
			cmd := exec.Command(git, "show", src.ref+":"+rel)
			cmd.Dir = src.dir
			blob, err := cmd.Output()
			if err != nil {
				t.Fatalf("git show %s:%s in %s: %v", src.ref, rel, src.dir, err)
			}
			if !bytes.Equal(blob, want[n]) {
				t.Errorf("%s in %s's %s differs from the rendering (%d vs %d bytes)", rel, filepath.Base(src.dir), src.ref, len(blob), len(want[n]))
			}
		}
	}

	// Sound containers, converted by LibreOffice; calendars with CRLF that a strict parser reads.
	var read []string // what a person reads, per file
	for _, n := range names {
		data := want[n]
		switch filepath.Ext(n) {
		case ".docx", ".xlsx":
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			for _, m := range zr.File {
				rc, err := m.Open()
				if err != nil {
					t.Fatalf("%s/%s: %v", n, m.Name, err)
				}
				if _, err := io.Copy(io.Discard, rc); err != nil { // reading to the end checks the CRC
					t.Errorf("%s/%s: %v", n, m.Name, err)
				}
				rc.Close()
			}
			read = append(read, n+"\n"+containerText(t, n, data))
		case ".ics":
			lines := strings.SplitAfter(string(data), "\n")
			for i, line := range lines {
				if line != "" && !strings.HasSuffix(line, "\r\n") {
					t.Fatalf("%s line %d does not end with CRLF: %q", n, i+1, line)
				}
			}
			cal, err := ics.ParseCalendar(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			strictICS(t, n, cal)
			var text []string
			for _, e := range cal.Events() {
				for _, prop := range []ics.ComponentProperty{ics.ComponentPropertySummary, ics.ComponentPropertyDescription, ics.ComponentPropertyLocation} {
					if v := e.GetProperty(prop); v != nil {
						text = append(text, v.Value)
					}
				}
			}
			if n == "chuong-trinh-cong-tac-2026-Q3.ics" && len(cal.Events()) < 100 {
				t.Errorf("%s: %d events", n, len(cal.Events()))
			}
			read = append(read, n+"\n"+strings.Join(text, "\n"))
		case ".md":
			read = append(read, n+"\n"+string(data))
		case ".html":
			read = append(read, n+"\n"+htmlText(t, data))
		}
	}
	soffice := need(t, "soffice")
	pdfDir := t.TempDir()
	for _, n := range []string{"chuong-trinh-cong-tac-2026-Q3.docx", "chuong-trinh-cong-tac-2026-Q3.xlsx"} {
		src := filepath.Join(repo, "issued", "2026", "Q3", n)
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(pdfDir, "profile"),
			"--convert-to", "pdf", "--outdir", pdfDir, src)
		cmd.Env = append(os.Environ(), "HOME="+pdfDir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice %s: %v\n%s", n, err, out)
		}
		pdf := filepath.Join(pdfDir, strings.TrimSuffix(n, filepath.Ext(n))+".pdf")
		txt, err := exec.Command(need(t, "pdftotext"), pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", n, err)
		}
		// table cells wrap: compare without the white space
		if flat := strings.Join(strings.Fields(string(txt)), ""); !strings.Contains(flat, "ChủtịchUBNDtỉnhlàmviệcvớiBanQuảnlý") {
			t.Errorf("%s converted by LibreOffice lacks the programme's items", n)
		}
	}

	// The notices.
	entries, err := os.ReadDir(notices)
	if err != nil || len(entries) != 3 {
		t.Fatalf("notices: %v, %d files", err, len(entries))
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(notices, e.Name()))
		read = append(read, e.Name()+"\n"+string(b))
	}

	// Nothing a person reads carries a rule id, a subject key, an item id or an ISO date.
	forbidden := regexp.MustCompile(`overlap/|joint/|consolidated/|person:|place:|locality:|joint\.[a-z]|(VPTU|VPDBHD|VPUBND)\.[a-z]|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-(Q\d|W\d{2})\b`)
	for _, r := range read {
		name, text, _ := strings.Cut(r, "\n")
		if m := forbidden.FindString(text); m != "" {
			i := strings.Index(text, m)
			t.Errorf("%s shows %q: …%s…", name, m, text[max(0, i-80):min(len(text), i+80)])
		}
	}
	if !strings.Contains(strings.Join(read, "\n"), "Đồng chí Võ Thành Long đã có lịch") {
		t.Errorf("no reason in words in the outputs")
	}
}

// strictICS holds a parsed feed to what RFC 5545 requires beyond its syntax, which golang-ical alone does
// not check: VERSION:2.0 and a PRODID; every event with a UID, a DTSTAMP in UTC, a DTSTART whose value parses
// (a date for VALUE=DATE, a date-time otherwise) and a DTEND, when there is one, of the same form and later.
func strictICS(t *testing.T, name string, cal *ics.Calendar) {
	t.Helper()
	props := map[string]string{}
	for _, p := range cal.CalendarProperties {
		props[p.IANAToken] = p.Value
	}
	if props["VERSION"] != "2.0" || props["PRODID"] == "" {
		t.Errorf("%s: VERSION %q, PRODID %q", name, props["VERSION"], props["PRODID"])
	}
	for _, e := range cal.Events() {
		if e.Id() == "" {
			t.Errorf("%s: an event without UID", name)
			continue
		}
		if v := e.GetProperty(ics.ComponentPropertyDtstamp); v == nil || !strings.HasSuffix(v.Value, "Z") {
			t.Errorf("%s %s: DTSTAMP %v", name, e.Id(), v)
		} else if _, err := e.GetDtStampTime(); err != nil {
			t.Errorf("%s %s: DTSTAMP: %v", name, e.Id(), err)
		}
		start := e.GetProperty(ics.ComponentPropertyDtStart)
		if start == nil {
			t.Errorf("%s %s: no DTSTART", name, e.Id())
			continue
		}
		allDay := len(start.ICalParameters["VALUE"]) == 1 && start.ICalParameters["VALUE"][0] == "DATE"
		from, err := e.GetStartAt()
		if allDay {
			from, err = e.GetAllDayStartAt()
		}
		if err != nil {
			t.Errorf("%s %s: DTSTART %q: %v", name, e.Id(), start.Value, err)
			continue
		}
		end := e.GetProperty(ics.ComponentPropertyDtEnd)
		if end == nil {
			continue
		}
		if endAllDay := len(end.ICalParameters["VALUE"]) == 1 && end.ICalParameters["VALUE"][0] == "DATE"; endAllDay != allDay {
			t.Errorf("%s %s: DTSTART and DTEND of different forms", name, e.Id())
			continue
		}
		to, err := e.GetEndAt()
		if allDay {
			to, err = e.GetAllDayEndAt()
		}
		if err != nil || !to.After(from) {
			t.Errorf("%s %s: DTEND %q (%v) not after DTSTART %q", name, e.Id(), end.Value, err, start.Value)
		}
	}
}

// containerText is the text of a DOCX (its paragraphs) or an XLSX (every cell of every sheet).
func containerText(t *testing.T, name string, data []byte) string {
	t.Helper()
	if strings.HasSuffix(name, ".xlsx") {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		var b strings.Builder
		for _, s := range f.GetSheetList() {
			rows, err := f.GetRows(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				b.WriteString(strings.Join(r, " | ") + "\n")
			}
		}
		return b.String()
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, m := range zr.File {
		if m.Name == "word/document.xml" {
			rc, _ := m.Open()
			defer rc.Close()
			return xmlText(t, rc, "t")
		}
	}
	t.Fatalf("%s has no word/document.xml", name)
	return ""
}

// xmlText is the character data of the elements named local, a line per element.
func xmlText(t *testing.T, r io.Reader, local string) string {
	t.Helper()
	dec := xml.NewDecoder(r)
	var b strings.Builder
	in := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			in = x.Name.Local == local
		case xml.EndElement:
			if in {
				b.WriteByte('\n')
			}
			in = false
		case xml.CharData:
			if in {
				b.Write(x)
			}
		}
	}
}

// htmlText is what a browser shows of a page: its text nodes and its title attributes (tooltips), not the
// other attributes or the style sheet.
func htmlText(t *testing.T, data []byte) string {
	t.Helper()
	s := string(data)
	s = regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(s, "")
	var b strings.Builder
	for _, m := range regexp.MustCompile(`title="([^"]*)"`).FindAllStringSubmatch(s, -1) {
		b.WriteString(m[1] + "\n")
	}
	b.WriteString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "\n"))
	return b.String()
}
