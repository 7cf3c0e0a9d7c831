package i18n

// docxMsgs are the labels of the documents pkg/render writes for clerks: the DOCX in the layout of a Party
// document (Guidance 36-HD/VPTW) and the XLSX workbook. Both are always rendered in Vietnamese; the English
// texts exist so that every key has both languages.
var docxMsgs = map[string]Text{
	"render.xlsx.sheet":           {"Chương trình", "Programme"},
	"render.xlsx.sheet_conflicts": {"Trùng lặp", "Overlaps"},
	"render.xlsx.month":           {"Tháng %d/%d", "Month %d/%d"},
	"render.xlsx.week":            {"Tuần %d/%d", "Week %d/%d"},
	// The printed page's footer, in Excel's header/footer codes: &P is the page, &N the number of pages.
	"render.xlsx.page_footer": {"Trang &P/&N", "Page &P/&N"},

	"render.docx.party":        {"ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIET NAM"},
	"render.docx.issuer":       {"TỈNH ỦY %s", "%s PROVINCIAL PARTY COMMITTEE"},
	"render.docx.number":       {"Số %s", "No. %s"},
	"render.docx.number_blank": {"Số      -CTr/TU", "No.      -CTr/TU"},
	"render.docx.place_date":   {"%s, ngày %s tháng %s năm %d", "%s, day %s month %s year %d"},
	"render.docx.type":         {"CHƯƠNG TRÌNH", "PROGRAMME"},
	"render.docx.summary":      {"công tác %s", "of work, %s"},
	"render.docx.summary_by":   {"công tác %s của %s", "of work, %s, of the %s"},
	"render.docx.month":        {"THÁNG %d", "MONTH %d"},
	"render.docx.recipients":   {"Nơi nhận:", "Recipients:"},
	"render.docx.archive":      {"Lưu %s.", "File: %s."},

	"render.docx.author.standing":  {"Ban Thường vụ Tỉnh ủy", "Provincial Party Standing Committee"},
	"render.docx.author.executive": {"Ban Chấp hành Đảng bộ tỉnh", "Provincial Party Executive Committee"},
	"render.docx.author.committee": {"Tỉnh ủy", "Provincial Party Committee"},
}
