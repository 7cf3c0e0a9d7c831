// Package conclusion owns the notices of meeting conclusions (thông báo kết luận) as the offices follow them
// up (theo dõi, đôn đốc): their tasks; each task's state on a given day (open, overdue, done on time or late,
// cancelled), read from its progress notes; the order in which tasks are chased; which offices a task and a
// notice concern; the counts by owner the annual evaluation reads; the weekly reminder's selection; and a
// progress note written into the record. It reads records and the registry; it never reads the clock (callers
// pass the day, --as-of), writes no file and knows nothing of commands or of the rules.
package conclusion

import (
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// Task statuses, as records write them.
const (
	StatusOpen      = "open"
	StatusDone      = "done"
	StatusCancelled = "cancelled"
)

// Statuses are the values of a task's status, in the schema's order.
var Statuses = []string{StatusOpen, StatusDone, StatusCancelled}

// Task is one task of one conclusion, where it is written.
type Task struct {
	File       *record.File       // the conclusion's record
	Conclusion *record.Conclusion // its value
	Task       *record.Task       // the task
	Index      int                // its position in tasks
}

// Name is the conclusion's file name without .yaml: how people name a conclusion on the command line
// (ket-luan-btv-thang-8).
func Name(file string) string {
	return strings.TrimSuffix(strings.TrimSuffix(path.Base(file), ".yaml"), ".yml")
}

// Key names the task as `coord task update` takes it and as the task/overdue rule's subject says it:
// "ket-luan-btv-thang-8#de-an-sap-xep-co-quan-tham-muu".
func (t Task) Key() string { return Name(t.File.Path) + "#" + t.Task.ID }

// All returns every task of every conclusion of the repo that decoded, by file path and then in the order
// of its tasks.
func All(r *datarepo.Repo) []Task {
	var out []Task
	for _, f := range r.Files {
		c, ok := f.Value.(*record.Conclusion)
		if !ok || c == nil {
			continue
		}
		for i := range c.Tasks {
			out = append(out, Task{File: f, Conclusion: c, Task: &c.Tasks[i], Index: i})
		}
	}
	return out
}

// Known keeps the tasks of the conclusions issued on or before the day of asOf: as of an earlier day, a
// later notice did not exist yet. The issued day is read as a due day is (IssuedDay); a notice without one,
// or whose day does not read (check reports it), is kept: nothing says it came later.
func Known(ts []Task, asOf time.Time) []Task {
	day := Day(asOf)
	var out []Task
	for _, t := range ts {
		if issued := IssuedDay(t.Conclusion); issued == "" || issued <= day {
			out = append(out, t)
		}
	}
	return out
}

// IssuedDay is the day the notice was issued as records write days (YYYY-MM-DD), read by readDay as a due
// day is; "" when it has none or it does not read as one day.
func IssuedDay(c *record.Conclusion) string {
	d, _ := readDay(c.Issued)
	return d
}

// NoteDay is the day of a progress note as records write days (YYYY-MM-DD), read by readDay as a due day
// is; "" when the note has none or it does not read as one day: such a note counts as undated, before every
// dated one and written by any day.
func NoteDay(u *record.TaskUpdate) string {
	d, _ := readDay(u.Date)
	return d
}

// Day is the calendar day of t in its own location, as records write dates (YYYY-MM-DD).
func Day(t time.Time) string { return t.Format(time.DateOnly) }

// State is what a task stands at on a day.
type State int

const (
	Open       State = iota // not done, and not past its due day (or without one)
	Overdue                 // not done, and its due day has passed
	DoneOnTime              // done on or before its due day (or without one, or on a day not recorded)
	DoneLate                // done after its due day
	Cancelled               // cancelled
)

var stateNames = [...]string{Open: "open", Overdue: "overdue", DoneOnTime: "done-on-time", DoneLate: "done-late", Cancelled: "cancelled"}

// String is the state's name in JSON output ("overdue", "done-late").
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return ""
	}
	return stateNames[s]
}

// Status is a task as it stands on a day.
type Status struct {
	State  State
	Status string // the record's word on that day: open, done, cancelled
	Due    string // the due day (YYYY-MM-DD, read by DueDay), "" when none or when it cannot be read
	BadDue string // the due as written when it does not read as a day (then Due is "" and the task is never late)
	Done   string // the day it was done (or cancelled), "" when not, or not recorded
	// Days: for Overdue, the days since the due day (1 the day after it); for Open with a due day, the days
	// left (0 on the due day itself); for DoneLate, the days late; 0 otherwise.
	Days int
	// Last is the last progress note written on or before the day, nil when none.
	Last *record.TaskUpdate
}

