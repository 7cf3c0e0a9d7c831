package i18n

// authzMsgs: who may change what (pkg/authz, the authz/path rule, coord submit's refusal, check --changed).
var authzMsgs = map[string]Text{
	"git.submit.not_yours":    {"%s chỉ %s được sửa; %s không có trong danh sách đó (registry/offices.yaml), nên không có gì được ghi nhận", "%s may be changed only by %s; %s is not among them (registry/offices.yaml), so nothing was committed"},
	"check.changed_and_paths": {"--changed đã chọn các tệp cần kiểm tra; không ghi thêm PATH", "--changed picks the files to check; give no PATH with it"},
	// The key ceremony (authz.Judge): why a change of a path the author does not own is not a reseal.
	"git.submit.not_reseal":      {"%s chỉ %s được sửa; %s không có trong danh sách đó, và thay đổi này không chỉ là mã hóa lại: %s. Không có gì được ghi nhận", "%s may be changed only by %s; %s is not among them, and this change is not a mere reseal: %s. Nothing was committed"},
	"authz.reseal.registry":      {"commit sửa registry/offices.yaml ngoài danh sách khóa (recipients) của văn phòng mình", "the commit changes registry/offices.yaml beyond the recipients of the author's own office"},
	"authz.reseal.no_recipient":  {"danh sách khóa mới của văn phòng không còn khóa nào", "the office's new list of keys is empty"},
	"authz.reseal.bad_recipient": {"danh sách khóa mới có giá trị không phải khóa công khai age (age1…)", "the new list of keys holds a value that is not an age public key (age1…)"},
	"authz.reseal.key_removed":   {"commit xóa khóa chỉ mục", "the commit deletes the index key"},
	"authz.reseal.key_not_age":   {"khóa chỉ mục mới không phải tệp age", "the new index key is not an age file"},
	"authz.reseal.key_count":     {"khóa chỉ mục mới được mã hóa cho %d khóa, nhưng registry ghi %d khóa của các văn phòng", "the new index key is sealed to %d keys, but the registry lists %d keys of the offices"},
	"authz.reseal.key_alone":     {"khóa chỉ mục chỉ được thay trong commit đổi danh sách khóa của văn phòng mình; tạo khóa chỉ mục mới (coord keys rotate-index) là việc của văn phòng điều phối", "the index key may be replaced only in a commit that changes the author's office's keys; making a new index key (coord keys rotate-index) is the coordinating office's"},
	"authz.reseal.not_x25519":    {"bản mã mới có người nhận không phải khóa age X25519", "the new ciphertext has a recipient that is not an age X25519 key"},
	"authz.reseal.no_ceremony":   {"commit không đổi danh sách khóa (recipients) cũng không thay khóa chỉ mục", "the commit changes no recipients and does not replace the index key"},
	"authz.reseal.made":          {"commit tạo mới hoặc xóa tệp", "the commit creates or deletes the file"},
	"authz.reseal.unreadable":    {"tệp không đọc được như một đơn thư, trước hoặc sau commit", "the file does not read as a petition, before or after the commit"},
	"authz.reseal.field":         {"ngoài thông tin người gửi, commit còn sửa trường %s", "besides the petitioner's identity, the commit also changes the field %s"},
	"authz.reseal.comments":      {"commit thêm chú thích (#) vào tệp", "the commit adds comments (#) to the file"},
	"authz.reseal.readers_same":  {"commit không đổi khóa của các văn phòng được đọc đơn này, nên thông tin người gửi không phải mã hóa lại", "the commit does not change the keys of the offices that read this petition, so its identity is not to be sealed again"},
	"authz.reseal.not_sealed":    {"giá trị mới của petitioner không phải bản mã age hợp lệ", "the new petitioner value is not a well-formed age ciphertext"},
	"authz.reseal.count":         {"thông tin người gửi mới được mã hóa cho %d khóa, nhưng registry ghi %d khóa của các văn phòng được đọc đơn này", "the new identity is sealed to %d keys, but the registry lists %d keys of the offices that read this petition"},
	"authz.reseal.index_kept":    {"petitioner_index chỉ được tính lại trong commit thay khóa chỉ mục", "petitioner_index may change only in a commit that replaces the index key"},
	"authz.reseal.index_bad":     {"petitioner_index mới không phải dạng bi1: và 64 chữ số hex", "the new petitioner_index is not bi1: and 64 hex digits"},
}
