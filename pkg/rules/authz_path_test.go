package rules_test

import (
	"testing"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/rules"
)

// authz/path: the commits of a change, judged by the registry in force before them. A VPUBND clerk's commit
// that edits VPTU's programme is an error naming the commit, its author and the office the file belongs to;
// VPTU's own clerk may; coord.yaml only by the registry's admins; an author the registry does not know is
// refused everything.
func TestAuthzPath(t *testing.T) {
	c := memContext(t, nil, "2026-06-15")
	commit := func(hash, name, email string, paths ...string) rules.Commit {
		return rules.Commit{Change: gitrepo.Change{Hash: hash, Parent: "p" + hash, AuthorName: name, AuthorEmail: email, Paths: paths},
			Registry: &c.Repo.Offices, RegistryAfter: &c.Repo.Offices, Settings: &c.Repo.Settings, SettingsAfter: &c.Repo.Settings}
	}
	c.Commits = []rules.Commit{
		commit("1111111111aa", "Lê Thu Hà", "ha.lt@vptu.example.vn", "programmes/2026/Q3/VPTU.yaml"),
		commit("2222222222bb", "Hồ Thị Kim Liên", "lien.htk@vpubnd.example.vn", "programmes/2026/Q3/VPUBND.yaml", "programmes/2026/Q3/VPTU.yaml"),
	}
	got := run(c, "authz/path")
	want(t, got, 1, "authz/path", finding.Error, "programmes/2026/Q3/VPTU.yaml",
		"commit 2222222222 của Hồ Thị Kim Liên <lien.htk@vpubnd.example.vn> sửa tệp này, nhưng chỉ cán bộ của Văn phòng Tỉnh ủy được sửa",
		"commit 2222222222 by Hồ Thị Kim Liên <lien.htk@vpubnd.example.vn> changes this file, which only the members of Văn phòng Tỉnh ủy may change")
	if got[0].Subject != "commit:2222222222bb" {
		t.Errorf("subject %q", got[0].Subject)
	}

	c.Commits = []rules.Commit{commit("3333333333cc", "Hồ Thị Kim Liên", "lien.htk@vpubnd.example.vn", "coord.yaml")}
	want(t, run(c, "authz/path"), 1, "authz/path", finding.Error, "coord.yaml", "người quản trị kho", "the repo's admins")

	c.Commits = []rules.Commit{commit("4444444444dd", "Ai đó", "someone@example.com", "programmes/2026/Q3/VPUBND.yaml")}
	want(t, run(c, "authz/path"), 1, "authz/path", finding.Error, "programmes/2026/Q3/VPUBND.yaml", "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh")

	// A root commit creates the repo: whatever it holds is in force afterwards.
	root := commit("5555555555ee", "Ai đó", "someone@example.com", "programmes/2026/Q3/VPUBND.yaml")
	root.Parent = ""
	c.Commits = []rules.Commit{root}
	if got := run(c, "authz/path"); len(got) != 0 {
		t.Errorf("a root commit: %v", render(got))
	}
}
