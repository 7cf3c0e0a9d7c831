package petition

// Extended is the history action of an extension (gia hạn): it changes no status. The statuses and the steps
// that lead to them are in state.go.
const Extended = "extended"
