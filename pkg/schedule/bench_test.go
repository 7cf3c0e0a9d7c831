package schedule

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
)

// synthetic returns a quarter's programmes of three offices with n items in all over people leaders, as
// `coord merge` sees them at the scale the README's benchmarks measure. Leaders are booked like real ones — about two
// events a working day, in four slots (two per session) — and dense adds double bookings on purpose: with
// dense false about one item in a hundred conflicts, with dense true people are drawn at random and
// thousands of pairs conflict.
func synthetic(n, people int, dense bool) []Source {
	r := rand.New(rand.NewPCG(1, 2))
	offices := []string{"VPTU", "VPDBHD", "VPUBND"}
	srcs := make([]Source, len(offices))
	for i, o := range offices {
		srcs[i] = Source{File: "programmes/2026/Q3/" + o + ".yaml", Office: o}
	}
	var workdays []time.Time
	for d := time.Date(2026, 7, 1, 0, 0, 0, 0, ict); d.Month() < 10; d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			workdays = append(workdays, d)
		}
	}
	slots := [4]string{"07:30-09:30", "09:30-11:30", "13:30-15:30", "15:30-17:00"}
	busy := make([][]bool, people) // person -> day*4+slot
	for i := range busy {
		busy[i] = make([]bool, len(workdays)*4)
	}
	venues := []string{"hoi-truong-tinh-uy", "hoi-truong-ubnd", "nha-van-hoa-xa", "co-so-2"}
	venueBusy := make([][]bool, len(venues))
	for i := range venueBusy {
		venueBusy[i] = make([]bool, len(workdays)*4)
	}
	free := func(b []bool, first, k int) bool {
		for s := first; s < first+k; s++ {
			if b[s] {
				return false
			}
		}
		return true
	}
	take := func(b []bool, first, k int) {
		for s := first; s < first+k; s++ {
			b[s] = true
		}
	}
	for i := 0; i < n; i++ {
		d := r.IntN(len(workdays))
		date := workdays[d].Format("2006-01-02")
		var w string
		var first, k int
		switch x := r.IntN(10); {
		case x == 0:
			w, first, k = date+" sáng", 0, 2
		case x == 1:
			w, first, k = date+" chiều", 2, 2
		default:
			s := r.IntN(4)
			w, first, k = date+" "+slots[s], s, 1
		}
		first += d * 4
		pick := func() string {
			for try := 0; try < 40; try++ {
				p := r.IntN(people)
				if dense || free(busy[p], first, k) {
					take(busy[p], first, k)
					return fmt.Sprintf("p%03d", p)
				}
			}
			return ""
		}
		it := record.Item{ID: fmt.Sprintf("item-%05d", i), Title: "Sự kiện", When: w, Kind: "meeting", Bodies: []string{"UBND"}}
		if c := pick(); c != "" {
			it.Chair = []string{c}
		}
		for a := r.IntN(3); a > 0; a-- {
			if p := pick(); p != "" {
				it.Attendees = append(it.Attendees, p)
			}
		}
		if !dense && r.IntN(100) == 0 { // a planted double booking
			it.Attendees = append(it.Attendees, fmt.Sprintf("p%03d", r.IntN(people)))
		}
		if v := r.IntN(len(venues)); r.IntN(3) == 0 && (dense || free(venueBusy[v], first, k)) {
			take(venueBusy[v], first, k)
			it.Place = venues[v]
		} else {
			it.Locality = fmt.Sprintf("xa-%02d", r.IntN(40))
		}
		if r.IntN(20) == 0 {
			it.Kind = "field-trip"
		}
		srcs[i%len(offices)].Items = append(srcs[i%len(offices)].Items, it)
	}
	return srcs
}

func benchSet(b *testing.B, dense bool) *Set {
	b.Helper()
	srcs := synthetic(10000, 300, dense)
	pol := when.DefaultPolicy(ict)
	cache := map[string]when.Span{}
	r := testResolver()
	r.Span = func(s string) (when.Span, error) {
		if sp, ok := cache[s]; ok {
			return sp, nil
		}
		sp, err := when.Parse(s, pol)
		cache[s] = sp
		return sp, err
	}
	return MergeJoint(srcs, r, Options{Prefer: "VPTU"})
}

// BenchmarkDetectPerson is the overlap detection of the largest rule: 10,000 events, 300 people, booked
// like real leaders (a hundred or so conflicts).
func BenchmarkDetectPerson(b *testing.B) { benchDetectPerson(b, false) }

// BenchmarkDetectPersonDense is the same with people drawn at random: thousands of conflicts to report.
func BenchmarkDetectPersonDense(b *testing.B) { benchDetectPerson(b, true) }

func benchDetectPerson(b *testing.B, dense bool) {
	s := benchSet(b, dense)
	b.ResetTimer()
	var found int
	for i := 0; i < b.N; i++ {
		found = len(s.Detect(KindPerson, nil))
	}
	b.ReportMetric(float64(len(s.Events))*float64(b.N)/b.Elapsed().Seconds(), "items/s")
	b.ReportMetric(float64(found), "conflicts")
}

// BenchmarkDetectAll runs every kind of detection over the same events.
func BenchmarkDetectAll(b *testing.B) {
	s := benchSet(b, false)
	tr := NewTravel(nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, k := range []Kind{KindPerson, KindVenue, KindLocality, KindTravel, KindTentative} {
			s.Detect(k, tr)
		}
	}
	b.ReportMetric(float64(len(s.Events))*float64(b.N)/b.Elapsed().Seconds(), "items/s")
}

// BenchmarkMergeJoint is the grouping of 10,000 items (spans cached, as the rules context does).
func BenchmarkMergeJoint(b *testing.B) {
	srcs := synthetic(10000, 300, false)
	pol := when.DefaultPolicy(ict)
	cache := map[string]when.Span{}
	r := testResolver()
	r.Span = func(s string) (when.Span, error) {
		if sp, ok := cache[s]; ok {
			return sp, nil
		}
		sp, err := when.Parse(s, pol)
		cache[s] = sp
		return sp, err
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		MergeJoint(srcs, r, Options{Prefer: "VPTU"})
	}
	b.ReportMetric(10000*float64(b.N)/b.Elapsed().Seconds(), "items/s")
}
