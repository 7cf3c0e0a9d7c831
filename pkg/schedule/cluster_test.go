package schedule

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

func describeClusters(s *Set, cs []Cluster) []string {
	var out []string
	for _, c := range cs {
		ids := []string{s.Groups[s.Events[c.Mover].Group].ID}
		for _, e := range c.Events {
			if e != c.Mover {
				ids = append(ids, s.Groups[s.Events[e].Group].ID)
			}
		}
		out = append(out, c.Subject()+" "+strings.Join(ids, " "))
	}
	return out
}

func TestClusters(t *testing.T) {
	five := func(opt string) []it {
		var items []it
		for i, o := range []string{"VPTU", "VPDBHD", "VPUBND", "VPUBND", "VPDBHD"} {
			items = append(items, it{o, fmt.Sprintf("x%d", i), "2026-07-21 14:00-17:00", []string{opt}})
		}
		return items
	}
	cases := []struct {
		name  string
		items []it
		kind  Kind
		want  []string
	}{
		{"five in one slot: one cluster, the mover (the last office's last item) first", five("chair=long"), KindPerson,
			[]string{"person:long VPUBND.x3 VPTU.x0 VPDBHD.x1 VPDBHD.x4 VPUBND.x2"}},
		{"five in one hall", five("place=hoi-truong-ubnd"), KindVenue,
			[]string{"place:hoi-truong-ubnd VPUBND.x3 VPTU.x0 VPDBHD.x1 VPDBHD.x4 VPUBND.x2"}},
		{"a chain is one cluster", []it{
			{"VPTU", "a", "2026-07-21 08:00-10:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 09:00-11:00", []string{"chair=long"}},
			{"VPDBHD", "c", "2026-07-21 10:30-12:00", []string{"chair=long"}},
		}, KindPerson, []string{"person:long VPDBHD.c VPTU.a VPUBND.b"}},
		{"back to back breaks the chain", []it{
			{"VPTU", "a", "2026-07-21 08:00-10:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 09:00-10:30", []string{"chair=long"}},
			{"VPDBHD", "c", "2026-07-21 10:30-12:00", []string{"chair=long"}},
			{"VPDBHD", "d", "2026-07-21 11:00-12:00", []string{"chair=long"}},
		}, KindPerson, []string{"person:long VPUBND.b VPTU.a", "person:long VPDBHD.d VPDBHD.c"}},
		{"a long event holds the run together", []it{
			{"VPTU", "a", "2026-07-21 07:30-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 08:00-09:00", []string{"chair=long"}},
			{"VPDBHD", "c", "2026-07-21 15:00-16:00", []string{"chair=long"}},
		}, KindPerson, []string{"person:long VPDBHD.c VPTU.a VPUBND.b"}},
		{"the parts of one joint event do not clash with each other", []it{
			{"VPTU", "j", "2026-07-21 08:00-10:00", []string{"chair=long", "joint=k"}},
			{"VPUBND", "j", "2026-07-21 09:00-11:00", []string{"chair=long", "joint=k"}},
		}, KindPerson, nil},
		{"a joint event's two parts and a third event", []it{
			{"VPTU", "j", "2026-07-21 08:00-10:00", []string{"chair=long", "joint=k"}},
			{"VPUBND", "j", "2026-07-21 09:00-11:00", []string{"chair=long", "joint=k"}},
			{"VPDBHD", "c", "2026-07-21 10:30-12:00", []string{"chair=long"}},
		}, KindPerson, []string{"person:long VPDBHD.c joint.k"}},
		{"not a person or venue kind", five("chair=long"), KindTravel, nil},
	}
	for _, c := range cases {
		s := build(c.items, "VPTU")
		got := describeClusters(s, s.Clusters(c.kind, nil))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
	// A pair is the conflict Detect reports, mover included.
	s := build([]it{
		{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
		{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long"}},
	}, "VPTU")
	cl := s.Clusters(KindPerson, nil)
	pair, ok := cl[0].Pair()
	if d := s.Detect(KindPerson, nil); len(cl) != 1 || !ok || len(d) != 1 || pair != d[0] {
		t.Errorf("pair %+v %v, Detect %+v", pair, ok, d)
	}
	// include leaves events out: without the mover, the rest of the five still clash.
	s = build(five("chair=long"), "VPTU")
	mover := s.Clusters(KindPerson, nil)[0].Mover
	got := describeClusters(s, s.Clusters(KindPerson, func(ev int) bool { return ev != mover }))
	if want := []string{"person:long VPUBND.x2 VPTU.x0 VPDBHD.x1 VPDBHD.x4"}; !slices.Equal(got, want) {
		t.Errorf("without the mover: %q, want %q", got, want)
	}
}

// components of the pairs Detect reports, per subject: what Clusters must find without the pairs.
func pairComponents(s *Set, k Kind, include func(int) bool) []string {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if parent[x] == "" || parent[x] == x {
			parent[x] = x
			return x
		}
		r := find(parent[x])
		parent[x] = r
		return r
	}
	for _, c := range s.Detect(k, nil) {
		if include != nil && (!include(c.A) || !include(c.B)) {
			continue
		}
		a, b := fmt.Sprintf("%s|%d", c.Subject(), c.A), fmt.Sprintf("%s|%d", c.Subject(), c.B)
		parent[find(a)] = find(b)
	}
	comp := map[string][]int{}
	for x := range parent {
		subj, ev, _ := strings.Cut(x, "|")
		var e int
		fmt.Sscan(ev, &e)
		r := find(x)
		comp[subj+"|"+r] = append(comp[subj+"|"+r], e)
	}
	var out []string
	for key, evs := range comp {
		subj, _, _ := strings.Cut(key, "|")
		sort.Ints(evs)
		out = append(out, fmt.Sprint(subj, evs))
	}
	sort.Strings(out)
	return out
}

func clusterSets(cs []Cluster) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprint(c.Subject(), c.Events))
	}
	sort.Strings(out)
	return out
}

