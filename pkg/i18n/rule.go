package i18n

var ruleMsgs = map[string]Text{}
