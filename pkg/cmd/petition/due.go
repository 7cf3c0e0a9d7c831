package petition

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/when"
	"github.com/spf13/cobra"
)

// dueOptions are the flags of `coord petition due`.
type dueOptions struct {
	f      *cmdutil.Factory
	office string
	within string
	format string
}

// newCmdDue builds `coord petition due [--office O] [--within 7d] [--format text|json]`: the open petitions
// and their next statutory deadline, the most urgent first (pkg/petition.DueList). It prints ids, types,
// offices, dates, subjects, steps and articles — never an identity — and exits 0 once it has listed them.
func newCmdDue(f *cmdutil.Factory) *cobra.Command {
	o := &dueOptions{f: f}
	cmd := &cobra.Command{
		Use:  "due",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runDue(o) },
	}
	cmd.Flags().StringVar(&o.office, "office", "", "")
	cmd.Flags().StringVar(&o.within, "within", "", "")
	cmd.Flags().StringVar(&o.format, "format", "text", "")
	return cmd
}

func runDue(o *dueOptions) error {
	f := o.f
	if err := cmdutil.Format(o.format, "text", "json"); err != nil {
		return err
	}
	q := petition.DueQuery{Office: strings.ToUpper(strings.TrimSpace(o.office))}
	if o.within != "" {
		d, err := policy.ParseDays(o.within)
		if err != nil {
			return cmdutil.Usage(err)
		}
		q.Within = &d
	}
	root, err := f.RepoRoot()
	if err != nil {
		return err
	}
	l, err := f.LoadOnly(root, datarepo.Under("petitions/"))
	if err != nil {
		return err
	}
	c := l.Ctx
	if q.Office != "" && c.Offices[q.Office] == nil {
		codes := make([]string, 0, len(c.Repo.Offices.Offices))
		for _, of := range c.Repo.Offices.Offices {
			codes = append(codes, of.Code)
		}
		return cmdutil.Usage(i18n.Errorf("deadline.due.unknown_office", q.Office, strings.Join(codes, ", ")))
	}
	q.Now = c.Now
	list := petition.DueList(c.Repo.Files, c.Policy, c.Remote, q)
	if o.format == "json" {
		return writeDueJSON(f.Out, list, q, c.Policy)
	}
	lang := f.Lang()
	say := func(key string, args ...any) {
		fmt.Fprintln(f.Out, finding.Visible(i18n.M(key, args...).Render(lang)))
	}
	scope := i18n.M("deadline.due.all")
	if q.Office != "" {
		scope = i18n.M("deadline.due.office", c.OfficeName(q.Office))
	}
	say("deadline.due.title", scope, when.Date(q.Now), len(list))
	if q.Within != nil {
		say("deadline.due.within", when.Date(c.Policy.AddDays(q.Now, q.Within.N, q.Within.Working)))
	}
	for _, e := range list {
		p := e.Deadline
		fmt.Fprintln(f.Out)
		say("deadline.due.head", e.ID, petition.TypeText(e.Type, e.Attempt), c.OfficeName(e.Office), when.DateText(e.Received))
		say("deadline.due.subject", e.Subject)
		step := petition.StepText(p.Step)
		switch e.Urgency {
		case petition.Overdue:
			say("deadline.due.overdue", step, when.Date(p.Due), e.DaysOverdue, p.SourceText())
		case petition.LastDay:
			say("deadline.due.last_day", step, when.Date(p.Due), p.SourceText())
		default:
			say("deadline.due.left", step, when.Date(p.Due), e.WorkingDaysLeft, p.SourceText())
		}
	}
	return nil
}

// dueJSON is one line of the listing for scripts: codes and ISO dates, never an identity.
type dueJSON struct {
	ID              string `json:"id"`
	Type            string `json:"type"`
	Attempt         int    `json:"attempt,omitempty"`
	Office          string `json:"office"`
	Received        string `json:"received"`
	Subject         string `json:"subject"`
	File            string `json:"file"`
	Step            string `json:"step"`
	Limit           string `json:"limit"`
	From            string `json:"from"`
	Due             string `json:"due"`
	Urgency         string `json:"urgency"` // later | soon | last_day | overdue
	WorkingDaysLeft int    `json:"working_days_left"`
	DaysOverdue     int    `json:"days_overdue"`
	Extensions      int    `json:"extensions"`
	Source          string `json:"source"`
}

var urgencyNames = map[petition.Urgency]string{petition.Later: "later", petition.Soon: "soon", petition.LastDay: "last_day", petition.Overdue: "overdue"}

func writeDueJSON(w io.Writer, list []petition.Due, q petition.DueQuery, pol policy.Policy) error {
	out := struct {
		AsOf      string    `json:"as_of"`
		Office    string    `json:"office,omitempty"`
		Until     string    `json:"until,omitempty"`
		Petitions []dueJSON `json:"petitions"`
	}{AsOf: q.Now.Format(time.RFC3339), Office: q.Office, Petitions: []dueJSON{}}
	if q.Within != nil {
		out.Until = pol.AddDays(q.Now, q.Within.N, q.Within.Working).Format(time.DateOnly)
	}
	for _, e := range list {
		d := e.Deadline
		out.Petitions = append(out.Petitions, dueJSON{ID: e.ID, Type: e.Type, Attempt: e.Attempt, Office: e.Office,
			Received: e.Received, Subject: e.Subject, File: e.File, Step: d.Step, Limit: d.Limit.Name,
			From: d.From.Format(time.DateOnly), Due: d.Due.Format(time.DateOnly), Urgency: urgencyNames[e.Urgency],
			WorkingDaysLeft: e.WorkingDaysLeft, DaysOverdue: e.DaysOverdue, Extensions: len(d.Extensions), Source: d.Limit.Source})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
