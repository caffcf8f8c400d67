// Package tui is trad's editor: a Bubble Tea program showing a document's
// segments side by side with their translations, a target editor, glossary,
// memory, QA and history panes, search, and saving that never loses
// confirmed work.
//
// Only Model implements tea.Model. Each mode and side pane is a component
// (component.go: Update, View, SetSize and a key map): the browse table,
// the target editor, the search, go-to, export and quit prompts, the
// glossary, matches and QA panes. Model gives the current mode's component
// (and the panes that own some of its keys) the keys and carries out what
// it asks for (its intent, route.go); the other parts (key help, look-ups,
// saver) are each in their own file with a comment saying what they own.
// docs/architecture.md maps them and follows one confirm from key to disk.
// Model never does I/O in Update or View: saving, polling, look-ups,
// search and exports run as commands.
package tui

import (
	"fmt"
	"strings"
	"time"

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
	// command started by Init, with a snapshot of the document holding its
	// languages and what tm.DocumentUnits reads of its confirmed segments
	// (see unitsSnapshot); the editor shows "loading memory…" until they
	// arrive, and their Hits and Memory replace the fields above.
	Load func(snapshot *segments.Document) Resources
	// SaveMemory writes the confirmed segments to the user's memory
	// (tm.SaveUser); it runs in a command after confirms, with a snapshot
	// like Load's (see unitsSnapshot).
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
	// WordCount counts a segment's words for the progress figures; nil is
	// segments.WordCount, as trad stats counts them.
	WordCount func(string) int
	// Now is the clock stamped on changed segments; nil means time.Now.
	Now func() time.Time
	// Exporters are offered by the export picker (ctrl+e).
	Exporters []Exporter
	// ExportDir is where exports are written; "" means the project's folder.
	ExportDir string
	// Spell checks the target's spelling (nil: none, unless Load brings
	// one); MT suggests machine translations (nil: none).
	Spell Speller
	MT    MTService
	// NoUser is a clean session (--no-user): the user's folders are left
	// out, so adding a term (T) writes nowhere and says so.
	NoUser bool
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
	modeFilter
	modeNote
	modeConcord
	modeReplace
	modeTerm
	modeSplit
)

// SaveAndQuitMsg asks the editor to save and exit, whatever the outcome of
// the save: cmd/trad sends it on SIGTERM and SIGHUP.
type SaveAndQuitMsg struct{}

