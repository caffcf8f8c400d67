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
	// Store, when set, saves instead of Save, merging what other processes
	// saved, and the editor polls it for outside changes.
	Store ProjectStore
	// ReadOnly never saves (the project is open in another editor).
	ReadOnly bool
	// Keys is the key map; nil means DefaultKeyMap.
	Keys *KeyMap
	// Notices are shown in the status line at start-up (key map
	// conflicts, glossary warnings).
	Notices []string
	// Report is what loading the project found; when the article changed
	// since the last session the editor says so and lets the translator
	// step through the segments whose sentence was edited.
	Report *segments.LoadReport
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

// Model is the editor's root Bubble Tea model.
type Model struct {
	doc         *segments.Document
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
	show          panes

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
	hpane   historyPane
	cfg     Config
	finder  HitFinder
	loading bool
	// autoFill is the segment waiting for its matches to auto-insert an
	// exact one (config tm.auto_insert_exact), -1 when none.
	autoFill int
	// changed lists the segments whose source sentence was edited since
	// the last session (their translation is back to draft).
	changed []int
	// usedMatch is the match target last put into the editor, to stamp
	// the segment's origin "tm" if it is confirmed unchanged.
	usedMatch string
	// qaGen tags the latest run of checkConfirmed.
	qaGen int
	// Pane layout, computed by layout, and the last pane area drawn.
	paneW, paneH int
	paneRight    bool
	paneCache    *paneCache
	helpH        int // rows of the key help, set by layout

	// orig is the segment as it was when editing began, to restore it when
	// the translator leaves with the text unchanged.
	orig segments.Segment

	// saver holds the saving state (saver.go).
	saver
	typingVer int
	done      bool
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
		show:        allPanes(),
		table:       newTable(doc, st, hits),
		editor:      &ed,
		pane:        glossaryPane{st: st, target: doc.TargetLang.String(), cache: &paneCache{}},
		status:      &sb,
		search:      &se,
		gotoP:       &gp,
		export:      newExportPicker(st, &keys.Prompt, opts.Exporters),
		hits:        hits,
		prog:        &prog,
		saver:       newSaver(opts, doc.Cursor),
		matches:     newMatchStore(opts.Memory),
		mpane:       matchPane{st: st, project: projectPath, cache: &paneCache{}},
		paneCache:   &paneCache{},
		issues:      issues,
		qpane:       qaPane{st: st},
		hpane:       historyPane{st: st},
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
	if n := m.cleanMarkers(); n != "" {
		opts.Notices = append(opts.Notices, n)
	}
	if n := m.articleChanged(opts.Report); n != "" {
		opts.Notices = append([]string{n}, opts.Notices...)
	}
	if len(opts.Notices) > 0 {
		m.status.set(strings.Join(opts.Notices, "; "), true)
	} else if m.loading {
		m.status.set("loading memory…", false)
	}
	return m
}

// cleanMarkers strips the block markers that targets saved by earlier
// versions start with ("# Chips" in a heading) and says so; the old texts
// stay in the segments' history and the next save writes the clean ones.
func (m *Model) cleanMarkers() string {
	changed := m.doc.CleanMarkers(m.now())
	if len(changed) == 0 {
		return ""
	}
	m.version++
	nums := make([]string, 0, 5)
	for _, i := range changed[:min(len(changed), 5)] {
		nums = append(nums, fmt.Sprint(i+1))
	}
	if len(changed) > 5 {
		nums = append(nums, "…")
	}
	return fmt.Sprintf("removed the Markdown marker (#, -, >) that %d target%s started with (segment%s %s): markers are structure, shown beside the text",
		len(changed), plural(len(changed)), plural(len(changed)), strings.Join(nums, ", "))
}

// Document returns the document being edited.
func (m Model) Document() *segments.Document { return m.doc }

