package report

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/report/chart"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/when"
)

// text is a label that is the same in every language (a registry name).
func text(s string) i18n.Msg { return i18n.M("phrase.text", s) }

// offices adds the codes met in the records (sorted: map order must not leak) and returns the report's
// offices.
func (in *Input) offices(codes map[string]bool) []Office {
	for _, code := range sortedKeys(codes) {
		in.office(code)
	}
	return in.Offices
}

// entries words "Văn phòng Tỉnh ủy: 41; …" for the counts of the offices that have any.
func entries(offs []Office, n map[string]int) list {
	var parts list
	for _, o := range offs {
		if n[o.Code] > 0 {
			parts = append(parts, i18n.M("report.entry", o.Name, Count(n[o.Code])))
		}
	}
	return parts
}

// list is messages written one after the other, separated by semicolons (office names hold commas and "và").
type list []i18n.Msg

// Render writes the list in lang.
func (l list) Render(lang i18n.Lang) string { return join(l, lang, "; ") }

// clauses are the parts of a sentence, separated by commas.
type clauses []i18n.Msg

// Render writes the clauses in lang.
func (l clauses) Render(lang i18n.Lang) string { return join(l, lang, ", ") }

func join(ms []i18n.Msg, lang i18n.Lang, sep string) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Render(lang)
	}
	return strings.Join(parts, sep)
}

// nonZero words the counts that are not zero, each with its key ("4 được xử lý bằng dời lịch, 3 chưa xử lý").
func nonZero(keys []string, ns []int) clauses {
	var out clauses
	for i, k := range keys {
		if ns[i] > 0 {
			out = append(out, i18n.M(k, Count(ns[i])))
		}
	}
	return out
}

// itemsFigure: the items of the offices' programmes of the period, by office and by month. An office's
// items of a quarter are those of its quarter programme, else of its month programmes in that quarter, so
// an event a month programme refines is not counted twice. Each item counts in the month it starts (a coarse
// item in its week's or month's, and never before the quarter's first day); a joint event counts for each
// office that lists it.
func itemsFigure(in *Input) Figure {
	c := in.Ctx
	months := in.Months()
	f := Figure{ID: "items", Title: i18n.M("report.items.title"),
		Chart: Chart{Layout: chart.Grouped, Transpose: true, Unit: i18n.M("report.items.unit")},
		Empty: i18n.M("report.items.empty", in.Period.Text())}
	type key struct {
		office  string
		quarter int // year*10 + quarter
	}
	quarterly := map[key]bool{}
	var files []rules.ProgrammeFile
	for _, pf := range c.Programmes() {
		p, err := period.Parse(pf.Period)
		if err != nil || !in.In(p) || (p.Kind != period.Quarter && p.Kind != period.Month) {
			continue
		}
		if pf.File.Path != datarepo.ProgrammePath(p, pf.Office) {
			continue // a programme in another period's folder takes part in nothing (rule path)
		}
		if p.Kind == period.Quarter {
			quarterly[key{pf.Office, p.Year*10 + p.N}] = true
		}
		files = append(files, pf)
	}
	counts := map[string][]int{} // office → per month, then the unreadable ones
	seen := map[string]bool{}
	for _, pf := range files {
		p, _ := period.Parse(pf.Period)
		if p.Kind == period.Month && quarterly[key{pf.Office, p.Year*10 + (p.N+2)/3}] {
			continue
		}
		seen[pf.Office] = true
		if counts[pf.Office] == nil {
			counts[pf.Office] = make([]int, len(months)+1)
		}
		q := p
		if p.Kind == period.Month {
			q = period.Period{Kind: period.Quarter, Year: p.Year, N: (p.N + 2) / 3}
		}
		for _, it := range pf.Items {
			s, err := c.Span(it.When)
			if err != nil {
				counts[pf.Office][len(months)]++
				continue
			}
			start := s.Start.In(c.Repo.Loc)
			if first := q.Start(c.Repo.Loc); start.Before(first) {
				start = first
			}
			i := monthIndex(months, start)
			if i < 0 {
				counts[pf.Office][len(months)]++
				continue
			}
			counts[pf.Office][i]++
		}
	}
	if len(files) == 0 {
		return f
	}
	unread := 0
	for _, n := range counts {
		unread += n[len(months)]
	}
	f.Head = []i18n.Msg{i18n.M("report.col.office")}
	for _, m := range months {
		f.Head = append(f.Head, i18n.M("render.month_short", m.N))
		f.Chart.Columns = append(f.Chart.Columns, len(f.Head)-2)
	}
	if unread > 0 {
		f.Head = append(f.Head, i18n.M("report.items.col.unread"))
	}
	f.Head = append(f.Head, i18n.M("report.col.total"))
	totals := make([]int, len(months)+1)
	byOffice := map[string]int{}
	all := 0
	for _, o := range in.offices(seen) {
		n := counts[o.Code]
		if n == nil {
			n = make([]int, len(months)+1)
		}
		row := Row{Label: text(o.Name)}
		sum := 0
		for i, v := range n {
			if i < len(months) || unread > 0 {
				row.Cells = append(row.Cells, Count(v))
			}
			totals[i] += v
			sum += v
		}
		row.Cells = append(row.Cells, Count(sum))
		byOffice[o.Code] = sum
		all += sum
		f.Rows = append(f.Rows, row)
	}
	total := Row{Label: i18n.M("report.col.total")}
	for i, v := range totals {
		if i < len(months) || unread > 0 {
			total.Cells = append(total.Cells, Count(v))
		}
	}
	total.Cells = append(total.Cells, Count(all))
	f.Total = &total
	f.Lead = append(f.Lead, i18n.M("report.items.lead", in.Period.Text(), Count(all), entries(in.Offices, byOffice)))
	best := 0
	for i := range months {
		if totals[i] > totals[best] {
			best = i
		}
	}
	if len(months) > 1 && totals[best] > 0 {
		f.Lead = append(f.Lead, i18n.M("report.items.busiest", months[best].Text(), Count(totals[best])))
	}
	f.Notes = append(f.Notes, i18n.M("report.items.note"))
	return f
}

