// Command benchpeak is `make bench`: it measures the coord binary side by side with a peer doing the same
// job — ajv-cli validating the same files against the same schemas, `git status` on the same clone, the git
// CLI's add, commit and push of the same kind of file — in the same run, round after round (so that a shared
// machine's changing speed falls on both alike), and writes one table into the README between its markers:
// wall time, CPU time (user and system) and peak memory (peak RSS, from the kernel's rusage of each finished
// process) of every row, its ratio to its peer, and which targets of issue 14 were met.
//
// The data repos are what coordsynth writes (synth.WriteRepo: ten years of every kind of record, the git
// history of their submissions), pushed to a bare remote over file:// and cloned by git, at each size of
// -sizes. Two quarters are merged: 2026-Q3 (the example province's programmes, not yet consolidated) in the
// clone of the full comparisons (the quarter is small, the repo around it is not), and synth.WriteQuarter's
// (10,000 items, 300 leaders) in a clone of its own.
//
//	go run ./pkg/cmd/internal/benchpeak -coord bin/coord -ajv bin/ajv -readme README.md [-sizes 10000,100000,1000000] [-rounds 5]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/datarepo/synth"
)

func main() {
	coord := flag.String("coord", "bin/coord", "the coord binary")
	ajv := flag.String("ajv", "bin/ajv", "the folder where ajv-cli and ajv-formats are installed (.ci/bench.sh)")
	readme := flag.String("readme", "README.md", "the README whose table is rewritten (\"\": print it only)")
	sizes := flag.String("sizes", "10000,100000,1000000", "the repo sizes checked (records); the full comparisons run on 100000")
	rounds := flag.Int("rounds", 5, "runs measured per row (medians); the largest size gets 3")
	records := flag.Int("records", 100000, "the size of the repo of the full comparisons (a smaller one to try the tool)")
	flag.Parse()
	b := &bench{rounds: *rounds, main: *records}
	if err := b.run(*coord, *ajv, *readme, *sizes); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeak:", err)
		os.Exit(1)
	}
}

// sample is one measured run (of one process, or a peer's several processes in sequence).
type sample struct {
	wall, cpu time.Duration // cpu: user and system time
	rss       int64         // peak, bytes
}

func (s *sample) add(t sample) {
	s.wall += t.wall
	s.cpu += t.cpu
	s.rss = max(s.rss, t.rss)
}

// stat is the medians of a row's samples.
type stat struct {
	wall, cpu time.Duration
	rss       int64
	n         int
}

func medians(ss []sample) stat {
	w, c, r := make([]time.Duration, len(ss)), make([]time.Duration, len(ss)), make([]int64, len(ss))
	for i, s := range ss {
		w[i], c[i], r[i] = s.wall, s.cpu, s.rss
	}
	sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	return stat{w[len(w)/2], c[len(c)/2], r[len(r)/2], len(ss)}
}

type bench struct {
	rounds int
	main   int    // records of the repo of the full comparisons
	keep   string // BENCH_REPOS: where the repos are kept between runs ("": made and deleted each run)
	env    []string
	tmp    string
	bin    string
	ajv    string
	rows   []row
	notes  []string
}

// row is one line of the table.
type row struct {
	what, peer   string
	coord, other stat
	target       string
	met          string // "yes", "no", "" (no target)
}

// exec1 runs one command in dir and measures it; ok lists the expected exit codes.
func (b *bench) exec1(dir string, env []string, ok []int, args ...string) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stderr = &out
	t := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(t)}
	if cmd.ProcessState == nil {
		return s, fmt.Errorf("%s: %v", strings.Join(args, " "), err)
	}
	code := cmd.ProcessState.ExitCode()
	expected := false
	for _, c := range ok {
		expected = expected || c == code
	}
	if !expected {
		return s, fmt.Errorf("%s (in %s): exit %d\n%.3000s", strings.Join(args, " "), dir, code, out.String())
	}
	s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	s.rss = peakRSS(cmd.ProcessState)
	return s, nil
}

// repo is a bare remote filled by synth and a clone of it.
type repo struct {
	records      int
	remote, dir  string
	built, ready time.Duration
	reused       bool // kept from an earlier run (BENCH_REPOS)
}

