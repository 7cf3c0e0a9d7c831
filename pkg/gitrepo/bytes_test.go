package gitrepo_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
	"github.com/coordvn/coord/pkg/i18n"
)

// Issued outputs reach the worktree and the commit byte for byte: an XLSX is a zip archive (a CRLF inside
// it is data) and iCalendar lines end with CRLF. Records alone are stored with LF, whatever the case of
// their extension.
func TestOutputsKeptByteForByte(t *testing.T) {
	xlsx := []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00\r\n\x00\xff\xfe\r\n[Content_Types].xml\r\nPK\x05\x06")
	ics := []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//coord//vi\r\nBEGIN:VEVENT\r\nUID:a@coord\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	record := []byte("kind: consolidated\r\nperiod: 2026-Q3\r\n")
	for _, how := range []string{"Submit", "CommitPaths"} {
		t.Run(how, func(t *testing.T) {
			bare, clone := setup(t)
			files := map[string][]byte{
				"issued/2026/Q3/lich.xlsx":    xlsx,
				"issued/2026/Q3/lich.ics":     ics,
				"consolidated/2026/Q3.yaml":   record,
				"consolidated/2026/NOTE.YML":  record,
				"issued/2026/Q3/ghi-chu.html": []byte("<p>a</p>\r\n"),
			}
			m := msg("consolidated", "VPTU", "2026-Q3")
			switch how {
			case "Submit":
				s := gitrepo.Submission{Files: files, Name: "VPTU", Email: "vptu@example.vn", Message: m, Now: clock}
				res, err := gitrepo.Submit(context.Background(), clone, s)
				if err != nil || !res.Pushed {
					t.Fatalf("%+v %v", res, err)
				}
			case "CommitPaths":
				if _, err := gitrepo.CommitPaths(clone, files, m, gitrepo.Author{Name: "VPTU", Email: "vptu@example.vn", When: clock()}); err != nil {
					t.Fatal(err)
				}
			}
			lf := []byte("kind: consolidated\nperiod: 2026-Q3\n")
			want := map[string][]byte{
				"issued/2026/Q3/lich.xlsx":    xlsx,
				"issued/2026/Q3/lich.ics":     ics,
				"issued/2026/Q3/ghi-chu.html": []byte("<p>a</p>\r\n"),
				"consolidated/2026/Q3.yaml":   lf,
				"consolidated/2026/NOTE.YML":  lf,
			}
			for p, w := range want {
				disk, err := os.ReadFile(filepath.Join(clone, filepath.FromSlash(p)))
				if err != nil || !bytes.Equal(disk, w) {
					t.Errorf("%s in the worktree: %q (%v), want %q", p, disk, err, w)
				}
				if got, ok := gittest.Show(clone, "HEAD", p); !ok || got != string(w) {
					t.Errorf("%s in the commit: %q, want %q", p, got, w)
				}
				if how == "Submit" {
					if got, ok := gittest.Show(bare, "main", p); !ok || got != string(w) {
						t.Errorf("%s on the server: %q, want %q", p, got, w)
					}
				}
			}
			clean(t, clone)
			gittest.Fsck(t, clone)
		})
	}
}

// A commit's files reach the worktree all or none: when one cannot be replaced (here a folder stands at its
// path; on Windows, a file open in Excel) every other file keeps its previous bytes, the branch does not
// move, and the error names the file. Once it is free, the same commit goes through.
func TestCommitFilesAllOrNothing(t *testing.T) {
	_, clone := setup(t)
	author := gitrepo.Author{Name: "VPTU", Email: "vptu@example.vn", When: clock()}
	first := map[string][]byte{"consolidated/2026/Q3.yaml": []byte("kind: consolidated\nperiod: 2026-Q3\n")}
	if _, err := gitrepo.CommitPaths(clone, first, msg("consolidated", "VPTU", "2026-Q3"), author); err != nil {
		t.Fatal(err)
	}
	head := gittest.Run(t, clone, nil, "rev-parse", "HEAD")
	blocked := filepath.Join(clone, "issued", "2026", "Q3", "lich.xlsx")
	if err := os.MkdirAll(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(blocked, "inside.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	next := map[string][]byte{
		"consolidated/2026/Q3.yaml": []byte("kind: consolidated\nperiod: 2026-Q3\nstatus: approved\n"),
		"issued/2026/Q3/lich.ics":   []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
		"issued/2026/Q3/lich.xlsx":  []byte("PK\x03\x04"),
	}
	_, err := gitrepo.CommitPaths(clone, next, msg("consolidated", "VPTU", "2026-Q3"), author)
	var we *fsutil.WriteError
	if !errors.Is(err, gitrepo.ErrWrite) || gitrepo.IsRefusal(err) || !errors.As(err, &we) || we.Path != blocked {
		t.Fatalf("want ErrWrite naming %s, got %v", blocked, err)
	}
	if msg := i18n.Localize(err, i18n.VI); !strings.Contains(msg, blocked) || !strings.Contains(msg, "Hãy đóng tệp rồi chạy lại") {
		t.Fatalf("vi: %s", msg)
	}
	if got := gittest.Run(t, clone, nil, "rev-parse", "HEAD"); got != head {
		t.Fatal("the branch moved although the files did not reach the worktree")
	}
	if b, _ := os.ReadFile(filepath.Join(clone, "consolidated", "2026", "Q3.yaml")); string(b) != string(first["consolidated/2026/Q3.yaml"]) {
		t.Fatalf("the record was replaced: %q", b)
	}
	if _, err := os.Stat(filepath.Join(clone, "issued", "2026", "Q3", "lich.ics")); err == nil {
		t.Fatal("the calendar was written")
	}
	if out := gittest.Run(t, clone, nil, "status", "--porcelain"); out != "?? issued/" {
		t.Fatalf("status: %q", out)
	}
	// Freed: the same commit goes through and the clone is clean.
	if err := os.RemoveAll(blocked); err != nil {
		t.Fatal(err)
	}
	if h, err := gitrepo.CommitPaths(clone, next, msg("consolidated", "VPTU", "2026-Q3"), author); err != nil || h == "" {
		t.Fatalf("%q %v", h, err)
	}
	clean(t, clone)
}
