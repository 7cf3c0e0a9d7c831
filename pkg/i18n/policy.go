package i18n

var policyMsgs = map[string]Text{
	"policy.range": {"%s = %d ngoài khoảng %d–%d", "%s = %d is outside %d–%d"},
	"policy.terms": {"nhiệm kỳ %q: cần ngày dạng YYYY-MM-DD, tăng dần", "term %q: dates YYYY-MM-DD in ascending order"},
	"policy.week":  {"hạn nộp chương trình tuần %q: viết như \"thursday 17:00\"", "weekly deadline %q: write it like \"thursday 17:00\""},
}
