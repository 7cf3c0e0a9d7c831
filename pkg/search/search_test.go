package search

import (
	"strings"
	"testing"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/record"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		q, s string
		want bool
	}{
		{"hoà", "Quy chế hòa giải", true},
		{"HÒA GIẢI", "quy chế hoà giải ở cơ sở", true},
		{"thuý", "Nguyễn Thị Thúy", true},
		{"thúy", "NGUYỄN THỊ THUÝ", true},
		{"Thuy", "Chi cục Thuỷ lợi", true},
		{"tinh uy", "Văn phòng Tỉnh ủy", true},
		{"quy hoach", "điều chỉnh Quy hoạch tỉnh", true},
		{"quy hoach", "quy-hoach-dieu-chinh", true},
		{"an", "Ban Thường vụ", false},        // whole words
		{"hoạch", "hoạch định", true},         // a word at the start
		{"ban thuong", "Ban Thường vụ", true}, // words in order
		{"thuong ban", "Ban Thường vụ", false},
		{"171-TB/TU", "thông báo 171-TB/TU", true},
		{"đ", "Đà Lạt", false},
		{"d", "Đ", true},
	} {
		q, ok := NewQuery(tc.q)
		if !ok {
			t.Fatalf("NewQuery(%q) refused", tc.q)
		}
		if got := q.Match(tc.s); got != tc.want {
			t.Errorf("%q in %q: %v, want %v", tc.q, tc.s, got, tc.want)
		}
	}
	if _, ok := NewQuery(" -- !"); ok {
		t.Error("a query without letters or digits is refused")
	}
}

// The example province: hits carry file, line, kind and field; a petition's sealed value and its index are
// never searched, whatever is asked.
func TestFindExample(t *testing.T) {
	dir := t.TempDir()
	if err := examples.WriteProvince(dir, ""); err != nil {
		t.Fatal(err)
	}
	r, err := datarepo.Load(dir, datarepo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := NewQuery("giải ngân")
	hits := Find(r, q, []string{record.KindConclusion})
	if len(hits) == 0 {
		t.Fatal("no hit")
	}
	for _, h := range hits {
		if h.Kind != record.KindConclusion || !strings.HasPrefix(h.File, "conclusions/") || h.Line < 1 || h.Field == "" {
			t.Errorf("hit %+v", h)
		}
	}
	// Every petition's sealed identity and index, searched by a piece of themselves: nothing.
	for _, f := range r.Files {
		p, ok := f.Value.(*record.Petition)
		if !ok {
			continue
		}
		for _, v := range []string{p.Petitioner, p.PetitionerIndex} {
			piece := strings.TrimPrefix(strings.TrimPrefix(v, "ENC[age,"), "bi1:")
			if len(piece) > 20 {
				piece = piece[:20]
			}
			q, ok := NewQuery(piece)
			if !ok {
				continue
			}
			for _, h := range Find(r, q, nil) {
				if h.File == f.Path {
					t.Errorf("%s: sealed field searched: %+v", f.Path, h)
				}
			}
		}
	}
}
