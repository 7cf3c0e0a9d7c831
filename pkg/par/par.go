// Package par runs work on several goroutines without letting a panic escape. coord promises never to crash
// on user input: root.Main recovers a panic and reports an internal error, but a recover only sees panics
// of its own goroutine, so a panic in a worker would kill the process with a Go stack trace. Every goroutine
// of coord is started by a Group: a worker's panic is caught, labelled with what the worker was doing (the
// file being read), and raised again — or returned — in the goroutine that waits.
package par

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/coordvn/coord/pkg/i18n"
)

// Panic is a panic caught in a worker: the value, what was being done (a file's path, say; "" when
// unknown) and the worker's stack.
type Panic struct {
	What  string
	Value any
	Stack []byte
}

// Error words the panic for the person who reports it: what coord was reading, and what went wrong.
func (p *Panic) Error() string { return p.Message().String() }

// Message is the panic as a catalog message (i18n.Localize renders it in the user's language).
func (p *Panic) Message() i18n.Msg {
	if p.What == "" {
		return i18n.M("par.panic", fmt.Sprint(p.Value))
	}
	return i18n.M("par.panic_in", p.What, fmt.Sprint(p.Value))
}

// Unwrap gives the panic's value when it was an error.
func (p *Panic) Unwrap() error {
	if err, ok := p.Value.(error); ok {
		return err
	}
	return nil
}

// caught turns a recovered value into a *Panic about what, keeping the innermost label.
func caught(r any, what string) *Panic {
	if p, ok := r.(*Panic); ok {
		if p.What == "" {
			p.What = what
		}
		return p
	}
	return &Panic{What: what, Value: r, Stack: debug.Stack()}
}

// Item runs f for one piece of work; a panic in it is raised again as a *Panic naming what (the innermost
// label wins: a file read inside a folder's worker is named, not the folder).
func Item(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			panic(caught(r, what))
		}
	}()
	f()
}

// Group is a set of goroutines whose panics are caught. The zero Group is ready to use.
type Group struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	first *Panic
}

// Go runs f on a new goroutine; what labels a panic that no Item inside f labelled.
func (g *Group) Go(what string, f func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				p := caught(r, what)
				g.mu.Lock()
				if g.first == nil {
					g.first = p
				}
				g.mu.Unlock()
			}
		}()
		f()
	}()
}

// Wait waits for every goroutine and returns the first panic caught, as a *Panic, or nil.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.first == nil {
		return nil
	}
	return g.first
}

// MustWait waits for every goroutine and raises the first panic caught again in the caller's goroutine,
// where coord's recover sees it (for work that has no error to return).
func (g *Group) MustWait() {
	if err := g.Wait(); err != nil {
		panic(err)
	}
}

// Catch runs f and returns its error, or its panic as a *Panic naming what.
func Catch(what string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = caught(r, what)
		}
	}()
	return f()
}

// Background runs f on a goroutine that nobody waits for (a writer feeding a pipe, say) and hands its
// error, or its panic as a *Panic, to done; done itself must not panic.
func Background(what string, f func() error, done func(error)) {
	go func() { done(Catch(what, f)) }()
}
