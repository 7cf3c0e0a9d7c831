package cmdutil

import (
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/spf13/cobra"
)

// The argument checks of the commands: cobra's, with a sentence from the catalog ("lệnh coord approve cần đúng
// 1 tham số, nhận được 0 …") instead of cobra's English, as a usage error (exit 2). A command never uses
// cobra.ExactArgs and its kin directly (a test of pkg/cmd/root walks the tree).

// HelpArgs is the flag annotation holding the arguments of the flag's usage text in the catalog (the list of
// formats of check --format): cmd.Flags().SetAnnotation("format", cmdutil.HelpArgs, []string{…}).
const HelpArgs = "coord-help-args"

// NoArgs refuses any argument.
func NoArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return Usage(i18n.Errorf("usage.args.none", c.CommandPath(), args[0], UseLine(c)))
	}
	return nil
}

// ExactArgs wants exactly n arguments.
func ExactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return Usage(i18n.Errorf("usage.args.exact", c.CommandPath(), argCount(n), len(args), UseLine(c)))
		}
		return nil
	}
}

// MinimumNArgs wants at least n arguments.
func MinimumNArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return Usage(i18n.Errorf("usage.args.min", c.CommandPath(), argCount(n), len(args), UseLine(c)))
		}
		return nil
	}
}

// MaximumNArgs wants at most n arguments.
func MaximumNArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > n {
			return Usage(i18n.Errorf("usage.args.max", c.CommandPath(), argCount(n), len(args), UseLine(c)))
		}
		return nil
	}
}

// RangeArgs wants from lo to hi arguments.
func RangeArgs(lo, hi int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return Usage(i18n.Errorf("usage.args.range", c.CommandPath(), lo, argCount(hi), len(args), UseLine(c)))
		}
		return nil
	}
}

// UseLine is the command's usage line without cobra's English "[flags]": "coord approve KỲ [--decision …]".
func UseLine(c *cobra.Command) string {
	if c.HasParent() {
		return c.Parent().CommandPath() + " " + c.Use
	}
	return c.Use
}

// argCount is "1 tham số" / "1 argument", "2 arguments".
func argCount(n int) i18n.Msg {
	if n == 1 {
		return i18n.M("usage.args.one")
	}
	return i18n.M("usage.args.n", n)
}

// Format refuses a --format value that is not one of formats (bad usage, exit 2), naming them.
func Format(format string, formats ...string) error {
	if slices.Contains(formats, format) {
		return nil
	}
	return Usage(i18n.Errorf("cli.bad_format", format, strings.Join(formats, ", ")))
}
