// Package rules owns the named checks of `coord check` and `coord merge`: one small unit per rule id,
// registered in one list (registry.go). A rule reads the loaded repo through a Context and reports findings;
// it never writes, never reads the clock (Context.Now is --as-of) and never stops at the first problem.
package rules

import (
	"sort"
	"time"

	"github.com/coordvn/coord/pkg/authz"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/schedule"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/when"
)

// Rule is one named check, declared in one file (named after its id: overlap/person is overlap_person.go)
// with its test, and registered there with register. It is either Check over the context, or Schedule over
// each period's merged schedule (the shared machinery of schedule.go runs it and applies the coordinator's
// decisions). Either way the rule reports through an emitter that fills its id and its severity.
type Rule struct {
	ID       string
	Severity finding.Severity // the usual severity (a finding may set a lower one, case by case)
	// Keys are the catalog keys of the rule's messages (pkg/i18n/rule.go), besides its one-line doc
	// "rule.doc.<ID>"; a test checks that each has its Vietnamese and English text.
	Keys     []string
	Check    func(c *Context, out Out)
	Schedule func(c *Context, s *schedule.Set, emit func(ScheduleFinding))
	// Advisory: the rule's errors never block a submission (coord submit shows them as warnings): they say
	// that time has passed, not that the record is wrong, and the submission may be what mends them.
	Advisory bool
	// Across says which other records the rule's findings on a record depend on, so that coord check can
	// read a large repo part by part (its memory then depends on the largest part, not on the years the repo
	// holds). The zero value, AcrossRepo, is always right: a rule that declares nothing makes coord check read
	// the whole repo at once.
	Across Across
}

// Advisory reports whether a rule's errors are advice to a submission: a schedule rule's (conflicts between
// offices are the coordinator's to settle) or a rule registered Advisory.
func Advisory(id string) bool {
	for _, r := range registered {
		if r.ID == id {
			return r.Advisory || r.Schedule != nil
		}
	}
	return false
}

// Across is what a rule compares a record with (Rule.Across). The parts of the repo that coord check reads
// one after the other are folders (datarepo.Parts), each read with coord.yaml and the registry; a rule's
// findings may sit on its part's records only, except AcrossProgrammes's, which may also sit on coord.yaml and
// the registry. A record filed in another kind's folder (a path finding) is read with that folder's part.
type Across int

const (
	// AcrossRepo: any record of the repo (the default).
	AcrossRepo Across = iota
	// AcrossNone: the record alone, with the settings, the registry, the policy, the clock and the history.
	AcrossNone
	// AcrossPeriod: the programmes and the consolidated record of the record's period.
	AcrossPeriod
	// AcrossProgrammes: every programme and consolidated record (programmes/, consolidated/), of any year.
	AcrossProgrammes
	// AcrossNumbers: the documents and conclusions numbered in the same series: those of the record's year,
	// and the numbers of the five years before (a Party committee's term). The earlier years' records are
	// stand-ins carrying only their number, type, date and the number's position (datarepo.NumberUse). A year
	// too large to read at once is read in batches: the rule runs on each with Context.NumbersLater, then once
	// with no record loaded and the whole series in Context.Numbers.
	AcrossNumbers
	// AcrossBlindIndex: the petitions, of any year, that share the record's blind index (petitioner_index, well
	// formed: petition.WellFormedIndex) when that index is found at two offices or more. coord check keeps
	// only each petition's index and office across the years, and reads those petitions again at the end.
	AcrossBlindIndex
)

// Doc is the rule's one line: what it checks.
func (r Rule) Doc() i18n.Msg { return i18n.M("rule.doc." + r.ID) }

// DocKey is the catalog key of Doc.
func (r Rule) DocKey() string { return "rule.doc." + r.ID }

// run runs the rule over the context.
func (r Rule) run(c *Context, col *finding.Collector) {
	out := Out{c: c, rule: &r, col: col}
	if r.Schedule != nil {
		scheduleCheck(c, out)
		return
	}
	r.Check(c, out)
}

// Out is where a Check rule reports.
type Out struct {
	c    *Context
	rule *Rule
	col  *finding.Collector
}

// Emit reports f under the rule's id, with the rule's severity unless f sets one, if its file is wanted
// (check PATH… limits them).
func (o Out) Emit(f finding.Finding) {
	f.Rule = o.rule.ID
	if f.Severity == "" {
		f.Severity = o.rule.Severity
	}
	o.c.Emit(o.col, f)
}

// registered is every rule, in the order of registration (file order); All sorts them.
var registered []Rule

// register adds a rule to the registry and returns it: `var fooRule = register(Rule{…})` in the rule's file.
func register(r Rule) Rule {
	registered = append(registered, r)
	return r
}

