package report

import (
	"github.com/coordvn/coord/pkg/i18n"
)

// The two figures below wait for the functions of other issues, so that the report never counts with a
// rule of its own: until those are merged each says that its numbers are not computed yet. PLUG-IN: replace
// the body with a table and a chart built like the figures of figures.go (Head, Rows, Total, Chart, Lead,
// Notes); nothing else in the package changes — the writers draw whatever a Figure holds.

// petitionDeadlinesFigure: the share of the period's petitions handled within the statutory deadline, by
// type and receiving office. PLUG-IN (issue 11, branch p2): each petition's steps and whether each was met
// come from p2's statutory deadlines (pkg/petition); the planned table is one row per office, columns
// handled within the deadline, handled late, still open and within, overdue, and the share within, with a
// stacked chart of the first four.
func petitionDeadlinesFigure(in *Input) Figure {
	return pendingFigure("petition-deadlines", "report.petdl.title")
}

// receptionFigure: the citizen reception days held against those due, by leader bound to receive citizens
// monthly (receives_citizens). PLUG-IN (issue 11, branch p2): the months due and the reception items that
// count are rhythm/reception's; the planned table is one row per leader, columns due, held, missed and the
// share held, with a grouped chart of due and held.
func receptionFigure(in *Input) Figure {
	return pendingFigure("reception", "report.reception.title")
}

// pendingFigure is a figure whose numbers this version does not compute yet.
func pendingFigure(id, title string) Figure {
	return Figure{ID: id, Title: i18n.M(title), Empty: i18n.M("report.pending")}
}
