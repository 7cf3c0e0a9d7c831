// Package merge is `coord merge`: consolidate the offices' programmes of one period into
// consolidated/<year>/<period>.yaml — joint items merged into one item carrying all their offices, every
// item's origin, the conflicts of time and place found (the overlap/* and joint/mismatch rules) — propose
// adjustments, and record the coordinator's decisions (move, drop, keep with a reason) so that merging again
// keeps them.
//
// Deciding with merge:
//
//	coord merge --quarter 2026-Q3                       consolidate, print the conflicts
//	coord merge --quarter 2026-Q3 --suggest             … and propose a free slot for each error conflict
//	coord merge --quarter 2026-Q3 --accept              record every proposal as a move
//	coord merge --quarter 2026-Q3 --accept ID…          record the proposals of these items only
//	coord merge --quarter 2026-Q3 --move ID --to WHEN [--place P] --reason R
//	coord merge --quarter 2026-Q3 --drop ID --reason R
//	coord merge --quarter 2026-Q3 --keep ID --reason R  both stay: the conflict is accepted (info, not error)
//	coord merge --quarter 2026-Q3 --undo ID             forget the decision on an item
//
// To edit a proposal, --move the item to the time you prefer. A move into a slot that conflicts is refused
// unless --force. Merging an approved or issued period resets it to draft, with --force only.
//
// The package also holds what approve, issue and notify share with merge: reading and writing the record,
// rendering the outputs, committing.
package merge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/schedule"
	"github.com/coordvn/coord/pkg/when"
	"github.com/spf13/cobra"
)

// Options are merge's flags and dependencies.
type Options struct {
	F                          *cmdutil.Factory
	Year, Quarter, Month, Week string
	Suggest, Accept            bool
	AcceptIDs                  []string
	Move, Drop, Keep, Undo     string
	To, Place, Reason          string
	Force                      bool
	Format                     string
	Out                        string
	Commit                     CommitFunc // nil: write without committing
	NoCommit                   bool
	period                     period.Period
	proposals                  []proposal
	decisionID, decisionAction string
}

// NewCmdMerge builds the command; runF replaces the run function in flag-parsing tests.
func NewCmdMerge(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f, Commit: GitCommit(f)}
	cmd := &cobra.Command{
		Use:   "merge --year Y | --quarter Q | --month M | --week W [--suggest] [--accept [ITEM-ID…]] [--out DIR]",
		Short: "Tổng hợp chương trình công tác của các văn phòng — consolidate the offices' programmes",
		Long: "Tổng hợp chương trình của mọi văn phòng trong kỳ vào consolidated/<năm>/<kỳ>.yaml (dự thảo), gộp các mục\n" +
			"phối hợp (cùng khóa joint), tìm trùng lặp về thời gian, địa điểm, địa bàn, đề xuất và ghi điều chỉnh.\n\n" +
			"  --suggest                 đề xuất buổi trống sớm nhất cho mỗi trùng lặp mức lỗi\n" +
			"  --accept [MÃ-MỤC…]        ghi các đề xuất (tất cả, hoặc của các mục này) thành điều chỉnh dời lịch\n" +
			"  --move MÃ-MỤC --to THỜI-GIAN [--place ĐỊA-ĐIỂM] --reason LÝ-DO\n" +
			"  --drop MÃ-MỤC --reason LÝ-DO, --keep MÃ-MỤC --reason LÝ-DO, --undo MÃ-MỤC\n\n" +
			"Mã mục: <VĂN-PHÒNG>.<mã mục> (ví dụ VPUBND.hop-ubnd-thang-7) hoặc joint.<khóa>.\n" +
			"Mã thoát: 0 không có lỗi, 1 có lỗi (hoặc bị từ chối), 2 dùng sai lệnh.",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.AcceptIDs = args
			if len(args) > 0 && !o.Accept {
				return cmdutil.Usage(i18n.Errorf("merge.use.args"))
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Year, "year", "", "kỳ năm: 2026")
	fl.StringVar(&o.Quarter, "quarter", "", "kỳ quý: 2026-Q3")
	fl.StringVar(&o.Month, "month", "", "kỳ tháng: 2026-07")
	fl.StringVar(&o.Week, "week", "", "kỳ tuần: 2026-W27")
	fl.BoolVar(&o.Suggest, "suggest", false, "đề xuất buổi trống cho mỗi trùng lặp mức lỗi")
	fl.BoolVar(&o.Accept, "accept", false, "ghi các đề xuất thành điều chỉnh (tất cả, hoặc các MÃ-MỤC theo sau)")
	fl.StringVar(&o.Move, "move", "", "dời mục MÃ-MỤC (cùng --to, --reason)")
	fl.StringVar(&o.Drop, "drop", "", "bỏ mục MÃ-MỤC khỏi chương trình (cùng --reason)")
	fl.StringVar(&o.Keep, "keep", "", "giữ nguyên mục MÃ-MỤC dù trùng lặp (cùng --reason)")
	fl.StringVar(&o.Undo, "undo", "", "bỏ điều chỉnh đã ghi của mục MÃ-MỤC")
	fl.StringVar(&o.To, "to", "", "thời gian mới khi --move (ví dụ \"2026-07-22 chiều\")")
	fl.StringVar(&o.Place, "place", "", "địa điểm mới khi --move (không bắt buộc)")
	fl.StringVar(&o.Reason, "reason", "", "lý do của quyết định")
	fl.BoolVar(&o.Force, "force", false, "tổng hợp lại kỳ đã phê duyệt/ban hành (về dự thảo); ghi --move dù còn trùng")
	fl.StringVar(&o.Format, "format", "text", "định dạng các phát hiện: text | json")
	fl.StringVar(&o.Out, "out", "", "xuất bản dự thảo (Markdown, HTML, ICS, XLSX, DOCX) vào thư mục này")
	fl.BoolVar(&o.NoCommit, "no-commit", false, "ghi tệp nhưng không commit")
	return cmd
}

