// Package newcmd is `coord new programme|conclusion|document|petition`: a record from a template for the
// clerk's office, pre-filled from the registry, written where it belongs in the data repo.
package newcmd

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are new's flags.
type Options struct {
	F      *cmdutil.Factory
	Kind   string
	Office string
	Period string
	Slug   string
	Number string
	From   string // a conclusion's meeting: programmes/2026/Q3/VPTU.yaml#item-id
	Stdout bool
	Force  bool
}

// Kinds that new can write.
var Kinds = []string{record.KindProgramme, record.KindConclusion, record.KindDocument, record.KindPetition}

// NewCmdNew builds the command.
// Its usage line, help texts and flag usages are the catalog's help.new.* (pkg/i18n/help.go), set by root.
func NewCmdNew(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:       "new",
		Args:      cmdutil.ExactArgs(1),
		ValidArgs: Kinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Kind = args[0]
			if o.Office == "" {
				o.Office = f.V.GetString("office")
			}
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVar(&o.Office, "office", "", "")
	cmd.Flags().StringVar(&o.Period, "period", "", "")
	cmd.Flags().StringVar(&o.Slug, "slug", "", "")
	cmd.Flags().StringVar(&o.Number, "number", "", "")
	cmd.Flags().StringVar(&o.From, "from", "", "")
	cmd.Flags().BoolVar(&o.Stdout, "stdout", false, "")
	cmd.Flags().BoolVar(&o.Force, "force", false, "")
	return cmd
}

// Run writes the template.
func Run(o *Options) error {
	root, err := o.F.RepoRoot()
	if err != nil {
		return err
	}
	l, err := o.F.Load(root)
	if err != nil {
		return err
	}
	var codes []string
	for _, of := range l.Repo.Offices.Offices {
		codes = append(codes, of.Code)
	}
	var from *meeting
	if o.From != "" {
		if o.Kind != record.KindConclusion {
			return cmdutil.Usage(i18n.Errorf("new.from_kind"))
		}
		wd, err := o.F.Getwd()
		if err != nil {
			return cmdutil.Env(err)
		}
		if from, err = meetingFrom(l, wd, o.From); err != nil {
			return err
		}
		if o.Office == "" {
			o.Office = from.prog.Office // the office whose programme held the meeting served it
		}
	}
	of, err := l.Repo.Office(o.Office)
	if err != nil {
		return err
	}
	office := *of
	now := l.Ctx.Now
	data := tmplData{Office: office, Today: now.Format("2006-01-02"), Year: now.Year()}
	var rel string
	switch o.Kind {
	case record.KindProgramme:
		if o.Period == "" {
			return cmdutil.Usage(i18n.Errorf("new.no_period"))
		}
		p, err := period.Arg(o.Period)
		if err != nil {
			return cmdutil.Usage(err)
		}
		data.Period, data.Label = p.String(), p.Label(i18n.VI)
		data.Leaders = leaders(l.Repo, office)
		data.Deadline = when.Before(l.Ctx.Policy.Deadline(p)).Render(i18n.VI)
		data.Body = firstOr(office.Serves, "")
		data.Example = exampleWhen(p, l)
		rel = datarepo.ProgrammePath(p, office.Code)
	case record.KindConclusion, record.KindDocument:
		slug := o.Slug
		if slug == "" && o.Number != "" {
			slug = docnum.FileName(o.Number)
		}
		if slug == "" && from != nil {
			slug = "ket-luan-" + from.item.ID
		}
		if slug == "" {
			return cmdutil.Usage(i18n.Errorf("new.no_slug"))
		}
		if !datarepo.SafeName(slug) {
			return cmdutil.Usage(i18n.Errorf("new.bad_slug", slug))
		}
		data.Number = o.Number
		data.Recipients = others(codes, office.Code)
		data.MeetingDate, data.Owner, data.Type = data.Today, office.Code, documentType(o.Number)
		if from != nil {
			from.fill(&data, l, office.Code)
		}
		folder := "conclusions"
		if o.Kind == record.KindDocument {
			folder = "documents"
		}
		rel = path.Join(folder, strconv.Itoa(now.Year()), office.Code, slug+".yaml")
	case record.KindPetition:
		data.ID = petition.NextID(root, office.Code, now.Year())
		rel = path.Join("petitions", strconv.Itoa(now.Year()), office.Code, data.ID+".yaml")
	default:
		return cmdutil.Usage(i18n.Errorf("new.bad_kind", o.Kind, strings.Join(Kinds, ", ")))
	}
	data.Schema = strings.Repeat("../", strings.Count(rel, "/")) + "schema/" + o.Kind + ".schema.json"
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, o.Kind, data); err != nil {
		return err
	}
	if o.Stdout {
		_, err := o.F.Out.Write(b.Bytes())
		return err
	}
	target := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(target); err == nil && !o.Force {
		return cmdutil.Refused(i18n.Errorf("new.exists", rel))
	}
	if err := fsutil.WriteRecord(target, b.Bytes(), 0o644); err != nil {
		return cmdutil.Env(err)
	}
	o.F.Printf("new.wrote", rel)
	return nil
}

type leader struct{ ID, Name, Titles string }

