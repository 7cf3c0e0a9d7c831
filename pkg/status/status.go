// Package status owns what `coord status` tells an office about its own work: the submission deadlines of
// its programmes for the coming year, quarter, month and week (pkg/policy) and whether each is met — on
// the server's main branch before the deadline (when it first got there: gitrepo.FirstAddedIn), still on
// this PC only, a draft, or missing; the submissions this PC holds that the server does not (the clone's
// pending record); what the last `coord sync` brought from the server; the open conflicts on the office's
// items in the consolidated programmes of the current and coming periods; and, for the coordinating
// office, which offices have not submitted for the coming periods.
//
// Gather reads (the registry, those periods' records, the clone's history); Build is pure; Write prints
// the report as sentences (text) or with stable field names (JSON, the only place ISO dates appear). It
// reads no clock — now is given — and writes nothing.
package status

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/vntext"
)

// States of a programme for a deadline.
const (
	Submitted = "submitted" // on the server's main branch
	Pending   = "pending"   // committed on this PC, not on the server yet (`coord sync` sends it)
	Draft     = "draft"     // a file at its place in the data repo, never committed
	Missing   = "missing"   // nothing
)

// Report is what status says. Its JSON field names are a contract for scripts.
type Report struct {
	Office      string     `json:"office"`
	OfficeName  string     `json:"office_name"`
	Coordinator bool       `json:"coordinator"` // the office is coord.yaml's coordinator
	AsOf        time.Time  `json:"as_of"`
	Git         bool       `json:"git"`    // the data repo is a git clone (else nothing can have been submitted)
	Remote      string     `json:"remote"` // the server's URL without credentials ("" when the clone has none)
	Deadlines   []Deadline `json:"deadlines"`
	Pending     []Commit   `json:"pending"`
	Arrived     *Arrived   `json:"arrived"` // null: no sync recorded on this PC
	Conflicts   []Conflict `json:"conflicts"`
	// NotSubmitted is, for the coordinating office only, each coming period with the offices whose
	// programme is not on the server's main branch.
	NotSubmitted []PeriodOffices `json:"not_submitted,omitempty"`
}

// Deadline is one coming period's programme of the office.
type Deadline struct {
	Period   string    `json:"period"` // 2026-Q4
	Kind     string    `json:"kind"`   // year, quarter, month, week
	Deadline time.Time `json:"deadline"`
	Path     string    `json:"path"`
	State    string    `json:"state"` // submitted, pending, draft, missing
	// Met: on the server's main branch before the deadline.
	Met bool `json:"met"`
	// Late: submitted or committed at or after the deadline; for a draft or a missing programme, the
	// deadline has passed.
	Late bool `json:"late"`
	// At is when it reached the server's main branch (submitted) or was committed on this PC (pending).
	At         *time.Time `json:"at,omitempty"`
	LateReason bool       `json:"late_reason,omitempty"` // the file gives a late_reason
	p          period.Period
}

// Commit is one commit a person is told about.
type Commit struct {
	Commit  string    `json:"commit"`
	Time    time.Time `json:"time"`
	Author  string    `json:"author"`
	Records []Record  `json:"records"`
}

// Record is what a commit changed, as a person names it: a programme of an office for a period, a
// document by its number, the settings…
type Record struct {
	Kind   string `json:"kind"` // programme, consolidated, issued, document, conclusion, petition, settings, registry, other
	Office string `json:"office,omitempty"`
	Period string `json:"period,omitempty"`
	ID     string `json:"id,omitempty"` // a document's or conclusion's number, a petition's id, another file's path
}

// Arrived is what the last `coord sync` brought from the server, other people's commits only.
type Arrived struct {
	SyncedAt time.Time `json:"synced_at"`
	Commits  []Commit  `json:"commits"`
}

// Conflict is an open conflict of a consolidated programme that names one of the office's items.
type Conflict struct {
	Period   string   `json:"period"`
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"` // as the coordinator's merge recorded it (in Vietnamese)
	Msg      i18n.Msg `json:"-"`       // the same conflict as the sources now say it, for any language (Key "" when they no longer do)
	Items    []string `json:"items"`   // the merged items it names
	Titles   []string `json:"titles"`  // the titles of the office's items among them (every item's, for the coordinator)
}