func (b *bench) makeRepo(records int, clones ...string) (*repo, error) {
	t0 := time.Now()
	base := filepath.Join(b.tmp, strconv.Itoa(records))
	if b.keep != "" {
		// BENCH_REPOS: a repo made by an earlier run (remote.git and its clone) is used again, its clone
		// brought to the remote's main and its coord caches deleted; a new one is kept there.
		base = filepath.Join(b.keep, strconv.Itoa(records))
		r := &repo{records: records, remote: filepath.Join(base, "remote.git"), dir: filepath.Join(base, "clone"), reused: true}
		if st, err := os.Stat(filepath.Join(r.dir, ".git")); err == nil && st.IsDir() {
			for _, c := range [][]string{{"git", "fetch", "-q", "origin"}, {"git", "reset", "-q", "--hard", "origin/main"}, {"git", "clean", "-qfdx"}} {
				if _, err := b.exec1(r.dir, b.env, []int{0}, c...); err != nil {
					return nil, err
				}
			}
			if err := os.RemoveAll(filepath.Join(r.dir, ".git", "coord")); err != nil {
				return nil, err
			}
			for _, c := range clones {
				os.RemoveAll(filepath.Join(base, c))
				if _, err := b.exec1(base, b.env, []int{0}, "git", "clone", "-q", "file://"+filepath.ToSlash(r.remote), filepath.Join(base, c)); err != nil {
					return nil, err
				}
			}
			fmt.Printf("repo of %d records: the one kept in %s\n", records, base)
			return r, nil
		}
		if err := os.RemoveAll(base); err != nil {
			return nil, err
		}
	}
	seed := filepath.Join(base, "seed")
	if err := synth.WriteRepo(seed, records, 1); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(seed, ".gitattributes"), []byte("* text=auto eol=lf\n"), 0o644); err != nil {
		return nil, err
	}
	r := &repo{records: records, remote: filepath.Join(base, "remote.git"), dir: filepath.Join(base, "clone")}
	if _, err := b.exec1(base, b.env, []int{0}, "git", "init", "-q", "--bare", "-b", "main", r.remote); err != nil {
		return nil, err
	}
	if err := synth.Import(seed, r.remote, b.env); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(seed); err != nil {
		return nil, err
	}
	r.built = time.Since(t0)
	for _, c := range append([]string{"clone"}, clones...) {
		if _, err := b.exec1(base, b.env, []int{0}, "git", "clone", "-q", "file://"+filepath.ToSlash(r.remote), filepath.Join(base, c)); err != nil {
			return nil, err
		}
	}
	r.ready = time.Since(t0)
	fmt.Printf("repo of %d records: written and imported in %s, cloned in %s\n", records, r.built.Round(time.Second), (r.ready - r.built).Round(time.Second))
	return r, nil
}

// check is coord check of the whole clone (exit 1: the synthetic repo holds findings of level error).
func (b *bench) check(dir string, extra ...string) (sample, error) {
	args := append([]string{b.bin, "check", "--as-of", "2026-06-15", "--format", "json"}, extra...)
	return b.exec1(dir, b.env, []int{0, 1}, args...)
}

func (b *bench) gitStatus(dir string) (sample, error) {
	return b.exec1(dir, b.env, []int{0}, "git", "status", "--porcelain")
}

// ajvKinds are the record folders and files with their schema, as ajv-cli is run on them.
var ajvKinds = [][2]string{
	{"coord.yaml", "settings"}, {"registry/offices.yaml", "offices"}, {"registry/people.yaml", "people"},
	{"registry/places.yaml", "places"}, {"registry/holidays.yaml", "holidays"},
	{"programmes/**/*.yaml", "programme"}, {"consolidated/**/*.yaml", "consolidated"},
	{"conclusions/**/*.yaml", "conclusion"}, {"documents/**/*.yaml", "document"}, {"petitions/**/*.yaml", "petition"},
}

