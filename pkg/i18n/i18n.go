// Package i18n owns the message catalog: every sentence a clerk reads, Vietnamese first, English second.
// Messages are values (a key and arguments) rendered only when printed, so findings stay language-neutral
// until output. It must not format anything that is not a message.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is an output language.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// ParseLang accepts vi or en (any case); anything else is an error.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "vi", "vi-vn", "vie":
		return VI, nil
	case "en", "en-us", "en-gb", "eng":
		return EN, nil
	}
	return VI, fmt.Errorf("unknown language %q (vi, en)", s)
}

// Text is one catalog entry: a format string per language (fmt verbs, same order in both).
type Text struct{ VI, EN string }

// Msg is a message to render later.
type Msg struct {
	Key  string
	Args []any
}

// M builds a message. Arguments that are themselves Msg are rendered in the same language.
func M(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

// Render renders the message in lang. An unknown key renders as the key and its arguments, never panics.
func (m Msg) Render(lang Lang) string {
	t, ok := catalog[m.Key]
	if !ok {
		if len(m.Args) == 0 {
			return m.Key
		}
		return m.Key + " " + fmt.Sprint(renderArgs(m.Args, lang)...)
	}
	f := t.VI
	if lang == EN || f == "" {
		f = t.EN
	}
	return fmt.Sprintf(f, renderArgs(m.Args, lang)...)
}

// String renders in English (for logs and Go error strings).
func (m Msg) String() string { return m.Render(EN) }

func renderArgs(args []any, lang Lang) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Msg:
			out[i] = v.Render(lang)
		case *Msg:
			out[i] = v.Render(lang)
		case *Error:
			out[i] = v.Msg.Render(lang)
		case interface{ Render(Lang) string }: // a value written differently in each language (a number)
			out[i] = v.Render(lang)
		default:
			out[i] = a
		}
	}
	return out
}

// Error is an error carrying a message; Error() is English, Render gives the user's language.
type Error struct {
	Msg
	Err  error   // optional cause (never shown raw to users if it may carry secrets)
	Kind ErrKind // what kind of failure it is, for the exit code (the CLI maps it in one place)
}

// ErrKind classifies a domain error for the exit code, so domain packages need not know the CLI.
type ErrKind int

const (
	KindEnv     ErrKind = iota // the environment or the input files cannot be used (exit 2)
	KindRefused                // the operation is refused for a reason in the data (exit 1)
	KindUsage                  // the command was called wrongly (exit 2)
)

// Errorf builds an *Error.
func Errorf(key string, args ...any) *Error { return &Error{Msg: M(key, args...)} }

// Refusef builds an *Error of an operation the data does not allow (exit 1).
func Refusef(key string, args ...any) *Error { return &Error{Msg: M(key, args...), Kind: KindRefused} }

// Usagef builds an *Error of a command called wrongly (exit 2).
func Usagef(key string, args ...any) *Error { return &Error{Msg: M(key, args...), Kind: KindUsage} }

func (e *Error) Error() string { return e.Msg.Render(EN) }
func (e *Error) Unwrap() error { return e.Err }

// Localize renders any error in lang: *Error, or an error with a Message() (anywhere in the chain), through
// the catalog; others as is.
func Localize(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	var e *Error
	for x := err; x != nil; {
		if v, ok := x.(*Error); ok {
			e = v
			break
		}
		if m, ok := x.(interface{ Message() Msg }); ok {
			return m.Message().Render(lang)
		}
		u, ok := x.(interface{ Unwrap() error })
		if !ok {
			break
		}
		x = u.Unwrap()
	}
	if e != nil {
		return e.Msg.Render(lang)
	}
	return err.Error()
}

// catalog is every area's entries merged; keys must be unique across areas (a test checks).
var catalog = merge(areas...)

func merge(ms ...map[string]Text) map[string]Text {
	out := map[string]Text{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// Has reports whether key is in the catalog.
func Has(key string) bool { _, ok := catalog[key]; return ok }

// DidYouMean is the tail of a sentence about a name nobody knows: "; có phải "x"?" for the closest names
// (none, one or two), empty when nothing is close.
func DidYouMean(closest []string) Msg {
	switch len(closest) {
	case 0:
		return M("rule.no_hint")
	case 1:
		return M("rule.hint1", closest[0])
	}
	return M("rule.hint2", closest[0], closest[1])
}
