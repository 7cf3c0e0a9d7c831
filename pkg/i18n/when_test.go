package i18n

import (
	"regexp"
	"strings"
	"testing"
)

// TestCatalogVerbsAgree renders every when.* message with numbered markers as arguments: the markers must come
// out in the same order in Vietnamese and English (fmt verbs in the same order), and the texts must differ
// except for words that are the same in both languages.
func TestCatalogVerbsAgree(t *testing.T) {
	marker := regexp.MustCompile(`<[0-9]>`)
	args := []any{"<0>", "<1>", "<2>", "<3>", "<4>", "<5>"}
	n := 0
	for key := range catalog {
		if !strings.HasPrefix(key, "when.") {
			continue
		}
		n++
		m := M(key, args...)
		vi, en := m.Render(VI), m.Render(EN)
		if a, b := strings.Join(marker.FindAllString(vi, -1), ""), strings.Join(marker.FindAllString(en, -1), ""); a != b {
			t.Errorf("%s: arguments in a different order: vi %q, en %q", key, vi, en)
		}
		if vi == en {
			t.Errorf("%s: same text in both languages: %q", key, vi)
		}
	}
	if n < 40 {
		t.Errorf("only %d when.* keys in the catalog", n)
	}
}
