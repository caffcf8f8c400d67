// Package tui is trad's editor: a Bubble Tea program showing a document's
// segments side by side with their translations, a target editor, a
// glossary pane, search, and saving that never loses confirmed work.
//
// Only Model implements tea.Model; the table, editor, glossary pane,
// header, status bar, search and go-to prompts are plain values with
// update/setSize/view methods, composed by Model. Model never does I/O in
// Update: saving, glossary look-ups, search and exports run as commands.
package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// Minimum window size; below it the editor shows a short message.
const (
	minWidth  = 30
	minHeight = 8
)

// autosaveDelay is how long after the last keystroke a draft is saved.
const autosaveDelay = 2 * time.Second

// Origins the editor stamps on targets the translator did not type.
const (
	OriginRepetition = "repetition" // copied from a confirmed segment with the same source
	OriginTM         = "tm"         // a translation-memory match confirmed unchanged
)

// Options configures New. Every field is optional.
type Options struct {
	// Hits finds glossary terms; production passes a *glossary.Matcher
	// through Load instead, so that the first frame does not wait for it.
	Hits HitFinder
	// Memory is the translation memory, when it is ready at start-up.
	Memory *tm.Memory
	// Load, when set, loads the glossary matcher and the memory in a
	// command started by Init, with a snapshot of the document; the editor
	// shows "loading memory…" until they arrive, and their Hits and Memory
	// replace the fields above.
	Load func(snapshot *segments.Document) Resources
	// SaveMemory writes the confirmed segments to the user's memory
	// (tm.SaveUser); it runs in a command with a snapshot, after confirms.
	SaveMemory func(*segments.Document) error
	// Config is the config.json settings; nil means DefaultConfig.
	Config *Config
	// Save writes a snapshot of the document (the project file). It runs
	// in a command, never in Update. Nil disables saving.
	Save func(*segments.Document) error
	// Keys is the key map; nil means DefaultKeyMap.
	Keys *KeyMap
	// Notices are shown in the status line at start-up (key map
	// conflicts, glossary warnings).
	Notices []string
	// Styles overrides the styles; nil means DefaultStyles, or MonoStyles
	// when NoColor is set.
	Styles  *Styles
	NoColor bool
	// WordCount counts a segment's words for the progress figures; nil
	// counts runs of letters and digits. Production passes segments.WordCount.
	WordCount func(string) int
	// Now is the clock stamped on changed segments; nil means time.Now.
	Now func() time.Time
	// Exporters are offered by the export picker (ctrl+e).
	Exporters []Exporter
	// ExportDir is where exports are written; "" means the project's folder.
	ExportDir string
	// Tick schedules msg after d. Tests replace it to run timers by hand;
	// nil means tea.Tick.
	Tick func(d time.Duration, msg tea.Msg) tea.Cmd
}

type mode int

const (
	modeBrowse mode = iota
	modeEdit
	modeSearch
	modeGoto
	modeConfirmQuit
	modeExport
)

// SaveAndQuitMsg asks the editor to save and exit, whatever the outcome of
// the save: cmd/trad sends it on SIGTERM and SIGHUP.
type SaveAndQuitMsg struct{}

// savedMsg reports the end of a save.
type savedMsg struct {
	ver    int
	cursor int
	err    error
	// snap is the snapshot that was saved, handed back so the next save can
	// reuse its memory (one save runs at a time).
	snap *segments.Document
}

// autosaveMsg fires autosaveDelay after a change; ver tags the change so
// only the last one of a burst saves.
type autosaveMsg struct{ ver int }

// retrySaveMsg retries a failed save.
type retrySaveMsg struct{}

