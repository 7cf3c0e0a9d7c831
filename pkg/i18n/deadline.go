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
}
