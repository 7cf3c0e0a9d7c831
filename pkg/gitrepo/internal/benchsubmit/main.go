// Command benchsubmit times `coord submit` against the git CLI's `git add && git commit && git push` of the
// same kind of file, on the same data repo of many records (default 100,000: ten years of a large province),
// each pushing to a bare remote over file://. It also times the git layer alone (gitrepo.Submit called in
// process, no validation), so the two costs of a submission can be told apart. Run by `make bench`:
//
//	go run ./pkg/gitrepo/internal/benchsubmit -coord bin/coord [-records 100000] [-rounds 9]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/datarepo/synth"
	"github.com/coordvn/coord/pkg/gitrepo"
)

func main() {
	coord := flag.String("coord", "", "the coord binary (default: built into a temp folder)")
	records := flag.Int("records", 100000, "records in the data repo")
	nrounds := flag.Int("rounds", 9, "submissions timed per method")
	keep := flag.Bool("keep", false, "keep the temp folder (to rerun with -dir)")
	dir := flag.String("dir", "", "reuse a folder kept by an earlier -keep run")
	flag.Parse()
	if err := run(*coord, *records, *nrounds, *keep, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "benchsubmit:", err)
		os.Exit(1)
	}
}

func run(coord string, records, nrounds int, keep bool, reuse string) error {
	tmp := reuse
	if tmp == "" {
		var err error
		if tmp, err = os.MkdirTemp("", "coord-bench-submit-"); err != nil {
			return err
		}
	}
	if !keep && reuse == "" {
		defer os.RemoveAll(tmp)
	} else {
		fmt.Println("folder:", tmp)
	}
	env := append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+tmp, "XDG_CONFIG_HOME="+tmp,
		"GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.vn", "GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.vn",
		// coord submits as a member of the office it submits for (registry/offices.yaml of the example).
		"COORD_CONFIG="+filepath.Join(tmp, "none.yaml"), "COORD_NAME=Hồ Thị Kim Liên", "COORD_EMAIL=lien.htk@vpubnd.example.vn", "COORD_LANG=en")
	sh := func(dir string, args ...string) (time.Duration, error) {
		t := time.Now()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			return 0, fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return time.Since(t), nil
	}
	if coord == "" {
		coord = filepath.Join(tmp, "coord")
		if _, err := sh(".", "go", "build", "-o", coord, "github.com/coordvn/coord/cmd/coord"); err != nil {
			return err
		}
	} else if abs, err := filepath.Abs(coord); err != nil {
		return err
	} else {
		coord = abs
	}

	coordClone, gitClone, libClone := filepath.Join(tmp, "coord-clone"), filepath.Join(tmp, "git-clone"), filepath.Join(tmp, "lib-clone")
	if reuse == "" {
		if err := build(tmp, records, env, sh); err != nil {
			return err
		}
	}
	return rounds(tmp, coord, coordClone, libClone, gitClone, records, nrounds, sh)
}

// build makes the synthetic data repo (a bare remote, filled through git fast-import) and three clones.
func build(tmp string, records int, env []string, sh func(string, ...string) (time.Duration, error)) error {
	fmt.Printf("building a data repo of %d records…\n", records)
	t0 := time.Now()
	seed := filepath.Join(tmp, "seed")
	if err := synth.Write(seed, records, 1); err != nil {
		return err
	}
	os.WriteFile(filepath.Join(seed, ".gitattributes"), []byte("* text=auto eol=lf\n"), 0o644)
	remote := filepath.Join(tmp, "remote.git")
	if _, err := sh(tmp, "git", "init", "-q", "--bare", "-b", "main", remote); err != nil {
		return err
	}
	if err := synth.Import(seed, remote, env); err != nil {
		return err
	}
	os.RemoveAll(seed)
	url := "file://" + filepath.ToSlash(remote)
	// All three clones are made by the git CLI: what is timed is submitting, not cloning.
	for _, c := range []string{"coord-clone", "git-clone", "lib-clone"} {
		c = filepath.Join(tmp, c)
		if _, err := sh(tmp, "git", "clone", "-q", url, c); err != nil {
			return err
		}
	}
	fmt.Printf("ready in %s\n", time.Since(t0).Round(time.Millisecond))
	return nil
}

