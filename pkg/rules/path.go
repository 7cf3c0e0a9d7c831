package rules

import (
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// pathRule: a record must sit where its content says (coord submit puts it there), and every id or code
// that becomes part of a path must be a safe file name ("../../x" never is). The loader adds what its walk
// keeps out: a YAML file outside the record folders, a symlink, a FIFO, socket or device (datarepo/layout.go).
var _ = register(Rule{ID: "path", Across: AcrossNone, Severity: finding.Error,
	Keys: []string{"rule.path.wrong", "rule.path.unsafe"}, Check: func(c *Context, out Out) {
		loaderProblems(c, out)
		for _, f := range c.Repo.Files {
			if f.Value == nil || !c.Wants(f.Path) {
				continue
			}
			want, unsafe, ok := datarepo.ExpectedPath(f, c.Repo.Loc)
			if unsafe != "" {
				out.Emit(finding.Finding{Pos: unsafePos(f, unsafe),
					Msg: i18n.M("rule.path.unsafe", unsafe)})
				continue
			}
			if ok && want != f.Path {
				out.Emit(finding.Finding{Pos: f.Pos("kind"),
					Msg: i18n.M("rule.path.wrong", want)})
			}
		}
	}})

// unsafePos points at the field holding the unsafe value.
func unsafePos(f *record.File, v string) finding.Pos {
	for _, k := range []string{"id", "office", "issuer"} {
		if n := f.Node(k); n != nil && n != f.Root && n.Value == v {
			return f.Pos(k)
		}
	}
	return f.Pos()
}
