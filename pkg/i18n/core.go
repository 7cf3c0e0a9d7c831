package i18n

var core = map[string]Text{
	"severity.error":   {"lỗi", "error"},
	"severity.warning": {"cảnh báo", "warning"},
	"severity.info":    {"thông tin", "info"},
	"finding.see":      {"xem %s", "see %s"},
	"finding.summary":  {"%d tệp, %d hồ sơ: %d lỗi, %d cảnh báo, %d thông tin", "%d files, %d records: %d errors, %d warnings, %d infos"},
}
