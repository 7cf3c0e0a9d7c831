package merge

import (
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
)

// Opened is a period's consolidated programme loaded for a workflow step (approve, issue, notify).
type Opened struct {
	P    period.Period
	Root string
	L    *cmdutil.Loaded
	C    *record.Consolidated
	Rel  string // the consolidated record's repo path
}

// OpenConsolidated parses the period, loads the repo and reads the period's consolidated programme. A period
// that was never merged is refused (exit 1).
func OpenConsolidated(f *cmdutil.Factory, periodText string) (*Opened, error) {
	p, err := ParsePeriod(periodText)
	if err != nil {
		return nil, err
	}
	root, err := f.RepoRoot()
	if err != nil {
		return nil, err
	}
	l, err := f.LoadOnly(root, datarepo.PeriodFiles(p))
	if err != nil {
		return nil, err
	}
	c, err := Read(l, p)
	if err != nil {
		return nil, err
	}
	rel := datarepo.ConsolidatedPath(p)
	if c == nil {
		return nil, cmdutil.Refused(i18n.Errorf("merge.no_consolidated", p.String(), rel))
	}
	return &Opened{P: p, Root: root, L: l, C: c, Rel: rel}, nil
}
