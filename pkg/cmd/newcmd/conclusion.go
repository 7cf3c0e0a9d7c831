package newcmd

import (
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/conclusion"
	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/ospath"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/workspace"
	"go.yaml.in/yaml/v3"
)

// meeting is the programme item a conclusion comes from (--from programmes/2026/Q3/VPTU.yaml#item-id).
type meeting struct {
	rel  string // the programme's repo path
	prog *record.Programme
	item *record.Item
}

// meetingFrom finds the item --from names: a programme's path, "#", the item's id. The path is read as PATH
// arguments are (ospath: from the working folder wd, as this system's file system matches names — a Windows
// clerk's backslashes and case), else as a path in the data repo.
func meetingFrom(l *workspace.Loaded, wd, from string) (*meeting, error) {
	from = strings.TrimSpace(from)
	file, id, ok := strings.Cut(from, "#")
	if !ok || file == "" || id == "" {
		return nil, cmdutil.Usage(i18n.Errorf("new.from_form", from))
	}
	_, rel := ospath.Native().Locate(l.Repo.Root, wd, file)
	if l.Repo.File(rel) == nil {
		rel = strings.TrimPrefix(path.Clean(filepath.ToSlash(ospath.Native().Host(file))), "./")
	}
	f := l.Repo.File(rel)
	p, isProg := (*record.Programme)(nil), false
	if f != nil {
		p, isProg = f.Value.(*record.Programme)
	}
	if !isProg || p == nil {
		return nil, cmdutil.Usage(i18n.Errorf("new.from_file", rel))
	}
	m := vntext.NewMatcher()
	for i := range p.Items {
		if p.Items[i].ID == id {
			return &meeting{rel: rel, prog: p, item: &p.Items[i]}, nil
		}
		m.Add(p.Items[i].ID, p.Items[i].Title)
	}
	return nil, cmdutil.Usage(i18n.Errorf("new.from_item", id, rel, i18n.DidYouMean(m.Suggest(id, 2))))
}

// fill pre-fills a conclusion from its meeting: the item's reference, its day (the as-of day when the
// programme gives only a week or a month), its first chair, a title, the first body as the example task's
// owner, and as recipients the other offices the meeting concerns.
func (m *meeting) fill(d *tmplData, l *workspace.Loaded, office string) {
	d.MeetingItem = m.rel + "#" + m.item.ID
	if s, err := l.Ctx.Span(m.item.When); err == nil && !s.Coarse() {
		d.MeetingDate = conclusion.Day(s.Start)
	}
	if len(m.item.Chair) > 0 {
		d.Chair = m.item.Chair[0]
	}
	d.Title = yamlScalar("Thông báo kết luận " + m.item.Title)
	if len(m.item.Bodies) > 0 {
		d.Owner = m.item.Bodies[0]
	}
	if r := m.related(l, office); len(r) > 0 {
		d.Recipients = r
	}
}

// related are the offices a meeting concerns besides office, in registry order: those serving its bodies or a
// body where its chair or attendees hold a position, and those whose programmes hold the same joint event.
func (m *meeting) related(l *workspace.Loaded, office string) []string {
	reg := &l.Repo.Offices
	want := map[string]bool{}
	codes := slices.Clone(m.item.Bodies)
	for _, id := range append(slices.Clone(m.item.Chair), m.item.Attendees...) {
		if p, ok := l.Ctx.People[id]; ok {
			for _, pos := range p.Positions {
				codes = append(codes, pos.Body)
			}
		}
	}
	for _, c := range codes {
		for _, o := range conclusion.Serving(reg, c) {
			want[o] = true
		}
	}
	if m.item.Joint != "" {
		for _, f := range l.Repo.Files {
			p, ok := f.Value.(*record.Programme)
			if !ok || p.Period != m.prog.Period {
				continue
			}
			for _, it := range p.Items {
				if it.Joint == m.item.Joint {
					want[p.Office] = true
				}
			}
		}
	}
	var out []string
	for _, o := range reg.Offices {
		if want[o.Code] && o.Code != office && !slices.Contains(out, o.Code) {
			out = append(out, o.Code)
		}
	}
	return out
}

// documentType is the type a number carries (CV for a state letter, which has none), "" when it does not
// parse.
func documentType(number string) string {
	n, err := docnum.Parse(number)
	if err != nil {
		return ""
	}
	if n.Type == "" {
		return "CV"
	}
	return n.Type
}

// yamlScalar writes s as a YAML value on one line: plain when YAML reads it back as the same string, else
// quoted.
func yamlScalar(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return `""`
	}
	return strings.TrimSuffix(string(b), "\n")
}
