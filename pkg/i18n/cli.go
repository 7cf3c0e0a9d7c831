package i18n

var cliMsgs = map[string]Text{}
