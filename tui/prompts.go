package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/bubbles/key"
)

// The one-line prompts' keys: search (/), go-to (:) and the question after
// a failed save. The prompt components (search.go, goto.go) own their text
// inputs; the export picker is in export.go.

func (m *Model) searchKey(msg tea.KeyMsg) tea.Cmd {
	q, res, cmd := m.search.handle(msg)
	if res == promptEditing {
		return cmd
	}
	m.mode = modeBrowse
	if q = strings.TrimSpace(q); q == "" {
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
	v, res, cmd := m.gotoP.handle(msg)
	if res == promptEditing {
		return cmd
	}
	m.mode = modeBrowse
	if res == promptCancelled {
		return nil
	}
	i, ok := gotoTarget(v, len(m.doc.Segments))
	if !ok {
		return m.flash("go to: type a segment number")
	}
	return m.moveTo(i)
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
