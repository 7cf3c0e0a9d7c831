package root

// The command tree speaks the user's language: every command's usage line, Short, Long and Example and every
// flag's usage come from the catalog (pkg/i18n/help.go), found by the command's path: "help.merge.short",
// "help.hook.install.long", "help.merge.flag.quarter" (a flag shared by many commands: "help.flag.no-push").
// The help and usage pages are coord's own ("Cách dùng:", "Tùy chọn:"), and so are the errors cobra and pflag
// would print in English: a wrong number of arguments (cmdutil.ExactArgs and its kin), an unknown command, an
// unknown flag, a flag without its value or with a bad one. The language is known before the tree is built:
// --lang is read from the arguments (argLang), then COORD_LANG, then the config file.

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"unicode"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// prepare gives the tree coord's help command, help and usage pages and error sentences, and adds now what
// cobra would add while executing (the help flags, the version flag, the completion command) so that their
// texts can be localized too.
func prepare(root *cobra.Command, f *cmdutil.Factory) {
	root.SetHelpCommand(newCmdHelp())
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.SetFlagErrorFunc(flagError)
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		lang := f.Lang()
		localize(c.Root(), lang)
		out := c.OutOrStdout()
		text := c.Long
		if text == "" {
			text = c.Short
		}
		if text = strings.TrimRightFunc(text, unicode.IsSpace); text != "" {
			fmt.Fprintln(out, text)
			fmt.Fprintln(out)
		}
		if c.Runnable() || c.HasSubCommands() {
			fmt.Fprint(out, usage(c, lang))
		}
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		_, err := fmt.Fprint(c.OutOrStderr(), usage(c, f.Lang()))
		return err
	})
	walk(root, func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		c.InitDefaultVersionFlag()
		if c.SuggestionsMinimumDistance <= 0 {
			c.SuggestionsMinimumDistance = 2
		}
		switch {
		case c.HasSubCommands() && !c.Runnable():
			// coord itself and a command made of subcommands: an unknown word is an unknown command (cobra
			// would show the help and exit 0), nothing at all shows the help.
			c.Args = groupArgs
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		case isCobra(c.Args, "NoArgs"):
			c.Args = cmdutil.NoArgs // the completion commands cobra adds
		}
	})
}

// walk calls fn on c and every command under it.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walk(sub, fn)
	}
}

// isCobra reports whether args is cobra's validator name (cobra.NoArgs) or a closure it returns
// (cobra.ExactArgs(1) is "ExactArgs.func1"): those speak English.
func isCobra(args cobra.PositionalArgs, name string) bool {
	fn := cobraFunc(args)
	return fn == name || strings.HasPrefix(fn, name+".")
}

// cobraFunc is the name of args inside package cobra, "" when it is not cobra's.
func cobraFunc(args cobra.PositionalArgs) string {
	if args == nil {
		return ""
	}
	f := runtime.FuncForPC(reflect.ValueOf(args).Pointer())
	if f == nil {
		return ""
	}
	name, ok := strings.CutPrefix(f.Name(), "github.com/spf13/cobra.")
	if !ok {
		return ""
	}
	return name
}

// helpKey is the catalog prefix of a command: "help.coord" for coord itself, "help.hook.install".
func helpKey(c *cobra.Command) string {
	if !c.HasParent() {
		return "help." + c.Name()
	}
	path := strings.Fields(c.CommandPath())[1:]
	return "help." + strings.Join(path, ".")
}

// flagKey is the catalog key of a flag's usage: the command's own ("help.merge.flag.quarter"), else the one
// shared by every command ("help.flag.no-push"); "" when the catalog has neither.
func flagKey(c *cobra.Command, name string) string {
	for _, k := range []string{helpKey(c) + ".flag." + name, "help.flag." + name} {
		if i18n.Has(k) {
			return k
		}
	}
	return ""
}