// PeriodOffices is a coming period and the offices that have not submitted for it.
type PeriodOffices struct {
	Period   string    `json:"period"`
	Kind     string    `json:"kind"`
	Deadline time.Time `json:"deadline"`
	Overdue  bool      `json:"overdue"`
	Offices  []Office  `json:"offices"`
}

// Office is an office of the registry.
type Office struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Options say whose status Gather reads, and where.
type Options struct {
	Root   string
	Office string // the office's code (any case, or its name)
	Email  string // the user's: commits of their own are not news
	Remote string // default origin
	Branch string // default main
	// AsOf is "now" in the repo's time zone (the command's --as-of or clock).
	AsOf func(loc *time.Location) (time.Time, error)
}

// Input is what Build reads: the loaded records, the policy, and the clone's history.
type Input struct {
	Repo   *datarepo.Repo
	Policy policy.Policy
	Now    time.Time
	Office string // a code of the registry
	Email  string
	// Git: the data repo is a git clone; Remote its server's URL ("" without one).
	Git    bool
	Remote string
	// OnServer maps each programme path on the server's main branch to when it first got there.
	OnServer map[string]time.Time
	// Unpushed are this clone's own commits the server does not hold, oldest first.
	Unpushed []gitrepo.LogEntry
	// Synced is the last sync (nil: none recorded) and Arrived the commits it brought.
	Synced  *gitrepo.SyncMark
	Arrived []gitrepo.LogEntry
	// Drafts says whether a file is at a repo path in the worktree.
	Drafts func(rel string) bool
}

// Kinds of period, in the order of their names in JSON.
var kindNames = map[period.Kind]string{period.Year: "year", period.Quarter: "quarter", period.Month: "month", period.Week: "week"}

// Coming is the next period of each kind after the one that holds now: the programmes an office prepares.
func Coming(now time.Time) []period.Period {
	y, m, _ := now.Date()
	q := (int(m)-1)/3 + 1
	next := []period.Period{{Kind: period.Year, Year: y + 1}}
	if q == 4 {
		next = append(next, period.Period{Kind: period.Quarter, Year: y + 1, N: 1})
	} else {
		next = append(next, period.Period{Kind: period.Quarter, Year: y, N: q + 1})
	}
	if m == 12 {
		next = append(next, period.Period{Kind: period.Month, Year: y + 1, N: 1})
	} else {
		next = append(next, period.Period{Kind: period.Month, Year: y, N: int(m) + 1})
	}
	wy, w := now.AddDate(0, 0, 7).ISOWeek()
	return append(next, period.Period{Kind: period.Week, Year: wy, N: w})
}

// Current is the period of each kind that holds now.
func Current(now time.Time) []period.Period {
	y, m, _ := now.Date()
	wy, w := now.ISOWeek()
	return []period.Period{{Kind: period.Year, Year: y}, {Kind: period.Quarter, Year: y, N: (int(m)-1)/3 + 1},
		{Kind: period.Month, Year: y, N: int(m)}, {Kind: period.Week, Year: wy, N: w}}
}

