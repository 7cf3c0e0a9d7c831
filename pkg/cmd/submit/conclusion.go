package submit

import (
	"strings"

	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/workspace"
)

// announce says, once a submission reached the server, which offices each submitted conclusion's notice went
// to (seed 004, point 2: the office that served the meeting notifies the others). The notice is the conclusion
// itself, now on the shared branch: each office reads it, as a message to it, with coord inbox.
func announce(o *Options, items []*item, reg *workspace.Loaded) {
	for _, it := range items {
		c, ok := it.file.Value.(*record.Conclusion)
		if !ok || c == nil {
			continue
		}
		to := conclusion.Recipients(&reg.Repo.Offices, c)
		if len(to) == 0 {
			continue
		}
		names := make([]string, len(to))
		for i, code := range to {
			names[i] = reg.Ctx.OfficeName(code)
		}
		o.F.Printf("task.announce", c.Number, strings.Join(names, ", "))
	}
}
