// Package cmdutil owns what every command shares: the Factory (IO streams, settings, the clock, and the
// application layer — pkg/workspace — wired to them) and typed errors mapped to exit codes in one place.
package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/spf13/viper"
)

// Exit codes (docs/commands.md).
const (
	ExitOK       = 0
	ExitFindings = 1 // error findings, or a refused operation
	ExitEnv      = 2 // bad usage, unreadable path, environment problem
)

// ExitError carries an exit code; Silent means the command already printed what the user needs.
type ExitError struct {
	Code   int
	Err    error
	Silent bool
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}
func (e *ExitError) Unwrap() error { return e.Err }

// Findings is the error returned when error findings were printed: exit 1, nothing more to say.
func Findings() error { return &ExitError{Code: ExitFindings, Silent: true} }

// Refused is an operation refused for a reason the user must read: exit 1.
func Refused(err error) error { return &ExitError{Code: ExitFindings, Err: err} }

// Env is an environment problem (no repo, no network, bad credentials, unreadable path): exit 2.
func Env(err error) error { return &ExitError{Code: ExitEnv, Err: osError(err)} }

// Usage is bad usage: exit 2.
func Usage(err error) error { return &ExitError{Code: ExitEnv, Err: err} }

// Code maps an error to the exit code: an *ExitError says its own; a refusal of the data or of the server
// (an i18n refusal, gitrepo.IsRefusal) is 1; anything else (bad usage, the environment) is 2.
func Code(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	if isRefusal(err) {
		return ExitFindings
	}
	return ExitEnv
}

// Factory gives commands their dependencies.
type Factory struct {
	In       io.Reader
	Out, Err io.Writer
	V        *viper.Viper
	Getwd    func() (string, error)
	Now      func() time.Time // the real clock; commands use AsOf
}

// New returns a Factory on the process's streams.
func New() *Factory {
	return &Factory{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, V: viper.New(), Getwd: os.Getwd, Now: time.Now}
}

// Lang is the user's language (vi unless --lang/COORD_LANG/config say en).
func (f *Factory) Lang() i18n.Lang {
	l, _ := i18n.ParseLang(f.V.GetString("lang"))
	return l
}

// Msg renders a catalog message in the user's language.
func (f *Factory) Msg(key string, args ...any) string { return i18n.M(key, args...).Render(f.Lang()) }

// Printf prints a catalog message to stdout.
func (f *Factory) Printf(key string, args ...any) { fmt.Fprintln(f.Out, f.Msg(key, args...)) }

// Warnf prints a catalog message to stderr.
func (f *Factory) Warnf(key string, args ...any) { fmt.Fprintln(f.Err, f.Msg(key, args...)) }

// RepoRoot finds the data repo (--repo/-C, COORD_REPO, config, else walking up from the working directory).
func (f *Factory) RepoRoot() (string, error) {
	wd, err := f.Getwd()
	if err != nil {
		return "", Env(err)
	}
	root, err := datarepo.Find(f.V.GetString("repo"), wd)
	if err != nil {
		return "", Env(err)
	}
	return root, nil
}

// AsOf returns --as-of (a date means 00:00 of that day in loc) or the real clock.
func (f *Factory) AsOf(loc *time.Location) (time.Time, error) {
	s := strings.TrimSpace(f.V.GetString("as-of"))
	if s == "" {
		return f.Now().In(loc), nil
	}
	t, err := ParseInstant(s, loc)
	if err != nil {
		return time.Time{}, Usage(err)
	}
	return t, nil
}

// ParseInstant reads a date or date-time: 2026-06-20, 2026-06-20T08:30, 2026-06-20 08:30:00, RFC 3339,
// or a clerk's 20/6/2026. A date alone is 00:00 of that day in loc.
func ParseInstant(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2/1/2006", "02/01/2006", "2/1/2006 15:04"} {
		if layout == time.RFC3339 {
			if t, err := time.Parse(layout, s); err == nil {
				return t.In(loc), nil
			}
			continue
		}
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, i18n.Errorf("cli.bad_instant", s)
}

// Branch is the main branch's name (COORD_BRANCH, default main).
func (f *Factory) Branch() string {
	if b := f.V.GetString("branch"); b != "" {
		return b
	}
	return "main"
}

// CommitClock is the time coord writes into commits: --as-of when it is given (so a demo or a test that fixes
// "now" gets the commits it describes, and deadline/late judges them accordingly), else the real clock. A
// date alone is 00:00 of that day in Vietnam's time (UTC+7, no daylight saving), the default timezone.
func (f *Factory) CommitClock() func() time.Time {
	if strings.TrimSpace(f.V.GetString("as-of")) == "" {
		return f.Now
	}
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		loc = time.FixedZone("ICT", 7*3600)
	}
	return func() time.Time {
		t, err := f.AsOf(loc)
		if err != nil {
			return f.Now()
		}
		return t
	}
}

// isRefusal reports an error that refuses what the data or the server does not allow (exit 1).
func isRefusal(err error) bool {
	var ie *i18n.Error
	return gitrepo.IsRefusal(err) || errors.As(err, &ie) && ie.Kind == i18n.KindRefused
}

// isUsage reports an error of a command called wrongly (exit 2).
func isUsage(err error) bool {
	var ie *i18n.Error
	return errors.As(err, &ie) && ie.Kind == i18n.KindUsage
}
