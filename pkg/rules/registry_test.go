package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/rogpeppe/go-internal/txtar"
)

// sharedKeys are the rule messages of the machinery several rules share, not of one rule.
var sharedKeys = map[string]string{
	"rule.overlap.kept": "schedule.go: a conflict the coordinator kept on purpose, for every schedule rule",
	"rule.no_hint":      "i18n.DidYouMean: nothing close",
	"rule.hint1":        "i18n.DidYouMean: one close name",
	"rule.hint2":        "i18n.DidYouMean: two close names",
}

// ruleCatalog is the entries of pkg/i18n/rule.go, the one catalog file of the rules' messages: each key's
// Vietnamese and English text as written there.
func ruleCatalog(t *testing.T) map[string][2]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../i18n/rule.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string][2]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		bl, ok := kv.Key.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return true
		}
		k, _ := strconv.Unquote(bl.Value)
		var text [2]string
		if cl, ok := kv.Value.(*ast.CompositeLit); ok && len(cl.Elts) == 2 {
			for i, e := range cl.Elts {
				if v, ok := e.(*ast.BasicLit); ok {
					text[i], _ = strconv.Unquote(v.Value)
				}
			}
		}
		keys[k] = text
		return false
	})
	return keys
}

var ruleLiteral = regexp.MustCompile(`"(rule\.[A-Za-z0-9_./-]*)"`)

// A rule is one file and its test: named after its id, registering itself, its messages in the one catalog
// file in both languages, and a script test. This test fails when a rule lacks any of them.
func TestEveryRuleIsComplete(t *testing.T) {
	catalog := ruleCatalog(t)
	claimed := map[string]bool{}
	for k := range sharedKeys {
		claimed[k] = true
	}
	all := rules.All()
	if len(all) < 20 {
		t.Fatalf("only %d rules registered", len(all))
	}
	for _, r := range all {
		base := strings.ReplaceAll(r.ID, "/", "_")
		src, err := os.ReadFile(base + ".go")
		if err != nil {
			t.Errorf("%s: the rule's file: %v", r.ID, err)
			continue
		}
		if !strings.Contains(string(src), "register(Rule{ID: "+strconv.Quote(r.ID)) {
			t.Errorf("%s: %s.go does not register it", r.ID, base)
		}
		if _, err := os.Stat(base + "_test.go"); err != nil {
			t.Errorf("%s: the rule's test: %v", r.ID, err)
		}
		script := filepath.Join("..", "..", "cmd", "coord", "testdata", "script", "rule_"+base+".txtar")
		if b, err := os.ReadFile(script); err != nil || !strings.Contains(string(b), r.ID) {
			t.Errorf("%s: no script test %s naming it (%v)", r.ID, script, err)
		}
		// A rule that does not say what it compares a record with makes coord check read the whole repo at
		// once (memory growing with the years): every shipped rule says it.
		if r.Across == rules.AcrossRepo {
			t.Errorf("%s: no Across: say what the rule compares a record with (rules.Across)", r.ID)
		}
		switch r.Severity {
		case finding.Error, finding.Warning, finding.Info:
		default:
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		if (r.Check == nil) == (r.Schedule == nil) {
			t.Errorf("%s: a rule has exactly one of Check and Schedule", r.ID)
		}
		declared := map[string]bool{r.DocKey(): true}
		for _, k := range append([]string{r.DocKey()}, r.Keys...) {
			declared[k] = true
			claimed[k] = true
			text, ok := catalog[k]
			if !ok {
				t.Errorf("%s: key %q is not in pkg/i18n/rule.go", r.ID, k)
			}
			if !i18n.Has(k) || strings.TrimSpace(text[0]) == "" || strings.TrimSpace(text[1]) == "" {
				t.Errorf("%s: key %q lacks its Vietnamese or English text: %q / %q", r.ID, k, text[0], text[1])
			}
		}
		for _, m := range ruleLiteral.FindAllStringSubmatch(string(src), -1) {
			if k := m[1]; !strings.HasSuffix(k, ".") && !declared[k] && sharedKeys[k] == "" {
				t.Errorf("%s: %s.go uses %q but does not declare it in Keys", r.ID, base, k)
			}
		}
	}
	// The shared machinery's messages are in the catalog file too, and nothing there is nobody's.
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range ruleLiteral.FindAllStringSubmatch(string(src), -1) {
			if k := m[1]; !strings.HasSuffix(k, ".") && !inCatalog(catalog, k) && !strings.Contains(k, "<") {
				t.Errorf("%s uses %q, which is not in pkg/i18n/rule.go", f, k)
			}
		}
	}
	for k := range catalog {
		if !claimed[k] {
			t.Errorf("pkg/i18n/rule.go has %q, which no rule declares", k)
		}
	}
}

