package examples

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

var offices = []string{"VPTU", "VPDBHD", "VPUBND"}

// province is the example data repo, decoded strictly into the record types.
type province struct {
	settings    record.Settings
	offices     record.Offices
	people      record.People
	places      record.Places
	holidays    record.Holidays
	programmes  map[string]*record.Programme // by path
	conclusions map[string]*record.Conclusion
	documents   map[string]*record.Document
	petitions   map[string]*record.Petition
}

// kindOf says which kind a file must hold, from its path in the data repo.
func kindOf(p string) string {
	switch p {
	case "coord.yaml":
		return record.KindSettings
	case "registry/offices.yaml":
		return record.KindOffices
	case "registry/people.yaml":
		return record.KindPeople
	case "registry/places.yaml":
		return record.KindPlaces
	case "registry/holidays.yaml":
		return record.KindHolidays
	}
	switch strings.SplitN(p, "/", 2)[0] {
	case "programmes":
		return record.KindProgramme
	case "consolidated":
		return record.KindConsolidated
	case "conclusions":
		return record.KindConclusion
	case "documents":
		return record.KindDocument
	case "petitions":
		return record.KindPetition
	}
	return ""
}

func yamlFiles(t *testing.T, fsys fs.FS, root string) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// decodeStrict decodes one YAML document, refusing unknown fields as coord does.
func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return fmt.Errorf("more than one YAML document")
	}
	return nil
}

func loadProvince(t *testing.T) *province {
	t.Helper()
	pr := &province{
		programmes:  map[string]*record.Programme{},
		conclusions: map[string]*record.Conclusion{},
		documents:   map[string]*record.Document{},
		petitions:   map[string]*record.Petition{},
	}
	for _, full := range yamlFiles(t, Province, "province") {
		rel := strings.TrimPrefix(full, "province/")
		data, err := fs.ReadFile(Province, full)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		switch kindOf(rel) {
		case record.KindSettings:
			v = &pr.settings
		case record.KindOffices:
			v = &pr.offices
		case record.KindPeople:
			v = &pr.people
		case record.KindPlaces:
			v = &pr.places
		case record.KindHolidays:
			v = &pr.holidays
		case record.KindProgramme:
			x := &record.Programme{}
			pr.programmes[rel], v = x, x
		case record.KindConclusion:
			x := &record.Conclusion{}
			pr.conclusions[rel], v = x, x
		case record.KindDocument:
			x := &record.Document{}
			pr.documents[rel], v = x, x
		case record.KindPetition:
			x := &record.Petition{}
			pr.petitions[rel], v = x, x
		default:
			t.Errorf("%s: a YAML file where no record belongs", rel)
			continue
		}
		if err := decodeStrict(data, v); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
	}
	return pr
}

func TestFilesParseAndKindMatchesFolder(t *testing.T) {
	files := yamlFiles(t, Province, "province")
	if len(files) < 30 {
		t.Fatalf("only %d YAML files in the example", len(files))
	}
	for _, full := range files {
		rel := strings.TrimPrefix(full, "province/")
		data, err := fs.ReadFile(Province, full)
		if err != nil {
			t.Fatal(err)
		}
		checkText(t, rel, data, true)
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		var head struct {
			Kind string `yaml:"kind"`
		}
		if err := doc.Decode(&head); err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		want := kindOf(rel)
		if head.Kind != want {
			t.Errorf("%s: kind %q, want %q for its folder", rel, head.Kind, want)
		}
		modeline := "# yaml-language-server: $schema=" + strings.Repeat("../", strings.Count(rel, "/")) +
			"schema/" + want + ".schema.json"
		if first, _, _ := strings.Cut(string(data), "\n"); first != modeline {
			t.Errorf("%s: first line %q, want %q", rel, first, modeline)
		}
	}
	loadProvince(t) // strict decoding: unknown fields fail
}

// checkText requires UTF-8, LF line ends, a final newline and (for nfc) Unicode NFC.
func checkText(t *testing.T, name string, data []byte, nfc bool) {
	t.Helper()
	if !utf8.Valid(data) {
		t.Errorf("%s: not UTF-8", name)
	}
	if bytes.Contains(data, []byte("\r")) {
		t.Errorf("%s: CR in line ends", name)
	}
	if !bytes.HasSuffix(data, []byte("\n")) {
		t.Errorf("%s: no final newline", name)
	}
	if nfc && !norm.NFC.IsNormal(data) {
		t.Errorf("%s: text not in Unicode NFC", name)
	}
}