// Model is the editor's root Bubble Tea model. It owns what the components
// share: the document and the cursor, the mode, the layout, the look-up
// stores, the saver's state and the status line; it routes each message
// to the part that owns it.
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
	table  *table
	browse *browser
	editor *editor
	// browseKeys and editKeys are the browser and the editor with the
	// panes that take some of their keys first (panekeys.go).
	browseKeys, editKeys *withPanes
	pane                 *glossaryPane
	header               header
	status               *statusBar
	help                 *keyHelp
	search               *search
	gotoP                *gotoPrompt
	export               *exportPicker
	filterP              *filterPrompt
	flt                  *filterState
	quitQ                *quitPrompt
	hits                 *hitStore
	prog                 *progress
	// Translation memory, quality checks and the panes showing them.
	matches *matchStore
	mpane   *matchPane
	issues  *issueStore
	qpane   *qaPane
	hpane   historyPane
	npane   *notesPane
	// conc is the concordance (concord.go); concFrom the mode it was
	// opened from, to go back to; concPending a query asked for while the
	// memory and glossaries were still loading, run when they arrive.
	conc        *concordance
	concFrom    mode
	concPending string
	// repl is the replace in targets (replace.go); bulk the last change
	// of many segments at once, which U undoes (bulk.go).
	repl *replacer
	bulk *bulkChange
	// lastHit is the last glossary insertion, for cycling (glossinsert.go).
	lastHit *hitCycle
	// termF is the add-term form (termform.go), termFrom the mode it was
	// opened from.
	termF    *termForm
	termFrom mode
	// termGen counts the finders asked for (the loaded glossaries', each
	// added term's): only the matcher built for the last one replaces
	// finder (matcherCmd).
	termGen int
	// splitP is the split picker (splitmerge.go).
	splitP  *splitPicker
	noteP   *notePrompt
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
	// qx is the QA context (project, spell checker) and the QA pane's
	// selection (qawire.go); sp the spelling underlines (spell.go); mtx
	// machine translation (mt.go).
	qx  *qaState
	sp  *spellState
	mtx *mtState
	// Pane layout, computed by layout, and the last pane area drawn.
	paneW, paneH int
	paneRight    bool
	paneCache    *paneCache

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
	opts = withDefaults(opts)
	st, keys, now, tick := opts.Styles, opts.Keys, opts.Now, opts.Tick
	count := opts.WordCount
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
	ed := newEditor(&keys.Edit, st, doc)
	sb := newStatusBar(st, projectPath)
	kh := newKeyHelp(st)
	tbl := newTable(doc, st, hits, issues)
	se := newSearch(st, doc, tbl.hl)
	gp := newGoto(st)
	ep := newExportPicker(st, &keys.Prompt, opts.Exporters)
	fp := newFilterPrompt(st)
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
		table:       tbl,
		editor:      &ed,
		browse:      &browser{keys: &keys.Browse, edit: &keys.Edit, t: tbl, ed: &ed},
		pane:        newGlossaryPane(st, &keys.Edit, doc.TargetLang.String()),
		status:      &sb,
		help:        &kh,
		search:      &se,
		gotoP:       &gp,
		export:      &ep,
		filterP:     &fp,
		flt:         &filterState{},
		quitQ:       &quitPrompt{st: st, keys: &keys.Prompt},
		hits:        hits,
		prog:        &prog,
		saver:       newSaver(opts, doc),
		matches:     newMatchStore(opts.Memory),
		mpane:       newMatchPane(st, keys, &ed, projectPath),
		paneCache:   &paneCache{},
		issues:      issues,
		qpane:       newQAPane(st, &keys.Browse, issues, doc),
		hpane:       historyPane{paneBox{st: st}},
		npane:       &notesPane{paneBox{st: st}},
		noteP:       newNotePrompt(st),
		conc:        newConcordance(st, &keys.Prompt),
		repl:        newReplacer(st, &keys.Prompt),
		termF:       newTermForm(st),
		splitP:      &splitPicker{st: st, keys: &keys.Prompt},
		cfg:         cfg,
		finder:      opts.Hits,
		loading:     opts.Load != nil,
		autoFill:    -1,
		qx:          newQAState(opts.Spell),
		sp:          &spellState{},
		mtx:         newMTState(opts.MT, cfg.MT, doc),
	}
	m.header = newHeader(st, doc, projectPath, m.prog, m.flt)
	m.browseKeys = &withPanes{component: m.browse, doc: doc, panes: []keyTaker{m.qpane.takeKey, m.mpane.takeBrowseKey}}
	m.editKeys = &withPanes{component: m.editor, doc: doc, panes: []keyTaker{m.mpane.takeEditKey, spellKeys(&keys.Edit), m.pane.takeKey}}
	m.markNoMT()
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

// withDefaults fills the options New needs and the caller left out:
// styles (colour or mono), key map, word counter, clock and timer.
func withDefaults(opts Options) Options {
	if opts.Styles == nil {
		s := DefaultStyles()
		if opts.NoColor {
			s = MonoStyles()
		}
		opts.Styles = &s
	}
	if opts.Keys == nil {
		k := DefaultKeyMap()
		opts.Keys = &k
	}
	if opts.WordCount == nil {
		opts.WordCount = segments.WordCount
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Tick == nil {
		opts.Tick = func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		}
	}
	return opts
}

// Document returns the document being edited.
func (m Model) Document() *segments.Document { return m.doc }

// Unsaved reports whether the document has changes that are not on disk.
func (m Model) Unsaved() bool {
	return m.saveFn != nil && (m.version != m.savedVersion || m.doc.Cursor != m.savedCursor || m.editing() && m.editor.value() != m.editorTarget(m.cur))
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
	load, snap := m.opts.Load, unitsSnapshot(m.doc)
	return tea.Batch(func() tea.Msg { return resourcesMsg{res: load(snap)} }, m.poll())
}

