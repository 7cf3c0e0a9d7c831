// Package submit is `coord submit PATH…`: validate each record with the rules of `coord check`, refuse it
// when the record itself has an error, put it at its canonical path, commit exactly those paths with a
// structured message, and push — retrying safely on top of other offices' submissions, and keeping the
// commit for `coord sync` when the network is down. Overlaps with other offices' records are reported for
// the coordinator and do not block. When the push is rebuilt on other offices' newer work, the records are
// checked again on top of it before the push (gitrepo.Submission.BeforePush): what is new is printed, and
// an error that appears only now (a number another office has just taken) refuses the submission.
package submit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/docnum"
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/gitrepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/recordfmt"
	"github.com/coordvn/coord/pkg/rules"
	"github.com/coordvn/coord/pkg/workspace"
	"github.com/spf13/cobra"
)

// Options are submit's flags and inputs.
type Options struct {
	F       *cmdutil.Factory
	Ctx     context.Context
	Paths   []string
	Message string // replaces the generated subject; the trailers stay
	NoPush  bool
	Branch  string // pull-request mode: push to this branch
	DryRun  bool
}

// NewCmdSubmit builds the command; runF replaces the run function in flag-parsing tests.
// Its usage line, help texts and flag usages are the catalog's help.submit.* (pkg/i18n/help.go), set by root.
func NewCmdSubmit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{F: f}
	cmd := &cobra.Command{
		Use:  "submit",
		Args: cmdutil.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			o.Ctx = cmd.Context()
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	cmd.Flags().StringVarP(&o.Message, "message", "m", "", "")
	cmd.Flags().BoolVar(&o.NoPush, "no-push", false, "")
	cmd.Flags().StringVar(&o.Branch, "branch", "", "")
	cmd.Flags().BoolVar(&o.DryRun, "dry-run", false, "")
	return cmd
}

// item is one submitted record.
type item struct {
	src     string // as the user wrote it
	abs     string
	srcRel  string // its repo path when it lies inside the repo ("" otherwise)
	want    string // its canonical repo path
	content []byte // canonical bytes
	file    *record.File
}

// Run validates, places, commits and pushes.
func Run(o *Options) error {
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	root, err := o.F.RepoRoot()
	if err != nil {
		return err
	}
	name, email := strings.TrimSpace(o.F.V.GetString("name")), strings.TrimSpace(o.F.V.GetString("email"))
	if !o.DryRun && (name == "" || email == "") {
		return cmdutil.Usage(i18n.Errorf("git.submit.no_author"))
	}
	// The registry first, to read and place the submitted files; then only what they are compared with.
	reg, err := o.F.LoadOnly(root, isRegistry)
	if err != nil {
		return err
	}
	items, problems, err := readItems(o, root, reg)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return refuse(o, problems, len(items))
	}
	// Who may change these paths, by the registry (before anything else is said about them).
	if !o.DryRun {
		wants := map[string][]byte{}
		for _, it := range items {
			wants[it.want] = it.content
		}
		if err := o.F.AuthorizeFiles(reg.Repo, wants); err != nil {
			return err
		}
	}
	l, err := o.F.LoadOnly(root, scope(items))
	if err != nil {
		return err
	}
	branch := o.F.Branch()
	submitted := submittedTimes(l, items, root, branch)
	mine, blocking := validate(l, items, root, branch, submitted, others{})
	if blocking > 0 {
		return refuse(o, mine, len(items))
	}
	if len(mine) > 0 {
		if err := finding.Write(o.F.Out, "text", mine, finding.Summary{Files: len(items), Records: len(items)}, o.F.Lang()); err != nil {
			return err
		}
		o.F.Warnf("git.submit.warnings", len(mine))
	}

	files := map[string][]byte{}
	for _, it := range items {
		files[it.want] = it.content
	}
	if !o.DryRun {
		caseMoves(files, items)
	}
	s := gitrepo.Submission{
		Files: files, Name: name, Email: email, Message: message(o.Message, items, l.Repo.Settings.Coordinator, o.F.V.GetString("office")),
		Remote: o.F.Remote(), Branch: branch, PushBranch: o.Branch, NoPush: o.NoPush, DryRun: o.DryRun,
		Auth: o.F.GitAuth(), Now: o.F.CommitClock(),
		OnWait: func() { o.F.Warnf("git.submit.waiting") },
	}
	if !o.DryRun && o.Branch == "" {
		// Rebuilt on other offices' newer work, the submission is checked again before it is pushed.
		seen := map[string]bool{}
		for _, f := range mine {
			seen[findingKey(f)] = true
		}
		s.BeforePush, s.OthersOnly = recheck(o, l, items, root, branch, submitted, seen), othersScope(items)
	}
	for _, it := range items {
		o.F.Printf("git.submit.placed", it.src, it.want)
	}
	res, err := gitrepo.Submit(o.Ctx, root, s)
	if !o.DryRun && o.Branch == "" {
		settleNames(o, root, items)
	}
	if errors.Is(err, gitrepo.ErrRefused) {
		// The second check printed its findings; its sentence ends them as the first check's does.
		fmt.Fprintln(o.F.Err, i18n.Localize(err, o.F.Lang()))
		return cmdutil.Findings()
	}
	if err != nil {
		if res != nil && res.Commit != "" && !res.Pushed && !gitrepo.IsRefusal(err) {
			o.F.Warnf("git.submit.kept_local", short(res.Commit))
		}
		return cmdutil.GitError(err)
	}
	report(o, s, res)
	if res.Pushed && o.Branch == "" {
		announce(o, items, reg)
	}
	return nil
}

