package rulescmd

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/spf13/viper"
)

// Every registered rule has its row in `coord rules`, in both languages: id, severity, what it checks.
func TestEveryRuleHasARow(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		var out bytes.Buffer
		f := &cmdutil.Factory{In: strings.NewReader(""), Out: &out, Err: &out, V: viper.New()}
		f.V.Set("lang", string(lang))
		cmd := NewCmdRules(f)
		cmd.SetArgs(nil)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		all := rules.All()
		if len(lines) != len(all) {
			t.Errorf("%s: %d rows for %d rules:\n%s", lang, len(lines), len(all), out.String())
		}
		for _, r := range all {
			sev := i18n.M("severity." + string(r.Severity)).Render(lang)
			row := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(r.ID) + `\s+` + regexp.QuoteMeta(sev) + `\s+` + regexp.QuoteMeta(r.Doc().Render(lang)) + `$`)
			if !row.MatchString(out.String()) {
				t.Errorf("%s: no row for %s (%s):\n%s", lang, r.ID, sev, out.String())
			}
		}
	}
}
