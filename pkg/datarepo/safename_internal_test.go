package datarepo

import (
	"regexp"
	"testing"
)

// safeName is the pattern SafeName's characters follow.
var safeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// FuzzSafeName: SafeName's byte-by-byte check accepts exactly what its pattern (safeName) accepts.
func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"", "a", "VPTU", "VPTU-2026-000045", "../x", ".x", "-x", "a b", "a/b", "Đ", "a\x00",
		string(make([]byte, 100)), "a.b_c-d", "x" + string(make([]byte, 99)), "COM1"} {
		f.Add(s)
	}
	long := make([]byte, 101)
	for i := range long {
		long[i] = 'a'
	}
	f.Add(string(long))
	f.Add(string(long[:100]))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := safeChars(s), safeName.MatchString(s); got != want {
			t.Fatalf("safeChars(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
