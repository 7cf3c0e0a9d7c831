package gitrepo_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/gitrepo/gittest"
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
