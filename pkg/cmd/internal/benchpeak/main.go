// Command benchpeak measures the wall time and the peak memory (peak resident set size, from the kernel's
// rusage of each finished process) of the coord binary's three heavy commands on a data repo of 100,000
// records (pkg/datarepo/synth, one commit per record, pushed to a bare remote over file://):
//
//   - coord check of the whole clone;
//   - coord merge --quarter 2026-Q3 (a first merge, --no-commit) of the 10,000-item quarter of
//     synth.WriteQuarter written into a copy of the same records;
//   - coord submit of one document (the clone brought up to date by an untimed coord sync first).
//
// With -settings it runs each command under several GC settings side by side, interleaved round by round, so
// that a shared machine's changing speed falls on all of them alike. GOGC and GOMEMLIMIT of the caller's
// environment are not passed on: "default" is the binary's own setting. Run by `make bench`:
//
//	go run ./pkg/cmd/internal/benchpeak -coord bin/coord [-records 100000] [-rounds 5] [-settings 'default;GOGC=100;GOGC=200']
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/datarepo/synth"
)

func main() {
	coord := flag.String("coord", "bin/coord", "the coord binary")
	records := flag.Int("records", 100000, "records in the data repo")
	items := flag.Int("items", 10000, "items in the merged quarter")
	people := flag.Int("people", 300, "leaders in the merged quarter")
	rounds := flag.Int("rounds", 5, "runs measured per command and setting")
	settings := flag.String("settings", "default", "GC settings compared, separated by ';': default (the binary's own) or VAR=VALUE[,VAR=VALUE]")
	flag.Parse()
	if err := run(*coord, *records, *items, *people, *rounds, strings.Split(*settings, ";")); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeak:", err)
		os.Exit(1)
	}
}

// sample is one measured run.
type sample struct {
	wall, cpu time.Duration // cpu: user and system time of the process and its children
	rss       int64         // bytes
}

