package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/cmd/root"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/spf13/cobra"
)

// testdata/script/usage_errors.txtar shows a usage error of every command, in Vietnamese and in English: a
// command added to the tree without one fails here.
func TestUsageErrorsCoverEveryCommand(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "script", "usage_errors.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	script := string(b)
	f := cmdutil.New()
	f.Getwd = func() (string, error) { return t.TempDir(), nil }
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !strings.HasPrefix(c.Name(), "__") {
			path := regexp.QuoteMeta(strings.TrimPrefix(c.CommandPath(), "coord"))
			for _, lang := range []string{"", "--lang en "} {
				// the command path, then an argument, a flag or the end of the command line
				re := regexp.MustCompile(`(?m)^exec sh -c 'coord ` + regexp.QuoteMeta(lang) + strings.TrimPrefix(path, " ") + `[ ;]`)
				if c.HasParent() && !re.MatchString(script) || !c.HasParent() && !strings.Contains(script, "exec sh -c 'coord "+lang) {
					t.Errorf("usage_errors.txtar shows no usage error of %q (%q)", c.CommandPath(), lang)
				}
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root.NewCmdRoot(f))
}
