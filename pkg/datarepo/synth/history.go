package synth

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/workspace"
)

// WriteRepo writes what coordsynth writes: Write's n records and programmes, the example province's
// programmes of 2026-Q3, and the consolidated record of every quarter up to 2026-Q2 (a draft, as
// `coord merge` writes it). Deterministic from the seed.
func WriteRepo(dir string, n int, seed int64) error {
	if err := Write(dir, n, seed); err != nil {
		return err
	}
	if err := examples.WriteProvince(dir, "programmes/"); err != nil {
		return err
	}
	for _, start := range quarterStarts() {
		if name := quarterName(start); name < "2026-Q3" {
			if err := writeConsolidated(dir, name); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeConsolidated writes the consolidated record of a quarter, merged from its programmes.
func writeConsolidated(dir, name string) error {
	p, err := period.Parse(name)
	if err != nil {
		return err
	}
	asOf := func(loc *time.Location) (time.Time, error) { return p.Start(loc), nil }
	l, err := workspace.LoadPeriod(dir, p, nil, workspace.Options{AsOf: asOf})
	if err != nil {
		return err
	}
	res := consolidate.Consolidate(l.Ctx, p, nil, nil)
	data, err := consolidate.Encode(res.C)
	if err != nil {
		return err
	}
	return write(filepath.Join(dir, filepath.FromSlash(datarepo.ConsolidatedPath(p))), data)
}

// The clerks who submit each office's records (members in the example registry).
var clerks = map[string]string{
	"VPTU":   "Lê Thu Hà <ha.lt@vptu.example.vn>",
	"VPDBHD": "Phùng Thị Mai Anh <anh.ptm@vpdbhd.example.vn>",
	"VPUBND": "Hồ Thị Kim Liên <lien.htk@vpubnd.example.vn>",
}

var dateField = regexp.MustCompile(`(?m)^(?:date|issued|received): (\d{4}-\d{2}-\d{2})`)

// submission is when and by whom a file of the synthetic repo was submitted: the settings and registry first
// (the repo's start), a programme five days before its quarter's deadline, a consolidated record in the
// quarter's first week by the coordinating office, a document, conclusion or petition at 9:00 on its date.
func submission(rel string, data []byte) (time.Time, string) {
	ict := time.FixedZone("ICT", 7*3600)
	parts := strings.Split(rel, "/")
	office := "VPTU"
	switch parts[0] {
	case "programmes":
		p, err := period.FromName(parts[1], parts[2])
		if err != nil {
			break
		}
		return p.Start(ict).AddDate(0, 0, -15).Add(9 * time.Hour), clerks[strings.TrimSuffix(parts[3], ".yaml")]
	case "consolidated":
		p, err := period.FromName(parts[1], strings.TrimSuffix(parts[2], ".yaml"))
		if err != nil {
			break
		}
		return p.Start(ict).AddDate(0, 0, 3).Add(15 * time.Hour), clerks["VPTU"]
	case "documents", "conclusions", "petitions":
		if len(parts) > 2 && clerks[parts[2]] != "" {
			office = parts[2]
		}
		if m := dateField.FindSubmatch(data); m != nil {
			if d, err := time.ParseInLocation("2006-01-02", string(m[1]), ict); err == nil {
				return d.Add(9 * time.Hour), clerks[office]
			}
		}
	}
	return time.Date(2016, 12, 1, 8, 0, 0, 0, ict), clerks["VPTU"]
}

// History makes the folder dir, written by WriteRepo, a git repository whose main branch holds its files
// as ten years of submissions left them: the settings and registry in a first commit, then one commit per
// record at its submission time (submission), by a clerk of its office, oldest first. It runs `git
// fast-import` (much faster than a commit at a time), so the same files give the same commits. env is the git
// commands' environment.
func History(dir string, env []string) error {
	if out, err := gitIn(dir, env, "init", "-q", "-b", "main"); err != nil {
		return fmt.Errorf("git init: %v\n%s", err, out)
	}
	if err := importTo(dir, dir, env); err != nil {
		return err
	}
	if out, err := gitIn(dir, env, "reset", "-q"); err != nil { // the index, from the commit just made
		return fmt.Errorf("git reset: %v\n%s", err, out)
	}
	return nil
}

func gitIn(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, env
	return cmd.CombinedOutput()
}

// importTo commits every file under dir to main of the repository at repo (a bare repository, or dir itself)
// through git fast-import, as History says.
func importTo(dir, repo string, env []string) error {
	type file struct {
		rel  string
		at   time.Time
		who  string
		root bool // settings and registry: the first commit
	}
	var files []file
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		at, who := submission(rel, b)
		files = append(files, file{rel: rel, at: at, who: who, root: !strings.Contains(rel, "/") || strings.HasPrefix(rel, "registry/")})
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i], files[j]
		if a.root != b.root {
			return a.root
		}
		if !a.at.Equal(b.at) {
			return a.at.Before(b.at)
		}
		return a.rel < b.rel
	})
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir, cmd.Env = repo, env
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	w := bufio.NewWriterSize(in, 1<<20)
	var werr error
	for i := 0; i < len(files) && werr == nil; {
		j := i + 1
		if files[i].root {
			for j < len(files) && files[j].root {
				j++
			}
		}
		f := files[i]
		msg := "record " + f.rel + "\n"
		if f.root {
			msg = "Khởi tạo kho dữ liệu\n"
		}
		fmt.Fprintf(w, "commit refs/heads/main\nauthor %s %d +0700\ncommitter %s %d +0700\ndata %d\n%s",
			f.who, f.at.Unix(), f.who, f.at.Unix(), len(msg), msg)
		for _, g := range files[i:j] {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(g.rel)))
			if err != nil {
				werr = err
				break
			}
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", g.rel, len(b))
			w.Write(b)
			w.WriteString("\n")
		}
		i = j
	}
	if werr == nil {
		werr = w.Flush()
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %v\n%s", err, stderr.String())
	}
	return werr
}
