package workspace

import (
	"hash/maphash"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/par"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
)

// Checked is what checking the whole repo found.
type Checked struct {
	Findings       []finding.Finding // sorted
	Files, Records int               // reported on: files (with the problems of unreadable ones), and decoded records
	Decoded        int               // record files decoded; the others came from the parse cache
	// Settings is coord.yaml and the registry loaded, with a context that reports on every file: what the
	// caller applies the suppressions with.
	Settings *Loaded
}

// Check runs rules over every record of the data repo at root. When every rule says what it compares a record
// with (rules.Rule.Across), the repo is read part by part (datarepo.Parts): the settings and registry, the
// programmes, then the documents and conclusions and the petitions of each year folder, each part with the
// settings and registry, the documents of a year with the numbers of the five years before as stand-ins, and
// at the end the petitions whose blind index is found at two offices or more (for the rules across it) —
// so memory depends on the largest part, not on the years the repo holds, and every record is decoded (or
// read from the parse cache) once (those petitions twice). The findings are those of one check of the whole repo. A rule that says
// nothing (rules.AcrossRepo) has the whole repo read at once, as does Options.Whole.
func Check(root string, o Options, rs []rules.Rule) (*Checked, error) {
	whole := o.Whole
	allProgrammes, blind, numbersRule := false, false, false
	for _, r := range rs {
		whole = whole || r.Across == rules.AcrossRepo
		allProgrammes = allProgrammes || r.Across == rules.AcrossProgrammes
		blind = blind || r.Across == rules.AcrossBlindIndex
		numbersRule = numbersRule || r.Across == rules.AcrossNumbers
	}
	if whole {
		l, err := Load(root, o)
		if err != nil {
			return nil, err
		}
		out := &Checked{Findings: rules.Run(l.Ctx, rs), Settings: l, Decoded: l.Decoded}
		out.Files, out.Records = count(l.Repo, nil)
		return out, nil
	}
	parts, err := datarepo.Parts(root, allProgrammes)
	if err != nil {
		return nil, err
	}
	out := &Checked{}
	var col finding.Collector
	window := map[int]numberList{} // the numbers of the year parts read, by year
	var indexes petition.IndexSet  // every petition's blind index, for the rules across them (AcrossBlindIndex)
	var running par.Group          // the rules of the batch read last
	var pending *[]finding.Finding // what they found
	waitRules := func() {
		running.MustWait()
		if pending != nil {
			for _, f := range *pending {
				col.Add(f)
			}
			pending = nil
		}
	}
	for _, part := range parts {
		year := part.Year
		if part.Kind != datarepo.PartNumbers {
			year = 0
		}
		if part.Kind > datarepo.PartNumbers {
			window = nil // the parts come by kind: no number is read after the documents and conclusions
		}
		// The numbers of the five year folders before; a record filed in the wrong year is still compared
		// with its neighbours' numbers. A state number's series is its year's, so only a Party number (its
		// series is a term) is kept past the year before.
		var earlier []numberList
		if year != 0 {
			for y := year - datarepo.NumberYears; y < year; y++ {
				earlier = append(earlier, window[y])
			}
			for y := range window {
				if y < year-datarepo.NumberYears {
					delete(window, y)
				}
			}
			window[year-1] = window[year-1].party()
		}
		batches, probs, err := batchesOf(root, part)
		if err != nil {
			return nil, err
		}
		// One parse cache for the batches of the part: each chunk of it is read once. Load flushes it after
		// each batch, and the next batch's Load lets go of the chunks before its files (datarepo.Load reads in
		// path order, as the batches come).
		var cache *datarepo.Cache
		if len(batches) > 1 {
			cache = datarepo.OpenCache(root)
		}
		load := func(i int) (*Loaded, error) {
			po := o
			po.Only = part.Load
			po.cache = cache
			if batches != nil {
				po.Files = batches[i]
			}
			l, err := Load(root, po)
			if err == nil && i == 0 {
				l.Repo.Problems = append(l.Repo.Problems, probs...)
			}
			return l, err
		}
		// A part read in batches is read once: each batch's rules judge its records' numbers alone
		// (Context.NumbersLater), and the rules across the numbers run once more at the end of the part, on
		// the numbers of all its batches and of the years before, with no record loaded.
		later := len(batches) > 1 && numbersRule && part.Kind == datarepo.PartNumbers
		var numbers numberList // the part's numbers, when later
		for i := range max(1, len(batches)) {
			l, err := load(i)
			if err != nil {
				return nil, err
			}
			if part.Kind == datarepo.PartSettings {
				out.Settings = l
			}
			out.Decoded += l.Decoded
			ctx := l.Ctx
			switch {
			case later:
				ctx.NumbersLater = true
				numbers.add(numberUses(l.Repo, part.Report))
			case year != 0:
				// Only the numbers that may share a series with one of this batch's: the batch's buckets.
				mine := numberUses(l.Repo, part.Report)
				ctx.Numbers = [][]datarepo.NumberUse{inBuckets(mine, earlier)}
				w := window[year]
				w.add(mine)
				window[year] = w
			}
			only := map[string]bool{}
			for _, f := range l.Repo.Files {
				if part.Report(f.Path) {
					only[f.Path] = true
				}
			}
			for _, p := range l.Repo.Problems {
				if part.Report(p.File) {
					only[p.File] = true
				}
			}
			files, records := count(l.Repo, part.Report)
			out.Files, out.Records = out.Files+files, out.Records+records
			if blind {
				addIndexes(&indexes, l.Repo, part.Report)
			}
			// The rules run on this batch while the next one is read: at most one batch waits for its rules
			// (none after the programmes).
			waitRules()
			kind, repo, found := part.Kind, l.Repo, &[]finding.Finding{}
			pending = found
			running.Go("check", func() {
				for _, r := range rs {
					if r.Across == rules.AcrossBlindIndex {
						continue // at the end, with the petitions that share an index
					}
					ctx.Only = only
					if r.Across == rules.AcrossProgrammes {
						switch kind {
						case datarepo.PartSettings:
							continue // its findings on the settings and registry come with the programmes
						case datarepo.PartProgrammes:
							ctx.Only = withSettings(only, repo)
						}
					}
					*found = append(*found, rules.Run(ctx, []rules.Rule{r})...)
				}
			})
			if kind == datarepo.PartProgrammes {
				// The programmes of every year, with their schedules, are the largest part: nothing else is
				// read beside them.
				waitRules()
			}
		}
		if later {
			// The uses of the part's numbers, against one another and the years before: the numbers alone.
			waitRules()
			settings := out.Settings // the first part's: the settings and registry, now and the policy
			ctx := rules.NewContext(settings.Repo.WithoutRecords(), settings.Ctx.Now, settings.Ctx.Policy)
			paths := make([]string, len(numbers.uses))
			for i, u := range numbers.uses {
				paths[i] = u.Path
			}
			ctx.Numbers = [][]datarepo.NumberUse{numbers.uses, inBuckets(numbers, earlier)}
			if year != 0 {
				window[year] = numbers // one list of the year's numbers, for the years after
			}
			runAcross(ctx, rs, rules.AcrossNumbers, paths, &col)
		}
	}
	waitRules()
	paths := indexes.Shared()
	indexes = petition.IndexSet{} // spent: let go of before the petitions are read again
	if len(paths) > 0 {
		// The petitions whose index is found at two offices or more, read again (from the parse cache): all
		// that a rule across the blind index compares a petition with.
		po := o
		po.Files = paths
		l, err := Load(root, po)
		if err != nil {
			return nil, err
		}
		out.Decoded += l.Decoded
		runAcross(l.Ctx, rs, rules.AcrossBlindIndex, paths, &col)
	}
	out.Findings = col.Findings()
	out.Settings.Ctx.Only = nil
	return out, nil
}

