package render

import (
	"bufio"
	"io"
	"slices"
	"time"

	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/inbox"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/when"
)

// The outputs of the conclusions' follow-up (issue 12): the tasks table, the weekly reminder of an office, and
// the notice of a conclusion to each office concerned. Like the programme's notice they are Markdown written
// in sentences — names, Vietnamese dates, no ids, no ISO dates — with every piece of free text escaped.

// mdWriter writes lines of Markdown in one language.
type mdWriter struct {
	b    *bufio.Writer
	lang i18n.Lang
}

func newMD(w io.Writer, lang i18n.Lang) *mdWriter {
	return &mdWriter{b: bufio.NewWriter(w), lang: lang}
}

func (m *mdWriter) line(parts ...string) {
	for _, s := range parts {
		m.b.WriteString(s)
	}
	m.b.WriteByte('\n')
}

// say renders a catalog message, escaped, on one line.
func (m *mdWriter) say(key string, args ...any) string {
	return md(i18n.M(key, args...).Render(m.lang))
}

func (m *mdWriter) render(msg i18n.Msg) string { return md(msg.Render(m.lang)) }

// taskTable writes the tasks as a table: due day, task, owner, notice, how it stands.
func (m *mdWriter) taskTable(es []conclusion.Entry, c *rules.Context) {
	if len(es) == 0 {
		m.line(m.say("render.none"))
		return
	}
	m.line(row([]string{m.say("tasks.col.due"), m.say("tasks.col.task"), m.say("tasks.col.owner"),
		m.say("tasks.col.source"), m.say("tasks.col.state")}))
	m.line("|---|---|---|---|---|")
	for _, e := range es {
		due := "—"
		switch {
		case e.Due != "":
			due = m.render(when.DateText(e.Due))
		case e.BadDue != "":
			due = md(e.BadDue) // as written: the state says it cannot be read
		}
		state := m.render(conclusion.StateMsg(e.Status))
		if e.Last != nil {
			state += "<br>" + m.render(conclusion.LastMsg(e.Last, c))
		}
		m.line(row([]string{due, md(e.Task.Task.Content), md(c.BodyName(e.Task.Task.Owner)),
			m.render(conclusion.SourceMsg(e.Task, c)), state}))
	}
}

// TaskTable writes `coord tasks --format md`: a heading with the day and the filters, then the table in the
// order of urgency.
func TaskTable(w io.Writer, l conclusion.Listing, c *rules.Context, lang i18n.Lang) error {
	m := newMD(w, lang)
	who := i18n.M("tasks.all_offices")
	if l.Office != "" {
		who = i18n.M("tasks.of_office", c.OfficeName(l.Office))
	}
	if l.Owner != "" {
		who = i18n.M("tasks.of_owner", who, c.BodyName(l.Owner))
	}
	m.line("# ", m.say("tasks.md.title", who))
	m.line()
	m.line(m.say("tasks.heading", who, when.DateText(conclusion.Day(l.AsOf)), len(l.Entries), l.Count().Overdue))
	m.line()
	m.taskTable(l.Entries, c)
	return m.b.Flush()
}

// TaskDigest writes an office's weekly reminder (nhắc việc): its first line is the digest's mark (the day it
// was made for, read back by the next one), then what is overdue, what falls due within the week, and what was
// done since the previous reminder.
func TaskDigest(w io.Writer, d conclusion.Digest, c *rules.Context, lang i18n.Lang) error {
	m := newMD(w, lang)
	m.line(d.Mark())
	day, _ := time.Parse(time.DateOnly, d.Day)
	last := day.AddDate(0, 0, conclusion.DigestDays-1)
	m.line("# ", m.say("digest.title", c.OfficeName(d.Office)))
	m.line()
	m.line(i18n.M("render.notice.to", md(c.OfficeName(d.Office))).Render(m.lang))
	m.line()
	since := m.say("digest.since", when.DateText(d.Since))
	if d.First {
		since = m.say("digest.since_week")
	}
	m.line(m.say("digest.intro", when.DateText(d.Day), c.OfficeName(d.Office), len(d.Overdue), len(d.Upcoming), len(d.Done), since))
	m.line()
	m.line("## ", m.say("digest.overdue", len(d.Overdue)))
	m.line()
	m.taskTable(d.Overdue, c)
	m.line()
	m.line("## ", m.say("digest.upcoming", when.Date(day), when.Date(last), len(d.Upcoming)))
	m.line()
	m.taskTable(d.Upcoming, c)
	m.line()
	m.line("## ", m.say("digest.done", since, len(d.Done)))
	m.line()
	m.taskTable(d.Done, c)
	return m.b.Flush()
}