// Gather reads what the status of o.Office needs: the registry and settings, the office's programmes of the
// coming periods (for their late_reason), the consolidated records of the current and coming periods, and
// from the clone: which programmes the server's main branch holds and since when (every office's, which is
// what the coordinator's view needs: no other programme is decoded), the commits the server lacks, and what
// the last sync brought. A folder that is not a git clone has no history: its
// programmes are drafts or missing.
func Gather(o Options) (*Input, error) {
	if o.Remote == "" {
		o.Remote = "origin"
	}
	if o.Branch == "" {
		o.Branch = "main"
	}
	v, err := record.NewValidator()
	if err != nil {
		return nil, err
	}
	reg, err := datarepo.Load(o.Root, datarepo.Options{Validate: v, Only: datarepo.Under()})
	if err != nil {
		return nil, err
	}
	now, err := o.AsOf(reg.Loc)
	if err != nil {
		return nil, err
	}
	office, err := ResolveOffice(reg, o.Office)
	if err != nil {
		return nil, err
	}
	// The office's coming programmes, and every programme of the periods whose consolidated programme may
	// hold conflicts to report (current and coming): the conflicts are worded again from them, in the
	// reader's language.
	var prefixes []string
	for _, p := range append(Coming(now), Current(now)...) {
		prefixes = append(prefixes, path.Dir(datarepo.ProgrammePath(p, office))+"/", datarepo.ConsolidatedPath(p))
	}
	repo, err := datarepo.Load(o.Root, datarepo.Options{Validate: v, Only: datarepo.Under(prefixes...)})
	if err != nil {
		return nil, err
	}
	pol, _ := policy.FromSettings(repo.Settings, repo.Holidays, repo.Loc)
	in := &Input{Repo: repo, Policy: pol, Now: now, Office: office, Email: o.Email, OnServer: map[string]time.Time{},
		Drafts: func(rel string) bool {
			st, err := os.Lstat(filepath.Join(o.Root, filepath.FromSlash(rel)))
			return err == nil && st.Mode().IsRegular()
		}}
	if err := in.history(o); err != nil {
		return nil, err
	}
	return in, nil
}

// history reads the clone's side of the input.
func (in *Input) history(o Options) error {
	g, err := gitrepo.Open(o.Root)
	if errors.Is(err, gitrepo.ErrNotRepo) {
		return nil
	}
	if err != nil {
		return err
	}
	remoteURL, rerr := g.RemoteURL(o.Remote)
	g.Close()
	in.Git = true
	hasRemote := rerr == nil
	if hasRemote {
		in.Remote = remoteURL
	}
	tracking, err := gitrepo.TrackingTip(o.Root, o.Remote, o.Branch)
	if err != nil {
		return err
	}
	// The server's main branch: what this clone last saw of it; without a remote, the local branch is the
	// only main there is.
	server := ""
	switch {
	case tracking != "":
		server = "refs/remotes/" + o.Remote + "/" + o.Branch
	case !hasRemote:
		server = "refs/heads/" + o.Branch
	}
	if server != "" {
		added, err := gitrepo.FirstAddedIn(o.Root, server, "programmes/")
		if err != nil && !errors.Is(err, gitrepo.ErrNoBranch) {
			return err
		}
		if added != nil {
			in.OnServer = added
		}
	}
	if in.Unpushed, err = gitrepo.Unpushed(o.Root, o.Remote, o.Branch); err != nil {
		return err
	}
	mark, ok, err := gitrepo.LastSync(o.Root)
	if err != nil || !ok {
		return err
	}
	in.Synced = &mark
	if mark.Before != "" && mark.After != "" && mark.Before != mark.After {
		arrived, err := gitrepo.Between(o.Root, mark.Before, mark.After)
		if err != nil {
			// The journal names a commit the clone no longer has (history rewritten on the server): what that
			// sync brought can no longer be told.
			return nil
		}
		in.Arrived = arrived
	}
	return nil
}

// ResolveOffice finds the office in the registry by code (any case) or name; an unknown one is a usage
// error with a "did you mean".
func ResolveOffice(r *datarepo.Repo, office string) (string, error) {
	office = strings.TrimSpace(office)
	if office == "" {
		return "", i18n.Usagef("status.no_office")
	}
	m := vntext.NewMatcher()
	var codes []string
	for _, o := range r.Offices.Offices {
		m.Add(o.Code, o.Name)
		codes = append(codes, o.Code)
	}
	for _, c := range codes {
		if c == office {
			return c, nil
		}
	}
	if c, ok := m.Lookup(office); ok {
		return c, nil
	}
	return "", i18n.Usagef("status.unknown_office", office, strings.Join(codes, ", "), i18n.DidYouMean(m.Suggest(office, 2)))
}

