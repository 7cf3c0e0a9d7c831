package i18n

var recordMsgs = map[string]Text{}
