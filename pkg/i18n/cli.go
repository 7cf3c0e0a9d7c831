package i18n

var cliMsgs = map[string]Text{
	"cli.bad_format":  {"định dạng %q không hỗ trợ (một trong: %s)", "unsupported format %q (one of: %s)"},
	"cli.bad_instant": {"thời điểm %q không hợp lệ: viết 2026-06-20, 2026-06-20T08:30 hoặc 20/6/2026", "invalid instant %q: write 2026-06-20, 2026-06-20T08:30 or 20/6/2026"},
	"cli.bad_lang":    {"ngôn ngữ %q không hỗ trợ: vi hoặc en", "unsupported language %q: vi or en"},
	"cli.error":       {"lỗi: %s", "error: %s"},
	"cli.internal":    {"lỗi nội bộ của coord (xin báo cho người quản trị, kèm lệnh đã chạy): %v", "internal coord error (please report it with the command you ran): %v"},
	"cli.no_path":     {"không đọc được %s: %s", "cannot read %s: %s"},
	"cli.out_in_repo": {"thư mục %s nằm trong kho dữ liệu: tệp ở đó sẽ được gửi cho mọi văn phòng; chọn một thư mục ngoài kho, hoặc một thư mục trong %s/ nếu muốn đưa vào kho", "the folder %s lies inside the data repo, whose files reach every office; choose a folder outside it, or one under %s/ to publish them"},
}

var checkMsgs = map[string]Text{
	"check.unknown_rule": {"không có quy tắc %q (các quy tắc: %s)", "no rule %q (rules: %s)"},
	"check.outside":      {"%s nằm ngoài kho dữ liệu %s", "%s lies outside the data repo %s"},
}
