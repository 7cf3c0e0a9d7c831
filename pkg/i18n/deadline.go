package i18n

// deadlineMsgs: the statutory deadlines of petitions (pkg/petition) and `coord petition due` — the words for a
// petition's type and step that rules and commands share, and the listing.
var deadlineMsgs = map[string]Text{
	"deadline.type.khieu-nai":   {"đơn khiếu nại", "complaint"},
	"deadline.type.khieu-nai-2": {"đơn khiếu nại lần hai", "second complaint"},
	"deadline.type.to-cao":      {"đơn tố cáo", "denunciation"},
	"deadline.type.kien-nghi":   {"đơn kiến nghị", "recommendation"},
	"deadline.type.phan-anh":    {"đơn phản ánh", "reflection"},
	"deadline.type.other":       {"đơn %q", "petition %q"},
	"deadline.step.accept":      {"thụ lý", "acceptance"},
	"deadline.step.forward":     {"chuyển đơn", "forwarding"},
	"deadline.step.resolve":     {"giải quyết", "resolution"},
	"deadline.step.answer":      {"trả lời", "answer"},
	"deadline.step.other":       {"bước %q", "step %q"},
	"deadline.source":           {"%s", "%s"},
	"deadline.extended":         {"%s; đã gia hạn %d lần", "%s; extended %d times"},

	// coord petition due
	"deadline.due.all":            {"mọi văn phòng", "every office"},
	"deadline.due.office":         {"%s", "%s"},
	"deadline.due.title":          {"Đơn thư đang chờ xử lý của %s, tính đến ngày %s: %d đơn, đơn gấp nhất trước.", "Open petitions of %s as of %s: %d, the most urgent first."},
	"deadline.due.within":         {"Chỉ gồm các đơn có hạn đến hết ngày %s và các đơn đã quá hạn.", "Only those due by the end of %s, and those overdue."},
	"deadline.due.head":           {"%s — %s, %s, nhận ngày %s", "%s — %s, %s, received on %s"},
	"deadline.due.subject":        {"  Nội dung: %s", "  Subject: %s"},
	"deadline.due.overdue":        {"  Hạn %s: hết ngày %s, đã quá %d ngày (%s).", "  Deadline for %s: the end of %s, overdue by %d days (%s)."},
	"deadline.due.last_day":       {"  Hạn %s: hôm nay, ngày %s, là ngày cuối cùng (%s).", "  Deadline for %s: today, %s, is the last day (%s)."},
	"deadline.due.left":           {"  Hạn %s: hết ngày %s, còn %d ngày làm việc (%s).", "  Deadline for %s: the end of %s, %d working days left (%s)."},
	"deadline.due.unknown_office": {"văn phòng %q không có trong registry/offices.yaml (các mã: %s)", "office %q is not in registry/offices.yaml (codes: %s)"},
}
