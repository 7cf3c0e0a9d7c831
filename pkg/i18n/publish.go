package i18n

// publishMsgs: writing a set of files (pkg/fsutil) and publishing the coordinator's records and outputs
// (cmdutil.Publish), and submit's second check on top of other offices' work.
var publishMsgs = map[string]Text{
	// pkg/fsutil: a set of files written whole or not at all.
	"fsutil.file_busy":    {"không ghi được %s (%s): tệp đang mở trong chương trình khác? Hãy đóng tệp rồi chạy lại; các tệp khác vẫn giữ nguyên như trước", "cannot write %s (%s): is the file open in another program? Close it and run again; the other files are as they were"},
	"fsutil.write_failed": {"không ghi được %s (%s); không tệp nào bị thay đổi", "cannot write %s (%s); no file was changed"},
}
