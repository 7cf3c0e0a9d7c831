package rules_test

import (
	"regexp"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/petition"
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

// authz/path judges a key ceremony on what the commit changed (authz.Judge, through Commit.Read): VPUBND's
// clerk adds a key to VPUBND and reseals VPDBHD's petition — allowed —, and with VPTU's complaint resealed
// also changes its subject: that file alone is an error, saying it is more than a reseal.
func TestAuthzPathReseal(t *testing.T) {
	c := memContext(t, nil, "2026-10-01")
	before, err := examples.ProvinceFiles("")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := age.GenerateX25519Identity()
	const ubnd = "age1560xlh2xnm78ezvtvpnw3chd0z2gn5wfsh28ahm79sw4zz4pfvcqkh74al"
	var all []string
	for _, o := range c.Repo.Offices.Offices {
		all = append(all, o.Recipients...)
	}
	sealed, err := petition.Seal([]byte("name: Nguyễn Văn A\n"), append(all, id.Recipient().String()))
	if err != nil {
		t.Fatal(err)
	}
	reseal := regexp.MustCompile(`(?m)^petitioner: .*$`)
	const reg, dbhd, tu = "registry/offices.yaml", "petitions/2026/VPDBHD/VPDBHD-2026-000017.yaml", "petitions/2026/VPTU/VPTU-2026-000041.yaml"
	after := map[string][]byte{
		reg:  []byte(strings.Replace(string(before[reg]), "recipients: ["+ubnd+"]", "recipients: ["+ubnd+", "+id.Recipient().String()+"]", 1)),
		dbhd: reseal.ReplaceAll(before[dbhd], []byte("petitioner: "+sealed)),
		tu: regexp.MustCompile(`(?m)^subject: .*$`).ReplaceAll(reseal.ReplaceAll(before[tu], []byte("petitioner: "+sealed)),
			[]byte("subject: Đơn đã rút")),
	}
	read := func(paths []string) (map[string][]byte, map[string][]byte, error) {
		b, a := map[string][]byte{}, map[string][]byte{}
		for _, p := range paths {
			b[p], a[p] = before[p], before[p]
			if d, ok := after[p]; ok {
				a[p] = d
			}
		}
		return b, a, nil
	}
	cm := rules.Commit{Change: gitrepo.Change{Hash: "6666666666ff", Parent: "p", AuthorName: "Hồ Thị Kim Liên",
		AuthorEmail: "lien.htk@vpubnd.example.vn", Paths: []string{dbhd, tu, reg}},
		Registry: &c.Repo.Offices, RegistryAfter: &c.Repo.Offices, Settings: &c.Repo.Settings, SettingsAfter: &c.Repo.Settings, Read: read}
	c.Commits = []rules.Commit{cm}
	want(t, run(c, "authz/path"), 1, "authz/path", finding.Error, tu,
		"commit 6666666666 của Hồ Thị Kim Liên <lien.htk@vpubnd.example.vn> sửa tệp này, nhưng chỉ cán bộ của Văn phòng Tỉnh ủy được sửa, và thay đổi không chỉ là mã hóa lại: ngoài thông tin người gửi, commit còn sửa trường subject",
		"commit 6666666666 by Hồ Thị Kim Liên <lien.htk@vpubnd.example.vn> changes this file, which only the members of Văn phòng Tỉnh ủy may change, and the change is not a mere reseal: besides the petitioner's identity, the commit also changes the field subject")
	// Without the forged subject, the commit is a reseal.
	after[tu] = reseal.ReplaceAll(before[tu], []byte("petitioner: "+sealed))
	if got := run(c, "authz/path"); len(got) != 0 {
		t.Errorf("a reseal: %v", render(got))
	}
	// Read by path alone, all three are refused.
	cm.Read = nil
	c.Commits = []rules.Commit{cm}
	if got := run(c, "authz/path"); len(got) != 3 {
		t.Errorf("by path alone: %v", render(got))
	}
}
