package policy

import (
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/record"
)

func hcm(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// AddDays counts from the day after, skipping weekends and holidays and counting make-up working days when
// working, and calendar days otherwise; the time of day does not matter.
func TestAddDays(t *testing.T) {
	loc := hcm(t)
	h := record.Holidays{Days: []record.Holiday{{From: "2027-02-04", To: "2027-02-10", Name: "Tết"}},
		Workdays: []record.Workday{{Date: "2027-02-13", Name: "Làm bù"}}}
	p, _ := FromSettings(record.Settings{}, h, loc)
	cases := []struct {
		from    string
		n       int
		working bool
		want    string
	}{
		{"2027-02-02 16:30", 0, true, "2027-02-02"},
		{"2027-02-02 16:30", 1, true, "2027-02-03"},
		{"2027-02-02 08:00", 2, true, "2027-02-11"},  // Tết skipped
		{"2027-02-11 08:00", 2, true, "2027-02-13"},  // Friday 12, then the make-up Saturday
		{"2027-02-12 08:00", 2, true, "2027-02-15"},  // Saturday 13 (make-up), Monday 15
		{"2027-02-13 08:00", 1, true, "2027-02-15"},  // from the make-up Saturday itself
		{"2027-02-02 08:00", 2, false, "2027-02-04"}, // calendar days: Tết counts
		{"2027-02-02 08:00", -3, false, "2027-02-02"},
	}
	for _, c := range cases {
		from, _ := time.ParseInLocation("2006-01-02 15:04", c.from, loc)
		got := p.AddDays(from, c.n, c.working)
		if got.Format(time.DateOnly) != c.want || got.Hour() != 0 || got.Location() != loc {
			t.Errorf("AddDays(%s, %d, %v) = %v, want %s 00:00", c.from, c.n, c.working, got, c.want)
		}
	}
	if got := p.NextWorkingDay(time.Date(2027, 2, 6, 15, 0, 0, 0, loc)); got.Format(time.DateOnly) != "2027-02-11" {
		t.Errorf("NextWorkingDay in Tết: %v", got)
	}
	if got := p.NextWorkingDay(time.Date(2027, 2, 13, 15, 0, 0, 0, loc)); got.Format(time.DateOnly) != "2027-02-13" {
		t.Errorf("NextWorkingDay on a make-up Saturday: %v", got)
	}
	// A registry with no working day for years does not hang the count.
	var long []record.Holiday
	for y := 2027; y < 2040; y++ {
		for m := 1; m <= 12; m++ {
			first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, loc)
			long = append(long, record.Holiday{From: first.Format(time.DateOnly), To: first.AddDate(0, 1, -1).Format(time.DateOnly), Name: "x"})
		}
	}
	q, _ := FromSettings(record.Settings{}, record.Holidays{Days: long}, loc)
	if got := q.AddDays(time.Date(2027, 1, 1, 0, 0, 0, 0, loc), 5, true); got.Year() > 2037 {
		t.Errorf("AddDays over years of holidays: %v", got)
	}
}

