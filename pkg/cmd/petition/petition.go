// Package petition is `coord petition receive|show|update|dups` (and `due`): a clerk's petitions — received
// with the petitioner's identity sealed with age to the offices allowed to read it and a blind index to find
// the same person at other offices, shown decrypted to whoever holds a key, moved through their statuses, and
// linked across offices without decrypting anything. The domain is pkg/petition; this package wires flags,
// settings and the repo to it and prints sentences.
package petition

import (
	"errors"
	"os"
	"strings"

	"filippo.io/age"
	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/keyring"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/vntext"
	"github.com/coordvn/coord/pkg/when"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// NewCmdPetition builds `coord petition` and its subcommands, each in its own file.
// Its usage lines, help texts and flag usages are the catalog's help.petition.* (pkg/i18n), set by root.
func NewCmdPetition(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{Use: "petition"} // an unknown subcommand is a usage error (root)
	// The subcommands, one a line.
	cmd.AddCommand(newCmdReceive(f))
	cmd.AddCommand(newCmdShow(f))
	cmd.AddCommand(newCmdUpdate(f))
	cmd.AddCommand(newCmdDups(f))
	cmd.AddCommand(newCmdDue(f))
	return cmd
}

// loaded is the data repo as the petition commands read it: the settings, the registry and the petitions
// (programmes and the rest are never compared with them).
type loaded struct {
	*workspace.Loaded
	root string
}

func load(f *cmdutil.Factory) (*loaded, error) {
	root, err := f.RepoRoot()
	if err != nil {
		return nil, err
	}
	l, err := f.LoadOnly(root, datarepo.Under("petitions/"))
	if err != nil {
		return nil, err
	}
	return &loaded{Loaded: l, root: root}, nil
}

// entries are the petitions of the repo that decoded, sorted by path.
func (l *loaded) entries() []petition.Entry {
	var out []petition.Entry
	for _, fl := range l.Repo.Files {
		if p, ok := fl.Value.(*record.Petition); ok && fl.Kind == record.KindPetition {
			out = append(out, petition.Entry{Path: fl.Path, P: p})
		}
	}
	return out
}

// find is the petition with this id (written in any case), or a refusal naming the closest ids.
func (l *loaded) find(id string) (*record.File, *record.Petition, error) {
	id = strings.ToUpper(strings.TrimSpace(id))
	m := vntext.NewMatcher()
	for _, fl := range l.Repo.Files {
		if p, ok := fl.Value.(*record.Petition); ok {
			if p.ID == id {
				return fl, p, nil
			}
			m.Add(p.ID)
		}
	}
	return nil, nil, cmdutil.Refused(i18n.Errorf("petition.not_found", id, i18n.DidYouMean(m.Suggest(id, 2))))
}

// office is the office the command acts for: the flag, else the office setting; it must be in the registry.
func (l *loaded) office(f *cmdutil.Factory, flag string) (string, error) {
	code := strings.ToUpper(strings.TrimSpace(flag))
	if code == "" {
		code = strings.ToUpper(strings.TrimSpace(f.V.GetString("office")))
	}
	if _, err := l.Repo.Office(code); err != nil {
		return "", err
	}
	return code, nil
}

// line is one petition as the listings print it: id, type, office, date received, status, subject — never an
// identity.
func (l *loaded) line(p *record.Petition) i18n.Msg {
	return i18n.M("petition.line", p.ID, petition.TypeName(p.Type), l.Ctx.OfficeName(p.Office), when.DateText(p.Received),
		petition.StatusName(p.Status), p.Subject)
}

// who says the identity of a petition for a reader holding ids: the identity in one line, or why it cannot
// be shown. bad is an error naming the file and line when the sealed value is damaged.
func (l *loaded) who(f *cmdutil.Factory, fl *record.File, p *record.Petition, ids []age.Identity) (msg i18n.Msg, bad error) {
	node := record.ValueOf(fl.Root, "petitioner")
	var plain []byte
	var err error
	switch {
	case (node == nil || node.Tag == "!!null") && petition.KeptOnPC(p.Type, &l.Repo.Settings):
		data, rerr := readLocal(f, p.Office, p.ID)
		if rerr != nil {
			return i18n.M("petition.who.not_on_pc", l.Ctx.OfficeName(p.Office)), nil
		}
		plain, err = petition.OpenBytes(data, ids)
		if err != nil && !errors.Is(err, petition.ErrNoKey) {
			return i18n.Msg{}, cmdutil.Refused(i18n.Errorf("petition.local_damaged", localPath(f, p.Office, p.ID), reason(err)))
		}
	case node == nil || node.Kind != yaml.ScalarNode:
		return i18n.M("petition.who.none"), nil
	default:
		plain, err = petition.Open(node.Value, ids)
		if err != nil && !errors.Is(err, petition.ErrNoKey) {
			return i18n.Msg{}, cmdutil.Refused(i18n.Errorf("petition.damaged", fl.Path, node.Line, reason(err)))
		}
	}
	if len(ids) == 0 {
		return i18n.M("petition.who.no_key"), nil
	}
	if err != nil {
		if p.Type == petition.Denunciation {
			return i18n.M("petition.who.denunciation", l.Ctx.OfficeName(p.Office)), nil
		}
		return i18n.M("petition.who.not_yours"), nil
	}
	id, err := petition.ParseIdentity(plain)
	if err != nil {
		line := 0
		if node != nil {
			line = node.Line
		}
		return i18n.Msg{}, cmdutil.Refused(i18n.Errorf("petition.damaged", fl.Path, line, i18n.M("petition.why.not_identity")))
	}
	return identityMsg(id), nil
}

// identityMsg is a decrypted identity in one sentence, the fields the petitioner gave.
func identityMsg(id petition.Identity) i18n.Msg {
	parts := []any{id.Name}
	if id.IDNumber != "" {
		parts = append(parts, i18n.M("petition.who.id_number", id.IDNumber))
	}
	if id.Address != "" {
		parts = append(parts, i18n.M("petition.who.address", id.Address))
	}
	if id.Phone != "" {
		parts = append(parts, i18n.M("petition.who.phone", id.Phone))
	}
	return i18n.M("petition.who", joinMsgs(parts))
}

// joinMsgs joins parts with commas, each rendered in the reader's language.
func joinMsgs(parts []any) any {
	if len(parts) == 0 {
		return ""
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = i18n.M("petition.comma", out, p)
	}
	return out
}

// localPath is where this PC keeps a denunciation's identity off the shared repo (secrecy local).
func localPath(f *cmdutil.Factory, office, id string) string {
	return keyring.LocalPath(f.ConfigPath(), office, id)
}

// readLocal reads the sealed identity this PC keeps for a petition.
func readLocal(f *cmdutil.Factory, office, id string) ([]byte, error) {
	return os.ReadFile(localPath(f, office, id))
}

// reason is why a sealed value does not open, in words.
func reason(err error) i18n.Msg {
	var pe *petition.Error
	if errors.As(err, &pe) {
		switch pe.Problem {
		case petition.Damaged:
			return i18n.M("petition.why.damaged")
		case petition.Payload:
			return i18n.M("rule.plaintext.why.payload")
		case petition.Base64:
			return i18n.M("rule.plaintext.why.base64")
		case petition.NoRecipient:
			return i18n.M("rule.plaintext.why.no_recipient")
		case petition.Recipient:
			return i18n.M("rule.plaintext.why.recipient")
		case petition.Plain, petition.Empty, petition.NotAge:
			return i18n.M("petition.why.not_sealed")
		}
	}
	return i18n.M("rule.plaintext.why.header")
}

// message is a commit message of the petition commands: "petition(VPUBND): VPUBND-2026-000124 received" with
// the trailers of `coord submit`.
func message(kind, office, id, what string) string {
	return gitrepo.Message(kind+"("+office+"): "+strings.TrimSpace(id+" "+what),
		[][2]string{{gitrepo.KindTrailer, kind}, {"Coord-Office", office}, {"Coord-Id", id}})
}

// day reads a day as a clerk types it (03/8/2026, 3.8.2026, 2026-08-03) into YYYY-MM-DD (when.Day); flag
// names the flag for the error.
func day(s, flag string) (string, error) {
	d, ok := when.Day(s)
	if !ok {
		return "", cmdutil.Usage(i18n.Errorf("petition.bad_day", flag, s))
	}
	return d, nil
}
