// Package testtool is for tests only: golden files, and the external programs that check coord's renderings
// as a person would see them — headless Chromium (HTML pages: a screenshot, the DOM it builds), LibreOffice and
// poppler (DOCX and XLSX through PDF). The programs are part of the test environment (.ci/deps.sh): a missing
// one fails the test, and COORD_SKIP_EXTERNAL=1 skips every test that needs one. Nothing in coord imports it.
package testtool

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tool finds an external program the test needs, by the first of its names on PATH.
func Tool(t testing.TB, names ...string) string {
	t.Helper()
	if os.Getenv("COORD_SKIP_EXTERNAL") == "1" {
		t.Skipf("COORD_SKIP_EXTERNAL=1: not running %s", strings.Join(names, "/"))
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Fatalf("%s not installed: run .ci/deps.sh (or set COORD_SKIP_EXTERNAL=1 to skip the tests that need it)", strings.Join(names, "/"))
	return ""
}

// KeepDir is a folder for the test's renderings: COORD_KEEP_RENDER when set (to look at them afterwards),
// else a temporary folder.
func KeepDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("COORD_KEEP_RENDER"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		abs, err := filepath.Abs(d)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	return t.TempDir()
}

// Exec runs a program with a deadline and returns its standard output; a failure fails the test.
func Exec(t testing.TB, timeout time.Duration, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	timer := time.AfterFunc(timeout, func() { _ = cmd.Process.Kill() })
	err := cmd.Wait()
	if !timer.Stop() {
		t.Fatalf("%s did not finish within %v", name, timeout)
	}
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// Chromium is the headless browser HTML pages are opened in.
func Chromium(t testing.TB) string {
	t.Helper()
	return Tool(t, "chromium", "chromium-browser", "google-chrome")
}

// chromiumFlags run Chromium headless, offline and with a profile of its own.
func chromiumFlags(t testing.TB, extra ...string) []string {
	return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}, extra...)
}

// Screenshot opens the HTML file page in headless Chromium in a window of w×h pixels, writes the screenshot
// to shot (a PNG) and returns it decoded.
func Screenshot(t testing.TB, page, shot string, w, h int) image.Image {
	t.Helper()
	chromium := Chromium(t)
	_ = os.Remove(shot)
	Exec(t, 90*time.Second, chromium, chromiumFlags(t, "--screenshot="+shot, "--window-size="+strconv.Itoa(w)+","+strconv.Itoa(h), "file://"+page)...)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	return img
}

// DumpDOM returns the DOM headless Chromium builds for the HTML file page.
func DumpDOM(t testing.TB, page string) string {
	t.Helper()
	return Exec(t, 90*time.Second, Chromium(t), chromiumFlags(t, "--dump-dom", "file://"+page)...)
}

// Colours counts the pixels of each colour of img.
func Colours(img image.Image) map[[3]uint8]int {
	out := map[[3]uint8]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			out[[3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}]++
		}
	}
	return out
}

// Golden compares got with the golden file testdata/name of the test's package, or writes it when update is
// set (the package's -update flag). A difference names the first line that differs.
func Golden(t testing.TB, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the package's tests with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs from the golden file at line %d:\n got: %q\nwant: %q\n(run the package's tests with -update if the change is intended)", name, i+1, g, w)
		}
	}
	t.Fatalf("%s differs from the golden file", name)
}
