package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// ProjectStore saves the project and brings in what other processes (a
// second editor, trad import, trad pretranslate) saved meanwhile:
// *segments.Store. SaveSnapshot runs in a command (the snapshot costs the
// work held, not a copy of every segment); Changed is a cheap stat for the
// poll.
type ProjectStore interface {
	SaveSnapshot(*segments.Snapshot) (segments.SaveResult, *segments.Document, error)
	Changed() (bool, error)
}

// pollInterval is how often the editor checks whether another process
// changed the project file.
const pollInterval = 2 * time.Second

// savedMsg reports the end of a save.
type savedMsg struct {
	ver    int
	cursor int
	err    error
	// res says what the save merged in from other processes.
	res segments.SaveResult
	// saved is the document saved when something came in from other
	// processes (to bring it into the live document), else nil.
	saved *segments.Document
}

// autosaveMsg fires autosaveDelay after a change; ver tags the change so
// only the last one of a burst saves.
type autosaveMsg struct{ ver int }

// retrySaveMsg retries a failed save.
type retrySaveMsg struct{}

// pollMsg is the poll's tick; polledMsg its answer.
type pollMsg struct{}

type polledMsg struct{ changed bool }

// memorySavedMsg reports the end of a write of the user's memory.
type memorySavedMsg struct{ err error }

// queue runs one job at a time: a request while one runs is remembered,
// and one more job runs when it ends, however many requests came.
type queue struct{ running, queued bool }

// start reports whether a job may start now; if not, one is queued.
func (q *queue) start() bool {
	if q.running {
		q.queued = true
		return false
	}
	q.running = true
	return true
}

// done ends the running job and reports whether a queued one must start.
func (q *queue) done() bool {
	q.running = false
	again := q.queued
	q.queued = false
	return again
}

// saver is the saving state of the editor: the project file (through a
// ProjectStore or Options.Save) and the user's memory, each one write at a
// time through a queue; retries after failures; quitting once saved; the
// poll for outside changes. Model embeds it; its methods are Model's since
// a save snapshots the document and reports on the status line.
type saver struct {
	// saveFn writes a snapshot and returns the document saved when
	// something came in (see ProjectStore); nil when nothing is saved (no
	// project file, or read-only).
	saveFn func(*segments.Snapshot) (segments.SaveResult, *segments.Document, error)
	store  ProjectStore
	// version counts changes to the document; savedVersion is the version
	// of the last snapshot written.
	version, savedVersion int
	savedCursor           int
	projQ, memQ           queue
	announceSave          bool
	saveErr               error
	saveFailures          int
	quitting              bool // quit once the save in flight succeeds
	forceQuit             bool // quit once the save ends, even if it failed
	readOnly              bool
}

// newSaver picks how the project is saved: opts.Store, else opts.Save,
// neither when read-only.
func newSaver(opts Options, cursor int) saver {
	sv := saver{savedCursor: cursor, readOnly: opts.ReadOnly}
	switch {
	case opts.ReadOnly:
	case opts.Store != nil:
		sv.store = opts.Store
		sv.saveFn = opts.Store.SaveSnapshot
	case opts.Save != nil:
		save := opts.Save
		sv.saveFn = func(sn *segments.Snapshot) (segments.SaveResult, *segments.Document, error) {
			return segments.SaveResult{}, nil, save(sn.Document())
		}
	}
	return sv
}

// saverUpdate is the saver's update: it handles the saving messages and
// reports false for the others.
func (m *Model) saverUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case savedMsg:
		return m.onSaved(msg), true
	case memorySavedMsg:
		return m.onMemorySaved(msg), true
	case autosaveMsg:
		if msg.ver != m.typingVer {
			return nil, true
		}
		if m.editing() {
			m.commitDraft()
		}
		if m.dirty() {
			return m.save(false), true
		}
		return nil, true
	case retrySaveMsg:
		if m.saveErr != nil && !m.saving() {
			return m.save(false), true
		}
		return nil, true
	case pollMsg:
		return m.onPoll(), true
	case polledMsg:
		return m.onPolled(msg), true
	case SaveAndQuitMsg:
		m.forceQuit = true
		return m.quit(), true
	}
	return nil, false
}

// saving reports whether a project save is running.
func (m *Model) saving() bool { return m.projQ.running }

// dirty reports whether something is not saved yet.
func (m *Model) dirty() bool {
	return m.version != m.savedVersion || m.doc.Cursor != m.savedCursor
}

// save starts saving a snapshot of the document, or queues a save if one is
// running. announce shows "saved" when it succeeds.
func (m *Model) save(announce bool) tea.Cmd {
	if m.saveFn == nil {
		switch {
		case announce && m.readOnly:
			return m.flash("read-only: nothing is saved (the project is open in another editor)")
		case announce:
			return m.flash("no project file: nothing saved")
		}
		return nil
	}
	m.announceSave = m.announceSave || announce
	if !m.projQ.start() {
		return nil
	}
	snap := m.doc.Snapshot()
	ver, save := m.version, m.saveFn
	return func() tea.Msg {
		res, saved, err := save(snap)
		return savedMsg{ver: ver, cursor: snap.Cursor(), err: err, res: res, saved: saved}
	}
}

// retryDelay is the wait before retry n (1-based) of a failed save.
func retryDelay(n int) time.Duration {
	d := time.Second << min(max(n-1, 0), 5)
	return min(d, 30*time.Second)
}