func TestSettings(t *testing.T) {
	pr := loadProvince(t)
	s := pr.settings
	if s.Version != 1 || s.Province != "Đồng Nai" || s.Timezone != "Asia/Ho_Chi_Minh" || s.Coordinator != "VPTU" {
		t.Errorf("settings: %+v", s)
	}
	if !slices.Equal(s.Host.Rotation, offices) || s.Host.FirstYear != 2024 {
		t.Errorf("host rotation: %+v", s.Host)
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestRegistry(t *testing.T) {
	pr := loadProvince(t)
	bodies := map[string]bool{}
	for _, b := range pr.offices.Bodies {
		if bodies[b.Code] {
			t.Errorf("body %s twice", b.Code)
		}
		bodies[b.Code] = true
	}
	if len(bodies) < 12 {
		t.Errorf("%d bodies, want a dozen", len(bodies))
	}
	var codes []string
	for _, o := range pr.offices.Offices {
		codes = append(codes, o.Code)
		if len(o.Members) < 2 || len(o.Members) > 3 {
			t.Errorf("office %s: %d members, want 2-3", o.Code, len(o.Members))
		}
		for _, m := range o.Members {
			if !strings.HasSuffix(m.Email, ".example.vn") {
				t.Errorf("office %s: member email %q is not an example address", o.Code, m.Email)
			}
		}
		if len(o.Serves) == 0 {
			t.Errorf("office %s serves no body", o.Code)
		}
		for _, b := range o.Serves {
			if !bodies[b] {
				t.Errorf("office %s serves unknown body %s", o.Code, b)
			}
		}
		if len(o.Recipients) != 1 || !strings.HasPrefix(o.Recipients[0], "age1") {
			t.Errorf("office %s: recipients %v", o.Code, o.Recipients)
		}
	}
	if !slices.Equal(codes, offices) {
		t.Errorf("offices %v, want %v", codes, offices)
	}

	if n := len(pr.people.People); n < 25 {
		t.Errorf("%d people, want at least 25", n)
	}
	seen := map[string]bool{}
	twoBodies, monthly := 0, 0
	for _, p := range pr.people.People {
		if !idPattern.MatchString(p.ID) || seen[p.ID] {
			t.Errorf("person id %q: not a lowercase ASCII id, or repeated", p.ID)
		}
		seen[p.ID] = true
		in := map[string]bool{}
		for _, pos := range p.Positions {
			if !bodies[pos.Body] {
				t.Errorf("person %s: unknown body %s", p.ID, pos.Body)
			}
			in[pos.Body] = true
		}
		if len(in) >= 2 {
			twoBodies++
		}
		if p.ReceivesCitizens == "monthly" {
			monthly++
		}
	}
	if twoBodies < 3 {
		t.Errorf("%d people hold positions in two bodies, want at least 3", twoBodies)
	}
	if monthly < 2 {
		t.Errorf("%d people receive citizens monthly, want the Party Secretary and the UBND Chairman", monthly)
	}

	locs := map[string]record.Locality{}
	for _, l := range pr.places.Localities {
		if !idPattern.MatchString(l.ID) || !(strings.HasPrefix(l.ID, "xa-") || strings.HasPrefix(l.ID, "phuong-")) {
			t.Errorf("locality %q: want a xa-/phuong- id", l.ID)
		}
		locs[l.ID] = l
	}
	if len(locs) < 15 {
		t.Errorf("%d localities, want at least 15", len(locs))
	}
	remote := 0
	for _, l := range pr.places.Localities {
		for to := range l.TravelTo {
			if _, ok := locs[to]; !ok {
				t.Errorf("locality %s: travel_to unknown locality %s", l.ID, to)
			}
		}
		if l.Remote {
			remote++
		}
	}
	if remote < 2 {
		t.Errorf("%d remote localities, want a couple", remote)
	}
	if len(pr.places.Venues) < 20 {
		t.Errorf("%d venues, want at least 20", len(pr.places.Venues))
	}
	names := map[string]string{}
	for _, v := range pr.places.Venues {
		if _, ok := locs[v.Locality]; !ok {
			t.Errorf("venue %s: unknown locality %q", v.ID, v.Locality)
		}
		for _, n := range append([]string{v.ID, v.Name}, v.Aliases...) {
			if other, ok := names[matchKey(n)]; ok && other != v.ID {
				t.Errorf("venue name %q of %s also names %s", n, v.ID, other)
			}
			names[matchKey(n)] = v.ID
		}
	}

	for _, y := range []string{"2026", "2027"} {
		n := 0
		for _, h := range pr.holidays.Days {
			if strings.HasPrefix(h.Date+h.From, y) {
				n++
			}
		}
		if n < 6 {
			t.Errorf("%d holidays in %s", n, y)
		}
	}
	if len(pr.holidays.Workdays) == 0 {
		t.Error("no make-up working day")
	}
}

var (
	reExact   = regexp.MustCompile(`^(\d{4}-\d\d-\d\d) (\d\d:\d\d)-(\d\d:\d\d)$`)
	reOver    = regexp.MustCompile(`^(\d{4}-\d\d-\d\d) (\d\d:\d\d)\.\.(\d{4}-\d\d-\d\d) (\d\d:\d\d)$`)
	reSession = regexp.MustCompile(`^(\d{4}-\d\d-\d\d) (sáng|chiều|tối)$`)
	reDay     = regexp.MustCompile(`^(\d{4}-\d\d-\d\d)$`)
	reDays    = regexp.MustCompile(`^(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)$`)
	reWeek    = regexp.MustCompile(`^(\d{4})-W(\d\d)$`)
	reMonth   = regexp.MustCompile(`^(\d{4})-(\d\d)$`)
)

// span is a `when` read with the default session policy: the interval [start, end), in UTC for simplicity.
type span struct {
	form       string
	start, end time.Time
	days       []string // the dates named, for working-day checks
}

func (s span) coarse() bool { return s.form == "week" || s.form == "month" }

func parseWhen(w string) (span, error) {
	at := func(d, hm string) (time.Time, error) { return time.Parse("2006-01-02 15:04", d+" "+hm) }
	day := func(d string, min int) (time.Time, error) {
		t, err := time.Parse("2006-01-02", d)
		return t.Add(time.Duration(min) * time.Minute), err
	}
	var s span
	var err1, err2 error
	switch {
	case reExact.MatchString(w):
		m := reExact.FindStringSubmatch(w)
		s.form, s.days = "exact", []string{m[1]}
		s.start, err1 = at(m[1], m[2])
		s.end, err2 = at(m[1], m[3])
	case reOver.MatchString(w):
		m := reOver.FindStringSubmatch(w)
		s.form, s.days = "over-days", []string{m[1], m[3]}
		s.start, err1 = at(m[1], m[2])
		s.end, err2 = at(m[3], m[4])
	case reSession.MatchString(w):
		m := reSession.FindStringSubmatch(w)
		hours := map[string][2]int{"sáng": {450, 690}, "chiều": {810, 1020}, "tối": {1140, 1260}}[m[2]]
		s.form, s.days = "session", []string{m[1]}
		s.start, err1 = day(m[1], hours[0])
		s.end, err2 = day(m[1], hours[1])
	case reDay.MatchString(w):
		s.form, s.days = "day", []string{w}
		s.start, err1 = day(w, 450)
		s.end, err2 = day(w, 1020)
	case reDays.MatchString(w):
		m := reDays.FindStringSubmatch(w)
		s.form, s.days = "days", []string{m[1], m[2]}
		s.start, err1 = day(m[1], 450)
		s.end, err2 = day(m[2], 1020)
	case reWeek.MatchString(w):
		m := reWeek.FindStringSubmatch(w)
		y, _ := strconv.Atoi(m[1])
		wk, _ := strconv.Atoi(m[2])
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(wk-1))
		s.form, s.start, s.end = "week", monday, monday.AddDate(0, 0, 7)
	case reMonth.MatchString(w):
		m := reMonth.FindStringSubmatch(w)
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		s.form = "month"
		s.start = time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
		s.end = s.start.AddDate(0, 1, 0)
	default:
		return s, fmt.Errorf("when %q is not in a canonical form", w)
	}
	if err := errors.Join(err1, err2); err != nil {
		return s, err
	}
	if !s.end.After(s.start) {
		return s, fmt.Errorf("when %q ends before it starts", w)
	}
	return s, nil
}

// matchKey folds a name as coord matches free-text places: no diacritics or tone marks, đ→d, lower case,
// runs of other characters collapsed to one space.
func matchKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

func (pr *province) holidaySet() map[string]bool {
	out := map[string]bool{}
	for _, h := range pr.holidays.Days {
		if h.Date != "" {
			out[h.Date] = true
			continue
		}
		from, _ := time.Parse(time.DateOnly, h.From)
		to, _ := time.Parse(time.DateOnly, h.To)
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			out[d.Format(time.DateOnly)] = true
		}
	}
	return out
}

