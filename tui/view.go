package tui

import (
	"fmt"
	"strings"
)

// View and the key help: the screen is the header, the table (with the
// panes beside or below), the status or prompt line and the help.

// helpHeight is the rows the key help takes: one, or with the full help
// the taller of the browsing and editing helps (so switching modes does
// not move the table), at most what leaves the table four rows.
func (m *Model) helpHeight() int {
	if !m.help.showAll() {
		return 1
	}
	n := max(len(m.help.lines(m.browse, int(modeBrowse))),
		len(m.help.lines(m.editor, int(modeEdit))))
	return max(min(n, m.height-2-4), 1)
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
	var body []string
	if m.mode == modeConcord && (m.conc.waiting || m.conc.query != "") {
		// The hits take the table's place.
		m.conc.lw, m.conc.lh = m.table.width, m.table.height
		body = m.conc.list()
	} else if m.mode == modeTerm {
		m.termF.fw, m.termF.fh = m.table.width, m.table.height
		body = m.termF.form()
	} else if m.mode == modeReplace && m.repl.step == 2 {
		m.repl.lw, m.repl.lh = m.table.width, m.table.height
		body = m.repl.list()
	} else if v := m.browse.View(); v != "" {
		body = strings.Split(v, "\n")
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
	switch c := m.prompt(); {
	case c != nil:
		lines = append(lines, c.View())
	default:
		qaNote := ""
		tag := ""
		if m.editing() {
			tag = m.editor.tagUnderCursor()
		}
		if tag != "" {
			// The original markup of the tag at the cursor: what it will be.
			qaNote = "tag " + tag
		} else if len(m.doc.Segments) > 0 {
			if is := m.issues.get(m.cur); len(is) > 0 {
				qaNote = "QA: " + issueSummary(is)
			} else if n := m.doc.Segments[m.cur].Note; n != "" {
				// Alignment notes ("check", "added in translation: …").
				qaNote = "note: " + sanitizeLine(n)
			}
		}
		lines = append(lines, m.status.line(qaNote))
	}
	m.help.setKeys(m.active(), m.helpKey())
	if v := m.help.View(); v != "" {
		lines = append(lines, strings.Split(v, "\n")...)
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	return strings.Join(lines, "\n")
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

// helpKey names the key set the help shows, for its cache: the mode, and
// the step of the components whose keys change within their mode (the
// concordance's prompt and list, the replace's prompts and list).
func (m *Model) helpKey() int {
	k := int(m.mode) * 4
	switch {
	case m.mode == modeConcord && m.conc.part:
		k += 2
	case m.mode == modeConcord && !m.conc.typing:
		k++
	case m.mode == modeReplace:
		k += m.repl.step
	}
	return k
}
