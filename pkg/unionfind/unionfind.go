// Package unionfind joins items into sets pair by pair and says which set an item is in: the grouping of
// conflicts into clusters (pkg/schedule) and of petitions into one person's matters (pkg/petition).
package unionfind

// Sets are the items 0 to n-1, each in its own set until joined (a disjoint-set forest, paths halved as they
// are walked).
type Sets []int

// New is n items, each alone.
func New(n int) Sets {
	s := make(Sets, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// Find is the representative of i's set: the same for every item of the set.
func (s Sets) Find(i int) int {
	for s[i] != i {
		s[i] = s[s[i]]
		i = s[i]
	}
	return i
}

// Union joins the sets of i and j.
func (s Sets) Union(i, j int) { s[s.Find(i)] = s.Find(j) }