// Model is the editor's root Bubble Tea model.
type Model struct {
	doc *segments.Document
	// spareSnap is the last saved snapshot, reused by the next save.
	spareSnap   *segments.Document
	projectPath string
	opts        Options
	st          *Styles
	keys        *KeyMap
	now         func() time.Time
	tick        func(time.Duration, tea.Msg) tea.Cmd

	width, height int
	tooSmall      bool
	mode          mode
	cur           int
	follow        bool // keep the cursor on screen (false after wheel scrolls)
	showPane      bool

	// The sub-models holding bubbles (textarea, textinput, help) are
	// pointers: those are kilobytes of styles, and Bubble Tea copies the
	// root model on every message.
	table  table
	editor *editor
	pane   glossaryPane
	header header
	status *statusBar
	search *search
	gotoP  *gotoPrompt
	export exportPicker
	hits   *hitStore
	prog   *progress
	// Translation memory, quality checks and the panes showing them.
	matches *matchStore
	mpane   matchPane
	issues  *issueStore
	qpane   qaPane
	cfg     Config
	finder  HitFinder
	loading bool
	// reps maps a segment to the others with the same source, built at
	// the first confirm.
	reps map[int][]int
	// autoFill is the segment waiting for its matches to auto-insert an
	// exact one (config tm.auto_insert_exact), -1 when none.
	autoFill int
	// usedMatch is the match target last put into the editor, to stamp
	// the segment's origin "tm" if it is confirmed unchanged.
	usedMatch string
	// qaGen tags the latest run of checkConfirmed.
	qaGen int
	// Saving the user's memory: one write at a time, the next queued.
	memSaving, memQueued bool
	// Pane layout, computed by layout, and the last pane area drawn.
	paneW, paneH int
	paneRight    bool
	paneCache    *paneCache

	// orig is the segment as it was when editing began, to restore it when
	// the translator leaves with the text unchanged.
	orig segments.Segment

	// Saving. version counts changes to the document; savedVersion is the
	// version of the last snapshot written.
	version, savedVersion int
	savedCursor           int
	saving, saveQueued    bool
	announceSave          bool
	saveErr               error
	saveFailures          int
	quitting              bool // quit once the save in flight succeeds
	forceQuit             bool // quit once the save ends, even if it failed
	typingVer             int
	done                  bool
}

// New returns the editor for doc, whose project file is projectPath (shown
// in the status line). The model keeps and changes doc.
func New(doc *segments.Document, projectPath string, opts Options) Model {
	st := opts.Styles
	if st == nil {
		s := DefaultStyles()
		if opts.NoColor {
			s = MonoStyles()
		}
		st = &s
	}
	keys := opts.Keys
	if keys == nil {
		k := DefaultKeyMap()
		keys = &k
	}
	count := opts.WordCount
	if count == nil {
		count = countWords
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	tick := opts.Tick
	if tick == nil {
		tick = func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		}
	}
	hits := newHitStore()
	prog := newProgress(doc, count)
	cfg := DefaultConfig()
	if opts.Config != nil {
		cfg = *opts.Config
	}
	if cfg.TM.MinScore <= 0 {
		cfg.TM.MinScore = tm.DefaultMin
	}
	issues := newIssueStore()
	ed := newEditor(keys.Edit.KeyMap, st)
	sb := newStatusBar(st, projectPath)
	se := newSearch(st)
	gp := newGoto(st)
	m := Model{
		doc:         doc,
		projectPath: projectPath,
		opts:        opts,
		st:          st,
		keys:        keys,
		now:         now,
		tick:        tick,
		follow:      true,
		showPane:    true,
		table:       newTable(doc, st, hits),
		editor:      &ed,
		pane:        glossaryPane{st: st, target: doc.TargetLang.String(), cache: &paneCache{}},
		status:      &sb,
		search:      &se,
		gotoP:       &gp,
		export:      newExportPicker(st, opts.Exporters),
		hits:        hits,
		prog:        &prog,
		savedCursor: doc.Cursor,
		matches:     newMatchStore(opts.Memory),
		mpane:       matchPane{st: st, project: projectPath, cache: &paneCache{}},
		paneCache:   &paneCache{},
		issues:      issues,
		qpane:       qaPane{st: st},
		cfg:         cfg,
		finder:      opts.Hits,
		loading:     opts.Load != nil,
		autoFill:    -1,
	}
	m.table.issues = issues
	m.header = newHeader(st, doc, projectPath, m.prog)
	if n := len(doc.Segments); n > 0 {
		m.cur = min(max(doc.Cursor, 0), n-1)
	}
	doc.Cursor = m.cur
	if len(opts.Notices) > 0 {
		m.status.set(strings.Join(opts.Notices, "; "), true)
	} else if m.loading {
		m.status.set("loading memory…", false)
	}
	return m
}

// Document returns the document being edited.
func (m Model) Document() *segments.Document { return m.doc }

// Unsaved reports whether the document has changes that are not on disk.
func (m Model) Unsaved() bool {
	return m.opts.Save != nil && (m.version != m.savedVersion || m.doc.Cursor != m.savedCursor || m.editing() && m.editor.value() != m.doc.Segments[m.cur].Target)
}

// Rescue returns the document with the editor's text kept in it as a draft
// (as leaving with esc does), for the last save cmd/trad makes when the
// program ended without quitting: killed after a signal, or its terminal
// gone. It changes the document, so call it only once the program has
// stopped.
func (m Model) Rescue() *segments.Document {
	if m.editing() {
		m.commitDraft()
	}
	return m.doc
}

