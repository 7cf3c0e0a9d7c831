package rules

import (
	"errors"

	"github.com/coordvn/coord/pkg/authz"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
)

// authzPathRule: every commit of the change under check (check --changed BASE) changes only what its author
// may change, by the registry in force before it (pkg/authz): an office's records only by its members, the
// consolidated programmes, issued outputs and the registry only by the coordinating office's members,
// coord.yaml and what is not a record only by the admins. With policy.require_signed, each commit is signed
// by a key the registry lists for its author. A registry that names nobody yet enforces nothing. The finding
// sits on the path changed (line 1: the file may be gone), and names the commit and its author.
var authzPathRule = Rule{ID: "authz/path", Severity: finding.Error, Doc: i18n.M("rule.doc.authz/path"),
	Check: func(c *Context, out *finding.Collector) {
		for _, cm := range c.Commits {
			if cm.Registry == nil || cm.Settings == nil || cm.Parent == "" || !authz.Configured(cm.Registry) {
				continue // a root commit, or a registry that names nobody yet
			}
			short := cm.Hash[:min(10, len(cm.Hash))]
			for _, p := range cm.Paths {
				owner := authz.OwnerOf(p, cm.Settings)
				if owner.Allows(cm.AuthorEmail, cm.Registry, cm.Settings) {
					continue
				}
				who := i18n.M("rule.authz.office", c.OfficeName(owner.Office))
				if owner.Admins {
					who = i18n.M("rule.authz.admins")
				}
				c.Emit(out, finding.Finding{Rule: "authz/path", Severity: finding.Error,
					Pos: finding.Pos{File: p, Line: 1, Column: 1}, Subject: "commit:" + cm.Hash,
					Msg: i18n.M("rule.authz.path", short, cm.AuthorName, cm.AuthorEmail, who)})
			}
			if cm.Settings.Policy.RequireSigned && len(cm.Paths) > 0 {
				var keys []string
				if m := authz.Member(cm.AuthorEmail, cm.Registry); m != nil {
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
					c.Emit(out, finding.Finding{Rule: "authz/path", Severity: finding.Error,
						Pos: finding.Pos{File: cm.Paths[0], Line: 1, Column: 1}, Subject: "commit:" + cm.Hash,
						Msg: i18n.M(key, short, cm.AuthorName, cm.AuthorEmail)})
				}
			}
		}
	}}