// monthIndex is the index of the month holding t, or -1.
func monthIndex(months []period.Period, t time.Time) int {
	for i, m := range months {
		if m.Year == t.Year() && m.N == int(t.Month()) {
			return i
		}
	}
	return -1
}

// submissionsFigure: every programme of the period (its own, and those of the months and weeks starting in
// it), on time or late by deadline/late's judgement, by office.
func submissionsFigure(in *Input) Figure {
	c := in.Ctx
	f := Figure{ID: "submissions", Title: i18n.M("report.sub.title"),
		Head: []i18n.Msg{i18n.M("report.col.office"), i18n.M("report.sub.col.total"), i18n.M("report.sub.col.on_time"),
			i18n.M("report.sub.col.late"), i18n.M("report.sub.col.late_reason"), i18n.M("report.sub.col.share")},
		Chart: Chart{Layout: chart.Stacked, Columns: []int{1, 2, 3}, Unit: i18n.M("report.sub.unit")},
		Empty: i18n.M("report.sub.empty", in.Period.Text())}
	type tally struct{ total, onTime, late, lateReason int }
	by := map[string]*tally{}
	seen := map[string]bool{}
	for _, pf := range c.Programmes() {
		s, ok := c.Submission(pf)
		if !ok || !in.In(s.Period) {
			continue
		}
		t := by[pf.Office]
		if t == nil {
			t = &tally{}
			by[pf.Office] = t
		}
		seen[pf.Office] = true
		t.total++
		switch {
		case !s.Late:
			t.onTime++
		case strings.TrimSpace(pf.LateReason) != "":
			t.lateReason++
		default:
			t.late++
		}
	}
	if len(by) == 0 {
		return f
	}
	var sum tally
	for _, o := range in.offices(seen) {
		t := by[o.Code]
		if t == nil {
			t = &tally{}
		}
		sum.total += t.total
		sum.onTime += t.onTime
		sum.late += t.late
		sum.lateReason += t.lateReason
		f.Rows = append(f.Rows, Row{Label: text(o.Name), Cells: []Cell{Count(t.total), Count(t.onTime), Count(t.late), Count(t.lateReason), Percent(t.onTime, t.total)}})
	}
	f.Total = &Row{Label: i18n.M("report.col.total"), Cells: []Cell{Count(sum.total), Count(sum.onTime), Count(sum.late), Count(sum.lateReason), Percent(sum.onTime, sum.total)}}
	late := sum.late + sum.lateReason
	switch {
	case late == 0:
		f.Lead = append(f.Lead, i18n.M("report.sub.lead_all", Count(sum.total), in.Period.Text()))
	case sum.lateReason == 0:
		f.Lead = append(f.Lead, i18n.M("report.sub.lead", Count(sum.total), in.Period.Text(), Count(sum.onTime), Percent(sum.onTime, sum.total), Count(late)))
	default:
		f.Lead = append(f.Lead, i18n.M("report.sub.lead_reason", Count(sum.total), in.Period.Text(), Count(sum.onTime), Percent(sum.onTime, sum.total), Count(late), Count(sum.lateReason)))
	}
	f.Notes = append(f.Notes, i18n.M("report.sub.note"))
	return f
}