// Init implements tea.Model. It starts loading the glossary and the memory
// when Options.Load is set, or else checking the confirmed segments.
func (m Model) Init() tea.Cmd {
	if m.opts.Load == nil {
		// Init cannot change the model: the run keeps New's qaGen.
		return m.checkConfirmed(m.qaGen)
	}
	load, snap := m.opts.Load, m.doc.Clone()
	return func() tea.Msg { return resourcesMsg{res: load(snap)} }
}

func (m Model) editing() bool { return m.mode == modeEdit && m.editor.seg >= 0 }

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		m.follow = true
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && m.mode != modeEdit && m.mode != modeSearch && m.mode != modeGoto {
			// Keys typed faster than the terminal is read arrive as one
			// message ("jjq"); outside text fields each is a command.
			for _, r := range msg.Runes {
				cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
				if m.done || m.mode != modeBrowse {
					// The rest would belong to the field just opened; a
					// terminal only batches keys typed ahead, so drop them.
					break
				}
			}
		} else {
			cmds = append(cmds, m.handleKey(msg))
		}
	case tea.MouseMsg:
		cmds = append(cmds, m.handleMouse(msg))
	case hitsMsg:
		for _, i := range m.hits.store(msg) {
			m.table.touch(i)
		}
	case resourcesMsg:
		cmds = append(cmds, m.onResources(msg.res))
	case qaAllMsg:
		cmds = append(cmds, m.onQAAll(msg))
	case matchesMsg:
		if m.matches.store(msg) {
			cmds = append(cmds, m.maybeAutoInsert(msg.seg))
		}
	case memorySavedMsg:
		cmds = append(cmds, m.onMemorySaved(msg))
	case savedMsg:
		cmds = append(cmds, m.onSaved(msg))
	case autosaveMsg:
		if msg.ver == m.typingVer {
			if m.editing() {
				m.commitDraft()
			}
			if m.dirty() {
				cmds = append(cmds, m.save(false))
			}
		}
	case retrySaveMsg:
		if m.saveErr != nil && !m.saving {
			cmds = append(cmds, m.save(false))
		}
	case clearStatusMsg:
		m.status.clear(msg.id)
	case searchMsg:
		cmds = append(cmds, m.onSearch(msg))
	case exportedMsg:
		if msg.err != nil {
			m.status.set(msg.err.Error(), true)
		} else {
			cmds = append(cmds, m.flash("exported "+msg.path))
		}
	case SaveAndQuitMsg:
		m.forceQuit = true
		cmds = append(cmds, m.quit())
	default:
		if m.editing() {
			// Paste results and other textarea messages.
			changed, cmd := m.editor.update(msg)
			cmds = append(cmds, cmd)
			if changed {
				cmds = append(cmds, m.typed())
			}
		}
	}
	if m.done {
		return m, tea.Batch(append(cmds, tea.Quit)...)
	}
	cmds = append(cmds, m.afterUpdate())
	return m, tea.Batch(cmds...)
}

// afterUpdate keeps the cursor on screen and asks for the glossary hits of
// the rows on screen that are not known yet.
func (m *Model) afterUpdate() tea.Cmd {
	if m.tooSmall || len(m.doc.Segments) == 0 || m.width == 0 {
		return nil
	}
	er := 0
	if m.editing() {
		er = m.editor.rows()
	}
	if m.follow {
		cl := -1
		if m.editing() {
			cl = m.editor.cursorRow()
		}
		m.table.ensureVisible(m.cur, er, cl)
	}
	seg := &m.doc.Segments[m.cur]
	mcmd := m.matches.request(m.cur, seg.Source, tm.SegmentContext(m.doc, m.cur), m.cfg.TM.MinScore)
	if m.finder == nil {
		return mcmd
	}
	want := map[int]string{}
	if !m.hits.known(m.cur) {
		want[m.cur] = m.doc.Segments[m.cur].Source
	}
	for _, r := range m.table.layout(m.cur, er) {
		if !m.hits.known(r.seg) {
			want[r.seg] = m.doc.Segments[r.seg].Source
		}
	}
	return tea.Batch(mcmd, m.hits.request(m.finder, want))
}

// setSize lays the screen out: header, table (and pane), status, help.
func (m *Model) setSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.layout()
}

func (m *Model) helpHeight() int {
	if m.status.help.ShowAll {
		return 7
	}
	return 1
}

