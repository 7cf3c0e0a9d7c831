// Package root assembles the coord command tree, its global flags and settings (viper: flags, then
// COORD_* environment variables, then ~/.config/coord/config.yaml), and maps errors to exit codes.
package root

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/coordvn/coord/pkg/cmd/approve"
	"github.com/coordvn/coord/pkg/cmd/check"
	"github.com/coordvn/coord/pkg/cmd/clone"
	configcmd "github.com/coordvn/coord/pkg/cmd/config"
	"github.com/coordvn/coord/pkg/cmd/fmtcmd"
	"github.com/coordvn/coord/pkg/cmd/hook"
	"github.com/coordvn/coord/pkg/cmd/initcmd"
	"github.com/coordvn/coord/pkg/cmd/issue"
	"github.com/coordvn/coord/pkg/cmd/merge"
	"github.com/coordvn/coord/pkg/cmd/newcmd"
	"github.com/coordvn/coord/pkg/cmd/notify"
	petitioncmd "github.com/coordvn/coord/pkg/cmd/petition"
	"github.com/coordvn/coord/pkg/cmd/rulescmd"
	statuscmd "github.com/coordvn/coord/pkg/cmd/status"
	"github.com/coordvn/coord/pkg/cmd/submit"
	synccmd "github.com/coordvn/coord/pkg/cmd/sync"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/par"
	"github.com/coordvn/coord/pkg/userconfig"
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
	cmd.AddCommand(synccmd.NewCmdSync(f, func(o *synccmd.Options) error { return statuscmd.RecordSync(f, func() error { return synccmd.Run(o) }) }))
	cmd.AddCommand(initcmd.NewCmdInit(f, nil))
	cmd.AddCommand(fmtcmd.NewCmdFmt(f, nil))
	cmd.AddCommand(rulescmd.NewCmdRules(f))
	cmd.AddCommand(newcmd.NewCmdNew(f, nil))
	cmd.AddCommand(merge.NewCmdMerge(f, nil))
	cmd.AddCommand(approve.NewCmdApprove(f, nil))
	cmd.AddCommand(issue.NewCmdIssue(f, nil))
	cmd.AddCommand(notify.NewCmdNotify(f, nil))
	cmd.AddCommand(hook.NewCmdHook(f))
	cmd.AddCommand(statuscmd.NewCmdStatus(f, nil))
	cmd.AddCommand(configcmd.NewCmdConfig(f, nil))
	cmd.AddCommand(petitioncmd.NewCmdPetition(f))
	prepare(cmd, f)
	localize(cmd, f.Lang())
	return cmd
}

// Configure wires viper: COORD_* environment variables and the user's config file (userconfig.Path:
// COORD_CONFIG, else config.yaml in the user's configuration folder). Only the settings coord knows are
// taken from the file. What is wrong with the file is returned, to be said once the language is known
// (ConfigProblems.Check, which Main runs before every command); callers that ignore it get the settings
// of a good file as before.
func Configure(f *cmdutil.Factory) *ConfigProblems {
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
	cp := &ConfigProblems{}
	path, fromEnv := userconfig.Path(os.Getenv)
	if path == "" {
		return cp
	}
	file, err := userconfig.Read(path)
	switch {
	case err != nil:
		// Decision (issue 10): a file that exists and cannot be read or parsed is an error, exit 2 — its
		// settings (the office, the author of commits) would silently be missing.
		cp.Err = err
	case !file.Exists && fromEnv:
		// A COORD_CONFIG that names no file is said in one sentence and coord goes on without a file: it is
		// also how scripts and tests say "no user config" (COORD_CONFIG=/nonexistent).
		cp.Warnings = append(cp.Warnings, i18n.M("config.env_missing", path))
	case file.Exists:
		// A key coord does not know (a typo, or a newer coord's setting) is a warning with a "did you
		// mean": refusing to run would lock a clerk out over a line coord does not need.
		for _, k := range file.Unknown {
			if hint := userconfig.Suggest(k); len(hint) > 0 {
				cp.Warnings = append(cp.Warnings, i18n.M("config.unknown_key", path, k, hint[0]))
			} else {
				cp.Warnings = append(cp.Warnings, i18n.M("config.unknown_key_nohint", path, k))
			}
		}
		_ = f.V.MergeConfigMap(file.Map())
	}
	return cp
}

// ConfigProblems are what is wrong with the user's config file: an error (unreadable, not YAML, not a
// mapping of settings to values) or warnings (a COORD_CONFIG naming no file, keys coord does not know).
type ConfigProblems struct {
	Err      error
	Warnings []i18n.Msg
}

// Check says the problems for a command about to run: the warnings on stderr in the user's language,
// the error as a usage error (exit 2). `coord config` says the file's state itself (list shows unknown
// keys; set creates a missing file), so it gets the error only.
func (cp *ConfigProblems) Check(f *cmdutil.Factory, cmd *cobra.Command) error {
	if cp == nil {
		return nil
	}
	if cp.Err != nil {
		return cmdutil.Usage(cp.Err)
	}
	if strings.HasPrefix(cmd.CommandPath()+" ", "coord config ") {
		return nil
	}
	for _, w := range cp.Warnings {
		fmt.Fprintln(f.Err, w.Render(f.Lang()))
	}
	return nil
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
	problems := Configure(f)
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
	if pre := cmd.PersistentPreRunE; pre != nil {
		cmd.PersistentPreRunE = func(c *cobra.Command, args []string) error {
			if err := problems.Check(f, c); err != nil {
				return err
			}
			return pre(c, args)
		}
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