func TestProgrammes(t *testing.T) {
	pr := loadProvince(t)
	holidays := pr.holidaySet()
	forms := map[string]bool{}
	for _, o := range offices {
		p := "programmes/2026/Q3/" + o + ".yaml"
		prog := pr.programmes[p]
		if prog == nil {
			t.Errorf("%s is missing", p)
			continue
		}
		if prog.Office != o || prog.Period != "2026-Q3" {
			t.Errorf("%s: office %s, period %s", p, prog.Office, prog.Period)
		}
		if len(prog.Items) < 30 {
			t.Errorf("%s: %d items, want at least 30", p, len(prog.Items))
		}
		ids := map[string]bool{}
		months := map[time.Month]int{}
		for _, it := range prog.Items {
			if ids[it.ID] || !idPattern.MatchString(it.ID) {
				t.Errorf("%s: item id %q repeated or not a safe id", p, it.ID)
			}
			ids[it.ID] = true
			if it.Title == "" || len(it.Bodies) == 0 || !slices.Contains(record.ItemKinds, it.Kind) {
				t.Errorf("%s#%s: title, bodies or kind missing or wrong", p, it.ID)
			}
			s, err := parseWhen(it.When)
			if err != nil {
				t.Errorf("%s#%s: %v", p, it.ID, err)
				continue
			}
			forms[s.form] = true
			if s.start.Before(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)) ||
				s.end.After(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("%s#%s: %s is outside 2026-Q3", p, it.ID, it.When)
			}
			for _, d := range s.days {
				day, _ := time.Parse(time.DateOnly, d)
				if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday || holidays[d] {
					t.Errorf("%s#%s: %s is not a working day", p, it.ID, d)
				}
			}
			months[s.start.Month()]++
		}
		for _, m := range []time.Month{time.July, time.August, time.September} {
			if months[m] < 8 {
				t.Errorf("%s: only %d items in %s", p, months[m], m)
			}
		}
	}
	for _, f := range []string{"exact", "over-days", "session", "day", "days", "week", "month"} {
		if !forms[f] {
			t.Errorf("no item uses the %s form of when", f)
		}
	}
}

