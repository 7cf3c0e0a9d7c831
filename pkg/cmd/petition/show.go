package petition

import (
	"fmt"
	"sort"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"github.com/spf13/cobra"
)

type showOptions struct {
	f            *cmdutil.Factory
	office       string
	showIdentity bool
}

func newCmdShow(f *cmdutil.Factory) *cobra.Command {
	o := &showOptions{f: f}
	cmd := &cobra.Command{
		Use:  "show",
		Args: cmdutil.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				return showOne(o, args[0])
			}
			return showList(o)
		},
	}
	cmd.Flags().StringVar(&o.office, "office", "", "")
	cmd.Flags().BoolVar(&o.showIdentity, "show-identity", false, "")
	return cmd
}

// showOne prints a petition in sentences, its identity decrypted when the user's key opens it, else why
// not, plainly. A damaged sealed value is named by file and line (exit 1).
func showOne(o *showOptions, id string) error {
	f := o.f
	l, err := load(f)
	if err != nil {
		return err
	}
	fl, p, err := l.find(id)
	if err != nil {
		return err
	}
	ids, err := f.Identities()
	if err != nil {
		return err
	}
	who, bad := l.who(f, fl, p, ids)
	f.Printf("petition.show.head", p.ID, petition.TypeName(p.Type), l.Ctx.OfficeName(p.Office))
	f.Printf("petition.show.received", when.DateText(p.Received), i18n.M("petition.channel."+p.Channel), p.People)
	f.Printf("petition.show.subject", p.Subject)
	if loc, ok := l.Ctx.Locals[p.Locality]; ok {
		f.Printf("petition.show.locality", loc.Name)
	}
	f.Printf("petition.show.status", petition.StatusName(p.Status))
	for _, h := range p.History {
		f.Printf("petition.item", step(l, h))
	}
	if bad != nil {
		return bad
	}
	f.Printf("petition.show.who", who)
	return nil
}

// step is one history step in words.
func step(l *loaded, h record.PetitionStep) i18n.Msg {
	what := petition.StatusName(h.Action)
	if h.To != "" {
		what = i18n.M("petition.step.to", what, l.Ctx.OfficeName(h.To))
	}
	if h.Note != "" {
		return i18n.M("petition.step.note", when.DateText(h.Date), what, l.Ctx.OfficeName(h.By), h.Note)
	}
	return i18n.M("petition.step", when.DateText(h.Date), what, l.Ctx.OfficeName(h.By))
}

// showList lists the petitions (of --office), newest first: id, type, office, date, status and subject,
// never an identity unless --show-identity is given and the user's key opens it.
func showList(o *showOptions) error {
	f := o.f
	l, err := load(f)
	if err != nil {
		return err
	}
	office := ""
	if o.office != "" {
		if office, err = l.office(f, o.office); err != nil {
			return err
		}
	}
	ids, err := identitiesFor(f, o.showIdentity)
	if err != nil {
		return err
	}
	var list []petition.Entry
	for _, e := range l.entries() {
		if office == "" || e.P.Office == office {
			list = append(list, e)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].P.Received != list[j].P.Received {
			return list[i].P.Received > list[j].P.Received
		}
		return list[i].P.ID < list[j].P.ID
	})
	if len(list) == 0 {
		f.Printf("petition.list.none")
		return nil
	}
	f.Printf("petition.list.head", len(list))
	return l.printList(f, list, o.showIdentity, ids)
}

// printList prints petitions one a line, each followed by its identity when show is set: the first damaged
// value's error is returned once every line is printed.
func (l *loaded) printList(f *cmdutil.Factory, list []petition.Entry, show bool, ids []age.Identity) error {
	var bad error
	for _, e := range list {
		f.Printf("petition.item", l.line(e.P))
		if show {
			if err := l.printWho(f, e, ids); err != nil && bad == nil {
				bad = err
			}
		}
	}
	return bad
}

// identitiesFor reads the user's keys when identities are to be shown: asking to see them without a key is
// said plainly, and nothing is decrypted otherwise.
func identitiesFor(f *cmdutil.Factory, show bool) ([]age.Identity, error) {
	if !show {
		return nil, nil
	}
	ids, err := f.Identities()
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		f.Warnf("petition.who.no_key")
	}
	return ids, nil
}

// printWho prints the identity line of a listed petition; a damaged value is said on stderr with its file
// and line and returned.
func (l *loaded) printWho(f *cmdutil.Factory, e petition.Entry, ids []age.Identity) error {
	fl := l.Repo.File(e.Path)
	who, bad := l.who(f, fl, e.P, ids)
	if bad != nil {
		fmt.Fprintln(f.Err, "coord: "+i18n.Localize(bad, f.Lang()))
		return cmdutil.Findings()
	}
	f.Printf("petition.item.who", who)
	return nil
}
