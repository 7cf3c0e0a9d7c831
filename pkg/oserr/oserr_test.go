package oserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
)

// Real errors of this system, and wrapped ones, get their phrase in both languages; an error without a
// phrase keeps the system's text without the path.
func TestPhrases(t *testing.T) {
	dir := t.TempDir()
	_, notExist := os.Open(filepath.Join(dir, "khong-co.yaml"))
	if err := os.WriteFile(filepath.Join(dir, "tep.yaml"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, notDir := os.Open(filepath.Join(dir, "tep.yaml", "x"))
	_, isDir := os.ReadFile(dir)
	for _, c := range []struct {
		err    error
		key    string
		vi, en string
	}{
		{notExist, "win.os.not_exist", "không có tệp hoặc thư mục nào tên như vậy", "no file or folder has that name"},
		{fmt.Errorf("đọc: %w", notExist), "win.os.not_exist", "không có tệp", "no file"},
		{notDir, "win.os.not_dir", "không phải thư mục", "not a folder"},
		{isDir, "win.os.is_dir", "đây là một thư mục, không phải tệp", "it is a folder"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}, "win.os.permission", "không có quyền truy cập", "permission denied"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENOSPC}, "win.os.no_space", "ổ đĩa đã đầy", "the disk is full"},
		{&fs.PathError{Op: "open", Path: "/x/y.yaml", Err: syscall.EMFILE}, "win.os.other", syscall.EMFILE.Error(), syscall.EMFILE.Error()},
	} {
		if got := Key(c.err); got != c.key {
			t.Errorf("%v: key %s, want %s", c.err, got, c.key)
		}
		vi, en := Msg(c.err).Render(i18n.VI), Msg(c.err).Render(i18n.EN)
		if !strings.Contains(vi, c.vi) || !strings.Contains(en, c.en) {
			t.Errorf("%v: vi %q, en %q", c.err, vi, en)
		}
		if strings.Contains(vi+en, "%!") {
			t.Errorf("%v: a malformed phrase: %q / %q", c.err, vi, en)
		}
		if strings.Contains(vi, "/x") || strings.Contains(vi, dir) {
			t.Errorf("%v: the phrase repeats the path: %q", c.err, vi)
		}
	}
	if Msg(errors.New("lạ")).Render(i18n.VI) != "lạ" {
		t.Error("another error keeps its text")
	}
}

// Windows's numbers (fed by oserr_windows.go on Windows) map to their phrases; tested here on any system.
func TestWindowsNumbers(t *testing.T) {
	for code, want := range map[uintptr]string{32: "win.os.in_use", 33: "win.os.in_use", 39: "win.os.no_space", 112: "win.os.no_space", 267: "win.os.not_dir", 5: ""} {
		if got := windowsKey(code); got != want {
			t.Errorf("windows error %d: %q, want %q", code, got, want)
		}
	}
	if !strings.Contains(i18n.M("win.os.in_use").Render(i18n.VI), "đang được mở trong chương trình khác") {
		t.Error("in_use phrase")
	}
}
