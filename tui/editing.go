package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// The target editor's actions: opening a segment, drafts, confirming and
// moving on, the editing keys. The editor component (editor.go) owns the
// textarea, its undo stack and its height; every change of a segment goes
// through Model.change and a segments operation.

// change applies op, a segments operation on segment i, and keeps the
// editor in step: progress figures, the findings of a replaced text, the
// version the saver compares. The row is drawn again because op bumps the
// segment's Rev. It reports whether op changed anything.
func (m *Model) change(i int, op func(d *segments.Document) bool) bool {
	before := m.doc.Segments[i]
	if !op(m.doc) {
		return false
	}
	// op may write the segment in place (undo, editChange): the next
	// save's snapshot must read it again.
	m.doc.MarkChanged(i)
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
	i := m.editor.segment()
	return m.change(i, func(d *segments.Document) bool {
		rev := d.Segments[i].Rev
		d.Segments[i] = m.orig
		d.Segments[i].Rev = rev
		op(d)
		d.Segments[i].Rev = rev + 1
		return true
	})
}

// editorTarget is segment i's target as the editor holds it (tags as tag
// runes).
func (m *Model) editorTarget(i int) string {
	s := &m.doc.Segments[i]
	return encodeTags(s.Target, s.TargetTags)
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
	cmd := m.editor.open(i, m.editorTarget(i))
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
	i := m.editor.segment()
	v := m.editor.value()
	if v == m.editorTarget(i) {
		return
	}
	if v == encodeTags(m.orig.Target, m.orig.TargetTags) {
		m.editChange(func(*segments.Document) bool { return true })
		return
	}
	now := m.now()
	t := decodeTags(v)
	m.editChange(func(d *segments.Document) bool { return d.SetDraftTagged(i, t.Text, t.Tags, segments.OriginTyped, now) })
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
func (m *Model) confirm(it confirmIntent) tea.Cmd {
	i, v := it.seg, it.text
	if clean, ok := m.doc.StripMarker(i, v); ok {
		// The marker is structure, drawn beside the text: typed again it
		// would come out doubled in the export.
		v = clean
	}
	origin, now := segments.OriginTyped, m.now()
	if v != "" && v == m.usedMatch {
		origin = segments.OriginTM
	}
	// Nothing typed in an empty segment: it stays as it was.
	if v != "" || m.orig.Target != "" {
		m.editChange(m.confirmOp(i, v, origin, now))
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
	next := m.table.next(i)
	if it.toUntranslated {
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