func TestReferences(t *testing.T) {
	pr := loadProvince(t)
	people, bodies, offs, locs, venues := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range pr.people.People {
		people[p.ID] = true
	}
	for _, b := range pr.offices.Bodies {
		bodies[b.Code] = true
	}
	for _, o := range pr.offices.Offices {
		offs[o.Code] = true
	}
	for _, l := range pr.places.Localities {
		locs[l.ID] = true
	}
	names := map[string]bool{}
	for _, v := range pr.places.Venues {
		venues[v.ID] = true
		names[matchKey(v.Name)] = true
		for _, a := range v.Aliases {
			names[matchKey(a)] = true
		}
	}
	items := map[string]record.Item{} // "programmes/…yaml#id"
	freeMatched, freeUnmatched := 0, 0
	for p, prog := range pr.programmes {
		for _, it := range prog.Items {
			items[p+"#"+it.ID] = it
			for _, id := range append(slices.Clone(it.Chair), it.Attendees...) {
				if !people[id] {
					t.Errorf("%s#%s: unknown person %s", p, it.ID, id)
				}
			}
			for _, b := range it.Bodies {
				if !bodies[b] {
					t.Errorf("%s#%s: unknown body %s", p, it.ID, b)
				}
			}
			if it.Locality != "" && !locs[it.Locality] {
				t.Errorf("%s#%s: unknown locality %s", p, it.ID, it.Locality)
			}
			switch {
			case it.Place == "" || venues[it.Place]:
			case names[matchKey(it.Place)]:
				freeMatched++
			default:
				freeUnmatched++
			}
		}
	}
	if freeMatched < 3 || freeUnmatched < 3 {
		t.Errorf("free-text places: %d match a venue, %d match nothing; want a few of each", freeMatched, freeUnmatched)
	}
	ownerOK := func(s string) bool { return bodies[s] || offs[s] }

	if n := len(pr.conclusions); n < 4 || n > 6 {
		t.Errorf("%d conclusions, want 4-6", n)
	}
	var before, after, done, open bool
	for p, c := range pr.conclusions {
		if !strings.HasPrefix(p, "conclusions/"+c.Issued[:4]+"/"+c.Office+"/") {
			t.Errorf("%s: not under conclusions/<year issued>/<office>/", p)
		}
		it, ok := items[c.Meeting.Item]
		if !ok {
			t.Errorf("%s: meeting item %s does not exist", p, c.Meeting.Item)
		} else if !strings.HasPrefix(it.When, c.Meeting.Date) {
			t.Errorf("%s: meeting date %s, but the item is %s", p, c.Meeting.Date, it.When)
		}
		if !people[c.Meeting.Chair] {
			t.Errorf("%s: unknown chair %s", p, c.Meeting.Chair)
		}
		if party := strings.Contains(c.Number, "-TB/"); party != (c.Office == "VPTU") {
			t.Errorf("%s: number %s is not in the form of its office", p, c.Number)
		}
		for _, r := range c.Recipients {
			if !offs[r] || r == c.Office {
				t.Errorf("%s: recipient %s", p, r)
			}
		}
		if len(c.Tasks) < 2 || len(c.Tasks) > 5 {
			t.Errorf("%s: %d tasks, want 2-5", p, len(c.Tasks))
		}
		for _, task := range c.Tasks {
			if !ownerOK(task.Owner) {
				t.Errorf("%s#%s: unknown owner %s", p, task.ID, task.Owner)
			}
			before = before || task.Due < "2026-09-15"
			after = after || task.Due > "2026-09-15"
			done = done || task.Status == "done"
			open = open || task.Status == "open"
			for _, u := range task.Updates {
				if !ownerOK(u.By) {
					t.Errorf("%s#%s: update by unknown %s", p, task.ID, u.By)
				}
			}
		}
	}
	if !before || !after || !done || !open {
		t.Error("conclusion tasks should have due dates before and after 2026-09-15, and be both open and done")
	}

	if n := len(pr.documents); n < 10 || n > 15 {
		t.Errorf("%d documents, want 10-15", n)
	}
	numbers := map[string]string{}
	conclusionNumbers := map[string]bool{}
	for _, c := range pr.conclusions {
		conclusionNumbers[c.Number] = true
	}
	shared := 0
	for p, d := range pr.documents {
		if other, ok := numbers[d.Number]; ok {
			t.Errorf("%s: number %s already used by %s", p, d.Number, other)
		}
		numbers[d.Number] = p
		if conclusionNumbers[d.Number] {
			shared++
		}
		if want := "documents/" + d.Date[:4] + "/" + d.Issuer + "/"; !strings.HasPrefix(p, want) {
			t.Errorf("%s: want it under %s", p, want)
		}
		if got := numberType(d.Number); got != d.Type {
			t.Errorf("%s: type %s, but number %s says %s", p, d.Type, d.Number, got)
		}
		for _, r := range d.Recipients {
			if !offs[r] {
				t.Errorf("%s: unknown recipient %s", p, r)
			}
		}
	}
	if shared == 0 {
		t.Error("no document carries the number of a conclusion")
	}
}

