package schedule

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/when"
)

var ict = time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)

// venues of the tests: id -> locality, and their names for free-text places.
var testVenues = map[string]string{
	"hoi-truong-tinh-uy": "phuong-tran-bien",
	"hoi-truong-ubnd":    "phuong-tran-bien",
	"nha-van-hoa-xa":     "xa-xuan-loc",
	"co-so-2":            "phuong-binh-phuoc",
}

func testResolver() Resolver {
	pol := when.DefaultPolicy(ict)
	m := vntext.NewMatcher()
	m.Add("hoi-truong-tinh-uy", "Hội trường Tỉnh ủy", "Hội trường A Tỉnh ủy")
	m.Add("hoi-truong-ubnd", "Hội trường UBND tỉnh", "Hội trường Ủy ban nhân dân tỉnh")
	m.Add("nha-van-hoa-xa", "Nhà văn hóa xã Xuân Lộc")
	m.Add("co-so-2", "Cơ sở 2 Tỉnh ủy")
	return Resolver{
		Span: func(s string) (when.Span, error) { return when.Parse(s, pol) },
		Venue: func(p string) (string, bool) {
			if _, ok := testVenues[p]; ok {
				return p, true
			}
			return m.Lookup(p)
		},
		VenueLocality: func(v string) string { return testVenues[v] },
	}
}

// it is a test item: office, id, when, then key=value options (chair=a,b attendees=… place=… joint=…
// kind=… bodies=… locality=…).
type it struct {
	office, id, when string
	opts             []string
}

func build(items []it, prefer string) *Set {
	var srcs []Source
	idx := map[string]int{}
	for _, x := range items {
		i, ok := idx[x.office]
		if !ok {
			i = len(srcs)
			idx[x.office] = i
			srcs = append(srcs, Source{File: "programmes/2026/Q3/" + x.office + ".yaml", Office: x.office})
		}
		ri := record.Item{ID: x.id, Title: "Sự kiện " + x.id, When: x.when, Kind: "meeting", Bodies: []string{"UBND"}}
		for _, o := range x.opts {
			k, v, _ := strings.Cut(o, "=")
			list := strings.Split(v, ",")
			switch k {
			case "chair":
				ri.Chair = list
			case "att":
				ri.Attendees = list
			case "place":
				ri.Place = v
			case "joint":
				ri.Joint = v
			case "kind":
				ri.Kind = v
			case "bodies":
				ri.Bodies = list
			case "locality":
				ri.Locality = v
			}
		}
		srcs[i].Items = append(srcs[i].Items, ri)
	}
	return MergeJoint(srcs, testResolver(), Options{Prefer: prefer})
}

func describeAll(s *Set, cs []Conflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, s.Describe(c))
	}
	return out
}

var travelTable = NewTravel([]record.Locality{
	{ID: "phuong-tran-bien"},
	{ID: "phuong-binh-phuoc", Travel: 120, TravelTo: map[string]int{"xa-bu-dang": 110}},
	{ID: "xa-bu-dang", Travel: 230},
	{ID: "xa-xuan-loc", Travel: 100},
	{ID: "xa-long-thanh", Travel: 45},
})