func report(o *Options, s gitrepo.Submission, res *gitrepo.Result) {
	f := o.F
	if res.DryRun {
		changed := map[string]bool{}
		for _, p := range res.Changed {
			changed[p] = true
			f.Printf("git.submit.would", p)
		}
		for _, p := range res.Paths {
			if !changed[p] {
				f.Printf("git.submit.would_not", p)
			}
		}
		f.Printf("git.submit.dry_run")
		fmt.Fprint(f.Out, indent(s.Message))
		return
	}
	switch {
	case res.Already:
		f.Printf("git.submit.already")
	case res.Unchanged:
		f.Printf("git.submit.unchanged", res.Branch)
	default:
		f.Printf("git.submit.committed", short(res.Commit), res.Branch)
	}
	if res.Retries > 0 {
		f.Printf("git.submit.retried", res.Retries)
	}
	if len(res.Dropped) > 0 {
		f.Warnf("git.history_rewritten", len(res.Dropped), strings.Join(res.Dropped, "; "))
	}
	if len(res.Updated) > 0 {
		f.Printf("git.submit.updated", len(res.Updated))
	}
	switch {
	case res.Pending:
		f.Printf("git.submit.pending", res.RemoteURL, short(res.Commit))
	case s.NoPush:
		f.Printf("git.submit.no_push")
	case res.Pushed && s.PushBranch != "":
		f.Printf("git.submit.pushed", res.RemoteURL, res.Branch)
		f.Printf("git.submit.branch", s.PushBranch, s.Branch)
		if u := compareURL(res.RemoteURL, s.Branch, s.PushBranch); u != "" {
			f.Printf("git.submit.compare", u)
		}
	case res.Pushed:
		f.Printf("git.submit.pushed", res.RemoteURL, res.Branch)
	}
}

func indent(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("    " + line + "\n")
	}
	return b.String()
}

func short(h string) string {
	if len(h) > 10 {
		return h[:10]
	}
	return h
}

// compareURL is where a forge opens a pull request from branch into base ("" for an unknown forge).
func compareURL(remote, base, branch string) string {
	u := strings.TrimSuffix(strings.TrimSuffix(remote, "/"), ".git")
	switch {
	case strings.HasPrefix(u, "https://github.com/"), strings.HasPrefix(u, "https://gitea."), strings.HasPrefix(u, "https://codeberg.org/"):
		return u + "/compare/" + base + "..." + branch + "?expand=1"
	case strings.HasPrefix(u, "https://gitlab."):
		return u + "/-/merge_requests/new?merge_request%5Bsource_branch%5D=" + branch + "&merge_request%5Btarget_branch%5D=" + base
	}
	return ""
}

// refuse prints the findings that stop the submission and exits 1.
func refuse(o *Options, fs []finding.Finding, files int) error {
	finding.Sort(fs)
	if err := finding.Write(o.F.Out, "text", fs, finding.Summary{Files: files, Records: files}, o.F.Lang()); err != nil {
		return err
	}
	n := 0
	for _, f := range fs {
		if f.Severity == finding.Error {
			n++
		}
	}
	o.F.Warnf("git.submit.refused", n)
	return cmdutil.Findings()
}

