package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/bubbles/key"

	"github.com/trad-project/trad/segments"
)

// browser is the browse component: the segment table and the browse key
// map. It owns the table (the rows on screen, their cache, scrolling) and
// turns keys and the mouse into intents; the cursor and the document are the root's,
// shared with the editor and the panes, so moving, reviewing, undoing a
// confirm and opening a prompt or the editor are asked of the root. It
// reads the cursor from the document (doc.Cursor, kept by Model.moveTo).
// The editor, when open, is drawn in the current row.
type browser struct {
	keys *BrowseKeys
	edit *EditKeys // the full help lists the main editing keys too
	t    *table
	ed   *editor
}

// The browser's intents (component.go).
type (
	// untranslatedIntent moves to the next (dir 1) or previous (-1)
	// segment that is not confirmed, wrapping around.
	untranslatedIntent struct{ dir int }
	// jumpIntent moves to the next (1) or previous (-1) search match.
	jumpIntent struct{ dir int }
	// openIntent opens a prompt: search, go-to or export.
	openIntent struct{ mode mode }
	// editIntent opens the editor on the current segment, with memory
	// match n's target in it when n >= 0.
	editIntent struct{ match int }
	// reviewIntent marks the current segment reviewed (or back to
	// translated) and moves on.
	reviewIntent struct{}
	// undoConfirmIntent restores the current segment's previous version.
	undoConfirmIntent struct{}
	// nextChangedIntent moves to the next segment whose sentence changed
	// since the last session.
	nextChangedIntent struct{}
	// scrolledIntent says the table scrolled (the wheel): the cursor may
	// leave the screen until the next key.
	scrolledIntent struct{}
	// clickIntent makes the clicked segment current.
	clickIntent struct{ seg int }
)

// Update implements component.
func (b *browser) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if mm, ok := msg.(tea.MouseMsg); ok {
		return b.mouse(mm), nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	if len(b.t.doc.Segments) == 0 {
		// Nothing to move to or edit: quitting is all there is.
		if key.Matches(km, b.keys.Quit) {
			return quitIntent{}, nil
		}
		return nil, nil
	}
	if it := b.moveKey(km); it != nil {
		return it, nil
	}
	k := b.keys
	for _, a := range []struct {
		b  key.Binding
		it tea.Msg
	}{
		{k.Quit, quitIntent{}}, {k.Search, openIntent{modeSearch}}, {k.Goto, openIntent{modeGoto}},
		{k.Export, openIntent{modeExport}}, {k.NextMatch, jumpIntent{1}}, {k.PrevMatch, jumpIntent{-1}},
		{k.Edit, editIntent{-1}}, {k.Review, reviewIntent{}}, {k.UndoConfirm, undoConfirmIntent{}},
		{k.NextChanged, nextChangedIntent{}}, {k.Save, saveIntent{}}, {k.Help, helpIntent{}},
		{k.Glossary, paneIntent{paneAll}}, {k.PaneGlossary, paneIntent{paneGlossary}},
		{k.PaneMatches, paneIntent{paneMatches}}, {k.PaneQA, paneIntent{paneQA}}, {k.History, paneIntent{paneHistory}},
		{k.Filter, openIntent{modeFilter}}, {k.ClearFilter, clearFilterIntent{}},
		{k.Note, openIntent{modeNote}}, {k.PaneNotes, paneIntent{paneNotes}},
		{k.Concordance, concordOpenIntent{}}, {k.Replace, replaceOpenIntent{}}, {k.UndoBulk, undoBulkIntent{}},
		{k.AddTerm, termOpenIntent{}}, {k.Split, splitOpenIntent{}}, {k.Merge, mergeIntent{}},
	} {
		if key.Matches(km, a.b) {
			return a.it, nil
		}
	}
	return nil, nil
}

// mouse handles the mouse, msg's coordinates counted from the table's top
// left: the wheel scrolls the table without moving the cursor, a click on
// a row asks to move there.
func (b *browser) mouse(msg tea.MouseMsg) tea.Msg {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		b.t.scroll(-1)
		return scrolledIntent{}
	case msg.Button == tea.MouseButtonWheelDown:
		b.t.scroll(1)
		return scrolledIntent{}
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		if !b.t.contains(msg.X, msg.Y) {
			return nil
		}
		er := 0
		if b.ed.segment() >= 0 {
			er = b.ed.rows()
		}
		cur := b.t.doc.Cursor
		if seg := b.t.segmentAt(msg.Y, cur, er); seg >= 0 && seg != cur {
			return clickIntent{seg}
		}
	}
	return nil
}