// Unsaved reports whether the document has changes that are not on disk.
func (m Model) Unsaved() bool {
	return m.saveFn != nil && (m.version != m.savedVersion || m.doc.Cursor != m.savedCursor || m.editing() && m.editor.value() != m.doc.Segments[m.cur].Target)
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
// when Options.Load is set, or else checking the confirmed segments, and
// the poll for outside changes when there is a Store.
func (m Model) Init() tea.Cmd {
	if m.opts.Load == nil {
		// Init cannot change the model: the run keeps New's qaGen.
		return tea.Batch(m.checkConfirmed(m.qaGen), m.poll())
	}
	load, snap := m.opts.Load, m.doc.Clone()
	return tea.Batch(func() tea.Msg { return resourcesMsg{res: load(snap)} }, m.poll())
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
		cmds = append(cmds, m.typeAhead(msg)...)
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
		if m.saveErr != nil && !m.saving() {
			cmds = append(cmds, m.save(false))
		}
	case pollMsg:
		cmds = append(cmds, m.onPoll())
	case polledMsg:
		cmds = append(cmds, m.onPolled(msg))
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

// inField reports whether keys go to a text field (editor, search, go-to).
func (m *Model) inField() bool {
	return m.mode == modeEdit || m.mode == modeSearch || m.mode == modeGoto
}

// typeAhead handles a key message. Keys typed faster than the terminal is
// read arrive as one message ("jjq", "/gouv"): outside text fields each rune
// is a command, and once one of them opens a field (/, :, i) the rest of
// the batch is typed into that field, as the translator meant.
func (m *Model) typeAhead(msg tea.KeyMsg) []tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste || m.inField() {
		return []tea.Cmd{m.handleKey(msg)}
	}
	var cmds []tea.Cmd
	for j, r := range msg.Runes {
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		if m.done {
			break
		}
		if rest := msg.Runes[j+1:]; m.inField() && len(rest) > 0 {
			cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: rest}))
			break
		}
	}
	return cmds
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
	ctx := tm.SegmentContext(m.doc, m.cur)
	if len(ctx.Prev) > lookupMax || len(ctx.Next) > lookupMax {
		// A neighbour that long is no context: hashing it would cost more
		// than the look-up.
		ctx = tm.Context{}
	}
	mcmd := m.matches.request(m.cur, seg.Source, ctx, m.cfg.TM.MinScore)
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

// helpKeys is the key help of the current mode.
func (m *Model) helpKeys() help.KeyMap {
	if m.editing() {
		return editHelp{&m.keys.Edit}
	}
	return browseHelp{&m.keys.Browse, &m.keys.Edit}
}

// helpHeight is the rows the key help takes: one, or with the full help
// the taller of the browsing and editing helps (so switching modes does
// not move the table), at most what leaves the table four rows.
func (m *Model) helpHeight() int {
	if !m.status.help.ShowAll {
		return 1
	}
	n := max(len(m.status.helpLines(browseHelp{&m.keys.Browse, &m.keys.Edit}, int(modeBrowse))),
		len(m.status.helpLines(editHelp{&m.keys.Edit}, int(modeEdit))))
	return max(min(n, m.height-2-4), 1)
}

func (m *Model) layout() {
	w, h := m.width, m.height
	m.tooSmall = w < minWidth || h < minHeight
	if m.tooSmall {
		return
	}
	m.header.setSize(w)
	m.status.setSize(w)
	m.helpH = m.helpHeight()
	body := h - 2 - m.helpH
	tw, th := m.layoutPanes(w, body)
	m.table.setSize(tw, th)
	m.editor.setWidth(m.table.editWidth(m.cur))
}

// flashHere is flash for a message about the current segment: it also
// goes as soon as the cursor moves to another one.
func (m *Model) flashHere(s string) tea.Cmd {
	cmd := m.flash(s)
	m.status.seg = m.cur
	return cmd
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
	case key.Matches(msg, k.UndoConfirm):
		return m.undoConfirm()
	case key.Matches(msg, k.NextChanged):
		return m.nextChanged()
	case key.Matches(msg, k.Save):
		return m.save(true)
	case key.Matches(msg, k.Glossary):
		m.togglePane(&m.show.all)
	case key.Matches(msg, k.PaneGlossary):
		m.togglePane(&m.show.glossary)
	case key.Matches(msg, k.PaneMatches):
		m.togglePane(&m.show.matches)
	case key.Matches(msg, k.PaneQA):
		m.togglePane(&m.show.qa)
	case key.Matches(msg, k.History):
		m.togglePane(&m.show.history)
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
	m.status.leave(i)
	m.cur = i
	m.doc.Cursor = i
	// The cursor goes to disk with the next save; a quiet autosave makes
	// sure that happens even if nothing else changes.
	m.typingVer++
	return m.tick(autosaveDelay, autosaveMsg{ver: m.typingVer})
}

