package petition

// The statuses of a petition and the history actions that lead to them (docs/records.md), and the action of
// an extension (gia hạn), which changes no status.
const (
	Received    = "received"
	Accepted    = "accepted"
	Transferred = "transferred"
	Resolved    = "resolved"
	Rejected    = "rejected"
	Withdrawn   = "withdrawn"
	Extended    = "extended"
)