// Run consolidates, records the decision given, writes the record and prints the findings.
func Run(o *Options) error {
	if err := o.validate(); err != nil {
		return err
	}
	root, err := o.F.RepoRoot()
	if err != nil {
		return err
	}
	l, err := o.F.LoadOnly(root, datarepo.PeriodFiles(o.period))
	if err != nil {
		return err
	}
	prev, err := Read(l, o.period)
	if err != nil {
		return err
	}
	if prev != nil && (prev.Status == "approved" || prev.Status == "issued") && !o.Force {
		return cmdutil.Refused(i18n.Errorf("merge.locked", o.period.String(), prev.Status))
	}
	var adjusts []record.Adjustment
	if prev != nil {
		adjusts = append(adjusts, prev.Adjustments...)
	}
	res := Consolidate(l, o.period, prev, adjusts)
	if len(res.Files) == 0 {
		return cmdutil.Refused(i18n.Errorf("merge.no_sources", o.period.String()))
	}
	if o.decisionAction != "" {
		if res, err = o.decide(l, res); err != nil {
			return err
		}
	}
	if o.Suggest || o.Accept {
		o.proposals = suggest(l, res)
		if o.Accept {
			if res, err = o.accept(l, res); err != nil {
				return err
			}
			o.proposals = suggest(l, res) // what is still open
		}
	}

	data, err := Encode(res.C)
	if err != nil {
		return err
	}
	commit := o.Commit
	if o.NoCommit {
		commit = nil
	}
	if err := Save(root, map[string][]byte{res.Path: data}, CommitMessage("merge", res.C), commit); err != nil {
		return err
	}

	fs := res.Findings()
	sum := res.Summary(l)
	if err := finding.Write(o.F.Out, o.Format, fs, sum, o.F.Lang()); err != nil {
		return err
	}
	if o.Suggest || o.Accept {
		w := o.F.Out
		if o.Format == "json" {
			w = o.F.Err // stdout stays the findings object
		}
		o.printProposals(w)
	}
	if res.Skipped > 0 {
		o.F.Warnf("merge.skipped", res.Skipped)
	}
	o.F.Warnf("merge.written", res.Path, len(res.C.Items), len(res.Files), len(res.C.Conflicts), len(res.OpenErrors()), len(res.C.Adjustments))
	if o.Out != "" {
		dir, err := AbsDir(o.F, o.Out)
		if err != nil {
			return err
		}
		files, err := RenderAll(RenderInput(l, o.period, res.C, o.F.Lang()))
		if err != nil {
			return err
		}
		if _, err := WriteOutputs(root, dir, files); err != nil {
			return err
		}
		o.F.Warnf("merge.rendered", len(files), dir)
	}
	for _, f := range fs {
		if f.Severity == finding.Error {
			return cmdutil.Findings()
		}
	}
	return nil
}