// Context is what rules see: the repo, "now", the policy, and indexes built once.
type Context struct {
	Repo   *datarepo.Repo
	Now    time.Time
	Policy policy.Policy
	// Only, when set, limits findings to these files (check PATH…); rules still read the whole repo.
	Only map[string]bool
	// Submitted maps a record path to the commit time of the first commit on the main branch that added
	// it; paths absent from it are not on main yet.
	Submitted map[string]time.Time
	// Entered maps the keys of reception days (ReceptionKeys) to the commit time of the first commit on the
	// main branch whose programmes held them (reception/notice); days absent from it are not on main yet.
	Entered map[string]time.Time
	// PolicyProblems are coord.yaml overrides that could not be applied (reported by the schema rule).
	PolicyProblems []policy.Problem
	// Numbers are documents and conclusions the repo did not load, by their number alone (datarepo.NumberUse):
	// doc/number compares the loaded records with them. A check read part by part gives each year's part the
	// numbers of the five years before. They come in one list or more, as the caller keeps them (not copied
	// into one).
	Numbers [][]datarepo.NumberUse
	// NumbersLater: the loaded records are one batch of a part whose numbers a later run compares (with no
	// record loaded and Numbers holding the whole series); a rule across the numbers judges here each
	// record's number alone, not its uses against the others.
	NumbersLater bool
	// Commits are the commits of the change under check (check --changed BASE), oldest first, each with the
	// registry and settings in force before it; nil when no change is checked.
	Commits []Commit

	Offices   map[string]*record.Office
	Bodies    map[string]*record.Body
	People    map[string]*record.Person
	Venues    map[string]*record.Venue
	Locals    map[string]*record.Locality
	officeM   *vntext.Matcher
	bodyM     *vntext.Matcher
	ownerM    *vntext.Matcher
	personM   *vntext.Matcher
	VenueM    *vntext.Matcher
	localM    *vntext.Matcher
	spans     map[spanKey]spanResult
	venues    map[string]string // ResolveVenue's answers ("" for free text)
	refs      *refsFound        // the unknown references, found once for the five ref/* rules
	schedules []*PeriodSchedule // built once by Schedules
}

type spanKey struct{ file, text string }
type spanResult struct {
	span when.Span
	err  error
}

// Commit is a commit of the change under check, with the registry and settings in force before it (at its
// parent) and after it (at the commit). authz/path trusts only what the change itself got right: the first
// commit is judged by the state before it, and each next one by the state the last authorised change of the
// registry or settings left — a commit cannot grant itself, or a later commit, the right to change something.
type Commit struct {
	gitrepo.Change
	Registry, RegistryAfter *record.Offices
	Settings, SettingsAfter *record.Settings
	// Read gives the content of paths at the commit's parent and at the commit, for judging a key ceremony
	// on what it changed (authz.Judge); nil judges by the paths' owners alone.
	Read authz.Contents
}

// NewContext builds the indexes of a loaded repo.
func NewContext(r *datarepo.Repo, now time.Time, p policy.Policy) *Context {
	c := &Context{Repo: r, Now: now, Policy: p,
		Offices: map[string]*record.Office{}, Bodies: map[string]*record.Body{}, People: map[string]*record.Person{},
		Venues: map[string]*record.Venue{}, Locals: map[string]*record.Locality{},
		officeM: vntext.NewMatcher(), bodyM: vntext.NewMatcher(), ownerM: vntext.NewMatcher(), personM: vntext.NewMatcher(),
		VenueM: vntext.NewMatcher(), localM: vntext.NewMatcher(), spans: map[spanKey]spanResult{}}
	for i := range r.Offices.Offices {
		o := &r.Offices.Offices[i]
		if _, dup := c.Offices[o.Code]; !dup {
			c.Offices[o.Code] = o
			c.officeM.Add(o.Code, o.Name)
			c.ownerM.Add(o.Code, o.Name)
		}
	}
	for i := range r.Offices.Bodies {
		b := &r.Offices.Bodies[i]
		if _, dup := c.Bodies[b.Code]; !dup {
			c.Bodies[b.Code] = b
			c.bodyM.Add(b.Code, b.Name)
			c.ownerM.Add(b.Code, b.Name)
		}
	}
	for i := range r.People.People {
		p := &r.People.People[i]
		if _, dup := c.People[p.ID]; !dup {
			c.People[p.ID] = p
			c.personM.Add(p.ID, p.Name)
		}
	}
	for i := range r.Places.Localities {
		l := &r.Places.Localities[i]
		if _, dup := c.Locals[l.ID]; !dup {
			c.Locals[l.ID] = l
			c.localM.Add(l.ID, append([]string{l.Name}, l.Aliases...)...)
		}
	}
	for i := range r.Places.Venues {
		v := &r.Places.Venues[i]
		if _, dup := c.Venues[v.ID]; !dup {
			c.Venues[v.ID] = v
			c.VenueM.Add(v.ID, append([]string{v.Name}, v.Aliases...)...)
		}
	}
	return c
}

// Wants reports whether findings in file should be reported (check PATH… limits them).
func (c *Context) Wants(file string) bool { return c.Only == nil || c.Only[file] }

// Emit adds f if its file is wanted.
func (c *Context) Emit(out *finding.Collector, f finding.Finding) {
	if c.Wants(f.File) {
		out.Add(f)
	}
}

