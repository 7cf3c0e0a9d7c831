// Package report owns `coord report`: the figures a quarter's review and the annual evaluation meeting
// need (seed 004, point 4), computed from the data repo for one quarter or one year — each figure a table and
// a chart of the same numbers, with a sentence or two saying what they show — and the report written as
// Markdown (the charts as SVG files beside it) or as one HTML page (the charts inline). A year's report is the
// draft the year's host office sends (the host rotation of coord.yaml, policy.Policy.Host).
//
// It counts with the domain's own functions and never a rule of its own: when a programme was submitted and
// whether it was late is deadline/late's judgement (rules.Context.Submission), what the coordinator's
// decisions did to a conflict is the effective programme's (consolidate.Effective), how a conclusion's task
// stands is pkg/conclusion's (conclusion.CountByOwner), whether a petition's steps met their statutory
// deadlines is pkg/petition's (petition.Deadlines), and which months a leader owed and held a citizen
// reception day is rhythm/reception's (rules.Context.Receptions). Build reads a loaded repo and is pure; the
// writers render in the reader's language. It reads no clock and writes no file.
package report

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/coordvn/coord/pkg/datarepo"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/report/chart"
	"github.com/coordvn/coord/pkg/rules"
)

// Report is the report of one quarter or one year.
type Report struct {
	Period   period.Period // a quarter or a year
	Province string
	AsOf     time.Time // --as-of: the figures stand as of then, and the report is dated that day
	// From is the office the report comes from: the year's host office for a year (the coordinating office
	// when coord.yaml names no rotation), the coordinating office for a quarter.
	From Office
	// To are the other offices of the regulation, in registry order.
	To []Office
	// Host and NextHost are the hosts of the year's evaluation and of the next year's (year reports only;
	// zero when coord.yaml names no rotation).
	Host, NextHost Office
	Figures        []Figure
}

// Office is an office as the report names it.
type Office struct {
	Code string
	Name string // the registry's name, else the code
}

// Figure is one figure of the report: the same numbers as a table and as a chart, with sentences before
// (Lead) and after (Notes) them. A figure without rows says Empty instead of its table and chart.
type Figure struct {
	ID    string // stable, for the chart's file and ids: "items", "submissions", …
	Title i18n.Msg
	Lead  []i18n.Msg
	Head  []i18n.Msg // the columns' headings, the rows' heading first
	Rows  []Row
	Total *Row // the total row, when there is one
	Chart Chart
	Notes []i18n.Msg
	Empty i18n.Msg
}

// Row is one row of a figure's table.
type Row struct {
	Label i18n.Msg
	Cells []Cell // one per column after the first
}

// Chart says which columns of the table the chart draws, and how: the rows (the total row aside) are its
// categories and the columns its series, or the other way round when Transpose is set.
type Chart struct {
	Layout    chart.Layout
	Columns   []int // indexes into Row.Cells
	Transpose bool
	Unit      i18n.Msg
}

// Cell is one number of a table: a count, or a share (N of D).
type Cell struct {
	N, D    int
	percent bool
}

// Count is a cell holding n.
func Count(n int) Cell { return Cell{N: n} }

// Percent is a cell holding the share n/d, written with one decimal ("66,7%"); no share when d is 0.
func Percent(n, d int) Cell { return Cell{N: n, D: d, percent: true} }

// Render writes the cell in lang: a count with the language's thousands separator, a share rounded half
// up to one decimal.
func (c Cell) Render(lang i18n.Lang) string {
	if !c.percent {
		return Number(c.N, lang)
	}
	if c.D == 0 {
		return i18n.M("report.no_share").Render(lang)
	}
	tenths := (2000*c.N + c.D) / (2 * c.D) // round(1000·N/D), half up, in integers
	return i18n.M("report.percent", Number(tenths/10, lang), tenths%10).Render(lang)
}