// rounds times the three ways of submitting one file, nrounds times each.
func rounds(tmp, coord, coordClone, libClone, gitClone string, records, nrounds int, sh func(string, ...string) (time.Duration, error)) error {

	drafts := filepath.Join(tmp, "drafts")
	os.MkdirAll(drafts, 0o755)
	doc := func(n int, issuer string) string {
		return fmt.Sprintf("kind: document\nnumber: %d/TB-%s\ntype: TB\ndate: 2026-08-04\nissuer: %s\nsummary: Thông báo số %d\nrecipients: [VPTU]\n", n, issuer, issuer, n)
	}
	// The clone's caches (first-added times, committed numbers) are built once per clone, by `coord clone`
	// or the first `coord sync`: time that, from none.
	if err := os.RemoveAll(filepath.Join(coordClone, ".git", "coord")); err != nil {
		return err
	}
	prep, err := sh(coordClone, coord, "sync")
	if err != nil {
		return err
	}
	fmt.Printf("coord sync with no caches (builds them once per clone): %s\n", prep.Round(time.Millisecond))
	var tc, tl, tg []time.Duration
	start := time.Now().Unix()
	for i := 0; i < nrounds; i++ {
		// Each method starts from a clone that is up to date (brought there untimed), so that each timed
		// push is a fast-forward, as for a clerk alone on the server.
		n := 100000 + int(start%1000000)*10 + i // fresh numbers: a rerun on a kept folder must not resubmit a number
		// (a) coord submit: validation with every rule over the whole repo, placement, commit, push.
		if _, err := sh(coordClone, coord, "sync"); err != nil {
			return err
		}
		draft := filepath.Join(drafts, fmt.Sprintf("%d-TB-VPUBND.yaml", n))
		os.WriteFile(draft, []byte(doc(n, "VPUBND")), 0o644)
		d, err := sh(coordClone, coord, "submit", draft)
		if err != nil {
			return err
		}
		tc = append(tc, d)
		// (b) the git layer alone: gitrepo.Submit of the same kind of file.
		if _, err := gitrepo.Sync(context.Background(), libClone, gitrepo.SyncOptions{}); err != nil {
			return err
		}
		p := fmt.Sprintf("documents/2026/VPDBHD/%d-TB-VPDBHD.yaml", n)
		t := time.Now()
		res, err := gitrepo.Submit(context.Background(), libClone, gitrepo.Submission{
			Files: map[string][]byte{p: []byte(doc(n, "VPDBHD"))}, Name: "Bench", Email: "bench@example.vn",
			Message: gitrepo.Message("document(VPDBHD): x", [][2]string{{"Coord-Kind", "document"}})})
		if err != nil {
			return err
		}
		if !res.Pushed || res.Retries > 0 {
			return fmt.Errorf("library submission not a plain push: %+v", res)
		}
		tl = append(tl, time.Since(t))
		// (c) the git CLI: add, commit, push of the same kind of file.
		if _, err := sh(gitClone, "git", "pull", "-q", "--rebase", "origin", "main"); err != nil {
			return err
		}
		p = fmt.Sprintf("documents/2026/VPTU/%d-TB-VPTU.yaml", n)
		full := filepath.Join(gitClone, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		t = time.Now()
		os.WriteFile(full, []byte(doc(n, "VPTU")), 0o644)
		for _, c := range [][]string{{"git", "add", p}, {"git", "commit", "-q", "-m", "document(VPTU): x"}, {"git", "push", "-q", "origin", "HEAD:main"}} {
			if _, err := sh(gitClone, c...); err != nil {
				return err
			}
		}
		tg = append(tg, time.Since(t))
		fmt.Printf("round %d: coord %s, git layer %s, git CLI %s\n", i+1, tc[i].Round(time.Millisecond), tl[i].Round(time.Millisecond), tg[i].Round(time.Millisecond))
	}
	mc, ml, mg := median(tc), median(tl), median(tg)
	fmt.Printf("records: %d (one commit each), rounds: %d\n", records, nrounds)
	fmt.Printf("coord submit (binary: validate + place + commit + push): median %s\n", mc.Round(time.Millisecond))
	fmt.Printf("git layer alone (gitrepo.Submit: commit + push):       median %s\n", ml.Round(time.Millisecond))
	fmt.Printf("git add && git commit && git push:                       median %s\n", mg.Round(time.Millisecond))
	fmt.Printf("ratio coord submit / git CLI: %.2f (target ≤ 1.5)\n", float64(mc)/float64(mg))
	fmt.Printf("ratio git layer / git CLI:    %.2f\n", float64(ml)/float64(mg))
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