func inCatalog(c map[string][2]string, k string) bool { _, ok := c[k]; return ok }

var asOfFlag = regexp.MustCompile(`--as-of[ =]([0-9-]{10})`)

// Every message a rule emits on the script tests' repos is one it declares: run every rule over the data
// repo of each rule_*.txtar and shared script (in memory) and compare the keys of the findings, nested messages included,
// with the rule's Keys. Each rule must show at least one finding there, except the two whose input the
// scripts build by running coord (authz/path judges commits, consolidated/stale a record coord merge
// writes): their own tests cover them.
func TestFindingsUseDeclaredKeys(t *testing.T) {
	declared := map[string]map[string]bool{}
	for _, r := range rules.All() {
		declared[r.ID] = map[string]bool{}
		for _, k := range r.Keys {
			declared[r.ID][k] = true
		}
	}
	seen := map[string]int{}
	for _, sc := range scriptRepos(t) {
		c := sc.ctx
		loader := map[string]bool{}
		for _, p := range c.Repo.Problems {
			loader[p.Msg.Key] = true
		}
		for _, f := range c.Repo.Files {
			for _, p := range f.Problems {
				loader[p.Msg.Key] = true
			}
		}
		for _, f := range rules.Run(c, rules.All()) {
			seen[f.Rule]++
			for i, k := range msgKeys(f.Msg) {
				if declared[f.Rule][k] || sharedKeys[k] != "" || (i > 0 && !strings.HasPrefix(k, "rule.")) || (i == 0 && loader[k]) {
					continue // a nested message of another domain (a date phrase), or the loader's own words
				}
				t.Errorf("%s: %s emits %q, which it does not declare", sc.name, f.Rule, k)
			}
		}
	}
	for _, r := range rules.All() {
		if seen[r.ID] == 0 && r.ID != "authz/path" && r.ID != "consolidated/stale" {
			t.Errorf("%s: no finding on any script's repo", r.ID)
		}
	}
}

// scriptRepo is the data repo of a rule_*.txtar or shared script, loaded in memory as of the script's --as-of.
type scriptRepo struct {
	name string
	ctx  *rules.Context
}

// sharedScripts are the scripts of the rules' shared machinery (not named after a rule), read with the rule_*.txtar
// scripts: clash_clusters.txtar is where overlap/person and overlap/venue report clashes of more than two events.
var sharedScripts = []string{"clash_clusters.txtar"}

// scriptRepos loads the data repo of every rule_*.txtar script and of sharedScripts (their YAML members), each
// as of the first --as-of in the script's comment (2026-06-15 when it has none).
func scriptRepos(t *testing.T) []scriptRepo {
	t.Helper()
	dir := filepath.Join("..", "..", "cmd", "coord", "testdata", "script")
	scripts, _ := filepath.Glob(filepath.Join(dir, "rule_*.txtar"))
	if len(scripts) < 20 {
		t.Fatalf("only %d rule scripts", len(scripts))
	}
	for _, s := range sharedScripts {
		scripts = append(scripts, filepath.Join(dir, s))
	}
	var out []scriptRepo
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".yml") {
				files[f.Name] = string(f.Data)
			}
		}
		asOf := "2026-06-15"
		if m := asOfFlag.FindSubmatch(a.Comment); m != nil {
			asOf = string(m[1])
		}
		out = append(out, scriptRepo{name: filepath.Base(s), ctx: memContext(t, files, asOf)})
	}
	return out
}

// msgKeys are a message's key and the keys of the messages among its arguments.
func msgKeys(m i18n.Msg) []string {
	out := []string{m.Key}
	for _, a := range m.Args {
		switch v := a.(type) {
		case i18n.Msg:
			out = append(out, msgKeys(v)...)
		case *i18n.Error:
			out = append(out, msgKeys(v.Msg)...)
		}
	}
	return out
}
