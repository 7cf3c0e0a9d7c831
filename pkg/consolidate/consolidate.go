// Package consolidate owns the consolidated programme of a period (consolidated/<year>/<period>.yaml): merging
// the offices' programmes into one (joint items become one item carrying all their offices), the conflicts of
// time and place found in it, the coordinator's decisions on them (move, drop, keep with a reason) and the
// proposals for them, the effective programme — each item as it now stands after the decisions, with its
// place, venue name and locality resolved once — that every output reads, and the record's YAML encoding.
//
// merge, approve, issue and notify are thin commands over this package; `coord check` honours the same
// decisions through pkg/rules (PeriodSchedule), which this package builds on. It never writes files, never
// commits and never reads the clock (the as-of instant comes from the rules context).
package consolidate

import (
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/par"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
)

// Result is the consolidation of one period: the record to write and what was found on the way.
//
// The record keeps the merged items as the offices submitted them; the coordinator's decisions sit beside
// them (readers apply them through the effective programme), and each item's hash is of its effective
// content, so that its sequence rises when a move changes it. Conflicts are those of the programme as
// submitted, plus those that only exist after the decisions (a manual move into a busy slot).
type Result struct {
	Period period.Period
	Path   string // consolidated/<year>/<period>.yaml
	C      *record.Consolidated
	S      *rules.PeriodSchedule // the period's schedule, as submitted and after the decisions
	Input  []finding.Finding     // findings of the other rules on the period's files and the registry
	Sched  []rules.ScheduleFinding
	Only   map[string]bool // the files merge read for the period

	ctx  *rules.Context
	prev *record.Consolidated
}

// Files are the period's programmes.
func (r *Result) Files() []rules.ProgrammeFile { return r.S.Files }

// Skipped counts the items left out of the consolidation (their `when`, kind, title or bodies are not usable).
func (r *Result) Skipped() int { return r.S.Skipped }

// Findings are everything merge reports: the inputs' problems and the effective programme's conflicts (a
// conflict with an item the coordinator decided to keep is lowered to info, with the reason).
func (r *Result) Findings() []finding.Finding {
	var c finding.Collector
	for _, f := range r.Input {
		c.Add(f)
	}
	for _, sf := range r.Sched {
		c.Add(sf.Finding)
	}
	return c.Findings()
}

// Summary counts the files merge read for the period (programmes, registry, settings, the previous record)
// and the records among them.
func (r *Result) Summary() finding.Summary {
	var s finding.Summary
	for _, f := range r.ctx.Repo.Files {
		if r.Only[f.Path] {
			s.Files++
			if f.Value != nil {
				s.Records++
			}
		}
	}
	for _, p := range r.ctx.Repo.Problems {
		if r.Only[p.File] {
			s.Files++
		}
	}
	if r.prev != nil && r.ctx.Repo.File(r.Path) == nil {
		s.Files, s.Records = s.Files+1, s.Records+1 // recalled (Recall), not loaded
	}
	return s
}

// OpenErrors are the effective programme's conflicts of error severity (kept ones are no longer errors).
func (r *Result) OpenErrors() []rules.ScheduleFinding {
	var out []rules.ScheduleFinding
	for _, sf := range r.Sched {
		if sf.Severity == finding.Error {
			out = append(out, sf)
		}
	}
	return out
}

// InputErrors are the errors the other rules found in the period's programmes and the registry: an item
// with a misspelled person id, a venue that does not exist. A programme is not approved or issued over them.
func (r *Result) InputErrors() []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Input {
		if f.Severity == finding.Error {
			out = append(out, f)
		}
	}
	return out
}

// Has reports whether id is a merged item of the period.
func (r *Result) Has(id string) bool {
	for _, g := range r.S.Orig.Groups {
		if g.ID == id {
			return true
		}
	}
	return false
}

// programmeFolder is the folder of period p's programmes, with its trailing slash.
func programmeFolder(p period.Period) string { return path.Dir(datarepo.ProgrammePath(p, "X")) + "/" }

// Consolidate merges the programmes of period p with the decisions given (those whose item no longer exists
// are dropped from the record) and previous, the record written last time (nil: none), which gives each
// item's sequence. The record is a draft. It never fails: what cannot be read is reported and skipped.
func Consolidate(c *rules.Context, p period.Period, previous *record.Consolidated, decisions []record.Adjustment) *Result {
	r := &Result{Period: p, Path: datarepo.ConsolidatedPath(p), ctx: c, prev: previous}
	folder := programmeFolder(p)
	r.Only = map[string]bool{datarepo.SettingsFile: true, r.Path: true, "registry/offices.yaml": true,
		"registry/people.yaml": true, "registry/places.yaml": true, "registry/holidays.yaml": true}
	for _, f := range c.Repo.Files {
		if strings.HasPrefix(f.Path, folder) {
			r.Only[f.Path] = true
		}
	}
	for _, pr := range c.Repo.Problems {
		if strings.HasPrefix(pr.File, folder) {
			r.Only[pr.File] = true
		}
	}
	r.S = c.PeriodScheduleOf(p, decisions)
	for _, pf := range r.S.Files {
		r.Only[pf.File.Path] = true
	}

	// The other rules, on the period's files and the registry — not on the consolidated record: this merge
	// rewrites it, and its old lines would mislead.
	var ids []string
	for _, id := range rules.IDs() {
		if !rules.IsScheduleRule(id) && id != "consolidated/stale" {
			ids = append(ids, id)
		}
	}
	inputs := maps.Clone(r.Only)
	delete(inputs, r.Path)
	saved := c.Only
	c.Only = inputs
	r.Input = rules.Run(c, rules.Select(ids))
	c.Only = saved
	r.build()
	return r
}

