package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/rules"
)

// docRows are the rows of a Markdown table in a file of docs/ whose first cell is one or more `code` spans,
// by the code: its whole row.
func docRows(t *testing.T, page, header string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", page))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	at := strings.Index(text, header)
	if at < 0 {
		t.Fatalf("docs/%s has no table %q", page, header)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(text[at:], "\n")[2:] {
		if !strings.HasPrefix(line, "|") {
			break
		}
		first := strings.SplitN(line, "|", 3)[1]
		for _, m := range codeSpan.FindAllStringSubmatch(first, -1) {
			rows[m[1]] = line
		}
	}
	return rows
}

var codeSpan = regexp.MustCompile("`([^`]+)`")

// docs/rules.md, the contract CI filters and suppressions are written against, lists every registered rule
// with its usual severity, and no rule coord does not have.
func TestDocsListEveryRule(t *testing.T) {
	rows := docRows(t, "rules.md", "| rule | severity | what it checks | subject |")
	ids := map[string]bool{}
	for _, r := range rules.All() {
		ids[r.ID] = true
		row, ok := rows[r.ID]
		if !ok {
			t.Errorf("docs/rules.md has no row for %s", r.ID)
			continue
		}
		if sev := strings.Split(row, "|")[2]; !strings.Contains(sev, string(r.Severity)) {
			t.Errorf("docs/rules.md gives %s the severity %q; it is registered as %s", r.ID, strings.TrimSpace(sev), r.Severity)
		}
	}
	for id := range rows {
		if !ids[id] {
			t.Errorf("docs/rules.md has a row for %s, which is not a registered rule", id)
		}
	}
}

// Each subject a rule gives its findings on the script tests' repos is documented in docs/output.md's table
// of subjects, in the row of the subject's prefix, which names the rule.
func TestDocsListEverySubject(t *testing.T) {
	rows := docRows(t, "output.md", "| subject | rules |")
	byPrefix := map[string]string{}
	for code, row := range rows {
		if prefix, _, ok := strings.Cut(code, ":"); ok {
			byPrefix[prefix] = row
		}
	}
	seen := map[string]bool{}
	for _, sc := range scriptRepos(t) {
		for _, f := range rules.Run(sc.ctx, rules.All()) {
			prefix, _, ok := strings.Cut(f.Subject, ":")
			if !ok || seen[f.Rule+" "+prefix] {
				continue
			}
			seen[f.Rule+" "+prefix] = true
			if row := byPrefix[prefix]; !strings.Contains(row, "`"+f.Rule+"`") {
				t.Errorf("%s: %s gives the subject %q; docs/output.md's row for %s: does not name the rule: %q", sc.name, f.Rule, f.Subject, prefix, row)
			}
		}
	}
	if len(seen) < 10 {
		t.Fatalf("only %d rule and subject pairs seen on the scripts' repos: %v", len(seen), seen)
	}
}