// Number writes n with the thousands separator of lang: 12.345 in Vietnamese, 12,345 in English.
func Number(n int, lang i18n.Lang) string {
	sep := i18n.M("report.thousands").Render(lang)
	neg := n < 0
	if neg {
		n = -n
	}
	s := []byte{}
	for i, d := 0, []byte(itoa(n)); i < len(d); i++ {
		if i > 0 && (len(d)-i)%3 == 0 {
			s = append(s, sep...)
		}
		s = append(s, d[i])
	}
	if neg {
		return "-" + string(s)
	}
	return string(s)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Input is what the figures read: the loaded repo and the report's window.
type Input struct {
	Ctx    *rules.Context
	Period period.Period
	// Offices are the registry's offices in its order, then any other office code the records name.
	Offices []Office
}

// In reports whether period q lies in the report's window: the report's period itself, or a shorter period
// that starts in it (a month or an ISO week starting in the quarter).
func (in *Input) In(q period.Period) bool {
	if q == in.Period {
		return true
	}
	if q.Kind <= in.Period.Kind {
		return false
	}
	loc := in.Ctx.Repo.Loc
	s := q.Start(loc)
	return !s.Before(in.Period.Start(loc)) && s.Before(in.Period.End(loc))
}

// Contains reports whether the instant t lies in the report's period.
func (in *Input) Contains(t time.Time) bool {
	loc := in.Ctx.Repo.Loc
	return !t.Before(in.Period.Start(loc)) && t.Before(in.Period.End(loc))
}

// Months are the months of the report's period.
func (in *Input) Months() []period.Period {
	var out []period.Period
	for t := in.Period.Start(time.UTC); t.Before(in.Period.End(time.UTC)); t = t.AddDate(0, 1, 0) {
		out = append(out, period.Period{Kind: period.Month, Year: t.Year(), N: int(t.Month())})
	}
	return out
}

// office adds an office code met in the records to the offices, at the end when the registry lacks it.
func (in *Input) office(code string) {
	if !slices.ContainsFunc(in.Offices, func(o Office) bool { return o.Code == code }) {
		in.Offices = append(in.Offices, Office{Code: code, Name: in.Ctx.OfficeName(code)})
	}
}

// figures are the report's figures, in their order. Each reads the repo through Input and returns its
// table and chart.
var figures = []func(in *Input) Figure{
	itemsFigure,
	submissionsFigure,
	conflictsFigure,
	petitionsFigure,
	petitionDeadlinesFigure,
	tasksFigure,
	receptionFigure,
}

// Build computes the report of p (a quarter or a year; anything else is a usage error) from the loaded
// repo of c, as of c.Now.
func Build(c *rules.Context, p period.Period) (*Report, error) {
	if p.Kind != period.Quarter && p.Kind != period.Year {
		return nil, i18n.Usagef("report.period", p.Text())
	}
	in := &Input{Ctx: c, Period: p}
	for _, o := range c.Repo.Offices.Offices {
		in.office(o.Code)
	}
	r := &Report{Period: p, Province: c.Repo.Settings.Province, AsOf: c.Now,
		From: Office{Code: c.Repo.Settings.Coordinator, Name: c.OfficeName(c.Repo.Settings.Coordinator)}}
	if p.Kind == period.Year {
		if h, ok := c.Policy.Host(p.Year); ok {
			r.Host = Office{Code: h, Name: c.OfficeName(h)}
			r.From = r.Host
		}
		if h, ok := c.Policy.Host(p.Year + 1); ok {
			r.NextHost = Office{Code: h, Name: c.OfficeName(h)}
		}
	}
	for _, o := range in.Offices { // the registry's offices: nothing else is met yet
		if o.Code != r.From.Code {
			r.To = append(r.To, o)
		}
	}
	for _, f := range figures {
		r.Figures = append(r.Figures, f(in))
	}
	return r, nil
}

// Files are the records a report of p reads (datarepo.Options.Only): the registry, the programmes,
// consolidated programmes and petitions of p's year, and every notice of conclusions (a task due in p may
// come from a notice of an earlier year).
func Files(p period.Period) func(rel string) bool {
	y := fmt.Sprintf("%04d/", p.Year)
	return datarepo.Under("programmes/"+y, "consolidated/"+y, "petitions/"+y, "conclusions/")
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
