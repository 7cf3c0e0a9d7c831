// Package fmtcmd is `coord fmt [PATH…]`: rewrite records canonically — NFC text, canonical `when` (the
// dates and times clerks type, like "Sáng 03/7/2026" or "14h30", become "2026-07-03 sáng", "14:30"), ISO
// dates, key order, the schema comment editors use, LF line ends.
package fmtcmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/when"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// Options are fmt's flags.
type Options struct {
	F     *cmdutil.Factory
	Paths []string
	Check bool
}

// NewCmdFmt builds the command.
func NewCmdFmt(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "fmt [PATH…]",
		Short: "Viết lại hồ sơ theo dạng chuẩn — rewrite records canonically",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().BoolVar(&o.Check, "check", false, "chỉ liệt kê tệp chưa chuẩn, không ghi (mã thoát 1 nếu có)")
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
			if datarepo.IsRecordName(e.Name()) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return cmdutil.Env(err)
		}
	} else {
		for _, p := range o.Paths {
			if !filepath.IsAbs(p) {
				p = filepath.Join(wd, p)
			}
			st, err := os.Stat(p)
			if err != nil {
				return cmdutil.Env(i18n.Errorf("cli.no_path", p, err.Error()))
			}
			if st.IsDir() {
				_ = filepath.WalkDir(p, func(q string, e os.DirEntry, err error) error {
					if err == nil && !e.IsDir() && datarepo.IsRecordName(e.Name()) {
						files = append(files, q)
					}
					return nil
				})
				continue
			}
			files = append(files, p)
		}
		root, _ = o.F.RepoRoot() // optional: only used for the schema comment's relative path
	}
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
		out, problems, err := Format(p, rel)
		if err != nil {
			o.F.Warnf("fmt.failed", display, i18n.Localize(err, o.F.Lang()))
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
		if err := fsutil.WriteRecord(p, out, 0o644); err != nil {
			return cmdutil.Env(err)
		}
		o.F.Printf("fmt.rewrote", display)
	}
	if failed > 0 || (o.Check && changed > 0) {
		return cmdutil.Findings()
	}
	return nil
}

// Format returns the canonical bytes of the record at path (rel: its repo path, for the schema comment),
// or the problems that stop it from being rewritten (YAML errors, a `when` no form matches).
func Format(path, rel string) ([]byte, []problem, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.Size() > record.DefaultMaxBytes {
		return nil, nil, i18n.Errorf("record.too_big", st.Size(), record.DefaultMaxBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return FormatBytes(data, rel)
}

type problem struct {
	Line int
	Msg  i18n.Msg
}

// FormatBytes is Format on bytes.
func FormatBytes(data []byte, rel string) ([]byte, []problem, error) {
	f := record.Decode(rel, data, nil)
	var probs []problem
	for _, p := range f.Problems {
		if p.Rule == "yaml" || (p.Rule == "schema" && f.Root == nil) {
			probs = append(probs, problem{p.Line, p.Msg})
		}
	}
	if len(probs) > 0 || f.Root == nil {
		return nil, probs, nil
	}
	year := 0
	if pn := field(f.Root, "period"); pn != nil {
		if p, err := period.Parse(pn.Value); err == nil {
			year = p.Year
		}
	}
	// when: in items and adjustments
	for _, list := range []string{"items", "adjustments"} {
		seq := field(f.Root, list)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range seq.Content {
			w := field(it, "when")
			if w == nil || w.Kind != yaml.ScalarNode || w.Value == "" {
				continue
			}
			canon, err := when.Normalize(w.Value, year)
			if err != nil {
				probs = append(probs, problem{w.Line, i18n.M("rule.when.invalid", w.Value, err)})
				continue
			}
			w.Value, w.Style, w.Tag = canon, 0, ""
		}
	}
	if len(probs) > 0 {
		return nil, probs, nil
	}
	fixDates(f.Root, "")
	// The comment above the first key is the file's header: it stays on top whatever key comes first.
	header := ""
	if len(f.Root.Content) > 0 {
		header, f.Root.Content[0].HeadComment = f.Root.Content[0].HeadComment, ""
	}
	record.SortKeys(f.Kind, f.Root)
	header = withSchemaComment(f, rel, header)
	if len(f.Root.Content) > 0 {
		f.Root.Content[0].HeadComment = joinComments(header, f.Root.Content[0].HeadComment)
	}
	out, err := record.Encode(f.Doc)
	if err != nil {
		return nil, nil, err
	}
	return out, nil, nil
}

func field(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

var dmy = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

var dateKeys = map[string]bool{"date": true, "received": true, "issued": true, "due": true, "from": true, "to": true}

// fixDates rewrites day-first dates (03/7/2026) in date fields as ISO dates (2026-07-03).
func fixDates(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			fixDates(n.Content[i+1], n.Content[i].Value)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			fixDates(c, "")
		}
	case yaml.ScalarNode:
		if !dateKeys[key] {
			return
		}
		if m := dmy.FindStringSubmatch(strings.TrimSpace(n.Value)); m != nil {
			d, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 {
				n.Value = fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
				n.Style, n.Tag = 0, ""
			}
		}
	}
}

// withSchemaComment puts the yaml-language-server line first in the header, so editors validate as clerks type.
func withSchemaComment(f *record.File, rel, header string) string {
	if rel == "" || f.Kind == "" || strings.Contains(header, "yaml-language-server") || strings.Contains(f.Doc.HeadComment, "yaml-language-server") {
		return header
	}
	line := "# yaml-language-server: $schema=" + strings.Repeat("../", strings.Count(rel, "/")) + "schema/" + f.Kind + ".schema.json"
	if f.Doc.HeadComment != "" {
		// the file opens with a comment block separated by a blank line: the schema line goes above it
		f.Doc.HeadComment = line + "\n" + f.Doc.HeadComment
		return header
	}
	return joinComments(line, header)
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}