func (m *Model) layout() {
	w, h := m.width, m.height
	m.tooSmall = w < minWidth || h < minHeight
	if m.tooSmall {
		return
	}
	m.header.setSize(w)
	m.status.setSize(w)
	if m.status.help.ShowAll && h-2-m.helpHeight() < 4 {
		m.status.help.ShowAll = false
	}
	body := h - 2 - m.helpHeight()
	tw, th := w, body
	m.paneW, m.paneH, m.paneRight = 0, 0, false
	if m.showPane {
		if w >= paneRightMin {
			tw = w - paneRightWidth
			m.paneW, m.paneH, m.paneRight = paneRightWidth, body, true
		} else {
			ph := min(max(body/3, 3), 12)
			if body-ph < 3 {
				ph = 0
			}
			th = body - ph
			m.paneW, m.paneH = w, ph
		}
	}
	m.table.setSize(tw, th)
	_, tgtW := m.table.columns()
	m.editor.setWidth(tgtW)
}

// flash shows a transient message and schedules its removal.
func (m *Model) flash(s string) tea.Cmd {
	id := m.status.set(s, false)
	return m.tick(messageTTL, clearStatusMsg{id: id})
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if len(m.doc.Segments) == 0 {
		if key.Matches(msg, m.keys.Browse.Quit) {
			return m.quit()
		}
		return nil
	}
	switch m.mode {
	case modeEdit:
		return m.editKey(msg)
	case modeSearch:
		return m.searchKey(msg)
	case modeGoto:
		return m.gotoKey(msg)
	case modeConfirmQuit:
		return m.confirmQuitKey(msg)
	case modeExport:
		return m.exportKey(msg)
	}
	return m.browseKey(msg)
}

func (m *Model) browseKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys.Browse
	n := len(m.doc.Segments)
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Up):
		return m.moveTo(m.cur - 1)
	case key.Matches(msg, k.Down):
		return m.moveTo(m.cur + 1)
	case key.Matches(msg, k.PageUp):
		return m.moveTo(m.cur - m.pageSize())
	case key.Matches(msg, k.PageDown):
		return m.moveTo(m.cur + m.pageSize())
	case key.Matches(msg, k.Top):
		return m.moveTo(0)
	case key.Matches(msg, k.Bottom):
		return m.moveTo(n - 1)
	case key.Matches(msg, k.NextUntranslated):
		return m.nextUntranslated(1)
	case key.Matches(msg, k.PrevUntranslated):
		return m.nextUntranslated(-1)
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		m.search.open()
	case key.Matches(msg, k.NextMatch):
		return m.jumpMatch(1)
	case key.Matches(msg, k.PrevMatch):
		return m.jumpMatch(-1)
	case key.Matches(msg, k.Goto):
		m.mode = modeGoto
		m.gotoP.open()
	case key.Matches(msg, k.Edit):
		return m.startEdit(m.cur)
	case key.Matches(msg, k.Review):
		return m.toggleReviewed()
	case key.Matches(msg, k.Save):
		return m.save(true)
	case key.Matches(msg, k.Glossary):
		m.showPane = !m.showPane
		m.layout()
	case key.Matches(msg, k.Help):
		m.status.help.ShowAll = !m.status.help.ShowAll
		m.layout()
	case key.Matches(msg, k.Export):
		if len(m.export.items) == 0 {
			return m.flash("export: no exporters available")
		}
		m.mode = modeExport
		m.export.open()
	}
	for n := range k.UseMatch {
		if key.Matches(msg, k.UseMatch[n]) {
			return m.useMatchBrowse(n)
		}
	}
	return nil
}

// pageSize is how many segments a page key moves: the rows on screen, less one.
func (m *Model) pageSize() int {
	return max(len(m.table.layout(m.cur, 0))-1, 1)
}

// moveTo makes segment i current (clamped) and schedules saving the cursor.
func (m *Model) moveTo(i int) tea.Cmd {
	n := len(m.doc.Segments)
	if n == 0 {
		return nil
	}
	i = min(max(i, 0), n-1)
	if i == m.cur {
		return nil
	}
	m.cur = i
	m.doc.Cursor = i
	// The cursor goes to disk with the next save; a quiet autosave makes
	// sure that happens even if nothing else changes.
	m.typingVer++
	return m.tick(autosaveDelay, autosaveMsg{ver: m.typingVer})
}

func (m *Model) nextUntranslated(dir int) tea.Cmd {
	n := len(m.doc.Segments)
	for step := 1; step < n; step++ {
		i := ((m.cur+dir*step)%n + n) % n
		if !m.doc.Segments[i].Status.Confirmed() {
			cmd := m.moveTo(i)
			if (dir > 0 && i < m.cur) || (dir < 0 && i > m.cur) {
				return tea.Batch(cmd, m.flash("wrapped around"))
			}
			return cmd
		}
	}
	if !m.doc.Segments[m.cur].Status.Confirmed() {
		return m.flash("this is the only untranslated segment")
	}
	return m.flash("every segment is translated")
}

