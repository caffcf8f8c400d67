package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/bubbles/key"

	"github.com/trad-project/trad/segments"
)

// The browse table's actions: moving, reviewing, undoing a confirm, the
// mouse. The table itself (table.go) owns the rows, their cache and the
// scrolling; these methods change the cursor and the document and leave
// drawing to it.

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
		m.togglePane(paneAll)
	case key.Matches(msg, k.PaneGlossary):
		m.togglePane(paneGlossary)
	case key.Matches(msg, k.PaneMatches):
		m.togglePane(paneMatches)
	case key.Matches(msg, k.PaneQA):
		m.togglePane(paneQA)
	case key.Matches(msg, k.History):
		m.togglePane(paneHistory)
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
