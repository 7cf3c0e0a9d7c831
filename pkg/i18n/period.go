package i18n

var periodMsgs = map[string]Text{
	"period.invalid":       {"kỳ %q không hợp lệ: viết 2026 (năm), 2026-Q3 (quý), 2026-07 (tháng) hoặc 2026-W27 (tuần)", "invalid period %q: write 2026 (year), 2026-Q3 (quarter), 2026-07 (month) or 2026-W27 (week)"},
	"period.no_week":       {"kỳ %q không tồn tại: năm %d chỉ có %d tuần ISO", "period %q does not exist: ISO year %d has %d weeks"},
	"period.label.quarter": {"Quý %s năm %d", "Quarter %s %d"},
	"period.label.month":   {"tháng %d năm %d", "month %d of %d"},
	"period.label.week":    {"tuần %d năm %d", "week %d of %d"},
	"period.label.year":    {"năm %d", "year %d"},
}
