// Package notify is `coord notify PERIOD`: one message per office, in Vietnamese Markdown, about the
// consolidated programme of a period — the office's own items as they now stand, what the coordinator moved,
// dropped or kept and why, and what the other offices plan in the same localities on the same days — so that
// offices are told before the programme is issued (seed 004, point 1).
//
// "The same localities" means the same locality on the same day: over a quarter, the provincial centre hosts
// nearly everything, and what a commune feels is two delegations on one day.
package notify

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/cmd/merge"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"github.com/spf13/cobra"
)

// Options are notify's flags and dependencies.
type Options struct {
	F        *cmdutil.Factory
	Period   string
	Out      string
	Offices  []string
	Commit   merge.CommitFunc // nil: write without committing
	NoCommit bool
}

// NewCmdNotify builds the command; runF replaces the run function in flag-parsing tests.
func NewCmdNotify(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f, Commit: merge.GitCommit(f)}
	cmd := &cobra.Command{
		Use:   "notify PERIOD [--office CODE…] [--out DIR]",
		Short: "Thông báo chương trình tổng hợp đến từng văn phòng — a message per office",
		Long: "Soạn cho mỗi văn phòng một thông báo (Markdown, tiếng Việt): các mục của văn phòng, những mục bị dời, bỏ,\n" +
			"giữ nguyên và lý do, hoạt động của văn phòng khác cùng địa bàn, cùng ngày. In ra màn hình, hoặc ghi\n" +
			"<VĂN-PHÒNG>.md vào --out (commit khi thư mục nằm trong kho).",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Period = args[0]
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Out, "out", "", "ghi mỗi thông báo vào <VĂN-PHÒNG>.md trong thư mục này")
	cmd.Flags().StringSliceVar(&o.Offices, "office", nil, "chỉ các văn phòng này")
	cmd.Flags().BoolVar(&o.NoCommit, "no-commit", false, "ghi tệp nhưng không commit")
	return cmd
}

// Run writes the messages.
func Run(o *Options) error {
	op, err := merge.OpenConsolidated(o.F, o.Period)
	if err != nil {
		return err
	}
	p, root, l, c := op.P, op.Root, op.L, op.C
	for _, code := range o.Offices {
		if _, ok := l.Ctx.Offices[code]; !ok {
			return cmdutil.Usage(i18n.Errorf("merge.notify.office", code))
		}
	}
	b := newBook(l, p, c)
	offices := b.offices()
	if len(o.Offices) > 0 {
		offices = slices.DeleteFunc(offices, func(x string) bool { return !slices.Contains(o.Offices, x) })
	}
	if o.Out == "" {
		for i, code := range offices {
			if i > 0 {
				fmt.Fprint(o.F.Out, "\n---\n\n")
			}
			if err := b.write(o.F.Out, code); err != nil {
				return err
			}
		}
		return nil
	}
	dir, err := merge.AbsDir(o.F, o.Out)
	if err != nil {
		return err
	}
	outputs := map[string][]byte{}
	for _, code := range offices {
		var sb strings.Builder
		if err := b.write(&sb, code); err != nil {
			return err
		}
		outputs[code+".md"] = []byte(sb.String())
	}
	files, err := merge.WriteOutputs(root, dir, outputs)
	if err != nil {
		return err
	}
	o.F.Warnf("merge.notify.written", len(outputs), dir)
	commit := o.Commit
	if o.NoCommit || len(files) == 0 {
		commit = nil
	}
	if commit != nil {
		return commit(root, files, merge.CommitMessage("notify", c))
	}
	return nil
}

// entry is an item of the programme as it now stands.
type entry struct {
	orig     record.MergedItem // as recorded
	item     record.MergedItem // When and Place after a move
	adj      *record.Adjustment
	from     string // the `when` before a move
	span     when.Span
	dated    bool
	locality string
	open     []record.Conflict // conflicts on it that no decision settled
}

// book is the effective programme, read once for every office's message.
type book struct {
	l       *cmdutil.Loaded
	p       period.Period
	c       *record.Consolidated
	entries []*entry // effective items, dated first in time order
	adjs    []*entry // items with a decision, in the order of the decisions
}

