package i18n

// ciMsgs are the messages of coord in CI (issue 9): --fail-on, the suppressions of coord.yaml, the reports
// and `coord hook`.
var ciMsgs = map[string]Text{
	"ci.summary_suppressed":    {"; %d phát hiện được bỏ qua theo suppressions trong coord.yaml", "; %d findings suppressed by coord.yaml's suppressions"},
	"ci.sarif_root":            {"Gốc kho dữ liệu (thư mục chứa coord.yaml)", "The data repo's root (the folder of coord.yaml)"},
	"ci.suppress_unknown_rule": {"suppressions[%d].rule: không có quy tắc %q%s (xem coord rules)", "suppressions[%d].rule: no rule %q%s (see coord rules)"},
	"ci.suppress_blank_reason": {"suppressions[%d].reason: lý do để trống; ghi rõ vì sao bỏ qua các phát hiện này", "suppressions[%d].reason: the reason is blank; say why these findings are suppressed"},
	"ci.suppress_bad_glob":     {"suppressions[%d].paths: mẫu %q không hợp lệ (dùng *, ?, [a-z], ** và /)", "suppressions[%d].paths: malformed pattern %q (use *, ?, [a-z], ** and /)"},
	"ci.bad_fail_on":           {"--fail-on %q không hợp lệ: error hoặc warning", "invalid --fail-on %q: error or warning"},
}
