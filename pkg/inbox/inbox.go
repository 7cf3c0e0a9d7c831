// Package inbox owns what was sent to an office (seed 004, point 2: information exchange): the entries of the
// document register addressed to it, and the notices of conclusions it is to be told of (conclusion.Recipients).
// A notice is not a file: it is the conclusion itself, which reaches every office when it is submitted, read
// as a message for this office (render.ConclusionNotice). It reads records and the registry and writes nothing.
package inbox

import (
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// Entry is one thing sent to the office: a document of the register or a conclusion's notice.
type Entry struct {
	Path       string
	Kind       string // record.KindDocument or record.KindConclusion
	Date       string // the document's date, the notice's issue day (YYYY-MM-DD)
	From       string // the issuer (an office or body code), the conclusion's office
	Number     string
	Summary    string // the document's summary, the conclusion's title
	Document   *record.Document
	Conclusion *record.Conclusion
	Tasks      []*record.Task // a conclusion's tasks the office answers for
}

// For lists what was sent to office, dated from since (a YYYY-MM-DD day; "" for all) to the day of asOf, newest
// first: the register's documents whose recipients name the office or a body it serves (not its own), and the
// conclusions whose notice goes to it. A register entry of a notice that is listed as a conclusion (the same
// number from the same office) is not listed twice.
func For(r *datarepo.Repo, office, since string, asOf time.Time) []Entry {
	day := conclusion.Day(asOf)
	reg := &r.Offices
	in := func(date string) bool { return date != "" && date <= day && (since == "" || date >= since) }
	var out []Entry
	notices := map[string]bool{}
	for _, f := range r.Files {
		c, ok := f.Value.(*record.Conclusion)
		if !ok {
			continue
		}
		issued := conclusion.IssuedDay(c) // a clerk's 5/10/2026 is the day 2026-10-05
		if !in(issued) || !slices.Contains(conclusion.Recipients(reg, c), office) {
			continue
		}
		notices[c.Office+"|"+c.Number] = true
		out = append(out, Entry{Path: f.Path, Kind: record.KindConclusion, Date: issued, From: c.Office, Number: c.Number,
			Summary: c.Title, Conclusion: c, Tasks: conclusion.ForOffice(reg, c, office)})
	}
	for _, f := range r.Files {
		d, ok := f.Value.(*record.Document)
		if !ok {
			continue
		}
		date, _ := when.Day(d.Date) // a clerk's 5/10/2026 is the day 2026-10-05; what is not one day is in no span
		if !in(date) || notices[d.Issuer+"|"+d.Number] || slices.Contains(conclusion.Serving(reg, d.Issuer), office) {
			continue
		}
		to := false
		for _, rc := range d.Recipients {
			to = to || slices.Contains(conclusion.Serving(reg, rc), office)
		}
		if to {
			out = append(out, Entry{Path: f.Path, Kind: record.KindDocument, Date: date, From: d.Issuer, Number: d.Number,
				Summary: d.Summary, Document: d})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// Names gives the registry's names (rules.Context does).
type Names interface {
	OfficeName(code string) string
	BodyName(code string) string
}

// WriteText writes the inbox for a person, in lang: a heading with the counts, then each entry in a sentence
// (its day, sender, number, summary; for a notice, the tasks given to the office with their due days) and its
// file on the next line.
func WriteText(w io.Writer, es []Entry, office, since string, asOf time.Time, n Names, lang i18n.Lang) error {
	var b strings.Builder
	say := func(indent string, m i18n.Msg) { b.WriteString(indent + finding.Visible(m.Render(lang)) + "\n") }
	docs, notes := count(es)
	if since == "" {
		say("", i18n.M("inbox.heading", n.OfficeName(office), when.DateText(conclusion.Day(asOf)), docs, notes))
	} else {
		say("", i18n.M("inbox.heading_since", n.OfficeName(office), when.DateText(since), when.DateText(conclusion.Day(asOf)), docs, notes))
	}
	if len(es) == 0 {
		say("", i18n.M("inbox.none"))
	}
	for _, e := range es {
		b.WriteString("\n")
		summary := e.Summary
		if summary == "" {
			summary = e.Number
		}
		switch e.Kind {
		case record.KindConclusion:
			say("- ", i18n.M("inbox.conclusion", when.DateText(e.Date), n.OfficeName(e.From), e.Number, summary))
			if len(e.Tasks) == 0 {
				say("  ", i18n.M("inbox.no_tasks"))
			}
			for _, t := range e.Tasks {
				s := conclusion.At(t, asOf)
				say("  ", i18n.M("inbox.task", n.BodyName(t.Owner), t.Content, conclusion.StateMsg(s)))
			}
		default:
			say("- ", i18n.M("inbox.document", when.DateText(e.Date), n.BodyName(e.From), e.Number, summary))
			if e.Document.Attachment != "" {
				say("  ", i18n.M("inbox.attachment", e.Document.Attachment))
			}
		}
		say("  ", i18n.M("phrase.text", e.Path))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func count(es []Entry) (docs, notices int) {
	for _, e := range es {
		if e.Kind == record.KindConclusion {
			notices++
		} else {
			docs++
		}
	}
	return docs, notices
}

// WriteJSON writes the inbox for scripts.
func WriteJSON(w io.Writer, es []Entry, office, since string, asOf time.Time) error {
	type task struct {
		ID      string `json:"id"`
		Owner   string `json:"owner"`
		Content string `json:"content"`
		Due     string `json:"due,omitempty"`
		BadDue  string `json:"due_unreadable,omitempty"`
		State   string `json:"state"`
	}
	type entry struct {
		Kind       string `json:"kind"`
		File       string `json:"file"`
		Date       string `json:"date"`
		From       string `json:"from"`
		Number     string `json:"number"`
		Summary    string `json:"summary,omitempty"`
		Type       string `json:"type,omitempty"`
		Attachment string `json:"attachment,omitempty"`
		Tasks      []task `json:"tasks,omitempty"`
	}
	out := struct {
		Office  string  `json:"office"`
		Since   string  `json:"since,omitempty"`
		AsOf    string  `json:"as_of"`
		Entries []entry `json:"entries"`
	}{Office: office, Since: since, AsOf: conclusion.Day(asOf), Entries: []entry{}}
	for _, e := range es {
		x := entry{Kind: e.Kind, File: e.Path, Date: e.Date, From: e.From, Number: e.Number, Summary: e.Summary}
		if e.Document != nil {
			x.Type, x.Attachment = e.Document.Type, e.Document.Attachment
		}
		for _, t := range e.Tasks {
			s := conclusion.At(t, asOf)
			x.Tasks = append(x.Tasks, task{ID: t.ID, Owner: t.Owner, Content: t.Content, Due: s.Due, BadDue: s.BadDue, State: s.State.String()})
		}
		out.Entries = append(out.Entries, x)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