// conflictKinds are the conflicts' rules in the order the report lists them; any other is "other".
var conflictKinds = []string{"overlap/person", "overlap/venue", "overlap/locality", "overlap/travel", "overlap/tentative", "joint/mismatch"}

// Outcomes of a conflict, in the table's order.
const (
	outMoved = iota
	outDropped
	outKept
	outOpen
	outcomes
)

// conflictsFigure: the conflicts recorded in the period's consolidated programmes (its own, and those of
// the months and weeks starting in it), by kind, with what the coordinator's last decision on their items did:
// moved or left out (consolidate.ConflictResolved, by the decision that settled it), kept with a reason
// (ConflictAccepted), or nothing yet (ConflictOpen).
func conflictsFigure(in *Input) Figure {
	c := in.Ctx
	f := Figure{ID: "conflicts", Title: i18n.M("report.conf.title"),
		Head: []i18n.Msg{i18n.M("render.col.rule"), i18n.M("report.conf.col.found"), i18n.M("render.action.move"),
			i18n.M("render.action.drop"), i18n.M("report.conf.col.kept"), i18n.M("render.conflict.open")},
		Chart: Chart{Layout: chart.Stacked, Columns: []int{1, 2, 3, 4}, Unit: i18n.M("report.conf.unit")}}
	counts := map[string]*[outcomes]int{}
	records := 0
	var decisions [outcomes]int
	for _, file := range c.Repo.Files {
		rec, ok := file.Value.(*record.Consolidated)
		if !ok || rec == nil {
			continue
		}
		p, err := period.Parse(rec.Period)
		if err != nil || !in.In(p) || file.Path != datarepo.ConsolidatedPath(p) {
			continue
		}
		records++
		prog := consolidate.Effective(c, p, rec)
		for _, e := range prog.Decided {
			switch e.Decision.Action {
			case record.ActionMove:
				decisions[outMoved]++
			case record.ActionDrop:
				decisions[outDropped]++
			case record.ActionKeep:
				decisions[outKept]++
			}
		}
		for _, k := range prog.Conflicts {
			kind := k.Record.Rule
			if !slices.Contains(conflictKinds, kind) {
				kind = "other"
			}
			n := counts[kind]
			if n == nil {
				n = &[outcomes]int{}
				counts[kind] = n
			}
			n[outcome(k)]++
		}
	}
	if records == 0 {
		f.Empty = i18n.M("report.conf.no_record", in.Period.Text())
		return f
	}
	if len(counts) == 0 {
		f.Empty = i18n.M("report.conf.clean", Count(records), in.Period.Text())
		return f
	}
	var sum [outcomes]int
	for _, kind := range append(append([]string{}, conflictKinds...), "other") {
		n := counts[kind]
		if n == nil {
			continue
		}
		found := 0
		row := Row{Label: i18n.M("phrase.text", capital{i18n.M("render.rule." + kind)}), Cells: []Cell{{}}}
		for o, v := range n {
			row.Cells = append(row.Cells, Count(v))
			found += v
			sum[o] += v
		}
		row.Cells[0] = Count(found)
		f.Rows = append(f.Rows, row)
	}
	all := sum[outMoved] + sum[outDropped] + sum[outKept] + sum[outOpen]
	f.Total = &Row{Label: i18n.M("report.col.total"), Cells: []Cell{Count(all), Count(sum[outMoved]), Count(sum[outDropped]), Count(sum[outKept]), Count(sum[outOpen])}}
	f.Lead = append(f.Lead, i18n.M("report.conf.lead", Count(records), in.Period.Text(), Count(all),
		nonZero([]string{"report.conf.out.moved", "report.conf.out.dropped", "report.conf.out.kept", "report.conf.out.open"}, sum[:])))
	if d := decisions[outMoved] + decisions[outDropped] + decisions[outKept]; d > 0 {
		f.Lead = append(f.Lead, i18n.M("report.conf.decisions", Count(d),
			nonZero([]string{"report.conf.dec.moved", "report.conf.dec.dropped", "report.conf.dec.kept"}, decisions[:outOpen])))
	}
	f.Notes = append(f.Notes, i18n.M("report.conf.note"))
	return f
}

