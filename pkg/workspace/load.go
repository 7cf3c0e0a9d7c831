// Package workspace is coord's application layer: the data repo on this PC as the commands use it. It loads
// the records with the repo's policy into a rules context, reads the git history the rules need (when each
// programme reached main, the commits of a change and the registry before each), and writes a step's files
// back — checked against who may change them, committed and pushed. Commands reach it through the
// cmdutil.Factory, which supplies the user's settings (the clock, the branch, the committer); it knows nothing
// of flags, cobra or exit codes.
package workspace

import (
	"time"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
)

// Loaded is a loaded data repo with its rules context.
type Loaded struct {
	Repo *datarepo.Repo
	Ctx  *rules.Context
	// Decoded is how many record files were decoded; the others came from the clone's parse cache.
	Decoded int
}

// Options say what to load and as of when.
type Options struct {
	// Only limits loading to the record paths it accepts (nil: all; see datarepo.Options.Only).
	Only func(rel string) bool
	// AsOf is "now" in the repo's timezone (--as-of, else the clock); nil is the clock.
	AsOf func(loc *time.Location) (time.Time, error)
	// Branch is the main branch, whose history says when each programme was submitted ("" is main).
	Branch string
	// Whole has Check read the whole repo at once instead of part by part (the tests compare the two).
	Whole bool
	// Files, when not nil, are the record paths to load instead of walking the repo (datarepo.Options.Files).
	Files []string
	// cache, when set, is the parse cache to read through (Check shares one among the batches of a part, so
	// that each chunk of it is read once); nil opens the clone's.
	cache *datarepo.Cache
}

// Load reads the data repo at root: its records (validated), its policy from coord.yaml and the holidays,
// "now", and when each programme first reached the main branch (for deadline/late).
func Load(root string, o Options) (*Loaded, error) {
	v, err := record.NewValidator()
	if err != nil {
		return nil, err
	}
	cache := o.cache
	if cache == nil {
		cache = datarepo.OpenCache(root)
	}
	before := cache.Decoded()
	r, err := datarepo.Load(root, datarepo.Options{Validate: v, Only: o.Only, Cache: cache, Files: o.Files})
	if err != nil {
		return nil, err
	}
	cache.Flush(root)
	c, err := newContext(root, r, o)
	if err != nil {
		return nil, err
	}
	return &Loaded{Repo: r, Ctx: c, Decoded: cache.Decoded() - before}, nil
}

// newContext is the rules context of a loaded repo: its policy, "now", and when each programme reached main.
func newContext(root string, r *datarepo.Repo, o Options) (*rules.Context, error) {
	p, probs := policy.FromSettings(r.Settings, r.Holidays, r.Loc)
	now := time.Now().In(r.Loc)
	if o.AsOf != nil {
		var err error
		if now, err = o.AsOf(r.Loc); err != nil {
			return nil, err
		}
	}
	c := rules.NewContext(r, now, p)
	c.PolicyProblems = probs
	c.Submitted = Submitted(root, o.Branch, r)
	c.Entered = Entered(root, o.Branch, c)
	return c, nil
}

// LoadPeriod loads what a workflow step on period p reads: the registry, the period's programmes and its
// consolidated record, and whatever also accepts (nil: nothing more).
func LoadPeriod(root string, p period.Period, also func(rel string) bool, o Options) (*Loaded, error) {
	only := datarepo.PeriodFiles(p)
	if also != nil {
		inPeriod := only
		only = func(rel string) bool { return inPeriod(rel) || also(rel) }
	}
	o.Only = only
	return Load(root, o)
}

// Submitted reads when each programme first reached the main branch, from the clone's cache of first-added
// times brought up to date with the commits since (gitrepo.FirstAddedIn). A folder that is not a git
// repository, or has no main branch yet, has nothing on main; so has a repo without programmes.
func Submitted(root, branch string, r *datarepo.Repo) map[string]time.Time {
	has := false
	for _, file := range r.Files {
		if _, ok := file.Value.(*record.Programme); ok {
			has = true
			break
		}
	}
	if !has {
		return nil
	}
	if branch == "" {
		branch = "main"
	}
	added, err := gitrepo.FirstAddedIn(root, branch, "programmes/")
	if err != nil {
		return nil
	}
	return added
}

// Entered reads when each reception day first reached the main branch (reception/notice: rules.ReceptionKeys
// of every version of every programme on main), from the clone's cache brought up to date with the commits
// since (gitrepo.FirstSeenIn). Nothing is read when the loaded repo holds no reception day; a folder that is
// not a git repository, or has no main branch yet, has nothing on main.
func Entered(root, branch string, c *rules.Context) map[string]time.Time {
	if !rules.HasReceptionDays(c) {
		return nil
	}
	if branch == "" {
		branch = "main"
	}
	sessions := c.Policy.Sessions
	seen, err := gitrepo.FirstSeenIn(root, branch, "programmes/", "reception-days-v1", func(_ string, data []byte) []string {
		return rules.ReceptionKeys(data, sessions)
	})
	if err != nil {
		return nil
	}
	return seen
}