// At is the task as it stands on the day of asOf, read from its progress notes: the status of the last note
// that gives one, on or before the day; a task whose notes give a status only after the day was open then
// (it was given out open); after the last note, or without notes, the record's own status. A task is overdue
// from the day after its due day (due 30/6: overdue on 1/7, not on 30/6).
func At(t *record.Task, asOf time.Time) Status {
	day := Day(asOf)
	s := Status{Status: t.Status}
	s.Due, s.BadDue = dayOrWritten(t.Due)
	ups := sortedUpdates(t.Updates)
	later := false
	var current *record.TaskUpdate
	for _, u := range ups {
		if u.day > day {
			later = later || u.Status != ""
			continue
		}
		s.Last = u.TaskUpdate
		if u.Status != "" {
			current = u.TaskUpdate
		}
	}
	if later {
		s.Status = StatusOpen
		if current != nil {
			s.Status = current.Status
		}
	}
	if s.Status == StatusDone || s.Status == StatusCancelled {
		s.Done = closedOn(ups, s.Status, day)
	}
	switch s.Status {
	case StatusCancelled:
		s.State = Cancelled
	case StatusDone:
		s.State = DoneOnTime
		if s.Due != "" && s.Done != "" && s.Done > s.Due {
			s.State, s.Days = DoneLate, daysBetween(s.Due, s.Done)
		}
	default:
		s.State = Open
		if s.Due != "" {
			if d := daysBetween(s.Due, day); d > 0 {
				s.State, s.Days = Overdue, d
			} else {
				s.Days = -d
			}
		}
	}
	return s
}

// DueDay is the task's due day as records write days (YYYY-MM-DD): every reader of a due day (At, and so the
// order of urgency, the reminder, the counts by owner; the report; the inbox) reads it here. A clerk's form,
// which check reports and coord fmt rewrites (10/9/2026, 10.09.2026, "ngày 10 tháng 9 năm 2026"), is read as
// that day by when.Normalize, the parser of clerks' dates. It returns "" and true when the task has no due day,
// and "" and false when the due is written but does not read as one day ("cuối tháng 9", "10/9" without its
// year, a month): such a task is never overdue nor due today, and says its due cannot be read.
func DueDay(t *record.Task) (string, bool) { return readDay(t.Due) }

// readDay reads a day of a conclusion record (a due, the notice's issued day, a note's date: DueDay,
// IssuedDay, NoteDay) as records write days, by when.Day: "" and true for nothing written, "" and false for
// what is not one day.
func readDay(s string) (string, bool) {
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	return when.Day(s)
}

// dayOrWritten is readDay of s, and what is written (trimmed) when it does not read as one day: a due or an
// issued day as the listings give it.
func dayOrWritten(s string) (day, written string) {
	d, ok := readDay(s)
	if !ok {
		return "", strings.TrimSpace(s)
	}
	return d, ""
}

// dated is a progress note (a copy) with its day (NoteDay).
type dated struct {
	*record.TaskUpdate
	day string
}

// sortedUpdates are copies of the notes in the order of their days (NoteDay: 28/9/2026 before 2026-10-05;
// undated ones first; notes of one day keep their written order).
func sortedUpdates(us []record.TaskUpdate) []dated {
	cp := slices.Clone(us)
	out := make([]dated, len(cp))
	for i := range cp {
		out[i] = dated{&cp[i], NoteDay(&cp[i])}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].day < out[j].day })
	return out
}

// closedOn is the day (NoteDay) of the note that gave the task the status it still has on day: the first note of the
// last run of notes saying status (a later "done" repeated is not a later completion); "" when no note
// says it.
func closedOn(ups []dated, status, day string) string {
	on := ""
	for _, u := range ups {
		if u.day > day || u.Status == "" {
			continue
		}
		switch {
		case u.Status != status:
			on = ""
		case on == "":
			on = u.day
		}
	}
	return on
}

// daysBetween is b - a in calendar days, for YYYY-MM-DD days (0 when either does not parse).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// DueWithin reports an open task due on the day of the status or in the days-1 days after it: within 7 days
// on a Monday is Monday to Sunday.
func (s Status) DueWithin(days int) bool {
	return s.State == Open && s.Due != "" && s.Days < days
}

// Closed reports a task done or cancelled.
func (s Status) Closed() bool {
	return s.State == DoneOnTime || s.State == DoneLate || s.State == Cancelled
}

// rank orders states for chasing: overdue first, then open, then done, then cancelled.
func (s Status) rank() int {
	switch s.State {
	case Overdue:
		return 0
	case Open:
		if s.Due == "" {
			return 2
		}
		return 1
	case DoneLate, DoneOnTime:
		return 3
	}
	return 4
}

