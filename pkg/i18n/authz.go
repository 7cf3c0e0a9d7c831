package i18n

// authzMsgs: who may change what (pkg/authz, the authz/path rule, coord submit's refusal, check --changed).
var authzMsgs = map[string]Text{
	"rule.doc.authz/path":     {"mỗi commit chỉ sửa những gì tác giả được phép: hồ sơ của văn phòng mình; chương trình tổng hợp, văn bản ban hành, danh mục: văn phòng tổng hợp; coord.yaml: người quản trị (coord check --changed)", "each commit changes only what its author may: their office's records; consolidated programmes, issued outputs, the registry: the coordinating office; coord.yaml: the admins (coord check --changed)"},
	"rule.authz.path":         {"commit %s của %s <%s> sửa tệp này, nhưng chỉ %s được sửa", "commit %s by %s <%s> changes this file, which only %s may change"},
	"rule.authz.office":       {"cán bộ của %s", "the members of %s"},
	"rule.authz.admins":       {"người quản trị kho (admins trong registry/offices.yaml)", "the repo's admins (admins in registry/offices.yaml)"},
	"rule.authz.unsigned":     {"commit %s của %s <%s> không có chữ ký, mà coord.yaml yêu cầu mọi commit được ký (policy.require_signed)", "commit %s by %s <%s> is not signed, and coord.yaml requires every commit to be (policy.require_signed)"},
	"rule.authz.no_key":       {"commit %s của %s <%s> có chữ ký nhưng registry/offices.yaml không ghi khóa nào của người này để xác minh", "commit %s by %s <%s> is signed, but registry/offices.yaml lists no key of this person to verify it"},
	"rule.authz.bad_sig":      {"chữ ký của commit %s (%s <%s>) không khớp khóa nào của người này trong registry/offices.yaml", "the signature of commit %s (%s <%s>) matches none of this person's keys in registry/offices.yaml"},
	"git.submit.not_yours":    {"%s chỉ %s được sửa; %s không có trong danh sách đó (registry/offices.yaml), nên không có gì được ghi nhận", "%s may be changed only by %s; %s is not among them (registry/offices.yaml), so nothing was committed"},
	"check.changed_and_paths": {"--changed đã chọn các tệp cần kiểm tra; không ghi thêm PATH", "--changed picks the files to check; give no PATH with it"},
}
