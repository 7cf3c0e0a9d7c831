package i18n

// authzMsgs: who may change what (pkg/authz, the authz/path rule, coord submit's refusal, check --changed).
var authzMsgs = map[string]Text{
	"git.submit.not_yours":    {"%s chỉ %s được sửa; %s không có trong danh sách đó (registry/offices.yaml), nên không có gì được ghi nhận", "%s may be changed only by %s; %s is not among them (registry/offices.yaml), so nothing was committed"},
	"check.changed_and_paths": {"--changed đã chọn các tệp cần kiểm tra; không ghi thêm PATH", "--changed picks the files to check; give no PATH with it"},
}
