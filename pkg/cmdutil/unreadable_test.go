package cmdutil_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/internal/testtree"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/spf13/viper"
)

// SayUnreadable is the one line the commands that list or count records (tasks, inbox, report, find,
// status) print when records they loaded could not be read: on stderr, in the user's language, with how many;
// nothing on stdout, and nothing at all when every record was read.
func TestSayUnreadable(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"coord.yaml":                        "kind: settings\nversion: 1\nprovince: Đồng Nai\n",
		"registry/offices.yaml":             "kind: offices\noffices:\n  - code: VPTU\n    name: Văn phòng Tỉnh ủy\n",
		"conclusions/2026/VPTU/a.yaml":      "kind: conclusion\ntasks: [\n",
		"documents/2026/VPTU/01-TB-TU.yaml": "kind: vanban\n",
		"programmes/2026/Q3/VPTU.yaml":      "kind: programme\nperiod: 2026-Q3\noffice: VPTU\nitems: []\n",
		"conclusions/2026/VPTU/b.yaml.orig": "kind: [\n",
	}
	testtree.Write(t, root, files)
	say := func(lang string, only func(string) bool) (stdout, stderr string) {
		var out, errb bytes.Buffer
		v := viper.New()
		v.Set("lang", lang)
		f := &cmdutil.Factory{In: strings.NewReader(""), Out: &out, Err: &errb, V: v,
			Getwd: func() (string, error) { return root, nil }, Now: func() time.Time { return time.Date(2026, 9, 15, 9, 0, 0, 0, time.UTC) }}
		l, err := f.LoadOnly(root, only)
		if err != nil {
			t.Fatal(err)
		}
		f.SayUnreadable(l.Repo)
		return out.String(), errb.String()
	}
	if out, errs := say("vi", nil); out != "" || errs != "2 bản ghi không đọc được nên không được tính; chạy coord check để xem lỗi.\n" {
		t.Errorf("vi: stdout %q, stderr %q", out, errs)
	}
	if out, errs := say("en", nil); out != "" || errs != "2 record(s) could not be read and were not counted; run coord check to see the errors.\n" {
		t.Errorf("en: stdout %q, stderr %q", out, errs)
	}
	if _, errs := say("vi", datarepo.Under("conclusions/")); !strings.HasPrefix(errs, "1 bản ghi không đọc được") {
		t.Errorf("conclusions only: %q", errs)
	}
	if out, errs := say("vi", datarepo.Under("programmes/")); out != "" || errs != "" {
		t.Errorf("every record read: stdout %q, stderr %q", out, errs)
	}
}