func TestDetect(t *testing.T) {
	cases := []struct {
		name  string
		items []it
		kind  Kind
		want  []string
	}{
		{"person overlap", []it{
			{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long"}},
		}, KindPerson, []string{"person:long VPUBND.b VPTU.a"}},
		{"one pair per shared person, nothing for the others", []it{
			{"VPUBND", "a", "2026-07-21 08:00-10:00", []string{"chair=an", "att=binh,chi"}},
			{"VPDBHD", "b", "2026-07-21 09:00-11:00", []string{"chair=binh", "att=chi,dung"}},
		}, KindPerson, []string{"person:binh VPDBHD.b VPUBND.a", "person:chi VPDBHD.b VPUBND.a"}},
		{"back to back is no overlap", []it{
			{"VPTU", "a", "2026-07-06 08:00-09:30", []string{"chair=an", "place=hoi-truong-tinh-uy"}},
			{"VPTU", "b", "2026-07-06 09:30-11:00", []string{"chair=an", "place=hoi-truong-tinh-uy"}},
		}, KindPerson, nil},
		{"back to back, venue", []it{
			{"VPTU", "a", "2026-07-06 08:00-09:30", []string{"chair=an", "place=hoi-truong-tinh-uy"}},
			{"VPTU", "b", "2026-07-06 09:30-11:00", []string{"chair=an", "place=hoi-truong-tinh-uy"}},
		}, KindVenue, nil},
		{"session against interval", []it{
			{"VPTU", "a", "2026-08-19 sáng", []string{"chair=tuan"}},
			{"VPDBHD", "b", "2026-08-19 08:00-10:30", []string{"chair=tuan"}},
		}, KindPerson, []string{"person:tuan VPDBHD.b VPTU.a"}},
		{"coarse against precise is not an error", []it{
			{"VPDBHD", "a", "2026-08", []string{"chair=yen"}},
			{"VPDBHD", "b", "2026-08-21 08:00-11:00", []string{"chair=yen"}},
		}, KindPerson, nil},
		{"coarse against precise is tentative", []it{
			{"VPDBHD", "a", "2026-08", []string{"chair=yen"}},
			{"VPDBHD", "b", "2026-08-21 08:00-11:00", []string{"chair=yen"}},
		}, KindTentative, []string{"person:yen VPDBHD.a VPDBHD.b"}},
		{"week against precise venue is tentative", []it{
			{"VPDBHD", "a", "2026-W34", []string{"place=hoi-truong-ubnd"}},
			{"VPUBND", "b", "2026-08-21 08:00-11:00", []string{"place=hoi-truong-ubnd"}},
		}, KindTentative, []string{"place:hoi-truong-ubnd VPDBHD.a VPUBND.b"}},
		{"coarse in another week is nothing", []it{
			{"VPDBHD", "a", "2026-W33", []string{"chair=yen"}},
			{"VPDBHD", "b", "2026-08-21 08:00-11:00", []string{"chair=yen"}},
		}, KindTentative, nil},
		{"precise pair is not tentative", []it{
			{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long"}},
		}, KindTentative, nil},
		{"venue written as free text with the other tone-mark placement", []it{
			{"VPUBND", "a", "2026-09-11 08:30-11:00", []string{"place=hoi-truong-ubnd"}},
			{"VPDBHD", "b", "2026-09-11 08:00-11:30", []string{"place=Hội trường Uỷ ban nhân dân tỉnh"}},
		}, KindVenue, []string{"place:hoi-truong-ubnd VPDBHD.b VPUBND.a"}},
		{"lower case tỉnh uỷ resolves too", []it{
			{"VPTU", "a", "2026-07-07 08:00-11:00", []string{"place=hội trường tỉnh uỷ"}},
			{"VPUBND", "b", "2026-07-07 10:00-11:30", []string{"place=hoi-truong-tinh-uy"}},
		}, KindVenue, []string{"place:hoi-truong-tinh-uy VPUBND.b VPTU.a"}},
		{"free text matching nothing takes part in no venue rule", []it{
			{"VPTU", "a", "2026-07-07 08:00-11:00", []string{"place=Nhà văn hóa ấp 3"}},
			{"VPUBND", "b", "2026-07-07 10:00-11:30", []string{"place=Nhà văn hóa ấp 3"}},
		}, KindVenue, nil},
		{"joint items are one event", []it{
			{"VPTU", "gb", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "chair=an", "place=hoi-truong-tinh-uy"}},
			{"VPUBND", "gb2", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "chair=an,long", "place=Hội trường A Tỉnh ủy"}},
			{"VPDBHD", "gb3", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "att=an,tuan", "place=hoi-truong-tinh-uy"}},
		}, KindPerson, nil},
		{"joint items are one event for venues too", []it{
			{"VPTU", "gb", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "place=hoi-truong-tinh-uy"}},
			{"VPUBND", "gb2", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "place=Hội trường A Tỉnh ủy"}},
		}, KindVenue, nil},
		{"a joint event conflicts with another event", []it{
			{"VPTU", "gb", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "chair=an"}},
			{"VPUBND", "gb2", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "chair=long"}},
			{"VPUBND", "x", "2026-09-25 09:00-11:00", []string{"chair=long"}},
		}, KindPerson, []string{"person:long VPUBND.x joint.giao-ban"}},
		{"mismatched joint parts do not conflict with each other", []it{
			{"VPTU", "sk", "2026-08-14 08:00-11:30", []string{"joint=so-ket", "chair=an", "place=hoi-truong-tinh-uy"}},
			{"VPUBND", "sk", "2026-08-14 10:00-12:00", []string{"joint=so-ket", "chair=an", "place=hoi-truong-tinh-uy"}},
		}, KindPerson, nil},
		{"field trips of different bodies to one locality on one day", []it{
			{"VPUBND", "a", "2026-08-06 sáng", []string{"kind=field-trip", "bodies=UBND", "locality=xa-long-thanh"}},
			{"VPDBHD", "b", "2026-08-06 chiều", []string{"kind=field-trip", "bodies=BKTNS-HDND", "locality=xa-long-thanh"}},
		}, KindLocality, []string{"locality:xa-long-thanh VPDBHD.b VPUBND.a"}},
		{"field trips of the same body", []it{
			{"VPUBND", "a", "2026-08-06 sáng", []string{"kind=field-trip", "bodies=UBND", "locality=xa-long-thanh"}},
			{"VPUBND", "b", "2026-08-06 chiều", []string{"kind=field-trip", "bodies=UBND", "locality=xa-long-thanh"}},
		}, KindLocality, nil},
		{"field trips on different days", []it{
			{"VPUBND", "a", "2026-08-06 sáng", []string{"kind=field-trip", "bodies=UBND", "locality=xa-long-thanh"}},
			{"VPDBHD", "b", "2026-08-07 sáng", []string{"kind=field-trip", "bodies=HDND", "locality=xa-long-thanh"}},
		}, KindLocality, nil},
		{"a meeting is not a field trip", []it{
			{"VPUBND", "a", "2026-08-06 sáng", []string{"kind=meeting", "bodies=UBND", "locality=xa-long-thanh"}},
			{"VPDBHD", "b", "2026-08-06 chiều", []string{"kind=field-trip", "bodies=HDND", "locality=xa-long-thanh"}},
		}, KindLocality, nil},
		{"multi-day field trips sharing two days: one conflict", []it{
			{"VPUBND", "a", "2026-08-05..2026-08-07", []string{"kind=field-trip", "bodies=UBND", "locality=xa-long-thanh"}},
			{"VPDBHD", "b", "2026-08-06..2026-08-07", []string{"kind=field-trip", "bodies=HDND", "locality=xa-long-thanh"}},
		}, KindLocality, []string{"locality:xa-long-thanh VPDBHD.b VPUBND.a"}},
		{"travel via explicit pair too short", []it{
			{"VPTU", "a", "2026-09-16 sáng", []string{"chair=hang", "locality=xa-bu-dang"}},
			{"VPTU", "b", "2026-09-16 13:00-16:00", []string{"chair=hang", "place=co-so-2"}},
		}, KindTravel, []string{"person:hang VPTU.b VPTU.a"}},
		{"travel via explicit pair long enough (the centre would say 350)", []it{
			{"VPTU", "a", "2026-09-16 08:00-10:00", []string{"chair=hang", "locality=xa-bu-dang"}},
			{"VPTU", "b", "2026-09-16 12:00-16:00", []string{"chair=hang", "place=co-so-2"}},
		}, KindTravel, nil},
		{"travel via the centre too short", []it{
			{"VPTU", "a", "2026-09-16 08:00-10:00", []string{"chair=hang", "locality=xa-long-thanh"}},
			{"VPTU", "b", "2026-09-16 11:00-12:00", []string{"chair=hang", "locality=xa-xuan-loc"}},
		}, KindTravel, []string{"person:hang VPTU.b VPTU.a"}},
		{"travel via the centre long enough", []it{
			{"VPTU", "a", "2026-09-16 08:00-10:00", []string{"chair=hang", "locality=xa-long-thanh"}},
			{"VPTU", "b", "2026-09-16 12:30-14:00", []string{"chair=hang", "locality=xa-xuan-loc"}},
		}, KindTravel, nil},
		{"back to back in one locality needs no travel", []it{
			{"VPTU", "a", "2026-07-06 08:00-09:30", []string{"chair=an", "place=hoi-truong-tinh-uy"}},
			{"VPTU", "b", "2026-07-06 09:30-11:00", []string{"chair=an", "place=hoi-truong-ubnd"}},
		}, KindTravel, nil},
		{"unknown locality: no travel time", []it{
			{"VPTU", "a", "2026-07-06 08:00-09:30", []string{"chair=an", "place=Nhà văn hóa ấp 3"}},
			{"VPTU", "b", "2026-07-06 09:30-11:00", []string{"chair=an", "locality=xa-bu-dang"}},
		}, KindTravel, nil},
		{"travel measured from the event that ends last", []it{
			{"VPTU", "a", "2026-07-06 07:30-11:30", []string{"chair=an", "locality=phuong-tran-bien"}},
			{"VPTU", "b", "2026-07-06 08:00-09:00", []string{"att=an", "locality=phuong-tran-bien"}},
			{"VPTU", "c", "2026-07-06 12:00-13:00", []string{"chair=an", "locality=xa-long-thanh"}},
		}, KindTravel, []string{"person:an VPTU.c VPTU.a"}},
		{"coarse events have no travel", []it{
			{"VPTU", "a", "2026-07", []string{"chair=an", "locality=xa-bu-dang"}},
			{"VPTU", "b", "2026-07-06 09:30-11:00", []string{"chair=an", "locality=phuong-tran-bien"}},
		}, KindTravel, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := build(tc.items, "VPTU")
			got := describeAll(s, s.Detect(tc.kind, travelTable))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTravelMinutes(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"phuong-binh-phuoc", "xa-bu-dang", 110}, // explicit, as written
		{"xa-bu-dang", "phuong-binh-phuoc", 110}, // explicit, the other direction
		{"xa-long-thanh", "xa-xuan-loc", 145},    // via the centre: 45 + 100
		{"phuong-tran-bien", "xa-xuan-loc", 100}, // the centre itself
		{"xa-long-thanh", "xa-long-thanh", 0},    // same locality
		{"xa-long-thanh", "nowhere", 45},         // a missing time counts 0
		{"", "xa-long-thanh", 0},                 // unknown locality
	}
	for _, tc := range cases {
		if got := travelTable.Minutes(tc.a, tc.b); got != tc.want {
			t.Errorf("Minutes(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMergeJoint(t *testing.T) {
	s := build([]it{
		{"VPDBHD", "gb-hdnd", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "chair=tuan", "att=an", "place=hoi-truong-tinh-uy", "bodies=TT-HDND"}},
		{"VPTU", "gb-tu", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "chair=an", "place=Hội trường Tỉnh uỷ", "bodies=TT-TU"}},
		{"VPUBND", "gb-ub", "2026-09-25 08:00-10:30", []string{"joint=giao-ban", "att=long,an", "bodies=UBND"}},
		{"VPUBND", "other", "2026-09-25 14:00-16:00", []string{"chair=long"}},
	}, "VPTU")
	if len(s.Groups) != 2 || len(s.Events) != 2 || len(s.Mismatches) != 0 {
		t.Fatalf("groups %d events %d mismatches %d, want 2 2 0", len(s.Groups), len(s.Events), len(s.Mismatches))
	}
	g := s.Groups[0]
	if g.ID != "joint.giao-ban" || !slices.Equal(g.Offices, []string{"VPDBHD", "VPTU", "VPUBND"}) {
		t.Errorf("group %s offices %v", g.ID, g.Offices)
	}
	if g.Parts[g.Ref].Office != "VPTU" || g.Item.ID != "gb-tu" || g.Item.Place != "Hội trường Tỉnh uỷ" {
		t.Errorf("reference %s item %s place %q, want the coordinator's", g.Parts[g.Ref].Office, g.Item.ID, g.Item.Place)
	}
	if !slices.Equal(g.Item.Chair, []string{"an", "tuan"}) || !slices.Equal(g.Item.Attendees, []string{"long"}) {
		t.Errorf("chairs %v attendees %v", g.Item.Chair, g.Item.Attendees)
	}
	if !slices.Equal(g.Item.Bodies, []string{"TT-TU", "TT-HDND", "UBND"}) {
		t.Errorf("bodies %v", g.Item.Bodies)
	}
	e := s.Events[0]
	if !slices.Equal(e.People, []string{"an", "long", "tuan"}) || e.Venue != "hoi-truong-tinh-uy" || e.Locality != "phuong-tran-bien" {
		t.Errorf("event people %v venue %s locality %s", e.People, e.Venue, e.Locality)
	}
	if s.Groups[1].ID != "VPUBND.other" {
		t.Errorf("single item id %s", s.Groups[1].ID)
	}
}