// moveKey is the intent of a moving key, nil for other keys.
func (b *browser) moveKey(km tea.KeyMsg) tea.Msg {
	// Moves count shown rows: with a filter on, the hidden ones are skipped.
	k, cur, t := b.keys, b.t.doc.Cursor, b.t
	switch {
	case key.Matches(km, k.Up):
		return moveIntent{t.step(cur, -1)}
	case key.Matches(km, k.Down):
		return moveIntent{t.step(cur, 1)}
	case key.Matches(km, k.PageUp):
		return moveIntent{t.step(cur, -b.pageSize())}
	case key.Matches(km, k.PageDown):
		return moveIntent{t.step(cur, b.pageSize())}
	case key.Matches(km, k.Top):
		return moveIntent{t.first()}
	case key.Matches(km, k.Bottom):
		return moveIntent{t.last()}
	case key.Matches(km, k.NextUntranslated):
		return untranslatedIntent{1}
	case key.Matches(km, k.PrevUntranslated):
		return untranslatedIntent{-1}
	}
	return nil
}

// pageSize is how many segments a page key moves: the rows on screen, less one.
func (b *browser) pageSize() int {
	return max(len(b.t.layout(b.t.doc.Cursor, 0))-1, 1)
}

// View implements component: the table's rows, the editor in the current
// one when it is open.
func (b *browser) View() string {
	t := b.t
	if len(t.doc.Segments) == 0 {
		body := make([]string, t.height)
		for i := range body {
			body[i] = fit("", t.width)
		}
		if len(body) > 0 {
			body[0] = fit("  this document has no segments to translate", t.width)
		}
		return strings.Join(body, "\n")
	}
	var ed *editor
	if b.ed.segment() >= 0 {
		ed = b.ed
	}
	return strings.Join(t.view(t.doc.Cursor, ed), "\n")
}

// SetSize implements component: the table's size.
func (b *browser) SetSize(w, h int) { b.t.setSize(w, h) }

func (b *browser) ShortHelp() []key.Binding  { return browseHelp{b.keys, b.edit}.ShortHelp() }
func (b *browser) FullHelp() [][]key.Binding { return browseHelp{b.keys, b.edit}.FullHelp() }

// applyBrowse carries out the browser's intents; it reports false for
// other intents.
func (m *Model) applyBrowse(intent tea.Msg) (tea.Cmd, bool) {
	switch it := intent.(type) {
	case untranslatedIntent:
		return m.nextUntranslated(it.dir), true
	case jumpIntent:
		return m.jumpMatch(it.dir), true
	case openIntent:
		return m.open(it.mode), true
	case editIntent:
		if it.match >= 0 {
			return m.useMatchBrowse(it.match), true
		}
		return m.startEdit(m.cur), true
	case reviewIntent:
		return m.toggleReviewed(), true
	case undoConfirmIntent:
		return m.undoConfirm(), true
	case nextChangedIntent:
		return m.nextChanged(), true
	case scrolledIntent:
		m.follow = false
		return nil, true
	case clickIntent:
		return m.clickTo(it.seg), true
	}
	return nil, false
}

// open opens a prompt in the status line.
func (m *Model) open(md mode) tea.Cmd {
	switch md {
	case modeSearch:
		m.search.open()
	case modeGoto:
		m.gotoP.open()
	case modeExport:
		if !m.export.open() {
			return m.flash("export: no exporters available")
		}
		m.export.what = ""
		if m.flt.active {
			m.export.what = fmt.Sprintf("%d of %d filtered segments", m.flt.shown, m.flt.of)
		}
	case modeNote:
		m.noteP.openOn(m.cur, m.doc.Segments[m.cur].Note)
	case modeFilter:
		m.filterP.open()
		m.filterP.input.SetValue(m.flt.label)
		m.filterP.input.CursorEnd()
	}
	m.mode = md
	return nil
}

// moveTo makes segment i current (clamped) and schedules saving the cursor.
func (m *Model) moveTo(i int) tea.Cmd {
	n := len(m.doc.Segments)
	if n == 0 {
		return nil
	}
	// A filter shows some rows only: the cursor stays on one of them.
	i = m.table.nearest(min(max(i, 0), n-1))
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
	return m.table.cycle(from, dir, func(i int) bool { return !m.doc.Segments[i].Status.Confirmed() })
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
	return tea.Batch(m.save(false), m.moveTo(m.table.next(m.cur)))
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

// clickTo makes the clicked segment current: an open editor keeps its
// text as a draft, an open prompt closes.
func (m *Model) clickTo(seg int) tea.Cmd {
	var cmds []tea.Cmd
	if m.editing() {
		cmds = append(cmds, m.leaveEdit())
	}
	if m.mode == modeSearch || m.mode == modeGoto || m.mode == modeExport || m.mode == modeFilter || m.mode == modeNote {
		m.search.close()
		m.gotoP.close()
		m.filterP.close()
		m.noteP.close()
		m.mode = modeBrowse
	}
	m.follow = true
	cmds = append(cmds, m.moveTo(seg))
	return tea.Batch(cmds...)
}
