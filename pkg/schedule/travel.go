package schedule

import "github.com/coordvn/coord/pkg/record"

// Travel gives the minutes needed to go from one locality to another, from registry/places.yaml.
type Travel struct {
	centre map[string]int    // minutes to the provincial centre
	pairs  map[[2]string]int // explicit minutes between two localities, as written (from, to)
}

// NewTravel reads the localities' travel times.
func NewTravel(locs []record.Locality) *Travel {
	t := &Travel{centre: map[string]int{}, pairs: map[[2]string]int{}}
	for _, l := range locs {
		if l.Travel > 0 {
			t.centre[l.ID] = l.Travel
		}
		for to, m := range l.TravelTo {
			if m > 0 {
				t.pairs[[2]string{l.ID, to}] = m
			}
		}
	}
	return t
}

// Minutes between localities a and b: an explicit travel_to in either direction (a's own entry first), else
// the way through the provincial centre (the sum of both travel times); a missing time counts as 0. The same
// locality, or an unknown one, needs no time.
func (t *Travel) Minutes(a, b string) int {
	if a == b || a == "" || b == "" || t == nil {
		return 0
	}
	if m, ok := t.pairs[[2]string{a, b}]; ok {
		return m
	}
	if m, ok := t.pairs[[2]string{b, a}]; ok {
		return m
	}
	return t.centre[a] + t.centre[b]
}
