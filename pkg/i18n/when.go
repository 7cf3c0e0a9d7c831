package i18n

var whenMsgs = map[string]Text{}
