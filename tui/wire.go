package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// wireKey handles the keys of the QA pane, machine translation and
// spelling, before the mode's own keys; it reports false for other keys.
func (m *Model) wireKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch m.mode {
	case modeBrowse:
		k := &m.keys.Browse
		switch {
		case key.Matches(msg, k.QANext):
			return m.selectIssue(1), true
		case key.Matches(msg, k.QAPrev):
			return m.selectIssue(-1), true
		case key.Matches(msg, k.QAIgnore):
			return m.ignoreIssue(false), true
		case key.Matches(msg, k.QAUnignore):
			return m.ignoreIssue(true), true
		case key.Matches(msg, k.QAShowIgnored):
			return m.toggleIgnored(), true
		case key.Matches(msg, k.UseMT):
			return m.useMT(), true
		}
	case modeEdit:
		k := &m.keys.Edit
		switch {
		case key.Matches(msg, k.UseMT):
			return m.useMT(), true
		case key.Matches(msg, k.AddWord):
			return m.addWord(), true
		case key.Matches(msg, k.Suggest):
			return m.suggest(), true
		}
	}
	return nil, false
}

// wireAfterUpdate runs after every message: it keeps the QA pane's
// selection on the current segment, schedules the spelling check of the
// edited text and asks for machine translations.
func (m *Model) wireAfterUpdate() tea.Cmd {
	if len(m.doc.Segments) == 0 {
		return nil
	}
	if m.qx.selSeg != m.cur {
		m.qx.selSeg, m.qx.sel = m.cur, 0
	}
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
	case spellMsg:
		return m.onSpell(msg), true
	case suggestMsg:
		return m.onSuggest(msg), true
	case mtMsg:
		return m.onMT(msg), true
	}
	return nil, false
}
