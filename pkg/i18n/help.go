package i18n

// helpMsgs are the texts of the command tree and of its usage errors. pkg/cmd/root finds a command's texts by
// its path: help.<path>.use (the usage line, its first word the command's name), .short, .long, .example;
// a flag's usage is help.<path>.flag.<name>, else help.flag.<name> (shared by every command). A placeholder
// between backquotes in a flag's usage (`THƯ-MỤC`) is the value's name in the list of flags. A test of
// pkg/cmd/root fails on a command or a flag without its texts here.
var helpMsgs = map[string]Text{
	// The help and usage pages.
	"help.heading.usage":       {"Cách dùng:", "Usage:"},
	"help.heading.examples":    {"Ví dụ:", "Examples:"},
	"help.heading.commands":    {"Lệnh:", "Commands:"},
	"help.heading.flags":       {"Tùy chọn:", "Flags:"},
	"help.heading.global":      {"Tùy chọn chung:", "Global flags:"},
	"help.placeholder.command": {"[lệnh]", "[command]"},
	"help.placeholder.flags":   {"[tùy chọn]", "[flags]"},
	"help.more":                {"Dùng \"%s [lệnh] --help\" để xem chi tiết một lệnh.", "Use \"%s [command] --help\" for more about a command."},
	"help.default":             {"(mặc định %s)", "(default %s)"},
	"help.version":             {"%s phiên bản %s", "%s version %s"},
	"help.mousetrap":           {"coord là công cụ dòng lệnh, không mở bằng cách nhấp đúp: mở cmd.exe hoặc PowerShell rồi gõ lệnh coord ở đó.", "coord is a command-line tool, not opened by double-clicking: open cmd.exe or PowerShell and type coord commands there."},

	// Flags every command has, or many share.
	"help.flag.help":            {"xem trợ giúp của lệnh %s", "help for %s"},
	"help.flag.no-commit":       {"ghi tệp nhưng không commit", "write the files but do not commit them"},
	"help.flag.no-push":         {"commit trên máy nhưng chưa gửi lên máy chủ (coord sync gửi sau)", "commit on this PC without pushing to the server (coord sync pushes later)"},
	"help.flag.no-descriptions": {"không kèm mô tả của các gợi ý", "leave out the descriptions of the suggestions"},

	// coord
	"help.coord.short": {"Phối hợp chương trình công tác giữa các văn phòng qua một kho Git", "Coordinate the offices' work through one Git repo"},
	"help.coord.long": {
		"coord giúp các văn phòng của tỉnh phối hợp chương trình công tác, văn bản và đơn thư qua một kho Git chung.\n" +
			"Mỗi văn phòng tạo hồ sơ (coord new), kiểm tra (coord check) và nộp (coord submit); văn phòng chủ trì tổng\n" +
			"hợp (coord merge), ghi nhận phê duyệt (coord approve), ban hành (coord issue) và thông báo (coord notify).",
		"coord lets a province's offices coordinate their work programmes, documents and petitions through one shared\n" +
			"Git repo. Each office starts records (coord new), checks them (coord check) and submits them (coord submit);\n" +
			"the coordinating office consolidates (coord merge), records the approval (coord approve), issues (coord\n" +
			"issue) and notifies (coord notify).",
	},
	"help.coord.flag.repo":    {"kho dữ liệu ở `THƯ-MỤC` (mặc định: COORD_REPO, hoặc thư mục chứa coord.yaml từ thư mục hiện tại trở lên)", "the data repo in `DIR` (default: COORD_REPO, or the folder holding coord.yaml here or above)"},
	"help.coord.flag.lang":    {"`NGÔN-NGỮ` của thông báo, vi hoặc en; cũng đặt được bằng COORD_LANG", "the `LANGUAGE` of messages, vi or en; COORD_LANG sets it too"},
	"help.coord.flag.as-of":   {"cố định thời điểm \"bây giờ\" ở `THỜI-ĐIỂM` (2026-06-20, 2026-06-20T08:30 hoặc 20/6/2026) để kết quả lặp lại được", "fix \"now\" at `INSTANT` (2026-06-20, 2026-06-20T08:30 or 20/6/2026) so that results repeat"},
	"help.coord.flag.version": {"in phiên bản của %s", "version of %s"},

	// help
	"help.help.use":   {"help [lệnh]", "help [command]"},
	"help.help.short": {"Xem trợ giúp của một lệnh", "Help about any command"},
	"help.help.long":  {"Xem trợ giúp của một lệnh, ví dụ coord help merge hoặc coord help hook install.", "Help about a command, e.g. coord help merge or coord help hook install."},

	// completion (added by cobra)
	"help.completion.short": {"Tạo tệp tự hoàn thành lệnh cho shell", "Generate the autocompletion script for a shell"},
	"help.completion.long": {
		"Tạo tệp tự hoàn thành của coord cho bash, zsh, fish hoặc PowerShell: gõ coord rồi nhấn Tab, shell gợi ý lệnh\nvà tùy chọn. Xem trợ giúp của từng lệnh con để biết cách cài.",
		"Generate coord's autocompletion script for bash, zsh, fish or PowerShell: type coord and press Tab, and the\nshell suggests commands and flags. See each subcommand's help for how to install it.",
	},
	"help.completion.bash.use":   {"bash", "bash"},
	"help.completion.bash.short": {"Tạo tệp tự hoàn thành cho bash", "Generate the autocompletion script for bash"},
	"help.completion.bash.long": {
		"Tạo tệp tự hoàn thành cho bash. Cần gói bash-completion (cài bằng trình quản lý gói của hệ điều hành).\n\n" +
			"Dùng trong phiên hiện tại:\n\n\tsource <(coord completion bash)\n\n" +
			"Dùng cho mọi phiên (chạy một lần):\n\n\tLinux: coord completion bash > /etc/bash_completion.d/coord\n" +
			"\tmacOS: coord completion bash > $(brew --prefix)/etc/bash_completion.d/coord\n\nMở shell mới để có hiệu lực.",
		"Generate the autocompletion script for bash. It needs the bash-completion package (install it with your\noperating system's package manager).\n\n" +
			"To use it in the current session:\n\n\tsource <(coord completion bash)\n\n" +
			"To use it in every session (run once):\n\n\tLinux: coord completion bash > /etc/bash_completion.d/coord\n" +
			"\tmacOS: coord completion bash > $(brew --prefix)/etc/bash_completion.d/coord\n\nStart a new shell for it to take effect.",
	},
	"help.completion.zsh.use":   {"zsh", "zsh"},
	"help.completion.zsh.short": {"Tạo tệp tự hoàn thành cho zsh", "Generate the autocompletion script for zsh"},
	"help.completion.zsh.long": {
		"Tạo tệp tự hoàn thành cho zsh. Nếu zsh chưa bật tự hoàn thành, chạy một lần:\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n" +
			"Dùng trong phiên hiện tại:\n\n\tsource <(coord completion zsh)\n\n" +
			"Dùng cho mọi phiên (chạy một lần):\n\n\tLinux: coord completion zsh > \"${fpath[1]}/_coord\"\n" +
			"\tmacOS: coord completion zsh > $(brew --prefix)/share/zsh/site-functions/_coord\n\nMở shell mới để có hiệu lực.",
		"Generate the autocompletion script for zsh. If zsh completion is not enabled yet, run once:\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n" +
			"To use it in the current session:\n\n\tsource <(coord completion zsh)\n\n" +
			"To use it in every session (run once):\n\n\tLinux: coord completion zsh > \"${fpath[1]}/_coord\"\n" +
			"\tmacOS: coord completion zsh > $(brew --prefix)/share/zsh/site-functions/_coord\n\nStart a new shell for it to take effect.",
	},
	"help.completion.fish.use":   {"fish", "fish"},
	"help.completion.fish.short": {"Tạo tệp tự hoàn thành cho fish", "Generate the autocompletion script for fish"},
	"help.completion.fish.long": {
		"Tạo tệp tự hoàn thành cho fish.\n\nDùng trong phiên hiện tại:\n\n\tcoord completion fish | source\n\n" +
			"Dùng cho mọi phiên (chạy một lần):\n\n\tcoord completion fish > ~/.config/fish/completions/coord.fish\n\nMở shell mới để có hiệu lực.",
		"Generate the autocompletion script for fish.\n\nTo use it in the current session:\n\n\tcoord completion fish | source\n\n" +
			"To use it in every session (run once):\n\n\tcoord completion fish > ~/.config/fish/completions/coord.fish\n\nStart a new shell for it to take effect.",
	},
	"help.completion.powershell.use":   {"powershell", "powershell"},
	"help.completion.powershell.short": {"Tạo tệp tự hoàn thành cho PowerShell", "Generate the autocompletion script for PowerShell"},
	"help.completion.powershell.long": {
		"Tạo tệp tự hoàn thành cho PowerShell.\n\nDùng trong phiên hiện tại:\n\n\tcoord completion powershell | Out-String | Invoke-Expression\n\n" +
			"Dùng cho mọi phiên: thêm dòng trên vào tệp hồ sơ (profile) PowerShell của bạn.",
		"Generate the autocompletion script for PowerShell.\n\nTo use it in the current session:\n\n\tcoord completion powershell | Out-String | Invoke-Expression\n\n" +
			"To use it in every session, add the line above to your PowerShell profile.",
	},

	// check
	"help.check.use":   {"check [ĐƯỜNG-DẪN…]", "check [PATH…]"},
	"help.check.short": {"Kiểm tra kho dữ liệu theo mọi quy tắc", "Check the data repo against every rule"},
	"help.check.long": {
		"Kiểm tra toàn bộ kho (hoặc các tệp, thư mục ĐƯỜNG-DẪN) và in mọi phát hiện, không dừng ở lỗi đầu tiên.\n" +
			"Mã thoát: 0 không có lỗi, 1 có lỗi (hoặc cảnh báo, với --fail-on warning), 2 dùng sai lệnh hoặc lỗi môi trường.\n" +
			"Các phát hiện được bỏ qua theo suppressions trong coord.yaml không được in và không tính vào mã thoát.",
		"Check the whole repo (or the files and folders PATH) and print every finding, not stopping at the first error.\n" +
			"Exit codes: 0 no error, 1 errors (or warnings, with --fail-on warning), 2 bad usage or an environment problem.\n" +
			"The findings that the suppressions of coord.yaml suppress are not printed and do not count for the exit code.",
	},
	"help.check.example": {
		"  coord check\n  coord check programmes/2026/Q3\n  coord check --rule overlap/person,overlap/venue --format json\n  coord check --changed origin/main --format github",
		"  coord check\n  coord check programmes/2026/Q3\n  coord check --rule overlap/person,overlap/venue --format json\n  coord check --changed origin/main --format github",
	},
	"help.check.flag.format":  {"`ĐỊNH-DẠNG` của kết quả: %s", "the output `FORMAT`: %s"},
	"help.check.flag.rule":    {"chỉ chạy các `QUY-TẮC` này, cách nhau bằng dấu phẩy (xem coord rules)", "run only these `RULES`, separated by commas (see coord rules)"},
	"help.check.flag.changed": {"chỉ kiểm tra những gì các commit `BASE`..HEAD thay đổi, những gì chúng liên quan, và ai đã thay đổi (authz/path); cho CI trên yêu cầu hợp nhất", "check only what the commits `BASE`..HEAD changed, what it relates to, and who changed it (authz/path); for CI on pull requests"},
	"help.check.flag.fail-on": {"mã thoát 1 khi còn phát hiện từ `MỨC` này trở lên: %s", "exit 1 on findings of this `LEVEL` or above: %s"},

	// submit
	"help.submit.use":   {"submit ĐƯỜNG-DẪN…", "submit PATH…"},
	"help.submit.short": {"Kiểm tra, đặt đúng chỗ, ghi nhận và gửi hồ sơ lên kho chung", "Validate, place, commit and push records to the shared repo"},
	"help.submit.long": {
		"Kiểm tra từng hồ sơ theo các quy tắc của coord check; từ chối khi chính hồ sơ nộp có lỗi. Đặt tệp vào đúng\n" +
			"đường dẫn, tạo commit chỉ gồm các tệp đó và gửi lên máy chủ; nếu máy chủ đã có bài nộp mới của văn phòng khác\n" +
			"thì ghép lên trên và gửi lại. Khi mất mạng, commit được giữ trên máy và coord sync sẽ gửi sau.\n" +
			"Mã thoát: 0 đã nộp (hoặc đã lưu chờ gửi), 1 hồ sơ có lỗi hoặc bị từ chối, 2 lỗi môi trường (mạng, đăng nhập…).",
		"Check each record against the rules of coord check; refuse when a submitted record itself has errors. Put the\n" +
			"files at their paths, make a commit of exactly those files and push it; when the server already holds newer\n" +
			"submissions of other offices, put it on top of them and push again. Offline, the commit stays on this PC and\n" +
			"coord sync pushes it later.\n" +
			"Exit codes: 0 submitted (or kept to push later), 1 the records have errors or were refused, 2 an environment\n" +
			"problem (network, sign-in…).",
	},
	"help.submit.example": {
		"  coord submit programmes/2026/Q3/VPUBND.yaml\n  coord submit --dry-run chuong-trinh-quy-3.yaml\n  coord submit --branch vpubnd-quy-3 programmes/2026/Q3/VPUBND.yaml",
		"  coord submit programmes/2026/Q3/VPUBND.yaml\n  coord submit --dry-run chuong-trinh-quy-3.yaml\n  coord submit --branch vpubnd-quy-3 programmes/2026/Q3/VPUBND.yaml",
	},
	"help.submit.flag.message": {"`TIÊU-ĐỀ` của commit (mặc định: loại(VĂN PHÒNG): kỳ hoặc số)", "the commit's `SUBJECT` (default: kind(OFFICE): period or number)"},
	"help.submit.flag.no-push": {"chỉ ghi nhận trên máy, chưa gửi (coord sync gửi sau)", "commit on this PC only, without pushing (coord sync pushes later)"},
	"help.submit.flag.branch":  {"gửi lên nhánh `TÊN` để mở yêu cầu hợp nhất (pull request) thay vì vào nhánh chính", "push to the branch `NAME` to open a pull request instead of the main branch"},
	"help.submit.flag.dry-run": {"chỉ kiểm tra và cho biết sẽ thay đổi gì; không ghi, không gửi", "only check and tell what would change; write and push nothing"},

	// clone
	"help.clone.use":   {"clone ĐỊA-CHỈ [THƯ-MỤC]", "clone URL [DIR]"},
	"help.clone.short": {"Tạo bản sao kho dữ liệu chung trên máy", "Make a copy of the shared data repo on this PC"},
	"help.clone.long": {
		"Sao chép kho dữ liệu chung (HTTPS với COORD_TOKEN, hoặc SSH với COORD_SSH_KEY / ssh-agent) vào THƯ-MỤC\n" +
			"(mặc định: tên kho). Không cần cài Git. Mã thoát 2: sai địa chỉ, sai thông tin đăng nhập, mất mạng.",
		"Copy the shared data repo (HTTPS with COORD_TOKEN, or SSH with COORD_SSH_KEY / ssh-agent) into DIR\n" +
			"(default: the repo's name). Git need not be installed. Exit code 2: a wrong address, wrong credentials, no network.",
	},
	"help.clone.example": {
		"  coord clone https://git.example.vn/tinh/du-lieu.git\n  coord clone git@git.example.vn:tinh/du-lieu.git vpubnd",
		"  coord clone https://git.example.vn/tinh/du-lieu.git\n  coord clone git@git.example.vn:tinh/du-lieu.git vpubnd",
	},

	// sync
	"help.sync.use":   {"sync", "sync"},
	"help.sync.short": {"Lấy thay đổi mới từ máy chủ và gửi các bản nộp đang chờ", "Pull from the server and push the pending submissions"},
	"help.sync.long": {
		"Lấy các bản nộp mới của các văn phòng khác về bản sao trên máy, ghép các bản nộp đang chờ (đã ghi nhận khi\n" +
			"mất mạng hoặc với --no-push) lên trên và gửi đi. Từ chối (mã thoát 1) nếu một tệp có sửa đổi chưa nộp mà máy chủ\n" +
			"cũng đã thay đổi. Mã thoát 2: lỗi mạng, đăng nhập hoặc cấu hình.",
		"Bring the other offices' new submissions into this PC's copy, put the pending submissions (committed while\n" +
			"offline or with --no-push) on top and push them. Refuses (exit 1) when a file has changes not yet submitted\n" +
			"that the server changed too. Exit code 2: a network, sign-in or configuration problem.",
	},

	// init
	"help.init.use":   {"init [THƯ-MỤC]", "init [DIR]"},
	"help.init.short": {"Tạo kho dữ liệu mới", "Create a data repo"},
	"help.init.long": {
		"Tạo kho dữ liệu mới trong THƯ-MỤC (mặc định: thư mục hiện tại): coord.yaml, danh mục văn phòng, người, địa\n" +
			"điểm, ngày nghỉ, lược đồ JSON cho trình soạn thảo, cấu hình CI, và một kho git. Không ghi đè tệp đã có.\n" +
			"Với --example: dữ liệu mẫu của một tỉnh để thử các lệnh.",
		"Create a data repo in DIR (default: the current folder): coord.yaml, the registry of offices, people, places\n" +
			"and holidays, the JSON schemas for editors, the CI configuration, and a git repository. Existing files are\n" +
			"kept. With --example: a sample province to try the commands on.",
	},
	"help.init.example": {
		"  coord init du-lieu --province \"Tỉnh Đồng Nai\"\n  coord init thu --example",
		"  coord init du-lieu --province \"Tỉnh Đồng Nai\"\n  coord init trial --example",
	},
	"help.init.flag.example":  {"điền dữ liệu mẫu của một tỉnh (3 văn phòng, chương trình Quý III năm 2026)", "fill in a sample province (3 offices, the programmes of Quarter III 2026)"},
	"help.init.flag.province": {"`TÊN` tỉnh (khi không dùng --example)", "the province's `NAME` (without --example)"},
	"help.init.flag.no-git":   {"không khởi tạo kho git", "do not create a git repository"},

	// fmt
	"help.fmt.use":   {"fmt [ĐƯỜNG-DẪN…]", "fmt [PATH…]"},
	"help.fmt.short": {"Viết lại hồ sơ theo dạng chuẩn", "Rewrite records canonically"},
	"help.fmt.long": {
		"Viết lại các hồ sơ (cả kho, hoặc các tệp, thư mục ĐƯỜNG-DẪN) theo dạng chuẩn: chữ Unicode NFC, thời gian when\n" +
			"chuẩn (\"Sáng 03/7/2026\" thành \"2026-07-03 sáng\", \"14h30\" thành \"14:30\"), ngày ISO, thứ tự khóa, dòng chú\n" +
			"thích lược đồ cho trình soạn thảo, xuống dòng LF. Với --check, mã thoát 1 khi còn tệp chưa chuẩn.",
		"Rewrite the records (the whole repo, or the files and folders PATH) canonically: Unicode NFC text, the canonical\n" +
			"when (\"Sáng 03/7/2026\" becomes \"2026-07-03 sáng\", \"14h30\" becomes \"14:30\"), ISO dates, key order, the\n" +
			"schema comment editors use, LF line ends. With --check, exit 1 when a file is not canonical.",
	},
	"help.fmt.flag.check": {"chỉ liệt kê tệp chưa chuẩn, không ghi (mã thoát 1 nếu có)", "only list the files that are not canonical, writing nothing (exit 1 if any)"},

	// rules
	"help.rules.use":   {"rules", "rules"},
	"help.rules.short": {"Liệt kê các quy tắc kiểm tra", "List the rules"},

	// new
	"help.new.use":   {"new programme|conclusion|document|petition", "new programme|conclusion|document|petition"},
	"help.new.short": {"Tạo hồ sơ mới từ mẫu cho văn phòng của mình", "Start a record of your office from a template"},
	"help.new.long": {
		"Tạo một hồ sơ mới theo mẫu, điền sẵn từ danh mục (văn phòng, lãnh đạo, hạn nộp), ở đúng đường dẫn trong kho:\n" +
			"programme (chương trình công tác, cần --period), conclusion (kết luận) và document (văn bản, cần --slug hoặc\n" +
			"--number), petition (đơn thư). Văn phòng: --office, hoặc thiết lập office (coord config set office MÃ).",
		"Write a new record from a template, filled in from the registry (the office, its leaders, the deadline), at\n" +
			"its path in the repo: programme (a work programme, needs --period), conclusion and document (need --slug or\n" +
			"--number), petition. The office: --office, or the office setting (coord config set office CODE).",
	},
	"help.new.example": {
		"  coord new programme --period \"quý 3/2026\"\n  coord new document --number 45-TB/UBND\n  coord new petition --stdout",
		"  coord new programme --period \"quý 3/2026\"\n  coord new document --number 45-TB/UBND\n  coord new petition --stdout",
	},
	"help.new.flag.office": {"`MÃ` văn phòng (mặc định: thiết lập office, COORD_OFFICE)", "the office `CODE` (default: the office setting, COORD_OFFICE)"},
	"help.new.flag.period": {"`KỲ` của chương trình: 2026-Q3 hoặc \"quý 3/2026\", 2026-07 hoặc \"tháng 7/2026\", 2026-W27 hoặc \"tuần 27/2026\", 2026 hoặc \"năm 2026\"", "the programme's `PERIOD`: 2026-Q3 or \"quý 3/2026\", 2026-07 or \"tháng 7/2026\", 2026-W27 or \"tuần 27/2026\", 2026 or \"năm 2026\""},
	"help.new.flag.slug":   {"`TÊN` tệp (kết luận, văn bản): chữ thường không dấu, nối bằng '-'", "the file `NAME` (conclusion, document): lower case without diacritics, joined by '-'"},
	"help.new.flag.number": {"`SỐ` và ký hiệu (kết luận, văn bản), ví dụ 123-TB/TU", "the `NUMBER` and symbol (conclusion, document), e.g. 123-TB/TU"},
	"help.new.flag.stdout": {"in ra màn hình thay vì ghi tệp", "print instead of writing the file"},
	"help.new.flag.force":  {"ghi đè tệp đã có", "overwrite an existing file"},

	// merge
	"help.merge.use": {
		"merge --year NĂM | --quarter QUÝ | --month THÁNG | --week TUẦN [--suggest] [--accept [MÃ-MỤC…]] [--out THƯ-MỤC]",
		"merge --year YEAR | --quarter QUARTER | --month MONTH | --week WEEK [--suggest] [--accept [ITEM-ID…]] [--out DIR]",
	},
	"help.merge.short": {"Tổng hợp chương trình công tác của các văn phòng", "Consolidate the offices' programmes"},
	"help.merge.long": {
		"Tổng hợp chương trình của mọi văn phòng trong kỳ vào consolidated/<năm>/<kỳ>.yaml (dự thảo), gộp các mục\n" +
			"phối hợp (cùng khóa joint), tìm trùng lặp về thời gian, địa điểm, địa bàn, đề xuất và ghi điều chỉnh.\n\n" +
			"  --suggest                 đề xuất buổi trống sớm nhất cho mỗi trùng lặp mức lỗi\n" +
			"  --accept [MÃ-MỤC…]        ghi các đề xuất (tất cả, hoặc của các mục này) thành điều chỉnh dời lịch\n" +
			"  --move MÃ-MỤC --to THỜI-GIAN [--place ĐỊA-ĐIỂM] --reason LÝ-DO\n" +
			"  --drop MÃ-MỤC --reason LÝ-DO, --keep MÃ-MỤC --reason LÝ-DO, --undo MÃ-MỤC\n\n" +
			"Kỳ viết như văn thư: --quarter \"quý 3/2026\", --month \"tháng 7/2026\", --week \"tuần 27/2026\", --year \"năm 2026\"\n" +
			"(hoặc 2026-Q3, 2026-07, 2026-W27, 2026). Mã mục: <VĂN-PHÒNG>.<mã mục> (ví dụ VPUBND.hop-ubnd-thang-7) hoặc\n" +
			"joint.<khóa>. Mã thoát: 0 không có lỗi, 1 có lỗi (hoặc bị từ chối), 2 dùng sai lệnh.",
		"Consolidate every office's programme of the period into consolidated/<year>/<period>.yaml (a draft), join the\n" +
			"joint items (same joint key), find the clashes of time, venue and locality, suggest and record adjustments.\n\n" +
			"  --suggest                 suggest the earliest free half-day for each clash of error level\n" +
			"  --accept [ITEM-ID…]       record the suggestions (all, or those of these items) as moves\n" +
			"  --move ITEM-ID --to TIME [--place PLACE] --reason REASON\n" +
			"  --drop ITEM-ID --reason REASON, --keep ITEM-ID --reason REASON, --undo ITEM-ID\n\n" +
			"A period as a clerk writes it: --quarter \"quý 3/2026\", --month \"tháng 7/2026\", --week \"tuần 27/2026\", --year\n" +
			"\"năm 2026\" (or 2026-Q3, 2026-07, 2026-W27, 2026). Item ids: <OFFICE>.<item id> (e.g. VPUBND.hop-ubnd-thang-7)\n" +
			"or joint.<key>. Exit codes: 0 no error, 1 errors (or refused), 2 bad usage.",
	},
	"help.merge.example": {
		"  coord merge --quarter \"quý 3/2026\"\n  coord merge --quarter \"quý 3/2026\" --suggest\n  coord merge --quarter 2026-Q3 --accept VPUBND.hop-ubnd-thang-7\n" +
			"  coord merge --quarter 2026-Q3 --move VPUBND.hop-ubnd-thang-7 --to \"2026-07-22 chiều\" --reason \"Trùng lịch Thường trực\"",
		"  coord merge --quarter \"quý 3/2026\"\n  coord merge --quarter \"quý 3/2026\" --suggest\n  coord merge --quarter 2026-Q3 --accept VPUBND.hop-ubnd-thang-7\n" +
			"  coord merge --quarter 2026-Q3 --move VPUBND.hop-ubnd-thang-7 --to \"2026-07-22 chiều\" --reason \"Clashes with the Standing Committee\"",
	},
	"help.merge.flag.year":    {"kỳ năm `NĂM`: 2026 hoặc \"năm 2026\"", "the `YEAR`: 2026 or \"năm 2026\""},
	"help.merge.flag.quarter": {"kỳ quý `QUÝ`: 2026-Q3 hoặc \"quý 3/2026\"", "the `QUARTER`: 2026-Q3 or \"quý 3/2026\""},
	"help.merge.flag.month":   {"kỳ tháng `THÁNG`: 2026-07 hoặc \"tháng 7/2026\"", "the `MONTH`: 2026-07 or \"tháng 7/2026\""},
	"help.merge.flag.week":    {"kỳ tuần `TUẦN`: 2026-W27 hoặc \"tuần 27/2026\"", "the ISO `WEEK`: 2026-W27 or \"tuần 27/2026\""},
	"help.merge.flag.suggest": {"đề xuất buổi trống cho mỗi trùng lặp mức lỗi", "suggest a free half-day for each clash of error level"},
	"help.merge.flag.accept":  {"ghi các đề xuất thành điều chỉnh (tất cả, hoặc của các MÃ-MỤC theo sau)", "record the suggestions as adjustments (all, or those of the ITEM-IDs that follow)"},
	"help.merge.flag.move":    {"dời mục `MÃ-MỤC` (cùng --to, --reason)", "move the item `ITEM-ID` (with --to, --reason)"},
	"help.merge.flag.drop":    {"bỏ mục `MÃ-MỤC` khỏi chương trình (cùng --reason)", "drop the item `ITEM-ID` from the programme (with --reason)"},
	"help.merge.flag.keep":    {"giữ nguyên mục `MÃ-MỤC` dù trùng lặp (cùng --reason)", "keep the item `ITEM-ID` despite its clashes (with --reason)"},
	"help.merge.flag.undo":    {"bỏ điều chỉnh đã ghi của mục `MÃ-MỤC`", "remove the recorded adjustment of the item `ITEM-ID`"},
	"help.merge.flag.to":      {"`THỜI-GIAN` mới khi --move (ví dụ \"2026-07-22 chiều\")", "the new `TIME` with --move (e.g. \"2026-07-22 chiều\")"},
	"help.merge.flag.place":   {"`ĐỊA-ĐIỂM` mới khi --move (không bắt buộc)", "the new `PLACE` with --move (optional)"},
	"help.merge.flag.reason":  {"`LÝ-DO` của quyết định", "the `REASON` for the decision"},
	"help.merge.flag.force":   {"tổng hợp lại kỳ đã phê duyệt hoặc ban hành (trở về dự thảo); ghi --move dù còn trùng", "consolidate again a period already approved or issued (back to a draft); record --move despite clashes"},
	"help.merge.flag.format":  {"`ĐỊNH-DẠNG` của các phát hiện: text | json", "the findings' `FORMAT`: text | json"},
	"help.merge.flag.out":     {"xuất bản dự thảo (Markdown, HTML, ICS, XLSX, DOCX) vào `THƯ-MỤC` này", "write the draft (Markdown, HTML, ICS, XLSX, DOCX) into this `DIR`"},

	// approve
	"help.approve.use":   {"approve KỲ [--decision SỐ-THÔNG-BÁO] [--by CƠ-QUAN]", "approve PERIOD [--decision NOTICE-NUMBER] [--by BODY]"},
	"help.approve.short": {"Ghi nhận phê duyệt chương trình tổng hợp", "Record the approval of a consolidated programme"},
	"help.approve.long": {
		"Ghi nhận cơ quan có thẩm quyền (mặc định Thường trực Tỉnh ủy, theo issue.approved_by trong coord.yaml) đã\n" +
			"phê duyệt chương trình tổng hợp của KỲ (2026-Q3, \"quý 3/2026\", …) vào ngày --as-of, kèm số thông báo của\n" +
			"Thường trực nếu có (--decision 125-TB/TU), rồi commit. Chỉ phê duyệt dự thảo còn khớp với các chương trình\n" +
			"nguồn, nguồn không còn lỗi và không còn trùng lặp mức lỗi chưa xử lý.",
		"Record that the competent body (by default the Standing Committee of the Provincial Party Committee, per\n" +
			"issue.approved_by in coord.yaml) approved the consolidated programme of PERIOD (2026-Q3, \"quý 3/2026\", …) on the\n" +
			"day of --as-of, with the Standing Committee's notice number if any (--decision 125-TB/TU), and commit. Only a\n" +
			"draft that still matches its source programmes, whose sources have no errors and no unresolved clash of error\n" +
			"level, is approved.",
	},
	"help.approve.example": {
		"  coord approve \"quý 3/2026\"\n  coord approve 2026-Q3 --decision 125-TB/TU --by TT-TU",
		"  coord approve \"quý 3/2026\"\n  coord approve 2026-Q3 --decision 125-TB/TU --by TT-TU",
	},
	"help.approve.flag.decision": {"`SỐ` và ký hiệu thông báo của Thường trực (ví dụ 125-TB/TU), nếu có", "the `NUMBER` and symbol of the Standing Committee's notice (e.g. 125-TB/TU), if any"},
	"help.approve.flag.by":       {"`CƠ-QUAN` quyết định (mã trong registry/offices.yaml, ví dụ TT-TU)", "the deciding `BODY` (a code of registry/offices.yaml, e.g. TT-TU)"},

	// issue
	"help.issue.use":   {"issue KỲ --number SỐ --signer NGƯỜI-KÝ [--out THƯ-MỤC]", "issue PERIOD --number NUMBER --signer SIGNER [--out DIR]"},
	"help.issue.short": {"Ban hành chương trình tổng hợp đã phê duyệt", "Issue an approved consolidated programme"},
	"help.issue.long": {
		"Ban hành chương trình tổng hợp đã phê duyệt của KỲ với số của chính chương trình (--number 12-CTr/TU, kiểm tra\n" +
			"không trùng trong dãy số và vào sổ văn bản) và người ký (--signer, mã trong registry/people.yaml); ngày ban\n" +
			"hành theo --as-of. Xuất Markdown, HTML, ICS (chung và riêng từng lãnh đạo), XLSX, DOCX vào issued/<năm>/<kỳ>/\n" +
			"(hoặc --out) và commit. Mặc định của số, người ký, dòng T/M: mục issue trong coord.yaml.",
		"Issue the approved consolidated programme of PERIOD with the programme's own number (--number 12-CTr/TU, checked\n" +
			"against the number series and entered in the register) and signer (--signer, an id of registry/people.yaml);\n" +
			"the date of issue is --as-of. Write Markdown, HTML, ICS (one for all and one per leader), XLSX and DOCX into\n" +
			"issued/<year>/<period>/ (or --out) and commit. The defaults of the number, the signer and the T/M line: the\n" +
			"issue section of coord.yaml.",
	},
	"help.issue.example": {
		"  coord issue \"quý 3/2026\" --number 12-CTr/TU --signer pham-quang-huy",
		"  coord issue \"quý 3/2026\" --number 12-CTr/TU --signer pham-quang-huy",
	},
	"help.issue.flag.number": {"`SỐ` và ký hiệu của chương trình (ví dụ 12-CTr/TU)", "the programme's `NUMBER` and symbol (e.g. 12-CTr/TU)"},
	"help.issue.flag.signer": {"`NGƯỜI-KÝ` (mã trong registry/people.yaml)", "the `SIGNER` (an id of registry/people.yaml)"},
	"help.issue.flag.out":    {"`THƯ-MỤC` xuất (mặc định issued/<năm>/<kỳ>/ trong kho)", "the output `DIR` (default issued/<year>/<period>/ in the repo)"},
	"help.issue.flag.force":  {"ban hành lại chương trình đã ban hành", "issue again a programme already issued"},

	// notify
	"help.notify.use":   {"notify KỲ [--office MÃ…] [--out THƯ-MỤC]", "notify PERIOD [--office CODE…] [--out DIR]"},
	"help.notify.short": {"Thông báo chương trình tổng hợp đến từng văn phòng", "Write each office a message on the consolidated programme"},
	"help.notify.long": {
		"Soạn cho mỗi văn phòng một thông báo (Markdown, tiếng Việt): các hoạt động của văn phòng, những hoạt động bị\n" +
			"dời, không đưa vào chương trình, giữ nguyên và lý do, hoạt động của văn phòng khác cùng địa bàn, cùng ngày. In\n" +
			"ra màn hình, hoặc ghi <VĂN-PHÒNG>.md vào --out (ngoài kho dữ liệu; commit khi thư mục nằm trong kho).",
		"Write each office a message (Markdown, in Vietnamese): the office's activities, those moved, left out or kept\n" +
			"and why, and the other offices' activities in the same locality on the same day. Print them, or write\n" +
			"<OFFICE>.md into --out (outside the data repo; committed when the folder lies inside it).",
	},
	"help.notify.example": {
		"  coord notify \"quý 3/2026\"\n  coord notify 2026-Q3 --office VPUBND --out thong-bao",
		"  coord notify \"quý 3/2026\"\n  coord notify 2026-Q3 --office VPUBND --out messages",
	},
	"help.notify.flag.out":    {"ghi mỗi thông báo vào <VĂN-PHÒNG>.md trong `THƯ-MỤC` này", "write each message to <OFFICE>.md in this `DIR`"},
	"help.notify.flag.office": {"chỉ các văn phòng này (`MÃ`, cách nhau bằng dấu phẩy)", "only these offices (`CODES`, separated by commas)"},

	// hook
	"help.hook.short":         {"Hook git của kho dữ liệu", "The data repo's git hooks"},
	"help.hook.install.use":   {"install", "install"},
	"help.hook.install.short": {"Cài hook pre-commit chạy coord check trên các hồ sơ được stage", "Install a pre-commit hook that checks the staged records"},
	"help.hook.install.long": {
		"Cài hook pre-commit vào kho git của kho dữ liệu: mỗi git commit chạy coord check trên các hồ sơ được stage\n" +
			"(toàn bộ kho khi coord.yaml hoặc registry/ thay đổi) và từ chối commit khi có lỗi. Không ghi đè một hook\n" +
			"không do coord viết.",
		"Install a pre-commit hook in the data repo's git repository: each git commit runs coord check on the staged\n" +
			"records (the whole repo when coord.yaml or registry/ changes) and refuses the commit on errors. A hook coord\n" +
			"did not write is never overwritten.",
	},
	"help.hook.uninstall.use":   {"uninstall", "uninstall"},
	"help.hook.uninstall.short": {"Gỡ hook pre-commit do coord cài", "Remove the pre-commit hook coord installed"},

	// status
	"help.status.use":   {"status", "status"},
	"help.status.short": {"Việc của văn phòng: hạn nộp, bài nộp đang chờ, thay đổi mới, xung đột", "The office's deadlines, pending submissions, news and conflicts"},
	"help.status.long": {
		"Cho biết hạn nộp chương trình công tác của các kỳ tới (năm, quý, tháng, tuần) và đã nộp đúng hạn chưa, các bài\n" +
			"đã nộp trên máy này nhưng chưa lên máy chủ, những gì lần coord sync gần nhất mang về, các xung đột chưa xử lý về\n" +
			"hoạt động của văn phòng; với văn phòng chủ trì tổng hợp: văn phòng nào chưa nộp. Văn phòng: thiết lập office\n" +
			"(coord config set office VPUBND) hoặc --office. --format json cho các script. Mã thoát 0 khi đã báo cáo xong.",
		"Shows the submission deadlines of the coming periods (year, quarter, month, week) and whether each is met, the\n" +
			"submissions made on this PC that have not reached the server, what the last coord sync brought, and the open\n" +
			"conflicts on the office's activities; for the coordinating office, which offices have not submitted. The office:\n" +
			"the office setting (coord config set office VPUBND) or --office. --format json for scripts. Exit code 0 once reported.",
	},
	"help.status.example": {
		"  coord status\n  coord status --office VPUBND --format json",
		"  coord status\n  coord status --office VPUBND --format json",
	},
	"help.status.flag.format": {"`ĐỊNH-DẠNG` của báo cáo: text | json", "the report's `FORMAT`: text | json"},
	"help.status.flag.office": {"`MÃ` văn phòng (mặc định: thiết lập office, COORD_OFFICE)", "the office `CODE` (default: the office setting, COORD_OFFICE)"},

	// config
	"help.config.use":   {"config", "config"},
	"help.config.short": {"Xem và đặt thiết lập của bạn (văn phòng, tên, thư điện tử…)", "View and set your settings (office, name, email…)"},
	"help.config.long": {
		"Ghi và đọc tệp thiết lập của người dùng (COORD_CONFIG, hoặc config.yaml trong thư mục coord của thư mục\n" +
			"cấu hình người dùng: %AppData%\\coord trên Windows, ~/.config/coord trên Linux, ~/Library/Application Support/coord\n" +
			"trên macOS), để không phải đặt biến môi trường. Các thiết lập: repo, office, name, email, remote, branch, token,\n" +
			"ssh_key, ca_file, ssh_trust, identity, lang. Thứ tự ưu tiên: cờ dòng lệnh, rồi biến COORD_*, rồi tệp này.",
		"Writes and reads the user's settings file (COORD_CONFIG, or config.yaml in the coord folder of the user's\n" +
			"configuration folder: %AppData%\\coord on Windows, ~/.config/coord on Linux, ~/Library/Application Support/coord\n" +
			"on macOS), so that no environment variable needs setting. The settings: repo, office, name, email, remote, branch,\n" +
			"token, ssh_key, ca_file, ssh_trust, identity, lang. Precedence: command-line flags, then COORD_* variables, then this file.",
	},
	"help.config.example": {
		"  coord config set office VPUBND\n  coord config set email lien.htk@vpubnd.example.vn\n  coord config list",
		"  coord config set office VPUBND\n  coord config set email lien.htk@vpubnd.example.vn\n  coord config list",
	},
	"help.config.set.use":     {"set THIẾT-LẬP GIÁ-TRỊ", "set SETTING VALUE"},
	"help.config.set.short":   {"Đặt một thiết lập, ví dụ coord config set office VPUBND", "Set a value, e.g. coord config set office VPUBND"},
	"help.config.get.use":     {"get THIẾT-LẬP", "get SETTING"},
	"help.config.get.short":   {"In giá trị của một thiết lập", "Print a value"},
	"help.config.list.use":    {"list", "list"},
	"help.config.list.short":  {"Liệt kê các thiết lập trong tệp (token được che)", "List the file's values, the token masked"},
	"help.config.unset.use":   {"unset THIẾT-LẬP", "unset SETTING"},
	"help.config.unset.short": {"Xóa một thiết lập khỏi tệp", "Remove a value from the file"},

	"help.init.flag.remote": {"ghi commit đầu tiên và đẩy lên kho trống này trên máy chủ (`URL`: https://…, ssh://…, file://…, một thư mục dùng chung)", "make the first commit and push it to this empty repo on the server (`URL`: https://…, ssh://…, file://…, a shared folder)"},

	// The errors of arguments, commands and flags (cobra's and pflag's, in the catalog's words).
	"usage.args.one":                {"1 tham số", "1 argument"},
	"usage.args.n":                  {"%d tham số", "%d arguments"},
	"usage.args.none":               {"lệnh %s không nhận tham số nào, nhưng có %q (cách dùng: %s)", "%s takes no arguments, but was given %q (usage: %s)"},
	"usage.args.exact":              {"lệnh %s cần đúng %s, nhận được %d (cách dùng: %s)", "%s takes exactly %s, got %d (usage: %s)"},
	"usage.args.min":                {"lệnh %s cần ít nhất %s, nhận được %d (cách dùng: %s)", "%s takes at least %s, got %d (usage: %s)"},
	"usage.args.max":                {"lệnh %s nhận nhiều nhất %s, nhưng có %d (cách dùng: %s)", "%s takes at most %s, got %d (usage: %s)"},
	"usage.args.range":              {"lệnh %s cần từ %d đến %s, nhận được %d (cách dùng: %s)", "%s takes %d to %s, got %d (usage: %s)"},
	"usage.unknown_command":         {"không có lệnh %q%s", "there is no command %q%s"},
	"usage.unknown_command_list":    {"không có lệnh %q; các lệnh là: %s", "there is no command %q; the commands are: %s"},
	"usage.unknown_subcommand":      {"lệnh %s không có lệnh con %q%s", "%s has no subcommand %q%s"},
	"usage.unknown_subcommand_list": {"lệnh %s không có lệnh con %q; các lệnh con là: %s", "%s has no subcommand %q; its subcommands are: %s"},
	"usage.no_subcommands":          {"lệnh %s không có lệnh con %q", "%s has no subcommand %q"},
	"usage.flag.unknown":            {"lệnh %s không có tùy chọn %s%s", "%s has no flag %s%s"},
	"usage.flag.unknown_short":      {"lệnh %s không có tùy chọn %s (trong %s)", "%s has no flag %s (in %s)"},
	"usage.flag.no_value":           {"tùy chọn %s cần một giá trị: %s", "the flag %s needs a value: %s"},
	"usage.flag.bad_bool":           {"tùy chọn %s chỉ nhận true hoặc false, không nhận %q", "the flag %s takes true or false, not %q"},
	"usage.flag.bad_value":          {"tùy chọn %s không nhận giá trị %q: %s", "the flag %s does not take the value %q: %s"},
	"usage.flag.bad_syntax":         {"%q không phải một tùy chọn viết đúng: viết --tên hoặc --tên=giá-trị", "%q is not a well-formed flag: write --name or --name=value"},
}
