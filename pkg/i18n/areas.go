package i18n

// areas lists the catalog files of this package, one per domain. Add a file's map here.
var areas = []map[string]Text{core, periodMsgs, repoMsgs, policyMsgs, cliMsgs, newMsgs, fmtMsgs, initMsgs, checkMsgs, recordMsgs, ruleMsgs, whenMsgs, docnumMsgs, renderMsgs, gitMsgs, mergeMsgs, docxMsgs, publishMsgs, historyMsgs, authzMsgs, transportMsgs, ciMsgs, gateMsgs, windowsMsgs}