// validate checks the flags: one period of the right kind, one decision with what it needs.
func (o *Options) validate() error {
	if o.Format != "text" && o.Format != "json" {
		return cmdutil.Usage(i18n.Errorf("cli.bad_format", o.Format, "text, json"))
	}
	n := 0
	for _, x := range []struct {
		v    string
		kind period.Kind
		name string
		key  string
	}{{o.Year, period.Year, "--year", "merge.use.kind.year"}, {o.Quarter, period.Quarter, "--quarter", "merge.use.kind.qtr"},
		{o.Month, period.Month, "--month", "merge.use.kind.month"}, {o.Week, period.Week, "--week", "merge.use.kind.week"}} {
		if x.v == "" {
			continue
		}
		n++
		p, err := period.Parse(x.v)
		if err != nil {
			return cmdutil.Usage(err)
		}
		if p.Kind != x.kind {
			return cmdutil.Usage(i18n.Errorf("merge.use.kind", x.name, x.v, i18n.M(x.key)))
		}
		o.period = p
	}
	if n != 1 {
		return cmdutil.Usage(i18n.Errorf("merge.use.period"))
	}
	decisions := 0
	for _, d := range []struct{ id, action string }{{o.Move, "move"}, {o.Drop, "drop"}, {o.Keep, "keep"}, {o.Undo, "undo"}} {
		if d.id != "" {
			decisions++
			o.decisionID, o.decisionAction = d.id, d.action
		}
	}
	switch {
	case decisions > 1 || (decisions == 1 && o.Accept):
		return cmdutil.Usage(i18n.Errorf("merge.use.one"))
	case o.decisionAction == "move" && o.To == "":
		return cmdutil.Usage(i18n.Errorf("merge.use.to"))
	case o.decisionAction != "move" && (o.To != "" || o.Place != ""):
		return cmdutil.Usage(i18n.Errorf("merge.use.to_alone"))
	case o.decisionAction != "" && o.decisionAction != "undo" && strings.TrimSpace(o.Reason) == "":
		return cmdutil.Usage(i18n.Errorf("merge.use.reason", "--"+o.decisionAction))
	}
	return nil
}

// who decides: the user's office (COORD_OFFICE), else the coordinator.
func (o *Options) by(l *cmdutil.Loaded) string {
	if v := strings.TrimSpace(o.F.V.GetString("office")); v != "" {
		return v
	}
	return l.Repo.Settings.Coordinator
}

// decide records --move, --drop, --keep or --undo.
func (o *Options) decide(l *cmdutil.Loaded, res *Result) (*Result, error) {
	id := o.decisionID
	if !res.Has(id) {
		return nil, cmdutil.Refused(i18n.Errorf("merge.no_item", id, o.period.String()))
	}
	adjusts := append([]record.Adjustment(nil), res.C.Adjustments...)
	if o.decisionAction == "undo" {
		i := slices.IndexFunc(adjusts, func(a record.Adjustment) bool { return a.Item == id })
		if i < 0 {
			return nil, cmdutil.Refused(i18n.Errorf("merge.no_adjust", id))
		}
		return res.Adjust(slices.Delete(adjusts, i, i+1)), nil
	}
	a := record.Adjustment{Item: id, Action: o.decisionAction, Reason: strings.TrimSpace(o.Reason), By: o.by(l),
		Date: l.Ctx.Now.Format("2006-01-02")}
	if a.Action == "move" {
		w, err := o.target(l)
		if err != nil {
			return nil, err
		}
		a.When, a.Place = w, strings.TrimSpace(o.Place)
	}
	next := res.Adjust(append(adjusts, a))
	if a.Action == "move" && !o.Force {
		before := map[string]bool{}
		for _, sf := range res.OpenErrors() {
			before[conflictKey(sf)] = true
		}
		var fresh []finding.Finding
		for _, sf := range next.OpenErrors() {
			if slices.Contains(sf.Items, id) && !before[conflictKey(sf)] {
				fresh = append(fresh, sf.Finding)
			}
		}
		if len(fresh) > 0 {
			_ = finding.Write(o.F.Err, "text", fresh, res.Summary(l), o.F.Lang())
			return nil, cmdutil.Refused(i18n.Errorf("merge.move_busy", id, a.When))
		}
	}
	return next, nil
}

// target reads --to: the canonical grammar, or a clerk's form ("Chiều 22/7/2026") rewritten; a precise time
// inside the period.
func (o *Options) target(l *cmdutil.Loaded) (string, error) {
	text := strings.TrimSpace(o.To)
	sp, err := l.Ctx.Span(text)
	if err != nil {
		canon, nerr := when.Normalize(text, o.period.Year)
		if nerr != nil {
			return "", cmdutil.Usage(i18n.Errorf("merge.use.to_bad", text, err))
		}
		text = canon
		if sp, err = l.Ctx.Span(text); err != nil {
			return "", cmdutil.Usage(i18n.Errorf("merge.use.to_bad", text, err))
		}
	}
	if sp.Coarse() {
		return "", cmdutil.Usage(i18n.Errorf("merge.use.to_coarse", text))
	}
	if !o.period.Contains(sp.Start, sp.End, l.Repo.Loc) {
		return "", cmdutil.Usage(i18n.Errorf("merge.use.to_outside", text, o.period.String()))
	}
	return sp.Canonical(), nil
}