// localize sets the texts of the tree under root in lang from the catalog. A text the catalog lacks is left
// as it is (a test of this package fails on it).
func localize(root *cobra.Command, lang i18n.Lang) {
	walk(root, func(c *cobra.Command) {
		base := helpKey(c)
		for _, t := range []struct {
			dst    *string
			suffix string
		}{{&c.Short, "short"}, {&c.Long, "long"}, {&c.Example, "example"}} {
			if k := base + "." + t.suffix; i18n.Has(k) {
				*t.dst = i18n.M(k).Render(lang)
			}
		}
		if k := base + ".use"; i18n.Has(k) {
			// The first word is the command's name, which finds it: never changed.
			if use := i18n.M(k).Render(lang); firstWord(use) == c.Name() {
				c.Use = use
			}
		}
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			k := flagKey(c, fl.Name)
			if k == "" {
				return
			}
			var args []any
			if fl.Name == "help" || fl.Name == "version" {
				args = []any{c.DisplayName()}
			}
			for _, a := range fl.Annotations[cmdutil.HelpArgs] {
				args = append(args, a)
			}
			fl.Usage = i18n.M(k, args...).Render(lang)
		})
	})
	root.SetVersionTemplate(i18n.M("help.version", "{{.DisplayName}}", "{{.Version}}").Render(lang) + "\n")
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// usage is the usage page of c: how to call it, examples, its subcommands, its flags and the global ones.
func usage(c *cobra.Command, lang i18n.Lang) string {
	h := func(key string, args ...any) string { return i18n.M(key, args...).Render(lang) }
	var b strings.Builder
	b.WriteString(h("help.heading.usage"))
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + h("help.placeholder.command"))
	} else {
		b.WriteString("\n  " + cmdutil.UseLine(c))
		if c.HasAvailableFlags() {
			b.WriteString(" " + h("help.placeholder.flags"))
		}
	}
	if c.HasExample() {
		b.WriteString("\n\n" + h("help.heading.examples") + "\n" + strings.TrimRightFunc(c.Example, unicode.IsSpace))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + h("help.heading.commands"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				b.WriteString("\n  " + pad(sub.Name(), sub.NamePadding()) + " " + sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + h("help.heading.flags") + "\n" + flagUsages(c.LocalFlags(), lang))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + h("help.heading.global") + "\n" + flagUsages(c.InheritedFlags(), lang))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + h("help.more", c.CommandPath()))
	}
	b.WriteString("\n")
	return b.String()
}

func pad(s string, n int) string {
	if w := len([]rune(s)); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// flagUsages lists the visible flags of fs as pflag does ("  -C, --repo THƯ-MỤC   …"), the defaults in lang.
func flagUsages(fs *pflag.FlagSet, lang i18n.Lang) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Hidden {
			return
		}
		left := "      --" + fl.Name
		if fl.Shorthand != "" && fl.ShorthandDeprecated == "" {
			left = "  -" + fl.Shorthand + ", --" + fl.Name
		}
		name, text := pflag.UnquoteUsage(fl)
		if name != "" && fl.NoOptDefVal == "" {
			left += " " + name
		}
		if def, ok := defaultText(fl); ok {
			text += " " + i18n.M("help.default", def).Render(lang)
		}
		rows = append(rows, row{left, text})
		width = max(width, len([]rune(left)))
	})
	lines := make([]string, len(rows))
	for i, r := range rows {
		indent := "\n" + strings.Repeat(" ", width+3)
		lines[i] = pad(r.left, width) + "   " + strings.ReplaceAll(r.usage, "\n", indent)
	}
	return strings.Join(lines, "\n")
}

// defaultText is a flag's default worth showing: not false, "", [] or 0.
func defaultText(fl *pflag.Flag) (string, bool) {
	switch fl.DefValue {
	case "", "false", "[]", "0":
		return "", false
	}
	if fl.Value.Type() == "string" {
		return fmt.Sprintf("%q", fl.DefValue), true
	}
	return fl.DefValue, true
}

// groupArgs is the argument check of coord and of a command made of subcommands: a word that names none of
// them is an unknown command.
func groupArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return unknownCommand(c, args[0])
	}
	return nil
}

// unknownCommand is the sentence about a word that names no command under c, with the close names.
func unknownCommand(c *cobra.Command, name string) error {
	close := c.SuggestionsFor(name)
	if len(close) > 2 {
		close = close[:2]
	}
	root := !c.HasParent()
	switch {
	case len(close) > 0 && root:
		return cmdutil.Usage(i18n.Errorf("usage.unknown_command", name, i18n.DidYouMean(close)))
	case len(close) > 0:
		return cmdutil.Usage(i18n.Errorf("usage.unknown_subcommand", c.CommandPath(), name, i18n.DidYouMean(close)))
	}
	var names []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	if len(names) == 0 {
		return cmdutil.Usage(i18n.Errorf("usage.no_subcommands", c.CommandPath(), name))
	}
	if root {
		return cmdutil.Usage(i18n.Errorf("usage.unknown_command_list", name, strings.Join(names, ", ")))
	}
	return cmdutil.Usage(i18n.Errorf("usage.unknown_subcommand_list", c.CommandPath(), name, strings.Join(names, ", ")))
}

