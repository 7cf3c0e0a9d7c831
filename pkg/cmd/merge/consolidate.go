package merge

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/schedule"
)

// Result is the consolidation of one period: the record to write and what was found on the way.
//
// The record keeps the merged items as the offices submitted them; the coordinator's adjustments sit beside
// them (readers apply them: a moved item is at its adjustment's `when`, a dropped one is left out), and each
// item's hash is of its effective content, so that its sequence rises when a move changes it. Conflicts are
// those of the programme as submitted, plus those that only exist after the adjustments (a manual move into
// a busy slot, or a programme changed since).
type Result struct {
	Period  period.Period
	Path    string // consolidated/<year>/<period>.yaml
	C       *record.Consolidated
	Files   []rules.ProgrammeFile // the period's programmes
	Orig    *schedule.Set         // the programmes as submitted
	Eff     *schedule.Set         // with the adjustments applied
	Input   []finding.Finding     // findings of the other rules on the period's files and the registry
	Sched   []rules.ScheduleFinding
	Skipped int // items left out of the consolidation: their `when`, kind, title or bodies are not usable
	Only    map[string]bool

	adj          map[string]*record.Adjustment
	l            *cmdutil.Loaded
	prev         *record.Consolidated
	srcs         []schedule.Source // the usable items of the period's programmes
	origFindings []rules.ScheduleFinding
}

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
func (r *Result) Summary(l *cmdutil.Loaded) finding.Summary {
	var s finding.Summary
	for _, f := range l.Repo.Files {
		if r.Only[f.Path] {
			s.Files++
			if f.Value != nil {
				s.Records++
			}
		}
	}
	for _, p := range l.Repo.Problems {
		if r.Only[p.File] {
			s.Files++
		}
	}
	return s
}

// OpenErrors counts the effective programme's conflicts of error severity (kept ones are no longer errors).
func (r *Result) OpenErrors() []rules.ScheduleFinding {
	var out []rules.ScheduleFinding
	for _, sf := range r.Sched {
		if sf.Severity == finding.Error {
			out = append(out, sf)
		}
	}
	return out
}

// Has reports whether id is a merged item of the period.
func (r *Result) Has(id string) bool {
	for _, g := range r.Orig.Groups {
		if g.ID == id {
			return true
		}
	}
	return false
}

// Consolidate merges the programmes of period p with the adjustments given (those whose item no longer
// exists are dropped from the record) and previous, the record written last time (nil: none), which gives
// each item's sequence. The record is a draft. It never fails: what cannot be read is reported and skipped.
func Consolidate(l *cmdutil.Loaded, p period.Period, previous *record.Consolidated, adjusts []record.Adjustment) *Result {
	c := l.Ctx
	r := &Result{Period: p, Path: datarepo.ConsolidatedPath(p), l: l, prev: previous}
	folder := path.Dir(datarepo.ProgrammePath(p, "X")) + "/"
	r.Only = map[string]bool{datarepo.SettingsFile: true, r.Path: true, "registry/offices.yaml": true,
		"registry/people.yaml": true, "registry/places.yaml": true, "registry/holidays.yaml": true}
	for _, f := range l.Repo.Files {
		if strings.HasPrefix(f.Path, folder) {
			r.Only[f.Path] = true
		}
	}
	for _, pr := range l.Repo.Problems {
		if strings.HasPrefix(pr.File, folder) {
			r.Only[pr.File] = true
		}
	}
	for _, pf := range c.Programmes() {
		if q, err := period.Parse(pf.Period); err == nil && q == p {
			r.Files = append(r.Files, pf)
			r.Only[pf.File.Path] = true
		}
	}

	// The other rules, on the period's files and the registry.
	var ids []string
	for _, id := range rules.IDs() {
		if !slices.Contains(rules.ScheduleRuleIDs, id) {
			ids = append(ids, id)
		}
	}
	// Not on the consolidated record: this merge rewrites it, and its old lines would mislead.
	inputs := maps.Clone(r.Only)
	delete(inputs, r.Path)
	saved := c.Only
	c.Only = inputs
	r.Input = rules.Run(c, rules.Select(ids))

	// The programmes as submitted, without the items that cannot be consolidated.
	r.srcs = c.ScheduleSources(r.Files)
	for i := range r.srcs {
		var items []record.Item
		var index []int
		for j, it := range r.srcs[i].Items {
			if usable(c, it, p) {
				items = append(items, it)
				index = append(index, j)
			} else {
				r.Skipped++
			}
		}
		r.srcs[i].Items, r.srcs[i].Index = items, index
	}
	r.Orig = c.MergeSchedule(r.srcs)
	r.origFindings = c.ScheduleFindings(r.Orig)
	c.Only = saved
	return r.Adjust(adjusts)
}

