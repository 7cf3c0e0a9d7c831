package merge

import (
	"bytes"
	"testing"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/period"
)

// Flag parsing and validation, without a repo: runF stops before Run.
func TestFlags(t *testing.T) {
	cases := []struct {
		args     []string
		code     int    // exit code of validate (0: valid)
		period   string // when valid
		decision string
	}{
		{[]string{"--quarter", "2026-Q3"}, 0, "2026-Q3", ""},
		{[]string{"--year", "2026"}, 0, "2026", ""},
		{[]string{"--month", "2026-07", "--suggest"}, 0, "2026-07", ""},
		{[]string{"--week", "2026-W27", "--accept", "VPTU.a", "joint.b"}, 0, "2026-W27", ""},
		{[]string{"--quarter", "2026-Q3", "--move", "VPTU.a", "--to", "2026-07-22 chiều", "--reason", "r"}, 0, "2026-Q3", "move"},
		{[]string{"--quarter", "2026-Q3", "--keep", "VPTU.a", "--reason", "r"}, 0, "2026-Q3", "keep"},
		{[]string{"--quarter", "2026-Q3", "--undo", "VPTU.a"}, 0, "2026-Q3", "undo"},
		{nil, 2, "", ""}, // no period
		{[]string{"--quarter", "2026-07"}, 2, "", ""},                                      // wrong kind
		{[]string{"--quarter", "2026-Q5"}, 2, "", ""},                                      // not a period
		{[]string{"--quarter", "2026-Q3", "--month", "2026-07"}, 2, "", ""},                // two periods
		{[]string{"--quarter", "2026-Q3", "--drop", "VPTU.a"}, 2, "", ""},                  // no reason
		{[]string{"--quarter", "2026-Q3", "--move", "VPTU.a", "--reason", "r"}, 2, "", ""}, // no --to
		{[]string{"--quarter", "2026-Q3", "--to", "2026-07-22"}, 2, "", ""},                // --to alone
		{[]string{"--quarter", "2026-Q3", "--drop", "a", "--keep", "b", "--reason", "r"}, 2, "", ""},
		{[]string{"--quarter", "2026-Q3", "--accept", "--drop", "a", "--reason", "r"}, 2, "", ""},
		{[]string{"--quarter", "2026-Q3", "--format", "sarif"}, 2, "", ""},
		{[]string{"--quarter", "2026-Q3", "VPTU.a"}, 2, "", ""}, // ids without --accept
	}
	for _, tc := range cases {
		f := cmdutil.New()
		var out bytes.Buffer
		f.Out, f.Err = &out, &out
		var got *Options
		cmd := NewCmdMerge(f, func(o *Options) error {
			got = o
			return o.validate()
		})
		cmd.SetArgs(tc.args)
		cmd.SetOut(&out)
		cmd.SetErr(&out)
		err := cmd.Execute()
		if code := cmdutil.Code(err); code != tc.code {
			t.Errorf("%q: exit %d (%v), want %d", tc.args, code, err, tc.code)
			continue
		}
		if tc.code != 0 {
			continue
		}
		if got.period.String() != tc.period || got.decisionAction != tc.decision {
			t.Errorf("%q: period %s decision %q", tc.args, got.period, got.decisionAction)
		}
	}
}

func TestPeriodFlag(t *testing.T) {
	for s, want := range map[string]string{"2026": "--year 2026", "2026-Q3": "--quarter 2026-Q3", "2026-07": "--month 2026-07", "2026-W27": "--week 2026-W27"} {
		p, _ := period.Parse(s)
		if got := p.Flag(); got != want {
			t.Errorf("%s: %s, want %s", s, got, want)
		}
	}
}
