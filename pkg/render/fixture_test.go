package render

import (
	"bytes"
	"flag"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/internal/testtool"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/policy"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/when"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// vnZone is the repo's timezone of the fixture.
var vnZone = time.FixedZone("Asia/Ho_Chi_Minh", 7*3600)

// fixture is a consolidated programme of Quarter III 2026 for a fictional Đồng Nai: three offices, sixteen
// items from July to September (two joint activities, a coarse month and a coarse week, a weekend evening, a
// multi-day session, a free-text place and an unregistered person), one item moved and one dropped by the
// coordinator, and three conflicts (one resolved by the move, one kept with a reason, one open).
func fixture() Input {
	offices := []record.Office{
		{Code: "VPTU", Name: "Văn phòng Tỉnh ủy", Serves: []string{"BTV-TU", "TT-TU"}},
		{Code: "VPDBHD", Name: "Văn phòng Đoàn ĐBQH và HĐND tỉnh", Serves: []string{"HDND", "TT-HDND", "DBQH"}},
		{Code: "VPUBND", Name: "Văn phòng UBND tỉnh", Serves: []string{"UBND"}},
	}
	bodies := []record.Body{
		{Code: "BCH-TU", Name: "Ban Chấp hành Đảng bộ tỉnh"},
		{Code: "BTV-TU", Name: "Ban Thường vụ Tỉnh ủy"},
		{Code: "TT-TU", Name: "Thường trực Tỉnh ủy"},
		{Code: "HDND", Name: "Hội đồng nhân dân tỉnh"},
		{Code: "TT-HDND", Name: "Thường trực Hội đồng nhân dân tỉnh"},
		{Code: "DBQH", Name: "Đoàn đại biểu Quốc hội tỉnh"},
		{Code: "UBND", Name: "Ủy ban nhân dân tỉnh"},
	}
	people := []record.Person{
		{ID: "pham-quang-huy", Name: "Phạm Quang Huy"},
		{ID: "nguyen-thi-thu-hang", Name: "Nguyễn Thị Thu Hằng"},
		{ID: "vo-thanh-long", Name: "Võ Thành Long"},
		{ID: "le-minh-tuan", Name: "Lê Minh Tuấn"},
		{ID: "ly-thanh-son", Name: "Lý Thanh Sơn"},
		{ID: "kieu-thi-bich-ngoc", Name: "Kiều Thị Bích Ngọc"},
		{ID: "tong-thi-hai-yen", Name: "Tống Thị Hải Yến"},
		{ID: "hoang-van-khai", Name: "Hoàng Văn Khải"},
		{ID: "duong-thi-kim-oanh", Name: "Dương Thị Kim Oanh"},
	}
	localities := []record.Locality{
		{ID: "phuong-tran-bien", Name: "Phường Trấn Biên"},
		{ID: "phuong-bien-hoa", Name: "Phường Biên Hòa"},
		{ID: "xa-long-thanh", Name: "Xã Long Thành"},
		{ID: "xa-xuan-loc", Name: "Xã Xuân Lộc"},
	}
	venues := []record.Venue{
		{ID: "hoi-truong-tinh-uy", Name: "Hội trường Tỉnh ủy", Locality: "phuong-tran-bien"},
		{ID: "phong-hop-btv-tinh-uy", Name: "Phòng họp Ban Thường vụ Tỉnh ủy", Locality: "phuong-tran-bien"},
		{ID: "phong-hop-tt-tinh-uy", Name: "Phòng họp Thường trực Tỉnh ủy", Locality: "phuong-tran-bien"},
		{ID: "hoi-truong-hdnd", Name: "Hội trường HĐND tỉnh", Locality: "phuong-tran-bien"},
		{ID: "phong-hop-tt-hdnd", Name: "Phòng họp Thường trực HĐND tỉnh", Locality: "phuong-tran-bien"},
		{ID: "hoi-truong-ubnd", Name: "Hội trường UBND tỉnh", Locality: "phuong-tran-bien"},
		{ID: "tru-so-tiep-cong-dan", Name: "Trụ sở tiếp công dân tỉnh", Locality: "phuong-tran-bien"},
		{ID: "quang-truong-tinh", Name: "Quảng trường tỉnh", Locality: "phuong-bien-hoa"},
		{ID: "cong-truong-san-bay-long-thanh", Name: "Công trường Cảng hàng không quốc tế Long Thành", Locality: "xa-long-thanh"},
		{ID: "nha-van-hoa-xa-xuan-loc", Name: "Nhà văn hóa xã Xuân Lộc", Locality: "xa-xuan-loc"},
	}

	item := func(office, id, title, w, kind string, bodies []string, place string, chair, attendees []string, seq int) record.MergedItem {
		return record.MergedItem{
			Item: record.Item{ID: office + "." + id, Title: title, When: w, Kind: kind, Bodies: bodies,
				Place: place, Chair: chair, Attendees: attendees},
			Offices:  []string{office},
			Origins:  []record.Origin{{File: "programmes/2026/Q3/" + office + ".yaml", Item: id, Office: office}},
			Sequence: seq,
		}
	}
	joint := func(key, title, w, kind string, bodies []string, place string, chair, attendees []string, offices ...string) record.MergedItem {
		it := record.MergedItem{
			Item: record.Item{ID: "joint." + key, Title: title, When: w, Kind: kind, Bodies: bodies, Place: place,
				Chair: chair, Attendees: attendees, Joint: key},
			Offices: offices,
		}
		for _, o := range offices {
			it.Origins = append(it.Origins, record.Origin{File: "programmes/2026/Q3/" + o + ".yaml", Item: key, Office: o})
		}
		return it
	}

	items := []record.MergedItem{
		item("VPTU", "hoi-nghi-btv-thang-7", "Hội nghị Ban Thường vụ Tỉnh ủy thường kỳ tháng 7",
			"2026-07-02 08:00-11:30", "meeting", []string{"BTV-TU"}, "phong-hop-btv-tinh-uy",
			[]string{"pham-quang-huy"}, []string{"nguyen-thi-thu-hang", "vo-thanh-long", "le-minh-tuan"}, 0),
		item("VPUBND", "phien-hop-ubnd-thang-7", "Phiên họp UBND tỉnh thường kỳ tháng 7",
			"2026-07-03 08:00-11:30", "meeting", []string{"UBND"}, "hoi-truong-ubnd",
			[]string{"vo-thanh-long"}, []string{"ly-thanh-son", "duong-thi-kim-oanh"}, 1),
		joint("ky-hop-hdnd-giua-nam", "Kỳ họp thường lệ giữa năm 2026 của HĐND tỉnh",
			"2026-07-08..2026-07-09", "session", []string{"HDND", "UBND"}, "hoi-truong-hdnd",
			[]string{"le-minh-tuan"}, []string{"pham-quang-huy", "vo-thanh-long", "kieu-thi-bich-ngoc"}, "VPDBHD", "VPTU", "VPUBND"),
		item("VPUBND", "kiem-tra-san-bay-long-thanh", "Kiểm tra tiến độ các dự án hạ tầng kết nối Cảng hàng không quốc tế Long Thành",
			"2026-07-10 08:00-11:30", "field-trip", []string{"UBND"}, "cong-truong-san-bay-long-thanh",
			[]string{"vo-thanh-long"}, []string{"giam-doc-so-xay-dung"}, 0),
		item("VPTU", "lam-viec-ban-to-chuc", "Thường trực Tỉnh ủy làm việc với Ban Tổ chức Tỉnh ủy về công tác cán bộ",
			"2026-07-14 08:00-10:00", "meeting", []string{"TT-TU"}, "phong-hop-tt-tinh-uy",
			[]string{"pham-quang-huy"}, []string{"nguyen-thi-thu-hang", "hoang-van-khai"}, 0),
		item("VPDBHD", "tiep-xuc-cu-tri-xuan-loc", "Đoàn ĐBQH tỉnh tiếp xúc cử tri sau Kỳ họp thứ nhất Quốc hội khóa XVI",
			"2026-07-14 sáng", "meeting", []string{"DBQH"}, "nha-van-hoa-xa-xuan-loc",
			[]string{"pham-quang-huy"}, []string{"tong-thi-hai-yen"}, 2),
		item("VPUBND", "tiep-cong-dan-thang-7", "Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng 7",
			"2026-07-22 sáng", "reception", []string{"UBND"}, "tru-so-tiep-cong-dan",
			[]string{"vo-thanh-long"}, nil, 0),
		item("VPTU", "hop-mat-ky-niem-thuong-binh-liet-si", "Họp mặt kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2026)",
			"2026-07-24 08:00-10:00", "ceremony", []string{"BTV-TU"}, "hoi-truong-tinh-uy",
			[]string{"nguyen-thi-thu-hang"}, nil, 0),
		item("VPUBND", "kiem-tra-cai-cach-hanh-chinh", "Đoàn kiểm tra của UBND tỉnh kiểm tra công tác cải cách hành chính, chuyển đổi số tại các xã, phường",
			"2026-08", "other", []string{"UBND"}, "", []string{"ly-thanh-son"}, nil, 0),
		item("VPDBHD", "phien-hop-tt-hdnd-thang-8", "Phiên họp Thường trực HĐND tỉnh tháng 8",
			"2026-08-05 08:00-11:00", "meeting", []string{"TT-HDND"}, "phong-hop-tt-hdnd",
			[]string{"le-minh-tuan"}, []string{"kieu-thi-bich-ngoc"}, 0),
		item("VPUBND", "tiep-cong-dan-thang-8", "Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng 8",
			"2026-08-14 sáng", "reception", []string{"UBND"}, "tru-so-tiep-cong-dan",
			[]string{"vo-thanh-long"}, nil, 0),
		item("VPTU", "chuong-trinh-nghe-thuat-2-9", "Chương trình nghệ thuật chào mừng 81 năm Cách mạng tháng Tám và Quốc khánh 2/9",
			"2026-08-29 tối", "ceremony", []string{"BTV-TU"}, "quang-truong-tinh",
			[]string{"pham-quang-huy"}, []string{"vo-thanh-long", "le-minh-tuan"}, 0),
		item("VPTU", "khao-sat-long-thanh", "Đoàn khảo sát của Tỉnh ủy về xây dựng nông thôn mới tại xã Long Thành",
			"2026-09-10 08:00-11:30", "field-trip", []string{"BTV-TU"}, "Trụ sở Đảng ủy xã Long Thành",
			[]string{"hoang-van-khai"}, nil, 0),
		item("VPUBND", "kiem-tra-giai-phong-mat-bang", "Kiểm tra công tác giải phóng mặt bằng tuyến đường cao tốc qua xã Long Thành",
			"2026-09-10 14:00-16:30", "field-trip", []string{"UBND"}, "cong-truong-san-bay-long-thanh",
			[]string{"ly-thanh-son"}, nil, 0),
		item("VPDBHD", "giam-sat-chuyen-de", "Thường trực HĐND tỉnh giám sát chuyên đề việc thực hiện chính sách bảo hiểm y tế",
			"2026-W38", "field-trip", []string{"TT-HDND"}, "", []string{"kieu-thi-bich-ngoc"}, nil, 0),
		item("VPTU", "hoi-nghi-bch-lan-5", "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5 (mở rộng)",
			"2026-09-15", "conference", []string{"BCH-TU"}, "hoi-truong-tinh-uy",
			[]string{"pham-quang-huy"}, []string{"nguyen-thi-thu-hang", "vo-thanh-long", "le-minh-tuan", "kieu-thi-bich-ngoc"}, 1),
		joint("giao-ban-q3", "Giao ban quý III giữa Thường trực Tỉnh ủy, Thường trực HĐND tỉnh và UBND tỉnh",
			"2026-09-25 14:00-16:30", "liaison", []string{"TT-TU", "TT-HDND", "UBND"}, "phong-hop-tt-tinh-uy",
			[]string{"nguyen-thi-thu-hang"}, []string{"le-minh-tuan", "vo-thanh-long"}, "VPDBHD", "VPTU", "VPUBND"),
	}
	c := &record.Consolidated{
		Kind: record.KindConsolidated, Period: "2026-Q3", Coordinator: "VPTU", Status: "approved",
		Decision: &record.Decision{Number: "12-CTr/TU", Date: "2026-06-25", By: "TT-TU"},
		Items:    items,
		Conflicts: []record.Conflict{
			{Rule: "overlap/person", Severity: "error", Subject: "person:pham-quang-huy",
				Items:   []string{"VPTU.lam-viec-ban-to-chuc", "VPDBHD.tiep-xuc-cu-tri-xuan-loc"},
				Message: "Phạm Quang Huy có hai hoạt động cùng lúc sáng Thứ Ba, 14/7/2026"},
			{Rule: "overlap/locality", Severity: "warning", Subject: "locality:xa-long-thanh",
				Items:   []string{"VPTU.khao-sat-long-thanh", "VPUBND.kiem-tra-giai-phong-mat-bang"},
				Message: "Hai đoàn của Ban Thường vụ Tỉnh ủy và UBND tỉnh cùng đi Xã Long Thành ngày 10/9/2026"},
			{Rule: "overlap/tentative", Severity: "info", Subject: "person:kieu-thi-bich-ngoc",
				Items:   []string{"VPDBHD.giam-sat-chuyen-de", "VPTU.hoi-nghi-bch-lan-5"},
				Message: "Kiều Thị Bích Ngọc có thể trùng lịch trong tuần 38/2026 & <giám sát>"},
		},
		Adjustments: []record.Adjustment{
			{Item: "VPDBHD.tiep-xuc-cu-tri-xuan-loc", Action: "move", When: "2026-07-16 sáng",
				Reason: "Đồng chí Bí thư Tỉnh ủy làm việc với Ban Tổ chức Tỉnh ủy sáng 14/7", By: "VPTU", Date: "2026-06-24"},
			{Item: "VPTU.khao-sat-long-thanh", Action: "keep",
				Reason: "Hai đoàn làm việc ở hai địa điểm khác nhau, buổi sáng và buổi chiều", By: "VPTU", Date: "2026-06-24"},
			{Item: "VPTU.hop-mat-ky-niem-thuong-binh-liet-si", Action: "drop",
				Reason: "Ghép vào Lễ viếng Nghĩa trang liệt sĩ tỉnh do UBND tỉnh tổ chức", By: "VPTU", Date: "2026-06-24"},
		},
	}

	in := Input{
		Province:    "Đồng Nai",
		Period:      period.Period{Kind: period.Quarter, Year: 2026, N: 3},
		Coordinator: offices[0],
		Offices:     map[string]record.Office{},
		Bodies:      map[string]record.Body{},
		People:      map[string]record.Person{},
		Venues:      map[string]record.Venue{},
		Localities:  map[string]record.Locality{},
		Sessions:    when.DefaultPolicy(vnZone),
		Lang:        i18n.VI,
		Generated:   time.Date(2026, 6, 26, 9, 30, 0, 0, vnZone),
	}
	for _, o := range offices {
		in.Offices[o.Code] = o
	}
	for _, b := range bodies {
		in.Bodies[b.Code] = b
	}
	for _, p := range people {
		in.People[p.ID] = p
	}
	for _, v := range venues {
		in.Venues[v.ID] = v
	}
	for _, l := range localities {
		in.Localities[l.ID] = l
	}
	repo := &datarepo.Repo{Loc: vnZone,
		Settings: record.Settings{Kind: record.KindSettings, Version: 1, Province: "Đồng Nai", Coordinator: "VPTU"},
		Offices:  record.Offices{Kind: record.KindOffices, Bodies: bodies, Offices: offices},
		People:   record.People{Kind: record.KindPeople, People: people},
		Places:   record.Places{Kind: record.KindPlaces, Localities: localities, Venues: venues}}
	fixtureCtx = rules.NewContext(repo, in.Generated, policy.Policy{Loc: vnZone, Sessions: in.Sessions})
	in.Prog = consolidate.Effective(fixtureCtx, in.Period, c)
	return in
}

// fixtureCtx is the registry and policy of the last fixture, to read its record again after a test changed it.
var fixtureCtx *rules.Context

// rec is the consolidated record of a rendering's input (a test changes it, then calls refresh).
func rec(in Input) *record.Consolidated { return in.Prog.Record }

// refresh reads the record again as the effective programme, after a test changed it.
func refresh(in Input) Input {
	in.Prog = consolidate.Effective(fixtureCtx, in.Period, in.Prog.Record)
	return in
}

// effectiveTitles are the titles every calendar-like output must show (the dropped item excluded).
func effectiveTitles(t *testing.T, in Input) []string {
	t.Helper()
	var out []string
	for _, it := range rec(in).Items {
		if it.ID != "VPTU.hop-mat-ky-niem-thuong-binh-liet-si" {
			out = append(out, it.Title)
		}
	}
	return out
}

// droppedTitle is the title of the item the coordinator left out.
const droppedTitle = "Họp mặt kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2026)"

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testtool.Golden(t, name, got, *update)
}

// render runs a renderer on the fixture and returns its output.
func render(t *testing.T, f func(*bytes.Buffer, Input) error, in Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b, in); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