// Build makes the report.
func Build(in *Input) *Report {
	r := in.Repo
	rep := &Report{Office: in.Office, OfficeName: officeName(r, in.Office), Coordinator: in.Office == r.Settings.Coordinator,
		AsOf: in.Now, Git: in.Git, Remote: in.Remote, Deadlines: []Deadline{}, Pending: []Commit{}, Conflicts: []Conflict{}}

	// The first commit of this PC's own that touches each path, for the pending ones.
	pendingAt := map[string]time.Time{}
	for _, c := range in.Unpushed {
		for _, p := range c.Paths {
			if _, seen := pendingAt[p]; !seen {
				pendingAt[p] = c.When
			}
		}
		rep.Pending = append(rep.Pending, commitOf(c, r))
	}

	for _, p := range Coming(in.Now) {
		deadline := in.Policy.Deadline(p)
		d := Deadline{Period: p.String(), Kind: kindNames[p.Kind], Deadline: deadline, Path: datarepo.ProgrammePath(p, in.Office), p: p}
		if f := r.File(d.Path); f != nil {
			if pr, ok := f.Value.(*record.Programme); ok && strings.TrimSpace(pr.LateReason) != "" {
				d.LateReason = true
			}
		}
		if at, ok := in.OnServer[d.Path]; ok {
			at = at.In(r.Loc)
			d.State, d.At, d.Late = Submitted, &at, !at.Before(deadline)
			d.Met = !d.Late
		} else if at, ok := pendingAt[d.Path]; ok {
			at = at.In(r.Loc)
			d.State, d.At, d.Late = Pending, &at, !at.Before(deadline)
		} else if in.Drafts != nil && in.Drafts(d.Path) {
			d.State, d.Late = Draft, !in.Now.Before(deadline)
		} else {
			d.State, d.Late = Missing, !in.Now.Before(deadline)
		}
		rep.Deadlines = append(rep.Deadlines, d)
	}
	sort.SliceStable(rep.Deadlines, func(i, j int) bool { return rep.Deadlines[i].Deadline.Before(rep.Deadlines[j].Deadline) })

	if in.Synced != nil {
		rep.Arrived = &Arrived{SyncedAt: in.Synced.When.In(r.Loc), Commits: []Commit{}}
		for _, c := range in.Arrived {
			if in.Email != "" && strings.EqualFold(strings.TrimSpace(c.AuthorEmail), strings.TrimSpace(in.Email)) {
				continue // the user's own work, pushed by that sync: not news
			}
			rep.Arrived.Commits = append(rep.Arrived.Commits, commitOf(c, r))
		}
	}

	rep.Conflicts = conflicts(in, rep.Coordinator)

	if rep.Coordinator {
		rep.NotSubmitted = []PeriodOffices{}
		for _, d := range rep.Deadlines {
			po := PeriodOffices{Period: d.Period, Kind: d.Kind, Deadline: d.Deadline, Overdue: !in.Now.Before(d.Deadline), Offices: []Office{}}
			for _, o := range r.Offices.Offices {
				if _, ok := in.OnServer[datarepo.ProgrammePath(d.p, o.Code)]; !ok {
					po.Offices = append(po.Offices, Office{Code: o.Code, Name: officeName(r, o.Code)})
				}
			}
			rep.NotSubmitted = append(rep.NotSubmitted, po)
		}
	}
	return rep
}