// setSegment changes segment i's target and status, keeping the progress
// figures and the row cache in step.
func (m *Model) setSegment(i int, target string, st segments.Status) {
	s := &m.doc.Segments[i]
	if s.Target == target && s.Status == st {
		return
	}
	if s.Target != target {
		// A new text: its origin and findings were the old text's.
		s.Origin = ""
		if m.issues.drop(i) {
			m.table.touch(i)
		}
	}
	m.prog.change(i, s.Status, st)
	m.doc.SetTarget(i, target, st, m.now())
	m.table.touch(i)
	m.version++
}

func (m *Model) toggleReviewed() tea.Cmd {
	s := &m.doc.Segments[m.cur]
	switch {
	case s.Target == "":
		return m.flash("nothing to review: this segment has no translation")
	case s.Status == segments.StatusReviewed:
		m.setSegment(m.cur, s.Target, segments.StatusTranslated)
	default:
		m.setSegment(m.cur, s.Target, segments.StatusReviewed)
	}
	return m.save(false)
}

// startEdit opens the editor on segment i.
func (m *Model) startEdit(i int) tea.Cmd {
	m.orig = m.doc.Segments[i]
	m.mode = modeEdit
	m.usedMatch = ""
	_, tw := m.table.columns()
	m.editor.setWidth(tw)
	cmd := m.editor.open(i, m.doc.Segments[i].Target)
	m.autoFill = -1
	if m.cfg.TM.AutoInsertExact && m.doc.Segments[i].Target == "" {
		// Only when the translator asked for it (config.json): by default
		// an empty segment opens empty.
		m.autoFill = i
		return tea.Batch(cmd, m.maybeAutoInsert(i))
	}
	return cmd
}

// commitDraft puts the editor's text into the document: draft when it
// differs from the text editing began with, the original segment when the
// translator came back to it.
func (m *Model) commitDraft() {
	i := m.editor.seg
	v := m.editor.value()
	if v == m.doc.Segments[i].Target {
		return
	}
	if v == m.orig.Target {
		m.prog.change(i, m.doc.Segments[i].Status, m.orig.Status)
		m.doc.Segments[i] = m.orig
		m.table.touch(i)
		m.version++
		return
	}
	m.setSegment(i, v, segments.StatusDraft)
}

// leaveEdit closes the editor keeping its text.
func (m *Model) leaveEdit() tea.Cmd {
	if !m.editing() {
		m.mode = modeBrowse
		return nil
	}
	m.commitDraft()
	m.editor.close()
	m.mode = modeBrowse
	if m.dirty() {
		return m.save(false)
	}
	return nil
}

// confirm marks the edited segment translated, saves at once, and opens
// the next segment.
func (m *Model) confirm() tea.Cmd {
	i := m.editor.seg
	v := m.editor.value()
	switch {
	case v == "" && m.orig.Target == "":
		// Nothing typed: leave the segment as it was and move on.
		m.doc.Segments[i] = m.orig
	case v == "":
		m.setSegment(i, "", segments.StatusNew)
	default:
		m.setSegment(i, v, segments.StatusTranslated)
		if v == m.usedMatch && m.doc.Segments[i].Origin == "" {
			m.doc.Segments[i].Origin = OriginTM
		}
	}
	var cmds []tea.Cmd
	note := ""
	if m.doc.Segments[i].Status.Confirmed() {
		var cmd tea.Cmd
		cmd, note = m.afterConfirm(i)
		cmds = append(cmds, cmd)
	}
	if m.dirty() {
		cmds = append(cmds, m.save(false))
	}
	m.editor.close()
	m.mode = modeBrowse
	if i+1 < len(m.doc.Segments) {
		cmds = append(cmds, m.moveTo(i+1), m.startEdit(i+1))
	} else {
		note = strings.TrimPrefix(note+" · last segment", " · ")
	}
	if note != "" {
		cmds = append(cmds, m.flash(fmt.Sprintf("segment %d: %s", i+1, note)))
	}
	return tea.Batch(cmds...)
}

// typed records a change of the editor's text and schedules the draft autosave.
func (m *Model) typed() tea.Cmd {
	m.typingVer++
	return m.tick(autosaveDelay, autosaveMsg{ver: m.typingVer})
}

