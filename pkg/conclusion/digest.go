package conclusion

import (
	"bytes"
	"regexp"
	"sort"
	"time"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
)

// MaxWithin bounds --due-within: ten years of days, as policy.ParseDays bounds any span.
const MaxWithin = 3660

// ParseWithin reads how far ahead to look, as a clerk writes it: "7d", "7", "7 ngày", "2w", "2 tuần" (a week
// is 7 days), by policy.ParseDays. It returns the number of days (at least 1); working days are refused: a
// task's due day is a calendar day.
func ParseWithin(s string) (int, error) {
	d, err := policy.ParseDays(s)
	if err != nil || d.Working || d.N < 1 || d.N > MaxWithin {
		return 0, i18n.Usagef("tasks.bad_within", s)
	}
	return d.N, nil
}

// DigestDays is how far ahead a reminder looks: the week from its day.
const DigestDays = 7

// Entry is a task with how it stands on the digest's day.
type Entry struct {
	Task
	Status
}

// Digest is the weekly reminder of one office (nhắc việc): what is overdue, what falls due in the week from
// its day, and what was done since the previous reminder.
type Digest struct {
	Office   string
	Day      string  // the reminder's day (YYYY-MM-DD)
	Since    string  // the previous reminder's day: done after it counts as news
	First    bool    // no previous reminder: Since is a week before Day
	Overdue  []Entry // longest overdue first
	Upcoming []Entry // due from Day to Day+6, nearest first
	Done     []Entry // done after Since, on or before Day
}

// BuildDigest selects, among the tasks known on the day of asOf, those the office must chase (Concerns):
// overdue ones, those due within DigestDays, and those done since the previous reminder, prev (the bytes of
// the office's last reminder, nil when none: then the past DigestDays). Each list is in the order of
// SortByUrgency; done tasks by the day they were done.
func BuildDigest(reg *record.Offices, ts []Task, office string, asOf time.Time, prev []byte) Digest {
	d := Digest{Office: office, Day: Day(asOf)}
	d.Since, d.First = previous(prev, d.Day)
	if d.Since == "" {
		d.First, d.Since = true, Day(asOf.AddDate(0, 0, -DigestDays))
	}
	mine := []Task{}
	for _, t := range Known(ts, asOf) {
		if Concerns(reg, t, office) {
			mine = append(mine, t)
		}
	}
	SortByUrgency(mine, asOf)
	for _, t := range mine {
		s := At(t.Task, asOf)
		switch {
		case s.State == Overdue:
			d.Overdue = append(d.Overdue, Entry{t, s})
		case s.DueWithin(DigestDays):
			d.Upcoming = append(d.Upcoming, Entry{t, s})
		case (s.State == DoneOnTime || s.State == DoneLate) && s.Done != "" && s.Done > d.Since && s.Done <= d.Day:
			d.Done = append(d.Done, Entry{t, s})
		}
	}
	sortDone(d.Done)
	return d
}

func sortDone(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Done < es[j].Done })
}

// The reminder remembers its own day: its first line is an HTML comment (invisible once the Markdown is
// shown) with the day it was made for, the day its "done since" counted from, and whether that was a week
// back for want of an earlier reminder. The next reminder written over it counts from its day; one written
// again for the same day keeps the same start, so running the digest twice gives the same file.
var markRe = regexp.MustCompile(`^<!-- coord tasks --digest: day=(\d{4}-\d{2}-\d{2}) since=(\d{4}-\d{2}-\d{2})( first)? -->`)

// Mark is the reminder's first line.
func (d Digest) Mark() string {
	first := ""
	if d.First {
		first = " first"
	}
	return "<!-- coord tasks --digest: day=" + d.Day + " since=" + d.Since + first + " -->"
}

// previous reads the previous reminder of an office (its file's bytes) and returns where the next one, made
// for day, counts done tasks from: the previous reminder's day, or its own start when it was made for the same
// day (and whether that start was a week back); "" when there is no readable previous reminder, or it was
// made for a later day.
func previous(prev []byte, day string) (since string, first bool) {
	line, _, _ := bytes.Cut(prev, []byte("\n"))
	m := markRe.FindSubmatch(bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")))
	if m == nil {
		return "", false
	}
	prevDay, prevSince := string(m[1]), string(m[2])
	if _, err := time.Parse(time.DateOnly, prevDay); err != nil {
		return "", false
	}
	if _, err := time.Parse(time.DateOnly, prevSince); err != nil {
		return "", false
	}
	switch {
	case prevDay < day:
		return prevDay, false
	case prevDay == day && prevSince < day:
		return prevSince, len(m[3]) > 0
	}
	return "", false
}
