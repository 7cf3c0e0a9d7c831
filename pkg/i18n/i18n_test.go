package i18n

import (
	"regexp"
	"strings"
	"testing"
)

var verbRe = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// Every key is defined once across the areas, in both languages, with the same fmt verbs in the same order.
func TestCatalog(t *testing.T) {
	seen := map[string]int{}
	for i, area := range areas {
		for k, v := range area {
			if j, dup := seen[k]; dup {
				t.Errorf("key %q defined in area %d and area %d", k, j, i)
			}
			seen[k] = i
			if k == "rule.no_hint" {
				continue // deliberately empty
			}
			if strings.TrimSpace(v.VI) == "" || strings.TrimSpace(v.EN) == "" {
				t.Errorf("key %q: a language is empty: %+v", k, v)
			}
			vi, en := verbRe.FindAllString(v.VI, -1), verbRe.FindAllString(v.EN, -1)
			if strings.Join(vi, " ") != strings.Join(en, " ") {
				t.Errorf("key %q: verbs differ: vi %v, en %v", k, vi, en)
			}
		}
	}
	if len(seen) < 50 {
		t.Fatalf("catalog has only %d keys", len(seen))
	}
}

func TestRender(t *testing.T) {
	m := M("finding.summary", 3, 3, 1, 0, 2)
	if got := m.Render(VI); got != "3 tệp, 3 hồ sơ: 1 lỗi, 0 cảnh báo, 2 thông tin" {
		t.Errorf("vi: %q", got)
	}
	if got := m.Render(EN); got != "3 files, 3 records: 1 errors, 0 warnings, 2 infos" {
		t.Errorf("en: %q", got)
	}
	nested := M("rule.when.invalid", "x", Errorf("period.invalid", "2026-Q5"))
	if got := nested.Render(VI); !strings.Contains(got, "kỳ \"2026-Q5\" không hợp lệ") {
		t.Errorf("nested message not rendered in Vietnamese: %q", got)
	}
	if got := M("no.such.key", 1).Render(VI); got != "no.such.key 1" {
		t.Errorf("unknown key: %q", got)
	}
	if l, err := ParseLang("EN"); err != nil || l != EN {
		t.Errorf("ParseLang(EN) = %v, %v", l, err)
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("ParseLang(fr) accepted")
	}
}
