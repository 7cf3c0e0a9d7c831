package rules

import (
	"errors"
	"slices"

	"github.com/coordvn/coord/pkg/authz"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// authzPathRule: every commit of the change under check (check --changed BASE) changes only what its author
// may change, by the registry in force before it (pkg/authz): an office's records only by its members, the
// consolidated programmes, issued outputs and the registry only by the coordinating office's members,
// coord.yaml and what is not a record only by the admins — but for the key ceremony, a reseal judged on what
// the commit changed (authz.Judge: the judgement the commands make before they commit). With
// policy.require_signed, each commit is signed
// by a key the registry lists for its author. A registry that names nobody yet enforces nothing. The finding
// sits on the path changed (line 1: the file may be gone), and names the commit and its author. Who may do
// what comes from the state before the change, updated only by the change's own authorised commits (Commit).
var _ = register(Rule{ID: "authz/path", Across: AcrossNone, Severity: finding.Error,
	Keys: []string{"rule.authz.path", "rule.authz.not_reseal", "rule.authz.office", "rule.authz.admins", "rule.authz.unsigned", "rule.authz.no_key", "rule.authz.bad_sig"},
	Check: func(c *Context, out Out) {
		var reg *record.Offices
		var set *record.Settings
		for i, cm := range c.Commits {
			if i == 0 || reg == nil || set == nil {
				reg, set = cm.Registry, cm.Settings
			}
			if reg == nil || set == nil || cm.Parent == "" || !authz.Configured(reg) {
				// a root commit, or a registry that names nobody yet: what it says is in force afterwards
				reg, set = cm.RegistryAfter, cm.SettingsAfter
				continue
			}
			if n := authzCommit(c, out, cm, reg, set); n == 0 && (cm.touches(datarepo.SettingsFile) || cm.touches("registry/offices.yaml")) {
				reg, set = cm.RegistryAfter, cm.SettingsAfter // an authorised change of who may do what
			}
		}
	}})

// authzCommit reports what one commit changed that its author may not, by reg and set; it returns how many
// findings it made.
func authzCommit(c *Context, out Out, cm Commit, reg *record.Offices, set *record.Settings) int {
	n := 0
	short := cm.Hash[:min(10, len(cm.Hash))]
	for _, r := range authz.Judge(cm.Paths, cm.AuthorEmail, reg, set, cm.Read) {
		who := i18n.M("rule.authz.office", c.OfficeName(r.Owner.Office))
		if r.Owner.Admins {
			who = i18n.M("rule.authz.admins")
		}
		msg := i18n.M("rule.authz.path", short, cm.AuthorName, cm.AuthorEmail, who)
		if r.Why.Key != "" {
			msg = i18n.M("rule.authz.not_reseal", short, cm.AuthorName, cm.AuthorEmail, who, r.Why)
		}
		n++
		out.Emit(finding.Finding{
			Pos: finding.Pos{File: r.Path, Line: 1, Column: 1}, Subject: "commit:" + cm.Hash, Msg: msg})
	}
	if set.Policy.RequireSigned && len(cm.Paths) > 0 {
		var keys []string
		if m := authz.Member(cm.AuthorEmail, reg); m != nil {
			keys = m.Keys
		}
		if err := authz.Verify(cm.Signature, cm.Payload, keys); err != nil {
			key := "rule.authz.bad_sig"
			switch {
			case errors.Is(err, authz.ErrUnsigned):
				key = "rule.authz.unsigned"
			case errors.Is(err, authz.ErrNoKey):
				key = "rule.authz.no_key"
			}
			n++
			out.Emit(finding.Finding{
				Pos: finding.Pos{File: cm.Paths[0], Line: 1, Column: 1}, Subject: "commit:" + cm.Hash,
				Msg: i18n.M(key, short, cm.AuthorName, cm.AuthorEmail)})
		}
	}
	return n
}

// touches reports whether the commit changed path.
func (cm Commit) touches(path string) bool { return slices.Contains(cm.Paths, path) }
