package i18n

var policyMsgs = map[string]Text{
	"policy.range":              {"%s = %d ngoài khoảng %d–%d", "%s = %d is outside %d–%d"},
	"policy.terms":              {"nhiệm kỳ %q: cần ngày dạng YYYY-MM-DD, tăng dần", "term %q: dates YYYY-MM-DD in ascending order"},
	"policy.week":               {"hạn nộp chương trình tuần %q: viết như \"thursday 17:00\"", "weekly deadline %q: write it like \"thursday 17:00\""},
	"policy.days":               {"%q không phải một khoảng ngày: viết như 7d, 7 ngày, 2 tuần hoặc 5 ngày làm việc", "%q is not a span of days: write it like 7d, 2w or 5wd (working days)"},
	"policy.petition_from":      {"thời hạn %q: bước thụ lý (accept) không tính từ ngày thụ lý (from: accepted)", "limit %q: the accept step cannot be counted from acceptance (from: accepted)"},
	"policy.petition_extension": {"thời hạn %q: có extensions thì phải có extension_days (số ngày mỗi lần gia hạn)", "limit %q: extensions needs extension_days (the days of each extension)"},
}