func (m *Model) nextUntranslated(dir int) tea.Cmd {
	i := m.findUntranslated(m.cur, dir)
	switch {
	case i >= 0:
		cmd := m.moveTo(i)
		if (dir > 0 && i < m.cur) || (dir < 0 && i > m.cur) {
			return tea.Batch(cmd, m.flash("wrapped around"))
		}
		return cmd
	case !m.doc.Segments[m.cur].Status.Confirmed():
		return m.flash("this is the only untranslated segment")
	}
	return m.flash("every segment is translated")
}

// findUntranslated returns the first segment after from (before, with dir
// -1), wrapping around, that is not confirmed; -1 when there is none.
func (m *Model) findUntranslated(from, dir int) int {
	n := len(m.doc.Segments)
	for step := 1; step < n; step++ {
		i := ((from+dir*step)%n + n) % n
		if !m.doc.Segments[i].Status.Confirmed() {
			return i
		}
	}
	return -1
}

// change applies op, a segments operation on segment i, and keeps the
// editor in step: progress figures, the findings of a replaced text, the
// version the saver compares. The row is drawn again because op bumps the
// segment's Rev. It reports whether op changed anything.
func (m *Model) change(i int, op func(d *segments.Document) bool) bool {
	before := m.doc.Segments[i]
	if !op(m.doc) {
		return false
	}
	s := &m.doc.Segments[i]
	if s.Target != before.Target && m.issues.drop(i) {
		m.table.touch(i)
	}
	m.prog.change(i, before.Status, s.Status)
	m.version++
	return true
}

// editChange applies op to the edited segment as it was when editing
// began, so the drafts autosaved while typing leave no trace in its
// history: one edit adds one version, the one before it.
func (m *Model) editChange(op func(d *segments.Document) bool) bool {
	i := m.editor.seg
	return m.change(i, func(d *segments.Document) bool {
		rev := d.Segments[i].Rev
		d.Segments[i] = m.orig
		d.Segments[i].Rev = rev
		op(d)
		d.Segments[i].Rev = rev + 1
		return true
	})
}

func (m *Model) toggleReviewed() tea.Cmd {
	s := &m.doc.Segments[m.cur]
	i, now := m.cur, m.now()
	switch {
	case s.Target == "":
		return m.flash("nothing to review: this segment has no translation")
	case s.Status == segments.StatusReviewed:
		m.change(i, func(d *segments.Document) bool {
			return d.Update(i, s.Target, segments.StatusTranslated, s.Origin, now)
		})
	default:
		m.change(i, func(d *segments.Document) bool { return d.MarkReviewed(i, now) })
	}
	// Reviewing goes through the text: the next segment comes up.
	return tea.Batch(m.save(false), m.moveTo(m.cur+1))
}

// undoConfirm puts the current segment back to its previous version (its
// history, kept in the project file).
func (m *Model) undoConfirm() tea.Cmd {
	i, now := m.cur, m.now()
	if !m.change(i, func(d *segments.Document) bool { return d.Restore(i, now) }) {
		return m.flash("nothing to undo: segment " + fmt.Sprint(i+1) + " has no earlier version")
	}
	s := m.doc.Segments[i]
	msg := fmt.Sprintf("segment %d: back to its previous version (%s)", i+1, s.Status)
	if s.Target == "" {
		msg = fmt.Sprintf("segment %d: back to empty", i+1)
	}
	return tea.Batch(m.save(false), m.flashHere(msg))
}

// startEdit opens the editor on segment i.
func (m *Model) startEdit(i int) tea.Cmd {
	if n := len(m.doc.Segments[i].Target); n > editMax {
		return m.flashHere(fmt.Sprintf("segment %d: its translation is %s, too long for the editor (limit %s); split the article or edit the project file",
			i+1, byteSize(n), byteSize(editMax)))
	}
	m.orig = m.doc.Segments[i]
	m.mode = modeEdit
	m.usedMatch = ""
	m.editor.setWidth(m.table.editWidth(i))
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
		m.editChange(func(*segments.Document) bool { return true })
		return
	}
	now := m.now()
	m.editChange(func(d *segments.Document) bool { return d.SetDraft(i, v, segments.OriginTyped, now) })
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

