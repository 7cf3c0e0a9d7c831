package i18n

// helpPetitionMsgs are the help texts of `coord petition` and `coord keys` (issue 11), kept apart from
// help.go so that the commands of other issues merge without touching the same lines.
var helpPetitionMsgs = map[string]Text{
	// petition
	"help.petition.short": {"Đơn thư: tiếp nhận, xem, cập nhật trạng thái, tìm đơn trùng giữa các văn phòng, đơn sắp đến hạn", "Petitions: receive, show, update, find duplicates across offices, what falls due"},
	"help.petition.long": {
		"Đơn khiếu nại, tố cáo, kiến nghị, phản ánh của văn phòng. Thông tin người gửi (họ tên, số định danh, địa chỉ,\n" +
			"điện thoại) chỉ lưu ở dạng mã hóa age cho các văn phòng được phép đọc (đơn tố cáo: chỉ văn phòng thụ lý), kèm\n" +
			"một chỉ mục mù để tìm đơn của cùng một người ở văn phòng khác mà không cần giải mã.",
		"A office's complaints, denunciations, recommendations and reflections. The petitioner's identity (name, ID\n" +
			"number, address, phone) is stored only encrypted with age to the offices allowed to read it (a denunciation:\n" +
			"the handling office alone), with a blind index that finds the same person's petitions at other offices\n" +
			"without decrypting anything.",
	},

	"help.petition.receive.use":   {"receive [--type LOẠI] [--received NGÀY] [--channel KÊNH] [--people N] [--subject NỘI-DUNG] [--locality XÃ] [--name HỌ-TÊN] [--id-number SỐ] [--address ĐỊA-CHỈ] [--phone SỐ]", "receive [--type TYPE] [--received DAY] [--channel CHANNEL] [--people N] [--subject TEXT] [--locality PLACE] [--name NAME] [--id-number NUMBER] [--address ADDRESS] [--phone NUMBER]"},
	"help.petition.receive.short": {"Tiếp nhận một đơn: ghi hồ sơ, mã hóa thông tin người gửi, commit", "Receive a petition: write the record, seal the identity, commit"},
	"help.petition.receive.long": {
		"Ghi đơn mới của văn phòng (--office, mặc định thiết lập office) vào petitions/<năm>/<VĂN-PHÒNG>/ với số tiếp\n" +
			"theo, mã hóa thông tin người gửi bằng age cho các văn phòng được phép đọc (registry/offices.yaml, recipients;\n" +
			"đơn tố cáo: chỉ văn phòng này, hoặc chỉ lưu trên máy này khi coord.yaml đặt secrecy.denouncer_identity: local),\n" +
			"tính chỉ mục mù bằng khóa chỉ mục dùng chung (cần khóa age của bạn: coord keys init), rồi commit và gửi lên\n" +
			"máy chủ như coord submit. Mọi mục đều có tùy chọn, cho script và nhập hàng loạt; chạy trong cửa sổ dòng lệnh\n" +
			"thì coord hỏi lần lượt các mục còn thiếu.",
		"Write a new petition of the office (--office, default the office setting) into petitions/<year>/<OFFICE>/ at\n" +
			"the next number, seal the identity with age to the offices allowed to read it (registry/offices.yaml,\n" +
			"recipients; a denunciation: this office alone, or only on this PC when coord.yaml sets\n" +
			"secrecy.denouncer_identity: local), compute the blind index with the shared index key (needs your age key:\n" +
			"coord keys init), then commit and push like coord submit. Every field has a flag, for scripts and bulk\n" +
			"imports; in a terminal coord asks for the missing ones one by one.",
	},
	"help.petition.receive.example": {
		"  coord petition receive\n  coord petition receive --type khieu-nai --received 03/8/2026 --channel truc-tiep --people 1 \\\n    --subject \"Khiếu nại việc bồi thường khi thu hồi đất\" --locality xa-long-thanh \\\n    --name \"Nguyễn Văn An\" --id-number 075184009921 --address \"ấp 3, xã Long Thành\" --phone \"0934 112 908\"",
		"  coord petition receive\n  coord petition receive --type khieu-nai --received 03/8/2026 --channel truc-tiep --people 1 \\\n    --subject \"Khiếu nại việc bồi thường khi thu hồi đất\" --locality xa-long-thanh \\\n    --name \"Nguyễn Văn An\" --id-number 075184009921 --address \"ấp 3, xã Long Thành\" --phone \"0934 112 908\"",
	},
	"help.petition.receive.flag.office":    {"`MÃ` văn phòng tiếp nhận (mặc định: thiết lập office)", "the receiving office's `CODE` (default: the office setting)"},
	"help.petition.receive.flag.type":      {"`LOẠI` đơn: khieu-nai, to-cao, kien-nghi, phan-anh", "the petition `TYPE`: khieu-nai, to-cao, kien-nghi, phan-anh"},
	"help.petition.receive.flag.received":  {"`NGÀY` nhận đơn, ví dụ 03/8/2026 (mặc định: hôm nay)", "the `DAY` received, e.g. 03/8/2026 (default: today)"},
	"help.petition.receive.flag.channel":   {"`KÊNH` nhận: truc-tiep, buu-chinh, chuyen-den, truc-tuyen", "the `CHANNEL`: truc-tiep, buu-chinh, chuyen-den, truc-tuyen"},
	"help.petition.receive.flag.people":    {"`SỐ` người gửi (mặc định 1)", "the `NUMBER` of petitioners (default 1)"},
	"help.petition.receive.flag.subject":   {"`NỘI-DUNG` tóm tắt, không có thông tin nhận diện người gửi", "the `SUBJECT`, without anything that identifies the petitioner"},
	"help.petition.receive.flag.locality":  {"`XÃ` nơi phát sinh vụ việc: mã hoặc tên trong registry/places.yaml", "the `LOCALITY` of the matter: an id or name of registry/places.yaml"},
	"help.petition.receive.flag.name":      {"`HỌ-TÊN` người gửi (được mã hóa)", "the petitioner's `NAME` (encrypted)"},
	"help.petition.receive.flag.id-number": {"`SỐ` định danh CCCD/CMND (được mã hóa)", "the ID `NUMBER`, CCCD/CMND (encrypted)"},
	"help.petition.receive.flag.address":   {"`ĐỊA-CHỈ` người gửi (được mã hóa)", "the petitioner's `ADDRESS` (encrypted)"},
	"help.petition.receive.flag.phone":     {"`SỐ` điện thoại (được mã hóa)", "the phone `NUMBER` (encrypted)"},

	"help.petition.show.use":   {"show [MÃ-ĐƠN] [--office MÃ] [--show-identity]", "show [PETITION-ID] [--office CODE] [--show-identity]"},
	"help.petition.show.short": {"Xem một đơn (giải mã thông tin người gửi nếu khóa của bạn mở được), hoặc danh sách đơn", "Show a petition (its identity decrypted when your key opens it), or list the petitions"},
	"help.petition.show.long": {
		"Với MÃ-ĐƠN: in đơn và quá trình xử lý, và thông tin người gửi khi khóa age của bạn (thiết lập identity,\n" +
			"COORD_AGE_IDENTITY) mở được; nếu không, nói rõ vì sao. Không có MÃ-ĐƠN: liệt kê các đơn (của --office) — mã,\n" +
			"loại, văn phòng, ngày, trạng thái, nội dung — không bao giờ kèm thông tin người gửi, trừ khi có --show-identity\n" +
			"và khóa của bạn mở được. Bản mã bị hỏng: nêu tệp và dòng, mã thoát 1.",
		"With PETITION-ID: print the petition and its handling, and the identity when your age key (the identity\n" +
			"setting, COORD_AGE_IDENTITY) opens it; otherwise say plainly why not. Without: list the petitions (of\n" +
			"--office) — id, type, office, date, status, subject — never with an identity unless --show-identity is given\n" +
			"and your key opens it. A damaged ciphertext is named by file and line, exit 1.",
	},
	"help.petition.show.example":            {"  coord petition show VPUBND-2026-000123\n  coord petition show --office VPUBND", "  coord petition show VPUBND-2026-000123\n  coord petition show --office VPUBND"},
	"help.petition.show.flag.office":        {"chỉ các đơn của văn phòng `MÃ`", "only the petitions of the office `CODE`"},
	"help.petition.show.flag.show-identity": {"kèm thông tin người gửi trong danh sách, khi khóa của bạn mở được", "include the identities in the list, where your key opens them"},

	"help.petition.update.use":   {"update MÃ-ĐƠN --status TRẠNG-THÁI [--to MÃ] [--decision SỐ] [--days N] [--date NGÀY] [--note GHI-CHÚ]", "update PETITION-ID --status STATUS [--to CODE] [--decision NUMBER] [--days N] [--date DAY] [--note TEXT]"},
	"help.petition.update.short": {"Đổi trạng thái một đơn (thụ lý, chuyển, không thụ lý, giải quyết, rút đơn) và commit", "Change a petition's status (accept, forward, reject, resolve, withdraw) and commit"},
	"help.petition.update.long": {
		"Đổi trạng thái theo quy trình: đã tiếp nhận → đã thụ lý (accepted), đã chuyển đơn (transferred, cần --to) hoặc\n" +
			"không thụ lý (rejected); đã thụ lý → đã giải quyết (resolved); đã tiếp nhận hoặc đã thụ lý → đã rút đơn\n" +
			"(withdrawn). Gia hạn giải quyết đơn đã thụ lý: --status extended --decision SỐ-QUYẾT-ĐỊNH [--days N] (không đổi\n" +
			"trạng thái; chỉ khi luật cho phép, trước khi hết hạn). Mỗi đơn chỉ được chuyển một lần. Mỗi lần đổi thêm một bước vào history (ngày --date, mặc định hôm\n" +
			"nay; --note), rồi commit và gửi lên máy chủ. Bước không hợp lệ bị từ chối bằng một câu nói rõ lý do (mã thoát 1).",
		"Change the status along the procedure: received → accepted, transferred (needs --to) or rejected; accepted →\n" +
			"resolved; received or accepted → withdrawn. Extend an accepted petition's resolution: --status extended\n" +
			"--decision NUMBER [--days N] (no change of status; only where the law allows, before the deadline). A petition is forwarded at most once. Each change appends a step\n" +
			"to history (on --date, default today; --note), then commits and pushes. A step the procedure does not allow\n" +
			"is refused with a sentence saying why (exit 1).",
	},
	"help.petition.update.example":       {"  coord petition update VPUBND-2026-000124 --status accepted --note \"Thụ lý giải quyết\"\n  coord petition update VPTU-2026-000060 --status transferred --to VPUBND", "  coord petition update VPUBND-2026-000124 --status accepted --note \"Thụ lý giải quyết\"\n  coord petition update VPTU-2026-000060 --status transferred --to VPUBND"},
	"help.petition.update.flag.status":   {"`TRẠNG-THÁI` mới: accepted, transferred, rejected, resolved, withdrawn; extended để gia hạn", "the new `STATUS`: accepted, transferred, rejected, resolved, withdrawn; extended for an extension"},
	"help.petition.update.flag.decision": {"`SỐ` quyết định gia hạn giải quyết (với --status extended)", "the extension decision's `NUMBER` (with --status extended)"},
	"help.petition.update.flag.days":     {"số `NGÀY` gia hạn (với --status extended; mặc định: mức tối đa luật cho phép)", "the `DAYS` it adds (with --status extended; default: the most the law allows)"},
	"help.petition.update.flag.to":       {"`MÃ` văn phòng nhận đơn chuyển đến (với --status transferred)", "the `CODE` of the office it is forwarded to (with --status transferred)"},
	"help.petition.update.flag.date":     {"`NGÀY` của bước xử lý (mặc định: hôm nay)", "the `DAY` of the step (default: today)"},
	"help.petition.update.flag.note":     {"`GHI-CHÚ` của bước (không ghi số định danh, số điện thoại)", "the step's `NOTE` (no ID or phone number)"},

	"help.petition.dups.use":   {"dups [--office MÃ] [--format text|json] [--show-identity]", "dups [--office CODE] [--format text|json] [--show-identity]"},
	"help.petition.dups.short": {"Tìm đơn của cùng một người về cùng một việc gửi đến nhiều văn phòng, không giải mã", "Find one person's petitions on one matter sent to several offices, without decrypting"},
	"help.petition.dups.long": {
		"Nhóm các đơn có cùng chỉ mục mù (cùng họ tên và số định danh sau khi chuẩn hóa) và nội dung tương tự (ít nhất hai\n" +
			"từ có nghĩa chung, và ít nhất một nửa số từ có nghĩa của nội dung ngắn hơn) ở ít nhất hai văn phòng. In mã, loại,\n" +
			"văn phòng, ngày nhận, trạng thái và nội dung; thông tin người gửi chỉ khi có --show-identity và khóa của bạn mở\n" +
			"được. --office: chỉ các nhóm có đơn của văn phòng đó.",
		"Group the petitions with the same blind index (the same name and ID number once normalised) and similar subjects\n" +
			"(at least two meaningful words in common, and at least half of the shorter subject's) at two offices or more.\n" +
			"Print ids, types, offices, dates received, statuses and subjects; identities only with --show-identity and where\n" +
			"your key opens them. --office: only the groups holding a petition of that office.",
	},
	"help.petition.dups.flag.office":        {"chỉ các nhóm có đơn của văn phòng `MÃ`", "only the groups with a petition of the office `CODE`"},
	"help.petition.dups.flag.format":        {"`ĐỊNH-DẠNG`: text | json (json không bao giờ có thông tin người gửi)", "the `FORMAT`: text | json (json never holds an identity)"},
	"help.petition.dups.flag.show-identity": {"kèm thông tin người gửi, khi khóa của bạn mở được", "include the identities, where your key opens them"},

	// keys
	"help.keys.short": {"Khóa age: khóa của bạn, danh sách người nhận của các văn phòng, khóa chỉ mục", "age keys: yours, the offices' recipients, the index key"},
	"help.keys.long": {
		"Thông tin người gửi đơn được mã hóa bằng age cho các khóa công khai (recipients) của văn phòng trong\n" +
			"registry/offices.yaml. Thêm hay bỏ một khóa, hay đổi khóa chỉ mục, mã hóa lại mọi giá trị bị ảnh hưởng trong một\n" +
			"commit; cái gì khóa của bạn không mở được thì người giữ khóa của văn phòng đọc nó hoàn tất (coord keys reseal).",
		"Petitioners' identities are encrypted with age to the public keys (recipients) of the offices in\n" +
			"registry/offices.yaml. Adding or removing a key, or rotating the index key, re-encrypts every affected value in\n" +
			"one commit; what your keys do not open, a key holder of the office that reads it completes (coord keys reseal).",
	},
	"help.keys.init.use":   {"init", "init"},
	"help.keys.init.short": {"Tạo khóa age của bạn và in khóa công khai", "Make your age key and print its public key"},
	"help.keys.init.long": {
		"Tạo một khóa age (X25519) cho bạn trong thư mục thiết lập của người dùng (age-identity.txt, chỉ tài khoản của bạn\n" +
			"đọc được), đặt thiết lập identity trỏ đến nó, và in khóa công khai để văn phòng điều phối thêm vào danh sách người\n" +
			"nhận (coord keys add-recipient). Không bao giờ ghi đè một khóa đã có.",
		"Make an age key (X25519) for you in the user's settings folder (age-identity.txt, readable by your account\n" +
			"only), point the identity setting at it, and print the public key for the coordinating office to add to the\n" +
			"recipients (coord keys add-recipient). An existing key is never overwritten.",
	},
	"help.keys.add-recipient.use":   {"add-recipient VĂN-PHÒNG KHÓA-CÔNG-KHAI", "add-recipient OFFICE PUBLIC-KEY"},
	"help.keys.add-recipient.short": {"Thêm một khóa công khai cho văn phòng và mã hóa lại trong một commit", "Add a public key to an office and re-encrypt in one commit"},
	"help.keys.add-recipient.long": {
		"Thêm KHÓA-CÔNG-KHAI (age1…) vào recipients của VĂN-PHÒNG trong registry/offices.yaml và mã hóa lại, trong cùng\n" +
			"một commit, mọi thông tin người gửi mà văn phòng được đọc (mọi đơn trừ đơn tố cáo của văn phòng khác) và khóa chỉ\n" +
			"mục. Đơn tố cáo của văn phòng khác mà khóa của bạn không mở được thì để nguyên, kèm lệnh người giữ khóa của\n" +
			"văn phòng đó chạy để hoàn tất (coord keys reseal); một bản mã hỏng thì không thay đổi gì (mã thoát 1). Cán bộ\n" +
			"một văn phòng đổi được khóa của văn phòng mình; văn phòng điều phối đổi được khóa của mọi văn phòng.",
		"Add PUBLIC-KEY (age1…) to the recipients of OFFICE in registry/offices.yaml and re-encrypt, in the same commit,\n" +
			"every identity the office reads (every petition but other offices' denunciations) and the index key. Your key\n" +
			"must open them: another office's denunciation that does not open is left, with the command its key holder runs\n" +
			"to complete it (coord keys reseal); a damaged ciphertext changes nothing (exit 1). An office's members change\n" +
			"their own office's keys; the coordinating office's members change any office's.",
	},
	"help.keys.remove-recipient.use":   {"remove-recipient VĂN-PHÒNG KHÓA-CÔNG-KHAI", "remove-recipient OFFICE PUBLIC-KEY"},
	"help.keys.remove-recipient.short": {"Bỏ một khóa công khai của văn phòng và mã hóa lại trong một commit", "Remove a public key of an office and re-encrypt in one commit"},
	"help.keys.remove-recipient.long": {
		"Bỏ KHÓA-CÔNG-KHAI khỏi recipients của VĂN-PHÒNG và mã hóa lại, trong cùng một commit, mọi giá trị văn phòng được\n" +
			"đọc, để khóa đó không mở được các bản mới. Không bỏ được khóa cuối cùng của một văn phòng. Các bản cũ trong lịch\n" +
			"sử Git vẫn mở được bằng khóa cũ: khi khóa bị lộ, coi các thông tin đó là đã lộ.",
		"Remove PUBLIC-KEY from the recipients of OFFICE and re-encrypt, in the same commit, every value the office reads,\n" +
			"so the key opens none of the new versions. An office's last key cannot be removed. The old versions in the Git\n" +
			"history still open with the old key: when a key leaks, treat those identities as leaked.",
	},
	"help.keys.rotate-index.use":   {"rotate-index", "rotate-index"},
	"help.keys.rotate-index.short": {"Tạo khóa chỉ mục mới và tính lại mọi chỉ mục trong một commit", "Make a new index key and recompute every index in one commit"},
	"help.keys.rotate-index.long": {
		"Tạo khóa chỉ mục mù mới (registry/blind-index.key.age, mã hóa cho mọi văn phòng) và tính lại petitioner_index của\n" +
			"mọi đơn mà khóa của bạn mở được, trong một commit; cũng là cách tạo khóa chỉ mục cho một kho mới. Việc của văn\n" +
			"phòng điều phối; đơn tố cáo của văn phòng khác giữ chỉ mục cũ đến khi văn phòng đó chạy coord keys reseal. Tệp\n" +
			"khóa (identity) có thể chứa khóa của nhiều văn phòng.",
		"Make a new blind-index key (registry/blind-index.key.age, encrypted to every office) and recompute every\n" +
			"petition's petitioner_index your keys open, in one commit; it is also how a new repo gets its index key. The\n" +
			"coordinating office's task; another office's denunciations keep their old index until that office runs coord\n" +
			"keys reseal. The key file (identity) may hold the keys of several offices.",
	},
	"help.keys.reseal.use":   {"reseal", "reseal"},
	"help.keys.reseal.short": {"Mã hóa lại đơn thư của một văn phòng theo danh sách khóa hiện tại, trong một commit", "Seal an office's petitions again to the recipients listed now, in one commit"},
	"help.keys.reseal.long": {
		"Mã hóa lại thông tin người gửi của mọi đơn của văn phòng (--office, mặc định văn phòng của bạn) cho các khóa\n" +
			"registry/offices.yaml ghi hiện nay, và tính lại chỉ mục bằng khóa chỉ mục hiện tại, trong một commit chỉ sửa đơn\n" +
			"của văn phòng đó. Là bước hai khi người của văn phòng khác đổi khóa hay khóa chỉ mục mà không mở được đơn tố cáo\n" +
			"của văn phòng này; các đơn lưu ngoài kho được mã hóa lại trên máy này.",
		"Seal again the identity of every petition of the office (--office, default yours) to the keys\n" +
			"registry/offices.yaml lists now, and recompute the indexes under the current index key, in one commit that\n" +
			"changes that office's petitions only. It is the second step when someone of another office changed keys or\n" +
			"the index key without the keys to open this office's denunciations; those kept off the repo are sealed again\n" +
			"on this PC.",
	},
	"help.keys.reseal.flag.office": {"văn phòng `MÃ` có đơn cần mã hóa lại (mặc định văn phòng của bạn)", "the office `CODE` whose petitions to seal again (default yours)"},
}
