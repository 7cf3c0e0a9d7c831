package gitrepo

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/go-git/go-git/v5/plumbing"
)

// Caches: what coord derives from the history and keeps in the clone's git folder (.git/coord/), never in
// the data repo. Each can be deleted at any time; it is rebuilt from the history on the next run.

// CacheDir returns the folder of the clone at root where coord keeps its caches (.git/coord).
func CacheDir(root string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", newErr(ErrNotRepo, "git.not_repo", root)
	}
	gitDir, err := findGitDir(abs)
	if err != nil {
		return "", err
	}
	return filepath.Join(gitDir, "coord"), nil
}

func (r *Repo) cachePath(name string) string { return filepath.Join(r.gitDir, "coord", name) }

// timesCache is a first-added cache: the branch tip it was computed at, and the times.
type timesCache struct {
	tip   plumbing.Hash
	times map[string]time.Time
}

const timesHeader = "coord first-added v1"

// readTimes reads a first-added cache; a missing or unreadable one is empty.
func readTimes(path string) timesCache {
	c := timesCache{times: map[string]time.Time{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	if !sc.Scan() || sc.Text() != timesHeader || !sc.Scan() {
		return c
	}
	tip, ok := strings.CutPrefix(sc.Text(), "tip ")
	if !ok || len(tip) != 40 {
		return c
	}
	times := map[string]time.Time{}
	for sc.Scan() {
		secs, p, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.ParseInt(secs, 10, 64)
		if !ok || err != nil || p == "" {
			return c // damaged: start again
		}
		times[p] = time.Unix(n, 0)
	}
	if sc.Err() != nil {
		return c
	}
	return timesCache{tip: plumbing.NewHash(tip), times: times}
}

// writeTimes writes a first-added cache atomically.
func writeTimes(path string, c timesCache) error {
	paths := make([]string, 0, len(c.times))
	for p := range c.times {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\ntip %s\n", timesHeader, c.tip)
	for _, p := range paths {
		fmt.Fprintf(&b, "%d %s\n", c.times[p].Unix(), p)
	}
	return fsutil.WriteAtomic(path, b.Bytes(), 0o644, false)
}
