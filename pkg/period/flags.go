package period

import "github.com/coordvn/coord/pkg/i18n"

// Flags are the period flags of a command (--year, --quarter, --month, --week): exactly one is given, in the
// canonical form or as a clerk writes it ("quý 1/2027" for --quarter), and it must be a period of its kind.
type Flags struct{ Year, Quarter, Month, Week string }

// Period reads the one period given. A wrong or missing period is a usage error.
func (f Flags) Period() (Period, error) {
	var out Period
	n := 0
	for _, x := range []struct {
		v    string
		kind Kind
		name string
		key  string
	}{{f.Year, Year, "--year", "period.kind.year"}, {f.Quarter, Quarter, "--quarter", "period.kind.quarter"},
		{f.Month, Month, "--month", "period.kind.month"}, {f.Week, Week, "--week", "period.kind.week"}} {
		if x.v == "" {
			continue
		}
		n++
		p, err := ParseClerk(x.v)
		if err != nil {
			return Period{}, usage(err)
		}
		if p.Kind != x.kind {
			return Period{}, i18n.Usagef("period.wrong_kind", x.name, x.v, i18n.M(x.key))
		}
		out = p
	}
	if n != 1 {
		return Period{}, i18n.Usagef("period.one")
	}
	return out, nil
}

// Arg reads a period given as an argument (approve 2026-Q3, issue "quý 3/2026"); a bad one is a usage error.
func Arg(s string) (Period, error) {
	p, err := ParseClerk(s)
	if err != nil {
		return Period{}, usage(err)
	}
	return p, nil
}

// Flag is the flag that names a period: --quarter 2026-Q3.
func (p Period) Flag() string {
	switch p.Kind {
	case Quarter:
		return "--quarter " + p.String()
	case Month:
		return "--month " + p.String()
	case Week:
		return "--week " + p.String()
	}
	return "--year " + p.String()
}

func usage(err error) error {
	if e, ok := err.(*i18n.Error); ok {
		c := *e
		c.Kind = i18n.KindUsage
		return &c
	}
	return err
}