func TestJointMismatch(t *testing.T) {
	cases := []struct {
		name        string
		items       []it
		want        int // mismatches
		time, place bool
		events      int
	}{
		{"agree, one writes the alias", []it{
			{"VPTU", "a", "2026-08-14 08:00-11:30", []string{"joint=k", "place=hoi-truong-tinh-uy"}},
			{"VPUBND", "b", "2026-08-14 08:00-11:30", []string{"joint=k", "place=Hội trường A Tỉnh ủy"}},
		}, 0, false, false, 1},
		{"agree on instants written in two forms", []it{
			{"VPTU", "a", "2026-08-14", []string{"joint=k"}},
			{"VPUBND", "b", "2026-08-14 07:30-17:00", []string{"joint=k"}},
		}, 0, false, false, 1},
		{"one names no place", []it{
			{"VPTU", "a", "2026-08-14 08:00-11:30", []string{"joint=k", "place=hoi-truong-tinh-uy"}},
			{"VPUBND", "b", "2026-08-14 08:00-11:30", []string{"joint=k"}},
		}, 0, false, false, 1},
		{"time differs", []it{
			{"VPTU", "a", "2026-08-14 08:00-11:30", []string{"joint=k", "place=hoi-truong-tinh-uy"}},
			{"VPUBND", "b", "2026-08-14 14:00-17:00", []string{"joint=k", "place=Hội trường A Tỉnh ủy"}},
		}, 1, true, false, 2},
		{"venue differs", []it{
			{"VPTU", "a", "2026-08-14 08:00-11:30", []string{"joint=k", "place=hoi-truong-tinh-uy"}},
			{"VPUBND", "b", "2026-08-14 08:00-11:30", []string{"joint=k", "place=hoi-truong-ubnd"}},
		}, 1, false, true, 2},
		{"two of three agree", []it{
			{"VPDBHD", "c", "2026-08-14 08:00-11:30", []string{"joint=k"}},
			{"VPTU", "a", "2026-08-14 08:00-11:30", []string{"joint=k"}},
			{"VPUBND", "b", "2026-08-14 sáng", []string{"joint=k"}},
		}, 1, true, false, 2},
		{"an unparseable part takes part in nothing", []it{
			{"VPTU", "a", "2026-08-14 08:00-11:30", []string{"joint=k"}},
			{"VPUBND", "b", "14/8/2026", []string{"joint=k"}},
		}, 0, false, false, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := build(tc.items, "VPTU")
			if len(s.Mismatches) != tc.want || len(s.Events) != tc.events {
				t.Fatalf("%d mismatches, %d events; want %d, %d", len(s.Mismatches), len(s.Events), tc.want, tc.events)
			}
			if tc.want == 0 {
				return
			}
			m := s.Mismatches[0]
			g := s.Groups[m.Group]
			if m.Time != tc.time || m.Place != tc.place || g.Parts[m.Ref].Office != "VPTU" || g.Parts[m.Part].Office == "VPTU" {
				t.Errorf("mismatch %+v (ref %s, part %s)", m, g.Parts[m.Ref].Office, g.Parts[m.Part].Office)
			}
		})
	}
}

