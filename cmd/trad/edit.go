package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/examples"
	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/xdg"
	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
	"github.com/trad-project/trad/tm"
	"github.com/trad-project/trad/tui"
)

// editOptions are the flags and argument of `trad edit` (and of `trad FILE`).
type editOptions struct {
	File       string // article or .trad.json; "" = the bundled sample
	From, To   string
	Glossaries []string
	Project    string
	TM         []string // TMX files or folders, before the user's memory
	NoUser     bool     // neither the user's glossary folder nor memory folder
}

// addEditCommand wires the editor: `trad edit [FILE]`, and `trad [FILE]` as
// its shorthand; with no file both open the bundled sample article.
func addEditCommand(root *cobra.Command, s *streams) {
	rootOpts := &editOptions{}
	root.Args = cobra.MaximumNArgs(1)
	root.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 1 {
			rootOpts.File = args[0]
		}
		return editRun(s, rootOpts)
	}
	addEditFlags(root, rootOpts)

	opts := &editOptions{}
	edit := &cobra.Command{
		Use:   "edit [FILE]",
		Short: "Open an article or a project in the side-by-side editor",
		Long: `edit opens an article (.md, .txt) or a project file (NAME.trad.json) in the
editor: source segments on the left, your translation on the right, glossary
hits below or beside. Work is saved to the project file next to the article
(or --project): on every confirmed segment, two seconds after typing stops,
and on quit. Reopening resumes where you stopped.

With no FILE it opens the bundled sample article; its project lives in
$XDG_DATA_HOME/trad/ (default ~/.local/share/trad/).

Glossaries: files or folders given with --glossary come first, then
$XDG_CONFIG_HOME/trad/glossaries/, then the built-in glossary.
Translation memory: the TMX files given with --tm, the user's memory
($XDG_DATA_HOME/trad/tm/) and the project's confirmed segments; each confirmed
segment is added to the user's memory. Glossaries and memory load after the
editor opens ("loading memory…"). --no-user leaves out the user's glossary
folder and memory folder, and adds nothing to that memory: a clean session
(keys.json and config.json still apply).
Keys: see docs/keys.md; remap them in $XDG_CONFIG_HOME/trad/keys.json.
Settings (auto-insert of exact matches, repetitions, checks):
$XDG_CONFIG_HOME/trad/config.json, see docs/config.md.`,
		Example: `  trad
  trad edit article.fr.md --to de
  trad article.fr.md --glossary terms.tsv --glossary ~/team-glossaries
  trad edit article.fr.trad.json
  trad article.fr.md --tm ~/memories --tm client.tmx
  trad article.fr.md --no-user --glossary client.tsv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			return editRun(s, opts)
		},
	}
	addEditFlags(edit, opts)
	root.AddCommand(edit)
}

func addEditFlags(cmd *cobra.Command, o *editOptions) {
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "", "source language of a new project (default fr)")
	f.StringVar(&o.To, "to", "", "target language of a new project (default en)")
	f.StringArrayVar(&o.Glossaries, "glossary", nil, "glossary file or folder (repeatable; before the user and built-in glossaries)")
	f.StringVar(&o.Project, "project", "", "project file to use (default: NAME.trad.json next to the article)")
	f.StringArrayVar(&o.TM, "tm", nil, "translation memory: TMX file or folder of .tmx files (repeatable; with the user's memory)")
	f.BoolVar(&o.NoUser, "no-user", false, "do not load the user's glossary folder nor the user's memory folder (nor add to it)")
}

// editSession is everything the editor needs, prepared before the terminal
// is taken over so that errors print normally.
type editSession struct {
	doc         *segments.Document
	projectPath string
	opts        *editOptions
	keys        tui.KeyMap
	config      tui.Config
	notices     []string
	report      *segments.LoadReport // what resuming the project found
	store       *segments.Store      // saves, merging other processes' work
	mt          *mt.Service          // nil: no machine translation
	speller     *spell.Checker       // nil: spelling off
}

// close stops the session's subprocesses and writes the MT cache.
func (ses *editSession) close() error {
	if ses.speller != nil {
		ses.speller.Close()
	}
	if ses.mt != nil {
		if err := ses.mt.Close(); err != nil {
			return fmt.Errorf("machine translation cache: %w", err)
		}
	}
	return nil
}

// installSample writes the bundled article into dir (if it is missing or
// differs) and returns its path. The copy is trad's own, not the user's;
// it is still replaced atomically.
func installSample(dir string) (string, error) {
	name, data := examples.Article()
	path := filepath.Join(dir, name)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("install sample: %w", err)
	}
	if err := safefile.WriteFile(path, data, safefile.Options{}); err != nil {
		return "", fmt.Errorf("install sample %s: %w", path, err)
	}
	return path, nil
}

// prepareEdit opens the document (or the sample), the glossaries and the
// key map.
func prepareEdit(o *editOptions) (*editSession, error) {
	file, fetched, err := fetchedPath(o.File)
	if err != nil {
		return nil, fmt.Errorf("edit: %w", err)
	}
	project := o.Project
	if file == "" {
		// The sample and its project live in trad's data folder.
		var err error
		if file, err = installSample(xdg.DataDir()); err != nil {
			return nil, err
		}
		if project == "" {
			project = segments.ProjectPath(file)
		}
	}
	fresh := newProject(file, project)
	p, err := segments.OpenProject(file, segments.OpenOptions{Lang: o.From, Target: o.To, Project: project, By: "trad edit"})
	if err != nil {
		return nil, fmt.Errorf("edit: %w", err)
	}
	doc := p.Doc
	ses := &editSession{doc: doc, projectPath: p.Path(), opts: o, report: p.Report, store: p.Store}
	if fetched != "" {
		ses.notices = append(ses.notices, fetched)
	}
	for _, w := range p.Warnings {
		ses.notices = append(ses.notices, w.String())
	}
	// A resumed project's languages were decided when it was created.
	if fresh && o.From == "" {
		if n := languageNotice(doc, "--from"); n != "" {
			ses.notices = append(ses.notices, n)
		}
	}
	// Glossaries and memories load after the first frame (see load), but a
	// path that does not exist is a typo better reported at once.
	for _, p := range o.Glossaries {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("edit: glossary: %w", err)
		}
	}
	for _, p := range o.TM {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("edit: translation memory: %w", err)
		}
	}

	keys, kw, err := tui.LoadKeyMap(tui.KeyConfigPath())
	if err != nil {
		ses.notices = append(ses.notices, err.Error()+" (using the default keys)")
	}
	ses.keys = keys
	ses.notices = append(ses.notices, kw...)

	cfg, cw, err := tui.LoadConfig(tui.ConfigPath())
	if err != nil {
		ses.notices = append(ses.notices, err.Error()+" (using the default settings)")
	}
	ses.notices = append(ses.notices, cw...)
	ses.config = cfg
	// The first confirm looks up the segments with the same source: the
	// index of sources is built meanwhile, on another core (0.2 s for a
	// 50 MB article, four keystrokes' time).
	doc.PrepareRepetitions()
	// hunspell starts on the first check, off the UI path.
	sp, n := editSpeller(doc.TargetLang.String())
	if sp != nil {
		ses.speller = sp
	} else {
		ses.notices = append(ses.notices, n)
	}
	svc, n := editMT(cfg.MT, ses.projectPath, doc)
	if svc != nil {
		ses.mt = svc
	}
	if n != "" {
		ses.notices = append(ses.notices, n)
	}
	return ses, nil
}

// newProject reports whether opening file creates its project: it is an
// article whose project file (project, or the one beside it) does not exist.
func newProject(file, project string) bool {
	if segments.IsProjectPath(file) && project == "" {
		return false
	}
	if project == "" {
		project = segments.ProjectPath(file)
	}
	_, err := os.Stat(project)
	return errors.Is(err, os.ErrNotExist)
}

// load reads the glossaries and the translation memories; the editor runs
// it in a command after its first frame, with a snapshot of the document
// whose confirmed segments join the memory. Problems become notices: the
// editor is already open.
func (ses *editSession) load(snap *segments.Document) tui.Resources {
	var res tui.Resources
	o := ses.opts
	// The editor is already open: a glossary that cannot be read becomes a
	// notice, and the others still load.
	g, _ := mergeGlossaries(glossarySources{Paths: o.Glossaries, NoUser: o.NoUser, Lenient: true},
		func(msg string) { res.Notices = append(res.Notices, msg) })
	res.Hits = glossary.NewMatcher(g, snap.SourceLang.String(), snap.TargetLang.String())
	res.Glossary = g
	if ses.speller != nil {
		res.Spell = ses.speller
	}

	mem, tw, err := tm.Open(tm.Options{
		SourceLang: snap.SourceLang.String(), TargetLang: snap.TargetLang.String(), Paths: o.TM,
		NoUser: o.NoUser,
	})
	if err != nil {
		res.Notices = append(res.Notices, err.Error())
		mem = tm.New(snap.SourceLang.String(), snap.TargetLang.String())
	}
	for _, w := range tw {
		res.Notices = append(res.Notices, w.String())
	}
	mem.Add(tm.DocumentUnits(snap, ses.projectPath)...)
	res.Memory = mem
	return res
}

// editSpeller returns the spell checker of the target language lang, or
// nil and the one-line notice saying why spelling is off.
func editSpeller(lang string) (*spell.Checker, string) {
	sp, err := spell.New(lang)
	switch {
	case err == nil:
		return sp, ""
	case errors.Is(err, spell.ErrNoDictionary):
		return nil, fmt.Sprintf("spelling off: no %s dictionary", lang)
	case errors.Is(err, exec.ErrNotFound):
		return nil, "spelling off: hunspell is not installed"
	}
	return nil, "spelling off: " + err.Error()
}

// editMT returns the machine translation service of the session, and a
// notice when it cannot run. A confidential project (doc.NoMT) gets a
// Service that sends nothing. Without an "mt" section in config.json, an
// engine that cannot run is said in the matches pane only.
func editMT(cfg *mt.Config, projectPath string, doc *segments.Document) (*mt.Service, string) {
	svc, err := mt.New(mt.Options{Config: cfg, CachePath: mt.CachePath(projectPath), Forbidden: doc.NoMT})
	switch {
	case err == nil:
		return svc, ""
	case svc != nil: // the cache could not be read: rebuilt
		return svc, mt.Notice(err)
	case cfg == nil:
		return nil, ""
	}
	return nil, mt.Notice(err)
}

// saveMemory returns the function adding the confirmed segments to the
// user's memory folder, or nil with --no-user.
func (ses *editSession) saveMemory() func(*segments.Document) error {
	if ses.opts.NoUser {
		return nil
	}
	// One writer for the session: each save appends only the segments
	// confirmed or changed since the previous one to the memory's journal.
	w := tm.NewUserWriter("", ses.projectPath)
	return w.Save
}

// exporters are the formats of the ctrl+e picker, written next to the
// project. Names never collide with the source article.
func exporters(doc *segments.Document) []tui.Exporter {
	w := func(format string) func(io.Writer, *segments.Document) error {
		return func(out io.Writer, d *segments.Document) error {
			return bitext.Write(out, d, format, bitext.Options{ToolVersion: versionString()})
		}
	}
	targetExt := "txt"
	if doc.Format == "markdown" || doc.Format == "html" { // an html article is translated as Markdown
		targetExt = "md"
	}
	return []tui.Exporter{
		{Name: "TMX", Ext: "tmx", Write: w(bitext.FormatTMX)},
		{Name: "XLIFF", Ext: "xlf", Write: w(bitext.FormatXLIFF)},
		{Name: "Markdown", Ext: "bilingual.md", Write: w(bitext.FormatMD)},
		{Name: "TSV", Ext: "tsv", Write: w(bitext.FormatTSV)},
		{Name: "translation", Ext: doc.TargetLang.String() + "." + targetExt, Write: w(bitext.FormatTarget)},
	}
}

func editRun(s *streams, o *editOptions) error {
	out, ok := s.Out.(*os.File)
	in, inOK := s.In.(*os.File)
	if !ok || !inOK || !isTerminal(out) || !isTerminal(in) {
		return errors.New("edit: the editor needs a terminal (standard input and output); to see the segments of an article without one, run `trad segment FILE`")
	}
	// The limit holds from the start: opening a large project is the
	// first peak.
	defer limitMemory(editMemoryLimit)()
	ses, err := prepareEdit(o)
	if ce := (*segments.CorruptProjectError)(nil); errors.As(err, &ce) && offerBackup(s, ce) {
		ses, err = prepareEdit(o)
	}
	if err != nil {
		return err
	}
	for _, n := range ses.notices {
		fmt.Fprintln(s.Err, "trad:", n)
	}
	lock, readOnly, err := lockEditor(s, ses.projectPath)
	if err != nil {
		return err
	}
	defer func() {
		if err := lock.Release(); err != nil {
			fmt.Fprintln(s.Err, "trad:", err)
		}
	}()

	noColor := os.Getenv("NO_COLOR") != ""
	if noColor {
		// NO_COLOR forbids colour, not attributes: keep bold, underline and
		// reverse so the current row and glossary hits stay visible.
		lipgloss.SetColorProfile(termenv.ANSI)
	}
	// Ask the terminal for its background now: lipgloss would do it during
	// the first frame and swallow the keys typed meanwhile.
	lipgloss.SetHasDarkBackground(termenv.NewOutput(out).HasDarkBackground())
	defer tui.TuneGC()()
	projectPath := ses.projectPath
	m := tui.New(ses.doc, projectPath, ses.options(readOnly, noColor))
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithInput(in), tea.WithOutput(out), tea.WithoutSignalHandler())

	// SIGTERM, SIGHUP (terminal closed) and SIGINT save before exiting.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	defer signal.Stop(sigs)
	stopped := make(chan struct{})
	defer close(stopped)
	go forwardSignals(sigs, p, killAfter, stopped)

	final, runErr := p.Run()
	if err := ses.close(); err != nil {
		fmt.Fprintln(s.Err, "trad:", err)
	}
	fm, _ := final.(tui.Model)
	if fm.Unsaved() {
		if err := ses.rescue(fm); err != nil {
			return err
		}
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		return fmt.Errorf("edit: %w", runErr)
	}
	return nil
}

// options are the editor's options for this session.
func (ses *editSession) options(readOnly, noColor bool) tui.Options {
	return tui.Options{
		Load:       ses.load,
		Store:      ses.store,
		ReadOnly:   readOnly,
		SaveMemory: ses.saveMemory(),
		Config:     &ses.config,
		Keys:       &ses.keys,
		Notices:    ses.notices,
		Report:     ses.report,
		NoColor:    noColor,
		WordCount:  segments.WordCount,
		Exporters:  exporters(ses.doc),
		MT:         ses.mtService(),
		NoUser:     ses.opts.NoUser,
	}
}

// mtService is ses.mt as the editor's interface: nil stays nil.
func (ses *editSession) mtService() tui.MTService {
	if ses.mt == nil {
		return nil
	}
	return ses.mt
}

// rescue is the last save, once the program has stopped without saving
// everything (killed after a signal, or its terminal gone): I/O is allowed
// here. The editor's text, which quit did not commit, is kept as a draft.
// When the project cannot be written the work goes to a file in the
// temporary folder, named in the error.
func (ses *editSession) rescue(fm tui.Model) error {
	projectPath := ses.projectPath
	doc := fm.Rescue()
	if _, err := ses.store.Save(doc); err != nil {
		rescue := filepath.Join(os.TempDir(), "trad-rescue-"+filepath.Base(projectPath))
		if rerr := segments.Save(rescue, doc); rerr == nil {
			return &exitError{code: 1, err: fmt.Errorf("could not save %s: %v; your work is in %s", projectPath, err, rescue)}
		}
		return &exitError{code: 1, err: fmt.Errorf("could not save %s: %w", projectPath, err)}
	}
	return nil
}

// killAfter is how long the editor may take to save and quit after a
// signal before it is killed; editRun then saves what it has.
const killAfter = 5 * time.Second

// program is the part of *tea.Program that forwardSignals drives.
type program interface {
	Send(tea.Msg)
	Kill()
}

// forwardSignals asks p to save and quit on the first signal, and kills it
// on a second signal or when it has not stopped after wait (a save hanging
// on a dead network folder): a terminal closing or a service manager will
// not wait for ever. It returns when stopped is closed or p is killed.
func forwardSignals(sigs <-chan os.Signal, p program, wait time.Duration, stopped <-chan struct{}) {
	var deadline <-chan time.Time
	for {
		select {
		case <-stopped:
			return
		case <-sigs:
			if deadline == nil {
				p.Send(tui.SaveAndQuitMsg{})
				deadline = time.After(wait)
				continue
			}
			p.Kill()
			return
		case <-deadline:
			p.Kill()
			return
		}
	}
}

// offerBackup asks, on the terminal, whether to go back to the previous
// version of a damaged project. Yes restores it (the damaged file is kept
// beside it); anything else leaves both files as they are.
func offerBackup(s *streams, ce *segments.CorruptProjectError) bool {
	if ce.Backup == "" {
		return false
	}
	fmt.Fprintf(s.Err, "trad: project file %s is damaged: %v\n", ce.Path, ce.Err)
	fmt.Fprintf(s.Err, "Open the previous version from %s instead? The damaged file is kept. [y/N] ", filepath.Base(ce.Backup))
	line, _ := bufio.NewReader(s.In).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "o", "oui":
	default:
		fmt.Fprintln(s.Err, "trad: nothing changed")
		return false
	}
	kept, err := segments.RestoreBackup(ce.Path)
	if err != nil {
		fmt.Fprintln(s.Err, "trad:", err)
		return false
	}
	fmt.Fprintf(s.Err, "trad: restored the previous version; the damaged file is kept as %s\n", kept)
	return true
}
