package i18n

var core = map[string]Text{
	"severity.error":   {"lỗi", "error"},
	"severity.warning": {"cảnh báo", "warning"},
	"severity.info":    {"thông tin", "info"},
}