type tmplData struct {
	Office     record.Office
	Period     string
	Label      string
	Deadline   string
	Leaders    []leader
	Body       string
	Example    string
	Number     string
	Recipients []string
	ID         string
	Today      string
	Year       int
	Schema     string
	// A conclusion's meeting (--from) and a document's type (from its number).
	Title       string
	MeetingDate string
	MeetingItem string
	Chair       string
	Owner       string
	Type        string
}

// leaders lists the people holding a position in a body the office serves.
func leaders(r *datarepo.Repo, o record.Office) []leader {
	serves := map[string]bool{}
	for _, b := range o.Serves {
		serves[b] = true
	}
	var out []leader
	for _, p := range r.People.People {
		var titles []string
		for _, pos := range p.Positions {
			if serves[pos.Body] {
				titles = append(titles, pos.Title)
			}
		}
		if len(titles) > 0 {
			out = append(out, leader{p.ID, p.Name, strings.Join(titles, "; ")})
		}
	}
	return out
}

func firstOr(xs []string, d string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return d
}

func others(codes []string, me string) []string {
	var out []string
	for _, c := range codes {
		if c != me {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// exampleWhen is the first working day of the period, as a morning session.
func exampleWhen(p period.Period, l *workspace.Loaded) string {
	loc := l.Repo.Loc
	for d := p.Start(loc); d.Before(p.End(loc)); d = d.AddDate(0, 0, 1) {
		if l.Ctx.Policy.WorkingDay(d) {
			return d.Format("2006-01-02") + " sáng"
		}
	}
	return p.Start(loc).Format("2006-01-02")
}

var templates = template.Must(template.New("").Parse(`
{{- define "programme" -}}
# yaml-language-server: $schema={{.Schema}}
# Chương trình công tác {{.Label}} — {{.Office.Name}}
# Hạn gửi Văn phòng điều phối: {{.Deadline}}. Gửi trễ thì ghi lý do vào late_reason.
# Thời gian (when): 2026-07-03 08:00-11:30 | 2026-07-03 sáng/chiều/tối | 2026-07-03 | 2026-07-03..2026-07-05 | 2026-W27 | 2026-07
#   (gõ "Sáng 03/7/2026" hay "8h00-11h30 ngày 03/7" cũng được: coord fmt sẽ viết lại)
# Lãnh đạo các cơ quan văn phòng phục vụ (dùng mã ở chair, attendees):
{{- range .Leaders}}
#   {{printf "%-24s" .ID}} {{.Name}} — {{.Titles}}
{{- end}}
kind: programme
office: {{.Office.Code}}
period: {{.Period}}
items:
  - id: muc-1
    title: Nội dung hoạt động
    when: {{.Example}}
    kind: meeting
    bodies: [{{.Body}}]
    chair: []
    place: ""
{{end -}}
{{- define "conclusion" -}}
# yaml-language-server: $schema={{.Schema}}
# Thông báo kết luận — {{.Office.Name}}
kind: conclusion
number: {{if .Number}}{{.Number}}{{else}}""{{end}}
office: {{.Office.Code}}
{{- if .Title}}
title: {{.Title}}
{{- end}}
meeting: {date: {{.MeetingDate}}, item: {{if .MeetingItem}}{{.MeetingItem}}{{else}}""{{end}}, chair: {{if .Chair}}{{.Chair}}{{else}}""{{end}}}
issued: {{.Today}}
recipients: [{{range $i, $r := .Recipients}}{{if $i}}, {{end}}{{$r}}{{end}}]
# Mỗi nhiệm vụ: đơn vị chủ trì (owner: mã cơ quan hoặc văn phòng), nội dung, thời hạn (due), tình trạng
# (open | done | cancelled). Cập nhật tiến độ bằng: coord task update <tên tệp>#<mã nhiệm vụ> --status done --note "…"
tasks:
  - id: nhiem-vu-1
    owner: {{.Owner}}
    content: Nội dung nhiệm vụ
    due: {{.Today}}
    status: open
{{end -}}
{{- define "document" -}}
# yaml-language-server: $schema={{.Schema}}
# Văn bản — {{.Office.Name}}. Số và ký hiệu viết như trên văn bản, không có chữ "Số".
kind: document
number: {{if .Number}}{{.Number}}{{else}}""{{end}}
type: {{if .Type}}{{.Type}}{{else}}""{{end}}
date: {{.Today}}
issuer: {{.Office.Code}}
summary: Trích yếu nội dung
recipients: [{{range $i, $r := .Recipients}}{{if $i}}, {{end}}{{$r}}{{end}}]
# attachment: documents/{{.Year}}/{{.Office.Code}}/ten-tep.pdf   (tùy chọn: tệp văn bản trong kho dữ liệu)
{{end -}}
{{- define "petition" -}}
# yaml-language-server: $schema={{.Schema}}
# Đơn thư — {{.Office.Name}}. Thông tin người gửi đơn KHÔNG ghi trực tiếp ở đây: trường petitioner
# chỉ chứa dữ liệu đã mã hoá (ENC[age,...]).
kind: petition
id: {{.ID}}
office: {{.Office.Code}}
type: kien-nghi
received: {{.Today}}
channel: truc-tiep
people: 1
subject: Nội dung đơn
locality: ""
petitioner: ""
status: received
history:
  - {date: {{.Today}}, action: received, by: {{.Office.Code}}}
{{end -}}
`))