func newBook(l *cmdutil.Loaded, p period.Period, c *record.Consolidated) *book {
	b := &book{l: l, p: p, c: c}
	last := map[string]*record.Adjustment{}
	var order []string
	for i := range c.Adjustments {
		a := &c.Adjustments[i]
		if _, seen := last[a.Item]; !seen {
			order = append(order, a.Item)
		}
		last[a.Item] = a
	}
	byID := map[string]*entry{}
	for _, it := range c.Items {
		e := &entry{orig: it, item: it, adj: last[it.ID]}
		if e.adj != nil && e.adj.Action == "move" {
			if e.adj.When != "" {
				e.from, e.item.When = it.When, e.adj.When
			}
			if e.adj.Place != "" {
				e.item.Place, e.item.Locality = e.adj.Place, ""
			}
		}
		e.span, e.dated = spanOf(l, e.item.When)
		e.locality = e.item.Locality
		if e.locality == "" {
			if v, ok := l.Ctx.ResolveVenue(e.item.Place); ok {
				e.locality = l.Ctx.Venues[v].Locality
			}
		}
		if _, dup := byID[it.ID]; !dup {
			byID[it.ID] = e
		}
		b.entries = append(b.entries, e)
	}
	for _, id := range order {
		if e := byID[id]; e != nil {
			b.adjs = append(b.adjs, e)
		}
	}
	for _, k := range c.Conflicts {
		settled := false
		for _, id := range k.Items {
			if e := byID[id]; e != nil && e.adj != nil {
				settled = true
			}
		}
		if settled {
			continue
		}
		for _, id := range k.Items {
			if e := byID[id]; e != nil {
				e.open = append(e.open, k)
			}
		}
	}
	sort.SliceStable(b.entries, func(i, j int) bool {
		a, c := b.entries[i], b.entries[j]
		if a.dated != c.dated {
			return a.dated
		}
		if !a.span.Start.Equal(c.span.Start) {
			return a.span.Start.Before(c.span.Start)
		}
		return a.item.ID < c.item.ID
	})
	return b
}

func spanOf(l *cmdutil.Loaded, text string) (when.Span, bool) {
	s, err := l.Ctx.Span(text)
	return s, err == nil
}

