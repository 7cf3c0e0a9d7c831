package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/coordvn/coord/pkg/cmd/root"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/ospath"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the cmp files of the scripts with the actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"coord": func() { os.Exit(root.Main(cmdutil.New(), os.Args[1:])) },
		// coord matching paths as on Windows (any case, backslashes) on this machine: ospath's test hook.
		"coord-windows": func() {
			ospath.SetNative(ospath.Windows)
			os.Exit(root.Main(cmdutil.New(), os.Args[1:]))
		},
	})
}

// TestScripts runs every testdata/script/*.txtar: each sets up a tree, runs coord, and compares output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: *update,
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"encode": cmdEncode},
		Setup: func(env *testscript.Env) error {
			// No user config or environment may leak into a script.
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/home/.config")
			env.Setenv("COORD_LANG", "")
			return nil
		},
	})
}