// The defaults follow the law; coord.yaml replaces an entry by its name, adds others, and an entry that
// cannot be applied is a problem and left out. The most specific entry wins, then the last listed.
func TestPetitionLimits(t *testing.T) {
	loc := hcm(t)
	p := Default(loc)
	lim := func(c PetitionCase, step string) string {
		l, ok := p.PetitionLimit(c, step)
		if !ok {
			return "none"
		}
		return l.Name
	}
	for _, c := range []struct {
		c    PetitionCase
		step string
		want string
	}{
		{PetitionCase{Type: "khieu-nai"}, StepAccept, "khieu-nai-accept"},
		{PetitionCase{Type: "khieu-nai", Attempt: 2}, StepAccept, "khieu-nai-accept"},
		{PetitionCase{Type: "khieu-nai"}, StepResolve, "khieu-nai-resolve"},
		{PetitionCase{Type: "khieu-nai", Complex: true, Remote: true}, StepResolve, "khieu-nai-resolve-remote-complex"},
		{PetitionCase{Type: "khieu-nai", Attempt: 2, Complex: true}, StepResolve, "khieu-nai-2-resolve-complex"},
		{PetitionCase{Type: "khieu-nai"}, StepForward, "none"},
		{PetitionCase{Type: "to-cao", Remote: true}, StepResolve, "to-cao-resolve"},
		{PetitionCase{Type: "to-cao", Complex: true}, StepAccept, "to-cao-accept-complex"},
		{PetitionCase{Type: "kien-nghi"}, StepAnswer, "kien-nghi-answer"},
		{PetitionCase{Type: "phan-anh"}, StepAnswer, "phan-anh-answer"},
		{PetitionCase{Type: "phan-anh"}, StepResolve, "none"},
	} {
		if got := lim(c.c, c.step); got != c.want {
			t.Errorf("%+v %s: %s, want %s", c.c, c.step, got, c.want)
		}
	}
	if p.PetitionRemind != 3 || p.ReceptionNotice != 5 {
		t.Errorf("defaults: remind %d, notice %d", p.PetitionRemind, p.ReceptionNotice)
	}

	var s record.Settings
	s.Policy.PetitionRemind = 5
	s.Policy.ReceptionNotice = 7
	s.Policy.Petitions = []record.PetitionLimit{
		{Name: "kien-nghi-answer", Type: "kien-nghi", Step: StepAnswer, From: FromReceived, Days: 15, WorkingDays: true, Source: "Nghị quyết của tỉnh"},
		{Name: "phan-anh-answer-tinh", Type: "phan-anh", Step: StepAnswer, From: FromReceived, Days: 7, WorkingDays: true, Source: "Quy chế"},
		{Name: "sai", Type: "to-cao", Step: StepAccept, From: FromAccepted, Days: 7, Source: "x"},
		{Name: "sai-2", Type: "to-cao", Step: StepResolve, From: FromAccepted, Days: 7, Extensions: 1, Source: "x"},
	}
	p, probs := FromSettings(s, record.Holidays{}, loc)
	if len(probs) != 2 || probs[0].Field[2] != 2 || probs[1].Field[2] != 3 {
		t.Fatalf("problems: %+v", probs)
	}
	if l, _ := p.PetitionLimit(PetitionCase{Type: "kien-nghi"}, StepAnswer); l.Days != 15 || l.Source != "Nghị quyết của tỉnh" {
		t.Errorf("replaced: %+v", l)
	}
	if got := lim(PetitionCase{Type: "phan-anh"}, StepAnswer); got != "phan-anh-answer-tinh" {
		t.Errorf("added, listed last: %s", got)
	}
	if got := lim(PetitionCase{Type: "to-cao"}, StepAccept); got != "to-cao-accept" {
		t.Errorf("a bad entry applied: %s", got)
	}
	if p.PetitionRemind != 5 || p.ReceptionNotice != 7 {
		t.Errorf("settings: remind %d, notice %d", p.PetitionRemind, p.ReceptionNotice)
	}
	if len(DefaultPetitionLimits()) != 15 || DefaultPetitionLimits()[0].Source != "Luật Khiếu nại năm 2011, Điều 27" {
		t.Errorf("the defaults changed: %+v", DefaultPetitionLimits()[0])
	}
}

func TestParseDays(t *testing.T) {
	for s, want := range map[string]Days{
		"7d": {7, false}, "7": {7, false}, " 7 ngày ": {7, false}, "7 NGÀY": {7, false}, "2w": {14, false},
		"2 tuần": {14, false}, "5wd": {5, true}, "5 ngày làm việc": {5, true}, "0d": {0, false}, "3660": {3660, false},
	} {
		got, err := ParseDays(s)
		if err != nil || got != want {
			t.Errorf("ParseDays(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "d", "7x", "-3d", "+3d", "7 tháng", "3661", "600w", "99999999999d", "7d7d"} {
		if got, err := ParseDays(s); err == nil {
			t.Errorf("ParseDays(%q) = %v, want an error", s, got)
		}
	}
}

func FuzzParseDays(f *testing.F) {
	for _, s := range []string{"7d", "2 tuần", "5 ngày làm việc", "-1", "0wd", "ngày"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDays(s)
		if err != nil {
			return
		}
		if d.N < 0 || d.N > 3660 {
			t.Fatalf("ParseDays(%q) = %v", s, d)
		}
	})
}
