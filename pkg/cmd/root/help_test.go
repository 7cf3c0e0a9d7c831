package root

import (
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// tree builds the whole command tree as Main does, its texts in lang.
func tree(t *testing.T, lang i18n.Lang) *cobra.Command {
	t.Helper()
	f, _, _ := newFactory(t, t.TempDir())
	f.V.Set("lang", string(lang))
	return NewCmdRoot(f)
}

// commands lists every command of the tree by its path, cobra's internal __complete commands aside.
func commands(root *cobra.Command) map[string]*cobra.Command {
	out := map[string]*cobra.Command{}
	walk(root, func(c *cobra.Command) {
		if !strings.HasPrefix(c.Name(), "__") {
			out[c.CommandPath()] = c
		}
	})
	return out
}

// Every command's usage line, Short, Long and Example and every flag's usage is a text of the catalog, in
// Vietnamese in a Vietnamese tree and in English in an English one; so a command added without its texts in
// pkg/i18n/help.go fails here. No command checks its arguments with cobra's validators, which speak English.
func TestEveryHelpTextIsInTheCatalog(t *testing.T) {
	vi, en := commands(tree(t, i18n.VI)), commands(tree(t, i18n.EN))
	if len(vi) < 15 {
		t.Fatalf("only %d commands in the tree", len(vi))
	}
	for path, cv := range vi {
		ce := en[path]
		if ce == nil {
			t.Errorf("%s: not in the English tree", path)
			continue
		}
		base := helpKey(cv)
		texts := []struct {
			what     string
			vi, en   string
			required bool
		}{
			{"short", cv.Short, ce.Short, true},
			{"long", cv.Long, ce.Long, false},
			{"example", cv.Example, ce.Example, false},
			// A command without subcommands has a usage line of its own: "approve KỲ [--decision …]".
			{"use", cv.Use, ce.Use, !cv.HasSubCommands()},
		}
		for _, x := range texts {
			key := base + "." + x.what
			if !i18n.Has(key) {
				if x.required || (x.what != "use" && (x.vi != "" || x.en != "")) {
					t.Errorf("%s: its %s is not in the catalog: add %q to pkg/i18n/help.go (now %q)", path, x.what, key, x.vi)
				}
				continue
			}
			if want := i18n.M(key).Render(i18n.VI); x.vi != want || strings.TrimSpace(want) == "" {
				t.Errorf("%s: %s in Vietnamese is %q, the catalog says %q", path, x.what, x.vi, want)
			}
			if want := i18n.M(key).Render(i18n.EN); x.en != want || strings.TrimSpace(want) == "" {
				t.Errorf("%s: %s in English is %q, the catalog says %q", path, x.what, x.en, want)
			}
		}
		if firstWord(cv.Use) != cv.Name() || firstWord(ce.Use) != ce.Name() {
			t.Errorf("%s: the usage lines %q, %q do not start with the command's name", path, cv.Use, ce.Use)
		}
		if fn := cobraFunc(cv.Args); fn != "" && fn != "ArbitraryArgs" {
			t.Errorf("%s: checks its arguments with cobra.%s, whose errors are English: use cmdutil's", path, fn)
		}
		cv.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			fe := ce.LocalFlags().Lookup(fl.Name)
			key := flagKey(cv, fl.Name)
			if key == "" {
				t.Errorf("%s --%s: its usage is not in the catalog: add %q to pkg/i18n/help.go (now %q)", path, fl.Name, base+".flag."+fl.Name, fl.Usage)
				return
			}
			var args []any
			if fl.Name == "help" || fl.Name == "version" {
				args = []any{cv.DisplayName()}
			}
			for _, a := range fl.Annotations[cmdutil.HelpArgs] {
				args = append(args, a)
			}
			for _, x := range []struct {
				lang  i18n.Lang
				usage string
			}{{i18n.VI, fl.Usage}, {i18n.EN, fe.Usage}} {
				want := i18n.M(key, args...).Render(x.lang)
				if x.usage != want || strings.Contains(want, "%!") {
					t.Errorf("%s --%s (%s): usage %q, the catalog says %q", path, fl.Name, x.lang, x.usage, want)
				}
				// A flag that takes a value names it: "--out `THƯ-MỤC`" lists as "--out THƯ-MỤC".
				if fl.NoOptDefVal == "" && strings.Count(want, "`") != 2 {
					t.Errorf("%s --%s (%s): the usage names no value between backquotes: %q", path, fl.Name, x.lang, want)
				}
			}
		})
	}
}

