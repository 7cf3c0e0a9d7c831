// Package rulescmd is `coord rules`: the list of rule ids with what each checks.
package rulescmd

import (
	"fmt"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/spf13/cobra"
)

// NewCmdRules builds the command.
// Its usage line, help texts and flag usages are the catalog's help.rules.* (pkg/i18n/help.go), set by root.
func NewCmdRules(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:  "rules",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, r := range rules.All() {
				fmt.Fprintf(f.Out, "%-18s %-8s %s\n", r.ID, f.Msg("severity."+string(r.Severity)), r.Doc().Render(f.Lang()))
			}
			return nil
		},
	}
}
