// Package fmtcmd is `coord fmt [PATH…]`: rewrite records canonically — NFC text, canonical `when` (the
// dates and times clerks type, like "Sáng 03/7/2026" or "14h30", become "2026-07-03 sáng", "14:30"), ISO
// dates, key order, the schema comment editors use, LF line ends. The rewriting itself is pkg/recordfmt,
// which `coord submit` shares.
package fmtcmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
	"github.com/coordvn/coord/pkg/recordfmt"
	"github.com/spf13/cobra"
)

// Options are fmt's flags.
type Options struct {
	F     *cmdutil.Factory
	Paths []string
	Check bool
}

// NewCmdFmt builds the command.
// Its usage line, help texts and flag usages are the catalog's help.fmt.* (pkg/i18n/help.go), set by root.
func NewCmdFmt(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use: "fmt",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().BoolVar(&o.Check, "check", false, "")
	return cmd
}

// Run formats the files.
func Run(o *Options) error {
	wd, err := o.F.Getwd()
	if err != nil {
		return cmdutil.Env(err)
	}
	var files []string // absolute paths
	var root string
	if len(o.Paths) == 0 {
		root, err = o.F.RepoRoot()
		if err != nil {
			return err
		}
		err = filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if e.IsDir() {
				if p != root && (strings.HasPrefix(e.Name(), ".") || rel == "schema") {
					return filepath.SkipDir
				}
				return nil
			}
			if wanted(e.Name()) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return cmdutil.Env(err)
		}
	} else {
		for _, p := range o.Paths {
			arg := p
			p = locate(o.F, wd, p)
			st, err := os.Lstat(p) // a symlink is refused below, never followed
			if err != nil {
				return cmdutil.Env(i18n.Errorf("cli.no_path", arg, oserr.Msg(err)))
			}
			if st.IsDir() {
				n := len(files)
				_ = filepath.WalkDir(p, func(q string, e os.DirEntry, err error) error {
					if err == nil && !e.IsDir() && wanted(e.Name()) {
						files = append(files, q)
					}
					return nil
				})
				if len(files) == n { // a folder without records: say so, never "nothing to do"
					return cmdutil.Usage(i18n.Errorf("win.path.no_match", arg, datarepo.Layout()))
				}
				continue
			}
			files = append(files, p)
		}
		root, _ = o.F.RepoRoot() // optional: the schema comment's relative path, the size limit
	}
	maxBytes := datarepo.MaxBytes(root)
	changed, failed := 0, 0
	for _, p := range files {
		display := p
		if r, err := filepath.Rel(wd, p); err == nil {
			display = r
		}
		rel := ""
		if root != "" {
			if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
				rel = filepath.ToSlash(r)
			}
		}
		st, err := os.Lstat(p)
		if err != nil {
			o.F.Warnf("fmt.failed", display, oserr.Msg(err))
			failed++
			continue
		}
		if msg, hidden := datarepo.HiddenTxt(filepath.Base(p)); hidden {
			o.F.Warnf("fmt.failed", display, msg)
			failed++
			continue
		}
		out, problems, err := recordfmt.Format(p, rel, maxBytes)
		if err != nil {
			o.F.Warnf("fmt.failed", display, errMsg(err))
			failed++
			continue
		}
		for _, pr := range problems {
			o.F.Warnf("fmt.failed", fmt.Sprintf("%s:%d", display, pr.Line), pr.Msg.Render(o.F.Lang()))
			failed++
		}
		if len(problems) > 0 || out == nil {
			continue
		}
		old, _ := os.ReadFile(p)
		if bytes.Equal(old, out) {
			continue
		}
		changed++
		if o.Check {
			fmt.Fprintln(o.F.Out, display)
			continue
		}
		if err := fsutil.WriteRecord(p, out, st.Mode().Perm()); err != nil { // the file keeps its mode
			return cmdutil.Env(err)
		}
		o.F.Printf("fmt.rewrote", display)
	}
	if failed > 0 || (o.Check && changed > 0) {
		return cmdutil.Findings()
	}
	return nil
}