// stateTypes are the type abbreviations of state documents (Decree 30/2020/NĐ-CP).
var stateTypes = []string{"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
	"TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB"}

// numberType reads the type abbreviation of a document number: Party "01-QC/TU" → QC; state "12/QĐ-UBND" → QĐ,
// "89/2025/QĐ-UBND" → QĐ, and a state letter "15/UBND-VP" → CV.
func numberType(n string) string {
	head, symbol, _ := strings.Cut(n, "/")
	if num, typ, ok := strings.Cut(head, "-"); ok && num != "" {
		return typ // Party
	}
	if _, rest, ok := strings.Cut(symbol, "/"); ok {
		symbol = rest // normative: the year comes first
	}
	first, _, _ := strings.Cut(symbol, "-")
	if slices.Contains(stateTypes, first) {
		return first
	}
	return "CV"
}

func TestJointKeys(t *testing.T) {
	pr := loadProvince(t)
	files := map[string]map[string]bool{}
	whens := map[string]map[string]bool{}
	for p, prog := range pr.programmes {
		for _, it := range prog.Items {
			if it.Joint == "" {
				continue
			}
			if files[it.Joint] == nil {
				files[it.Joint], whens[it.Joint] = map[string]bool{}, map[string]bool{}
			}
			files[it.Joint][p] = true
			whens[it.Joint][it.When] = true
		}
	}
	if len(files) < 4 {
		t.Errorf("%d joint keys, want the liaison meeting and a few more", len(files))
	}
	var mismatched []string
	for k, fs := range files {
		if len(fs) < 2 {
			t.Errorf("joint key %s appears in one file only", k)
		}
		if len(whens[k]) > 1 {
			mismatched = append(mismatched, k)
		}
	}
	if len(files["giao-ban-q3-2026"]) != 3 {
		t.Error("the quarterly liaison meeting giao-ban-q3-2026 is not in all three offices' programmes")
	}
	if !slices.Equal(mismatched, []string{"so-ket-chinh-quyen-hai-cap"}) {
		t.Errorf("joint keys whose items disagree on time: %v, want only the planned one", mismatched)
	}
}

// plannedConflicts are the conflicts left in the example on purpose (see README.md); everything else is clean.
var plannedConflicts = []string{
	"joint/mismatch joint:so-ket-chinh-quyen-hai-cap VPTU#so-ket-chinh-quyen-hai-cap VPUBND#so-ket-chinh-quyen-hai-cap",
	"overlap/locality locality:xa-long-thanh VPDBHD#giam-sat-dau-tu-cong-long-thanh VPUBND#khao-sat-tai-dinh-cu-long-thanh",
	"overlap/person person:le-minh-tuan VPDBHD#tt-hdnd-lam-viec-so-tai-chinh VPTU#tttu-lam-viec-ban-to-chuc",
	"overlap/person person:vo-thanh-long VPTU#btv-cho-y-kien-quy-hoach VPUBND#lam-viec-ban-qlda-trong-diem",
	"overlap/tentative person:tong-thi-hai-yen VPDBHD#giam-sat-bao-hiem-y-te VPDBHD#tiep-cong-dan-dbqh-thang-8",
	"overlap/travel person:nguyen-thi-thu-hang VPTU#lam-viec-co-so-2-tinh-uy VPTU#lam-viec-xa-bu-dang",
	"overlap/venue place:hoi-truong-ubnd VPDBHD#tap-huan-dai-bieu-hdnd VPUBND#hoi-nghi-truc-tuyen-dich-vu-cong",
}

// event is one programme item, or the items of one joint event taken together.
type event struct {
	refs     []string
	span     span
	persons  map[string]bool
	venue    string
	locality string
	kind     string
	bodies   string
}

