// Package inbox is `coord inbox [--office O] [--since DATE]`: what was sent to an office — the register's
// documents addressed to it and the notices of conclusions it is told of, newest first — as text, JSON, or
// Markdown with each notice in full. The selection is pkg/inbox's, the notices pkg/render's.
package inbox

import (
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/inbox"
	"github.com/coordvn/coord/pkg/render"
	"github.com/coordvn/coord/pkg/status"
	"github.com/spf13/cobra"
)

// Options are inbox's flags.
type Options struct {
	F      *cmdutil.Factory
	Office string // default: the office setting
	Since  string
	Format string
}

// NewCmdInbox builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.inbox.* (pkg/i18n/tasks.go), set by root.
func NewCmdInbox(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "inbox",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Office, "office", "", "")
	cmd.Flags().StringVar(&o.Since, "since", "", "")
	cmd.Flags().StringVar(&o.Format, "format", "text", "")
	return cmd
}

// Run lists the inbox.
func Run(o *Options) error {
	f := o.F
	if err := cmdutil.Format(o.Format, "text", "json", "md"); err != nil {
		return err
	}
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	l, err := f.LoadOnly(root, datarepo.Under("registry/", "conclusions/", "documents/"))
	if err != nil {
		return err
	}
	f.SayUnreadable(l.Repo)
	office := o.Office
	if office == "" {
		office = f.V.GetString("office")
	}
	if office, err = status.ResolveOffice(l.Repo, office); err != nil {
		return cmdutil.Usage(err)
	}
	since := ""
	if s := strings.TrimSpace(o.Since); s != "" {
		t, err := cmdutil.ParseInstant(s, l.Repo.Loc)
		if err != nil {
			return cmdutil.Usage(err)
		}
		since = conclusion.Day(t)
	}
	now := l.Ctx.Now
	es := inbox.For(l.Repo, office, since, now)
	switch o.Format {
	case "json":
		return inbox.WriteJSON(f.Out, es, office, since, now)
	case "md":
		return render.Inbox(f.Out, es, office, since, l.Ctx, now, f.Lang())
	}
	return inbox.WriteText(f.Out, es, office, since, now, l.Ctx, f.Lang())
}