// ajvRun validates the files of kinds in dir with ajv-cli, one run per schema, its YAML loader told to use
// the core schema (core-yaml.js), so that dates stay strings.
func (b *bench) ajvRun(dir string, kinds [][2]string) (sample, error) {
	var s sample
	for _, k := range kinds {
		t, err := b.exec1(dir, b.env, []int{0, 1}, "node", "-r", filepath.Join(b.ajv, "core-yaml.js"),
			filepath.Join(b.ajv, "node_modules", "ajv-cli", "dist", "index.js"), "validate", "--spec=draft2020", "--strict=false",
			"-c", filepath.Join(b.ajv, "node_modules", "ajv-formats", "dist", "index.js"),
			"-s", filepath.Join(b.schemaDir(), k[1]+".schema.json"), "-d", k[0])
		if err != nil {
			return s, err
		}
		s.add(t)
	}
	return s, nil
}

func (b *bench) schemaDir() string { d, _ := filepath.Abs("schema"); return d }

// pair measures a and then p, round after round, and adds the row.
func (b *bench) pair(rounds int, what, peer, target string, judge func(c, p stat) string, a, p func() (sample, error)) error {
	var as, ps []sample
	for i := 0; i < rounds; i++ {
		s, err := a()
		if err != nil {
			return err
		}
		as = append(as, s)
		if p != nil {
			t, err := p()
			if err != nil {
				return err
			}
			ps = append(ps, t)
		}
	}
	r := row{what: what, peer: peer, coord: medians(as), target: target}
	if p != nil {
		r.other = medians(ps)
	}
	if judge != nil {
		r.met = judge(r.coord, r.other)
	}
	b.rows = append(b.rows, r)
	fmt.Printf("%s: %s (%s)\n", what, fmtStat(r.coord), peer)
	return nil
}

