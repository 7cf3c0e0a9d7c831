// Package configcmd is `coord config set|get|list|unset`: the user's settings file (COORD_CONFIG, else
// config.yaml in the user's configuration folder — the file the root command reads), so that a clerk on
// Windows sets office, name and email once and never edits environment variables. Unknown settings are
// refused with a "did you mean"; values are checked where that is cheap (lang, email, name, the office
// against the registry when run inside a data repo, paths that must exist); the token is shown masked.
// The file and its format are pkg/userconfig's.
package configcmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/userconfig"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/spf13/cobra"
)

// Options are config's inputs.
type Options struct {
	F      *cmdutil.Factory
	Action string // set, get, list, unset
	Key    string
	Value  string
	Getenv func(string) string // default os.Getenv
}

// NewCmdConfig builds `coord config` and its subcommands; runF replaces the run function in flag-parsing
// tests.
func NewCmdConfig(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use: "config",
	}
	run := func(action string) func(*cobra.Command, []string) error {
		return func(cmd *cobra.Command, args []string) error {
			o := &Options{F: f, Action: action}
			if len(args) > 0 {
				o.Key = args[0]
			}
			if len(args) > 1 {
				o.Value = args[1]
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		}
	}
	cmd.AddCommand(&cobra.Command{Use: "set", Args: cmdutil.ExactArgs(2), RunE: run("set")})
	cmd.AddCommand(&cobra.Command{Use: "get", Args: cmdutil.ExactArgs(1), RunE: run("get")})
	cmd.AddCommand(&cobra.Command{Use: "list", Args: cmdutil.NoArgs, RunE: run("list")})
	cmd.AddCommand(&cobra.Command{Use: "unset", Args: cmdutil.ExactArgs(1), RunE: run("unset")})
	return cmd
}

// Run does the action.
func Run(o *Options) error {
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	path, _ := userconfig.Path(getenv)
	if path == "" {
		return cmdutil.Env(i18n.Errorf("config.cannot_write", "config.yaml", "no user configuration folder"))
	}
	file, err := userconfig.Read(path)
	if err != nil {
		return cmdutil.Env(err)
	}
	key := ""
	if o.Action != "list" {
		k, ok := userconfig.Canonical(o.Key)
		if !ok {
			return cmdutil.Usage(userconfig.UnknownKey(o.Key))
		}
		key = k
	}
	f := o.F
	switch o.Action {
	case "set":
		value := o.Value
		if key == "office" {
			// Inside a data repo the registry says which offices exist (and reads a name or a code in small
			// letters); outside one, only the code's form can be checked.
			if value, err = officeInRepo(f, value); err != nil {
				return err
			}
		}
		value, err := userconfig.Check(key, value)
		if err != nil {
			return cmdutil.Usage(err)
		}
		if value, err = checkPath(f, key, value); err != nil {
			return err
		}
		file.Set(key, value)
		if err := file.Write(); err != nil {
			return cmdutil.Env(err)
		}
		f.Printf("config.set", key, userconfig.Shown(key, value), path)
		if getenv(userconfig.Env(key)) != "" {
			f.Warnf("config.env_wins", userconfig.Env(key))
		}
	case "unset":
		if !file.Unset(key) {
			f.Printf("config.unset_absent", key, path)
			return nil
		}
		if err := file.Write(); err != nil {
			return cmdutil.Env(err)
		}
		f.Printf("config.unset", key, path)
	case "get":
		v, ok := file.Values[key]
		if !ok {
			return cmdutil.Refused(i18n.Errorf("config.not_set", key, path, key))
		}
		fmt.Fprintln(f.Out, userconfig.Shown(key, v))
		if getenv(userconfig.Env(key)) != "" {
			f.Warnf("config.overridden", userconfig.Env(key), path)
		}
	case "list":
		if !file.Exists {
			f.Warnf("config.no_file", path)
			return nil
		}
		f.Warnf("config.file", path)
		for _, k := range userconfig.Keys {
			if v, ok := file.Values[k]; ok {
				fmt.Fprintf(f.Out, "%s=%s\n", k, userconfig.Shown(k, v))
				if getenv(userconfig.Env(k)) != "" {
					f.Warnf("config.overridden", userconfig.Env(k), k)
				}
			}
		}
		for _, k := range file.Unknown {
			if hint := userconfig.Suggest(k); len(hint) > 0 {
				f.Warnf("config.unknown_key", path, k, hint[0])
			} else {
				f.Warnf("config.unknown_key_nohint", path, k)
			}
		}
	}
	return nil
}

// checkPath checks what needs the file system: a path must exist (and is stored absolute, so the setting
// works from any folder); repo must be a data repo.
func checkPath(f *cmdutil.Factory, key, value string) (string, error) {
	switch key {
	case "repo":
		abs, err := f.AbsDir(value)
		if err != nil {
			return "", err
		}
		root, err := datarepo.Find(abs, "")
		if err != nil {
			return "", cmdutil.Usage(i18n.Errorf("config.not_repo", abs))
		}
		return root, nil
	case "ssh_key", "ca_file", "identity":
		if key == "identity" && userconfig.Secret(key, value) {
			return value, nil
		}
		abs, err := f.AbsDir(value)
		if err != nil {
			return "", err
		}
		if st, err := os.Stat(abs); err != nil || st.IsDir() {
			return "", cmdutil.Usage(i18n.Errorf("config.no_path", abs, key))
		}
		return abs, nil
	}
	return value, nil
}

// officeInRepo reads an office when the command runs inside a data repo: the registry's code for a code in
// any case or the office's name, and a usage error with a "did you mean" for an office the registry does
// not have. Outside a data repo (or with an empty registry) the value is returned as given.
func officeInRepo(f *cmdutil.Factory, value string) (string, error) {
	value = strings.TrimSpace(value)
	root, err := f.RepoRoot()
	if err != nil || value == "" {
		return value, nil
	}
	v, err := record.NewValidator()
	if err != nil {
		return "", err
	}
	r, err := datarepo.Load(root, datarepo.Options{Validate: v, Only: datarepo.Under()})
	if err != nil || len(r.Offices.Offices) == 0 {
		return value, nil
	}
	m := vntext.NewMatcher()
	var codes []string
	for _, o := range r.Offices.Offices {
		if o.Code == value {
			return value, nil
		}
		m.Add(o.Code, o.Name)
		codes = append(codes, o.Code)
	}
	if code, ok := m.Lookup(value); ok {
		return code, nil
	}
	return "", cmdutil.Usage(i18n.Errorf("config.unknown_office", value, root, strings.Join(codes, ", "), i18n.DidYouMean(m.Suggest(value, 2))))
}