// readItems reads, canonicalises and places each PATH. Content problems (unreadable YAML, oversized,
// a record that does not say where it belongs) are findings; a path that cannot be read is exit 2.
func readItems(o *Options, root string, l *workspace.Loaded) ([]*item, []finding.Finding, error) {
	wd, err := o.F.Getwd()
	if err != nil {
		return nil, nil, cmdutil.Env(err)
	}
	v, err := record.NewValidator()
	if err != nil {
		return nil, nil, err
	}
	maxBytes := int64(record.DefaultMaxBytes)
	if m := l.Repo.Settings.Policy.MaxFileBytes; m > 0 {
		maxBytes = m
	}
	var items []*item
	var probs []finding.Finding
	byWant := map[string]*item{}
	for _, p := range o.Paths {
		it := locate(root, wd, p)
		abs := it.abs
		display := p
		st, err := os.Lstat(abs) // a symlink is refused, never followed; a FIFO is never opened
		if err == nil {
			if pr := datarepo.EntryProblem(root, abs, display, st.Mode()); pr != nil {
				probs = append(probs, *pr)
				continue
			}
			if pr := hiddenTxt(abs, display); pr != nil && !st.IsDir() {
				probs = append(probs, *pr)
				continue
			}
		}
		if err != nil || st.IsDir() {
			msg := i18n.M("win.os.is_dir")
			if err != nil {
				msg = oserr.Msg(err)
			}
			return nil, nil, cmdutil.Env(i18n.Errorf("cli.no_path", p, msg))
		}
		fail := func(m i18n.Msg, line int) {
			probs = append(probs, finding.Finding{Rule: "yaml", Severity: finding.Error,
				Pos: finding.Pos{File: display, Line: line, Column: 1}, Msg: m})
		}
		if st.Size() > maxBytes {
			fail(i18n.M("git.submit.too_big", st.Size(), maxBytes), 1)
			continue
		}
		fh, err := os.Open(abs)
		if err != nil {
			return nil, nil, cmdutil.Env(i18n.Errorf("cli.no_path", p, oserr.Msg(err)))
		}
		data, err := io.ReadAll(io.LimitReader(fh, maxBytes+1))
		fh.Close()
		if err != nil {
			return nil, nil, cmdutil.Env(i18n.Errorf("cli.no_path", p, oserr.Msg(err)))
		}
		if int64(len(data)) > maxBytes {
			fail(i18n.M("git.submit.too_big", len(data), maxBytes), 1)
			continue
		}
		// Where it belongs comes from its content; decode once to find out. A record whose place a clerk wrote
		// the way clerks do ("date: 03/8/2026") is placed as the canonical form coord fmt gives it, which is
		// what is committed.
		first := record.Decode(display, data, v)
		want, unsafe, ok := datarepo.ExpectedPath(withBase(first, abs), l.Repo.Loc)
		if !ok && unsafe == "" {
			if pre, _, err := recordfmt.FormatBytes(data, ""); err == nil && pre != nil {
				f := record.Decode(display, pre, v)
				if w, u, found := datarepo.ExpectedPath(withBase(f, abs), l.Repo.Loc); found && f.Value != nil {
					first, want, unsafe, ok = f, w, u, found
				}
			}
		}
		if unsafe != "" || !ok || first.Value == nil {
			bad := false
			for _, pr := range first.Problems {
				if pr.Severity == finding.Error {
					probs = append(probs, pr)
					bad = true
				}
			}
			if unsafe != "" {
				fail(i18n.M("rule.path.unsafe", unsafe), 1)
			} else if !bad {
				fail(i18n.M("git.submit.no_place", p), 1)
			}
			continue
		}
		canon, fprobs, err := recordfmt.FormatBytes(data, want)
		if err != nil {
			return nil, nil, cmdutil.Env(err)
		}
		for _, pr := range fprobs {
			fail(pr.Msg, pr.Line)
		}
		if canon == nil {
			if len(fprobs) == 0 {
				probs = append(probs, first.Problems...)
			}
			continue
		}
		if prev := byWant[want]; prev != nil {
			return nil, nil, cmdutil.Usage(i18n.Errorf("git.submit.same_place", prev.src, p, want))
		}
		it.want, it.content = want, canon
		it.file = record.Decode(want, canon, v)
		byWant[want] = it
		items = append(items, it)
	}
	return items, probs, nil
}

