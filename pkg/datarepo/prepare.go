package datarepo

import (
	"fmt"

	"github.com/coordvn/coord/pkg/gitrepo"
)

// NumberYears is how far back a number's series can reach: a Party committee's term is five years.
const NumberYears = 5

// NumberFolders are the folders whose records a number of year y can share its series with: the documents
// and conclusions of y and of the five years before.
func NumberFolders(y int) []string {
	var out []string
	for d := y - NumberYears; d <= y; d++ {
		out = append(out, fmt.Sprintf("conclusions/%d", d), fmt.Sprintf("documents/%d", d))
	}
	return out
}

// NumbersAt returns the numbers committed on branch in folders whose sequence want accepts, from the
// clone's numbers cache (CommittedNumbers on the branch's tip).
func NumbersAt(root, branch string, folders []string, want func(seq int) bool) ([]NumberUse, error) {
	snap, err := gitrepo.OpenSnapshot(root, branch)
	if err != nil {
		return nil, err
	}
	defer snap.Close()
	return CommittedNumbers(snap, folders, want, nil)
}

// Prepare brings the clone's caches up to date (the first-added times of programmes, and the numbers of the
// documents and conclusions of year and the five before; year 0 skips them), so that the first submission
// after a clone or a sync pays nothing for ten years of history. `coord clone` and `coord sync` call it; a
// failure only leaves the work to the next submission.
func Prepare(root, branch string, year int) {
	_, _ = gitrepo.FirstAddedIn(root, branch, "programmes/")
	if year <= 0 {
		return
	}
	_, _ = NumbersAt(root, branch, NumberFolders(year), func(int) bool { return false })
}
