package petition

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/when"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

type updateOptions struct {
	f                      *cmdutil.Factory
	status, to, date, note string
	decision               string
	days                   int
	step                   workspace.Step
}

func newCmdUpdate(f *cmdutil.Factory) *cobra.Command {
	o := &updateOptions{f: f}
	cmd := &cobra.Command{
		Use:  "update",
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return update(o, args[0]) },
	}
	cmd.Flags().StringVar(&o.status, "status", "", "")
	cmd.Flags().StringVar(&o.to, "to", "", "")
	cmd.Flags().StringVar(&o.decision, "decision", "", "")
	cmd.Flags().IntVar(&o.days, "days", 0, "")
	cmd.Flags().StringVar(&o.date, "date", "", "")
	cmd.Flags().StringVar(&o.note, "note", "", "")
	cmd.Flags().BoolVar(&o.step.NoCommit, "no-commit", false, "")
	cmd.Flags().BoolVar(&o.step.NoPush, "no-push", false, "")
	return cmd
}

// update moves a petition to a new status by the state machine of pkg/petition, appends the step to its
// history (comments and layout of the file kept) and commits it.
func update(o *updateOptions, id string) error {
	f := o.f
	status := strings.ToLower(strings.TrimSpace(o.status))
	if !slices.Contains(petition.Statuses, status) && status != petition.Extended {
		return cmdutil.Usage(i18n.Errorf("petition.bad_value", "--status", o.status, strings.Join(slices.Concat(petition.Statuses, []string{petition.Extended}), ", ")))
	}
	l, err := load(f)
	if err != nil {
		return err
	}
	fl, p, err := l.find(id)
	if err != nil {
		return err
	}
	if err := f.Authorize(l.Repo, []string{fl.Path}); err != nil {
		return err // another office's petition: said before anything about its status
	}
	if fl.Root == nil || !fl.Clean {
		return cmdutil.Refused(i18n.Errorf("petition.update.broken", fl.Path))
	}
	date := l.Ctx.Now.Format("2006-01-02")
	if o.date != "" {
		if date, err = day(o.date, "--date"); err != nil {
			return err
		}
	}
	to := strings.ToUpper(strings.TrimSpace(o.to))
	if to != "" {
		if _, err := l.Repo.Office(to); err != nil {
			return err
		}
	}
	note := vntext.NFC(strings.TrimSpace(o.note))
	if len(petition.FindNumbers(note)) > 0 {
		return cmdutil.Refused(i18n.Errorf("petition.number_in_note"))
	}
	old := p.Status
	s := petition.Step{Status: status, Date: date, By: p.Office, To: to, Note: note,
		Decision: vntext.NFC(o.decision), Days: o.days,
		ArrivedByTransfer: arrivedByTransfer(l, p), OfficeName: l.Ctx.OfficeName}
	if err := petition.Apply(p, s); err != nil {
		return err
	}
	if status == petition.Extended {
		if err := petition.CheckExtension(p, l.Ctx.Policy, l.Ctx.Remote(p.Locality)); err != nil {
			return err
		}
	}
	petition.SetField(fl.Root, "status", p.Status, "petitioner_index")
	appendStep(fl.Root, p.History[len(p.History)-1])
	data, err := canonical(fl.Doc, fl.Path)
	if err != nil {
		return err
	}
	if err := checkRecord(fl.Path, data); err != nil {
		return f.Blocked(err)
	}
	if err := f.Save(context.Background(), l.Repo, map[string][]byte{fl.Path: data}, message(record.KindPetition, p.Office, p.ID, status), o.step); err != nil {
		return err
	}
	if status == petition.Extended {
		f.Printf("petition.extended", p.ID, s.Decision, when.DateText(resolveDue(p, l)))
		return nil
	}
	f.Printf("petition.updated", p.ID, petition.StatusName(old), petition.StatusName(status), when.DateText(date))
	return nil
}

// resolveDue is the last day of the petition's resolution (its extensions counted), as YYYY-MM-DD.
func resolveDue(p *record.Petition, l *loaded) string {
	for _, d := range petition.Deadlines(p, l.Ctx.Policy, l.Ctx.Remote(p.Locality)) {
		if len(d.Extensions) > 0 {
			return d.Due.Format(time.DateOnly)
		}
	}
	return ""
}

// arrivedByTransfer is the id of another office's petition that forwarded this one here: the same person
// (blind index), a similar subject, a transferred step to this petition's office, and this one received as
// forwarded (chuyen-den). "" when none: a petition is forwarded at most once.
func arrivedByTransfer(l *loaded, p *record.Petition) string {
	if p.Channel != "chuyen-den" || !petition.WellFormedIndex(p.PetitionerIndex) {
		return ""
	}
	for _, e := range l.entries() {
		q := e.P
		if q.ID == p.ID || q.Office == p.Office || q.PetitionerIndex != p.PetitionerIndex || !petition.Similar(q.Subject, p.Subject) {
			continue
		}
		for _, h := range q.History {
			if h.Action == petition.Transferred && h.To == p.Office {
				return q.ID
			}
		}
	}
	return ""
}

// appendStep adds a step to the history of the tree, as a flow mapping like the others.
func appendStep(root *yaml.Node, h record.PetitionStep) {
	var n yaml.Node
	if err := n.Encode(h); err != nil {
		return
	}
	n.Style = yaml.FlowStyle
	hist := record.ValueOf(root, "history")
	if hist == nil || hist.Kind != yaml.SequenceNode {
		petition.RemoveField(root, "history")
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "history"},
			&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{&n}})
		return
	}
	if hist.Style == yaml.FlowStyle && len(hist.Content) > 0 {
		hist.Style = 0 // one step a line: a flow list of mappings grows too long
	}
	hist.Content = append(hist.Content, &n)
}
