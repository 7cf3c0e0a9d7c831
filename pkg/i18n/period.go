package i18n

var periodMsgs = map[string]Text{
	"period.invalid":       {"kỳ %q không hợp lệ: viết 2026 (năm), 2026-Q3 (quý), 2026-07 (tháng) hoặc 2026-W27 (tuần)", "invalid period %q: write 2026 (year), 2026-Q3 (quarter), 2026-07 (month) or 2026-W27 (week)"},
	"period.invalid_clerk": {"kỳ %q không hợp lệ: viết quý như 2026-Q3 hoặc \"quý 3/2026\", tháng như 2026-07 hoặc \"tháng 7/2026\", tuần như 2026-W27 hoặc \"tuần 27/2026\", năm như 2026 hoặc \"năm 2026\"", "invalid period %q: write a quarter as 2026-Q3 or \"quý 3/2026\", a month as 2026-07 or \"tháng 7/2026\", a week as 2026-W27 or \"tuần 27/2026\", a year as 2026 or \"năm 2026\""},
	"period.no_week":       {"kỳ %q không tồn tại: năm %d chỉ có %d tuần ISO", "period %q does not exist: ISO year %d has %d weeks"},
	"period.label.quarter": {"Quý %s năm %d", "Quarter %s %d"},
	"period.label.month":   {"tháng %d năm %d", "month %d of %d"},
	"period.label.week":    {"tuần %d năm %d", "week %d of %d"},
	"period.label.year":    {"năm %d", "year %d"},
	"period.one":           {"cần đúng một kỳ: --year 2026, --quarter 2026-Q3, --month 2026-07 hoặc --week 2026-W27 (hoặc như văn thư viết: --quarter \"quý 3/2026\")", "give exactly one period: --year 2026, --quarter 2026-Q3, --month 2026-07 or --week 2026-W27 (or as a clerk writes it: --quarter \"quý 3/2026\")"},
	"period.wrong_kind":    {"%s %q không phải một %s", "%s %q is not a %s"},
	"period.kind.year":     {"năm (2026 hoặc \"năm 2026\")", "year (2026 or \"năm 2026\")"},
	"period.kind.quarter":  {"quý (2026-Q3 hoặc \"quý 3/2026\")", "quarter (2026-Q3 or \"quý 3/2026\")"},
	"period.kind.month":    {"tháng (2026-07 hoặc \"tháng 7/2026\")", "month (2026-07 or \"tháng 7/2026\")"},
	"period.kind.week":     {"tuần (2026-W27 hoặc \"tuần 27/2026\")", "week (2026-W27 or \"tuần 27/2026\")"},
}