// WithDecisions is the same consolidation under other decisions: only what depends on them is computed again.
func (r *Result) WithDecisions(decisions []record.Adjustment) *Result {
	n := &Result{Period: r.Period, Path: r.Path, Input: r.Input, Only: r.Only, ctx: r.ctx, prev: r.prev,
		S: r.S.WithDecisions(decisions)}
	n.build()
	return n
}

// build computes the conflicts and writes the record of the schedule under its decisions.
func (r *Result) build() {
	c := r.ctx
	saved := c.Only
	c.Only = r.Only
	defer func() { c.Only = saved }()
	r.Sched = r.S.Findings()

	kept := r.S.DecisionList()
	seen := map[string]bool{}
	var conflicts []record.Conflict
	for _, sf := range r.S.OrigFindings() {
		seen[conflictKey(sf)] = true
		conflicts = append(conflicts, record.Conflict{Rule: sf.Rule, Severity: string(sf.Severity), Subject: sf.Subject,
			Items: sf.Items, Message: sf.Msg.Render(i18n.VI)})
	}
	for _, sf := range r.Sched {
		if !seen[conflictKey(sf)] {
			conflicts = append(conflicts, record.Conflict{Rule: sf.Rule, Severity: string(sf.Severity), Subject: sf.Subject,
				Items: sf.Items, Message: i18n.M("merge.after_adjust", sf.Msg).Render(i18n.VI)})
		}
	}

	prevItems := map[string]record.MergedItem{}
	if r.prev != nil {
		for _, it := range r.prev.Items {
			prevItems[it.ID] = it
		}
	}
	r.C = &record.Consolidated{Kind: record.KindConsolidated, Period: r.Period.String(), Coordinator: c.Repo.Settings.Coordinator,
		Status: "draft", Conflicts: conflicts, Adjustments: kept}
	for _, pf := range r.S.Files {
		r.C.Sources = append(r.C.Sources, record.Source{File: pf.File.Path, Office: pf.Office, Hash: BlobHash(c.Repo.Root, pf.File.Path)})
	}
	sort.Slice(r.C.Sources, func(i, j int) bool { return r.C.Sources[i].File < r.C.Sources[j].File })
	r.C.Items = rules.MergedItems(r.S.Orig)
	hashItems(r.C.Items, r.S.Decisions)
	for i := range r.C.Items {
		mi := &r.C.Items[i]
		if old, ok := prevItems[mi.ID]; ok {
			mi.Sequence = old.Sequence
			if old.Hash != "" && old.Hash != mi.Hash {
				mi.Sequence++
			}
		}
	}
}

// hashItems sets every item's hash, on every core.
func hashItems(items []record.MergedItem, adj map[string]*record.Adjustment) {
	n := runtime.GOMAXPROCS(0)
	per := max((len(items)+n-1)/n, 1)
	var g par.Group
	for from := 0; from < len(items); from += per {
		part := items[from:min(from+per, len(items))]
		g.Go("", func() {
			for i := range part {
				par.Item(sourceOf(&part[i]), func() { part[i].Hash = record.ItemHash(part[i], adj[part[i].ID]) })
			}
		})
	}
	g.MustWait()
}

func conflictKey(sf rules.ScheduleFinding) string {
	return sf.Rule + "|" + sf.Subject + "|" + strings.Join(sf.Items, " ")
}

// Messages are the conflicts of period p as the sources now stand, each as a message to render in the
// reader's language, by the conflict they are recorded as in a consolidated record (Conflict.Record): the
// record keeps its sentences in Vietnamese, for the people who read it.
func Messages(c *rules.Context, p period.Period) map[string]i18n.Msg {
	out := map[string]i18n.Msg{}
	for _, sf := range c.PeriodScheduleOf(p, nil).OrigFindings() {
		out[conflictKey(sf)] = sf.Msg
	}
	return out
}

// Key is the recorded conflict's key in Messages.
func (k *Conflict) Key() string {
	return k.Record.Rule + "|" + k.Record.Subject + "|" + strings.Join(k.Record.Items, " ")
}

// BlobHash is the git blob hash of a file as it is on disk ("" when it cannot be read): the same as
// `git hash-object`, so a source can be checked against history.
func BlobHash(root, rel string) string {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return ""
	}
	return datarepo.BlobHex(datarepo.BlobID(data))
}

// Read returns the consolidated record of period p as loaded, nil when there is none. A file that exists but
// cannot be decoded is refused: its decisions and approval would be lost.
func Read(repo *datarepo.Repo, p period.Period) (*record.Consolidated, error) {
	rel := datarepo.ConsolidatedPath(p)
	f := repo.File(rel)
	if f == nil {
		for _, pr := range repo.Problems {
			if pr.File == rel {
				return nil, i18n.Refusef("merge.bad_consolidated", rel, rel)
			}
		}
		return nil, nil
	}
	c, ok := f.Value.(*record.Consolidated)
	if !ok || c == nil {
		return nil, i18n.Refusef("merge.bad_consolidated", rel, rel)
	}
	return c, nil
}

// Open reads the consolidated programme of period p for a workflow step (approve, issue, notify) from a
// repo loaded with the registry and the period's files. A period that was never merged is refused.
func Open(c *rules.Context, p period.Period) (*record.Consolidated, error) {
	rec, err := Read(c.Repo, p)
	if err != nil {
		return nil, err
	}
	if rec == nil {
		return nil, i18n.Refusef("merge.no_consolidated", p.Text(), datarepo.ConsolidatedPath(p))
	}
	return rec, nil
}

// sourceOf is the programme an item comes from, to name it in an internal error.
func sourceOf(it *record.MergedItem) string {
	if len(it.Origins) > 0 {
		return it.Origins[0].File
	}
	return ""
}
