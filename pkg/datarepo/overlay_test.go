package datarepo_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/internal/testtree"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/record"
)

// Overlay is the repo with some records replaced, added or gone, the registry taken from the overlaid
// files; the loaded repo is not changed, so a submission can be validated again over newer work.
func TestOverlay(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"coord.yaml":            "kind: settings\nversion: 1\nprovince: Đồng Nai\n",
		"registry/offices.yaml": "kind: offices\noffices:\n  - code: VPTU\n    name: Văn phòng Tỉnh ủy\n",
		"documents/2026/VPTU/1-TB-TU.yaml": "kind: document\nnumber: 01-TB/TU\ntype: TB\ndate: 2026-01-05\nissuer: VPTU\n" +
			"summary: Thông báo\nrecipients: [VPTU]\n",
	}
	testtree.Write(t, root, files)
	r, err := datarepo.Load(root, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	offices := record.Decode("registry/offices.yaml", []byte("kind: offices\noffices:\n  - code: VPTU\n    name: Văn phòng Tỉnh ủy\n  - code: VPUBND\n    name: Văn phòng UBND tỉnh\n"), nil)
	added := record.Decode("documents/2026/VPTU/2-TB-TU.yaml", []byte("kind: document\nnumber: 02-TB/TU\n"), nil)
	o := r.Overlay([]*record.File{offices, added}, map[string]bool{"documents/2026/VPTU/1-TB-TU.yaml": true})
	if o.File("documents/2026/VPTU/1-TB-TU.yaml") != nil || o.File(added.Path) != added || o.File("registry/offices.yaml") != offices {
		t.Fatal("overlay lookups")
	}
	if len(o.Offices.Offices) != 2 || len(r.Offices.Offices) != 1 {
		t.Fatalf("offices: overlay %d, loaded %d", len(o.Offices.Offices), len(r.Offices.Offices))
	}
	var paths []string
	for _, f := range o.Files {
		paths = append(paths, f.Path)
	}
	want := []string{"coord.yaml", added.Path, "registry/offices.yaml"}
	if len(paths) != len(want) {
		t.Fatalf("overlay files %v, want %v", paths, want)
	}
	for i := range want {
		if paths[i] != want[i] {
			t.Fatalf("overlay files %v, want %v (sorted)", paths, want)
		}
	}
	if len(r.Files) != 3 || r.File("documents/2026/VPTU/1-TB-TU.yaml") == nil || r.File(added.Path) != nil {
		t.Fatal("the loaded repo changed")
	}
}
