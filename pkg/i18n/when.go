package i18n

// whenMsgs are the messages of pkg/when: the `when` grammar and the clerk input it normalises.
var whenMsgs = map[string]Text{
	"when.empty":    {"chưa ghi thời gian; các dạng hợp lệ: %s", "the time is empty; valid forms: %s"},
	"when.too_long": {"thời gian dài %d ký tự, vượt giới hạn %d ký tự", "the time is %d characters long, more than the limit of %d"},
	"when.spaces":   {"thời gian %q có dấu cách thừa; viết %q", "%q has extra spaces; write %q"},
	"when.syntax":   {"không đọc được thời gian %q; các dạng hợp lệ: %s", "cannot read the time %q; valid forms: %s"},

	"when.date_form":   {"ngày %q không đúng dạng YYYY-MM-DD (ví dụ 2026-07-03)", "date %q is not in the form YYYY-MM-DD (e.g. 2026-07-03)"},
	"when.year_range":  {"năm trong %q không hợp lệ; năm từ 0001 đến 9999", "the year in %q is not valid; years run from 0001 to 9999"},
	"when.month_range": {"tháng trong %q không có thật; tháng từ 01 đến 12", "the month in %q does not exist; months run from 01 to 12"},
	"when.day_range":   {"ngày %s không có thật: tháng %d năm %d có %d ngày", "%s is not a real date: month %d of %d has %d days"},

	"when.time_form":        {"giờ %q không đúng dạng HH:MM (ví dụ 08:00)", "time %q is not in the form HH:MM (e.g. 08:00)"},
	"when.time_range":       {"giờ %q không có thật: giờ từ 00 đến 23, phút từ 00 đến 59", "time %q does not exist: hours run from 00 to 23, minutes from 00 to 59"},
	"when.time_24_start":    {"24:00 chỉ dùng làm giờ kết thúc; bắt đầu lúc nửa đêm thì ghi 00:00 của ngày hôm sau", "24:00 can only be an end time; a start at midnight is 00:00 of the next day"},
	"when.interval_form":    {"khoảng giờ %q không đúng dạng HH:MM-HH:MM (ví dụ 2026-07-03 08:00-11:30)", "time range %q is not in the form HH:MM-HH:MM (e.g. 2026-07-03 08:00-11:30)"},
	"when.range_form":       {"khoảng giờ %q không đúng dạng HH:MM-HH:MM (ví dụ 07:30-11:30)", "time range %q is not in the form HH:MM-HH:MM (e.g. 07:30-11:30)"},
	"when.end_before_start": {"giờ kết thúc %s trước giờ bắt đầu %s", "end time %s is before start time %s"},
	"when.end_equals_start": {"giờ kết thúc %s trùng giờ bắt đầu %s; giờ kết thúc phải sau giờ bắt đầu", "end time %s equals start time %s; the end must be after the start"},

	"when.span_form":       {"khoảng %q không đúng dạng YYYY-MM-DD HH:MM..YYYY-MM-DD HH:MM (ví dụ 2026-07-03 08:00..2026-07-04 17:00)", "%q is not in the form YYYY-MM-DD HH:MM..YYYY-MM-DD HH:MM (e.g. 2026-07-03 08:00..2026-07-04 17:00)"},
	"when.span_backward":   {"thời điểm kết thúc %s không sau thời điểm bắt đầu %s", "end %s is not after start %s"},
	"when.days_backward":   {"ngày kết thúc %s trước ngày bắt đầu %s", "end date %s is before start date %s"},
	"when.days_same":       {"khoảng ngày %s..%s chỉ có một ngày; viết %s", "the day range %s..%s is a single day; write %s"},
	"when.too_many_days":   {"%q kéo dài %d ngày, vượt giới hạn %d ngày", "%q lasts %d days, more than the limit of %d"},
	"when.week_form":       {"tuần %q không đúng dạng YYYY-Www (ví dụ 2026-W27)", "week %q is not in the form YYYY-Www (e.g. 2026-W27)"},
	"when.week_missing":    {"năm ISO %d không có tuần %d (năm đó có %d tuần)", "ISO year %d has no week %d (it has %d weeks)"},
	"when.month_form":      {"tháng %q không đúng dạng YYYY-MM (ví dụ 2026-07)", "month %q is not in the form YYYY-MM (e.g. 2026-07)"},
	"when.session_unknown": {"buổi %q không hợp lệ; viết sáng, chiều hoặc tối (ví dụ 2026-07-03 sáng)", "unknown session %q; write sáng, chiều or tối (or morning, afternoon, evening), e.g. 2026-07-03 sáng"},

	"when.session.morning":   {"sáng", "morning"},
	"when.session.afternoon": {"chiều", "afternoon"},
	"when.session.evening":   {"tối", "evening"},
	"when.policy_session":    {"chính sách buổi không hợp lệ: buổi %s là %s, cần dạng HH:MM-HH:MM với giờ kết thúc sau giờ bắt đầu", "invalid session policy: the %s session is %s; it must be HH:MM-HH:MM with the end after the start"},
	"when.policy_day":        {"chính sách buổi không hợp lệ: ngày làm việc từ đầu buổi sáng (%s) đến cuối buổi chiều (%s) không có thời gian nào", "invalid session policy: the working day, from the start of the morning (%s) to the end of the afternoon (%s), is empty"},

	"phrase.interval": {"%s–%s ngày %s", "%s–%s on %s"},
	"phrase.span":     {"từ %s ngày %s đến %s ngày %s", "from %s on %s to %s on %s"},
	"phrase.session":  {"%s %s", "the %s of %s"},
	"phrase.day":      {"ngày %s", "%s"},
	"phrase.days":     {"từ ngày %s đến ngày %s", "from %s to %s"},
	"phrase.week":     {"tuần %d (%s–%s)", "week %d (%s–%s)"},
	"phrase.month":    {"tháng %d/%d", "month %d/%d"},
	"phrase.text":     {"%s", "%s"},
	"phrase.date":     {"%02d/%d/%d", "%02d/%d/%d"}, // day first in both languages: the readers are Vietnamese
	"phrase.daymonth": {"%02d/%d", "%02d/%d"},
	"phrase.clock":    {"%dh%02d", "%d:%02d"},

	"when.weekday.0": {"Chủ nhật", "Sunday"},
	"when.weekday.1": {"Thứ Hai", "Monday"},
	"when.weekday.2": {"Thứ Ba", "Tuesday"},
	"when.weekday.3": {"Thứ Tư", "Wednesday"},
	"when.weekday.4": {"Thứ Năm", "Thursday"},
	"when.weekday.5": {"Thứ Sáu", "Friday"},
	"when.weekday.6": {"Thứ Bảy", "Saturday"},

	"when.unrecognized":         {"không hiểu %q trong %q; các dạng được chấp nhận: %s", "cannot understand %q in %q; accepted forms: %s"},
	"when.unreadable":           {"không hiểu thời gian %q; các dạng được chấp nhận: %s", "cannot understand the time %q; accepted forms: %s"},
	"when.year_missing":         {"%q không ghi năm; ghi đủ năm, ví dụ 03/7/2026", "%q has no year; write the year, e.g. 03/7/2026"},
	"when.year_arg":             {"năm mặc định %d không hợp lệ; năm từ 0001 đến 9999", "the default year %d is not valid; years run from 0001 to 9999"},
	"when.date_missing":         {"%q không ghi ngày; ghi cả ngày, ví dụ 8h00-11h30 ngày 03/7/2026", "%q has no date; write the date too, e.g. 8h00-11h30 ngày 03/7/2026"},
	"when.weekday_alone":        {"%q ghi thứ nhưng không ghi ngày; ghi cả ngày, ví dụ Thứ Sáu, 03/7/2026", "%q gives a weekday but no date; write the date too, e.g. Thứ Sáu, 03/7/2026"},
	"when.weekday_mismatch":     {"ngày %s là %s, không phải %s", "%s is a %s, not a %s"},
	"when.two_sessions":         {"%q ghi hai buổi (%s và %s); chỉ ghi một buổi", "%q names two sessions (%s and %s); name only one"},
	"when.session_range":        {"%q ghi buổi %s cho nhiều ngày; buổi chỉ ghi cho một ngày, ví dụ sáng 03/7/2026", "%q gives the %s session for several days; a session is for one day, e.g. sáng 03/7/2026"},
	"when.no_session_for_start": {"giờ bắt đầu %s không thuộc buổi nào (sáng %s, chiều %s, tối %s) nên không suy ra được giờ kết thúc; hãy ghi cả giờ kết thúc, ví dụ 8h00-11h30", "start time %s is in no session (morning %s, afternoon %s, evening %s), so the end cannot be inferred; write the end time too, e.g. 8h00-11h30"},
}