func run(coord string, records, items, people, rounds int, settings []string) error {
	bin, err := filepath.Abs(coord)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "coord-bench-peak-")
	if err != nil {
		return err
	}
	if os.Getenv("BENCHPEAK_KEEP") == "" {
		defer os.RemoveAll(tmp)
	}
	var base []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") {
			base = append(base, kv)
		}
	}
	base = append(base, "GIT_CONFIG_NOSYSTEM=1", "HOME="+tmp, "XDG_CONFIG_HOME="+tmp,
		"GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.vn", "GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.vn",
		"COORD_CONFIG="+filepath.Join(tmp, "none.yaml"), "COORD_LANG=en")
	// The submitting clerk, a member of VPUBND in the registry; merge runs as nobody in particular (a named member of no office may not write the
	// consolidated record).
	clerk := []string{"COORD_NAME=Hồ Thị Kim Liên", "COORD_EMAIL=lien.htk@vpubnd.example.vn"}
	// exec runs one command and returns its wall time and peak RSS; ok lists the exit codes that are expected.
	exec1 := func(dir string, env []string, ok []int, args ...string) (sample, error) {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = dir, env
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
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
			return s, fmt.Errorf("%s: exit %d\n%.2000s", strings.Join(args, " "), code, out.String())
		}
		s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		s.rss = peakRSS(cmd.ProcessState)
		return s, nil
	}

	// The data repo: the records in git with a commit each, a bare remote, a clone (check, submit); the same
	// records plus the quarter in a plain folder (merge).
	fmt.Printf("building a data repo of %d records…\n", records)
	t0 := time.Now()
	seed := filepath.Join(tmp, "seed")
	if err := synth.Write(seed, records, 1); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(seed, ".gitattributes"), []byte("* text=auto eol=lf\n"), 0o644); err != nil {
		return err
	}
	remote, clone := filepath.Join(tmp, "remote.git"), filepath.Join(tmp, "clone")
	if _, err := exec1(tmp, base, []int{0}, "git", "init", "-q", "--bare", "-b", "main", remote); err != nil {
		return err
	}
	if err := synth.Import(seed, remote, base); err != nil {
		return err
	}
	if _, err := exec1(tmp, base, []int{0}, "git", "clone", "-q", "file://"+filepath.ToSlash(remote), clone); err != nil {
		return err
	}
	if err := synth.WriteQuarter(seed, items, people); err != nil {
		return err
	}
	consolidated := filepath.Join(seed, "consolidated", "2026", "Q3.yaml")
	drafts := filepath.Join(tmp, "drafts")
	if err := os.MkdirAll(drafts, 0o755); err != nil {
		return err
	}
	fmt.Printf("ready in %s\n", time.Since(t0).Round(time.Second))

	check := func(env []string) (sample, error) {
		// exit 1: the synthetic repo holds findings of level error
		return exec1(clone, env, []int{0, 1}, bin, "check", "--as-of", "2026-06-15", "--format", "json")
	}
	merge := func(env []string) (sample, error) {
		os.Remove(consolidated)
		// exit 1 is expected: the quarter holds double bookings
		s, err := exec1(seed, env, []int{0, 1}, bin, "merge", "--quarter", "2026-Q3", "--no-commit", "--as-of", "2026-06-15", "-C", seed)
		if err == nil {
			if _, serr := os.Stat(consolidated); serr != nil {
				err = fmt.Errorf("merge wrote no consolidated record: %v", serr)
			}
		}
		return s, err
	}
	number := 100000 + int(time.Now().Unix()%1000000)*10
	submit := func(env []string) (sample, error) {
		env = append(append([]string(nil), env...), clerk...)
		if _, err := exec1(clone, append(base, clerk...), []int{0}, bin, "sync"); err != nil {
			return sample{}, err
		}
		number++
		draft := filepath.Join(drafts, fmt.Sprintf("%d-TB-VPUBND.yaml", number))
		doc := fmt.Sprintf("kind: document\nnumber: %d/TB-VPUBND\ntype: TB\ndate: 2026-08-04\nissuer: VPUBND\nsummary: Thông báo số %d\nrecipients: [VPTU]\n", number, number)
		if err := os.WriteFile(draft, []byte(doc), 0o644); err != nil {
			return sample{}, err
		}
		return exec1(clone, env, []int{0}, bin, "submit", draft)
	}
	commands := []struct {
		name string
		run  func([]string) (sample, error)
	}{
		{"coord check (whole repo)", check},
		{fmt.Sprintf("coord merge --quarter (%d items, %d leaders)", items, people), merge},
		{"coord submit (one document)", submit},
	}

	// Warm the file cache and build the clone's caches once (coord sync with none), untimed.
	for _, c := range commands {
		if _, err := c.run(base); err != nil {
			return err
		}
	}
	load0 := loadavg()
	got := make([][][]sample, len(commands))
	for i := range got {
		got[i] = make([][]sample, len(settings))
	}
	for r := 0; r < rounds; r++ {
		for k := range settings {
			si := (k + r) % len(settings) // each round starts with another setting
			env := base
			if s := strings.TrimSpace(settings[si]); s != "default" && s != "" {
				env = append(append([]string(nil), base...), strings.Split(s, ",")...)
			}
			for ci, c := range commands {
				s, err := c.run(env)
				if err != nil {
					return err
				}
				got[ci][si] = append(got[ci][si], s)
			}
		}
		fmt.Printf("round %d of %d done\n", r+1, rounds)
	}

	fmt.Println()
	fmt.Printf("machine: %s, %d cores; %s; %s; load average %s at the start, %s at the end\n",
		cpuModel(), runtime.NumCPU(), time.Now().Format("2006-01-02"), runtime.Version(), load0, loadavg())
	fmt.Printf("repo: %d records with a commit each; merge: the same records and a quarter of %d items; %d runs each, medians\n\n", records, items, rounds)
	fmt.Println("| command | setting | wall: median (min–max) | CPU (user+sys): median | peak RSS: median (max) |")
	fmt.Println("|---|---|---|---|---|")
	for ci, c := range commands {
		for si, s := range settings {
			ss := got[ci][si]
			walls, cpus := make([]time.Duration, len(ss)), make([]time.Duration, len(ss))
			rss := make([]int64, len(ss))
			for i, x := range ss {
				walls[i], cpus[i], rss[i] = x.wall, x.cpu, x.rss
			}
			sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
			sort.Slice(cpus, func(i, j int) bool { return cpus[i] < cpus[j] })
			sort.Slice(rss, func(i, j int) bool { return rss[i] < rss[j] })
			fmt.Printf("| %s | %s | %.2f s (%.2f–%.2f) | %.2f s | %s (%s) |\n", c.name, strings.TrimSpace(s),
				walls[len(walls)/2].Seconds(), walls[0].Seconds(), walls[len(walls)-1].Seconds(),
				cpus[len(cpus)/2].Seconds(), mib(rss[len(rss)/2]), mib(rss[len(rss)-1]))
		}
	}
	return nil
}

func mib(b int64) string {
	if b <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d MiB", (b+1<<19)>>20)
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
