// Package root assembles the coord command tree, its global flags and settings (viper: flags, then
// COORD_* environment variables, then ~/.config/coord/config.yaml), and maps errors to exit codes.
package root

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/cmd/approve"
	"github.com/coordvn/coord/pkg/cmd/check"
	"github.com/coordvn/coord/pkg/cmd/clone"
	"github.com/coordvn/coord/pkg/cmd/fmtcmd"
	"github.com/coordvn/coord/pkg/cmd/hook"
	"github.com/coordvn/coord/pkg/cmd/initcmd"
	"github.com/coordvn/coord/pkg/cmd/issue"
	"github.com/coordvn/coord/pkg/cmd/merge"
	"github.com/coordvn/coord/pkg/cmd/newcmd"
	"github.com/coordvn/coord/pkg/cmd/notify"
	"github.com/coordvn/coord/pkg/cmd/rulescmd"
	"github.com/coordvn/coord/pkg/cmd/submit"
	synccmd "github.com/coordvn/coord/pkg/cmd/sync"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/par"
	"github.com/spf13/cobra"
)

// Version is set at build time (-ldflags "-X github.com/coordvn/coord/pkg/cmd/root.Version=…").
var Version = "dev"

// NewCmdRoot builds the command tree, its texts in the user's language (help.go: the catalog's help.*
// entries, coord's help and usage pages, the errors of arguments and flags).
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:           "coord",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if _, err := i18n.ParseLang(f.V.GetString("lang")); err != nil {
				return cmdutil.Usage(i18n.Errorf("cli.bad_lang", f.V.GetString("lang")))
			}
			return nil
		},
	}
	pf := cmd.PersistentFlags()
	pf.StringP("repo", "C", "", "")
	pf.String("lang", "vi", "")
	pf.String("as-of", "", "")
	for _, name := range []string{"repo", "lang", "as-of"} {
		_ = f.V.BindPFlag(name, pf.Lookup(name))
	}
	cmd.AddCommand(check.NewCmdCheck(f, nil))
	cmd.AddCommand(submit.NewCmdSubmit(f, nil))
	cmd.AddCommand(clone.NewCmdClone(f, nil))
	cmd.AddCommand(synccmd.NewCmdSync(f, nil))
	cmd.AddCommand(initcmd.NewCmdInit(f, nil))
	cmd.AddCommand(fmtcmd.NewCmdFmt(f, nil))
	cmd.AddCommand(rulescmd.NewCmdRules(f))
	cmd.AddCommand(newcmd.NewCmdNew(f, nil))
	cmd.AddCommand(merge.NewCmdMerge(f, nil))
	cmd.AddCommand(approve.NewCmdApprove(f, nil))
	cmd.AddCommand(issue.NewCmdIssue(f, nil))
	cmd.AddCommand(notify.NewCmdNotify(f, nil))
	cmd.AddCommand(hook.NewCmdHook(f))
	prepare(cmd, f)
	localize(cmd, f.Lang())
	return cmd
}

// Configure wires viper: COORD_* environment variables and the user's config file.
func Configure(f *cmdutil.Factory) {
	f.V.SetEnvPrefix("COORD")
	f.V.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	f.V.AutomaticEnv()
	f.V.SetDefault("lang", "vi")
	f.V.SetDefault("remote", "origin")
	f.V.SetDefault("branch", "main")
	for _, k := range []string{"repo", "office", "name", "email", "remote", "branch", "token", "ssh_key", "ca_file", "ssh_trust", "identity", "lang", "as-of"} {
		_ = f.V.BindEnv(k)
	}
	_ = f.V.BindEnv("identity", "COORD_AGE_IDENTITY")
	if path := configFile(); path != "" {
		if _, err := os.Stat(path); err == nil {
			f.V.SetConfigFile(path)
			f.V.SetConfigType("yaml")
			if err := f.V.ReadInConfig(); err != nil {
				fmt.Fprintf(f.Err, "coord: %s: %v\n", path, err)
			}
		}
	}
}

// configFile is ~/.config/coord/config.yaml (XDG_CONFIG_HOME honoured; %AppData%\coord on Windows).
func configFile() string {
	if p := os.Getenv("COORD_CONFIG"); p != "" {
		return p
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "coord", "config.yaml")
}

// Main runs coord with args and returns the exit code. It never panics on user input: a panic is caught,
// reported as an internal error, and exits 2.
func Main(f *cmdutil.Factory, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			if p, ok := r.(*par.Panic); ok { // a worker's panic, already worded with the file being read
				fmt.Fprintln(f.Err, "coord: "+i18n.Localize(p, f.Lang()))
			} else {
				fmt.Fprintln(f.Err, i18n.M("cli.internal", r).Render(f.Lang()))
			}
			code = cmdutil.ExitEnv
		}
	}()
	Configure(f)
	cmd := NewCmdRoot(f)
	if lang, ok := argLang(cmd, args); ok {
		// --lang decides before the flags are parsed: the help, and an error in the flags before --lang.
		_ = cmd.PersistentFlags().Set("lang", lang)
		localize(cmd, f.Lang())
	}
	// On Windows, coord.exe opened from Explorer says so and closes (cobra's "mousetrap").
	cobra.MousetrapHelpText = i18n.M("help.mousetrap").Render(f.Lang())
	if args == nil {
		args = []string{} // not os.Args
	}
	cmd.SetArgs(args)
	cmd.SetIn(f.In)
	cmd.SetOut(f.Out)
	cmd.SetErr(f.Err)
	err := cmd.Execute()
	if err == nil {
		return cmdutil.ExitOK
	}
	var ee *cmdutil.ExitError
	if !(errors.As(err, &ee) && ee.Silent) {
		fmt.Fprintln(f.Err, "coord: "+i18n.Localize(err, f.Lang()))
	}
	return cmdutil.Code(err)
}
