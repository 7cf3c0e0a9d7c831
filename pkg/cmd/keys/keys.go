// Package keys is `coord keys init|add-recipient|remove-recipient|rotate-index|reseal`: a clerk's age key,
// and the changes of the offices' recipients and of the blind-index key, each re-encrypting every value it
// affects and the person's keys open (pkg/petition.Rekey) in one commit; `reseal` is how an office's key
// holder completes what another office's could not open. The domain is pkg/keyring and pkg/petition.
package keys

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/keyring"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/userconfig"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// NewCmdKeys builds `coord keys` and its subcommands.
// Its usage lines, help texts and flag usages are the catalog's help.keys.* (pkg/i18n), set by root.
func NewCmdKeys(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{Use: "keys"}
	cmd.AddCommand(&cobra.Command{
		Use:  "init",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return initKey(f) },
	})
	var step workspace.Step
	withStep := func(c *cobra.Command) *cobra.Command {
		c.Flags().BoolVar(&step.NoCommit, "no-commit", false, "")
		c.Flags().BoolVar(&step.NoPush, "no-push", false, "")
		return c
	}
	cmd.AddCommand(withStep(&cobra.Command{
		Use:  "add-recipient",
		Args: cmdutil.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return recipient(f, args[0], args[1], true, step) },
	}))
	cmd.AddCommand(withStep(&cobra.Command{
		Use:  "remove-recipient",
		Args: cmdutil.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return recipient(f, args[0], args[1], false, step) },
	}))
	cmd.AddCommand(withStep(&cobra.Command{
		Use:  "rotate-index",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return rotateIndex(f, step) },
	}))
	var office string
	reseal := withStep(&cobra.Command{
		Use:  "reseal",
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return resealOffice(f, office, step) },
	})
	reseal.Flags().StringVar(&office, "office", "", "")
	cmd.AddCommand(reseal)
	return cmd
}

// initKey makes the clerk's age identity next to the settings file and points the identity setting at it,
// unless the clerk has one already; it prints the public key and what to do with it.
func initKey(f *cmdutil.Factory) error {
	cfg := f.ConfigPath()
	if cfg == "" {
		return cmdutil.Env(i18n.Errorf("keys.no_config_dir"))
	}
	if cur := strings.TrimSpace(f.V.GetString("identity")); cur != "" {
		ids, err := f.Identities()
		if err == nil && len(keyring.Recipients(ids)) > 0 {
			return cmdutil.Refused(i18n.Errorf("keys.has_key", userconfig.Shown("identity", cur), keyring.Recipients(ids)[0]))
		}
	}
	who := strings.TrimSpace(f.V.GetString("name"))
	if e := strings.TrimSpace(f.V.GetString("email")); e != "" {
		who = strings.TrimSpace(who + " <" + e + ">")
	}
	path := keyring.DefaultPath(cfg)
	pub, err := keyring.Generate(path, who, f.Now())
	if err != nil {
		var ie *i18n.Error
		if errors.As(err, &ie) && ie.Kind == i18n.KindRefused {
			return cmdutil.Refused(err)
		}
		return cmdutil.Env(err)
	}
	file, err := userconfig.Read(cfg)
	if err != nil {
		return cmdutil.Usage(err)
	}
	file.Set("identity", path)
	if err := file.Write(); err != nil {
		return cmdutil.Env(err)
	}
	office := strings.TrimSpace(f.V.GetString("office"))
	if office == "" {
		office = i18n.M("keys.office_placeholder").Render(f.Lang())
	}
	f.Printf("keys.created", path, cfg)
	f.Printf("keys.public", pub)
	f.Printf("keys.next", strings.ToUpper(office), pub)
	return nil
}

// loadAll reads the settings, the registry and every petition, and the user's keys.
func loadAll(f *cmdutil.Factory) (*workspace.Loaded, []byte, error) {
	root, err := f.RepoRoot()
	if err != nil {
		return nil, nil, err
	}
	l, err := f.LoadOnly(root, datarepo.Under("petitions/"))
	if err != nil {
		return nil, nil, err
	}
	keyFile, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(petition.IndexKeyPath)))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, nil, cmdutil.Env(err)
	}
	return l, keyFile, nil
}