func (m *Model) editKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys.Edit
	switch {
	case key.Matches(msg, k.Confirm):
		return m.confirm()
	case key.Matches(msg, k.Leave):
		return m.leaveEdit()
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Save):
		m.commitDraft()
		return m.save(true)
	case key.Matches(msg, k.Glossary):
		m.showPane = !m.showPane
		m.layout()
		return nil
	case key.Matches(msg, k.CopySource):
		m.editor.replace(sanitize(m.doc.Segments[m.cur].Source))
		return m.typed()
	case key.Matches(msg, k.Undo):
		if !m.editor.undoStep() {
			return m.flash("nothing to undo")
		}
		return m.typed()
	case key.Matches(msg, k.Redo):
		if !m.editor.redoStep() {
			return m.flash("nothing to redo")
		}
		return m.typed()
	}
	for n := range k.InsertHit {
		if key.Matches(msg, k.InsertHit[n]) {
			return m.insertHit(n)
		}
	}
	for n := range k.ReplaceMatch {
		switch {
		case key.Matches(msg, k.ReplaceMatch[n]):
			return m.useMatch(n, true)
		case key.Matches(msg, k.InsertMatch[n]):
			return m.useMatch(n, false)
		}
	}
	changed, cmd := m.editor.update(msg)
	if changed {
		return tea.Batch(cmd, m.typed())
	}
	return cmd
}

// insertHit inserts glossary hit n's preferred translation at the cursor.
func (m *Model) insertHit(n int) tea.Cmd {
	hits := m.hits.get(m.cur)
	if n >= len(hits) {
		return m.flash(fmt.Sprintf("no glossary hit %d in this segment", n+1))
	}
	h := hits[n]
	if len(h.Targets) == 0 {
		return m.flash(fmt.Sprintf("%q has no %s translation in the glossary", h.Text, m.doc.TargetLang))
	}
	m.editor.insert(sanitizeLine(h.Targets[0]))
	return m.typed()
}

func (m *Model) searchKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.search.close()
		m.mode = modeBrowse
		return nil
	case tea.KeyEnter:
		q := strings.TrimSpace(m.search.input.Value())
		m.search.close()
		m.mode = modeBrowse
		if q == "" {
			return nil
		}
		m.search.gen++
		n := len(m.doc.Segments)
		src, tgt := make([]string, n), make([]string, n)
		for i := range m.doc.Segments {
			src[i], tgt[i] = m.doc.Segments[i].Source, m.doc.Segments[i].Target
		}
		return searchCmd(m.search.gen, q, src, tgt)
	}
	return m.search.update(msg)
}

func (m *Model) onSearch(msg searchMsg) tea.Cmd {
	if msg.gen != m.search.gen {
		return nil
	}
	if m.table.hl.setQuery(msg.query) {
		// Rows drawn with the old query's highlights, and those that get
		// the new ones, must be drawn again.
		for _, i := range m.search.matches {
			m.table.touch(i)
		}
		for _, i := range msg.matches {
			m.table.touch(i)
		}
	}
	m.search.query, m.search.matches = msg.query, msg.matches
	if len(msg.matches) == 0 {
		return m.flash(fmt.Sprintf("no match for %q", msg.query))
	}
	seg, pos := m.search.first(m.cur)
	return tea.Batch(m.moveTo(seg), m.flash(fmt.Sprintf("match %d/%d for %q", pos+1, len(msg.matches), msg.query)))
}

func (m *Model) jumpMatch(dir int) tea.Cmd {
	if m.search.query == "" {
		return m.flash("no search yet: press / to search")
	}
	seg, pos := m.search.next(m.cur, dir)
	if seg < 0 {
		return m.flash(fmt.Sprintf("no match for %q", m.search.query))
	}
	return tea.Batch(m.moveTo(seg), m.flash(fmt.Sprintf("match %d/%d for %q", pos+1, len(m.search.matches), m.search.query)))
}

func (m *Model) gotoKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.gotoP.close()
		m.mode = modeBrowse
		return nil
	case tea.KeyEnter:
		i, ok := m.gotoP.target(len(m.doc.Segments))
		m.gotoP.close()
		m.mode = modeBrowse
		if !ok {
			return m.flash("go to: type a segment number")
		}
		return m.moveTo(i)
	}
	return m.gotoP.update(msg)
}

// dirty reports whether something is not saved yet.
func (m *Model) dirty() bool {
	return m.version != m.savedVersion || m.doc.Cursor != m.savedCursor
}

// save starts saving a snapshot of the document, or queues a save if one is
// running. announce shows "saved" when it succeeds.
func (m *Model) save(announce bool) tea.Cmd {
	if m.opts.Save == nil {
		if announce {
			return m.flash("no project file: nothing saved")
		}
		return nil
	}
	m.announceSave = m.announceSave || announce
	if m.saving {
		m.saveQueued = true
		return nil
	}
	m.saving = true
	snap := m.doc.CloneInto(m.spareSnap)
	m.spareSnap = nil
	ver := m.version
	save := m.opts.Save
	return func() tea.Msg {
		return savedMsg{ver: ver, cursor: snap.Cursor, err: save(snap), snap: snap}
	}
}