// SortByUrgency orders tasks as they are chased on the day of asOf: overdue first, the longest overdue
// first; then open tasks by due day, nearest first; open tasks without a due day; then done and cancelled
// ones. Ties keep the order of the conclusions' files and their tasks.
func SortByUrgency(ts []Task, asOf time.Time) {
	st := make(map[*record.Task]Status, len(ts))
	for _, t := range ts {
		st[t.Task] = At(t.Task, asOf)
	}
	sort.SliceStable(ts, func(i, j int) bool {
		a, b := st[ts[i].Task], st[ts[j].Task]
		if ra, rb := a.rank(), b.rank(); ra != rb {
			return ra < rb
		}
		if a.Due != b.Due {
			return a.Due < b.Due
		}
		if ts[i].File.Path != ts[j].File.Path {
			return ts[i].File.Path < ts[j].File.Path
		}
		return ts[i].Index < ts[j].Index
	})
}

// Counts are tasks counted by what became of them.
type Counts struct {
	DoneOnTime int `json:"done_on_time"`
	DoneLate   int `json:"done_late"`
	Open       int `json:"open"`    // not done and not yet overdue
	Overdue    int `json:"overdue"` // not done, past the due day
	Cancelled  int `json:"cancelled"`
}

// Add counts one task in state s.
func (c *Counts) Add(s State) {
	switch s {
	case DoneOnTime:
		c.DoneOnTime++
	case DoneLate:
		c.DoneLate++
	case Overdue:
		c.Overdue++
	case Cancelled:
		c.Cancelled++
	default:
		c.Open++
	}
}

// Total is every task counted, cancelled ones included.
func (c Counts) Total() int { return c.DoneOnTime + c.DoneLate + c.Open + c.Overdue + c.Cancelled }

// CountByOwner counts, for each owner (a body or an office code), the tasks known on the day of asOf by
// their state on that day: done on time, done late, open, overdue, cancelled. A task done without a dated
// note counts as done on time: nothing records that it was late.
func CountByOwner(ts []Task, asOf time.Time) map[string]Counts {
	out := map[string]Counts{}
	for _, t := range Known(ts, asOf) {
		c := out[t.Task.Owner]
		c.Add(At(t.Task, asOf).State)
		out[t.Task.Owner] = c
	}
	return out
}

// Serving returns the offices that answer for code: the office itself when code is an office, else the
// offices that serve the body code, in registry order.
func Serving(reg *record.Offices, code string) []string {
	var out []string
	for _, o := range reg.Offices {
		if o.Code == code {
			return []string{code}
		}
	}
	for _, o := range reg.Offices {
		if slices.Contains(o.Serves, code) && !slices.Contains(out, o.Code) {
			out = append(out, o.Code)
		}
	}
	return out
}

// Responsible returns the offices that answer for a task: its owner when the owner is an office, else the
// offices serving the owner body; when no office serves it (a department, a Party board), the office that
// issued the conclusion, which follows it up itself.
func Responsible(reg *record.Offices, t Task) []string {
	if out := Serving(reg, t.Task.Owner); len(out) > 0 {
		return out
	}
	if t.Conclusion.Office != "" {
		return []string{t.Conclusion.Office}
	}
	return nil
}

// Concerns reports whether an office must chase the task: it issued the conclusion (it follows up every task
// of its notices), or it answers for the task's owner.
func Concerns(reg *record.Offices, t Task, office string) bool {
	return t.Conclusion.Office == office || slices.Contains(Responsible(reg, t), office)
}

// Offices are the offices that must chase the task (Concerns), in registry order.
func Offices(reg *record.Offices, t Task) []string {
	var out []string
	for _, o := range reg.Offices {
		if Concerns(reg, t, o.Code) && !slices.Contains(out, o.Code) {
			out = append(out, o.Code)
		}
	}
	return out
}

// Recipients are the offices a conclusion's notice goes to (seed 004, point 2: the office that served the
// meeting notifies the others concerned), in registry order: every recipient that is an office or a body an
// office serves, and every office that answers for a task's owner — never the issuing office itself.
func Recipients(reg *record.Offices, c *record.Conclusion) []string {
	want := map[string]bool{}
	for _, r := range c.Recipients {
		for _, o := range Serving(reg, r) {
			want[o] = true
		}
	}
	for _, t := range c.Tasks {
		for _, o := range Serving(reg, t.Owner) {
			want[o] = true
		}
	}
	var out []string
	for _, o := range reg.Offices {
		if want[o.Code] && o.Code != c.Office && !slices.Contains(out, o.Code) {
			out = append(out, o.Code)
		}
	}
	return out
}

// ForOffice are the tasks of conclusion c whose owner the office answers for (the office itself, or a body
// it serves).
func ForOffice(reg *record.Offices, c *record.Conclusion, office string) []*record.Task {
	var out []*record.Task
	for i := range c.Tasks {
		if slices.Contains(Serving(reg, c.Tasks[i].Owner), office) {
			out = append(out, &c.Tasks[i])
		}
	}
	return out
}