// Adjust is the same consolidation with other adjustments: only what depends on them is computed again.
func (base *Result) Adjust(adjusts []record.Adjustment) *Result {
	r := &Result{Period: base.Period, Path: base.Path, Files: base.Files, Orig: base.Orig, Input: base.Input,
		Skipped: base.Skipped, Only: base.Only, l: base.l, prev: base.prev, srcs: base.srcs, origFindings: base.origFindings,
		adj: map[string]*record.Adjustment{}}
	c := r.l.Ctx
	saved := c.Only
	c.Only = r.Only
	defer func() { c.Only = saved }()

	// Adjustments of items that still exist; the last one on an item wins.
	exists := map[string]bool{}
	for _, g := range r.Orig.Groups {
		exists[g.ID] = true
	}
	var kept []record.Adjustment
	for _, a := range adjusts {
		if !exists[a.Item] {
			continue
		}
		if i := slices.IndexFunc(kept, func(k record.Adjustment) bool { return k.Item == a.Item }); i >= 0 {
			kept = slices.Delete(kept, i, i+1)
		}
		kept = append(kept, a)
	}
	for i := range kept {
		r.adj[kept[i].Item] = &kept[i]
	}

	// Conflicts: as submitted, then those the adjustments brought.
	if len(kept) == 0 {
		r.Eff = r.Orig
		r.Sched = append([]rules.ScheduleFinding(nil), r.origFindings...)
	} else {
		r.Eff = c.MergeSchedule(r.applied(r.srcs))
		r.Sched = c.ScheduleFindings(r.Eff)
	}
	seen := map[string]bool{}
	var conflicts []record.Conflict
	for _, sf := range r.origFindings {
		seen[conflictKey(sf)] = true
		conflicts = append(conflicts, record.Conflict{Rule: sf.Rule, Severity: string(sf.Severity), Subject: sf.Subject,
			Items: sf.Items, Message: sf.Msg.Render(i18n.VI)})
	}
	for i, sf := range r.Sched {
		if !seen[conflictKey(sf)] {
			conflicts = append(conflicts, record.Conflict{Rule: sf.Rule, Severity: string(sf.Severity), Subject: sf.Subject,
				Items: sf.Items, Message: i18n.M("merge.after_adjust", sf.Msg).Render(i18n.VI)})
		}
		for _, id := range sf.Items {
			if a := r.adj[id]; a != nil && a.Action == "keep" {
				r.Sched[i].Severity = finding.Info
				r.Sched[i].Msg = i18n.M("rule.overlap.kept", sf.Msg, a.Reason)
				break
			}
		}
	}

	prevItems := map[string]record.MergedItem{}
	if r.prev != nil {
		for _, it := range r.prev.Items {
			prevItems[it.ID] = it
		}
	}
	r.C = &record.Consolidated{Kind: record.KindConsolidated, Period: r.Period.String(), Coordinator: r.l.Repo.Settings.Coordinator,
		Status: "draft", Conflicts: conflicts, Adjustments: kept}
	for _, pf := range r.Files {
		r.C.Sources = append(r.C.Sources, record.Source{File: pf.File.Path, Office: pf.Office, Hash: blobHash(r.l.Repo.Root, pf.File.Path)})
	}
	sort.Slice(r.C.Sources, func(i, j int) bool { return r.C.Sources[i].File < r.C.Sources[j].File })
	r.C.Items = make([]record.MergedItem, len(r.Orig.Groups))
	for i, g := range r.Orig.Groups {
		mi := record.MergedItem{Item: g.Item, Offices: g.Offices}
		mi.ID = g.ID
		mi.Joint = g.Joint
		for _, part := range g.Parts {
			mi.Origins = append(mi.Origins, record.Origin{File: part.File, Item: part.Item.ID, Office: part.Office})
		}
		r.C.Items[i] = mi
	}
	hashItems(r.C.Items, r.adj)
	for i := range r.C.Items {
		mi := &r.C.Items[i]
		if old, ok := prevItems[mi.ID]; ok {
			mi.Sequence = old.Sequence
			if old.Hash != "" && old.Hash != mi.Hash {
				mi.Sequence++
			}
		}
	}
	return r
}

