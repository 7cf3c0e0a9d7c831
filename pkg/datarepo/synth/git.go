package synth

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Import commits every file under dir to main of the bare repo through `git fast-import` (one pack, no
// index: much faster than git add for 100,000 files): the registry and settings in a first commit, then one
// commit per record, an hour apart, as ten years of clerks' submissions would leave the history.
func Import(dir, bare string, env []string) error {
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir, cmd.Env = bare, env
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
	var files []string
	werr := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	// Settings and registry first; then the records, in path order.
	sort.SliceStable(files, func(i, j int) bool {
		ri, rj := !strings.Contains(files[i], "/") || strings.HasPrefix(files[i], "registry/"), !strings.Contains(files[j], "/") || strings.HasPrefix(files[j], "registry/")
		return ri && !rj
	})
	when := time.Date(2016, 12, 1, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600)).Unix()
	head := true
	for i := 0; i < len(files) && werr == nil; {
		j := i + 1
		if head {
			for j < len(files) && (!strings.Contains(files[j], "/") || strings.HasPrefix(files[j], "registry/")) {
				j++
			}
			head = false
		}
		msg := "record " + files[i] + "\n"
		fmt.Fprintf(w, "commit refs/heads/main\ncommitter Bench <bench@example.vn> %d +0700\ndata %d\n%s", when, len(msg), msg)
		for _, rel := range files[i:j] {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			if err != nil {
				werr = err
				break
			}
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", rel, len(b))
			w.Write(b)
			w.WriteString("\n")
		}
		when += 3600
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