func TestMover(t *testing.T) {
	cases := []struct {
		name  string
		items []it
		want  string // the id of the event proposed to move
	}{
		{"the coordinator's item stays", []it{
			{"VPUBND", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPTU", "b", "2026-07-21 chiều", []string{"chair=long"}},
		}, "VPUBND.a"},
		{"the coordinator's item stays even when it has fewer people", []it{
			{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long", "att=x,y,z"}},
		}, "VPUBND.b"},
		{"a joint event stays", []it{
			{"VPUBND", "a", "2026-07-21 14:00-17:00", []string{"chair=long", "joint=j"}},
			{"VPDBHD", "a", "2026-07-21 14:00-17:00", []string{"joint=j"}},
			{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long"}},
		}, "VPUBND.b"},
		{"fewer people moves", []it{
			{"VPUBND", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPDBHD", "b", "2026-07-21 chiều", []string{"chair=long", "att=x"}},
		}, "VPUBND.a"},
		{"the later-listed office moves", []it{
			{"VPDBHD", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long"}},
		}, "VPUBND.b"},
		{"same office: the later one moves", []it{
			{"VPUBND", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long"}},
		}, "VPUBND.a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := build(tc.items, "VPTU")
			cs := s.Detect(KindPerson, nil)
			if len(cs) != 1 {
				t.Fatalf("%d conflicts: %q", len(cs), describeAll(s, cs))
			}
			if got := s.Groups[s.Events[cs[0].A].Group].ID; got != tc.want {
				t.Errorf("moves %s, want %s", got, tc.want)
			}
		})
	}
}

// holidays of the suggestion tests: Quốc khánh 1–2/9/2026 (Tuesday, Wednesday), and a make-up Saturday 12/9.
func workingDay(d time.Time) bool {
	switch d.Format("2006-01-02") {
	case "2026-09-01", "2026-09-02":
		return false
	case "2026-09-12":
		return true
	}
	return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
}

func calendar(notBefore string) Calendar {
	c := Calendar{Sessions: when.DefaultPolicy(ict), WorkingDay: workingDay,
		From: time.Date(2026, 7, 1, 0, 0, 0, 0, ict), To: time.Date(2026, 10, 1, 0, 0, 0, 0, ict)}
	if notBefore != "" {
		c.NotBefore, _ = time.ParseInLocation("2006-01-02 15:04", notBefore, ict)
	}
	return c
}

func TestSuggest(t *testing.T) {
	cases := []struct {
		name      string
		items     []it
		notBefore string
		want      []string // "ID when" per proposal, "ID -" when none found
	}{
		{"earliest slot of the same week, same duration", []it{
			{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 14:00-16:00", []string{"chair=long"}},
		}, "", []string{"VPUBND.b 2026-07-20 07:30-09:30"}},
		{"busy slots are skipped, for every person and the venue", []it{
			{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 14:00-16:00", []string{"chair=long", "att=hoa", "place=hoi-truong-ubnd"}},
			{"VPUBND", "busy1", "2026-07-20 07:30-11:30", []string{"chair=long"}},
			{"VPDBHD", "busy2", "2026-07-20 13:30-15:00", []string{"chair=hoa"}},
			{"VPDBHD", "busy3", "2026-07-20 15:00-17:00", []string{"place=Hội trường UBND tỉnh"}},
		}, "", []string{"VPUBND.b 2026-07-21 07:30-09:30"}},
		{"a session moves to the same session of another working day", []it{
			{"VPTU", "a", "2026-07-21 chiều", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 chiều", []string{"chair=long"}},
			{"VPUBND", "busy", "2026-07-20 chiều", []string{"chair=long"}},
		}, "", []string{"VPUBND.b 2026-07-22 chiều"}},
		{"weekend and holidays are skipped, a make-up Saturday is used", []it{
			{"VPTU", "a", "2026-09-03", []string{"chair=long"}},
			{"VPUBND", "b", "2026-09-03", []string{"chair=long"}},
			{"VPUBND", "busy1", "2026-08-31", []string{"att=long"}},
			{"VPUBND", "busy2", "2026-09-04", []string{"att=long"}},
			{"VPUBND", "busy3", "2026-09-07..2026-09-11", []string{"att=long"}},
		}, "", []string{"VPUBND.b 2026-09-12"}},
		{"not before the as-of instant, then later weeks", []it{
			{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-07-21 14:00-16:00", []string{"chair=long"}},
			{"VPUBND", "busy", "2026-07-24 sáng", []string{"chair=long"}},
		}, "2026-07-24 00:00", []string{"VPUBND.b 2026-07-24 13:30-15:30"}},
		{"several days need that many working days in a row", []it{
			{"VPTU", "a", "2026-08-27..2026-08-28", []string{"chair=long"}},
			{"VPUBND", "b", "2026-08-27..2026-08-28", []string{"chair=long"}},
		}, "2026-08-28 00:00", []string{"VPUBND.b 2026-09-03..2026-09-04"}},
		{"two proposals never take the same slot", []it{
			{"VPTU", "a", "2026-07-21 14:00-17:00", []string{"chair=long", "att=an"}},
			{"VPUBND", "b", "2026-07-21 14:00-17:00", []string{"chair=long", "place=hoi-truong-ubnd"}},
			{"VPDBHD", "c", "2026-07-21 14:00-17:00", []string{"chair=an", "place=hoi-truong-ubnd"}},
			{"VPDBHD", "d", "2026-07-20 08:00-10:00", []string{"chair=long", "att=an"}},
		}, "", []string{"VPUBND.b 2026-07-20 13:30-16:30", "VPDBHD.c 2026-07-21 07:30-10:30"}},
		{"no free slot in the period", []it{
			{"VPTU", "a", "2026-09-30 14:00-17:00", []string{"chair=long"}},
			{"VPUBND", "b", "2026-09-30 14:00-17:00", []string{"chair=long"}},
		}, "2026-09-30 18:00", []string{"VPUBND.b -"}},
		{"a joint mismatch aligns on the reference when it is free", []it{
			{"VPTU", "sk", "2026-08-14 08:00-11:30", []string{"joint=so-ket", "chair=an"}},
			{"VPUBND", "sk", "2026-08-14 14:00-17:00", []string{"joint=so-ket", "chair=long"}},
		}, "", []string{"joint.so-ket 2026-08-14 08:00-11:30"}},
		{"a joint mismatch whose reference is busy for a part's people", []it{
			{"VPTU", "sk", "2026-08-14 08:00-11:30", []string{"joint=so-ket", "chair=an"}},
			{"VPUBND", "sk", "2026-08-14 14:00-17:00", []string{"joint=so-ket", "chair=long"}},
			{"VPUBND", "busy", "2026-08-14 08:00-09:00", []string{"chair=long"}},
		}, "", []string{"joint.so-ket 2026-08-10 07:30-11:00"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := build(tc.items, "VPTU")
			cs := append(s.Detect(KindPerson, nil), s.Detect(KindVenue, nil)...)
			sortConflicts(cs)
			props := Suggest(s, cs, s.Mismatches, calendar(tc.notBefore))
			var got []string
			for _, p := range props {
				w := "-"
				if p.Found {
					w = p.Span.Canonical()
				}
				got = append(got, s.Groups[p.Group].ID+" "+w)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			again := Suggest(s, cs, s.Mismatches, calendar(tc.notBefore))
			if len(again) != len(props) {
				t.Fatal("not deterministic")
			}
			for i := range again {
				if !again[i].Span.Equal(props[i].Span) {
					t.Errorf("not deterministic: %v vs %v", again[i].Span, props[i].Span)
				}
			}
		})
	}
}
