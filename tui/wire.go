package tui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// wireAfterUpdate runs after every message: it keeps the QA pane's
// selection on the current segment, schedules the spelling check of the
// edited text and asks for machine translations.
func (m *Model) wireAfterUpdate() tea.Cmd {
	if len(m.doc.Segments) == 0 {
		return nil
	}
	m.qpane.follow(m.cur)
	m.markNoMT()
	return tea.Batch(m.spellWatch(), m.mtWatch())
}

// wireUpdate handles the messages of the commands of this wiring.
func (m *Model) wireUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case qaOneMsg:
		return m.onQAOne(msg), true
	case projectMsg:
		return m.onProject(msg), true
	case spellTickMsg:
		return m.onSpellTick(msg), true
	case wordAddedMsg:
		return m.onWordAdded(msg), true
	case spellMsg:
		return m.onSpell(msg), true
	case suggestMsg:
		return m.onSuggest(msg), true
	case mtMsg:
		return m.onMT(msg), true
	}
	return nil, false
}
