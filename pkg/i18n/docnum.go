package i18n

var docnumMsgs = map[string]Text{}
