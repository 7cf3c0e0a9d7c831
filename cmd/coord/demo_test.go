package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemo runs `make demo`'s script (examples/demo.sh) with the binary, its outputs in a temporary folder
// (DEMO_OUT) instead of demo-out/: it runs to the end, CI on the shared repo is green after the coordinator
// issues the programme (step 11 exits 0), and it leaves for a person to open what issue 8 lists — the issued
// document, workbook, page, review copy and calendars, one calendar per leader, the notices, the reminders
// and the report — each listed at the end with its line.
func TestDemo(t *testing.T) {
	need(t, "git")
	bin := coordBinary(t)
	out := filepath.Join(t.TempDir(), "demo-out")
	cmd := exec.Command("bash", filepath.Join("..", "..", "examples", "demo.sh"), bin)
	cmd.Env = append(os.Environ(), "DEMO_OUT="+out, "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir(), "COORD_LANG=",
		"COORD_NAME=", "COORD_EMAIL=", "COORD_OFFICE=", "COORD_CONFIG="+filepath.Join(t.TempDir(), "none.yaml"))
	b, err := cmd.CombinedOutput()
	log := string(b)
	if err != nil {
		t.Fatalf("demo.sh: %v\n%s", err, log)
	}
	step11 := log[strings.Index(log, "== 11."):]
	step11 = step11[:strings.Index(step11, "== 12.")]
	if strings.Contains(step11, "(exit") || !strings.Contains(step11, ": 0 lỗi,") {
		t.Errorf("coord check after the issue is not clean:\n%s", step11)
	}
	for _, f := range []string{"chuong-trinh-cong-tac-2026-Q3.docx", "chuong-trinh-cong-tac-2026-Q3.xlsx", "chuong-trinh-cong-tac-2026-Q3.html",
		"chuong-trinh-cong-tac-2026-Q3.ics", "chuong-trinh-cong-tac-2026-Q3.md", "lich/vo-thanh-long.ics",
		"thong-bao/VPTU.md", "thong-bao/VPDBHD.md", "thong-bao/VPUBND.md", "nhac-viec/VPUBND.md", "bao-cao/bao-cao-2026-Q3.html"} {
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil || st.Size() == 0 {
			t.Errorf("demo-out/%s: %v", f, err)
			continue
		}
		if f != "lich/vo-thanh-long.ics" && !strings.Contains(log, "demo-out/"+f+" ") {
			t.Errorf("demo-out/%s is not listed at the end", f)
		}
	}
	if cals, _ := filepath.Glob(filepath.Join(out, "lich", "*.ics")); len(cals) < 10 || !strings.Contains(log, "demo-out/lich/ holds ") {
		t.Errorf("%d leaders' calendars", len(cals))
	}
}