// addIndexes keeps in set the petitions of repo whose files report accepts.
func addIndexes(set *petition.IndexSet, repo *datarepo.Repo, report func(string) bool) {
	for _, f := range repo.Files {
		if p, ok := f.Value.(*record.Petition); ok && f.Kind == record.KindPetition && report(f.Path) {
			set.Add(f.Path, p)
		}
	}
}

// runAcross runs the rules of rs that compare a record with others as a, on ctx, reporting on paths, into col:
// the runs a check makes once a part or the repo is read (the numbers of a year, the petitions that share an
// index).
func runAcross(ctx *rules.Context, rs []rules.Rule, a rules.Across, paths []string, col *finding.Collector) {
	ctx.Only = make(map[string]bool, len(paths))
	for _, p := range paths {
		ctx.Only[p] = true
	}
	for _, r := range rs {
		if r.Across == a {
			for _, f := range rules.Run(ctx, []rules.Rule{r}) {
				col.Add(f)
			}
		}
	}
}

// withSettings is only with coord.yaml and the registry files of repo added.
func withSettings(only map[string]bool, repo *datarepo.Repo) map[string]bool {
	out := make(map[string]bool, len(only)+8)
	for p := range only {
		out[p] = true
	}
	for _, f := range repo.Files {
		if f.Path == datarepo.SettingsFile || strings.HasPrefix(f.Path, "registry/") {
			out[f.Path] = true
		}
	}
	return out
}

// count is what the summary of a check counts in repo, of the files report accepts (nil: all): the files
// (with the problems of files that could not be read) and the decoded records.
func count(repo *datarepo.Repo, report func(string) bool) (files, records int) {
	for _, f := range repo.Files {
		if report == nil || report(f.Path) {
			files++
			if f.Value != nil {
				records++
			}
		}
	}
	for _, p := range repo.Problems {
		if report == nil || report(p.File) {
			files++
		}
	}
	return files, records
}

