// Package petition is `coord petition …`: the petitions an office receives (docs/commands.md). This file
// assembles the subcommands; each is in its own file.
package petition

import (
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdPetition builds `coord petition` and its subcommands. Its usage line, help texts and flag usages are
// the catalog's help.petition.* (pkg/i18n/help.go), set by root.
func NewCmdPetition(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{Use: "petition"} // an unknown subcommand is a usage error (root)
	cmd.AddCommand(newCmdDue(f))
	return cmd
}
