package tui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// The root's routing: which component has the keys, and carrying out what
// components ask for (their intents, component.go).

// active is the component of the current mode.
func (m *Model) active() component {
	if p := m.prompt(); p != nil {
		return p
	}
	if m.mode == modeEdit {
		return m.editKeys
	}
	return m.browseKeys
}

// prompt is the prompt open in the status line, nil when none is.
func (m *Model) prompt() component {
	switch m.mode {
	case modeSearch:
		return m.search
	case modeGoto:
		return m.gotoP
	case modeConfirmQuit:
		return m.quitQ
	case modeExport:
		return m.export
	case modeFilter:
		return m.filterP
	case modeNote:
		return m.noteP
	case modeConcord:
		return m.conc
	case modeReplace:
		return m.repl
	case modeTerm:
		return m.termF
	case modeSplit:
		return m.splitP
	}
	return nil
}

// route gives msg to component c and carries out its intent.
func (m *Model) route(c component, msg tea.Msg) tea.Cmd {
	intent, cmd := c.Update(msg)
	return tea.Batch(cmd, m.apply(intent))
}

// apply carries out a component's intent.
func (m *Model) apply(intent tea.Msg) tea.Cmd {
	switch it := intent.(type) {
	case closeIntent:
		m.mode = modeBrowse
		return m.apply(it.then)
	case flashIntent:
		return m.flash(it.text)
	case moveIntent:
		return m.moveTo(it.to)
	case quitIntent:
		return m.quit()
	case saveIntent:
		if m.editing() {
			m.commitDraft()
		}
		return m.save(true)
	case helpIntent:
		next, cmd := m.help.Update(it)
		return tea.Batch(cmd, m.apply(next))
	case layoutIntent:
		m.layout()
	case paneIntent:
		m.togglePane(it.pane)
	case foundIntent:
		for _, i := range it.redraw {
			m.table.touch(i)
		}
		return m.jumpMatch(0)
	case confirmIntent:
		return m.confirm(it)
	case leaveIntent:
		return m.leaveEdit()
	case typedIntent:
		return m.typed()
	case insertHitIntent:
		return m.insertHit(it.n)
	case useMatchIntent:
		return m.useMatch(it.n, it.replace)
	case qaIgnoreIntent:
		return m.ignoreIssue(it)
	case useMTIntent:
		return m.useMT()
	case addWordIntent:
		return m.addWord()
	case suggestIntent:
		return m.suggest()
	case filterIntent:
		return m.applyFilter(it.text)
	case clearFilterIntent:
		return m.clearFilter()
	case noteIntent:
		return m.setNote(it.text)
	case undoBulkIntent:
		return m.undoBulk()
	case exportIntent:
		return m.exportCmd(it.e)
	case quitNowIntent:
		m.done = true
	case retryQuitIntent:
		m.quitting = true
		return m.save(false)
	default:
		if cmd, ok := m.applyBrowse(intent); ok {
			return cmd
		}
		if cmd, ok := m.applyConcord(intent); ok {
			return cmd
		}
		if cmd, ok := m.applyReplace(intent); ok {
			return cmd
		}
		if cmd, ok := m.applyTerm(intent); ok {
			return cmd
		}
		if cmd, ok := m.applySplit(intent); ok {
			return cmd
		}
	}
	return nil
}

// jumpMatch moves to a match of the last search: the first at or after
// the cursor (dir 0), the next (1) or the previous one (-1).
func (m *Model) jumpMatch(dir int) tea.Cmd {
	seg, note := m.search.jump(m.cur, dir, m.table)
	if seg < 0 {
		return m.flash(note)
	}
	return tea.Batch(m.moveTo(seg), m.flash(note))
}