// Interacting is what checking rs on the records at paths (changed, or given) reads: what the layout says they
// interact with (datarepo.Interacting, with the number series), widened to what the rules declare they
// compare a record with — every programme for a rule across the programmes, every petition for one across the
// petitions, the whole repo (all) for a rule that declares nothing.
func Interacting(paths []string, rs []rules.Rule) (load func(rel string) bool, report map[string]bool, all bool) {
	load, report, all = datarepo.Interacting(paths, true)
	if all {
		return nil, nil, true
	}
	// A rule across every programme reports on programmes (and coord.yaml and the registry), one across every
	// petition on petitions: the others are read only for paths of those kinds.
	touches := func(prefixes ...string) bool {
		for _, p := range paths {
			for _, pre := range prefixes {
				if strings.HasPrefix(filepath.ToSlash(p), pre) {
					return true
				}
			}
		}
		return false
	}
	var more []string
	for _, r := range rs {
		switch r.Across {
		case rules.AcrossRepo:
			return nil, nil, true
		case rules.AcrossProgrammes:
			if touches("programmes/", "consolidated/", "registry/", "coord.yaml") {
				more = append(more, "programmes/", "consolidated/")
			}
		case rules.AcrossBlindIndex:
			// the petitions that share an index are known only once every petition is read
			if touches("petitions/", "registry/", "coord.yaml") {
				more = append(more, "petitions/")
			}
		}
	}
	if len(more) > 0 {
		also, inner := datarepo.Under(more...), load
		load = func(rel string) bool { return inner(rel) || also(rel) }
	}
	return load, report, false
}

// batchFiles is how many record files of a year part coord check reads at once: a larger part is read in
// batches, so that memory does not grow with a year's documents.
var batchFiles = 2000

// batchesOf divides a year part of documents and conclusions, or of petitions, into batches of record paths
// (nil: the part is read at once, by its Load filter), with the walk's path findings on its folders.
func batchesOf(root string, part datarepo.Part) ([][]string, []finding.Finding, error) {
	if part.Kind != datarepo.PartNumbers && part.Kind != datarepo.PartPetitions || part.Name == "" {
		return nil, nil, nil // the settings, the programmes (every year at once for a rule across them)
	}
	paths, probs, err := datarepo.List(root, part.Load)
	if err != nil {
		return nil, nil, err
	}
	mine := paths[:0]
	for _, p := range paths {
		if part.Report(p) {
			mine = append(mine, p)
		}
	}
	var out [][]string
	for len(mine) > batchFiles {
		out = append(out, mine[:batchFiles:batchFiles])
		mine = mine[batchFiles:]
	}
	return append(out, mine), probs, nil
}

// numberList is a list of numbers with, beside each, its key: what Check sorts them by.
type numberList struct {
	uses []datarepo.NumberUse
	keys []numberKey
}

// numberKey is a hash of the number's bucket (docnum.Number.Bucket; 0 when it does not parse: in none) and
// whether it is a Party number. Two numbers whose buckets differ may share a hash; that only brings one more
// stand-in before doc/number, which compares the series themselves.
type numberKey struct {
	bucket uint64
	party  bool
}

var bucketSeed = maphash.MakeSeed()

func (l *numberList) add(o numberList) {
	l.uses = append(l.uses, o.uses...)
	l.keys = append(l.keys, o.keys...)
}

// party is the list's Party numbers.
func (l numberList) party() numberList {
	var out numberList
	for i, k := range l.keys {
		if k.party {
			out.uses, out.keys = append(out.uses, l.uses[i]), append(out.keys, k)
		}
	}
	return out
}

// numberUses are the numbers of the documents and conclusions of repo that report accepts.
func numberUses(repo *datarepo.Repo, report func(string) bool) numberList {
	var out numberList
	for _, f := range repo.Files {
		if !report(f.Path) {
			continue
		}
		if u, n, ok := datarepo.ParsedNumberUse(f); u.Kind != "" {
			var k numberKey
			if ok {
				k = numberKey{bucket: maphash.String(bucketSeed, n.Bucket()) | 1, party: n.Regime == docnum.Party}
			}
			out.uses, out.keys = append(out.uses, u), append(out.keys, k)
		}
	}
	return out
}

// inBuckets are the uses of lists in the bucket of one of mine: the only ones doc/number can find mine share a
// series with.
func inBuckets(mine numberList, lists []numberList) []datarepo.NumberUse {
	buckets := map[uint64]bool{}
	for _, k := range mine.keys {
		if k.bucket != 0 {
			buckets[k.bucket] = true
		}
	}
	var out []datarepo.NumberUse
	for _, l := range lists {
		for i, k := range l.keys {
			if k.bucket != 0 && buckets[k.bucket] {
				out = append(out, l.uses[i])
			}
		}
	}
	return out
}
