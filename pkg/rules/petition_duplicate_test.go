package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
)

// A sealed value of the example province (the rule never opens it).
const sealedSample = "ENC[age,YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSA3MmgyaE1BenVnUU9Mcmw0Tys4S0xDY2J1Z3dYaUR2c0dSMXFRUzBYSjBjCjFOaWhiblRHRUVBT0lJbW1MOXJMeE52Q09OZnFtTDIydTRLNExpR0o0eWsKLS0tIDFBeE4yZk0vVDNna1I5RU1iWGpqV0oxL2l4T0dwaDNJK3NaeVFFZ2g3eGcKX5WmFpLhRSeyp9BlhiQX/04e/oQwry+hPBRzfGMAb+cgiaxtfNL7lqvQ8FmN/vXeXYqy6jWvw5r8x4Q/r423hpQoY6lLf7nai1lAmXE+1BqZVBAzYSqcGb1auTM+lm8cL5QZYWskTFOkAZV5xspiXKq4yGo8XKkTwWm4zJP6ikeG6W+n0O8gk2WN6LwmXBY51NrzQMnNG0LtKHg=]"

// petitionFile is a petition of an office whose index is the identity's under key.
func dupPetitionFile(t *testing.T, key []byte, id, office, received, subject, name, idNumber string) (string, string) {
	t.Helper()
	idx, ok := petition.BlindIndex(key, petition.Identity{Name: name, IDNumber: idNumber})
	if !ok {
		t.Fatalf("no index for %q", name)
	}
	return fmt.Sprintf("petitions/%s/%s/%s.yaml", received[:4], office, id),
		fmt.Sprintf("kind: petition\nid: %s\noffice: %s\ntype: khieu-nai\nreceived: %s\nchannel: buu-chinh\npeople: 1\nsubject: %s\nlocality: xa-long-thanh\npetitioner: %s\npetitioner_index: %s\nstatus: received\n",
			id, office, received, subject, sealedSample, idx)
}

// The same person written with other diacritics, spacing, case and ID grouping at three offices, about one
// matter, is one group: an info on each petition naming the two others, related to them, quoting nothing of
// the identity. A namesake with another ID number, the same person on another matter, and two petitions of
// one office are not duplicates.
func TestPetitionDuplicate(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	files := map[string]string{}
	add := func(id, office, received, subject, name, idNumber string) {
		p, s := dupPetitionFile(t, key, id, office, received, subject, name, idNumber)
		files[p] = s
	}
	add("VPUBND-2026-000401", "VPUBND", "2026-07-06", "Khiếu nại việc bồi thường khi thu hồi đất tại ấp 3, xã Long Thành", "Nguyễn Thị Thu Hà", "075184009921")
	add("VPTU-2026-000401", "VPTU", "2026-07-08", "Khiếu nại bồi thường thu hồi đất ấp 3 Long Thành", "NGUYEN THI THU HA", "075 184 009 921")
	add("VPDBHD-2026-000401", "VPDBHD", "2026-07-10", "Đơn về bồi thường khi thu hồi đất ở ấp 3 xã Long Thành", "  nguyễn   thị thu  hà ", "075.184.009.921")
	add("VPUBND-2026-000402", "VPUBND", "2026-07-11", "Khiếu nại việc bồi thường khi thu hồi đất tại ấp 3, xã Long Thành", "Nguyễn Thị Thu Hà", "075184000000")
	add("VPDBHD-2026-000402", "VPDBHD", "2026-07-12", "Khiếu nại việc bồi thường khi thu hồi đất tại ấp 3, xã Long Thành", "Nguyễn Thị Thu Hà", "075184000000")
	add("VPTU-2026-000402", "VPTU", "2026-07-20", "Kiến nghị cấp phép kinh doanh quán ăn", "Nguyễn Thị Thu Hà", "075184009921")
	add("VPTU-2026-000403", "VPTU", "2026-07-21", "Phản ánh tiếng ồn của xưởng gỗ", "Lê Văn Tám", "075184001111")
	add("VPTU-2026-000404", "VPTU", "2026-07-22", "Phản ánh tiếng ồn của xưởng gỗ ban đêm", "Lê Văn Tám", "075184001111")
	got := memCheck(t, files, "2026-08-01", "petition/duplicate")
	// Two groups: the three offices' petitions of 000401, and the namesake's two (another ID number, two offices).
	want(t, got, 5, "petition/duplicate", finding.Info, "", "cũng gửi nội dung tương tự", "also sent a similar matter")
	byFile := map[string]finding.Finding{}
	for _, f := range got {
		byFile[f.File] = f
		for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
			if m := f.Msg.Render(lang); strings.Contains(m, "Hà") || strings.Contains(m, "075184") || strings.Contains(m, "Tám") {
				t.Errorf("%s: the message quotes the identity: %q", f.File, m)
			}
		}
	}
	f, ok := byFile["petitions/2026/VPTU/VPTU-2026-000401.yaml"]
	if !ok || len(f.Related) != 2 || f.Subject != "petition:VPTU-2026-000401" || f.Line != 11 {
		t.Fatalf("VPTU's finding: %+v", f)
	}
	if m := f.Msg.Render(i18n.VI); !strings.Contains(m, "đơn VPUBND-2026-000401 của Văn phòng UBND tỉnh nhận ngày 06/7/2026; đơn VPDBHD-2026-000401 của Văn phòng Đoàn ĐBQH và HĐND tỉnh nhận ngày 10/7/2026") {
		t.Errorf("message %q", m)
	}
	for _, p := range []string{"VPTU-2026-000402", "VPTU-2026-000403", "VPTU-2026-000404"} {
		if _, ok := byFile["petitions/2026/VPTU/"+p+".yaml"]; ok {
			t.Errorf("%s reported as a duplicate", p)
		}
	}
	if f := byFile["petitions/2026/VPUBND/VPUBND-2026-000402.yaml"]; len(f.Related) != 1 || f.Related[0].File != "petitions/2026/VPDBHD/VPDBHD-2026-000402.yaml" {
		t.Errorf("the namesake's petitions are their own group: %+v", f)
	}
}