func (m Model) editing() bool { return m.mode == modeEdit && m.editor.segment() >= 0 }

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
		// The concordance, replace and term form cover the table (or keep
		// the editor open under them): a click must not move the cursor.
		if !m.tooSmall && len(m.doc.Segments) > 0 && m.mode != modeConfirmQuit && m.mode != modeConcord && m.mode != modeReplace && m.mode != modeTerm {
			msg.Y-- // the header line
			cmds = append(cmds, m.route(m.browse, msg))
		}
	case clearStatusMsg:
		m.status.clear(msg.id)
	case searchMsg:
		cmds = append(cmds, m.route(m.search, msg))
	case exportedMsg:
		if msg.err != nil {
			m.status.set(msg.err.Error(), true)
		} else {
			cmds = append(cmds, m.flash("exported "+msg.path))
		}
	default:
		if cmd, ok := m.saverUpdate(msg); ok {
			cmds = append(cmds, cmd)
		} else if cmd, ok := m.lookupUpdate(msg); ok {
			cmds = append(cmds, cmd)
		} else if m.editing() {
			// Paste results and other textarea messages.
			cmds = append(cmds, m.route(m.editor, msg))
		}
	}
	if m.done {
		return m, tea.Batch(append(cmds, tea.Quit)...)
	}
	cmds = append(cmds, m.afterUpdate(), m.wireAfterUpdate())
	return m, tea.Batch(cmds...)
}

// inField reports whether keys go to a text field (editor, search, go-to).
func (m *Model) inField() bool {
	return m.mode == modeEdit || m.mode == modeSearch || m.mode == modeGoto || m.mode == modeFilter || m.mode == modeNote ||
		m.mode == modeConcord && m.conc.typing || m.mode == modeReplace && m.repl.step < 2 || m.mode == modeTerm
}

// typeAhead handles a key message. Bubble Tea reports the runes it reads
// together as one message, up to a space: keys typed faster than the
// terminal is read ("jjq", "/gouv", or a word typed in the editor).
// Outside text fields each rune is a command, and once one of them opens
// a field (/, :, i) the rest is typed into it. A field takes the runes as
// text in one go, marked as pasted: key bindings compare a message's
// String(), which for a word that spells a key's name ("enter", "end",
// "f1") is that key's, and "to enter into force" typed fast confirmed the
// segment at "enter"; a pasted message's String() is bracketed.
func (m *Model) typeAhead(msg tea.KeyMsg) []tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste {
		return []tea.Cmd{m.handleKey(msg)}
	}
	if m.inField() {
		return []tea.Cmd{m.handleKey(asText(msg.Runes))}
	}
	var cmds []tea.Cmd
	for j, r := range msg.Runes {
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		if m.done {
			break
		}
		if rest := msg.Runes[j+1:]; m.inField() && len(rest) > 0 {
			cmds = append(cmds, m.handleKey(asText(rest)))
			break
		}
	}
	return cmds
}

// asText is runes typed together as a message no key binding takes (see
// typeAhead); a single rune is one key, as typed.
func asText(rs []rune) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: rs, Paste: len(rs) > 1}
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
	var tags []segments.Tag
	var codes []segments.Code
	if !m.matches.known(m.cur) {
		// A tagged segment is looked up with its tags (tm.LookupTagged
		// scores them).
		tags, codes = tm.SegmentTags(m.doc, m.cur)
	}
	mcmd := m.matches.request(m.cur, seg.Source, tags, codes, ctx, m.cfg.TM.MinScore)
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

func (m *Model) layout() {
	w, h := m.width, m.height
	m.tooSmall = w < minWidth || h < minHeight
	if m.tooSmall {
		return
	}
	m.header.setSize(w)
	m.status.setSize(w)
	for _, p := range []component{m.search, m.gotoP, m.export, m.quitQ, m.filterP, m.noteP, m.conc, m.repl, m.termF, m.splitP} {
		p.SetSize(w, 1)
	}
	helpH := m.helpHeight()
	m.help.SetSize(w, helpH)
	body := h - 2 - helpH
	tw, th := m.layoutPanes(w, body)
	m.browse.SetSize(tw, th)
	m.editor.SetSize(m.table.editWidth(m.cur), 0)
}

// flashHere is flash for a message about the current segment: it also
// goes as soon as the cursor moves to another one.
func (m *Model) flashHere(s string) tea.Cmd {
	cmd := m.flash(s)
	m.status.about(m.cur)
	return cmd
}

// flash shows a transient message and schedules its removal.
func (m *Model) flash(s string) tea.Cmd {
	id := m.status.set(s, false)
	return m.tick(messageTTL, clearStatusMsg{id: id})
}

// handleKey gives a key to the current mode's component (with the panes
// that own some of its keys).
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	return m.route(m.active(), msg)
}