// outcome is what the coordinator's decisions did to a conflict: a conflict one of whose items was moved
// or left out is settled by the first such decision among its items; one with an item kept is accepted.
func outcome(k *consolidate.Conflict) int {
	switch k.State {
	case consolidate.ConflictResolved:
		for _, e := range k.Items {
			if e.Decision == nil {
				continue
			}
			switch e.Decision.Action {
			case record.ActionMove:
				return outMoved
			case record.ActionDrop:
				return outDropped
			}
		}
		return outMoved
	case consolidate.ConflictAccepted:
		return outKept
	}
	return outOpen
}

// petitionTypes are the petition types in the order of the law's names (records.md).
var petitionTypes = []string{"khieu-nai", "to-cao", "kien-nghi", "phan-anh"}

// petitions are the petitions of the four types received in the period (by their received date) and on or
// before the day of --as-of: as of an earlier day, a petition received later was not there yet.
func (in *Input) petitions() []*record.Petition {
	c := in.Ctx
	var out []*record.Petition
	for _, file := range c.Repo.Files {
		pt, ok := file.Value.(*record.Petition)
		if !ok || pt == nil || !slices.Contains(petitionTypes, pt.Type) {
			continue
		}
		day, err := time.ParseInLocation(time.DateOnly, pt.Received, c.Repo.Loc)
		if err == nil && in.Contains(day) && !day.After(c.Now) {
			out = append(out, pt)
		}
	}
	return out
}

// petitionsFigure: the petitions received in the period, by receiving office and type (Input.petitions).
// Only structure is read: never an identity.
func petitionsFigure(in *Input) Figure {
	f := Figure{ID: "petitions", Title: i18n.M("report.pet.title"),
		Head:  []i18n.Msg{i18n.M("report.col.office")},
		Chart: Chart{Layout: chart.Stacked, Unit: i18n.M("report.pet.unit")},
		Empty: i18n.M("report.pet.empty", in.Period.Text())}
	for i, t := range petitionTypes {
		f.Head = append(f.Head, i18n.M("report.pet.type."+t))
		f.Chart.Columns = append(f.Chart.Columns, i)
	}
	f.Head = append(f.Head, i18n.M("report.col.total"))
	by := map[string]map[string]int{}
	seen := map[string]bool{}
	for _, pt := range in.petitions() {
		if by[pt.Office] == nil {
			by[pt.Office] = map[string]int{}
		}
		by[pt.Office][pt.Type]++
		seen[pt.Office] = true
	}
	if len(by) == 0 {
		return f
	}
	sum := map[string]int{}
	all := 0
	for _, o := range in.offices(seen) {
		row := Row{Label: text(o.Name)}
		n := 0
		for _, t := range petitionTypes {
			v := by[o.Code][t]
			row.Cells = append(row.Cells, Count(v))
			sum[t] += v
			n += v
		}
		row.Cells = append(row.Cells, Count(n))
		all += n
		f.Rows = append(f.Rows, row)
	}
	total := Row{Label: i18n.M("report.col.total")}
	for _, t := range petitionTypes {
		total.Cells = append(total.Cells, Count(sum[t]))
	}
	total.Cells = append(total.Cells, Count(all))
	f.Total = &total
	var keys []string
	var ns []int
	for _, t := range petitionTypes {
		keys, ns = append(keys, "report.pet.count."+t), append(ns, sum[t])
	}
	f.Lead = append(f.Lead, i18n.M("report.pet.lead", in.Period.Text(), Count(all), nonZero(keys, ns)))
	f.Notes = append(f.Notes, i18n.M("report.pet.note"))
	return f
}

// capital is a message with its first letter in upper case, to head a table's row.
type capital struct{ i18n.Msg }