// hashItems sets every item's hash, on every core.
func hashItems(items []record.MergedItem, adj map[string]*record.Adjustment) {
	n := runtime.GOMAXPROCS(0)
	per := max((len(items)+n-1)/n, 1)
	var wg sync.WaitGroup
	for from := 0; from < len(items); from += per {
		wg.Add(1)
		go func(part []record.MergedItem) {
			defer wg.Done()
			for i := range part {
				part[i].Hash = itemHash(part[i], adj[part[i].ID])
			}
		}(items[from:min(from+per, len(items))])
	}
	wg.Wait()
}

// applied returns the sources with the adjustments applied: a moved item takes the new `when` (and place)
// in every office's programme, a dropped one is left out.
func (r *Result) applied(srcs []schedule.Source) []schedule.Source {
	type at struct {
		file string
		idx  int
	}
	act := map[at]*record.Adjustment{}
	for _, g := range r.Orig.Groups {
		if a := r.adj[g.ID]; a != nil {
			for _, p := range g.Parts {
				act[at{p.File, p.Index}] = a
			}
		}
	}
	out := make([]schedule.Source, len(srcs))
	for i, s := range srcs {
		out[i] = schedule.Source{File: s.File, Office: s.Office}
		for j, it := range s.Items {
			a := act[at{s.File, s.Index[j]}]
			if a != nil && a.Action == "drop" {
				continue
			}
			if a != nil && a.Action == "move" {
				if a.When != "" {
					it.When = a.When
				}
				if a.Place != "" && a.Place != it.Place {
					it.Place, it.Locality = a.Place, "" // the new venue's locality applies
				}
			}
			out[i].Items = append(out[i].Items, it)
			out[i].Index = append(out[i].Index, s.Index[j])
		}
	}
	return out
}

// usable reports whether an item can be consolidated: the fields the consolidated schema requires, a known
// kind, and a `when` that parses and lies in the period (the rules report what is wrong with the others).
func usable(c *rules.Context, it record.Item, p period.Period) bool {
	if it.ID == "" || it.Title == "" || !slices.Contains(record.ItemKinds, it.Kind) || len(it.Bodies) == 0 {
		return false
	}
	s, err := c.Span(it.When)
	if err != nil {
		return false
	}
	loc := c.Repo.Loc
	if s.Coarse() {
		return s.Start.Before(p.End(loc)) && s.End.After(p.Start(loc))
	}
	return p.Contains(s.Start, s.End, loc)
}

func conflictKey(sf rules.ScheduleFinding) string {
	return sf.Rule + "|" + sf.Subject + "|" + strings.Join(sf.Items, " ")
}

// itemHash is the sha256 of an item's effective content: the merged item with the coordinator's move or
// drop applied. Origins and the sequence itself are not content.
func itemHash(mi record.MergedItem, a *record.Adjustment) string {
	it := mi.Item
	dropped := false
	if a != nil {
		switch a.Action {
		case "move":
			if a.When != "" {
				it.When = a.When
			}
			if a.Place != "" {
				it.Place = a.Place
			}
		case "drop":
			dropped = true
		}
	}
	b, _ := json.Marshal(struct {
		Item    record.Item
		Offices []string
		Dropped bool `json:",omitempty"`
	}{it, mi.Offices, dropped})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// blobHash is the git blob hash of a file as it is on disk ("" when it cannot be read): the same as
// `git hash-object`, so a source can be checked against history.
func blobHash(root, rel string) string {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return ""
	}
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// Read returns the consolidated record of period p as loaded, nil when there is none. A file that exists but
// cannot be decoded is an error: its adjustments and decision would be lost.
func Read(l *cmdutil.Loaded, p period.Period) (*record.Consolidated, error) {
	rel := datarepo.ConsolidatedPath(p)
	f := l.Repo.File(rel)
	if f == nil {
		for _, pr := range l.Repo.Problems {
			if pr.File == rel {
				return nil, cmdutil.Refused(i18n.Errorf("merge.bad_consolidated", rel, rel))
			}
		}
		return nil, nil
	}
	c, ok := f.Value.(*record.Consolidated)
	if !ok || c == nil {
		return nil, cmdutil.Refused(i18n.Errorf("merge.bad_consolidated", rel, rel))
	}
	return c, nil
}
