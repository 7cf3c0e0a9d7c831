package petition

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// NextID is the next free petition id of an office for a year in the data repo at root: the office code,
// the year and the number after the highest one in petitions/<year>/<OFFICE>/, on six digits
// (VPUBND-2026-000124).
func NextID(root, office string, year int) string {
	dir := filepath.Join(root, "petitions", strconv.Itoa(year), office)
	max := 0
	entries, _ := os.ReadDir(dir)
	prefix := fmt.Sprintf("%s-%d-", office, year)
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".yaml")
		if n, err := strconv.Atoi(strings.TrimPrefix(name, prefix)); err == nil && strings.HasPrefix(name, prefix) && n > max {
			max = n
		}
	}
	return fmt.Sprintf("%s%06d", prefix, max+1)
}
