package synth

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"

	"github.com/coordvn/coord/examples"
)

// WriteQuarter writes into dir the example province's settings, offices, places and holidays, people leaders,
// and the 2026-Q3 programmes of the three offices holding items items in all: the scale the README's benchmarks measure
// ("merges a quarter of 10,000 items in well under a second"). Leaders are booked like real ones, about two
// events a working day in four slots, halls of the provincial centre booked once per slot, field trips to
// communes within two hours of the centre taking a morning, one item in a hundred with a double-booked
// leader, coarse items (a month) mostly naming nobody yet, and twenty joint events. Deterministic.
func WriteQuarter(dir string, items, people int) error {
	var werr error
	put := func(name, data string) {
		if werr == nil {
			werr = write(filepath.Join(dir, filepath.FromSlash(name)), []byte(data))
		}
	}
	for _, name := range []string{"coord.yaml", "registry/offices.yaml", "registry/places.yaml", "registry/holidays.yaml"} {
		data, err := fs.ReadFile(examples.Province, "province/"+name)
		if err != nil {
			return err
		}
		put(name, string(data))
	}
	var sb strings.Builder
	sb.WriteString("kind: people\npeople:\n")
	for i := 0; i < people; i++ {
		fmt.Fprintf(&sb, "  - {id: lanh-dao-%03d, name: Lãnh đạo %03d, positions: [{title: Lãnh đạo, body: UBND}]}\n", i, i)
	}
	put("registry/people.yaml", sb.String())

	r := rand.New(rand.NewPCG(7, 11))
	loc := time.FixedZone("ICT", 7*3600)
	var days []time.Time
	for d := time.Date(2026, 7, 1, 0, 0, 0, 0, loc); d.Month() < 10; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday && !(d.Month() == 9 && d.Day() <= 2) {
			days = append(days, d)
		}
	}
	slots := []string{"07:30-09:30", "09:30-11:30", "13:30-15:30", "15:30-17:00"}
	busy := make([][]bool, people)
	for i := range busy {
		busy[i] = make([]bool, len(days)*4)
	}
	venues := []string{"hoi-truong-tinh-uy", "hoi-truong-b-tinh-uy", "hoi-truong-ubnd", "hoi-truong-hdnd", "phong-hop-ubnd-so-1",
		"phong-hop-ubnd-so-2", "phong-hop-tt-hdnd", "Phòng họp BTV Tỉnh uỷ"} // the last one: an alias, free text
	venueBusy := map[string][]bool{}
	localities := []string{"phuong-bien-hoa", "phuong-tam-hiep", "phuong-long-binh", "phuong-ho-nai", "phuong-phuoc-tan", "xa-trang-bom",
		"xa-long-thanh", "xa-nhon-trach", "phuong-long-khanh", "xa-xuan-loc", "xa-dinh-quan"}
	offices := []string{"VPTU", "VPDBHD", "VPUBND"}
	bodies := map[string]string{"VPTU": "BTV-TU", "VPDBHD": "TT-HDND", "VPUBND": "UBND"}
	files := make([]strings.Builder, len(offices))
	for i, o := range offices {
		fmt.Fprintf(&files[i], "kind: programme\noffice: %s\nperiod: 2026-Q3\nitems:\n", o)
	}
	free := func(s []bool, first, k int) bool {
		for i := first; i < first+k; i++ {
			if s[i] {
				return false
			}
		}
		return true
	}
	take := func(s []bool, first, k int) {
		for i := first; i < first+k; i++ {
			s[i] = true
		}
	}
	for n := 0; n < items; n++ {
		o := n % len(offices)
		d := r.IntN(len(days))
		date := days[d].Format("2006-01-02")
		var when string
		first, k := 0, 1
		trip := false
		switch x := r.IntN(20); {
		case x == 0:
			when = fmt.Sprintf("2026-%02d", 7+r.IntN(3)) // coarse: "some time in August"
			k = 0
		case x < 2: // a field trip to a commune takes the morning
			when, first, k, trip = date+" sáng", 0, 2, true
		case x < 5:
			when, first, k = date+" chiều", 2, 2
		default:
			s := r.IntN(4)
			when, first = date+" "+slots[s], s
		}
		first += d * 4
		pick := func() string {
			for try := 0; try < 30; try++ {
				p := r.IntN(people)
				if k == 0 || free(busy[p], first, k) {
					if k > 0 {
						take(busy[p], first, k)
					}
					return fmt.Sprintf("lanh-dao-%03d", p)
				}
			}
			return ""
		}
		w := &files[o]
		fmt.Fprintf(w, "  - id: muc-%05d\n    title: Sự kiện số %d của %s\n    when: %s\n", n, n, offices[o], when)
		kind := "meeting"
		if trip {
			kind = "field-trip"
		}
		fmt.Fprintf(w, "    kind: %s\n    bodies: [%s]\n", kind, bodies[offices[o]])
		v := venues[r.IntN(len(venues))]
		if venueBusy[v] == nil {
			venueBusy[v] = make([]bool, len(days)*4)
		}
		// events are held in the halls of the provincial centre, field trips in communes
		switch {
		case trip || k == 0:
			fmt.Fprintf(w, "    locality: %s\n", localities[r.IntN(len(localities))])
		case free(venueBusy[v], first, k):
			take(venueBusy[v], first, k)
			fmt.Fprintf(w, "    place: %s\n", v)
		default:
			fmt.Fprintf(w, "    place: Phòng họp đơn vị\n") // free text: no venue rule
		}
		if k == 0 && r.IntN(4) > 0 {
			continue // most coarse items name nobody yet (a quarter programme's "in August, an inspection")
		}
		if c := pick(); c != "" {
			fmt.Fprintf(w, "    chair: [%s]\n", c)
		}
		var att []string
		for a := r.IntN(3); a > 0; a-- {
			if p := pick(); p != "" {
				att = append(att, p)
			}
		}
		if r.IntN(100) == 0 { // a double booking
			att = append(att, fmt.Sprintf("lanh-dao-%03d", r.IntN(people)))
		}
		if len(att) > 0 {
			fmt.Fprintf(w, "    attendees: [%s]\n", strings.Join(att, ", "))
		}
	}
	// joint events: the same key in all three programmes
	for j := 0; j < 20; j++ {
		date := days[r.IntN(len(days))].Format("2006-01-02")
		for i, o := range offices {
			fmt.Fprintf(&files[i], "  - id: phoi-hop-%02d\n    title: Giao ban phối hợp %d\n    when: %s 17:00-18:00\n    kind: liaison\n    bodies: [%s]\n    joint: phoi-hop-%02d\n",
				j, j, date, bodies[o], j)
		}
	}
	for i, o := range offices {
		put("programmes/2026/Q3/"+o+".yaml", files[i].String())
	}
	return werr
}
