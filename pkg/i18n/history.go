package i18n

// historyMsgs: the history is the server's (pkg/gitrepo pending.go) and the commit author is checked.
var historyMsgs = map[string]Text{
	"git.bad_name":  {"tên người commit %s không dùng được (trống, có ký tự điều khiển hoặc dấu < >); đặt lại, ví dụ coord config set name \"Lê Thu Hà\"", "the committer's name %s cannot be used (empty, or with control characters or < >); set it again, e.g. coord config set name \"Lê Thu Hà\""},
	"git.bad_email": {"thư điện tử của người commit %s không hợp lệ; đặt lại một địa chỉ, ví dụ coord config set email ha.lt@vptu.example.vn", "the committer's email %s is not valid; set one address, e.g. coord config set email ha.lt@vptu.example.vn"},
	"git.bad_time":  {"đồng hồ cho thời điểm commit %s, trước năm 1980; kiểm tra đồng hồ máy tính hoặc --as-of", "the clock gives %s as the commit time, before 1980; check the computer's clock or --as-of"},
	"git.no_rev":    {"không tìm thấy %q trong kho: ghi mã commit, tên nhánh (main, origin/main) hoặc HEAD, có thể kèm ~N", "%q is not in the repository: give a commit id, a branch (main, origin/main) or HEAD, optionally with ~N"},
	"git.history_rewritten": {"Máy chủ đã viết lại lịch sử của nhánh chính: %d commit từng tải về không còn trên máy chủ nên đã được bỏ khỏi bản sao này, không gửi lại (%s). Bài nộp của chính máy này vẫn được giữ và gửi.",
		"The server rewrote the main branch's history: %d commits fetched earlier are no longer on the server, so this clone dropped them instead of pushing them back (%s). This clone's own submissions are kept and pushed."},
}
