package when

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
)

// at builds an instant from "2006-01-02 15:04" in loc (the default zone when nil).
func at(t *testing.T, loc *time.Location, s string) time.Time {
	t.Helper()
	if loc == nil {
		loc = vietnam
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}

// errKey returns the catalog key of an *i18n.Error, failing the test for any other error.
func errKey(t *testing.T, err error) string {
	t.Helper()
	var ie *i18n.Error
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *i18n.Error", err, err)
	}
	return ie.Key
}

// checkRendered asserts that an error is in the catalog and renders cleanly in both languages: no missing or
// extra fmt arguments, and a Vietnamese text that differs from the English one.
func checkRendered(t *testing.T, err error) {
	t.Helper()
	key := errKey(t, err)
	if !i18n.Has(key) {
		t.Fatalf("key %q is not in the catalog", key)
	}
	vi, en := i18n.Localize(err, i18n.VI), i18n.Localize(err, i18n.EN)
	for _, s := range []string{vi, en} {
		if strings.Contains(s, "%!") {
			t.Errorf("%s renders badly: %q", key, s)
		}
	}
	if vi == en {
		t.Errorf("%s: Vietnamese and English render the same: %q", key, vi)
	}
}

func localizeVI(err error) string { return i18n.Localize(err, i18n.VI) }