// TestPlannedConflicts recomputes, in a simple way, the overlaps coord looks for, and requires exactly the
// planned ones: an edit that adds an accidental overlap, or removes a demo conflict, fails here. Travel between
// localities is taken from travel_to when given, else as the sum of both localities' travel to the centre.
func TestPlannedConflicts(t *testing.T) {
	pr := loadProvince(t)
	venueOf := map[string]string{}
	venueLoc := map[string]string{}
	for _, v := range pr.places.Venues {
		venueLoc[v.ID] = v.Locality
		for _, n := range append([]string{v.Name}, v.Aliases...) {
			venueOf[matchKey(n)] = v.ID
		}
	}
	locs := map[string]record.Locality{}
	for _, l := range pr.places.Localities {
		locs[l.ID] = l
	}

	var found []string
	type group struct {
		items []record.Item
		refs  []string
	}
	groups := map[string]*group{}
	var order []string
	for _, o := range offices {
		prog := pr.programmes["programmes/2026/Q3/"+o+".yaml"]
		if prog == nil {
			t.Fatalf("no programme for %s", o)
		}
		for _, it := range prog.Items {
			key := "item:" + o + "#" + it.ID
			if it.Joint != "" {
				key = "joint:" + it.Joint
			}
			if groups[key] == nil {
				groups[key] = &group{}
				order = append(order, key)
			}
			groups[key].items = append(groups[key].items, it)
			groups[key].refs = append(groups[key].refs, o+"#"+it.ID)
		}
	}
	var events []event
	for _, key := range order {
		g := groups[key]
		// A joint key whose items disagree is a finding, and its items stay separate events.
		split := false
		for _, it := range g.items[1:] {
			if it.When != g.items[0].When {
				split = true
			}
		}
		if split {
			refs := slices.Sorted(slices.Values(g.refs))
			found = append(found, "joint/mismatch "+key+" "+strings.Join(refs, " "))
		}
		for i, it := range g.items {
			if split || i == 0 {
				s, err := parseWhen(it.When)
				if err != nil {
					t.Fatal(err)
				}
				e := event{span: s, persons: map[string]bool{}, kind: it.Kind, bodies: strings.Join(it.Bodies, ",")}
				e.venue = it.Place
				if v, ok := venueOf[matchKey(it.Place)]; ok {
					e.venue = v
				}
				if _, ok := venueLoc[e.venue]; !ok {
					e.venue = ""
				}
				e.locality = it.Locality
				if e.locality == "" {
					e.locality = venueLoc[e.venue]
				}
				events = append(events, e)
			}
			e := &events[len(events)-1]
			e.refs = append(e.refs, g.refs[i])
			for _, p := range append(slices.Clone(it.Chair), it.Attendees...) {
				e.persons[p] = true
			}
		}
	}
	pair := func(rule, subject string, a, b event) {
		refs := slices.Sorted(slices.Values([]string{a.refs[0], b.refs[0]}))
		found = append(found, rule+" "+subject+" "+strings.Join(refs, " "))
	}
	for i, a := range events {
		for _, b := range events[i+1:] {
			if a.span.start.Before(b.span.end) && b.span.start.Before(a.span.end) {
				rule := "overlap/person"
				if a.span.coarse() || b.span.coarse() {
					rule = "overlap/tentative"
				}
				for p := range a.persons {
					if b.persons[p] {
						pair(rule, "person:"+p, a, b)
					}
				}
				if a.venue != "" && a.venue == b.venue {
					pair(strings.Replace(rule, "person", "venue", 1), "place:"+a.venue, a, b)
				}
			}
			if a.kind == "field-trip" && b.kind == "field-trip" && a.locality != "" && a.locality == b.locality &&
				a.bodies != b.bodies && !a.span.coarse() && !b.span.coarse() && sharesDay(a.span, b.span) {
				pair("overlap/locality", "locality:"+a.locality, a, b)
			}
		}
	}
	travel := func(a, b string) int {
		if a == b {
			return 0
		}
		if m, ok := locs[a].TravelTo[b]; ok {
			return m
		}
		if m, ok := locs[b].TravelTo[a]; ok {
			return m
		}
		return locs[a].Travel + locs[b].Travel
	}
	byPerson := map[string][]event{}
	for _, e := range events {
		if e.span.coarse() {
			continue
		}
		for p := range e.persons {
			byPerson[p] = append(byPerson[p], e)
		}
	}
	for p, es := range byPerson {
		sort.Slice(es, func(i, j int) bool { return es[i].span.start.Before(es[j].span.start) })
		for i := 1; i < len(es); i++ {
			a, b := es[i-1], es[i]
			gap := b.span.start.Sub(a.span.end)
			if a.locality != "" && b.locality != "" && gap >= 0 &&
				gap < time.Duration(travel(a.locality, b.locality))*time.Minute {
				pair("overlap/travel", "person:"+p, a, b)
			}
		}
	}
	sort.Strings(found)
	if !slices.Equal(found, plannedConflicts) {
		t.Errorf("conflicts in the example:\n  %s\nwant exactly the planned ones:\n  %s",
			strings.Join(found, "\n  "), strings.Join(plannedConflicts, "\n  "))
	}
}

func sharesDay(a, b span) bool {
	for d := a.start.Truncate(24 * time.Hour); d.Before(a.end); d = d.AddDate(0, 0, 1) {
		next := d.AddDate(0, 0, 1)
		if b.start.Before(next) && d.Before(b.end) {
			return true
		}
	}
	return false
}

