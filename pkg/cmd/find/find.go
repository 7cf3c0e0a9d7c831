// Package find is `coord find TEXT…`: every value of every record that holds the words, insensitive to case,
// diacritics and tone-mark placement, with its file, line, kind and field. The search is pkg/search's; a
// petition is searched only in what it holds in clear.
package find

import (
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/search"
	"github.com/spf13/cobra"
)

// Options are find's flags.
type Options struct {
	F      *cmdutil.Factory
	Text   string
	Kinds  []string
	Format string
}

// NewCmdFind builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.find.* (pkg/i18n/tasks.go), set by root.
func NewCmdFind(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "find",
		Args: cmdutil.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Text = strings.Join(args, " ")
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringSliceVar(&o.Kinds, "kind", nil, "")
	cmd.Flags().StringVar(&o.Format, "format", "text", "")
	return cmd
}

// Run searches and prints the hits; none is exit 1, as grep does.
func Run(o *Options) error {
	f := o.F
	if err := cmdutil.Format(o.Format, "text", "json"); err != nil {
		return err
	}
	for _, k := range o.Kinds {
		if !slices.Contains(record.Kinds, k) {
			return cmdutil.Usage(i18n.Errorf("find.bad_kind", k, strings.Join(record.Kinds, ", ")))
		}
	}
	q, ok := search.NewQuery(o.Text)
	if !ok {
		return cmdutil.Usage(i18n.Errorf("find.empty", o.Text))
	}
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	l, err := f.Load(root)
	if err != nil {
		return err
	}
	f.SayUnreadable(l.Repo)
	hits := search.Find(l.Repo, q, o.Kinds)
	if o.Format == "json" {
		if err := search.WriteJSON(f.Out, hits); err != nil {
			return err
		}
	} else if err := search.WriteText(f.Out, hits); err != nil {
		return err
	}
	if len(hits) == 0 {
		f.Warnf("find.none", o.Text)
		return cmdutil.Findings()
	}
	files := map[string]bool{}
	for _, h := range hits {
		files[h.File] = true
	}
	f.Warnf("find.count", len(hits), len(files))
	return nil
}
