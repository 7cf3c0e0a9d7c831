package i18n

var repoMsgs = map[string]Text{
	"repo.not_repo":     {"%s không phải kho dữ liệu coord (không có coord.yaml)", "%s is not a coord data repo (no coord.yaml)"},
	"repo.bad_timezone": {"múi giờ %q không tồn tại (ví dụ Asia/Ho_Chi_Minh); tạm dùng Asia/Ho_Chi_Minh", "timezone %q does not exist (e.g. Asia/Ho_Chi_Minh); Asia/Ho_Chi_Minh is used"},
	"repo.not_found":    {"không tìm thấy kho dữ liệu coord (coord.yaml) tại %s hay các thư mục cha; chạy lệnh trong thư mục của kho, dùng --repo THƯ-MỤC, hoặc coord config set repo THƯ-MỤC", "no coord data repo (coord.yaml) at %s or above; run the command in the repo's folder, give --repo DIR, or run coord config set repo DIR"},
	"repo.unreadable":   {"%d bản ghi không đọc được nên không được tính; chạy coord check để xem lỗi.", "%d record(s) could not be read and were not counted; run coord check to see the errors."},
}
