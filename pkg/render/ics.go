package render

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coordvn/coord/pkg/when"
)

// ICS writes an iCalendar feed (RFC 5545) of the effective programme: every item when personID is "", else
// only the items that person chairs or attends (a leader's own feed).
//
// Choices a subscriber may notice:
//   - UID is "<item id>@<period>.coord", so a re-issued feed updates the same events.
//   - SEQUENCE is the item's Sequence, plus one when the coordinator moved the item: a move changes the event
//     after the merge counted its changes, and calendar clients ignore an update whose SEQUENCE did not rise.
//   - Items the coordinator left out are omitted, not sent as STATUS:CANCELLED: the feed is the programme
//     as it stands, and a subscribed client removes an event that leaves its feed.
//   - Timed items are written in UTC (…Z), so no VTIMEZONE is needed; a whole day or several days are all-day
//     events (VALUE=DATE); a coarse item (a week, a month) is an all-day event over its week or month, with
//     "(dự kiến)" in its summary, STATUS:TENTATIVE and TRANSP:TRANSPARENT (it does not block the calendar).
//   - DTSTAMP is Input.Generated, so two renderings of the same record are byte for byte the same.
//
// Lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character.
func ICS(w io.Writer, in Input, personID string) error {
	p := newProgramme(in)
	b := &icsWriter{w: bufio.NewWriter(w)}
	name := p.title()
	if personID != "" {
		name += " — " + p.personName(personID)
	}
	b.line("BEGIN:VCALENDAR")
	b.line("VERSION:2.0")
	b.line("PRODID:-//coordvn//coord//VI")
	b.line("CALSCALE:GREGORIAN")
	b.line("METHOD:PUBLISH")
	b.line("X-WR-CALNAME:" + icsText(name))
	b.line("X-WR-TIMEZONE:" + icsText(p.loc.String()))
	stamp := icsUTC(in.Generated)
	for _, e := range p.entries {
		if personID != "" && !slices.Contains(e.item.Chair, personID) && !slices.Contains(e.item.Attendees, personID) {
			continue
		}
		p.icsEvent(b, e, stamp)
	}
	b.line("END:VCALENDAR")
	if b.err != nil {
		return b.err
	}
	return b.w.Flush()
}

func (p *programme) icsEvent(b *icsWriter, e *entry, stamp string) {
	sp := e.span
	seq := e.item.Sequence
	if e.adj != nil && e.adj.Action == actionMove {
		seq++
	}
	b.line("BEGIN:VEVENT")
	b.line("UID:" + icsText(e.item.ID+"@"+p.periodText()+".coord"))
	b.line("DTSTAMP:" + stamp)
	b.line("SEQUENCE:" + strconv.Itoa(seq))
	switch sp.Form {
	case when.FormDay, when.FormDays, when.FormWeek, when.FormMonth:
		s, e := p.local(sp)
		first := time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC)
		last := lastDay(e)
		b.line("DTSTART;VALUE=DATE:" + first.Format("20060102"))
		b.line("DTEND;VALUE=DATE:" + time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, time.UTC).Format("20060102"))
	default:
		b.line("DTSTART:" + icsUTC(sp.Start))
		b.line("DTEND:" + icsUTC(sp.End))
	}
	summary := e.item.Title
	tentative := e.item.Tentative || sp.Coarse()
	if tentative {
		summary += " (" + p.msg("render.tentative") + ")"
	}
	b.line("SUMMARY:" + icsText(summary))
	if e.item.Place != "" {
		b.line("LOCATION:" + icsText(p.placeName(e.item.Place)))
	}
	var desc []string
	if sp.Form == when.FormSession { // the hours of a session come from the repo's policy: say them
		s, e := p.local(sp)
		desc = append(desc, p.timeText(sp)+" ("+p.clock(s)+"-"+p.clock(e)+")")
	}
	if len(e.item.Offices) > 0 {
		desc = append(desc, p.msg("render.ics.offices", p.officeNames(e.item.Offices)))
	}
	if len(e.item.Chair) > 0 {
		desc = append(desc, p.msg("render.ics.chair", p.people(e.item.Chair)))
	}
	if len(e.item.Attendees) > 0 {
		desc = append(desc, p.msg("render.ics.attendees", p.people(e.item.Attendees)))
	}
	if loc := p.localityName(e.item.Item); loc != "" {
		desc = append(desc, p.msg("render.ics.locality", loc))
	}
	if e.item.Note != "" {
		desc = append(desc, p.msg("render.ics.note", e.item.Note))
	}
	if m := p.movedNote(e); m != "" {
		desc = append(desc, "↻ "+m)
	}
	if t := p.conflictTip(e); t != "" {
		desc = append(desc, "⚠ "+t)
	}
	if len(desc) > 0 {
		b.line("DESCRIPTION:" + icsText(strings.Join(desc, "\n")))
	}
	if tentative {
		b.line("STATUS:TENTATIVE")
	} else {
		b.line("STATUS:CONFIRMED")
	}
	if sp.Coarse() {
		b.line("TRANSP:TRANSPARENT")
	} else {
		b.line("TRANSP:OPAQUE")
	}
	b.line("END:VEVENT")
}

// icsUTC is an instant as a UTC DATE-TIME, 20260703T010000Z.
func icsUTC(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsTextEscaper escapes a TEXT value (RFC 5545 3.3.11); CR is dropped, a newline becomes \n.
var icsTextEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", "")

// icsText escapes a TEXT value and drops the control characters it may not hold (all but tab).
func icsText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return icsTextEscaper.Replace(s)
}

// icsWriter writes content lines with CRLF, folded at 75 octets.
type icsWriter struct {
	w   *bufio.Writer
	err error
}

// line folds one content line: at most 75 octets per physical line, a continuation starts with a space
// (which counts), and a fold never splits a UTF-8 sequence.
func (b *icsWriter) line(s string) {
	if b.err != nil {
		return
	}
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.write(s[:cut])
		b.write("\r\n ")
		s = s[cut:]
		limit = 74
	}
	b.write(s)
	b.write("\r\n")
}

func (b *icsWriter) write(s string) {
	if b.err == nil {
		_, b.err = b.w.WriteString(s)
	}
}
