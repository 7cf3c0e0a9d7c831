package consolidate

import (
	"fmt"

	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/record"
)

// CommitMessage is the message of a workflow step: "consolidated(VPTU): 2026-Q3 approve", with the trailers
// `coord sync` recognises as coord's own commits.
func CommitMessage(step string, c *record.Consolidated) string {
	office := c.Coordinator
	if office == "" {
		office = "-"
	}
	return gitrepo.Message(fmt.Sprintf("%s(%s): %s %s", record.KindConsolidated, office, c.Period, step),
		[][2]string{{gitrepo.KindTrailer, record.KindConsolidated}, {"Coord-Office", office}, {"Coord-Period", c.Period}})
}