// The language of the help is decided before cobra parses anything: --lang wherever pflag would read it,
// never a value of another flag.
func TestArgLang(t *testing.T) {
	root := tree(t, i18n.VI)
	cases := []struct {
		args []string
		want string
		ok   bool
	}{
		{[]string{"merge", "--help", "--lang", "en"}, "en", true},
		{[]string{"--lang=en", "help", "merge"}, "en", true},
		{[]string{"help", "merge", "--lang", "en"}, "en", true},
		{[]string{"merge", "-h"}, "", false},
		{[]string{"submit", "-m", "--lang", "x.yaml"}, "", false}, // "--lang" is the message
		{[]string{"merge", "--quarter", "--lang", "--lang", "en"}, "en", true},
		{[]string{"mrege", "--bogus", "--lang", "en"}, "en", true},
		{[]string{"merge", "--", "--lang", "en"}, "", false},
	}
	for _, c := range cases {
		got, ok := argLang(root, c.args)
		if got != c.want || ok != c.ok {
			t.Errorf("%q: --lang %q %v, want %q %v", c.args, got, ok, c.want, c.ok)
		}
	}
}

// Main: help in the language asked for, anywhere it can be asked; errors of arguments and flags in it too,
// even when they come before --lang.
func TestHelpLanguage(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("COORD_CONFIG", dir+"/none.yaml")
	t.Setenv("COORD_LANG", "")
	run := func(args ...string) (int, string, string) {
		f, out, errb := newFactory(t, dir)
		code := Main(f, args)
		return code, out.String(), errb.String()
	}
	for _, args := range [][]string{{"--lang", "en", "help", "merge"}, {"merge", "--help", "--lang", "en"}, {"help", "merge", "--lang=en"}} {
		code, out, _ := run(args...)
		if code != 0 || !strings.Contains(out, "Usage:") || !strings.Contains(out, "Global flags:") || strings.Contains(out, "Cách dùng") || strings.Contains(out, "Tổng hợp") {
			t.Errorf("%q: exit %d, not English:\n%s", args, code, out)
		}
	}
	code, out, _ := run("merge", "--help")
	if code != 0 || !strings.Contains(out, "Cách dùng:") || !strings.Contains(out, "Tùy chọn chung:") || strings.Contains(out, "Usage:") {
		t.Errorf("merge --help: exit %d, not Vietnamese:\n%s", code, out)
	}
	t.Setenv("COORD_LANG", "en")
	if code, out, _ := run("merge", "-h"); code != 0 || !strings.Contains(out, "Usage:") {
		t.Errorf("COORD_LANG=en merge -h: exit %d, not English:\n%s", code, out)
	}
	if code, out, _ := run("merge", "-h", "--lang", "vi"); code != 0 || !strings.Contains(out, "Cách dùng:") {
		t.Errorf("COORD_LANG=en merge -h --lang vi: exit %d, --lang did not win:\n%s", code, out)
	}
	t.Setenv("COORD_LANG", "")
	if code, _, errb := run("merge", "--bogus", "--lang", "en"); code != cmdutil.ExitEnv || !strings.Contains(errb, "coord merge has no flag --bogus") {
		t.Errorf("merge --bogus --lang en: exit %d, %q", code, errb)
	}
	if code, out, errb := run("help", "nothing"); code != cmdutil.ExitEnv || out != "" || !strings.Contains(errb, `không có lệnh "nothing"`) {
		t.Errorf("help nothing: exit %d, stdout %q, stderr %q", code, out, errb)
	}
}
