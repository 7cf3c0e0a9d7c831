package merge

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/fsutil"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/render"
)

// CommitFunc commits files (repo-relative slash paths and their content, already written) with a message.
type CommitFunc func(root string, files map[string][]byte, message string) error

// GitCommit commits through pkg/gitrepo as the user set in COORD_NAME and COORD_EMAIL (the commit stays
// local: coord sync pushes it). A data repo without git (coord init --no-git) is not an error; without a
// name and email the files are written and a warning says they were not committed.
func GitCommit(f *cmdutil.Factory) CommitFunc {
	return func(root string, files map[string][]byte, message string) error {
		name, email := strings.TrimSpace(f.V.GetString("name")), strings.TrimSpace(f.V.GetString("email"))
		if name == "" || email == "" {
			f.Warnf("merge.no_author")
			return nil
		}
		commit, err := gitrepo.CommitPaths(root, files, message, gitrepo.Author{Name: name, Email: email, When: f.Now()})
		switch {
		case errors.Is(err, gitrepo.ErrNotRepo):
			return nil
		case err != nil && gitrepo.IsRefusal(err):
			return cmdutil.Refused(err)
		case err != nil:
			return cmdutil.Env(err)
		}
		if commit != "" {
			f.Warnf("merge.committed", commit[:min(len(commit), 12)])
		}
		return nil
	}
}

// CommitMessage is the message of a workflow step: "consolidated(VPTU): 2026-Q3 approve" with the trailers
// coord sync recognises.
func CommitMessage(step string, c *record.Consolidated) string {
	office := c.Coordinator
	if office == "" {
		office = "-"
	}
	return gitrepo.Message(fmt.Sprintf("%s(%s): %s %s", record.KindConsolidated, office, c.Period, step),
		[][2]string{{gitrepo.KindTrailer, record.KindConsolidated}, {"Coord-Office", office}, {"Coord-Period", c.Period}})
}

// Save writes files into the repo at root (atomically), then commits them when commit is not nil.
func Save(root string, files map[string][]byte, message string, commit CommitFunc) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := fsutil.WriteFile(filepath.Join(root, filepath.FromSlash(n)), files[n], 0o644); err != nil {
			return cmdutil.Env(err)
		}
	}
	if commit == nil {
		return nil
	}
	return commit(root, files, message)
}

// RenderInput is what the renderers need of a loaded repo and a consolidated record.
func RenderInput(l *cmdutil.Loaded, p period.Period, c *record.Consolidated, lang i18n.Lang) render.Input {
	in := render.Input{Province: l.Repo.Settings.Province, Period: p, C: c,
		Offices: map[string]record.Office{}, Bodies: map[string]record.Body{}, People: map[string]record.Person{},
		Venues: map[string]record.Venue{}, Localities: map[string]record.Locality{},
		Sessions: l.Ctx.Policy.Sessions, Lang: lang, Generated: l.Ctx.Now}
	for k, v := range l.Ctx.Offices {
		in.Offices[k] = *v
	}
	for k, v := range l.Ctx.Bodies {
		in.Bodies[k] = *v
	}
	for k, v := range l.Ctx.People {
		in.People[k] = *v
	}
	for k, v := range l.Ctx.Venues {
		in.Venues[k] = *v
	}
	for k, v := range l.Ctx.Locals {
		in.Localities[k] = *v
	}
	if o, ok := l.Ctx.Offices[l.Repo.Settings.Coordinator]; ok {
		in.Coordinator = *o
	} else {
		in.Coordinator = record.Office{Code: l.Repo.Settings.Coordinator}
	}
	return in
}

// BaseName is the file name of a period's outputs, without extension: chuong-trinh-cong-tac-2026-Q3.
func BaseName(p period.Period) string { return "chuong-trinh-cong-tac-" + p.String() }

// RenderAll renders every output of a consolidated programme: Markdown, HTML, iCalendar (all items, and one
// feed per leader under lich/), XLSX and DOCX. Names are relative to the output folder.
func RenderAll(in render.Input) (map[string][]byte, error) {
	base := BaseName(in.Period)
	out := map[string][]byte{}
	for _, r := range []struct {
		ext string
		fn  func(*bytes.Buffer) error
	}{
		{".md", func(b *bytes.Buffer) error { return render.Markdown(b, in) }},
		{".html", func(b *bytes.Buffer) error { return render.HTML(b, in) }},
		{".ics", func(b *bytes.Buffer) error { return render.ICS(b, in, "") }},
		{".xlsx", func(b *bytes.Buffer) error { return render.XLSX(b, in) }},
		{".docx", func(b *bytes.Buffer) error { return render.DOCX(b, in) }},
	} {
		var b bytes.Buffer
		if err := r.fn(&b); err != nil {
			return nil, err
		}
		out[base+r.ext] = b.Bytes()
	}
	for _, id := range Leaders(in.C) {
		var b bytes.Buffer
		if err := render.ICS(&b, in, id); err != nil {
			return nil, err
		}
		out["lich/"+id+".ics"] = b.Bytes()
	}
	return out, nil
}

// Leaders are the people who chair or attend an item that is not dropped, sorted.
func Leaders(c *record.Consolidated) []string {
	dropped := map[string]bool{}
	for _, a := range c.Adjustments {
		dropped[a.Item] = a.Action == "drop"
	}
	seen := map[string]bool{}
	var out []string
	for _, it := range c.Items {
		if dropped[it.ID] {
			continue
		}
		for _, p := range append(append([]string(nil), it.Chair...), it.Attendees...) {
			if p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// WriteOutputs writes rendered files into dir; it returns the repo-relative paths of those inside the repo
// (for the commit) and the number written.
func WriteOutputs(root, dir string, files map[string][]byte) (map[string][]byte, error) {
	inRepo := map[string][]byte{}
	for name, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := fsutil.WriteFile(full, data, 0o644); err != nil {
			return nil, cmdutil.Env(err)
		}
		if rel, err := filepath.Rel(root, full); err == nil && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel) {
			inRepo[filepath.ToSlash(rel)] = data
		}
	}
	return inRepo, nil
}

// ParsePeriod reads a period argument (2026, 2026-Q3, 2026-07, 2026-W27); a bad one is bad usage.
func ParsePeriod(s string) (period.Period, error) {
	p, err := period.Parse(s)
	if err != nil {
		return period.Period{}, cmdutil.Usage(err)
	}
	return p, nil
}

// AbsDir resolves a folder given on the command line against the working directory.
func AbsDir(f *cmdutil.Factory, dir string) (string, error) {
	if filepath.IsAbs(dir) {
		return dir, nil
	}
	wd, err := f.Getwd()
	if err != nil {
		return "", cmdutil.Env(err)
	}
	return filepath.Join(wd, dir), nil
}
