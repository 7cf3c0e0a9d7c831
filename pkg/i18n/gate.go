package i18n

// gateMsgs are the messages of what the gate keeps out of the shared repo (issue 9): a petitioner's
// identity that is not sealed, personal numbers in a petition's text, files outside the layout, symlinks
// and special files, ids that are not slugs, and the clusters of one double-booked slot.
var gateMsgs = map[string]Text{
	"rule.doc.petition/plaintext": {"thông tin nhận diện người gửi đơn được mã hóa bằng age; nội dung đơn không chứa số định danh cá nhân hay số điện thoại",
		"the petitioner's identity is encrypted with age; a petition's text holds no citizen ID or phone number"},

	"gate.plaintext.empty": {"Trường %s để trống. Thông tin người gửi đơn phải được mã hóa bằng age cho các Văn phòng được phép đọc và ghi ở dạng ENC[age,…].",
		"The field %s is empty. The petitioner's identity must be encrypted with age to the offices allowed to read it and written as ENC[age,…]."},
	"gate.plaintext.plain": {"Trường %s chứa thông tin người gửi đơn ở dạng đọc được, chưa mã hóa. Xóa nội dung này khỏi tệp, mã hóa thông tin người gửi bằng age cho các Văn phòng được phép đọc và ghi ở dạng ENC[age,…].",
		"The field %s holds the petitioner's identity in plain text. Remove it from the file, encrypt the identity with age to the offices allowed to read it and write it as ENC[age,…]."},
	"gate.plaintext.fields": {"Trường %s ghi thông tin người gửi đơn thành các mục đọc được thay vì một bản mã. Xóa các mục này khỏi tệp, mã hóa thông tin người gửi bằng age và ghi ở dạng ENC[age,…].",
		"The field %s spells out the petitioner's identity instead of holding one ciphertext. Remove it from the file, encrypt the identity with age and write it as ENC[age,…]."},
	"gate.plaintext.fake": {"Trường %s có dạng ENC[age,…] nhưng nội dung không phải bản mã age (thiếu dòng đầu age-encryption.org/v1): có thể đó chỉ là văn bản thường được viết lại bằng base64, ai cũng đọc được. Mã hóa lại thông tin người gửi bằng age.",
		"The field %s looks like ENC[age,…] but its content is not an age ciphertext (it lacks the age-encryption.org/v1 line): it may be plain text merely written in base64, which anyone can read. Encrypt the identity with age again."},
	"gate.plaintext.broken": {"Trường %s có dạng ENC[age,…] nhưng không phải bản mã age hợp lệ: %s. Có thể nội dung đã bị cắt hoặc sửa tay; mã hóa lại thông tin người gửi bằng age.",
		"The field %s looks like ENC[age,…] but is not a well-formed age ciphertext: %s. It may have been cut or edited by hand; encrypt the identity with age again."},
	"gate.plaintext.why.base64":       {"phần giữa ENC[age, và ] không phải base64 chuẩn (có ký tự '=' đệm cuối)", "what lies between ENC[age, and ] is not standard padded base64"},
	"gate.plaintext.why.header":       {"phần đầu (header) của bản mã bị hỏng", "its header is malformed"},
	"gate.plaintext.why.no_recipient": {"bản mã không có người nhận nào", "it has no recipient"},
	"gate.plaintext.why.recipient":    {"một người nhận X25519 của bản mã sai dạng", "an X25519 recipient of it has the wrong shape"},
	"gate.plaintext.why.payload":      {"sau phần đầu không có dữ liệu đã mã hóa", "no encrypted data follows its header"},

	"gate.number.field": {"Trường %s chứa %s: đó là thông tin cá nhân của công dân, không được ghi ở dạng đọc được trong kho dùng chung. Xóa số đó khỏi trường này; thông tin liên hệ của người gửi chỉ ghi trong trường petitioner đã mã hóa.",
		"The field %s holds %s: a citizen's personal data, which must never be readable in the shared repo. Remove it from this field; the petitioner's contact details belong only in the encrypted petitioner field."},
	"gate.number.key": {"Tên một trường ở đây chứa %s: đó là thông tin cá nhân của công dân, không được ghi ở dạng đọc được trong kho dùng chung. Xóa số đó khỏi tệp.",
		"A field name here holds %s: a citizen's personal data, which must never be readable in the shared repo. Remove it from the file."},
	"gate.number.comment": {"Một chú thích của mục ở dòng này (phía trên, bên cạnh hoặc ngay dưới mục) chứa %s: đó là thông tin cá nhân của công dân, không được ghi ở dạng đọc được trong kho dùng chung. Xóa số đó khỏi chú thích.",
		"A comment of the entry on this line (above it, beside it or just below it) holds %s: a citizen's personal data, which must never be readable in the shared repo. Remove it from the comment."},
	"gate.number.id":    {"một dãy số giống số định danh cá nhân (CCCD/CMND)", "a number that looks like a citizen ID number (CCCD/CMND)"},
	"gate.number.phone": {"một dãy số giống số điện thoại", "a number that looks like a phone number"},
	"gate.number.both":  {"các dãy số giống số định danh cá nhân (CCCD/CMND) và số điện thoại", "numbers that look like a citizen ID number (CCCD/CMND) and a phone number"},

	"gate.hint.slug": {"chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số (mã là một slug)",
		"lower-case ASCII letters, digits and hyphens, starting with a letter or a digit (an id is a slug)"},
	"gate.hint.slug_like": {"chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số, ví dụ %q",
		"lower-case ASCII letters, digits and hyphens, starting with a letter or a digit, such as %q"},
	"gate.hint.code":      {"chữ in hoa không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ", "upper-case ASCII letters, digits and hyphens, starting with a letter"},
	"gate.hint.code_like": {"chữ in hoa không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ, ví dụ %q", "upper-case ASCII letters, digits and hyphens, starting with a letter, such as %q"},
	"gate.hint.petition_id": {"mã văn phòng tiếp nhận, năm và số thứ tự nối bằng dấu gạch ngang, ví dụ VPUBND-2026-000123",
		"the receiving office's code, the year and a sequence number joined by hyphens, such as VPUBND-2026-000123"},
}
