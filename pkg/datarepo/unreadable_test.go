package datarepo_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/internal/testtree"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/record"
)

// Unreadable names the record files loaded that gave no value — they do not parse, name no kind coord knows,
// or could not be read at all (too big) — and only those: a record with a schema error is still read (the
// commands use what it says), and a file outside the record folders is no record.
func TestUnreadable(t *testing.T) {
	root := t.TempDir()
	doc := "kind: document\nnumber: 01-TB/TU\ntype: TB\ndate: 2026-01-05\nissuer: VPTU\nsummary: Thông báo\nrecipients: [VPTU]\n"
	files := map[string]string{
		"coord.yaml":                           "kind: settings\nversion: 1\nprovince: Đồng Nai\n",
		"registry/offices.yaml":                "kind: offices\noffices:\n  - code: VPTU\n    name: Văn phòng Tỉnh ủy\n",
		"documents/2026/VPTU/1-TB-TU.yaml":     doc,
		"documents/2026/VPTU/2-TB-TU.yaml":     strings.Replace(doc, "2026-01-05", "05/01/2026", 1),       // a schema error: still read
		"documents/2026/VPTU/3-TB-TU.yaml":     "kind: vanban\nnumber: 03-TB/TU\n",                        // no such kind
		"conclusions/2026/VPTU/ket-luan.yaml":  "kind: conclusion\ntasks: [\n",                            // YAML that does not parse
		"conclusions/2026/VPTU/qua-lon.yaml":   "kind: conclusion\n# " + strings.Repeat("x", 2000) + "\n", // over the size limit
		"ghi-chu/khong-phai-ban-ghi.yaml":      "kind: [\n",                                               // outside the record folders
		"documents/2026/VPTU/4-TB-TU.yaml.bak": "kind: [\n",                                               // not a record name
	}
	testtree.Write(t, root, files)
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	r, err := datarepo.Load(root, datarepo.Options{Validate: v, MaxBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"conclusions/2026/VPTU/ket-luan.yaml", "conclusions/2026/VPTU/qua-lon.yaml", "documents/2026/VPTU/3-TB-TU.yaml"}
	if got := r.Unreadable(); !slices.Equal(got, want) {
		t.Errorf("unreadable\n got %v\nwant %v", got, want)
	}
	// Only what was loaded counts: the documents alone.
	r, err = datarepo.Load(root, datarepo.Options{Validate: v, MaxBytes: 1000, Only: datarepo.Under("documents/")})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Unreadable(); !slices.Equal(got, []string{"documents/2026/VPTU/3-TB-TU.yaml"}) {
		t.Errorf("documents only: %v", got)
	}
}
