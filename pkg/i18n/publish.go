package i18n

// publishMsgs: writing a set of files (pkg/fsutil), publishing the coordinator's records and outputs
// (workspace.Publish), and submit's second check on top of other offices' work.
var publishMsgs = map[string]Text{
	// pkg/fsutil: a set of files written whole or not at all.
	"fsutil.file_busy":    {"không ghi được %s (%s): tệp đang mở trong chương trình khác? Hãy đóng tệp rồi chạy lại; các tệp khác vẫn giữ nguyên như trước", "cannot write %s (%s): is the file open in another program? Close it and run again; the other files are as they were"},
	"fsutil.write_failed": {"không ghi được %s (%s); không tệp nào bị thay đổi", "cannot write %s (%s); no file was changed"},

	// gitrepo: a commit coord makes must carry its trailer.
	"git.no_kind": {"lỗi nội bộ: thông điệp commit thiếu dòng %s, nên `coord sync` không thể gửi commit này sau; không có gì được ghi nhận", "internal error: the commit message lacks a %s line, so `coord sync` could not push the commit later; nothing was committed"},

	// workspace.Publish: the coordinator's records and outputs (merge, approve, issue, notify).
	"publish.committed":  {"Đã ghi nhận commit %s trên nhánh %s.", "Committed %s on branch %s."},
	"publish.unchanged":  {"Nhánh %s đã có đúng các tệp này, nên không có commit mới.", "Branch %s already holds exactly these files, so there is no new commit."},
	"publish.pushed":     {"Đã gửi lên máy chủ %s (nhánh %s).", "Pushed to %s (branch %s)."},
	"publish.pending":    {"Chưa gửi được vì không kết nối được máy chủ %s: commit %s được giữ trên máy và `coord sync` sẽ gửi khi có mạng.", "Not pushed because the server %s cannot be reached: commit %s is kept on this PC and `coord sync` will push it when the network is back."},
	"publish.no_push":    {"Commit được giữ trên máy (--no-push); `coord sync` sẽ gửi lên máy chủ.", "The commit is kept on this PC (--no-push); `coord sync` will push it."},
	"publish.no_remote":  {"Bản sao này chưa khai báo máy chủ %q, nên commit chỉ nằm trên máy này và không được gửi đi đâu.", "This clone has no remote %q, so the commit stays on this PC and nothing was pushed."},
	"publish.kept_local": {"Commit %s vẫn được giữ trên máy; khắc phục lỗi trên rồi chạy `coord sync` để gửi.", "Commit %s is kept on this PC; fix the problem above, then run `coord sync` to push it."},

	// coord submit: the second check, on top of the work the server brought while the submission was sent.
	"git.submit.recheck":          {"Máy chủ đã nhận bài nộp mới của văn phòng khác; hồ sơ nộp được kiểm tra lại trên nền các bài đó:", "The server has new submissions from other offices; the submitted records were checked again on top of them:"},
	"git.submit.recheck_warnings": {"%d cảnh báo mới cho văn phòng điều phối (không chặn việc nộp).", "%d new warnings for the coordinating office (they do not block the submission)."},
	"git.submit.recheck_refused":  {"Không nộp: so với bài nộp mà văn phòng khác vừa gửi lên máy chủ, hồ sơ của bạn có %d lỗi (xem ở trên). Tệp của bạn vẫn nằm trong thư mục làm việc; chạy `coord sync`, sửa rồi nộp lại.", "Not submitted: against the submissions other offices have just sent to the server, your records have %d errors (see above). Your file is still in the working folder; run `coord sync`, fix it and submit again."},
}