// proposal is a schedule proposal with what the user reads of it.
type proposal struct {
	item   string
	from   string
	to     string // "" when no slot was found
	reason string // rule, subject and the other item
	auto   i18n.Msg
}

// suggest proposes a free slot for each open error conflict of the effective programme (a kept item's
// conflicts are settled) and each joint mismatch.
func suggest(l *cmdutil.Loaded, res *Result) []proposal {
	s := res.Eff
	kept := func(ev int) bool {
		a := res.adj[s.Group(ev).ID]
		return a != nil && a.Action == "keep"
	}
	var conflicts []schedule.Conflict
	for _, k := range []schedule.Kind{schedule.KindPerson, schedule.KindVenue} {
		for _, c := range s.Detect(k, nil) {
			if !kept(c.A) && !kept(c.B) {
				conflicts = append(conflicts, c)
			}
		}
	}
	var mismatches []schedule.Mismatch
	for _, m := range s.Mismatches {
		if a := res.adj[s.Groups[m.Group].ID]; a == nil || a.Action != "keep" {
			mismatches = append(mismatches, m)
		}
	}
	cal := schedule.Calendar{Sessions: l.Ctx.Policy.Sessions, WorkingDay: l.Ctx.Policy.WorkingDay,
		From: res.Period.Start(l.Repo.Loc), To: res.Period.End(l.Repo.Loc), NotBefore: l.Ctx.Now}
	var out []proposal
	for _, p := range schedule.Suggest(s, conflicts, mismatches, cal) {
		g := s.Groups[p.Group]
		pr := proposal{item: g.ID, from: s.Events[p.Event].When()}
		if p.Found {
			pr.to = p.Span.Canonical()
		}
		switch {
		case p.Conflict != nil:
			rule := "overlap/person"
			if p.Conflict.Kind == schedule.KindVenue {
				rule = "overlap/venue"
			}
			other := s.Group(p.Conflict.B).ID
			pr.reason = fmt.Sprintf("%s %s, %s", rule, p.Conflict.Subject(), other)
			pr.auto = i18n.M("merge.reason.auto", pr.reason)
		case p.Mismatch != nil:
			part := g.Parts[p.Mismatch.Part]
			pr.from = part.Span.Canonical()
			pr.reason = "joint/mismatch joint:" + g.Joint
			pr.auto = i18n.M("merge.reason.auto", i18n.M("merge.reason.joint", g.Joint))
		}
		out = append(out, pr)
	}
	return out
}

// accept records the proposals (all, or those of the items named) as moves.
func (o *Options) accept(l *cmdutil.Loaded, res *Result) (*Result, error) {
	want := map[string]bool{}
	for _, id := range o.AcceptIDs {
		if !slices.ContainsFunc(o.proposals, func(p proposal) bool { return p.item == id && p.to != "" }) {
			return nil, cmdutil.Refused(i18n.Errorf("merge.not_proposed", id))
		}
		want[id] = true
	}
	adjusts := append([]record.Adjustment(nil), res.C.Adjustments...)
	n := 0
	for _, p := range o.proposals {
		if p.to == "" || (len(want) > 0 && !want[p.item]) {
			continue
		}
		adjusts = append(adjusts, record.Adjustment{Item: p.item, Action: "move", When: p.to,
			Reason: p.auto.Render(i18n.VI), By: o.by(l), Date: l.Ctx.Now.Format("2006-01-02")})
		n++
	}
	o.F.Warnf("merge.accepted", n)
	return res.Adjust(adjusts), nil
}

func (o *Options) printProposals(w interface{ Write([]byte) (int, error) }) {
	if len(o.proposals) == 0 {
		fmt.Fprintln(w, o.F.Msg("merge.no_proposals"))
		return
	}
	fmt.Fprintln(w, o.F.Msg("merge.proposals", periodFlag(o.period)))
	for _, p := range o.proposals {
		if p.to == "" {
			fmt.Fprintln(w, o.F.Msg("merge.proposal_none", p.item, p.reason))
			continue
		}
		fmt.Fprintln(w, o.F.Msg("merge.proposal", p.item, p.from, p.to, p.reason))
	}
}

// periodFlag is the flag that names a period: --quarter 2026-Q3.
func periodFlag(p period.Period) string {
	switch p.Kind {
	case period.Quarter:
		return "--quarter " + p.String()
	case period.Month:
		return "--month " + p.String()
	case period.Week:
		return "--week " + p.String()
	}
	return "--year " + p.String()
}