// withBase gives a decoded file the base name of its source, which names documents and conclusions.
func withBase(f *record.File, abs string) *record.File {
	c := *f
	c.Path = filepath.Base(abs)
	return &c
}

// others is what a submission is validated against besides the loaded repo: the records the server
// brought since the clone's base (BeforePush), decoded, and the paths it deleted.
type others struct {
	files []*record.File
	gone  map[string]bool
}

// validate overlays the submitted records (and the others' records, when the server brought some) on the
// loaded repo and runs every rule. It returns the findings about the submission — in its files, or pointing
// at them — and how many of them block it: errors in a submitted file, except overlaps and joint mismatches
// with other offices, which are the coordinator's to settle and are shown as warnings; and errors on an
// others' record that point at a submitted one (a number both use: theirs reached the server first).
// The loaded repo is not changed, so validate can run again on top of other offices' work.
func validate(l *workspace.Loaded, items []*item, root, branch string, submitted map[string]time.Time, oth others) ([]finding.Finding, int) {
	sub := map[string]bool{}
	gone := map[string]bool{}
	for _, it := range items {
		sub[it.want] = true
		if it.srcRel != "" && it.srcRel != it.want {
			gone[it.srcRel] = true // the same record, found by the loader at its draft path
		}
	}
	theirs := map[string]bool{}
	var over []*record.File
	for p := range oth.gone {
		if !sub[p] {
			gone[p] = true
		}
	}
	for _, f := range oth.files {
		if !sub[f.Path] && !gone[f.Path] {
			over = append(over, f)
			theirs[f.Path] = true
		}
	}
	for _, it := range items {
		delete(gone, it.want)
		over = append(over, it.file)
	}
	repo := l.Repo.Overlay(over, gone)
	// The numbers committed in the series the submitted documents and conclusions could reuse.
	if nums := committedNumbers(root, branch, items, repo, gone); len(nums) > 0 {
		repo = repo.Overlay(nums, nil)
	}
	ctx := rules.NewContext(repo, l.Ctx.Now, l.Ctx.Policy)
	ctx.PolicyProblems = l.Ctx.PolicyProblems
	ctx.Submitted = submitted
	ctx.Entered = l.Ctx.Entered
	var mine []finding.Finding
	blocking := 0
	for _, f := range rules.Run(ctx, rules.All()) {
		pointsAtMine := false
		for _, r := range f.Related {
			pointsAtMine = pointsAtMine || sub[r.File]
		}
		if !sub[f.File] && !pointsAtMine {
			continue
		}
		if theirs[f.File] && pointsAtMine {
			f = turnAround(f, repo)
		}
		advisory := rules.Advisory(f.Rule) // conflicts between offices are the coordinator's to settle; an overdue petition is late, not wrong
		if f.Severity == finding.Error {
			if !advisory && (sub[f.File] || theirs[f.File] && pointsAtMine) {
				blocking++
			} else {
				f.Severity = finding.Warning
			}
		}
		mine = append(mine, f)
	}
	return mine, blocking
}

// turnAround puts a number both a submitted record and an others' record use on the submitted one: the
// others' record reached the server first, so the number is the submission's to change (doc/number calls
// the earlier date, then the first path, the first use, which at the same moment may be either).
func turnAround(f finding.Finding, repo *datarepo.Repo) finding.Finding {
	if f.Rule != "doc/number" || len(f.Related) != 1 {
		return f
	}
	ours := repo.File(f.Related[0].File)
	if ours == nil {
		return f
	}
	var num string
	switch v := ours.Value.(type) {
	case *record.Document:
		num = v.Number
	case *record.Conclusion:
		num = v.Number
	}
	if n, err := docnum.Parse(num); err == nil {
		num = n.String()
	}
	return finding.Finding{Rule: f.Rule, Severity: f.Severity, Pos: f.Related[0],
		Msg: i18n.M("rule.docnum.reused", num, f.File), Subject: f.Subject, Related: []finding.Pos{f.Pos}}
}

