package i18n

var newMsgs = map[string]Text{
	"new.no_office":  {"chưa đặt văn phòng của bạn: chạy coord config set office MÃ, hoặc dùng --office (MÃ là một trong: %s)", "your office is not set: run coord config set office CODE, or give --office (CODE is one of: %s)"},
	"new.bad_office": {"không có văn phòng %q (một trong: %s)", "no office %q (one of: %s)"},
	"new.no_period":  {"cần --period, ví dụ --period 2026-Q3", "--period is required, e.g. --period 2026-Q3"},
	"new.no_slug":    {"cần --slug hoặc --number để đặt tên tệp", "--slug or --number is required to name the file"},
	"new.bad_slug":   {"%q không dùng được làm tên tệp", "%q is not a safe file name"},
	"new.bad_kind":   {"không có loại hồ sơ %q (một trong: %s)", "no record kind %q (one of: %s)"},
	"new.exists":     {"%s đã có; dùng --force để ghi đè", "%s exists; use --force to overwrite"},
	"new.wrote":      {"đã tạo %s — điền nội dung rồi chạy coord check, coord submit", "wrote %s — fill it in, then run coord check and coord submit"},
}
