package conclusion

import (
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// Names gives the registry's names of offices, bodies and people (rules.Context does).
type Names interface {
	OfficeName(code string) string
	BodyName(code string) string // a body's or an office's name
	PersonName(id string) string
}

// StateMsg says how a task stands, in words: "quá hạn 5 ngày (hạn ngày 10/9/2026)", "còn 3 ngày (hạn ngày
// 18/9/2026)", "đã hoàn thành ngày 03/9/2026, đúng hạn". Every output of tasks says it with this.
func StateMsg(s Status) i18n.Msg {
	due := func() i18n.Msg { return when.DateText(s.Due) }
	switch s.State {
	case Overdue:
		return i18n.M("tasks.state.overdue", s.Days, due())
	case Open:
		switch {
		case s.BadDue != "":
			return i18n.M("tasks.state.bad_due", s.BadDue)
		case s.Due == "":
			return i18n.M("tasks.state.no_due")
		case s.Days == 0:
			return i18n.M("tasks.state.due_today", due())
		}
		return i18n.M("tasks.state.open", s.Days, due())
	case DoneLate:
		return i18n.M("tasks.state.done_late", when.DateText(s.Done), s.Days, due())
	case DoneOnTime:
		switch {
		case s.Done == "":
			return i18n.M("tasks.state.done")
		case s.Due == "":
			return i18n.M("tasks.state.done_on", when.DateText(s.Done))
		}
		return i18n.M("tasks.state.done_on_time", when.DateText(s.Done), due())
	}
	if s.Done != "" {
		return i18n.M("tasks.state.cancelled_on", when.DateText(s.Done))
	}
	return i18n.M("tasks.state.cancelled")
}

// SourceMsg names the notice a task comes from: "thông báo 171-TB/TU của Văn phòng Tỉnh ủy ngày 17/8/2026".
func SourceMsg(t Task, n Names) i18n.Msg {
	return i18n.M("tasks.source", t.Conclusion.Number, n.OfficeName(t.Conclusion.Office), dayText(IssuedDay(t.Conclusion), t.Conclusion.Issued))
}

// LastMsg says the last progress note: "cập nhật ngày 08/9/2026 (Văn phòng Tỉnh ủy): …".
func LastMsg(u *record.TaskUpdate, n Names) i18n.Msg {
	on := dayText(NoteDay(u), u.Date)
	if u.Note == "" {
		return i18n.M("tasks.last_bare", on, n.BodyName(u.By))
	}
	return i18n.M("tasks.last", on, n.BodyName(u.By), u.Note)
}

// dayText says a day read from a record (IssuedDay, NoteDay) in Vietnamese prose, or what is written when it
// does not read.
func dayText(day, written string) i18n.Msg {
	if day == "" {
		return when.DateText(written)
	}
	return when.DateText(day)
}

// Listing is what `coord tasks` shows: the tasks chosen, with the day and the filters that chose them.
type Listing struct {
	AsOf    time.Time
	Office  string // "" for every office
	Owner   string // "" for every owner
	Entries []Entry
}

// NewListing is the listing of ts on the day of asOf, in the order of urgency.
func NewListing(ts []Task, asOf time.Time, office, owner string) Listing {
	SortByUrgency(ts, asOf)
	l := Listing{AsOf: asOf, Office: office, Owner: owner}
	for _, t := range ts {
		l.Entries = append(l.Entries, Entry{t, At(t.Task, asOf)})
	}
	return l
}

// Count counts the listing's entries by state.
func (l Listing) Count() Counts {
	var c Counts
	for _, e := range l.Entries {
		c.Add(e.State)
	}
	return c
}

// WriteText writes the listing for a person, in lang: a heading with the counts, then each task in words
// (its state, owner, content, notice and last note) and the reference `coord task update` takes.
func WriteText(w io.Writer, l Listing, n Names, lang i18n.Lang) error {
	var b strings.Builder
	say := func(indent string, m i18n.Msg) { b.WriteString(indent + finding.Visible(m.Render(lang)) + "\n") }
	who := i18n.M("tasks.all_offices")
	if l.Office != "" {
		who = i18n.M("tasks.of_office", n.OfficeName(l.Office))
	}
	if l.Owner != "" {
		who = i18n.M("tasks.of_owner", who, n.BodyName(l.Owner))
	}
	c := l.Count()
	say("", i18n.M("tasks.heading", who, when.DateText(Day(l.AsOf)), len(l.Entries), c.Overdue))
	if len(l.Entries) == 0 {
		say("", i18n.M("tasks.none"))
	}
	for i, e := range l.Entries {
		b.WriteString("\n")
		say("", i18n.M("tasks.item", i+1, n.BodyName(e.Task.Task.Owner), StateMsg(e.Status)))
		say("   ", i18n.M("phrase.text", e.Task.Task.Content))
		line := i18n.M("tasks.from", SourceMsg(e.Task, n))
		if e.Last != nil {
			line = i18n.M("tasks.from_last", SourceMsg(e.Task, n), LastMsg(e.Last, n))
		}
		say("   ", line)
		say("   ", i18n.M("phrase.text", e.Task.Key()))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JSONTask is one task in `coord tasks --format json`.
type JSONTask struct {
	Key        string             `json:"key"`
	Conclusion string             `json:"conclusion"`
	Number     string             `json:"number"`
	Issuer     string             `json:"issuer"`
	Issued     string             `json:"issued"`                      // the notice's day as records write days (IssuedDay)
	BadIssued  string             `json:"issued_unreadable,omitempty"` // the issued day as written, when it is not a day
	ID         string             `json:"task"`
	Owner      string             `json:"owner"`
	Content    string             `json:"content"`
	Due        string             `json:"due,omitempty"`
	BadDue     string             `json:"due_unreadable,omitempty"` // the due as written, when it is not a day
	Status     string             `json:"status"`
	State      string             `json:"state"`
	Days       int                `json:"days"`
	Done       string             `json:"done,omitempty"`
	Offices    []string           `json:"offices"`
	LastUpdate *record.TaskUpdate `json:"last_update,omitempty"`
}

// WriteJSON writes the listing for scripts: the day, the filters, the counts and every task with its state
// (open, overdue, done-on-time, done-late, cancelled) and the offices that chase it.
func WriteJSON(w io.Writer, l Listing, reg *record.Offices) error {
	out := struct {
		AsOf   string     `json:"as_of"`
		Office string     `json:"office,omitempty"`
		Owner  string     `json:"owner,omitempty"`
		Counts Counts     `json:"counts"`
		Tasks  []JSONTask `json:"tasks"`
	}{AsOf: Day(l.AsOf), Office: l.Office, Owner: l.Owner, Counts: l.Count(), Tasks: []JSONTask{}}
	for _, e := range l.Entries {
		issued, badIssued := dayOrWritten(e.Task.Conclusion.Issued)
		out.Tasks = append(out.Tasks, JSONTask{Key: e.Task.Key(), Conclusion: e.Task.File.Path,
			Number: e.Task.Conclusion.Number, Issuer: e.Task.Conclusion.Office, Issued: issued, BadIssued: badIssued,
			ID: e.Task.Task.ID, Owner: e.Task.Task.Owner, Content: e.Task.Task.Content, Due: e.Status.Due, BadDue: e.BadDue,
			Status: e.Status.Status, State: e.State.String(), Days: e.Days, Done: e.Status.Done,
			Offices: Offices(reg, e.Task), LastUpdate: e.Last})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