func yes(ok bool) string {
	if ok {
		return "**met**"
	}
	return "not met"
}

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (b *bench) run(coord, ajv, readme, sizeList string) error {
	var err error
	if b.bin, err = filepath.Abs(coord); err != nil {
		return err
	}
	if b.ajv, err = filepath.Abs(ajv); err != nil {
		return err
	}
	if b.tmp, err = os.MkdirTemp("", "coord-bench-"); err != nil {
		return err
	}
	if b.keep = os.Getenv("BENCH_REPOS"); b.keep != "" {
		if b.keep, err = filepath.Abs(b.keep); err != nil {
			return err
		}
	}
	if os.Getenv("BENCH_KEEP") == "" {
		defer os.RemoveAll(b.tmp)
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") && !strings.HasPrefix(kv, "COORD_") {
			b.env = append(b.env, kv)
		}
	}
	b.env = append(b.env, "GIT_CONFIG_NOSYSTEM=1", "HOME="+b.tmp, "XDG_CONFIG_HOME="+b.tmp,
		"GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.vn", "GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.vn",
		"COORD_CONFIG="+filepath.Join(b.tmp, "none.yaml"), "COORD_LANG=en")
	var sizes []int
	for _, s := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("-sizes: %v", err)
		}
		sizes = append(sizes, n)
	}
	start := time.Now()
	load0 := loadavg()

	// The main comparisons, on 100,000 records.
	main, err := b.makeRepo(b.main, "git-clone")
	if err != nil {
		return err
	}
	if _, err := b.check(main.dir); err != nil { // the parse cache and the first-added times, built once
		return err
	}
	warm := func() (sample, error) { return b.check(main.dir) }
	parse := filepath.Join(main.dir, ".git", "coord", "parse")
	cold := func() (sample, error) {
		if err := os.RemoveAll(parse); err != nil {
			return sample{}, err
		}
		return b.check(main.dir)
	}
	ajvAll := func() (sample, error) { return b.ajvRun(main.dir, ajvKinds) }
	status := func() (sample, error) { return b.gitStatus(main.dir) }
	at := thousands(b.main) + " records"
	if err := b.pair(b.rounds, "`coord check`, "+at+", warm (parse cache built)", "ajv-cli, the same files and schemas",
		"≤ 0.25×", func(c, p stat) string { return yes(ratio(c.wall, p.wall) <= 0.25) }, warm, ajvAll); err != nil {
		return err
	}
	if err := b.pair(b.rounds, "`coord check`, "+at+", warm", "`git status` (the stat floor)",
		"stretch ≤ 2×", func(c, p stat) string { return yes(ratio(c.wall, p.wall) <= 2) }, warm, status); err != nil {
		return err
	}
	if err := b.pair(b.rounds, "`coord check`, "+at+", cold (parse cache deleted)", "ajv-cli, the same files and schemas",
		"≤ 1.0×", func(c, p stat) string { return yes(ratio(c.wall, p.wall) <= 1) }, cold, ajvAll); err != nil {
		return err
	}
	if _, err := b.check(main.dir); err != nil { // warm again
		return err
	}

	// check --changed of one programme.
	prog := filepath.Join(main.dir, "programmes", "2026", "Q3", "VPUBND.yaml")
	data, err := os.ReadFile(prog)
	if err != nil {
		return err
	}
	if err := os.WriteFile(prog, append(data, "# sửa\n"...), 0o644); err != nil {
		return err
	}
	for _, c := range [][]string{{"git", "commit", "-q", "-am", "one programme"}, {"git", "push", "-q", "origin", "HEAD:main"}} {
		if _, err := b.exec1(main.dir, b.env, []int{0}, c...); err != nil {
			return err
		}
	}
	if err := b.pair(b.rounds, "`coord check --changed HEAD~1`, one programme changed, "+at, "`git status`",
		"≤ 0.3 s", func(c, p stat) string { return yes(c.wall <= 300*time.Millisecond) },
		func() (sample, error) { return b.check(main.dir, "--changed", "HEAD~1") }, status); err != nil {
		return err
	}

	// submit against the git CLI, each from a clone brought up to date first (untimed).
	if err := b.submit(main); err != nil {
		return err
	}

	// merge of a quarter on the repo of the full comparisons.
	if err := b.mergeIn(main); err != nil {
		return err
	}

	// merge and re-merge of a 10,000-item quarter.
	if err := b.merge(); err != nil {
		return err
	}

	// 2,000 items in one slot: one finding per clash, in seconds (issue 9).
	if err := b.sameSlot(); err != nil {
		return err
	}

	// check at each size: the growth.
	var base stat
	for _, n := range sizes {
		r := main
		if n != main.records {
			if b.keep == "" {
				os.RemoveAll(filepath.Join(b.tmp, strconv.Itoa(main.records), "git-clone"))
			}
			if r, err = b.makeRepo(n); err != nil {
				b.notes = append(b.notes, fmt.Sprintf("%d records: the repo could not be made on this machine (%v)", n, err))
				continue
			}
			if _, err := b.check(r.dir); err != nil {
				return err
			}
		}
		rounds := b.rounds
		if n == sizes[len(sizes)-1] && len(sizes) > 1 {
			rounds = 3
		}
		target, judge := "", func(c, p stat) string { return "" }
		if n == 100000 {
			target = "peak RSS ≤ 300 MB"
			judge = func(c, p stat) string { return yes(c.rss <= 300<<20) }
		}
		if n == 1000000 {
			target = "peak RSS < 2× that at 100,000"
			judge = func(c, p stat) string { return yes(base.rss > 0 && c.rss < 2*base.rss) }
		}
		if err := b.pair(rounds, fmt.Sprintf("`coord check`, %s records, warm", thousands(n)), "`git status`", target, judge,
			func() (sample, error) { return b.check(r.dir) }, func() (sample, error) { return b.gitStatus(r.dir) }); err != nil {
			return err
		}
		if n == 100000 {
			base = b.rows[len(b.rows)-1].coord
		}
		if r != main && b.keep == "" {
			os.RemoveAll(filepath.Join(b.tmp, strconv.Itoa(n)))
		}
		if r.reused {
			b.notes = append(b.notes, fmt.Sprintf("the repo of %s records was the one an earlier run made (BENCH_REPOS)", thousands(n)))
		} else {
			b.notes = append(b.notes, fmt.Sprintf("the repo of %s records took %s to write and import, %s to clone",
				thousands(n), r.built.Round(time.Second), (r.ready-r.built).Round(time.Second)))
		}
	}

	table := b.table(start, load0)
	fmt.Println()
	fmt.Println(table)
	if readme == "" {
		return nil
	}
	return writeTable(readme, table)
}