// retryDelay is the wait before retry n (1-based) of a failed save.
func retryDelay(n int) time.Duration {
	d := time.Second << min(max(n-1, 0), 5)
	return min(d, 30*time.Second)
}

func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	m.saving = false
	m.spareSnap = msg.snap
	if msg.err != nil {
		m.saveErr = msg.err
		m.saveFailures++
		if m.forceQuit {
			m.done = true
			return nil
		}
		d := retryDelay(m.saveFailures)
		m.status.set(fmt.Sprintf("save failed: %v (work kept in memory; retrying in %s)", msg.err, d), true)
		if m.quitting {
			m.quitting = false
			if m.editing() {
				m.editor.close()
			}
			m.mode = modeConfirmQuit
		}
		return m.tick(d, retrySaveMsg{})
	}
	if m.saveErr != nil {
		m.status.clearSticky()
	}
	m.saveErr, m.saveFailures = nil, 0
	if msg.ver >= m.savedVersion {
		m.savedVersion, m.savedCursor = msg.ver, msg.cursor
	}
	var cmd tea.Cmd
	if m.announceSave {
		m.announceSave = false
		cmd = m.flash("saved")
	}
	if m.saveQueued || ((m.quitting || m.forceQuit) && m.dirty()) {
		m.saveQueued = false
		return tea.Batch(cmd, m.save(false))
	}
	if m.quitting || m.forceQuit {
		m.done = true
	}
	return cmd
}

// quit saves (the editor's text included) and exits once the save is done.
func (m *Model) quit() tea.Cmd {
	if m.editing() {
		m.commitDraft()
		m.editor.close()
		m.mode = modeBrowse
	}
	if !m.dirty() && !m.saving || m.opts.Save == nil {
		m.done = true
		return nil
	}
	m.quitting = true
	m.status.set("saving…", false)
	return m.save(false)
}

func (m *Model) confirmQuitKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "y", "Y":
		m.done = true
		return nil
	case "n", "N", "esc":
		m.mode = modeBrowse
		return nil
	case "s", "S":
		m.mode = modeBrowse
		m.quitting = true
		return m.save(false)
	}
	return nil
}

func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall || len(m.doc.Segments) == 0 || m.mode == modeConfirmQuit {
		return nil
	}
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		m.follow = false
		m.table.scroll(-1)
	case msg.Button == tea.MouseButtonWheelDown:
		m.follow = false
		m.table.scroll(1)
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		y := msg.Y - 1 // the header line
		if y < 0 || y >= m.table.height || msg.X >= m.table.width {
			return nil
		}
		er := 0
		if m.editing() {
			er = m.editor.rows()
		}
		seg := m.table.segmentAt(y, m.cur, er)
		if seg < 0 || seg == m.cur {
			return nil
		}
		var cmds []tea.Cmd
		if m.editing() {
			cmds = append(cmds, m.leaveEdit())
		}
		if m.mode == modeSearch || m.mode == modeGoto || m.mode == modeExport {
			m.search.close()
			m.gotoP.close()
			m.mode = modeBrowse
		}
		m.follow = true
		cmds = append(cmds, m.moveTo(seg))
		return tea.Batch(cmds...)
	}
	return nil
}

// saveState is the header's save indicator.
func (m *Model) saveState() (string, bool) {
	switch {
	case m.opts.Save == nil:
		return "not saved", false
	case m.saveErr != nil:
		return "save failed", true
	case m.saving:
		return "saving…", false
	case m.version != m.savedVersion || m.editing() && m.editor.value() != m.doc.Segments[m.cur].Target:
		// Cursor moves alone are saved quietly; they are not "unsaved work".
		return "unsaved", false
	}
	return "saved", false
}

