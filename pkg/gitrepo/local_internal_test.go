package gitrepo

import (
	"syscall"
	"testing"
)

// Which remotes are folders, and which folder, under Windows's rules and a Unix system's — both tested on
// any system (the running one's rules are chosen by runtime.GOOS in dialLocal).
func TestLocalRemote(t *testing.T) {
	for _, c := range []struct {
		raw     string
		windows bool
		dir     string
		local   bool
		err     bool
	}{
		{"file:///srv/coord/data.git", false, "/srv/coord/data.git", true, false},
		{"file://localhost/srv/data.git", false, "/srv/data.git", true, false},
		{"file:///srv/d%E1%BB%AF%20li%E1%BB%87u.git", false, "/srv/dữ liệu.git", true, false},
		{"FILE:///srv/data.git", false, "/srv/data.git", true, false},
		{"file://fileserver/share/data.git", false, "", true, true},
		{"/srv/coord/data.git", false, "/srv/coord/data.git", true, false},
		{"../data.git", false, "../data.git", true, false},
		{"data.git", false, "data.git", true, false},
		{"./a:b/data.git", false, "./a:b/data.git", true, false},
		{"git.example.vn:tinh/data.git", false, "", false, false},
		{"git@git.example.vn:tinh/data.git", false, "", false, false},
		{"https://git.example.vn/tinh/data.git", false, "", false, false},
		{"ssh://git@git.example.vn/tinh/data.git", false, "", false, false},
		{`Z:\data.git`, false, "", false, false}, // on Unix "Z:" is an SSH host, as git reads it

		{`\\fileserver\coord\data.git`, true, `\\fileserver\coord\data.git`, true, false},
		{`//fileserver/coord/data.git`, true, `\\fileserver\coord\data.git`, true, false},
		{`Z:\data.git`, true, `Z:\data.git`, true, false},
		{`z:/coord/data.git`, true, `z:\coord\data.git`, true, false},
		{`C:data.git`, true, `C:data.git`, true, false},
		{"file:///C:/coord/data.git", true, `C:\coord\data.git`, true, false},
		{"file://fileserver/coord/data.git", true, `\\fileserver\coord\data.git`, true, false},
		{`..\data.git`, true, `..\data.git`, true, false},
		{"git.example.vn:tinh/data.git", true, "", false, false},
		{"https://git.example.vn/tinh/data.git", true, "", false, false},
		{"", true, "", false, false},
	} {
		dir, local, err := localRemote(c.raw, c.windows)
		if dir != c.dir || local != c.local || (err != nil) != c.err {
			t.Errorf("localRemote(%q, windows=%v) = %q, %v, %v; want %q, %v, err %v", c.raw, c.windows, dir, local, err, c.dir, c.local, c.err)
		}
	}
}

// A shared folder whose machine is away is "unreachable" (the submission waits), not "no repository".
func TestShareUnreachable(t *testing.T) {
	for code, want := range map[uintptr]bool{53: true, 64: true, 1231: true, 121: true, 67: false, 2: false, 3: false, 5: false} {
		if windowsNetCode(code) != want {
			t.Errorf("windows error %d: %v", code, !want)
		}
	}
	if !netError(&errWrap{syscall.EHOSTDOWN}) || !netError(syscall.ETIMEDOUT) || netError(syscall.ENOENT) {
		t.Error("netError on Unix errors")
	}
	if shareUnreachable("/no/such/folder", syscall.ENOENT) {
		t.Error("a missing local folder is not a network problem")
	}
}

type errWrap struct{ err error }

func (e *errWrap) Error() string { return "wrapped: " + e.err.Error() }
func (e *errWrap) Unwrap() error { return e.err }
