package synth

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"time"
)

// The offices' quarterly programmes of ten years, in the example province's registry: each office's bodies,
// their leaders, the halls of the provincial centre and field trips to communes, about forty items a quarter
// and office — most on a day and a session or hours, some only in a month (not dated yet), a few joint
// liaison meetings of the three offices; leaders and halls are booked like real ones (rarely twice at once).

// synthOffice is what an office's programme names: the body it serves and its leaders.
type synthOffice struct {
	code, body string
	leaders    []string
}

var synthOffices = []synthOffice{
	{"VPTU", "BTV-TU", []string{"pham-quang-huy", "nguyen-thi-thu-hang", "hoang-van-khai", "dinh-thi-ngoc-lan", "bui-duc-thang", "ta-quoc-viet"}},
	{"VPDBHD", "TT-HDND", []string{"le-minh-tuan", "kieu-thi-bich-ngoc", "cao-van-phong", "quach-thi-thanh-tam", "vu-dinh-khoa", "lam-thi-ngoc-anh"}},
	{"VPUBND", "UBND", []string{"vo-thanh-long", "ly-thanh-son", "duong-thi-kim-oanh", "ha-minh-tri", "mai-xuan-hieu", "phan-thanh-nghia"}},
}

var synthHalls = map[string][]string{
	"VPTU":   {"hoi-truong-tinh-uy", "hoi-truong-b-tinh-uy", "phong-hop-btv-tinh-uy", "phong-hop-tt-tinh-uy"},
	"VPDBHD": {"hoi-truong-hdnd", "phong-hop-tt-hdnd", "phong-hop-doan-dbqh"},
	"VPUBND": {"hoi-truong-ubnd", "phong-hop-ubnd-so-1", "phong-hop-ubnd-so-2", "phong-hop-truc-tuyen-ubnd"},
}

var synthCommunes = []string{"xa-long-thanh", "xa-xuan-loc", "phuong-long-khanh", "phuong-binh-phuoc", "xa-tan-phu", "phuong-tam-hiep", "phuong-long-binh"}

var synthTopics = []string{"tình hình kinh tế - xã hội", "công tác cải cách hành chính", "chuyển đổi số", "công tác cán bộ",
	"tiến độ giải ngân vốn đầu tư công", "công tác tiếp công dân", "xây dựng nông thôn mới", "phòng, chống thiên tai",
	"quản lý đất đai", "an sinh xã hội", "công tác kiểm tra, giám sát", "thu ngân sách nhà nước"}

// quarterStarts are the quarters from 2017-Q1 to 2026-Q4.
func quarterStarts() []time.Time {
	var out []time.Time
	for y := 2017; y <= 2026; y++ {
		for q := 0; q < 4; q++ {
			out = append(out, time.Date(y, time.Month(1+3*q), 1, 0, 0, 0, 0, time.UTC))
		}
	}
	return out
}

// quarterName is "2026-Q3" of a quarter's first day.
func quarterName(start time.Time) string {
	return fmt.Sprintf("%d-Q%d", start.Year(), 1+(int(start.Month())-1)/3)
}

