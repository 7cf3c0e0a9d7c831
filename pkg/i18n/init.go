package i18n

var initMsgs = map[string]Text{
	"init.exists": {"%s đã là kho dữ liệu coord (có coord.yaml): không ghi đè", "%s is already a coord data repo (coord.yaml exists): nothing overwritten"},
	"init.done":   {"Đã tạo kho dữ liệu tại %s (%d tệp).", "Created the data repo at %s (%d files)."},
	"init.git":    {"Đã khởi tạo kho git (nhánh main). Xem lại rồi commit lần đầu.", "Initialised a git repository (branch main). Review, then make the first commit."},
}