// recipient adds or removes one age recipient of an office, and seals again every value the office reads.
func recipient(f *cmdutil.Factory, office, key string, add bool, step workspace.Step) error {
	office = strings.ToUpper(strings.TrimSpace(office))
	key = strings.TrimSpace(key)
	if _, err := petition.ParseRecipient(key); err != nil {
		return cmdutil.Usage(i18n.Errorf("keys.bad_recipient", key))
	}
	l, keyFile, err := loadAll(f)
	if err != nil {
		return err
	}
	cur, err := l.Repo.Office(office)
	if err != nil {
		return err
	}
	name := l.Ctx.OfficeName(office)
	has := slices.Contains(cur.Recipients, key)
	switch {
	case add && has:
		f.Printf("keys.already", name)
		return nil
	case !add && !has:
		return cmdutil.Refused(i18n.Errorf("keys.not_listed", name))
	case !add && len(petition.SortedUnique(cur.Recipients)) == 1:
		return cmdutil.Refused(i18n.Errorf("keys.last_recipient", name))
	}
	recipients := slices.Clone(cur.Recipients)
	if add {
		recipients = append(recipients, key)
	} else {
		recipients = slices.DeleteFunc(recipients, func(r string) bool { return strings.TrimSpace(r) == key })
	}
	regFile := l.Repo.File("registry/offices.yaml")
	raw, err := os.ReadFile(filepath.Join(l.Repo.Root, "registry", "offices.yaml"))
	if err != nil || regFile == nil {
		return cmdutil.Env(i18n.Errorf("keys.registry_unreadable"))
	}
	newReg, err := keyring.SetRecipients(raw, office, recipients)
	if err != nil {
		return err
	}
	after := l.Repo.Offices
	after.Offices = slices.Clone(after.Offices)
	for i := range after.Offices {
		if after.Offices[i].Code == office {
			after.Offices[i].Recipients = recipients
		}
	}
	verb := "add-recipient"
	if !add {
		verb = "remove-recipient"
	}
	return apply(f, l, petition.Rekey{Old: &l.Repo.Offices, New: &after, KeyFile: keyFile},
		map[string][]byte{"registry/offices.yaml": newReg}, verb, office, step)
}

// resealOffice seals every identity of an office's petitions (the flag's office, else the user's) again to
// the recipients the registry lists now, and indexes each under the blind-index key as it is: the second
// step of a change another office's clerk made without the keys to open this office's denunciations.
func resealOffice(f *cmdutil.Factory, office string, step workspace.Step) error {
	if office = strings.TrimSpace(office); office == "" {
		office = f.V.GetString("office")
	}
	office = strings.ToUpper(strings.TrimSpace(office))
	l, keyFile, err := loadAll(f)
	if err != nil {
		return err
	}
	if _, err := l.Repo.Office(office); err != nil {
		return err
	}
	return apply(f, l, petition.Rekey{Old: &l.Repo.Offices, New: &l.Repo.Offices, KeyFile: keyFile, Office: office},
		nil, "reseal", office, step)
}

// rotateIndex makes a new blind-index key and computes every index again under it that the user's keys open
// (an identity file may hold the keys of several offices); another office's denunciation keeps its old
// index until that office's key holder runs reseal.
func rotateIndex(f *cmdutil.Factory, step workspace.Step) error {
	l, keyFile, err := loadAll(f)
	if err != nil {
		return err
	}
	key, err := petition.NewIndexKey()
	if err != nil {
		return cmdutil.Env(err)
	}
	return apply(f, l, petition.Rekey{Old: &l.Repo.Offices, New: &l.Repo.Offices, KeyFile: keyFile, NewIndexKey: key},
		nil, "rotate-index", l.Repo.Settings.Coordinator, step)
}

