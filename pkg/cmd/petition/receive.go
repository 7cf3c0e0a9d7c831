package petition

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/keyring"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/recordfmt"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/when"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// Types and channels of a petition, as records write them.
var (
	types    = []string{"khieu-nai", petition.Denunciation, "kien-nghi", "phan-anh"}
	channels = []string{"truc-tiep", "buu-chinh", "chuyen-den", "truc-tuyen"}
)

// receiveOptions are receive's flags: every field of the petition, so that scripts and bulk imports need
// no questions.
type receiveOptions struct {
	f                              *cmdutil.Factory
	office                         string
	typ, received, channel         string
	people                         string
	subject, locality              string
	name, idNumber, address, phone string
	step                           workspace.Step
	ask                            bool // ask for what is missing, one question at a time (stdin is a terminal)
}

func newCmdReceive(f *cmdutil.Factory) *cobra.Command {
	o := &receiveOptions{f: f}
	cmd := &cobra.Command{
		Use:  "receive",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ask = f.Interactive()
			return receive(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.office, "office", "", "")
	fl.StringVar(&o.typ, "type", "", "")
	fl.StringVar(&o.received, "received", "", "")
	fl.StringVar(&o.channel, "channel", "", "")
	fl.StringVar(&o.people, "people", "", "")
	fl.StringVar(&o.subject, "subject", "", "")
	fl.StringVar(&o.locality, "locality", "", "")
	fl.StringVar(&o.name, "name", "", "")
	fl.StringVar(&o.idNumber, "id-number", "", "")
	fl.StringVar(&o.address, "address", "", "")
	fl.StringVar(&o.phone, "phone", "", "")
	fl.BoolVar(&o.step.NoCommit, "no-commit", false, "")
	fl.BoolVar(&o.step.NoPush, "no-push", false, "")
	return cmd
}

// question is one field of receive: its flag, where its value goes, whether it is required, and its
// default (shown in the question; taken for an empty answer).
type question struct {
	flag     string
	value    *string
	required bool
	def      string
}

func (o *receiveOptions) questions(today string) []question {
	return []question{
		{"type", &o.typ, true, ""},
		{"received", &o.received, true, today},
		{"channel", &o.channel, true, ""},
		{"people", &o.people, true, "1"},
		{"subject", &o.subject, true, ""},
		{"locality", &o.locality, false, ""},
		{"name", &o.name, true, ""},
		{"id-number", &o.idNumber, false, ""},
		{"address", &o.address, false, ""},
		{"phone", &o.phone, false, ""},
	}
}

// fill asks, one by one, for the fields not given (on stderr, answers read from in); without a terminal it
// takes the defaults and refuses when a required field is missing, naming every missing flag.
func (o *receiveOptions) fill(in io.Reader, today string) error {
	qs := o.questions(today)
	if !o.ask {
		var missing []string
		for _, q := range qs {
			switch {
			case strings.TrimSpace(*q.value) != "":
			case q.def != "":
				*q.value = q.def
			case q.required:
				missing = append(missing, "--"+q.flag)
			}
		}
		if len(missing) > 0 {
			return cmdutil.Usage(i18n.Errorf("petition.receive.missing", strings.Join(missing, " ")))
		}
		return nil
	}
	r := bufio.NewReader(in)
	for _, q := range qs {
		for strings.TrimSpace(*q.value) == "" {
			prompt := o.f.Msg("petition.q." + q.flag)
			if q.def != "" {
				fmt.Fprint(o.f.Err, o.f.Msg("petition.ask.default", prompt, q.def))
			} else if q.required {
				fmt.Fprint(o.f.Err, o.f.Msg("petition.ask", prompt))
			} else {
				fmt.Fprint(o.f.Err, o.f.Msg("petition.ask.optional", prompt))
			}
			line, err := r.ReadString('\n')
			*q.value = strings.TrimSpace(line)
			if *q.value == "" {
				*q.value = q.def
			}
			if err != nil && *q.value == "" && q.required {
				return cmdutil.Usage(i18n.Errorf("petition.receive.missing", "--"+q.flag))
			}
			if !q.required || err != nil {
				break
			}
		}
	}
	return nil
}

// receive writes a new petition of the office: the fields checked, the identity sealed to the offices
// allowed to read it (or, for a denunciation the settings keep off the shared repo, sealed on this PC only),
// the blind index computed under the shared key, at the next free number; then committed like submit.
func receive(o *receiveOptions) error {
	f := o.f
	l, err := load(f)
	if err != nil {
		return err
	}
	office, err := l.office(f, o.office)
	if err != nil {
		return err
	}
	today := when.Date(l.Ctx.Now).Render(f.Lang()) // the default as a clerk writes a day (09/10/2026)
	if err := o.fill(f.In, today); err != nil {
		return err
	}
	p, id, err := o.petition(l, office)
	if err != nil {
		return err
	}
	ids, err := f.Identities()
	if err != nil {
		return err
	}
	key, err := indexKey(l, ids)
	if err != nil {
		return err
	}
	index, indexed := petition.BlindIndex(key, id)
	if indexed {
		p.PetitionerIndex = index
	}
	readers := petition.Readers(p.Type, office, &l.Repo.Offices)
	if slices.Contains(petition.WithoutRecipients(readers, &l.Repo.Offices), office) {
		return cmdutil.Refused(i18n.Errorf("petition.no_recipient", l.Ctx.OfficeName(office)))
	}
	recipients := petition.RecipientsOf(readers, &l.Repo.Offices)
	onPC := petition.KeptOnPC(p.Type, &l.Repo.Settings)
	var local []byte
	if onPC {
		if local, err = petition.SealBytes(id.Marshal(), recipients); err != nil {
			return err
		}
	} else if p.Petitioner, err = petition.Seal(id.Marshal(), recipients); err != nil {
		return err
	}
	want, _, _ := datarepo.ExpectedPath(&record.File{Value: p}, l.Repo.Loc)
	if err := f.Authorize(l.Repo, []string{want}); err != nil {
		return err
	}
	data, err := encodePetition(p, want)
	if err != nil {
		return err
	}
	if err := checkRecord(want, data); err != nil {
		return f.Blocked(err)
	}
	if _, err := os.Stat(filepath.Join(l.root, filepath.FromSlash(want))); err == nil {
		return cmdutil.Refused(i18n.Errorf("new.exists", want))
	}
	if onPC {
		// The identity is on this PC before the record that needs it is committed; a failed commit takes it back.
		lp := localPath(f, office, p.ID)
		if err := os.MkdirAll(filepath.Dir(lp), 0o700); err != nil {
			return cmdutil.Env(err)
		}
		if err := fsutil.WriteAtomic(lp, local, 0o600, true); err != nil {
			return cmdutil.Env(err)
		}
		if err := f.Save(context.Background(), l.Repo, map[string][]byte{want: data}, message(record.KindPetition, office, p.ID, "received"), o.step); err != nil {
			_ = os.Remove(lp)
			return err
		}
	} else if err := f.Save(context.Background(), l.Repo, map[string][]byte{want: data}, message(record.KindPetition, office, p.ID, "received"), o.step); err != nil {
		return err
	}
	f.Printf("petition.received", p.ID, petition.TypeName(p.Type), l.Ctx.OfficeName(office), when.DateText(p.Received), want)
	if onPC {
		f.Printf("petition.sealed_on_pc", localPath(f, office, p.ID))
	} else {
		var names []string
		for _, r := range readers {
			names = append(names, l.Ctx.OfficeName(r))
		}
		f.Printf("petition.sealed_to", strings.Join(names, ", "))
	}
	if !indexed {
		f.Warnf("petition.no_index")
	}
	for _, g := range petition.Duplicates(append(l.entries(), petition.Entry{Path: want, P: p})) {
		if !slices.ContainsFunc(g, func(e petition.Entry) bool { return e.P.ID == p.ID }) {
			continue
		}
		f.Printf("petition.received_dup")
		for _, e := range g {
			if e.P.ID != p.ID {
				f.Printf("petition.item", l.line(e.P))
			}
		}
	}
	return nil
}

// petition checks the fields and builds the record (without its sealed identity) and the identity.
func (o *receiveOptions) petition(l *loaded, office string) (*record.Petition, petition.Identity, error) {
	var none petition.Identity
	typ := strings.TrimSpace(o.typ)
	if !slices.Contains(types, typ) {
		return nil, none, cmdutil.Usage(i18n.Errorf("petition.bad_value", "--type", o.typ, strings.Join(types, ", ")))
	}
	channel := strings.TrimSpace(o.channel)
	if !slices.Contains(channels, channel) {
		return nil, none, cmdutil.Usage(i18n.Errorf("petition.bad_value", "--channel", o.channel, strings.Join(channels, ", ")))
	}
	received, err := day(o.received, "--received")
	if err != nil {
		return nil, none, err
	}
	people, err := strconv.Atoi(strings.TrimSpace(o.people))
	if err != nil || people < 1 {
		return nil, none, cmdutil.Usage(i18n.Errorf("petition.bad_people", o.people))
	}
	subject := vntext.NFC(strings.TrimSpace(o.subject))
	if subject == "" {
		return nil, none, cmdutil.Usage(i18n.Errorf("petition.receive.missing", "--subject"))
	}
	if len(petition.FindNumbers(subject)) > 0 {
		return nil, none, cmdutil.Refused(i18n.Errorf("petition.number_in_subject"))
	}
	locality := ""
	if s := strings.TrimSpace(o.locality); s != "" {
		if id, ok := l.Ctx.FindLocality(s); ok {
			locality = id
		} else {
			return nil, none, cmdutil.Usage(i18n.Errorf("petition.bad_locality", s, l.Ctx.LocalityHint(s)))
		}
	}
	id := petition.Identity{Name: vntext.NFC(strings.TrimSpace(o.name)), IDNumber: strings.TrimSpace(o.idNumber),
		Address: vntext.NFC(strings.TrimSpace(o.address)), Phone: strings.TrimSpace(o.phone)}
	if id.Name == "" {
		return nil, none, cmdutil.Usage(i18n.Errorf("petition.receive.missing", "--name"))
	}
	if d := petition.Digits(id.IDNumber); id.IDNumber != "" && len(d) != 9 && len(d) != 12 {
		return nil, none, cmdutil.Usage(i18n.Errorf("petition.bad_id_number", len(d)))
	}
	year, _ := strconv.Atoi(received[:4])
	p := &record.Petition{Kind: record.KindPetition, ID: petition.NextID(l.root, office, year), Office: office,
		Type: typ, Received: received, Channel: channel, People: people, Subject: subject, Locality: locality,
		Status:  petition.Received,
		History: []record.PetitionStep{{Date: received, Action: petition.Received, By: office}}}
	return p, id, nil
}

// indexKey opens the repo's blind-index key with the user's keys, or says plainly why it cannot.
func indexKey(l *loaded, ids []age.Identity) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(l.root, filepath.FromSlash(petition.IndexKeyPath)))
	if err != nil {
		return nil, cmdutil.Refused(i18n.Errorf("petition.no_index_key", petition.IndexKeyPath, l.Ctx.OfficeName(l.Repo.Settings.Coordinator)))
	}
	if len(ids) == 0 {
		return nil, cmdutil.Usage(i18n.Errorf("petition.no_identity"))
	}
	key, err := petition.OpenIndexKey(data, ids)
	if errors.Is(err, petition.ErrNoKey) {
		return nil, cmdutil.Refused(i18n.Errorf("petition.index_key_not_yours", petition.IndexKeyPath, strings.Join(keyring.Recipients(ids), ", ")))
	}
	if err != nil {
		return nil, cmdutil.Refused(i18n.Errorf("petition.index_key_damaged", petition.IndexKeyPath, reason(err)))
	}
	return key, nil
}

