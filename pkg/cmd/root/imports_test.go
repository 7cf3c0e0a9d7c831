package root

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// No command imports another command, directly or through any other package: what two commands share
// belongs in a domain package or in pkg/cmdutil. Only root, which assembles them, imports commands. The
// imports are read from the sources (test files excepted, as `go list -deps` leaves them out), so the
// test needs no go tool.
func TestNoCommandImportsAnother(t *testing.T) {
	modRoot, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	module := modulePath(t, modRoot)
	imports := map[string][]string{} // package path → the module's packages it imports
	fset := token.NewFileSet()
	err = filepath.WalkDir(modRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != modRoot && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(modRoot, filepath.Dir(p))
		pkg := path.Join(module, filepath.ToSlash(rel))
		for _, im := range f.Imports {
			ip, _ := strconv.Unquote(im.Path.Value)
			if ip == module || strings.HasPrefix(ip, module+"/") {
				imports[pkg] = append(imports[pkg], ip)
			}
		}
		if _, ok := imports[pkg]; !ok {
			imports[pkg] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cmdPrefix := module + "/pkg/cmd/"
	// command names the command a package belongs to ("merge" for pkg/cmd/merge/internal/x), "" for none.
	command := func(pkg string) string {
		if !strings.HasPrefix(pkg, cmdPrefix) {
			return ""
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(pkg, cmdPrefix), "/")
		return name
	}
	var pkgs []string
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	checked := 0
	for _, from := range pkgs {
		x := command(from)
		if x == "" || x == "root" {
			continue
		}
		checked++
		// Every package from reaches, with the chain that reaches it.
		via := map[string]string{from: ""}
		queue := []string{from}
		for len(queue) > 0 {
			cur := queue[0]
			queue = queue[1:]
			for _, next := range imports[cur] {
				if _, seen := via[next]; seen {
					continue
				}
				via[next] = cur
				queue = append(queue, next)
				if y := command(next); y != "" && y != x {
					chain := []string{next}
					for c := cur; c != ""; c = via[c] {
						chain = append([]string{c}, chain...)
					}
					t.Errorf("command %s imports command %s: %s", x, y, strings.Join(chain, " → "))
				}
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d command packages found under %s: the walk is broken", checked, cmdPrefix)
	}
}

// modulePath reads the module line of go.mod.
func modulePath(t *testing.T, root string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if m, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(m), `"`)
		}
	}
	t.Fatal("no module line in go.mod")
	return ""
}