// offices are those with items, in registry order, then any other office named by an item.
func (b *book) offices() []string {
	has := map[string]bool{}
	for _, e := range b.entries {
		for _, o := range e.item.Offices {
			has[o] = true
		}
	}
	var out []string
	for _, o := range b.l.Repo.Offices.Offices {
		if has[o.Code] && !slices.Contains(out, o.Code) {
			out = append(out, o.Code)
		}
	}
	var extra []string
	for o := range has {
		if !slices.Contains(out, o) {
			extra = append(extra, o)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

func vi(key string, args ...any) string { return i18n.M(key, args...).Render(i18n.VI) }

// write writes the message to one office.
func (b *book) write(w io.Writer, code string) error {
	var sb strings.Builder
	line := func(s ...string) {
		sb.WriteString(strings.Join(s, ""))
		sb.WriteByte('\n')
	}
	ctx := b.l.Ctx
	label := b.p.Label(i18n.VI)
	line("# ", vi("merge.notify.title", label))
	line()
	line(vi("merge.notify.to", b.officeName(code), code))
	line()
	line(vi("merge.notify.intro", b.officeName(b.c.Coordinator), label, b.status()))
	line()

	mine := func(e *entry) bool { return slices.Contains(e.item.Offices, code) }
	var own []*entry
	for _, e := range b.entries {
		if mine(e) {
			own = append(own, e)
		}
	}
	line(vi("merge.notify.items", b.officeName(code), len(own)))
	line()
	if len(own) == 0 {
		line(vi("merge.notify.none"))
	} else {
		line(vi("merge.notify.cols"))
		line("|---|---|---|---|---|")
		for _, e := range own {
			var notes []string
			if e.adj != nil {
				switch e.adj.Action {
				case "move":
					if from := b.ownWhen(e, code); from != e.item.When || e.adj.Place != "" {
						notes = append(notes, vi("merge.notify.note.moved", from))
					}
				case "drop":
					notes = append(notes, vi("merge.notify.note.dropped"))
				case "keep":
					notes = append(notes, vi("merge.notify.note.kept"))
				}
			}
			if others := without(e.item.Offices, code); len(others) > 0 {
				notes = append(notes, vi("merge.notify.note.joint", strings.Join(others, ", ")))
			}
			for _, k := range e.open {
				notes = append(notes, vi("merge.notify.note.conflict", k.Rule, k.Subject))
			}
			whenText := e.item.When
			if e.adj != nil && e.adj.Action == "drop" {
				whenText = "~~" + whenText + "~~"
			}
			line("| ", cell(whenText), " | ", cell(e.item.Title), " | ", cell(b.placeName(e.item.Place)), " | ",
				cell(b.people(e.item.Chair)), " | ", cell(strings.Join(notes, "; ")), " |")
		}
	}
	line()

	var adjs []*entry
	for _, e := range b.adjs {
		// a move that leaves this office's own item where it was (a joint event aligned on its time) is news
		// for the other offices only
		if mine(e) && !(e.adj.Action == "move" && e.adj.Place == "" && b.ownWhen(e, code) == e.item.When) {
			adjs = append(adjs, e)
		}
	}
	line(vi("merge.notify.adjust", len(adjs)))
	line()
	if len(adjs) == 0 {
		line(vi("merge.notify.none"))
	}
	for _, e := range adjs {
		switch e.adj.Action {
		case "move":
			line(vi("merge.notify.adj.move", e.item.Title, e.item.ID, b.ownWhen(e, code), e.item.When, e.adj.Reason))
		case "drop":
			line(vi("merge.notify.adj.drop", e.item.Title, e.item.ID, e.item.When, e.adj.Reason))
		case "keep":
			line(vi("merge.notify.adj.keep", e.item.Title, e.item.ID, e.item.When, e.adj.Reason))
		}
	}
	line()

	// Other offices' items in a locality on a day where this office has an item there too.
	type key struct {
		loc string
		day string
	}
	centre := b.centre()
	here := map[key]bool{}
	for _, e := range own {
		if e.locality == "" || centre[e.locality] || !e.dated || e.span.Coarse() || dropped(e) {
			continue
		}
		for _, d := range daysOf(e.span) {
			here[key{e.locality, d}] = true
		}
	}
	var others []string
	for _, e := range b.entries {
		if mine(e) || e.locality == "" || !e.dated || e.span.Coarse() || dropped(e) {
			continue
		}
		for _, d := range daysOf(e.span) {
			if here[key{e.locality, d}] {
				y, m, dd := e.span.Start.Date()
				others = append(others, vi("merge.notify.other", localityName(ctx.Locals, e.locality),
					fmt.Sprintf("%02d/%d/%04d", dd, int(m), y), e.item.Title, strings.Join(e.item.Offices, ", "), e.item.When))
				break
			}
		}
	}
	line(vi("merge.notify.others", len(others)))
	line()
	if len(others) == 0 {
		line(vi("merge.notify.none"))
	}
	for _, s := range others {
		line(s)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// ownWhen is the `when` an office's own programme gave a moved item (for a joint event, its own part's),
// else the merged item's.
func (b *book) ownWhen(e *entry, office string) string {
	for _, o := range e.item.Offices {
		if o != office {
			continue
		}
		for _, og := range e.orig.Origins {
			if og.Office != office {
				continue
			}
			if f := b.l.Repo.File(og.File); f != nil {
				if pr, ok := f.Value.(*record.Programme); ok {
					for _, it := range pr.Items {
						if it.ID == og.Item && it.When != "" {
							return it.When
						}
					}
				}
			}
		}
	}
	if e.from != "" {
		return e.from
	}
	return e.orig.When
}

// centre is the provincial centre: the localities travel times are measured to (those without travel
// minutes, when the registry gives some). Nearly every meeting is held there, so it is not news.
func (b *book) centre() map[string]bool {
	out := map[string]bool{}
	any := false
	for _, l := range b.l.Repo.Places.Localities {
		if l.Travel > 0 {
			any = true
		} else {
			out[l.ID] = true
		}
	}
	if !any {
		return nil
	}
	return out
}

func dropped(e *entry) bool { return e.adj != nil && e.adj.Action == "drop" }

// daysOf returns the dates (YYYY-MM-DD) a span touches.
func daysOf(s when.Span) []string {
	var out []string
	loc := s.Start.Location()
	y, m, d := s.Start.Date()
	for i := 0; i < 400; i++ {
		day := time.Date(y, m, d+i, 0, 0, 0, 0, loc)
		if i > 0 && !day.Before(s.End) {
			break
		}
		out = append(out, day.Format("2006-01-02"))
	}
	return out
}

func (b *book) status() string {
	switch b.c.Status {
	case "approved":
		if d := b.c.Decision; d != nil {
			return vi("merge.notify.status.approved", d.Number, d.Date)
		}
	case "issued":
		return vi("merge.notify.status.issued", b.c.Issued)
	case "submitted":
		return vi("merge.notify.status.submitted")
	}
	return vi("merge.notify.status.draft")
}

func (b *book) officeName(code string) string {
	if o, ok := b.l.Ctx.Offices[code]; ok && o.Name != "" {
		return o.Name
	}
	return code
}

func (b *book) placeName(place string) string {
	if v, ok := b.l.Ctx.ResolveVenue(place); ok {
		if ve := b.l.Ctx.Venues[v]; ve != nil && ve.Name != "" {
			return ve.Name
		}
	}
	return place
}

func (b *book) people(ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if p, ok := b.l.Ctx.People[id]; ok && p.Name != "" {
			names = append(names, p.Name)
		} else {
			names = append(names, id)
		}
	}
	return strings.Join(names, ", ")
}

func localityName(locs map[string]*record.Locality, id string) string {
	if l, ok := locs[id]; ok && l.Name != "" {
		return l.Name
	}
	return id
}

func without(xs []string, x string) []string {
	var out []string
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}