func TestReceptionEveryMonth(t *testing.T) {
	pr := loadProvince(t)
	for _, p := range pr.people.People {
		if p.ReceivesCitizens != "monthly" {
			continue
		}
		months := map[time.Month]bool{}
		for _, prog := range pr.programmes {
			for _, it := range prog.Items {
				if it.Kind == "reception" && slices.Contains(append(slices.Clone(it.Chair), it.Attendees...), p.ID) {
					s, err := parseWhen(it.When)
					if err == nil && !s.coarse() {
						months[s.start.Month()] = true
					}
				}
			}
		}
		for _, m := range []time.Month{time.July, time.August, time.September} {
			if !months[m] {
				t.Errorf("%s has no reception day in %s", p.ID, m)
			}
		}
	}
}

var (
	petitionID = regexp.MustCompile(`^(VPTU|VPDBHD|VPUBND)-2026-\d{6}$`)
	blindIndex = regexp.MustCompile(`^bi1:[0-9a-f]{64}$`)
)

func TestPetitions(t *testing.T) {
	pr := loadProvince(t)
	if n := len(pr.petitions); n < 6 || n > 8 {
		t.Errorf("%d petitions, want 6-8", n)
	}
	types := map[string]bool{}
	offsByIndex := map[string]map[string]bool{}
	for p, pet := range pr.petitions {
		if want := "petitions/" + pet.Received[:4] + "/" + pet.Office + "/" + pet.ID + ".yaml"; p != want {
			t.Errorf("%s: want it at %s", p, want)
		}
		if !petitionID.MatchString(pet.ID) || !strings.HasPrefix(pet.ID, pet.Office+"-") {
			t.Errorf("%s: id %s", p, pet.ID)
		}
		if !strings.HasPrefix(pet.Petitioner, "ENC[age,") || !strings.HasSuffix(pet.Petitioner, "]") {
			t.Errorf("%s: petitioner is not ENC[age,…]", p)
		}
		if !blindIndex.MatchString(pet.PetitionerIndex) {
			t.Errorf("%s: petitioner_index %q", p, pet.PetitionerIndex)
		}
		if len(pet.History) == 0 || pet.History[len(pet.History)-1].Action != pet.Status {
			t.Errorf("%s: the last history step should match status %s", p, pet.Status)
		}
		types[pet.Type] = true
		if offsByIndex[pet.PetitionerIndex] == nil {
			offsByIndex[pet.PetitionerIndex] = map[string]bool{}
		}
		offsByIndex[pet.PetitionerIndex][pet.Office] = true
	}
	for _, ty := range []string{"khieu-nai", "to-cao", "kien-nghi", "phan-anh"} {
		if !types[ty] {
			t.Errorf("no %s petition", ty)
		}
	}
	dup := false
	for _, offs := range offsByIndex {
		dup = dup || len(offs) >= 2
	}
	if !dup {
		t.Error("no person petitions two offices (the duplicate demo)")
	}
}