// View implements tea.Model.
func (m Model) View() string {
	if m.done || m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.tooSmall {
		return tooSmallView(m.width, m.height)
	}
	lines := make([]string, 0, m.height)
	state, stErr := m.saveState()
	lines = append(lines, m.header.view(state, stErr))
	var ed *editor
	if m.editing() {
		ed = m.editor
	}
	var body []string
	if len(m.doc.Segments) == 0 {
		body = make([]string, m.table.height)
		for i := range body {
			body[i] = fit("", m.table.width)
		}
		if len(body) > 0 {
			body[0] = fit("  this document has no segments to translate", m.table.width)
		}
	} else {
		body = m.table.view(m.cur, ed)
	}
	if m.showPane && m.paneW > 0 && m.paneH > 0 {
		var pl []string
		if len(m.doc.Segments) > 0 {
			pl = m.paneView()
		}
		if m.paneRight {
			for i := range body {
				if i < len(pl) {
					body[i] += pl[i]
				}
			}
		} else {
			body = append(body, pl...)
		}
	}
	lines = append(lines, body...)
	switch m.mode {
	case modeSearch:
		lines = append(lines, m.search.view(m.width))
	case modeGoto:
		lines = append(lines, m.gotoP.view(m.width))
	case modeConfirmQuit:
		lines = append(lines, fit(m.st.Error.Render("Saving failed. Quit and lose unsaved changes? y quit · n keep editing · s retry"), m.width))
	case modeExport:
		lines = append(lines, m.export.view(m.width))
	default:
		qaNote := ""
		if len(m.doc.Segments) > 0 {
			if is := m.issues.get(m.cur); len(is) > 0 {
				qaNote = "QA: " + issueSummary(is)
			} else if n := m.doc.Segments[m.cur].Note; n != "" {
				// Alignment notes ("check", "added in translation: …").
				qaNote = "note: " + sanitizeLine(n)
			}
		}
		lines = append(lines, m.status.line(qaNote))
	}
	var hk help.KeyMap = browseHelp{&m.keys.Browse, &m.keys.Edit}
	if m.editing() {
		hk = editHelp{&m.keys.Edit}
	}
	lines = append(lines, m.status.helpLines(hk, int(m.mode))...)
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	return strings.Join(lines, "\n")
}

// paneView renders the glossary, QA and matches panes for the current
// segment into the pane area: a column on the right (glossary, QA, matches
// from top to bottom) or a strip under the table (glossary and QA on the
// left, matches on the right).
func (m Model) paneView() []string {
	w, h := m.paneW, m.paneH
	is := m.issues.get(m.cur)
	hits, hitsKnown := m.hits.get(m.cur), m.hits.known(m.cur) || m.finder == nil && !m.loading
	state := matchesKnown
	switch {
	case m.matches.mem == nil && m.loading:
		state = matchesLoading
	case m.matches.mem == nil:
		state = matchesNoMemory
	case !m.matches.known(m.cur):
		state = matchesLooking
	}
	mkey := fmt.Sprint(m.cur, "|", m.matches.ver, "|", m.table.ver[m.cur])
	// The whole area is cached: between moves it only changes with the
	// hits, matches or findings arriving, not with keystrokes.
	key := fmt.Sprint(mkey, "|", m.hits.gen, hitsKnown, len(hits), "|", state, "|", m.issues.ver, "|", w, h, m.paneRight)
	if lines, ok := m.paneCache.get(key); ok {
		return lines
	}
	out := m.renderPanes(w, h, is, hits, hitsKnown, mkey, state)
	m.paneCache.put(key, out)
	return out
}

// renderPanes lays the panes out; paneView caches the result.
func (m Model) renderPanes(w, h int, is []qa.Issue, hits []glossary.Hit, hitsKnown bool, mkey string, state matchState) []string {
	ms := shownMatches(m.matches.get(m.cur), m.doc.Segments[m.cur].Target)

	if m.paneRight {
		mh := h / 2
		qh := 0
		if len(is) > 0 {
			qh = min(len(is)+1, max((h-mh)/2, 1))
		}
		m.pane.setSize(w, h-mh-qh, true)
		m.qpane.setSize(w, qh, true)
		m.mpane.setSize(w, mh, true)
		out := m.pane.view(m.cur, m.hits.gen, hits, hitsKnown)
		if qh > 0 {
			out = append(out[:len(out):len(out)], m.qpane.view(is)...)
		}
		return append(out[:len(out):len(out)], m.mpane.view(mkey, ms, state)...)
	}
	gw := w * 2 / 5
	qh := 0
	if len(is) > 0 {
		qh = min(len(is)+1, max(h/2, 1))
	}
	m.pane.setSize(gw, h-qh, false)
	m.qpane.setSize(gw, qh, false)
	m.mpane.setSize(w-gw, h, false)
	left := m.pane.view(m.cur, m.hits.gen, hits, hitsKnown)
	if qh > 0 {
		left = append(left[:len(left):len(left)], m.qpane.view(is)...)
	}
	right := m.mpane.view(mkey, ms, state)
	out := make([]string, h)
	for i := range out {
		l, r := fit("", gw), fit("", w-gw)
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = l + r
	}
	return out
}

// tooSmallView is the message shown in a window below the minimum size.
func tooSmallView(w, h int) string {
	msg := []string{"window too small", fmt.Sprintf("need %d×%d", minWidth, minHeight)}
	if w < 16 {
		msg = []string{"too small"}
	}
	out := make([]string, 0, h)
	for i := 0; i < h && i < len(msg); i++ {
		out = append(out, fit(msg[i], w))
	}
	return strings.Join(out, "\n")
}
