package petition

import (
	"encoding/json"
	"slices"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/spf13/cobra"
)

type dupsOptions struct {
	f            *cmdutil.Factory
	office       string
	format       string
	showIdentity bool
}

func newCmdDups(f *cmdutil.Factory) *cobra.Command {
	o := &dupsOptions{f: f}
	cmd := &cobra.Command{
		Use:  "dups",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return dups(o) },
	}
	cmd.Flags().StringVar(&o.office, "office", "", "")
	cmd.Flags().StringVar(&o.format, "format", "text", "")
	cmd.Flags().BoolVar(&o.showIdentity, "show-identity", false, "")
	return cmd
}

// dupJSON is one petition of a group, for scripts: never an identity.
type dupJSON struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Office     string `json:"office"`
	OfficeName string `json:"office_name"`
	Received   string `json:"received"`
	Status     string `json:"status"`
	Subject    string `json:"subject"`
	File       string `json:"file"`
}

// dups lists the groups of petitions that one person sent to several offices on one matter (petition.
// Duplicates: the blind index and the subject, nothing decrypted); with --office, the groups that include
// that office. Identities are printed only with --show-identity, for the petitions the user's key opens.
func dups(o *dupsOptions) error {
	f := o.f
	if err := cmdutil.Format(o.format, "text", "json"); err != nil {
		return err
	}
	if o.format == "json" && o.showIdentity {
		return cmdutil.Usage(i18n.Errorf("petition.dups.json_identity"))
	}
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
	var groups [][]petition.Entry
	for _, g := range petition.Duplicates(l.entries()) {
		if office == "" || slices.ContainsFunc(g, func(e petition.Entry) bool { return e.P.Office == office }) {
			groups = append(groups, g)
		}
	}
	if o.format == "json" {
		out := struct {
			Groups [][]dupJSON `json:"groups"`
		}{Groups: [][]dupJSON{}}
		for _, g := range groups {
			var js []dupJSON
			for _, e := range g {
				js = append(js, dupJSON{ID: e.P.ID, Type: e.P.Type, Office: e.P.Office, OfficeName: l.Ctx.OfficeName(e.P.Office),
					Received: e.P.Received, Status: e.P.Status, Subject: e.P.Subject, File: e.Path})
			}
			out.Groups = append(out.Groups, js)
		}
		enc := json.NewEncoder(f.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	ids, err := identitiesFor(f, o.showIdentity)
	if err != nil {
		return err
	}
	if len(groups) == 0 {
		f.Printf("petition.dups.none")
		return nil
	}
	f.Printf("petition.dups.head", len(groups))
	var bad error
	for i, g := range groups {
		offices := map[string]bool{}
		for _, e := range g {
			offices[e.P.Office] = true
		}
		f.Printf("petition.dups.group", i+1, len(g), len(offices))
		if err := l.printList(f, g, o.showIdentity, ids); err != nil && bad == nil {
			bad = err
		}
	}
	return bad
}
