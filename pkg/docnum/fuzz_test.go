package docnum

import (
	"errors"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/i18n"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"12/QĐ-UBND", "45/BC-UBND-VP", "15/UBND-VP", "89/2025/QĐ-UBND", "01-QC/TU",
		"01-QC/VPTU-VPHĐND-VPUBND", "15-QĐi/TU", "10/QyĐ-UBND", "Số: 12/QĐ-UBND", "12/Qđ-UBND", "01-Qđ/TU",
		"12/Q\u00d0-UBND", "0/QĐ-UBND", "89/1944/QĐ-UBND", "12/QĐ-UBND-", "01-QC/TU/VP", "12 / QĐ", "So\u0302\u0301",
		"12/QĐ–UBND", "", "/", "-/", "1/-", "1-/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var e *i18n.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q): error %T is not *i18n.Error", s, err)
			}
			if !i18n.Has(e.Key) {
				t.Fatalf("Parse(%q): key %s not in the catalog", s, e.Key)
			}
			return
		}
		if n.Seq < 1 || (n.Regime != State && n.Regime != Party) || len(n.Issuers) == 0 {
			t.Fatalf("Parse(%q) = %#v: invalid fields", s, n)
		}
		if n.Regime == Party && n.Type == "" {
			t.Fatalf("Parse(%q): Party number without a type", s)
		}
		if !utf8.ValidString(n.Raw) || utf8.RuneCountInString(n.Raw) > MaxLen {
			t.Fatalf("Parse(%q): bad Raw %q", s, n.Raw)
		}
		c := n.String()
		m, err := Parse(c)
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its canonical form %q fails: %v", s, c, err)
		}
		if m.Raw != c {
			t.Fatalf("canonical %q re-parsed with Raw %q", c, m.Raw)
		}
		m.Raw = n.Raw // Raw is the input as written; every other field must survive the round trip
		if !reflect.DeepEqual(m, n) {
			t.Fatalf("round trip of %q via %q:\n got %#v\nwant %#v", s, c, m, n)
		}
		if m.String() != c {
			t.Fatalf("String not idempotent: %q -> %q", c, m.String())
		}
	})
}