// conflicts are the open conflicts of the consolidated programmes of the current and coming periods that
// name one of the office's items (every open one, for the coordinator).
func conflicts(in *Input, coordinator bool) []Conflict {
	out := []Conflict{}
	seen := map[string]bool{}
	ctx := rules.NewContext(in.Repo, in.Now, in.Policy)
	for _, p := range append(Current(in.Now), Coming(in.Now)...) {
		if seen[p.String()] {
			continue
		}
		seen[p.String()] = true
		f := in.Repo.File(datarepo.ConsolidatedPath(p))
		if f == nil {
			continue
		}
		rec, ok := f.Value.(*record.Consolidated)
		if !ok || rec == nil {
			continue
		}
		prog := consolidate.Effective(ctx, p, rec)
		live := consolidate.Messages(ctx, p)
		for _, k := range prog.Conflicts {
			if k.State != consolidate.ConflictOpen || k.Record.Severity == "info" {
				continue
			}
			c := Conflict{Period: p.String(), Rule: k.Record.Rule, Severity: k.Record.Severity, Message: k.Record.Message,
				Msg: live[k.Key()], Items: append([]string{}, k.Record.Items...), Titles: []string{}}
			for _, e := range k.Items {
				if coordinator || slices.Contains(e.Item.Offices, in.Office) {
					c.Titles = append(c.Titles, e.Item.Title)
				}
			}
			if len(c.Titles) > 0 {
				out = append(out, c)
			}
		}
	}
	return out
}

// commitOf names what a commit changed: from its Coord-Kind trailers (one group per record, as submit
// writes them), else from its paths (a commit made with git).
func commitOf(c gitrepo.LogEntry, r *datarepo.Repo) Commit {
	out := Commit{Commit: c.Hash, Time: c.When.In(r.Loc), Author: c.AuthorName}
	var cur *Record
	for _, t := range gitrepo.Trailers(c.Message) {
		switch strings.ToLower(t[0]) {
		case strings.ToLower(gitrepo.KindTrailer):
			out.Records = append(out.Records, Record{Kind: t[1]})
			cur = &out.Records[len(out.Records)-1]
		case "coord-office":
			if cur != nil && t[1] != "-" {
				cur.Office = t[1]
			}
		case "coord-period":
			if cur != nil {
				cur.Period = t[1]
			}
		case "coord-id":
			if cur != nil {
				cur.ID = t[1]
			}
		}
	}
	if len(out.Records) == 0 {
		out.Records = recordsOf(c.Paths, r.Settings.Coordinator)
	}
	return out
}

// recordsOf names the records of repo paths by the data repo's layout; several files of one record (the
// issued outputs of a period) are one.
func recordsOf(paths []string, coordinator string) []Record {
	var out []Record
	add := func(x Record) {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	for _, p := range paths {
		el := strings.Split(p, "/")
		switch {
		case p == datarepo.SettingsFile:
			add(Record{Kind: "settings"})
		case el[0] == "registry":
			add(Record{Kind: "registry"})
		case el[0] == "programmes" && len(el) == 4:
			if per, err := period.FromName(el[1], el[2]); err == nil {
				add(Record{Kind: record.KindProgramme, Office: strings.TrimSuffix(strings.TrimSuffix(el[3], ".yaml"), ".yml"), Period: per.String()})
				continue
			}
			add(Record{Kind: "other", ID: p})
		case el[0] == "consolidated" && len(el) == 3:
			if per, err := period.FromName(el[1], strings.TrimSuffix(strings.TrimSuffix(el[2], ".yaml"), ".yml")); err == nil {
				add(Record{Kind: record.KindConsolidated, Office: coordinator, Period: per.String()})
				continue
			}
			add(Record{Kind: "other", ID: p})
		case el[0] == "issued" && len(el) >= 4:
			if per, err := period.FromName(el[1], el[2]); err == nil {
				add(Record{Kind: "issued", Office: coordinator, Period: per.String()})
				continue
			}
			add(Record{Kind: "other", ID: p})
		case (el[0] == "documents" || el[0] == "conclusions" || el[0] == "petitions") && len(el) == 4:
			kind := map[string]string{"documents": record.KindDocument, "conclusions": record.KindConclusion, "petitions": record.KindPetition}[el[0]]
			add(Record{Kind: kind, Office: el[2], ID: strings.TrimSuffix(strings.TrimSuffix(el[3], ".yaml"), ".yml")})
		default:
			add(Record{Kind: "other", ID: p})
		}
	}
	return out
}

// officeName is the registry's name of an office, else its code.
func officeName(r *datarepo.Repo, code string) string {
	for _, o := range r.Offices.Offices {
		if o.Code == code && o.Name != "" {
			return o.Name
		}
	}
	return code
}