// submit times `coord submit` of one document against `git add && git commit && git push` of the same kind of
// file, on clones of the 100,000-record repo.
func (b *bench) submit(r *repo) error {
	clerk := append(append([]string(nil), b.env...), "COORD_NAME=Hồ Thị Kim Liên", "COORD_EMAIL=lien.htk@vpubnd.example.vn")
	gitClone := filepath.Join(filepath.Dir(r.dir), "git-clone")
	drafts := filepath.Join(b.tmp, "drafts")
	if err := os.MkdirAll(drafts, 0o755); err != nil {
		return err
	}
	if _, err := b.exec1(r.dir, clerk, []int{0}, b.bin, "sync"); err != nil { // the clone's caches, once
		return err
	}
	doc := func(n int, issuer string) []byte {
		return []byte(fmt.Sprintf("kind: document\nnumber: %d/TB-%s\ntype: TB\ndate: 2026-08-04\nissuer: %s\nsummary: Thông báo số %d\nrecipients: [VPTU]\n", n, issuer, issuer, n))
	}
	// Numbers new to the repo in every run, a repo kept by BENCH_REPOS holding an earlier run's documents.
	n := 100000 + int(time.Now().Unix()%80000)*10
	return b.pair(b.rounds, "`coord submit` of one document, "+thousands(r.records)+" records with a commit each", "`git add && git commit && git push`",
		"≤ 1.5×", func(c, p stat) string { return yes(ratio(c.wall, p.wall) <= 1.5) },
		func() (sample, error) {
			n++
			if _, err := b.exec1(r.dir, clerk, []int{0}, b.bin, "sync"); err != nil {
				return sample{}, err
			}
			draft := filepath.Join(drafts, fmt.Sprintf("%d-TB-VPUBND.yaml", n))
			if err := os.WriteFile(draft, doc(n, "VPUBND"), 0o644); err != nil {
				return sample{}, err
			}
			return b.exec1(r.dir, clerk, []int{0}, b.bin, "submit", draft)
		},
		func() (sample, error) {
			if _, err := b.exec1(gitClone, b.env, []int{0}, "git", "pull", "-q", "--rebase", "origin", "main"); err != nil {
				return sample{}, err
			}
			p := fmt.Sprintf("documents/2026/VPTU/%d-TB-VPTU.yaml", n)
			full := filepath.Join(gitClone, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				return sample{}, err
			}
			if err := os.WriteFile(full, doc(n, "VPTU"), 0o644); err != nil {
				return sample{}, err
			}
			var s sample
			for _, c := range [][]string{{"git", "add", p}, {"git", "commit", "-q", "-m", "document(VPTU): x"}, {"git", "push", "-q", "origin", "HEAD:main"}} {
				t, err := b.exec1(gitClone, b.env, []int{0}, c...)
				if err != nil {
					return s, err
				}
				s.add(t)
			}
			return s, nil
		})
}

// mergeIn times a first merge of 2026-Q3 in the clone of r — the quarter whose programmes WriteRepo takes from
// the example province and whose consolidated record it does not write — against ajv-cli validating the
// quarter's three programmes; the record is deleted before each run and after the last.
func (b *bench) mergeIn(r *repo) error {
	consolidated := filepath.Join(r.dir, "consolidated", "2026", "Q3.yaml")
	first := func() (sample, error) {
		if err := os.Remove(consolidated); err != nil && !os.IsNotExist(err) {
			return sample{}, err
		}
		// exit 1 is accepted: the quarter's programmes may hold conflicts of level error
		s, err := b.exec1(r.dir, b.env, []int{0, 1}, b.bin, "merge", "--quarter", "2026-Q3", "--no-commit", "--as-of", "2026-06-15")
		if err == nil {
			if _, serr := os.Stat(consolidated); serr != nil {
				err = fmt.Errorf("merge wrote no consolidated record: %v", serr)
			}
		}
		return s, err
	}
	ajvQuarter := func() (sample, error) {
		return b.ajvRun(r.dir, [][2]string{{"programmes/2026/Q3/*.yaml", "programme"}})
	}
	err := b.pair(b.rounds, "`coord merge --quarter 2026-Q3`, a quarter of the example province's programmes, "+thousands(r.records)+" records, first merge",
		"ajv-cli on the quarter's three programmes", "", nil, first, ajvQuarter)
	if rerr := os.Remove(consolidated); err == nil && rerr != nil {
		err = rerr
	}
	return err
}

