package par

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
)

// A worker's panic does not crash the process: Wait returns it, labelled with the innermost item being
// worked on, worded in both languages; the other workers finish.
func TestPanicInWorkerIsReturned(t *testing.T) {
	var g Group
	done := make([]bool, 4)
	for i := range done {
		g.Go("thư mục programmes", func() {
			Item("programmes/2026/Q3/VPTU.yaml", func() {
				if i == 2 {
					var none []int
					_ = none[i] // a real runtime panic: index out of range
				}
				done[i] = true
			})
		})
	}
	err := g.Wait()
	var p *Panic
	if !errors.As(err, &p) {
		t.Fatalf("Wait = %v, want a *Panic", err)
	}
	if p.What != "programmes/2026/Q3/VPTU.yaml" || len(p.Stack) == 0 {
		t.Errorf("panic %+v", p)
	}
	if vi := i18n.Localize(err, i18n.VI); !strings.Contains(vi, "lỗi nội bộ của coord khi đọc programmes/2026/Q3/VPTU.yaml") || !strings.Contains(vi, "index out of range") {
		t.Errorf("vi: %s", vi)
	}
	if en := i18n.Localize(err, i18n.EN); !strings.Contains(en, "internal coord error while reading programmes/2026/Q3/VPTU.yaml") {
		t.Errorf("en: %s", en)
	}
	if !done[0] || !done[1] || !done[3] || done[2] {
		t.Errorf("done %v", done)
	}
}

// MustWait raises the worker's panic again in the waiting goroutine, where a recover sees it; a Group
// without panics returns nil; a panic outside any Item gets the Group's label.
func TestMustWaitRepanics(t *testing.T) {
	var g Group
	g.Go("period 2026-Q3", func() { panic("boom") })
	defer func() {
		p, ok := recover().(*Panic)
		if !ok || p.What != "period 2026-Q3" || p.Value != "boom" {
			t.Errorf("recovered %+v", p)
		}
	}()
	var ok Group
	ok.Go("", func() {})
	if err := ok.Wait(); err != nil {
		t.Errorf("no panic: %v", err)
	}
	g.MustWait()
	t.Error("MustWait returned after a panic")
}

// Every goroutine of coord is started by a Group: no `go` statement outside this package (tests and the git
// test servers excepted), so no worker can crash past the recover of root.Main.
func TestNoBareGoroutines(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "gittest" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.HasSuffix(filepath.ToSlash(filepath.Dir(p)), "pkg/par") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if g, ok := n.(*ast.GoStmt); ok {
				t.Errorf("%s: a bare go statement; start it with par.Group.Go", fset.Position(g.Pos()))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A goroutine nobody waits for hands its panic, labelled, to done instead of killing the process.
func TestBackgroundHandsOverAPanic(t *testing.T) {
	got := make(chan error, 2)
	Background("pack", func() error { panic("boom") }, func(err error) { got <- err })
	Background("pack", func() error { return nil }, func(err error) { got <- err })
	var panics, oks int
	for range 2 {
		err := <-got
		var p *Panic
		switch {
		case err == nil:
			oks++
		case errors.As(err, &p) && p.What == "pack" && p.Value == "boom":
			panics++
		default:
			t.Errorf("unexpected: %v", err)
		}
	}
	if panics != 1 || oks != 1 {
		t.Errorf("panics=%d oks=%d, want 1 and 1", panics, oks)
	}
}