// submittedTimes is when each programme first reached main (deadline/late), read once per submission so
// that a second check judges deadlines as the first did: the loader knows it for the programmes it read;
// otherwise a submitted programme's may still be on main.
func submittedTimes(l *workspace.Loaded, items []*item, root, branch string) map[string]time.Time {
	out := map[string]time.Time{}
	for p, t := range l.Ctx.Submitted {
		out[p] = t
	}
	var programmes bool
	for _, it := range items {
		programmes = programmes || it.file.Kind == record.KindProgramme
	}
	if programmes && l.Ctx.Submitted == nil {
		if added, err := gitrepo.FirstAddedIn(root, branch, "programmes/"); err == nil {
			for p, t := range added {
				out[p] = t
			}
		}
	}
	return out
}

// recheck is BeforePush: when the server brought other offices' work since the clone's base, the submission
// is validated again on top of it. The findings that are new are printed (overlaps and joint mismatches
// stay warnings for the coordinator); a blocking one refuses the submission (gitrepo.Refusal: exit 1, the
// commit taken back, the clerk's file kept). seen holds the findings already printed.
func recheck(o *Options, l *workspace.Loaded, items []*item, root, branch string, submitted map[string]time.Time, seen map[string]bool) func(map[string][]byte) error {
	return func(brought map[string][]byte) error {
		v, err := record.NewValidator()
		if err != nil {
			return err
		}
		maxBytes := int64(record.DefaultMaxBytes)
		if m := l.Repo.Settings.Policy.MaxFileBytes; m > 0 {
			maxBytes = m
		}
		oth := others{gone: map[string]bool{}}
		for p, data := range brought {
			switch {
			case !isRecordPath(p):
			case data == nil:
				oth.gone[p] = true
			case int64(len(data)) <= maxBytes: // an oversized record is refused unread, as the loader does
				oth.files = append(oth.files, record.Decode(p, data, v))
			}
		}
		again, _ := validate(l, items, root, branch, submitted, oth)
		var fresh []finding.Finding
		errs := 0
		for _, f := range again {
			k := findingKey(f)
			if seen[k] {
				continue
			}
			seen[k] = true
			fresh = append(fresh, f)
			if f.Severity == finding.Error {
				errs++
			}
		}
		if len(fresh) == 0 {
			return nil
		}
		finding.Sort(fresh)
		o.F.Warnf("git.submit.recheck")
		if err := finding.Write(o.F.Out, "text", fresh, finding.Summary{Files: len(items), Records: len(items)}, o.F.Lang()); err != nil {
			return err
		}
		if errs > 0 {
			return gitrepo.Refusal(i18n.Errorf("git.submit.recheck_refused", errs))
		}
		o.F.Warnf("git.submit.recheck_warnings", len(fresh))
		return nil
	}
}

// findingKey identifies a finding across two validations of the same submission.
func findingKey(f finding.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s:%d:%d|%s", f.Rule, f.Severity, f.File, f.Line, f.Column, f.Msg.Render(i18n.EN))
	for _, r := range f.Related {
		fmt.Fprintf(&b, "|%s:%d:%d", r.File, r.Line, r.Column)
	}
	return b.String()
}

// isRecordPath is whether a repo path holds a record the loader would read: coord.yaml, or a YAML file
// under one of the record folders.
func isRecordPath(p string) bool {
	if p == datarepo.SettingsFile {
		return true
	}
	top, _, ok := strings.Cut(p, "/")
	return ok && slices.Contains(datarepo.RecordDirs, top) && datarepo.IsRecordName(path.Base(p))
}

// othersScope is which of the paths the server brought a recheck reads: what the submission is compared
// with (scope), the settings, and the folders whose numbers a submitted document or conclusion could share.
func othersScope(items []*item) func(string) bool {
	only := scope(items)
	if only == nil {
		return nil
	}
	var folders []string
	for _, it := range items {
		switch it.file.Value.(type) {
		case *record.Document, *record.Conclusion:
			if y, err := strconv.Atoi(strings.Split(it.want, "/")[1]); err == nil {
				for _, f := range datarepo.NumberFolders(y) {
					folders = append(folders, f+"/")
				}
			}
		}
	}
	numbers := datarepo.Under(folders...)
	return func(p string) bool { return p == datarepo.SettingsFile || only(p) || numbers(p) }
}