// Render writes the message in lang, its first letter in upper case.
func (c capital) Render(lang i18n.Lang) string {
	s := c.Msg.Render(lang)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// tasksFigure: the tasks of the notices of conclusions that fell due in the period, by owner (the body or
// office a task is given to, by its registry name), as each stands on the day of --as-of. A task counts when
// its own due day lies in the period and its notice was issued by --as-of (conclusion.Known), whatever year
// the notice was issued in; its due day is read by conclusion.DueDay (a clerk's 10/9/2026 too), and a task without
// a due day, or whose due cannot be read (check reports it), falls due in no period. What became of each task is
// conclusion.CountByOwner's (At: done on time, done late, open, overdue, cancelled): the report adds no rule
// of its own. Cancelled tasks have a column when there are any and count in no share; the share done on time
// is of the others.
func tasksFigure(in *Input) Figure {
	c := in.Ctx
	f := Figure{ID: "tasks", Title: i18n.M("report.tasks.title"),
		Head: []i18n.Msg{i18n.M("report.tasks.col.owner"), i18n.M("report.tasks.col.on_time"), i18n.M("report.tasks.col.late"),
			i18n.M("report.tasks.col.open"), i18n.M("report.tasks.col.overdue")},
		Chart: Chart{Layout: chart.Stacked, Columns: []int{0, 1, 2, 3}, Unit: i18n.M("report.tasks.unit")},
		Empty: i18n.M("report.tasks.empty", in.Period.Text())}
	var due []conclusion.Task
	for _, t := range conclusion.All(c.Repo) {
		d, _ := conclusion.DueDay(t.Task)
		day, err := time.ParseInLocation(time.DateOnly, d, c.Repo.Loc)
		if err == nil && in.Contains(day) {
			due = append(due, t)
		}
	}
	by := conclusion.CountByOwner(due, c.Now)
	if len(by) == 0 {
		return f
	}
	var sum conclusion.Counts
	for _, n := range by {
		sum.DoneOnTime += n.DoneOnTime
		sum.DoneLate += n.DoneLate
		sum.Open += n.Open
		sum.Overdue += n.Overdue
		sum.Cancelled += n.Cancelled
	}
	if sum.Cancelled > 0 {
		f.Head = append(f.Head, i18n.M("report.tasks.col.cancelled"))
	}
	f.Head = append(f.Head, i18n.M("report.tasks.col.share"))
	row := func(label i18n.Msg, n conclusion.Counts) Row {
		r := Row{Label: label, Cells: []Cell{Count(n.DoneOnTime), Count(n.DoneLate), Count(n.Open), Count(n.Overdue)}}
		if sum.Cancelled > 0 {
			r.Cells = append(r.Cells, Count(n.Cancelled))
		}
		r.Cells = append(r.Cells, Percent(n.DoneOnTime, n.Total()-n.Cancelled))
		return r
	}
	var overdue list
	for _, code := range in.owners(by) {
		name := text(c.BodyName(code))
		f.Rows = append(f.Rows, row(name, by[code]))
		if n := by[code].Overdue; n > 0 {
			overdue = append(overdue, i18n.M("report.entry", name, Count(n)))
		}
	}
	total := row(i18n.M("report.col.total"), sum)
	f.Total = &total
	f.Lead = append(f.Lead, i18n.M("report.tasks.lead", in.Period.Text(), Count(sum.Total()),
		nonZero([]string{"report.tasks.n.on_time", "report.tasks.n.late", "report.tasks.n.open", "report.tasks.n.overdue", "report.tasks.n.cancelled"},
			[]int{sum.DoneOnTime, sum.DoneLate, sum.Open, sum.Overdue, sum.Cancelled})))
	if d := sum.Total() - sum.Cancelled; d > 0 {
		key := "report.tasks.share"
		if sum.Cancelled > 0 {
			key = "report.tasks.share_cancelled"
		}
		f.Lead = append(f.Lead, i18n.M(key, Percent(sum.DoneOnTime, d), Count(sum.DoneOnTime), Count(d)))
	}
	if len(overdue) > 0 {
		f.Lead = append(f.Lead, i18n.M("report.tasks.overdue_by", overdue))
	}
	f.Notes = append(f.Notes, i18n.M("report.tasks.note", when.Date(c.Now)))
	return f
}

// owners are the owners counted, in registry order: its bodies, then its offices, then any other code a
// task names, sorted.
func (in *Input) owners(by map[string]conclusion.Counts) []string {
	reg := &in.Ctx.Repo.Offices
	var out []string
	add := func(code string) {
		if _, ok := by[code]; ok && !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	for _, b := range reg.Bodies {
		add(b.Code)
	}
	for _, o := range reg.Offices {
		add(o.Code)
	}
	for _, code := range sortedKeys(by) {
		add(code)
	}
	return out
}

// Outcomes of a petition's statutory deadlines, in the table's order.
const (
	petWithin  = iota // every step the law limits taken by its last day
	petLate           // some step taken (or the petition closed) after its last day
	petOpen           // a step's clock still runs, its last day not passed, none late
	petOverdue        // a step not taken whose last day has passed, none taken late
	petStopped        // forwarded or withdrawn before a step fell due, none late or running
	petOutcomes
)

// petitionOutcome is where a petition's handling stands, from its steps' deadlines as of now (ok false
// when the law, as the policy has it, limits none of its steps): late when a step is late, else overdue when
// a pending step's last day has passed, else open while a clock runs, else forwarded or withdrawn when a
// step stopped, else within the deadline.
func petitionOutcome(ds []petition.Deadline, c *rules.Context) (int, bool) {
	if len(ds) == 0 {
		return 0, false
	}
	var has [petOutcomes]bool
	for _, d := range ds {
		switch d.State {
		case petition.Late:
			has[petLate] = true
		case petition.Stopped:
			has[petStopped] = true
		case petition.Pending:
			if d.Urgency(c.Now, c.Policy) == petition.Overdue {
				has[petOverdue] = true
			} else {
				has[petOpen] = true
			}
		}
	}
	for _, o := range []int{petLate, petOverdue, petOpen, petStopped} {
		if has[o] {
			return o, true
		}
	}
	return petWithin, true
}

// petitionDeadlinesFigure: the petitions received in the period (Input.petitions), by receiving office, as
// their handling stands on the day of --as-of by the statutory deadlines of pkg/petition (Deadlines on the
// record as it stood then, petition.At; the locality's remoteness from the registry): handled within the
// deadline (every step the law limits taken by its last day), late (some step taken after it), still open
// within the deadline, overdue (a step not taken whose last day has passed), and forwarded or withdrawn
// (closed before a step fell due). The share within the deadline is of the petitions handled or overdue
// (within + late + overdue); the open, forwarded and withdrawn ones count in no share. A petition for which
// the policy limits no step is not counted. Only structure is read: never an identity.
func petitionDeadlinesFigure(in *Input) Figure {
	c := in.Ctx
	f := Figure{ID: "petition-deadlines", Title: i18n.M("report.petdl.title"),
		Head: []i18n.Msg{i18n.M("report.col.office"), i18n.M("report.petdl.col.received"), i18n.M("report.petdl.col.within"),
			i18n.M("report.petdl.col.late"), i18n.M("report.petdl.col.open"), i18n.M("report.petdl.col.overdue"),
			i18n.M("report.petdl.col.stopped"), i18n.M("report.petdl.col.share")},
		Chart: Chart{Layout: chart.Stacked, Columns: []int{1, 2, 3, 4, 5}, Unit: i18n.M("report.pet.unit")},
		Empty: i18n.M("report.petdl.empty", in.Period.Text(), when.Date(c.Now))}
	type tally [petOutcomes]int
	byOffice, byType := map[string]*tally{}, map[string]*tally{}
	add := func(m map[string]*tally, key string, o int) {
		if m[key] == nil {
			m[key] = &tally{}
		}
		m[key][o]++
	}
	seen := map[string]bool{}
	for _, pt := range in.petitions() {
		o, ok := petitionOutcome(petition.Deadlines(petition.At(pt, c.Now), c.Policy, c.Remote(pt.Locality)), c)
		if !ok {
			continue
		}
		add(byOffice, pt.Office, o)
		add(byType, pt.Type, o)
		seen[pt.Office] = true
	}
	if len(byOffice) == 0 {
		return f
	}
	judged := func(t tally) int { return t[petWithin] + t[petLate] + t[petOverdue] }
	row := func(label i18n.Msg, t tally) Row {
		r := Row{Label: label, Cells: []Cell{{}}}
		all := 0
		for _, n := range t {
			r.Cells = append(r.Cells, Count(n))
			all += n
		}
		r.Cells[0] = Count(all)
		r.Cells = append(r.Cells, Percent(t[petWithin], judged(t)))
		return r
	}
	var sum tally
	overdue := map[string]int{}
	for _, o := range in.offices(seen) {
		t := tally{}
		if byOffice[o.Code] != nil {
			t = *byOffice[o.Code]
		}
		for i, n := range t {
			sum[i] += n
		}
		overdue[o.Code] = t[petOverdue]
		f.Rows = append(f.Rows, row(text(o.Name), t))
	}
	total := row(i18n.M("report.col.total"), sum)
	f.Total = &total
	f.Lead = append(f.Lead, i18n.M("report.petdl.lead", total.Cells[0], in.Period.Text(),
		nonZero([]string{"report.petdl.n.within", "report.petdl.n.late", "report.petdl.n.open", "report.petdl.n.overdue", "report.petdl.n.stopped"}, sum[:])))
	if d := judged(sum); d > 0 {
		f.Lead = append(f.Lead, i18n.M("report.petdl.share", Percent(sum[petWithin], d), Count(sum[petWithin]), Count(d)))
		var types list
		for _, t := range petitionTypes {
			if n := byType[t]; n != nil && judged(*n) > 0 {
				types = append(types, i18n.M("report.petdl.type_share", Count(n[petWithin]), i18n.M("report.pet.count."+t, Count(judged(*n))), Percent(n[petWithin], judged(*n))))
			}
		}
		if len(types) > 1 {
			f.Lead = append(f.Lead, i18n.M("report.petdl.by_type", types))
		}
	}
	if sum[petOverdue] > 0 {
		f.Lead = append(f.Lead, i18n.M("report.petdl.overdue_by", entries(in.Offices, overdue)))
	}
	f.Notes = append(f.Notes, i18n.M("report.petdl.note", when.Date(c.Now)))
	return f
}

// receptionFigure: the citizen reception days of the leaders the registry binds to receive citizens monthly
// (receives_citizens), by their registry names: the months of the period that rhythm/reception judges
// (rules.Context.Receptions: ended by --as-of, covered by a year, quarter or month programme), those with a
// reception day of theirs (held), those without (missed), and the share held.
func receptionFigure(in *Input) Figure {
	c := in.Ctx
	f := Figure{ID: "reception", Title: i18n.M("report.reception.title"),
		Head: []i18n.Msg{i18n.M("report.reception.col.leader"), i18n.M("report.reception.col.due"), i18n.M("report.reception.col.held"),
			i18n.M("report.reception.col.missed"), i18n.M("report.reception.col.share")},
		Chart: Chart{Layout: chart.Stacked, Columns: []int{1, 2}, Unit: i18n.M("report.reception.unit")}}
	rs := c.Receptions()
	if len(rs) == 0 {
		f.Empty = i18n.M("report.reception.nobody")
		return f
	}
	var sumDue, sumHeld int
	var missed list
	for _, r := range rs {
		due, held := 0, 0
		var months clauses
		for _, m := range r.Months {
			if !in.In(m.Month) {
				continue
			}
			due++
			if m.Held {
				held++
			} else {
				months = append(months, m.Month.Text())
			}
		}
		name := text(c.PersonName(r.ID))
		f.Rows = append(f.Rows, Row{Label: name, Cells: []Cell{Count(due), Count(held), Count(due - held), Percent(held, due)}})
		sumDue += due
		sumHeld += held
		if len(months) > 0 {
			missed = append(missed, i18n.M("report.entry", name, months))
		}
	}
	if sumDue == 0 {
		f.Rows = nil
		f.Empty = i18n.M("report.reception.no_month", in.Period.Text(), when.Date(c.Now))
		return f
	}
	f.Total = &Row{Label: i18n.M("report.col.total"), Cells: []Cell{Count(sumDue), Count(sumHeld), Count(sumDue - sumHeld), Percent(sumHeld, sumDue)}}
	f.Lead = append(f.Lead, i18n.M("report.reception.lead", in.Period.Text(), Count(len(rs)), Count(sumDue), Count(sumHeld), Percent(sumHeld, sumDue)))
	if len(missed) > 0 {
		f.Lead = append(f.Lead, i18n.M("report.reception.missed_by", missed))
	}
	f.Notes = append(f.Notes, i18n.M("report.reception.note", when.Date(c.Now)))
	return f
}