// merge times a first merge and a re-merge of synth.WriteQuarter's quarter in a clone of its own, each
// against ajv-cli validating the quarter's three programmes.
func (b *bench) merge() error {
	dir := filepath.Join(b.tmp, "quarter")
	if err := synth.WriteQuarter(dir, 10000, 300); err != nil {
		return err
	}
	for _, c := range [][]string{{"git", "init", "-q", "-b", "main"}, {"git", "add", "-A"}, {"git", "commit", "-q", "-m", "quarter"}} {
		if _, err := b.exec1(dir, b.env, []int{0}, c...); err != nil {
			return err
		}
	}
	consolidated := filepath.Join(dir, "consolidated", "2026", "Q3.yaml")
	merge := func() (sample, error) {
		// exit 1 is expected: the quarter holds double bookings
		s, err := b.exec1(dir, b.env, []int{0, 1}, b.bin, "merge", "--quarter", "2026-Q3", "--no-commit", "--as-of", "2026-06-15")
		if err == nil {
			if _, serr := os.Stat(consolidated); serr != nil {
				err = fmt.Errorf("merge wrote no consolidated record: %v", serr)
			}
		}
		return s, err
	}
	first := func() (sample, error) {
		os.Remove(consolidated)
		return merge()
	}
	if _, err := first(); err != nil { // the parse cache of the programmes
		return err
	}
	ajvQuarter := func() (sample, error) {
		return b.ajvRun(dir, [][2]string{{"programmes/2026/Q3/*.yaml", "programme"}})
	}
	if err := b.pair(b.rounds, "`coord merge --quarter`, 10,000 items, 300 leaders, first merge", "ajv-cli on the quarter's three programmes",
		"< 0.5 s", func(c, p stat) string { return yes(c.wall < 500*time.Millisecond) }, first, ajvQuarter); err != nil {
		return err
	}
	if _, err := merge(); err != nil {
		return err
	}
	return b.pair(b.rounds, "`coord merge --quarter`, the same quarter merged again, nothing changed", "ajv-cli on the quarter's three programmes",
		"≤ 0.3 s", func(c, p stat) string { return yes(c.wall <= 300*time.Millisecond) }, merge, ajvQuarter)
}

// sameSlot times `coord check` of the example province with 2,000 items in one slot (synth.WriteSameSlot: one
// leader and one hall double-booked 2,000 times over), and counts the findings they make: one per clash.
func (b *bench) sameSlot() error {
	const n = 2000
	dir := filepath.Join(b.tmp, "same-slot")
	if _, err := b.exec1(b.tmp, b.env, []int{0}, b.bin, "init", dir, "--example"); err != nil {
		return err
	}
	if err := synth.WriteSameSlot(dir, n); err != nil {
		return err
	}
	cmd := exec.Command(b.bin, "check", "--as-of", "2026-06-15", "--format", "json", "programmes/2026/10")
	cmd.Dir, cmd.Env = dir, b.env
	out, _ := cmd.Output() // exit 1: the clashes are errors
	var doc struct {
		Findings []struct{ Rule string }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return fmt.Errorf("coord check of the same-slot items: %v\n%.2000s", err, out)
	}
	return b.pair(b.rounds, fmt.Sprintf("`coord check`, the example province and %s items in one slot (%d findings)", thousands(n), len(doc.Findings)),
		"—", "in seconds (≤ 2 s)", func(c, p stat) string { return yes(c.wall <= 2*time.Second) },
		func() (sample, error) { return b.check(dir) }, nil)
}

func fmtStat(s stat) string {
	return fmt.Sprintf("%s (CPU %s), %s", secs(s.wall), secs(s.cpu), mib(s.rss))
}

