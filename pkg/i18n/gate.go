package i18n

// gateMsgs are the messages of what the gate keeps out of the shared repo (issue 9): a petitioner's
// identity that is not sealed, personal numbers in a petition's text, files outside the layout, symlinks
// and special files, ids that are not slugs, and the clusters of one double-booked slot.
var gateMsgs = map[string]Text{

	"gate.hint.slug": {"chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số (mã là một slug)",
		"lower-case ASCII letters, digits and hyphens, starting with a letter or a digit (an id is a slug)"},
	"gate.hint.slug_like": {"chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số, ví dụ %q",
		"lower-case ASCII letters, digits and hyphens, starting with a letter or a digit, such as %q"},
	"gate.hint.code":      {"chữ in hoa không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ", "upper-case ASCII letters, digits and hyphens, starting with a letter"},
	"gate.hint.code_like": {"chữ in hoa không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ, ví dụ %q", "upper-case ASCII letters, digits and hyphens, starting with a letter, such as %q"},
	"gate.hint.petition_id": {"mã văn phòng tiếp nhận, năm và số thứ tự nối bằng dấu gạch ngang, ví dụ VPUBND-2026-000123",
		"the receiving office's code, the year and a sequence number joined by hyphens, such as VPUBND-2026-000123"},

	"gate.path.outside": {"Tệp YAML này nằm ngoài các chỗ đặt hồ sơ (%s) nên coord không đọc. Chuyển nó vào đúng chỗ (coord submit tự đặt đúng chỗ) hoặc xóa khỏi kho dữ liệu.",
		"This YAML file lies outside the places records live (%s), so coord does not read it. Move it where it belongs (coord submit places records) or remove it from the data repo."},
	"gate.path.symlink_out": {"Đây là một liên kết tượng trưng (symlink) trỏ ra ngoài kho dữ liệu; coord không đi theo nó. Thay liên kết bằng chính tệp hồ sơ, hoặc xóa nó.",
		"This is a symbolic link leading out of the data repo; coord does not follow it. Replace the link with the record file itself, or remove it."},
	"gate.path.symlink": {"Đây là một liên kết tượng trưng (symlink) trỏ tới %s trong kho; coord không đi theo liên kết. Hồ sơ phải là tệp thường: thay liên kết bằng chính tệp, hoặc xóa nó.",
		"This is a symbolic link to %s in the repo; coord does not follow links. A record must be a regular file: replace the link with the file itself, or remove it."},
	"gate.path.special": {"Đây không phải tệp thường mà là %s; coord không mở nó. Xóa nó khỏi kho dữ liệu.",
		"This is not a regular file but %s; coord does not open it. Remove it from the data repo."},
	"gate.path.fifo":      {"một ống dẫn có tên (FIFO)", "a named pipe (FIFO)"},
	"gate.path.socket":    {"một socket", "a socket"},
	"gate.path.device":    {"một tệp thiết bị", "a device file"},
	"gate.path.irregular": {"một tệp đặc biệt", "a special file"},
	"gate.path.symlink_any": {"Đây là một liên kết tượng trưng (symlink); coord không đi theo liên kết. Hồ sơ phải là tệp thường: thay liên kết bằng chính tệp, hoặc xóa nó.",
		"This is a symbolic link; coord does not follow links. A record must be a regular file: replace the link with the file itself, or remove it."},
	"gate.fmt.too_big": {"Dạng chuẩn của hồ sơ sẽ lớn %d byte, vượt giới hạn %d byte (policy.max_file_bytes), vì một số ký tự phải viết thoát (như biểu tượng cảm xúc); tệp được giữ nguyên. Tách hồ sơ thành các tệp nhỏ hơn hoặc bỏ các ký tự đó.",
		"The canonical form of the record would be %d bytes, over the limit of %d bytes (policy.max_file_bytes), because some characters must be written as escapes (such as emoji); the file is left as it is. Split the record into smaller files or remove those characters."},
}
