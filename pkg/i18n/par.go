package i18n

// parMsgs: a panic caught in a worker goroutine (pkg/par).
var parMsgs = map[string]Text{
	"par.panic":    {"lỗi nội bộ của coord khi xử lý dữ liệu (xin báo cho người quản trị, kèm lệnh đã chạy): %s", "internal coord error while processing the data (please report it with the command you ran): %s"},
	"par.panic_in": {"lỗi nội bộ của coord khi đọc %s (xin báo cho người quản trị, kèm lệnh đã chạy): %s", "internal coord error while reading %s (please report it with the command you ran): %s"},
}