// encodePetition writes a petition as coord writes records (canonical, as coord fmt), its history steps one
// flow mapping a line as the example province's are.
func encodePetition(p *record.Petition, rel string) ([]byte, error) {
	data, err := record.EncodeValue(p, record.KindPetition, rel)
	if err != nil {
		return nil, err
	}
	f := record.Decode(rel, data, nil)
	if f.Root == nil {
		return nil, fmt.Errorf("petition %s does not encode", p.ID)
	}
	flowHistory(f.Root)
	return canonical(f.Doc, rel)
}

// checkRecord decodes what is about to be committed as coord check does: a record its schema refuses is
// never written (it would be a bug of coord's, said as the schema's findings).
func checkRecord(rel string, data []byte) error {
	v, err := record.NewValidator()
	if err != nil {
		return err
	}
	if f := record.Decode(rel, data, v); !f.Clean {
		return &finding.Blocked{Err: i18n.Refusef("git.submit.refused", len(f.Problems)), Findings: f.Problems}
	}
	return nil
}

// canonical encodes a record's tree as coord fmt writes it, its dates plain (2026-08-20) as clerks and the
// example province write them, not quoted as go-yaml quotes a string that reads as a timestamp.
func canonical(doc *yaml.Node, rel string) ([]byte, error) {
	plainDates(doc)
	data, err := record.Encode(doc)
	if err != nil {
		return nil, err
	}
	out, probs, err := recordfmt.FormatBytes(data, rel)
	if err != nil || len(probs) > 0 || out == nil {
		return data, err
	}
	return out, nil
}

// dayRe is a date as records write it (YYYY-MM-DD).
var dayRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// plainDates unquotes the ISO dates of a tree.
func plainDates(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style == yaml.DoubleQuotedStyle && dayRe.MatchString(n.Value) {
		n.Style, n.Tag = 0, ""
	}
	for _, c := range n.Content {
		plainDates(c)
	}
}

// flowHistory writes each history step as a flow mapping.
func flowHistory(root *yaml.Node) {
	if h := record.ValueOf(root, "history"); h != nil && h.Kind == yaml.SequenceNode {
		for _, s := range h.Content {
			if s.Kind == yaml.MappingNode {
				s.Style = yaml.FlowStyle
			}
		}
	}
}