// confirm marks the edited segment translated and saves at once. Then it
// moves on: to the next segment, opened in the editor unless it is already
// translated, or with toUntranslated to the next untranslated one.
func (m *Model) confirm(toUntranslated bool) tea.Cmd {
	i := m.editor.seg
	v := m.editor.value()
	if clean, ok := m.doc.StripMarker(i, v); ok {
		// The marker is structure, drawn beside the text: typed again it
		// would come out doubled in the export.
		v = clean
		m.editor.replace(v)
	}
	origin, now := segments.OriginTyped, m.now()
	if v != "" && v == m.usedMatch {
		origin = segments.OriginTM
	}
	// Nothing typed in an empty segment: it stays as it was.
	if v != "" || m.orig.Target != "" {
		m.editChange(func(d *segments.Document) bool { return d.Confirm(i, v, origin, now) })
	} else if m.doc.Segments[i].Target != "" {
		m.editChange(func(*segments.Document) bool { return true })
	}
	var cmds []tea.Cmd
	var notes []string
	if m.doc.Segments[i].Status.Confirmed() {
		cmd, note := m.afterConfirm(i)
		cmds = append(cmds, cmd)
		notes = append(notes, note)
	}
	if m.dirty() {
		cmds = append(cmds, m.save(false))
	}
	m.editor.close()
	m.mode = modeBrowse
	next := i + 1
	if toUntranslated {
		next = m.findUntranslated(i, 1)
	}
	switch {
	case next < 0:
		notes = append(notes, "every segment is translated")
	case next >= len(m.doc.Segments):
		notes = append(notes, "last segment")
	default:
		cmds = append(cmds, m.moveTo(next))
		if !m.doc.Segments[next].Status.Confirmed() {
			cmds = append(cmds, m.startEdit(next))
		}
	}
	if note := joinNotes(notes); note != "" {
		cmds = append(cmds, m.flashHere(fmt.Sprintf("segment %d: %s", i+1, note)))
	}
	return tea.Batch(cmds...)
}

// joinNotes joins the non-empty notes with " · ".
func joinNotes(notes []string) string {
	var keep []string
	for _, n := range notes {
		if n != "" {
			keep = append(keep, n)
		}
	}
	return strings.Join(keep, " · ")
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
		return m.confirm(false)
	case key.Matches(msg, k.ConfirmNext):
		return m.confirm(true)
	case key.Matches(msg, k.Leave):
		return m.leaveEdit()
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Save):
		m.commitDraft()
		return m.save(true)
	case key.Matches(msg, k.Glossary):
		m.togglePane(&m.show.all)
		return nil
	case key.Matches(msg, k.Help):
		m.status.help.ShowAll = !m.status.help.ShowAll
		m.layout()
		return nil
	case key.Matches(msg, k.CopySource):
		if n := len(m.doc.Segments[m.cur].Source); n > editMax {
			return m.flash(fmt.Sprintf("the source is %s, too long to copy into the editor (limit %s)", byteSize(n), byteSize(editMax)))
		}
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

func (m *Model) confirmQuitKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys.Prompt
	switch {
	case key.Matches(msg, k.Yes):
		m.done = true
		return nil
	case key.Matches(msg, k.No):
		m.mode = modeBrowse
		return nil
	case key.Matches(msg, k.Retry):
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
	if m.paneW > 0 && m.paneH > 0 {
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
		k := &m.keys.Prompt
		lines = append(lines, fit(m.st.Error.Render(fmt.Sprintf("Saving failed. Quit and lose unsaved changes? %s quit · %s keep editing · %s retry",
			k.Yes.Help().Key, k.No.Help().Key, k.Retry.Help().Key)), m.width))
	case modeExport:
		lines = append(lines, m.export.view(m.width))
	default:
		qaNote := ""
		if len(m.doc.Segments) > 0 {
			if is := m.issues.get(m.cur); len(is) > 0 {
				qaNote = "QA: " + issueSummary(is)
			}
		}
		lines = append(lines, m.status.line(qaNote))
	}
	lines = append(lines, m.helpView()...)
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	return strings.Join(lines, "\n")
}

// helpView is the key help, cut to the rows layout gave it; when cut, its
// last row says where the rest is.
func (m Model) helpView() []string {
	mode := modeBrowse
	if m.editing() {
		mode = modeEdit
	}
	hl := m.status.helpLines(m.helpKeys(), int(mode))
	out := make([]string, m.helpH)
	for i := range out {
		out[i] = fit("", m.width)
		if i < len(hl) {
			out[i] = hl[i]
		}
	}
	if len(hl) > m.helpH && m.helpH > 1 {
		out[m.helpH-1] = fit(m.st.HeaderDim.Render("… more keys: make the window taller, or see docs/keys.md"), m.width)
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
