package i18n

// windowsMsgs are the messages of a Windows clerk's habits (issue 10): paths typed in another case or with
// backslashes, Notepad's hidden ".txt", files saved in UTF-16 or an ANSI code page, the operating system's
// errors said in the user's language, and the shared folder as a remote.
var windowsMsgs = map[string]Text{
	// PATH arguments.
	"win.path.no_match": {"%s không chỉ tới hồ sơ nào mà coord đọc (hồ sơ là các tệp .yaml hoặc .yml: %s). Hãy kiểm tra lại tên tệp hoặc thư mục.",
		"%s names no record coord reads (records are the .yaml or .yml files of %s). Check the file or folder name."},
	"win.path.txt": {"Tên thật của tệp là «%s»: Windows ẩn phần đuôi .txt (Notepad thêm vào khi «Lưu thành…» với kiểu tệp Text Documents), nên đây không phải hồ sơ. Hãy đổi tên thành «%s»: trong File Explorer bật Phần mở rộng tên tệp (ở mục Xem) để thấy phần đuôi rồi đổi tên, hoặc chạy lệnh ren \"%s\" \"%s\".",
		"The file's real name is «%s»: Windows hides its .txt extension (Notepad adds it on «Save as…» with the type Text Documents), so it is not a record. Rename it to «%s»: in File Explorer turn on File name extensions (under View) to see the extension and rename it, or run ren \"%s\" \"%s\"."},
	"win.submit.renamed": {"Tệp %s trên máy đã được đổi tên thành %s, đúng tên của hồ sơ trong kho.",
		"The file %s on this PC was renamed %s, the record's name in the repo."},

	// Encodings (rule yaml). The first %s names the encoding found.
	"win.encoding.utf16": {"tệp được lưu theo mã %s; hãy lưu lại theo UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8). Lệnh > của PowerShell 5.1 ghi tệp theo UTF-16: hãy dùng | Out-File -Encoding utf8 thay cho >.",
		"the file is saved as %s; save it again as UTF-8 (in Notepad: Save as… → Encoding: UTF-8). PowerShell 5.1's > writes UTF-16: use | Out-File -Encoding utf8 instead of >."},
	"win.encoding.utf32": {"tệp được lưu theo mã %s; hãy lưu lại theo UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).",
		"the file is saved as %s; save it again as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)."},
	"win.encoding.ansi": {"tệp được lưu theo mã %s (bảng mã ANSI của Windows), không phải UTF-8; hãy lưu lại theo UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).",
		"the file is saved as %s (a Windows ANSI code page), not UTF-8; save it again as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)."},

	// The operating system's errors, as a phrase inside a sentence ("không đọc được X: …").
	"win.os.not_exist":  {"không có tệp hoặc thư mục nào tên như vậy; hãy kiểm tra lại tên và vị trí", "no file or folder has that name; check the name and where it is"},
	"win.os.permission": {"không có quyền truy cập; hãy kiểm tra quyền của tệp hoặc thư mục (có thể tệp chỉ cho đọc)", "permission denied; check the permissions of the file or folder (it may be read-only)"},
	"win.os.is_dir":     {"đây là một thư mục, không phải tệp; hãy chỉ ra một tệp", "it is a folder, not a file; name a file"},
	"win.os.not_dir":    {"một phần của đường dẫn là tệp chứ không phải thư mục; hãy kiểm tra lại đường dẫn", "part of the path is a file, not a folder; check the path"},
	"win.os.no_space":   {"ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại", "the disk is full; free some space and run again"},
	"win.os.in_use":     {"tệp đang được mở trong chương trình khác (Word, Excel, Notepad…); hãy đóng tệp rồi chạy lại", "the file is open in another program (Word, Excel, Notepad…); close it and run again"},
	"win.os.exists":     {"đã có một tệp hoặc thư mục cùng tên ở đó; hãy dời nó đi rồi chạy lại", "a file or folder of that name is already there; move it away and run again"},
	"win.os.not_empty":  {"thư mục không trống; hãy dời các tệp trong đó đi rồi chạy lại", "the folder is not empty; move its files away and run again"},
	"win.os.read_only":  {"ổ đĩa hoặc thư mục này chỉ cho đọc; hãy chọn chỗ ghi được, hoặc nhờ quản trị mở quyền ghi", "the disk or folder is read-only; pick a place that can be written, or ask the administrator to allow writing"},
	"win.os.other":      {"%s", "%s"},
	"win.os.path":       {"%s: %s", "%s: %s"}, // a path and its phrase, for an error with no sentence of its own

	// The shared folder as a remote (served in-process, no git needed).
	"win.remote.checked_out": {"thư mục %s là một bản làm việc đang mở nhánh %s, không phải kho trần (bare): coord không gửi vào nhánh đang mở, để khỏi đổi các tệp của người dùng ở đó. Hãy dùng một kho trần làm kho chung (người quản trị tạo bằng git clone --bare).",
		"the folder %s is a working copy with the branch %s checked out, not a bare repository: coord does not push to a checked-out branch, which would change the files of whoever works there. Use a bare repository as the shared one (an administrator makes it with git clone --bare)."},
	"win.remote.host": {"địa chỉ %s chỉ tới một máy khác qua file:// — chỉ Windows mở được thư mục chia sẻ theo cách này; trên máy này hãy gắn thư mục chia sẻ vào một thư mục rồi dùng đường dẫn của nó",
		"the address %s names another machine through file://, which only Windows can open as a shared folder; on this PC mount the share and use its path"},
}