// apply plans the change with the user's keys, refuses it (writing nothing) when a value does not open that
// they should open (petition.Rekey.Plan), and otherwise commits every changed file as one commit — judged
// before it is written as authz/path will judge it — then reseals the identities this PC keeps and says what
// was left to other offices' key holders.
func apply(f *cmdutil.Factory, l *workspace.Loaded, rk petition.Rekey, extra map[string][]byte, verb, office string, step workspace.Step) error {
	ids, err := f.Identities()
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return cmdutil.Usage(i18n.Errorf("petition.no_identity"))
	}
	if missing := petition.WithoutRecipients(petition.AllOffices(rk.New), rk.New); len(missing) > 0 && rk.NewIndexKey != nil {
		return cmdutil.Refused(i18n.Errorf("petition.no_recipient", l.Ctx.OfficeName(missing[0])))
	}
	rk.IDs, rk.Settings, rk.Held = ids, &l.Repo.Settings, keyring.Held(ids, rk.Old)
	for _, fl := range l.Repo.Files {
		if fl.Kind == record.KindPetition {
			rk.Petitions = append(rk.Petitions, fl)
		}
	}
	cfg := f.ConfigPath()
	rk.Local = func(office, id string) ([]byte, bool) {
		data, err := os.ReadFile(keyring.LocalPath(cfg, office, id))
		return data, err == nil
	}
	plan, err := rk.Plan()
	if err != nil {
		return err
	}
	if len(plan.Unopened) > 0 {
		for _, u := range plan.Unopened {
			f.Warnf("keys.unopened", unopened(l, u))
		}
		return cmdutil.Refused(i18n.Errorf("keys.refused", len(plan.Unopened)))
	}
	if verb == "reseal" && plan.Resealed == 0 {
		f.Printf("keys.reseal.nothing", l.Ctx.OfficeName(office))
		pending(f, l, plan.Pending)
		return nil
	}
	files := plan.Files
	for p, b := range extra {
		files[p] = b
	}
	msg := gitrepo.Message("keys("+office+"): "+verb, [][2]string{{gitrepo.KindTrailer, "keys"}, {"Coord-Office", office}})
	if err := f.Save(context.Background(), l.Repo, files, msg, step); err != nil {
		return err
	}
	for k, data := range plan.Local {
		if err := fsutil.WriteAtomic(keyring.LocalPath(cfg, k[0], k[1]), data, 0o600, true); err != nil {
			return cmdutil.Env(err)
		}
	}
	f.Printf("keys.done."+verb, l.Ctx.OfficeName(office), plan.Resealed, plan.Reindexed)
	for _, id := range plan.Missing {
		f.Warnf("keys.no_index", id)
	}
	if plan.NoIndexKey {
		f.Warnf("keys.reseal.no_index_key", petition.IndexKeyPath)
	}
	pending(f, l, plan.Pending)
	return nil
}

// pending says, office by office, what the change left as it was because the user's keys do not open it,
// and whose key holder completes it, with which command.
func pending(f *cmdutil.Factory, l *workspace.Loaded, left []petition.Unopened) {
	for _, o := range l.Repo.Offices.Offices {
		onPC, n := false, 0
		for _, u := range left {
			if u.Office != o.Code {
				continue
			}
			if n == 0 {
				f.Warnf("keys.pending", l.Ctx.OfficeName(o.Code))
			}
			n++
			onPC = onPC || u.Path == ""
			f.Warnf("keys.unopened", unopened(l, u))
		}
		if n > 0 {
			f.Warnf("keys.pending.run", n, l.Ctx.OfficeName(o.Code), o.Code)
		}
		if onPC {
			f.Warnf("keys.pending.on_pc")
		}
	}
}

// unopened says which value did not open and why: its file and line (or this PC's file), its petition and
// office.
func unopened(l *workspace.Loaded, u petition.Unopened) i18n.Msg {
	why := i18n.M("keys.why.no_key")
	switch {
	case errors.Is(u.Err, petition.ErrNotOnPC):
		why = i18n.M("keys.why.not_on_pc")
	case !errors.Is(u.Err, petition.ErrNoKey):
		why = i18n.M("petition.why.damaged")
	}
	if u.ID == "" {
		return i18n.M("keys.unopened.index", u.Path, why)
	}
	if u.Path == "" {
		return i18n.M("keys.unopened.local", u.ID, l.Ctx.OfficeName(u.Office), why)
	}
	return i18n.M("keys.unopened.petition", u.Path, u.Line, u.ID, l.Ctx.OfficeName(u.Office), why)
}