// message is the commit message: "<kind>(<OFFICE>): <period or id>" (or the user's subject) and, for each
// record, Coord-Kind, Coord-Office and Coord-Period or Coord-Id trailers.
func message(subject string, items []*item, coordinator, office string) string {
	var trailers [][2]string
	var subjects []string
	for _, it := range items {
		kind, off, key, id := describe(it, coordinator, office)
		subjects = append(subjects, fmt.Sprintf("%s(%s): %s", kind, off, id))
		trailers = append(trailers, [2]string{gitrepo.KindTrailer, kind}, [2]string{"Coord-Office", off}, [2]string{key, id})
	}
	if subject == "" {
		subject = subjects[0]
		if len(subjects) > 1 {
			subject += fmt.Sprintf(" (+%d)", len(subjects)-1)
		}
	}
	return gitrepo.Message(subject, trailers)
}

func describe(it *item, coordinator, office string) (kind, off, key, id string) {
	kind, off, key, id = it.file.Kind, office, "Coord-Id", it.want
	switch v := it.file.Value.(type) {
	case *record.Programme:
		off, key, id = v.Office, "Coord-Period", v.Period
	case *record.Consolidated:
		off, key, id = coordinator, "Coord-Period", v.Period
	case *record.Conclusion:
		off, id = v.Office, v.Number
	case *record.Document:
		off, id = v.Issuer, v.Number
	case *record.Petition:
		off, id = v.Office, v.ID
	}
	if off == "" {
		off = "-"
	}
	if kind == "" {
		kind = "record"
	}
	return kind, off, key, id
}

func isRegistry(rel string) bool { return strings.HasPrefix(rel, "registry/") }

// scope is what a submission decodes to be validated against (the README's "Submitting" asks submit to cost about
// what git costs, so it cannot read ten years of records): what the submitted records interact with
// (datarepo.Interacting), except the number series of documents and conclusions, which are compared with the
// committed numbers of the clone's numbers cache (committedNumbers). `coord check` in CI reads everything.
func scope(items []*item) func(rel string) bool {
	paths := make([]string, len(items))
	for i, it := range items {
		paths[i] = it.want
	}
	load, _, all := datarepo.Interacting(paths, false)
	if all {
		return nil
	}
	return load
}

// committedNumbers stands for the committed documents and conclusions whose number could be the same as a
// submitted one's: the same sequence number, in the folders of the submitted record's year and the five
// before. They come from the numbers cache (datarepo.CommittedNumbers), not from decoding the records; without
// a branch to read (a clone with no commit yet), the folders are decoded from the worktree.
func committedNumbers(root, branch string, items []*item, repo *datarepo.Repo, gone map[string]bool) []*record.File {
	seqs := map[int]bool{}
	in := map[string]bool{}
	for _, it := range items {
		var num string
		switch v := it.file.Value.(type) {
		case *record.Document:
			num = v.Number
		case *record.Conclusion:
			num = v.Number
		default:
			continue
		}
		n, err := docnum.Parse(num)
		if err != nil {
			continue // doc/number reports it on the record itself
		}
		seqs[n.Seq] = true
		if y, err := strconv.Atoi(strings.Split(it.want, "/")[1]); err == nil {
			for _, f := range datarepo.NumberFolders(y) {
				in[f] = true
			}
		}
	}
	if len(in) == 0 {
		return nil
	}
	folders := slices.Sorted(maps.Keys(in))
	// Only paths the repo (with the submission and the others' work over it) does not hold already.
	keep := func(p string) bool { return !gone[p] && repo.File(p) == nil }
	var out []*record.File
	uses, err := datarepo.NumbersAt(root, branch, folders, func(seq int) bool { return seqs[seq] })
	if err != nil {
		prefixes := make([]string, len(folders))
		for i, f := range folders {
			prefixes[i] = f + "/"
		}
		v, verr := record.NewValidator()
		if verr != nil {
			return nil
		}
		wt, lerr := datarepo.Load(root, datarepo.Options{Validate: v, Only: datarepo.Under(prefixes...)})
		if lerr != nil {
			return nil
		}
		for _, f := range wt.Files {
			if strings.HasPrefix(f.Path, "documents/") || strings.HasPrefix(f.Path, "conclusions/") {
				if keep(f.Path) {
					out = append(out, f)
				}
			}
		}
		return out
	}
	for _, u := range uses {
		if keep(u.Path) {
			out = append(out, u.File())
		}
	}
	return out
}
