package i18n

// ciMsgs are the messages of coord in CI (issue 9): --fail-on, the suppressions of coord.yaml, the reports
// and `coord hook`.
var ciMsgs = map[string]Text{
	"ci.summary_suppressed":    {"; %d phát hiện được bỏ qua theo suppressions trong coord.yaml", "; %d findings suppressed by coord.yaml's suppressions"},
	"ci.sarif_root":            {"Gốc kho dữ liệu (thư mục chứa coord.yaml)", "The data repo's root (the folder of coord.yaml)"},
	"ci.suppress_unknown_rule": {"suppressions[%d].rule: không có quy tắc %q%s (xem coord rules)", "suppressions[%d].rule: no rule %q%s (see coord rules)"},
	"ci.suppress_blank_reason": {"suppressions[%d].reason: lý do để trống; ghi rõ vì sao bỏ qua các phát hiện này", "suppressions[%d].reason: the reason is blank; say why these findings are suppressed"},
	"ci.suppress_bad_glob":     {"suppressions[%d].paths: mẫu %q không hợp lệ (dùng *, ?, [a-z], ** và /)", "suppressions[%d].paths: malformed pattern %q (use *, ?, [a-z], ** and /)"},
	"ci.hook_installed":        {"Đã cài hook pre-commit %s: mỗi git commit chạy coord check trên các hồ sơ được stage.", "Installed the pre-commit hook %s: each git commit runs coord check on the staged records."},
	"ci.hook_foreign":          {"%s đã có và không do coord viết: không ghi đè (hãy gọi coord check từ hook đó, hoặc xoá nó rồi chạy lại coord hook install)", "%s exists and was not written by coord: not overwritten (call coord check from that hook, or remove it and run coord hook install again)"},
	"ci.hook_foreign_keep":     {"%s không do coord viết: giữ nguyên", "%s was not written by coord: left as it is"},
	"ci.hook_removed":          {"Đã gỡ hook pre-commit %s.", "Removed the pre-commit hook %s."},
	"ci.hook_none":             {"Không có hook pre-commit %s: không có gì để gỡ.", "There is no pre-commit hook %s: nothing to remove."},
	"ci.hook_no_git":           {"%s không nằm trong một kho git: chưa có nơi cài hook (chạy git init trước)", "%s is not in a git repository: there is nowhere to install a hook (run git init first)"},
	"ci.bad_fail_on":           {"--fail-on %q không hợp lệ: error hoặc warning", "invalid --fail-on %q: error or warning"},
}
