package i18n

// taskMsgs are the sentences of the conclusions' follow-up (issue 12): coord tasks and its reminders, coord task
// update, the notices of conclusions, coord inbox, coord find and coord new conclusion --from; and their help.
var taskMsgs = map[string]Text{
	// How a task stands (conclusion.StateMsg): said in the middle of a sentence, so in lower case.
	"tasks.state.overdue":      {"quá hạn %d ngày (hạn ngày %s)", "%d day(s) overdue (due %s)"},
	"tasks.state.no_due":       {"đang thực hiện, không ghi thời hạn", "open, without a due date"},
	"tasks.state.due_today":    {"đến hạn hôm nay (ngày %s)", "due today (%s)"},
	"tasks.state.open":         {"còn %d ngày (hạn ngày %s)", "%d day(s) left (due %s)"},
	"tasks.state.done_late":    {"đã hoàn thành ngày %s, trễ %d ngày (hạn ngày %s)", "done on %s, %d day(s) late (due %s)"},
	"tasks.state.done":         {"đã hoàn thành", "done"},
	"tasks.state.done_on":      {"đã hoàn thành ngày %s", "done on %s"},
	"tasks.state.done_on_time": {"đã hoàn thành ngày %s, đúng hạn (hạn ngày %s)", "done on %s, on time (due %s)"},
	"tasks.state.cancelled_on": {"đã hủy ngày %s", "cancelled on %s"},
	"tasks.state.cancelled":    {"đã hủy", "cancelled"},
	"tasks.state.bad_due":      {"đang thực hiện, thời hạn «%s» không đọc được (chạy coord check để xem lỗi)", "open, the due date “%s” cannot be read (run coord check to see the error)"},
	"tasks.source":             {"thông báo %s của %s ngày %s", "notice %s of %s dated %s"},
	"tasks.last":               {"Cập nhật ngày %s (%s): %s", "Update of %s (%s): %s"},
	"tasks.last_bare":          {"Cập nhật ngày %s (%s)", "Update of %s (%s)"},

	// coord tasks
	"tasks.all_offices":    {"các văn phòng", "every office"},
	"tasks.of_office":      {"%s", "%s"},
	"tasks.of_owner":       {"%s, đơn vị chủ trì %s", "%s, owner %s"},
	"tasks.heading":        {"Nhiệm vụ theo dõi, đôn đốc của %s, ngày %s: %d nhiệm vụ, %d quá hạn.", "Tasks followed up by %s on %s: %d task(s), %d overdue."},
	"tasks.none":           {"Không có nhiệm vụ nào.", "No task."},
	"tasks.item":           {"%d. %s — %s", "%d. %s — %s"},
	"tasks.from":           {"Theo %s.", "From %s."},
	"tasks.from_last":      {"Theo %s. %s", "From %s. %s"},
	"tasks.md.title":       {"Nhiệm vụ theo các thông báo kết luận — %s", "Tasks of the notices of conclusions — %s"},
	"tasks.col.due":        {"Thời hạn", "Due"},
	"tasks.col.task":       {"Nhiệm vụ", "Task"},
	"tasks.col.owner":      {"Đơn vị chủ trì", "Owner"},
	"tasks.col.source":     {"Thông báo kết luận", "Notice"},
	"tasks.col.state":      {"Tình trạng", "State"},
	"tasks.bad_within":     {"khoảng thời gian %q không đọc được: viết số ngày hoặc số tuần, ví dụ 7d, 7 ngày, 2w, 2 tuần (tối đa 3660 ngày)", "cannot read the time span %q: write days or weeks, e.g. 7d, 7 ngày, 2w, 2 tuần (at most 3660 days)"},
	"tasks.unknown_owner":  {"đơn vị chủ trì %q không có trong registry/offices.yaml%s", "owner %q is not in registry/offices.yaml%s"},
	"tasks.digest.written": {"Đã ghi %d bản nhắc việc vào %s.", "Wrote %d reminder(s) to %s."},

	// The reminder (coord tasks --digest).
	"digest.title":      {"Nhắc việc: nhiệm vụ theo các thông báo kết luận — %s", "Reminder: tasks of the notices of conclusions — %s"},
	"digest.intro":      {"Tình hình ngày %s các nhiệm vụ %s theo dõi, đôn đốc: %d nhiệm vụ quá hạn, %d nhiệm vụ đến hạn trong 7 ngày tới, %d nhiệm vụ đã hoàn thành %s.", "As of %s, the tasks %s follows up: %d overdue, %d due in the next 7 days, %d done %s."},
	"digest.since":      {"từ sau ngày %s (bản nhắc việc trước)", "since %s (the previous reminder)"},
	"digest.since_week": {"trong 7 ngày qua", "in the past 7 days"},
	"digest.overdue":    {"1. Nhiệm vụ quá hạn (%d)", "1. Overdue (%d)"},
	"digest.upcoming":   {"2. Nhiệm vụ đến hạn từ ngày %s đến ngày %s (%d)", "2. Due from %s to %s (%d)"},
	"digest.done":       {"3. Nhiệm vụ đã hoàn thành %s (%d)", "3. Done %s (%d)"},

	// coord task update
	"task.bad_ref":          {"%q không chỉ một nhiệm vụ: viết TÊN-TỆP-KẾT-LUẬN#MÃ-NHIỆM-VỤ, ví dụ ket-luan-btv-thang-8#quy-hoach-dieu-chinh (coord tasks cho biết mã của từng nhiệm vụ)", "%q does not name a task: write CONCLUSION-FILE-NAME#TASK-ID, e.g. ket-luan-btv-thang-8#quy-hoach-dieu-chinh (coord tasks shows each task's reference)"},
	"task.no_conclusion":    {"không có thông báo kết luận nào tên %q%s", "no conclusion is named %q%s"},
	"task.ambiguous":        {"có nhiều thông báo kết luận tên %q (%s): viết đường dẫn của tệp trước dấu #", "several conclusions are named %q (%s): write the file's path before the #"},
	"task.no_task":          {"không có nhiệm vụ %q trong %s (các nhiệm vụ: %s)%s", "no task %q in %s (its tasks: %s)%s"},
	"task.gone":             {"không còn nhiệm vụ %q trong %s", "task %q is no longer in %s"},
	"task.backdated":        {"không ghi cập nhật ngày %s: nhiệm vụ đã có cập nhật ngày %s; một cập nhật ghi lùi ngày sẽ làm tình trạng của nhiệm vụ không khớp với cập nhật mới nhất. Ghi cập nhật từ ngày %[2]s trở đi (--date), hoặc sửa cập nhật cũ trong tệp", "not recording an update dated %s: the task already has an update dated %s; a backdated update would leave the task's status disagreeing with its latest update. Record it on %[2]s or later (--date), or mend the older update in the file"},
	"task.unwritable":       {"không ghi được cập nhật vào %s: %s", "cannot write the update into %s: %s"},
	"task.bad_status":       {"tình trạng %q không đúng: dùng %s (hoặc hoàn thành, đang thực hiện, hủy)", "unknown status %q: use %s (or hoàn thành, đang thực hiện, hủy)"},
	"task.nothing":          {"không có gì để cập nhật: cho --status hoặc --note (hoặc cả hai)", "nothing to update: give --status or --note (or both)"},
	"task.no_by":            {"chưa biết ai báo cáo tiến độ: đặt văn phòng bằng coord config set office MÃ, hoặc dùng --by", "who reports the progress is unknown: set your office with coord config set office CODE, or give --by"},
	"task.bad_by":           {"%q không phải mã cơ quan hay văn phòng trong registry/offices.yaml", "%q is not a body or office code of registry/offices.yaml"},
	"task.updated":          {"Đã cập nhật nhiệm vụ «%s» (thông báo %s): %s, theo báo cáo của %s ngày %s.", "Updated the task “%s” (notice %s): %s, as %s reported on %s."},
	"task.status.open":      {"đang thực hiện", "open"},
	"task.status.done":      {"đã hoàn thành", "done"},
	"task.status.cancelled": {"đã hủy", "cancelled"},
	"task.announce":         {"Thông báo kết luận %s đã đến %s: các văn phòng xem bằng coord inbox.", "The notice of conclusions %s reached %s: they read it with coord inbox."},

	// The notice of a conclusion to an office (render.ConclusionNotice).
	"notice.c.untitled":      {"Thông báo kết luận số %s", "Notice of conclusions %s"},
	"notice.c.intro":         {"%s thông báo kết luận (số %s, ngày %s).", "%s notifies these conclusions (notice %s of %s)."},
	"notice.c.meeting":       {"Cuộc họp ngày %s.", "The meeting was held on %s."},
	"notice.c.meeting_chair": {"Cuộc họp ngày %s do đồng chí %s chủ trì.", "The meeting was held on %s, chaired by %s."},
	"notice.c.mine":          {"1. Nhiệm vụ giao %s hoặc cơ quan văn phòng phục vụ (%d)", "1. Tasks given to %s or a body it serves (%d)"},
	"notice.c.none_mine":     {"Kết luận không giao nhiệm vụ cho văn phòng hay cơ quan văn phòng phục vụ; văn phòng nhận để biết và phối hợp.", "The conclusions give no task to your office or a body it serves: for your information and coordination."},
	"notice.c.others":        {"2. Các nhiệm vụ khác của kết luận (%d)", "2. The conclusions' other tasks (%d)"},
	"notice.c.task":          {"%s: %s — %s.", "%s: %s — %s."},

	// coord inbox
	"inbox.heading":       {"Văn bản gửi đến %s tính đến ngày %s: %d văn bản, %d thông báo kết luận.", "Sent to %s up to %s: %d document(s), %d notice(s) of conclusions."},
	"inbox.heading_since": {"Văn bản gửi đến %s từ ngày %s đến ngày %s: %d văn bản, %d thông báo kết luận.", "Sent to %s from %s to %s: %d document(s), %d notice(s) of conclusions."},
	"inbox.none":          {"Không có văn bản nào.", "Nothing."},
	"inbox.conclusion":    {"Ngày %s, %s thông báo kết luận %s: %s.", "%s, %s: notice of conclusions %s: %s."},
	"inbox.no_tasks":      {"Không giao nhiệm vụ cho văn phòng hay cơ quan văn phòng phục vụ.", "No task for your office or a body it serves."},
	"inbox.task":          {"Nhiệm vụ giao %s: %s — %s.", "Task for %s: %s — %s."},
	"inbox.document":      {"Ngày %s, %s: văn bản số %s, %s.", "%s, %s: document %s, %s."},
	"inbox.attachment":    {"Tệp văn bản: %s", "File: %s"},
	"inbox.md.title":      {"Văn bản gửi đến %s", "Sent to %s"},
	"inbox.md.documents":  {"1. Văn bản (%d)", "1. Documents (%d)"},
	"inbox.md.notices":    {"2. Thông báo kết luận (%d)", "2. Notices of conclusions (%d)"},
	"inbox.col.date":      {"Ngày", "Date"},
	"inbox.col.number":    {"Số, ký hiệu", "Number"},
	"inbox.col.from":      {"Cơ quan ban hành", "Issuer"},
	"inbox.col.summary":   {"Trích yếu", "Summary"},

	// coord find
	"find.empty":    {"%q không có chữ hay số nào để tìm", "%q holds no letter or digit to search for"},
	"find.bad_kind": {"loại hồ sơ %q không có (các loại: %s)", "unknown record kind %q (kinds: %s)"},
	"find.none":     {"Không tìm thấy %q trong hồ sơ nào.", "%q was found in no record."},
	"find.count":    {"%d kết quả trong %d hồ sơ.", "%d hit(s) in %d record(s)."},

	// coord new conclusion --from
	"new.from_kind": {"--from chỉ dùng cho thông báo kết luận: coord new conclusion --from programmes/2026/Q3/VPTU.yaml#ma-muc", "--from is for conclusions only: coord new conclusion --from programmes/2026/Q3/VPTU.yaml#item-id"},
	"new.from_form": {"--from %q không đúng dạng: viết đường dẫn chương trình, dấu # và mã mục, ví dụ programmes/2026/Q3/VPTU.yaml#hop-btv-thang-8", "--from %q is not well formed: write the programme's path, # and the item's id, e.g. programmes/2026/Q3/VPTU.yaml#hop-btv-thang-8"},
	"new.from_file": {"không có chương trình công tác %s trong kho dữ liệu", "there is no programme %s in the data repo"},
	"new.from_item": {"không có mục %q trong %s%s", "no item %q in %s%s"},

	// Help.
	"help.new.flag.from": {"cuộc họp của thông báo kết luận: `MỤC` trong chương trình, ví dụ programmes/2026/Q3/VPTU.yaml#hop-btv-thang-8 (điền sẵn ngày họp, chủ trì, nơi nhận)", "the conclusion's meeting: the programme `ITEM`, e.g. programmes/2026/Q3/VPTU.yaml#hop-btv-thang-8 (fills in the meeting's day, chair and recipients)"},

	"help.tasks.use":   {"tasks [--office MÃ] [--owner MÃ] [--overdue] [--due-within 7d] [--format text|json|md] [--digest THƯ-MỤC]", "tasks [--office CODE] [--owner CODE] [--overdue] [--due-within 7d] [--format text|json|md] [--digest DIR]"},
	"help.tasks.short": {"Nhiệm vụ theo các thông báo kết luận cần theo dõi, đôn đốc", "The conclusion tasks to follow up and chase"},
	"help.tasks.long": {
		"Liệt kê các nhiệm vụ chưa hoàn thành của các thông báo kết luận, việc gấp trước: quá hạn lâu nhất, rồi gần đến\n" +
			"hạn nhất. Văn phòng (--office) theo dõi các nhiệm vụ trong thông báo mình ban hành và các nhiệm vụ giao mình hoặc\n" +
			"cơ quan mình phục vụ. Tình trạng tính theo ngày --as-of: hạn ngày 30/6 thì từ ngày 1/7 mới quá hạn. --overdue và\n" +
			"--due-within chọn việc quá hạn hoặc sắp đến hạn; --all kể cả việc đã xong, đã hủy. --digest THƯ-MỤC ghi mỗi\n" +
			"văn phòng một bản nhắc việc <VĂN-PHÒNG>.md: quá hạn, đến hạn trong 7 ngày, đã hoàn thành từ bản nhắc việc trước.",
		"Lists the open tasks of the notices of conclusions, most urgent first: the longest overdue, then the nearest due.\n" +
			"An office (--office) follows up the tasks of the notices it issued and those given to it or to a body it serves.\n" +
			"States are as of --as-of: a task due 30/6 is overdue from 1/7. --overdue and --due-within choose what is overdue\n" +
			"or due soon; --all adds done and cancelled tasks. --digest DIR writes one reminder per office, <OFFICE>.md: what\n" +
			"is overdue, due in the next 7 days, and done since the previous reminder.",
	},
	"help.tasks.example": {
		"  coord tasks --office VPUBND --overdue\n  coord tasks --due-within \"2 tuần\" --format md\n  coord tasks --digest ../nhac-viec",
		"  coord tasks --office VPUBND --overdue\n  coord tasks --due-within 2w --format md\n  coord tasks --digest ../reminders",
	},
	"help.tasks.flag.office":     {"chỉ các nhiệm vụ văn phòng `MÃ` theo dõi", "only the tasks the office `CODE` follows up"},
	"help.tasks.flag.owner":      {"chỉ các nhiệm vụ do cơ quan `MÃ` chủ trì", "only the tasks owned by the body `CODE`"},
	"help.tasks.flag.overdue":    {"chỉ các nhiệm vụ quá hạn", "only overdue tasks"},
	"help.tasks.flag.due-within": {"chỉ các nhiệm vụ đến hạn trong `KHOẢNG` này kể từ hôm nay: 7d, 7 ngày, 2w, 2 tuần", "only the tasks due within this `SPAN` from today: 7d, 7 ngày, 2w, 2 tuần"},
	"help.tasks.flag.all":        {"kể cả nhiệm vụ đã hoàn thành, đã hủy", "include done and cancelled tasks"},
	"help.tasks.flag.format":     {"`ĐỊNH-DẠNG` của danh sách: text | json | md", "the list's `FORMAT`: text | json | md"},
	"help.tasks.flag.digest":     {"ghi bản nhắc việc của mỗi văn phòng vào `THƯ-MỤC` (ngoài kho, hoặc trong issued/)", "write each office's reminder into `DIR` (outside the data repo, or under issued/)"},

	"help.task.short":        {"Cập nhật nhiệm vụ của thông báo kết luận", "Update a conclusion's task"},
	"help.task.update.use":   {"update TÊN-KẾT-LUẬN#MÃ-NHIỆM-VỤ [--status open|done|cancelled] [--note NỘI-DUNG]", "update CONCLUSION#TASK [--status open|done|cancelled] [--note TEXT]"},
	"help.task.update.short": {"Ghi tiến độ, tình trạng của một nhiệm vụ", "Record a task's progress and status"},
	"help.task.update.long": {
		"Thêm một lần cập nhật (ngày, cơ quan báo cáo, nội dung, tình trạng) vào nhiệm vụ và đặt tình trạng của nhiệm vụ,\n" +
			"rồi commit và gửi lên máy chủ như coord submit. Nhiệm vụ viết TÊN-TỆP#MÃ như coord tasks in ra. Chỉ văn phòng\n" +
			"ban hành thông báo được sửa tệp; báo cáo của cơ quan khác thì ghi --by cơ quan đó.",
		"Appends an update (day, reporting body, note, status) to the task and sets the task's status, then commits and\n" +
			"pushes like coord submit. The task is FILE-NAME#ID as coord tasks prints it. Only the office that issued the\n" +
			"notice may change its file; record another body's report with --by that body.",
	},
	"help.task.update.example": {
		"  coord task update ket-luan-btv-thang-8#quy-hoach-dieu-chinh --status done --note \"Đã trình Thủ tướng\"",
		"  coord task update ket-luan-btv-thang-8#quy-hoach-dieu-chinh --status done --note \"Submitted to the Prime Minister\"",
	},
	"help.task.update.flag.status": {"`TÌNH-TRẠNG` mới: open, done, cancelled (hoặc đang thực hiện, hoàn thành, hủy)", "the new `STATUS`: open, done, cancelled"},
	"help.task.update.flag.note":   {"`NỘI-DUNG` cập nhật", "the update's `TEXT`"},
	"help.task.update.flag.by":     {"`MÃ` cơ quan hay văn phòng báo cáo (mặc định: văn phòng của bạn)", "the reporting body or office `CODE` (default: your office)"},
	"help.task.update.flag.date":   {"`NGÀY` cập nhật (mặc định: hôm nay, hoặc --as-of)", "the update's `DAY` (default: today, or --as-of)"},

	"help.inbox.use":   {"inbox [--office MÃ] [--since NGÀY] [--format text|json|md]", "inbox [--office CODE] [--since DATE] [--format text|json|md]"},
	"help.inbox.short": {"Văn bản và thông báo kết luận gửi đến văn phòng", "The documents and notices of conclusions sent to an office"},
	"help.inbox.long": {
		"Liệt kê, mới nhất trước, các văn bản trong sổ đăng ký gửi đến văn phòng (hoặc cơ quan văn phòng phục vụ) và các\n" +
			"thông báo kết luận văn phòng được thông báo, với các nhiệm vụ giao văn phòng. --format md in đầy đủ từng thông\n" +
			"báo. Văn phòng: thiết lập office hoặc --office.",
		"Lists, newest first, the register's documents sent to the office (or a body it serves) and the notices of\n" +
			"conclusions the office is told of, with the tasks given to it. --format md prints each notice in full. The\n" +
			"office: the office setting or --office.",
	},
	"help.inbox.example": {
		"  coord inbox\n  coord inbox --office VPUBND --since 01/8/2026 --format md",
		"  coord inbox\n  coord inbox --office VPUBND --since 01/8/2026 --format md",
	},
	"help.inbox.flag.office": {"`MÃ` văn phòng (mặc định: thiết lập office, COORD_OFFICE)", "the office `CODE` (default: the office setting, COORD_OFFICE)"},
	"help.inbox.flag.since":  {"chỉ văn bản từ `NGÀY` này (2026-08-01 hoặc 01/8/2026)", "only what is dated from this `DATE` (2026-08-01 or 01/8/2026)"},
	"help.inbox.flag.format": {"`ĐỊNH-DẠNG` của danh sách: text | json | md", "the list's `FORMAT`: text | json | md"},

	"help.find.use":   {"find NỘI-DUNG…", "find TEXT…"},
	"help.find.short": {"Tìm chữ trong mọi hồ sơ", "Search every record for words"},
	"help.find.long": {
		"Tìm các từ trong giá trị của mọi hồ sơ, không phân biệt hoa thường, dấu và vị trí dấu thanh (hoà = hòa = hoa),\n" +
			"trọn từ: in tệp, dòng, cột, loại hồ sơ, trường và giá trị. Đơn thư chỉ được tìm ở phần không mã hóa. Mã thoát 1\n" +
			"khi không tìm thấy.",
		"Searches the values of every record for the words, ignoring case, diacritics and tone-mark placement (hoà =\n" +
			"hòa = hoa), whole words: prints file, line, column, kind, field and value. A petition is searched only in what\n" +
			"it holds in clear. Exit code 1 when nothing is found.",
	},
	"help.find.example": {
		"  coord find quy hoạch\n  coord find \"Long Thành\" --kind conclusion,document --format json",
		"  coord find quy hoạch\n  coord find \"Long Thành\" --kind conclusion,document --format json",
	},
	"help.find.flag.kind":   {"chỉ các `LOẠI` hồ sơ này (programme, conclusion, document, …)", "only these record `KINDS` (programme, conclusion, document, …)"},
	"help.find.flag.format": {"`ĐỊNH-DẠNG` của kết quả: text | json", "the hits' `FORMAT`: text | json"},
}