// notice writes the message to an office about a conclusion (seed 004, point 2: the office that served the
// meeting notifies the others): what was concluded, the tasks given to the office or to the bodies it serves
// with their due days and how they stand on the day of asOf, then the notice's other tasks; its title at
// heading level h ("#", "###").
func (m *mdWriter) notice(cl *record.Conclusion, office string, c *rules.Context, asOf time.Time, h string) {
	title := cl.Title
	if title == "" {
		title = m.say("notice.c.untitled", cl.Number)
	} else {
		title = md(title)
	}
	m.line(h, " ", title)
	m.line()
	m.line(i18n.M("render.notice.to", md(c.OfficeName(office))).Render(m.lang))
	m.line()
	meeting := m.say("notice.c.meeting", when.DateText(cl.Meeting.Date))
	if cl.Meeting.Chair != "" {
		meeting = m.say("notice.c.meeting_chair", when.DateText(cl.Meeting.Date), c.PersonName(cl.Meeting.Chair))
	}
	m.line(m.say("notice.c.intro", c.OfficeName(cl.Office), cl.Number, when.DateText(cl.Issued)), " ", meeting)
	m.line()
	mine := conclusion.ForOffice(&c.Repo.Offices, cl, office)
	m.line(h, "# ", m.say("notice.c.mine", c.OfficeName(office), len(mine)))
	m.line()
	if len(mine) == 0 {
		m.line(m.say("notice.c.none_mine"))
	}
	for _, t := range mine {
		m.line("- ", m.noticeTask(t, c, asOf))
	}
	m.line()
	m.line(h, "# ", m.say("notice.c.others", len(cl.Tasks)-len(mine)))
	m.line()
	if len(cl.Tasks) == len(mine) {
		m.line(m.say("render.none"))
	}
	for i := range cl.Tasks {
		if t := &cl.Tasks[i]; !slices.Contains(mine, t) {
			m.line("- ", m.noticeTask(t, c, asOf))
		}
	}
}

// Inbox writes what was sent to an office (`coord inbox --format md`): the counts, the register's documents as
// a table, then each notice of conclusions in full.
func Inbox(w io.Writer, es []inbox.Entry, office, since string, c *rules.Context, asOf time.Time, lang i18n.Lang) error {
	m := newMD(w, lang)
	var docs, notes []inbox.Entry
	for _, e := range es {
		if e.Conclusion != nil {
			notes = append(notes, e)
		} else {
			docs = append(docs, e)
		}
	}
	m.line("# ", m.say("inbox.md.title", c.OfficeName(office)))
	m.line()
	if since == "" {
		m.line(m.say("inbox.heading", c.OfficeName(office), when.DateText(conclusion.Day(asOf)), len(docs), len(notes)))
	} else {
		m.line(m.say("inbox.heading_since", c.OfficeName(office), when.DateText(since), when.DateText(conclusion.Day(asOf)), len(docs), len(notes)))
	}
	m.line()
	m.line("## ", m.say("inbox.md.documents", len(docs)))
	m.line()
	if len(docs) == 0 {
		m.line(m.say("render.none"))
	} else {
		m.line(row([]string{m.say("inbox.col.date"), m.say("inbox.col.number"), m.say("inbox.col.from"), m.say("inbox.col.summary")}))
		m.line("|---|---|---|---|")
		for _, e := range docs {
			summary := md(e.Summary)
			if e.Document != nil && e.Document.Attachment != "" {
				summary += "<br>" + m.say("inbox.attachment", e.Document.Attachment)
			}
			m.line(row([]string{m.render(when.DateText(e.Date)), md(e.Number), md(c.BodyName(e.From)), summary}))
		}
	}
	m.line()
	m.line("## ", m.say("inbox.md.notices", len(notes)))
	m.line()
	if len(notes) == 0 {
		m.line(m.say("render.none"))
	}
	for i, e := range notes {
		if i > 0 {
			m.line()
		}
		m.notice(e.Conclusion, office, c, asOf, "###")
	}
	return m.b.Flush()
}

func (m *mdWriter) noticeTask(t *record.Task, c *rules.Context, asOf time.Time) string {
	return m.say("notice.c.task", c.BodyName(t.Owner), t.Content, conclusion.StateMsg(conclusion.At(t, asOf)))
}