// writeProgrammes writes the three offices' programmes of every quarter from 2017 to 2026 but skip.
func writeProgrammes(dir string, rng *rand.Rand, skip string) error {
	for _, start := range quarterStarts() {
		name := quarterName(start)
		if name == skip {
			continue
		}
		var days []time.Time
		for d := start; d.Before(start.AddDate(0, 3, 0)); d = d.AddDate(0, 0, 1) {
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				days = append(days, d)
			}
		}
		busy := map[string]bool{} // person or hall, day, session
		free := func(who string, d, s int) bool { return !busy[fmt.Sprintf("%s|%d|%d", who, d, s)] }
		take := func(who string, d, s int) { busy[fmt.Sprintf("%s|%d|%d", who, d, s)] = true }
		files := make([]strings.Builder, len(synthOffices))
		for i, o := range synthOffices {
			fmt.Fprintf(&files[i], "# Chương trình công tác quý %s (dữ liệu tổng hợp).\nkind: programme\noffice: %s\nperiod: %s\nitems:\n", name, o.code, name)
		}
		// joint liaison meetings: the same key in the three programmes
		for j := 0; j < 2; j++ {
			d := rng.Intn(len(days))
			for i, o := range synthOffices {
				fmt.Fprintf(&files[i], "  - id: giao-ban-phoi-hop-%d\n    title: Giao ban phối hợp giữa ba Văn phòng lần %d\n    when: %s 16:00-17:00\n    kind: liaison\n    bodies: [%s]\n    joint: giao-ban-%s-%d\n",
					j+1, j+1, days[d].Format("2006-01-02"), o.body, strings.ToLower(name), j+1)
			}
		}
		for i, o := range synthOffices {
			w := &files[i]
			n := 36 + rng.Intn(10)
			for k := 0; k < n; k++ {
				topic := synthTopics[rng.Intn(len(synthTopics))]
				id := fmt.Sprintf("muc-%03d", k+1)
				if rng.Intn(12) == 0 { // not dated yet: a month
					fmt.Fprintf(w, "  - id: %s\n    title: Kiểm tra %s tại các xã, phường\n    when: %s\n    kind: other\n    bodies: [%s]\n    tentative: true\n",
						id, topic, start.AddDate(0, rng.Intn(3), 0).Format("2006-01"), o.body)
					continue
				}
				d, s := rng.Intn(len(days)), rng.Intn(2)
				date := days[d].Format("2006-01-02")
				chair := ""
				for try := 0; try < 8 && chair == ""; try++ {
					if p := o.leaders[rng.Intn(len(o.leaders))]; free(p, d, s) {
						chair = p
					}
				}
				if chair == "" && rng.Intn(50) != 0 {
					continue // everyone is busy: no event then (now and then, a double booking)
				}
				if chair == "" {
					chair = o.leaders[0]
				}
				take(chair, d, s)
				var att []string
				for a := rng.Intn(3); a > 0; a-- {
					if p := o.leaders[rng.Intn(len(o.leaders))]; p != chair && free(p, d, s) {
						take(p, d, s)
						att = append(att, p)
					}
				}
				when := []string{date + " 08:00-11:30", date + " 14:00-16:30"}[s]
				if rng.Intn(3) == 0 {
					when = date + []string{" sáng", " chiều"}[s]
				}
				if rng.Intn(6) == 0 { // a field trip takes the session in a commune
					fmt.Fprintf(w, "  - id: %s\n    title: Làm việc tại cơ sở về %s\n    when: %s\n    kind: field-trip\n    bodies: [%s]\n    locality: %s\n    chair: [%s]\n",
						id, topic, when, o.body, synthCommunes[rng.Intn(len(synthCommunes))], chair)
				} else {
					place := ""
					for _, h := range synthHalls[o.code] {
						if free(h, d, s) {
							place = h
							take(h, d, s)
							break
						}
					}
					fmt.Fprintf(w, "  - id: %s\n    title: Họp về %s\n    when: %s\n    kind: meeting\n    bodies: [%s]\n", id, topic, when, o.body)
					if place != "" {
						fmt.Fprintf(w, "    place: %s\n", place)
					} else {
						fmt.Fprintf(w, "    place: Phòng họp đơn vị\n") // free text
					}
					fmt.Fprintf(w, "    chair: [%s]\n", chair)
				}
				if len(att) > 0 {
					fmt.Fprintf(w, "    attendees: [%s]\n", strings.Join(att, ", "))
				}
			}
			rel := fmt.Sprintf("programmes/%d/Q%d/%s.yaml", start.Year(), 1+(int(start.Month())-1)/3, o.code)
			if err := write(filepath.Join(dir, filepath.FromSlash(rel)), []byte(w.String())); err != nil {
				return err
			}
		}
	}
	return nil
}
