package oserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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

// The errors Linux gives where Windows gives its own numbers: a folder standing where a file is put in place
// (Go's rename says "file exists"), a name already taken, a folder not empty, a read-only file system, a full
// disk. Each has its
// phrase in both languages, never the system's English.
func TestUnixPhrases(t *testing.T) {
	dir := t.TempDir()
	file, folder := filepath.Join(dir, "tep.yaml"), filepath.Join(dir, "bang.xlsx")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(folder, "trong-excel"), 0o755); err != nil {
		t.Fatal(err)
	}
	renamed := os.Rename(file, folder)
	made := os.Mkdir(file, 0o755)
	for _, c := range []struct {
		what   string
		err    error
		key    string
		vi, en string
		unix   bool // Windows refuses the same act with another error (access denied)
	}{
		{"a folder where a file is put", renamed, "win.os.exists", "đã có một tệp hoặc thư mục cùng tên ở đó", "a file or folder of that name is already there", true},
		{"a folder made where a file is", made, "win.os.exists", "đã có một tệp hoặc thư mục cùng tên ở đó", "a file or folder of that name is already there", false},
		{"a folder not empty", &fs.PathError{Op: "remove", Path: "/x", Err: syscall.ENOTEMPTY}, "win.os.not_empty", "thư mục không trống", "the folder is not empty", false},
		{"a read-only file system", &fs.PathError{Op: "open", Path: "/x/y.yaml", Err: syscall.EROFS}, "win.os.read_only", "ổ đĩa hoặc thư mục này chỉ cho đọc", "the disk or folder is read-only", false},
		{"a read-only file system, renaming", &os.LinkError{Op: "rename", Old: "/x/a", New: "/x/b", Err: syscall.EROFS}, "win.os.read_only", "chỉ cho đọc", "read-only", false},
		{"a full disk", &fs.PathError{Op: "write", Path: "/x/y.yaml", Err: syscall.ENOSPC}, "win.os.no_space", "ổ đĩa đã đầy", "the disk is full", false},
		{"a file where a folder is", &fs.PathError{Op: "mkdir", Path: "/x/y", Err: syscall.ENOTDIR}, "win.os.not_dir", "không phải thư mục", "not a folder", false},
		{"a folder where a file is read", &fs.PathError{Op: "read", Path: "/x", Err: syscall.EISDIR}, "win.os.is_dir", "đây là một thư mục", "it is a folder", false},
	} {
		if c.unix && runtime.GOOS == "windows" {
			continue
		}
		if c.err == nil {
			t.Errorf("%s: no error from the system", c.what)
			continue
		}
		if got := Key(c.err); got != c.key {
			t.Errorf("%s (%v): key %s, want %s", c.what, c.err, got, c.key)
		}
		vi, en := Msg(c.err).Render(i18n.VI), Msg(c.err).Render(i18n.EN)
		if !strings.Contains(vi, c.vi) || !strings.Contains(en, c.en) {
			t.Errorf("%s: vi %q, en %q", c.what, vi, en)
		}
		if sys := bare(c.err); strings.Contains(vi, sys) || strings.Contains(en, sys) {
			t.Errorf("%s: the system's text %q is said: %q / %q", c.what, sys, vi, en)
		}
	}
}

// Windows's numbers (fed by oserr_windows.go on Windows) map to their phrases; tested here on any system.
func TestWindowsNumbers(t *testing.T) {
	for code, want := range map[uintptr]string{32: "win.os.in_use", 33: "win.os.in_use", 39: "win.os.no_space", 112: "win.os.no_space", 267: "win.os.not_dir", 145: "win.os.not_empty", 5: ""} {
		if got := windowsKey(code); got != want {
			t.Errorf("windows error %d: %q, want %q", code, got, want)
		}
	}
	if !strings.Contains(i18n.M("win.os.in_use").Render(i18n.VI), "đang được mở trong chương trình khác") {
		t.Error("in_use phrase")
	}
}
