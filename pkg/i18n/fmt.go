package i18n

var fmtMsgs = map[string]Text{
	"fmt.failed":  {"%s: không viết lại được: %s", "%s: cannot rewrite: %s"},
	"fmt.rewrote": {"đã viết lại %s", "rewrote %s"},
}