// flagError says in the catalog's words what pflag found wrong with the flags (exit 2).
func flagError(c *cobra.Command, err error) error {
	// "coord mrege --quarter …": the unknown command comes first.
	if c.HasAvailableSubCommands() {
		if rest := c.Flags().Args(); len(rest) > 0 {
			return unknownCommand(c, rest[0])
		}
	}
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		name, group := notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()
		if group != "" {
			short := string([]rune(name)[:1])
			if len(group) > 1 {
				return cmdutil.Usage(i18n.Errorf("usage.flag.unknown_short", c.CommandPath(), "-"+short, "-"+group))
			}
			return cmdutil.Usage(i18n.Errorf("usage.flag.unknown", c.CommandPath(), "-"+short, i18n.DidYouMean(nil)))
		}
		return cmdutil.Usage(i18n.Errorf("usage.flag.unknown", c.CommandPath(), "--"+name, i18n.DidYouMean(closeFlags(c, name))))
	case errors.As(err, &noValue):
		fl := noValue.GetFlag()
		_, text := pflag.UnquoteUsage(fl)
		return cmdutil.Usage(i18n.Errorf("usage.flag.no_value", flagName(fl, noValue.GetSpecifiedShortnames() != ""), text))
	case errors.As(err, &badValue):
		fl := badValue.GetFlag()
		if fl.Value.Type() == "bool" {
			return cmdutil.Usage(i18n.Errorf("usage.flag.bad_bool", "--"+fl.Name, badValue.GetValue()))
		}
		_, text := pflag.UnquoteUsage(fl)
		return cmdutil.Usage(i18n.Errorf("usage.flag.bad_value", "--"+fl.Name, badValue.GetValue(), text))
	case errors.As(err, &syntax):
		return cmdutil.Usage(i18n.Errorf("usage.flag.bad_syntax", syntax.GetSpecifiedFlag()))
	}
	return cmdutil.Usage(err)
}

func flagName(fl *pflag.Flag, short bool) string {
	if short && fl.Shorthand != "" {
		return "-" + fl.Shorthand
	}
	return "--" + fl.Name
}

// closeFlags are the flags of c (its own and the global ones) whose names are close to name.
func closeFlags(c *cobra.Command, name string) []string {
	m := vntext.NewMatcher()
	add := func(fl *pflag.Flag) {
		if !fl.Hidden {
			m.Add("--"+fl.Name, fl.Name)
		}
	}
	c.Flags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	return m.Suggest(name, 2)
}

// newCmdHelp is coord's help command: like cobra's, but a topic that names no command is a usage error.
func newCmdHelp() *cobra.Command {
	return &cobra.Command{
		Use: "help",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range target.Commands() {
				if (sub.IsAvailableCommand() || sub.Name() == "help") && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil {
				return cmdutil.Usage(err)
			}
			if len(rest) > 0 {
				return unknownCommand(target, rest[0])
			}
			target.InitDefaultHelpFlag()
			target.InitDefaultVersionFlag()
			return target.Help()
		},
	}
}

// argLang is the --lang the arguments give, read before the tree runs so that the help and the errors of
// flag parsing speak it. The flags of the command the arguments name are read as pflag will read them (a
// flag's value is never taken for --lang); nothing is set but the language.
func argLang(root *cobra.Command, args []string) (string, bool) {
	target, rest, err := root.Find(args)
	if err != nil || target == nil {
		target, rest = root, args
	}
	fs := pflag.NewFlagSet("coord", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.ParseErrorsAllowlist.UnknownFlags = true
	var lang string
	add := func(fl *pflag.Flag) {
		if fs.Lookup(fl.Name) != nil || (fl.Shorthand != "" && fs.ShorthandLookup(fl.Shorthand) != nil) {
			return
		}
		if fl.Name == "lang" {
			fs.StringVarP(&lang, fl.Name, fl.Shorthand, "", "")
			return
		}
		fs.VarPF(ignored(fl.Value.Type()), fl.Name, fl.Shorthand, "").NoOptDefVal = fl.NoOptDefVal
	}
	target.Flags().VisitAll(add)
	target.InheritedFlags().VisitAll(add)
	_ = fs.Parse(rest)
	return lang, fs.Changed("lang")
}

// ignored is a flag value argLang reads past.
type ignored string

func (v ignored) String() string   { return "" }
func (v ignored) Set(string) error { return nil }
func (v ignored) Type() string     { return string(v) }