// Span parses an item's when with the repo's policy, once per distinct text.
func (c *Context) Span(text string) (when.Span, error) {
	k := spanKey{"", text}
	if r, ok := c.spans[k]; ok {
		return r.span, r.err
	}
	s, err := when.Parse(text, c.Policy.Sessions)
	c.spans[k] = spanResult{s, err}
	return s, err
}

// ResolveVenue returns the venue an item's place names: a venue id, or free text equal to a venue's name or
// alias after folding. ok is false for free text that matches nothing.
func (c *Context) ResolveVenue(place string) (string, bool) {
	if place == "" {
		return "", false
	}
	if _, ok := c.Venues[place]; ok {
		return place, true
	}
	if v, ok := c.venues[place]; ok {
		return v, v != ""
	}
	v, ok := c.VenueM.Lookup(place)
	if !ok {
		v = ""
	}
	if c.venues == nil {
		c.venues = map[string]string{}
	}
	c.venues[place] = v
	return v, ok
}

// Programmes returns the decoded programme files, sorted by path.
func (c *Context) Programmes() []ProgrammeFile {
	var out []ProgrammeFile
	for _, f := range c.Repo.Files {
		if p, ok := f.Value.(*record.Programme); ok {
			out = append(out, ProgrammeFile{f, p})
		}
	}
	return out
}

// ProgrammeFile is a programme with its file.
type ProgrammeFile struct {
	File *record.File
	*record.Programme
}

// Submission is when a programme was submitted, as deadline/late judges it (docs/rules.md): the commit time
// of the first commit on the main branch that added its file, else — not on main yet — Context.Now.
type Submission struct {
	Period   period.Period
	At       time.Time // the time judged, in the repo's timezone
	OnMain   bool      // At is the first commit on main, not Now
	Deadline time.Time // Policy.Deadline of the period
	Late     bool      // At is not before Deadline
}

// Submission judges a programme against its period's deadline; ok is false when its period does not parse
// (the schema rule reports it).
func (c *Context) Submission(pf ProgrammeFile) (s Submission, ok bool) {
	p, err := period.Parse(pf.Period)
	if err != nil {
		return Submission{}, false
	}
	at, onMain := c.Submitted[pf.File.Path]
	if !onMain {
		at = c.Now
	}
	deadline := c.Policy.Deadline(p)
	return Submission{Period: p, At: at.In(c.Repo.Loc), OnMain: onMain, Deadline: deadline, Late: !at.Before(deadline)}, true
}

// Run runs rules over the context and returns the sorted findings.
func Run(c *Context, rs []Rule) []finding.Finding {
	var out finding.Collector
	for _, r := range rs {
		r.run(c, &out)
	}
	return out.Findings()
}

// Select returns the registered rules whose id is in ids (all when ids is empty), in registry order.
func Select(ids []string) []Rule {
	if len(ids) == 0 {
		return All()
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []Rule
	for _, r := range All() {
		if want[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// IDs returns every registered rule id, sorted.
func IDs() []string {
	var ids []string
	for _, r := range All() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return ids
}

// suggest renders a "did you mean" tail for an unknown reference (empty message when nothing is close).
func suggest(m *vntext.Matcher, text string) i18n.Msg { return i18n.DidYouMean(m.Suggest(text, 2)) }

// FindPerson finds a person by id, or by name written with or without diacritics.
func (c *Context) FindPerson(text string) (string, bool) {
	if _, ok := c.People[text]; ok {
		return text, true
	}
	return c.personM.Lookup(text)
}

// PersonHint is the "did you mean" of a person that is not in the registry.
func (c *Context) PersonHint(text string) i18n.Msg { return suggest(c.personM, text) }

// FindLocality finds a locality by id, or by name or alias written with or without diacritics, with or
// without the unit before it ("Long Thành" is "Xã Long Thành").
func (c *Context) FindLocality(text string) (string, bool) {
	if _, ok := c.Locals[text]; ok {
		return text, true
	}
	for _, unit := range []string{"", "xã ", "phường ", "đặc khu "} {
		if id, ok := c.localM.Lookup(unit + text); ok {
			return id, true
		}
	}
	return "", false
}

// LocalityHint is the "did you mean" of a locality that is not in the registry.
func (c *Context) LocalityHint(text string) i18n.Msg { return suggest(c.localM, text) }

// NumberProblems are the doc/number findings on a record the repo does not hold yet (a register entry a
// command is about to write), compared with the documents and conclusions loaded: a malformed number, or one
// already used in its series.
func (c *Context) NumberProblems(f *record.File) []finding.Finding {
	saved, savedOnly := c.Repo.Files, c.Only
	defer func() { c.Repo.Files, c.Only = saved, savedOnly }()
	files := make([]*record.File, 0, len(saved)+1)
	for _, x := range saved {
		if x.Path != f.Path {
			files = append(files, x)
		}
	}
	c.Repo.Files = append(files, f)
	c.Only = map[string]bool{f.Path: true}
	var out finding.Collector
	docNumberRule.run(c, &out)
	var errs []finding.Finding
	for _, x := range out.Findings() {
		if x.Severity == finding.Error {
			errs = append(errs, x)
		}
	}
	return errs
}