func secs(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func mib(b int64) string {
	if b <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d MiB", (b+1<<19)>>20)
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// table renders the rows with the machine and the run.
func (b *bench) table(start time.Time, load0 string) string {
	var t strings.Builder
	goVersion := runtime.Version()
	if out, err := exec.Command("go", "version").Output(); err == nil {
		goVersion = strings.TrimPrefix(strings.TrimSpace(string(out)), "go version ")
	}
	ajvVersion := "ajv-cli 5.0.0, ajv-formats 2"
	if b, err := os.ReadFile(filepath.Join(b.ajv, "node_modules", "ajv-cli", "package.json")); err == nil {
		if i := bytes.Index(b, []byte(`"version": "`)); i >= 0 {
			v, _, _ := strings.Cut(string(b[i+12:]), `"`)
			ajvVersion = "ajv-cli " + v + ", ajv-formats 2"
		}
	}
	node := ""
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		node = ", Node " + strings.TrimSpace(string(out))
	}
	coordVersion := ""
	v := exec.Command(b.bin, "--version")
	v.Env = b.env
	if out, err := v.Output(); err == nil {
		coordVersion = strings.TrimSpace(string(out))
	}
	fmt.Fprintf(&t, "Written by `make bench` on %s (%s, %d cores), %s; %s; %s. Load average %s at the start, %s at the end (%s in all); the machine is shared, so every figure is a median of runs taken side by side with its peer, round after round.\n\n",
		start.Format("2006-01-02"), cpuModel(), runtime.NumCPU(), goVersion, coordVersion, ajvVersion+node, load0, loadavg(), time.Since(start).Round(time.Minute))
	t.WriteString("| what | coord: wall (CPU), peak RSS | peer | peer: wall (CPU), peak RSS | ratio (wall) | target | met |\n")
	t.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range b.rows {
		peer, ratioText := "—", "—"
		if r.other.n > 0 {
			peer = fmtStat(r.other)
			ratioText = fmt.Sprintf("%.2f×", ratio(r.coord.wall, r.other.wall))
		}
		met := r.met
		if met == "" {
			met = "—"
		}
		target := r.target
		if target == "" {
			target = "—"
		}
		fmt.Fprintf(&t, "| %s (median of %d) | %s | %s | %s | %s | %s | %s |\n", r.what, r.coord.n, fmtStat(r.coord), r.peer, peer, ratioText, target, met)
	}
	t.WriteString("\nThe data repos are coordsynth's (seed 1: ten years of programmes, consolidated records, documents, conclusions and petitions, one commit per record) pushed to a bare remote and cloned by git; `--as-of 2026-06-15`. Warm: coord's parse cache (`.git/coord/parse`) was built by an earlier run; cold: it is deleted before each run (the operating system's file cache stays warm for both). ajv-cli validates each kind's files against its schema, one run per schema (`node -r core-yaml.js ajv validate --spec=draft2020 --strict=false -c ajv-formats -s schema/KIND.schema.json -d 'KIND/**/*.yaml'`), its YAML loader (js-yaml's safeLoad) made to use the core schema by the preloaded `.ci/ajv-core-yaml.js`, so that unquoted dates stay strings as the schemas want; its figures are the sum of those runs (peak RSS: the largest). The submit peer is `git add`, `git commit` and `git push` of the same kind of file in another clone, each method starting from a clone brought up to date untimed. The merge of 2026-Q3 is of the example province's three programmes in the clone of the full comparisons, a first merge (no consolidated record: it is deleted before each run, and after the last); the 10,000-item quarter is synthetic, in a repo of its own.\n")
	for _, n := range b.notes {
		t.WriteString("\n- " + n + ".")
	}
	if len(b.notes) > 0 {
		t.WriteString("\n")
	}
	return t.String()
}

const beginMark, endMark = "<!-- make bench: begin -->", "<!-- make bench: end -->"

// writeTable replaces what lies between the README's markers with table.
func writeTable(readme, table string) error {
	b, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	s := string(b)
	i, j := strings.Index(s, beginMark), strings.Index(s, endMark)
	if i < 0 || j < i {
		return fmt.Errorf("%s has no %s … %s markers", readme, beginMark, endMark)
	}
	s = s[:i+len(beginMark)] + "\n" + table + s[j:]
	return os.WriteFile(readme, []byte(s), 0o644)
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOOS + "/" + runtime.GOARCH
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