// ageIdentities reads examples/keys/<OFFICE>.agekey.
func ageIdentities(t *testing.T) map[string]*age.X25519Identity {
	t.Helper()
	out := map[string]*age.X25519Identity{}
	for _, o := range offices {
		data, err := os.ReadFile(path.Join("keys", o+".agekey"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "# FICTIONAL DEMO KEY") {
			t.Errorf("keys/%s.agekey does not say it is a fictional demo key", o)
		}
		ids, err := age.ParseIdentities(bytes.NewReader(data))
		if err != nil || len(ids) != 1 {
			t.Fatalf("keys/%s.agekey: %v", o, err)
		}
		id, ok := ids[0].(*age.X25519Identity)
		if !ok {
			t.Fatalf("keys/%s.agekey: not an X25519 identity", o)
		}
		out[o] = id
	}
	return out
}

func decrypt(ciphertext []byte, id age.Identity) ([]byte, error) {
	r, err := age.Decrypt(bytes.NewReader(ciphertext), id)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// normalisedIdentity is the blind index input: lower(strip-diacritics(name)) + "|" + id_number.
func normalisedIdentity(name, idNumber string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == 'đ' || r == 'Đ' {
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ") + "|" + strings.TrimSpace(idNumber)
}

func TestDemoKeysDecrypt(t *testing.T) {
	pr := loadProvince(t)
	ids := ageIdentities(t)
	for _, o := range pr.offices.Offices {
		if got := ids[o.Code].Recipient().String(); !slices.Equal(o.Recipients, []string{got}) {
			t.Errorf("office %s: recipients %v, but its demo key is %s", o.Code, o.Recipients, got)
		}
	}
	sealed, err := fs.ReadFile(Province, "province/registry/blind-index.key.age")
	if err != nil {
		t.Fatal(err)
	}
	var key []byte
	for _, o := range offices {
		k, err := decrypt(sealed, ids[o])
		if err != nil || len(k) != 32 {
			t.Fatalf("blind-index.key.age with %s's key: %d bytes, %v", o, len(k), err)
		}
		if key != nil && !bytes.Equal(k, key) {
			t.Fatal("the blind index key differs by office")
		}
		key = k
	}
	toCao := 0
	for p, pet := range pr.petitions {
		b64 := strings.TrimSuffix(strings.TrimPrefix(pet.Petitioner, "ENC[age,"), "]")
		ct, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Errorf("%s: petitioner is not base64: %v", p, err)
			continue
		}
		plain, err := decrypt(ct, ids[pet.Office])
		if err != nil {
			t.Errorf("%s: the %s demo key does not decrypt it: %v", p, pet.Office, err)
			continue
		}
		var who struct {
			Name     string `yaml:"name"`
			IDNumber string `yaml:"id_number"`
			Address  string `yaml:"address"`
			Phone    string `yaml:"phone"`
		}
		if err := decodeStrict(plain, &who); err != nil || who.Name == "" || len(who.IDNumber) != 12 ||
			who.Address == "" || who.Phone == "" {
			t.Errorf("%s: decrypted identity %q: %v", p, plain, err)
		}
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(normalisedIdentity(who.Name, who.IDNumber)))
		if want := "bi1:" + hex.EncodeToString(mac.Sum(nil)); pet.PetitionerIndex != want {
			t.Errorf("%s: petitioner_index does not match the identity", p)
		}
		for _, o := range offices {
			if o == pet.Office {
				continue
			}
			_, err := decrypt(ct, ids[o])
			if pet.Type == "to-cao" && err == nil {
				t.Errorf("%s: a denunciation decrypts with %s's key; it must be readable by %s alone", p, o, pet.Office)
			}
			if pet.Type != "to-cao" && err != nil {
				t.Errorf("%s: %s's key does not decrypt it: %v", p, o, err)
			}
		}
		if pet.Type == "to-cao" {
			toCao++
		}
	}
	if toCao == 0 {
		t.Error("no to-cao petition to check")
	}
}

func TestDrafts(t *testing.T) {
	files := yamlFiles(t, Drafts, "drafts")
	if len(files) < 2 || len(files) > 3 {
		t.Errorf("%d drafts, want 2-3", len(files))
	}
	notNFC := 0
	for _, f := range files {
		data, err := fs.ReadFile(Drafts, f)
		if err != nil {
			t.Fatal(err)
		}
		checkText(t, f, data, false)
		if !norm.NFC.IsNormal(data) {
			notNFC++
		}
		if !strings.HasPrefix(string(data), "# ") {
			t.Errorf("%s: no comment on top saying what is wrong", f)
		}
		var head struct {
			Kind string `yaml:"kind"`
		}
		if err := yaml.Unmarshal(data, &head); err != nil || !slices.Contains(record.Kinds, head.Kind) {
			t.Errorf("%s: kind %q, %v", f, head.Kind, err)
		}
	}
	if notNFC != 1 {
		t.Errorf("%d drafts hold text not in NFC, want exactly the deliberate one", notNFC)
	}
}

// Nothing in the example province lets a reader learn who a petitioner is: every `petitioner` field, in
// any record, is a well-formed age ciphertext, and no line of a petition — values and comments alike, the
// sealed identity and a well-formed blind index aside — holds what looks like a citizen ID or a phone
// number (the rule petition/plaintext's detector). The one plaintext identity shipped is the draft that
// shows the finding.
func TestNoPlaintextIdentity(t *testing.T) {
	scan := func(fsys fs.FS, root string) (plaintext []string) {
		for _, full := range yamlFiles(t, fsys, root) {
			data, err := fs.ReadFile(fsys, full)
			if err != nil {
				t.Fatal(err)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Errorf("%s: %v", full, err)
				continue
			}
			for _, v := range fieldValues(&doc, "petitioner") {
				if _, err := petition.ParseSealed(v); err != nil {
					plaintext = append(plaintext, full)
				}
			}
			if !strings.Contains(full, "/petitions/") {
				continue
			}
			for i, line := range strings.Split(string(data), "\n") {
				text := line
				if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok && (k == "petitioner" || (k == "petitioner_index" && blindIndex.MatchString(v))) {
					text = k
				}
				if n := petition.FindNumbers(text); len(n) > 0 {
					t.Errorf("%s:%d: a number that looks like a citizen ID or a phone number", full, i+1)
				}
			}
		}
		return plaintext
	}
	if got := scan(Province, "province"); len(got) > 0 {
		t.Errorf("plaintext identities in the example province: %v", got)
	}
	if got := scan(Drafts, "drafts"); !slices.Equal(got, []string{"drafts/VPDBHD-2026-000045.yaml"}) {
		t.Errorf("plaintext identities in the drafts: %v, want the deliberate one", got)
	}
}

// fieldValues returns the values of every mapping key named key in the tree ("" for one that is not a
// scalar).
func fieldValues(n *yaml.Node, key string) []string {
	var out []string
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value != key {
				continue
			}
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode {
				out = append(out, v.Value)
			} else {
				out = append(out, "") // spelt out as fields: never sealed
			}
		}
	}
	for _, c := range n.Content {
		out = append(out, fieldValues(c, key)...)
	}
	return out
}
