package vntext

import (
	"testing"
)

func TestKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Tỉnh ủy", "tinh uy"},
		{"Tỉnh uỷ", "tinh uy"}, // old-style tone placement
		{"TỈNH ỦY", "tinh uy"},
		{"tinh uy", "tinh uy"},
		{"Ti\u0309nh u\u0309y", "tinh uy"}, // decomposed
		{"Hội trường  A, Tỉnh ủy", "hoi truong a tinh uy"},
		{"Đồng Nai", "dong nai"},
		{"  Phường Trấn Biên ", "phuong tran bien"},
		{"hoà bình", "hoa binh"},
		{"hòa bình", "hoa binh"},
		{"Thủy", "thuy"},
		{"Thuỷ", "thuy"},
		{"", ""},
		{"!!!", ""},
		{"Số 12", "so 12"},
	}
	for _, c := range cases {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNFC(t *testing.T) {
	dec := "Ho\u0323\u0302i nghi\u0323"
	if IsNFC(dec) {
		t.Fatal("decomposed text reported as NFC")
	}
	if got := NFC(dec); got != "Hội nghị" || !IsNFC(got) {
		t.Fatalf("NFC(%q) = %q", dec, got)
	}
	if !IsNFC("Hội nghị") {
		t.Fatal("NFC text reported as not NFC")
	}
}

func TestMatcher(t *testing.T) {
	m := NewMatcher()
	m.Add("hoi-truong-tinh-uy", "Hội trường Tỉnh ủy", "Hội trường A Tỉnh ủy")
	m.Add("hoi-truong-ubnd", "Hội trường UBND tỉnh")
	m.Add("tru-so-tiep-cong-dan", "Trụ sở tiếp công dân tỉnh")
	for _, in := range []string{"hội trường tỉnh uỷ", "HỘI TRƯỜNG A TỈNH ỦY", "hoi-truong-tinh-uy", "Hoi truong tinh uy"} {
		if id, ok := m.Lookup(in); !ok || id != "hoi-truong-tinh-uy" {
			t.Errorf("Lookup(%q) = %q, %v", in, id, ok)
		}
	}
	if id, ok := m.Lookup("Nhà văn hóa ấp 3"); ok {
		t.Errorf("unexpected match %q", id)
	}
	if got := m.Suggest("hoi-truong-ubdn", 3); len(got) == 0 || got[0] != "hoi-truong-ubnd" {
		t.Errorf("Suggest = %v", got)
	}
	if got := m.Suggest("zzzzzzzzzzzz", 3); len(got) != 0 {
		t.Errorf("Suggest of nonsense = %v", got)
	}
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"trần", "tran", 1}, {"tran-van-an", "tran-van-anh", 1}}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q,%q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Tỉnh ủy", "Tỉnh uỷ", "\xff\xfe", "Đ", "a\u0301\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key not idempotent: %q -> %q -> %q", s, k, Key(k))
		}
		if Key(NFC(s)) != k {
			t.Fatalf("Key depends on normalisation form: %q", s)
		}
	})
}
