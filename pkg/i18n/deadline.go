package i18n

// deadlineMsgs: the statutory deadlines of petitions (pkg/petition) and `coord petition due` — the words for a
// petition's type and step that rules and commands share, and the listing.
var deadlineMsgs = map[string]Text{
	"deadline.type":             {"đơn %s", "%s"},
	"deadline.type.khieu-nai-2": {"đơn khiếu nại lần hai", "second complaint"},
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

	// help of coord petition due (help.petition.short is the parent's: the petition commands' catalog, when
	// merged with them, holds its own)
	"help.petition.due.use":   {"due [--office MÃ] [--within KHOẢNG] [--format text|json]", "due [--office CODE] [--within SPAN] [--format text|json]"},
	"help.petition.due.short": {"Các đơn đang mở và hạn xử lý tiếp theo theo luật, đơn gấp nhất trước", "Open petitions and their next statutory deadline, the most urgent first"},
	"help.petition.due.long": {
		"Liệt kê các đơn đang mở (chưa giải quyết, chưa chuyển, chưa trả lại, chưa rút) cùng hạn tiếp theo theo luật: thụ lý,\n" +
			"giải quyết hoặc trả lời, ngày hết hạn, số ngày làm việc còn lại hoặc số ngày đã quá hạn, và điều luật quy định\n" +
			"(policy.petitions trong coord.yaml). Đơn quá hạn và gần hạn nhất đứng trước. Chỉ in mã đơn, loại, văn phòng, ngày\n" +
			"và nội dung — không bao giờ in thông tin người gửi đơn. Mặc định: mọi văn phòng, mọi hạn; --as-of để xét tại một\n" +
			"ngày khác. Mã thoát 0 khi đã liệt kê xong.",
		"Lists the open petitions (not resolved, forwarded, refused or withdrawn) with their next statutory deadline:\n" +
			"acceptance, resolution or answer, its last day, the working days left or the days overdue, and the article that\n" +
			"sets it (policy.petitions in coord.yaml). Overdue and nearest first. It prints petition ids, types, offices,\n" +
			"dates and subjects — never anything of the petitioner. Default: every office, every deadline; --as-of to judge\n" +
			"on another day. Exit code 0 once listed.",
	},
	"help.petition.due.example": {
		"  coord petition due\n  coord petition due --office VPUBND --within 7d\n  coord petition due --within \"5 ngày làm việc\" --format json",
		"  coord petition due\n  coord petition due --office VPUBND --within 7d\n  coord petition due --within 5wd --format json",
	},
	"help.petition.due.flag.office": {"chỉ các đơn của văn phòng `MÃ`", "only the petitions of the office `CODE`"},
	"help.petition.due.flag.within": {"chỉ các đơn có hạn trong `KHOẢNG` này (7d, 2 tuần, 5 ngày làm việc) và các đơn quá hạn", "only those due within this `SPAN` (7d, 2w, 5wd: working days), and those overdue"},
	"help.petition.due.flag.format": {"`ĐỊNH-DẠNG` của danh sách: text | json", "the listing's `FORMAT`: text | json"},
}
