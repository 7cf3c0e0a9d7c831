package cmdutil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
)

// A bare operating system error leaving a command as an environment problem reads in the user's language
// and keeps its cause; a catalog error is left alone.
func TestEnvSaysOSErrorsInTheUsersLanguage(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "khong-co.yaml"))
	e := Env(err)
	if got := i18n.Localize(e, i18n.VI); got != filepath.Join(filepath.Dir(err.(*fs.PathError).Path), "khong-co.yaml")+": không có tệp hoặc thư mục nào tên như vậy; hãy kiểm tra lại tên và vị trí" {
		t.Errorf("vi: %q", got)
	}
	if !errors.Is(e, fs.ErrNotExist) || Code(e) != ExitEnv {
		t.Error("the cause or the exit code was lost")
	}
	own := i18n.Errorf("cli.no_path", "x", "y")
	if i18n.Localize(Env(own), i18n.VI) != own.Msg.Render(i18n.VI) {
		t.Error("a catalog error was rewritten")
	}
	plain := errors.New("khác")
	if i18n.Localize(Env(plain), i18n.VI) != "khác" {
		t.Error("an error without a path was rewritten")
	}
}