func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	again := m.projQ.done()
	if msg.err != nil {
		return m.saveFailed(msg.err, again)
	}
	if m.saveErr != nil {
		m.status.clearSticky()
	}
	m.saveErr, m.saveFailures = nil, 0
	if msg.ver >= m.savedVersion {
		m.savedVersion, m.savedCursor = msg.ver, msg.cursor
	}
	var cmd tea.Cmd
	if merged := m.applyMerged(msg.saved, msg.res); merged != "" {
		cmd = m.flash(merged)
	} else if m.announceSave {
		cmd = m.flash("saved")
	}
	m.announceSave = false
	if again || ((m.quitting || m.forceQuit) && m.dirty()) {
		return tea.Batch(cmd, m.save(false))
	}
	if m.quitting || m.forceQuit {
		m.done = true
	}
	return cmd
}

// saveFailed keeps the work in memory, says so, and retries later; a quit
// waiting for the save asks before discarding anything.
func (m *Model) saveFailed(err error, queued bool) tea.Cmd {
	m.saveErr = err
	m.saveFailures++
	if m.forceQuit {
		m.done = true
		return nil
	}
	d := retryDelay(m.saveFailures)
	m.status.set(fmt.Sprintf("save failed: %v (work kept in memory; retrying in %s)", err, d), true)
	if m.quitting {
		m.quitting = false
		if m.editing() {
			m.editor.close()
		}
		m.mode = modeConfirmQuit
	}
	if queued {
		// The retry saves the latest state anyway.
		m.projQ.queued = false
	}
	return m.tick(d, retrySaveMsg{})
}

// applyMerged brings into the document what the save merged in from other
// processes, and returns the status message saying so ("" for nothing).
// Segments the translator changed since the snapshot are left for the next
// save to merge.
func (m *Model) applyMerged(saved *segments.Document, res segments.SaveResult) string {
	if !res.Merged() || saved == nil {
		return ""
	}
	before := make(map[int]segments.Status, len(res.Updated)+len(res.Conflicts))
	for _, i := range append(append([]int(nil), res.Updated...), res.Conflicts...) {
		if i < len(m.doc.Segments) {
			before[i] = m.doc.Segments[i].Status
		}
	}
	for _, i := range m.doc.ApplySaved(saved, res) {
		m.prog.change(i, before[i], m.doc.Segments[i].Status)
		if m.issues.drop(i) {
			m.table.touch(i)
		}
		if m.editing() && m.editor.segment() == i {
			// The text being typed stays; leaving or confirming starts
			// from the version that came in.
			m.orig = m.doc.Segments[i]
		}
	}
	return res.Message()
}

// poll schedules the next check for outside changes of the project file.
func (m *Model) poll() tea.Cmd {
	if m.store == nil {
		return nil
	}
	return m.tick(pollInterval, pollMsg{})
}

// onPoll checks, in a command (a stat), whether the file changed.
func (m *Model) onPoll() tea.Cmd {
	if m.saving() || m.store == nil {
		return m.poll()
	}
	changed := m.store.Changed
	return func() tea.Msg {
		c, err := changed()
		// An unreadable file is the next save's to report.
		return polledMsg{changed: c && err == nil}
	}
}

// onPolled saves when another process wrote the file: the save merges its
// work in and the status line says what came.
func (m *Model) onPolled(msg polledMsg) tea.Cmd {
	if !msg.changed {
		return m.poll()
	}
	if m.editing() {
		m.commitDraft()
	}
	return tea.Batch(m.save(false), m.poll())
}

// quit saves (the editor's text included) and exits once the save is done.
func (m *Model) quit() tea.Cmd {
	if m.editing() {
		m.commitDraft()
		m.editor.close()
		m.mode = modeBrowse
	}
	if !m.dirty() && !m.saving() || m.saveFn == nil {
		m.done = true
		return nil
	}
	m.quitting = true
	m.status.set("saving…", false)
	return m.save(false)
}

// saveState is the header's save indicator.
func (m *Model) saveState() (string, bool) {
	switch {
	case m.readOnly:
		return "read-only", false
	case m.saveFn == nil:
		return "not saved", false
	case m.saveErr != nil:
		return "save failed", true
	case m.saving():
		return "saving…", false
	case m.version != m.savedVersion || m.editing() && m.editor.value() != m.editorTarget(m.cur):
		// Cursor moves alone are saved quietly; they are not "unsaved work".
		return "unsaved", false
	}
	return "saved", false
}

// saveMemory writes the confirmed segments to the user's memory in a
// command, one write at a time: a confirm during a write queues another.
func (m *Model) saveMemory() tea.Cmd {
	if m.opts.SaveMemory == nil || m.readOnly || !m.memQ.start() {
		return nil
	}
	snap, save := unitsSnapshot(m.doc), m.opts.SaveMemory
	return func() tea.Msg { return memorySavedMsg{err: save(snap)} }
}

func (m *Model) onMemorySaved(msg memorySavedMsg) tea.Cmd {
	var cmd tea.Cmd
	if msg.err != nil {
		cmd = m.flash("user memory not updated: " + msg.err.Error())
	}
	if m.memQ.done() {
		return tea.Batch(cmd, m.saveMemory())
	}
	return cmd
}