// Clusters are exactly the connected components of Detect's pairs, on random schedules with joint events
// whose parts disagree (one group, several events), with and without events left out; and the mover of a
// pair is Detect's.
func TestClustersAreComponentsOfPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	offices := []string{"VPTU", "VPDBHD", "VPUBND"}
	for round := 0; round < 200; round++ {
		var items []it
		for i := 0; i < 5+r.IntN(40); i++ {
			h := 7 + r.IntN(9)
			m := []string{"00", "30"}[r.IntN(2)]
			d := 1 + r.IntN(3)
			w := fmt.Sprintf("2026-07-2%d %02d:%s-%02d:%s", d, h, m, h+1+r.IntN(3), m)
			if r.IntN(8) == 0 {
				w = fmt.Sprintf("2026-07-2%d %s", d, []string{"sáng", "chiều"}[r.IntN(2)])
			}
			opts := []string{"chair=" + []string{"an", "binh", "chi"}[r.IntN(3)]}
			if r.IntN(2) == 0 {
				opts = append(opts, "place="+[]string{"hoi-truong-tinh-uy", "hoi-truong-ubnd"}[r.IntN(2)])
			}
			if r.IntN(4) == 0 {
				opts = append(opts, fmt.Sprintf("joint=k%d", r.IntN(4)))
			}
			items = append(items, it{offices[r.IntN(3)], fmt.Sprintf("i%d", i), w, opts})
		}
		s := build(items, "VPTU")
		skip := r.IntN(len(s.Events) + 1)
		for _, include := range []func(int) bool{nil, func(ev int) bool { return ev != skip }} {
			for _, k := range []Kind{KindPerson, KindVenue} {
				cl := s.Clusters(k, include)
				if got, want := clusterSets(cl), pairComponents(s, k, include); !slices.Equal(got, want) {
					t.Fatalf("round %d kind %d:\n got %v\nwant %v", round, k, got, want)
				}
				for _, c := range cl {
					if p, ok := c.Pair(); ok && !slices.ContainsFunc(s.Detect(k, nil), func(d Conflict) bool { return d == p }) {
						t.Fatalf("round %d: pair %+v is not Detect's", round, p)
					}
				}
			}
		}
	}
}

// BenchmarkClustersPersonDense groups the person clashes of 10,000 events with thousands of conflicting
// pairs (make bench runs every benchmark of the package).
func BenchmarkClustersPersonDense(b *testing.B) {
	s := benchSet(b, true)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Clusters(KindPerson, nil)
	}
}

// Five items in one slot are ten conflicts; with no free slot left in the period, each item to move gets one
// proposal saying so, not one per conflict.
func TestSuggestOnePerItem(t *testing.T) {
	var items []it
	for i := 0; i < 5; i++ {
		items = append(items, it{[]string{"VPTU", "VPDBHD", "VPUBND"}[i%3], fmt.Sprintf("x%d", i), "2026-07-21 chiều", []string{"chair=long"}})
	}
	s := build(items, "VPTU")
	cal := calendar("2026-07-21 00:00")
	cal.To = cal.NotBefore.AddDate(0, 0, 1) // the day itself: its afternoon is taken, its morning is another shape
	conflicts := s.Detect(KindPerson, nil)
	props := Suggest(s, conflicts, nil, cal)
	seen := map[int]bool{}
	for _, p := range props {
		if seen[p.Group] || p.Found {
			t.Errorf("proposal %+v (repeated or found)", p)
		}
		seen[p.Group] = true
	}
	if len(conflicts) != 10 || len(props) != 4 {
		t.Errorf("%d conflicts, %d proposals; want 10 and 4", len(conflicts), len(props))
	}
}
