package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/segments"
)

// Notes on segments: m opens a prompt with the current segment's note
// (enter saves it, an empty line removes it, esc cancels); rows with a
// note carry a glyph, the status line shows the current one, and the
// notes pane (M) shows it in full with the article's other notes.

// noteMax bounds a note typed in the prompt.
const noteMax = 4000

// notePrompt is the "m" prompt. It owns the text typed and the segment it
// was opened on.
type notePrompt struct {
	prompt
	seg int
}

func newNotePrompt(st *Styles) *notePrompt {
	p := &notePrompt{prompt: newPrompt(st, "note: ", "a note on this segment (empty: remove it)", "save note")}
	p.input.CharLimit = noteMax
	return p
}

// openOn opens the prompt on segment seg with its note.
func (p *notePrompt) openOn(seg int, note string) {
	p.open()
	p.seg = seg
	// A note is one line in the prompt: line breaks read as spaces.
	p.input.SetValue(strings.Join(strings.Fields(safetext.Display(note)), " "))
	p.input.CursorEnd()
}

// noteIntent asks the root to set the current segment's note.
type noteIntent struct{ text string }

// Update implements component.
func (p *notePrompt) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	return p.submitted(msg, func(v string) tea.Msg { return noteIntent{v} })
}

// setNote replaces the current segment's note and saves.
func (m *Model) setNote(text string) tea.Cmd {
	i, now := m.noteP.seg, m.now()
	if i < 0 || i >= len(m.doc.Segments) {
		return nil
	}
	text = strings.TrimSpace(segments.Normalize(text))
	if !m.change(i, func(d *segments.Document) bool { return d.SetNote(i, text, now) }) {
		return m.flash("note unchanged")
	}
	msg := fmt.Sprintf("segment %d: note saved", i+1)
	if text == "" {
		msg = fmt.Sprintf("segment %d: note removed", i+1)
	}
	return tea.Batch(m.save(false), m.flashHere(msg))
}

// notesPane shows the current segment's note in full, then the other
// segments' notes, one line each, from the current one on (wrapping
// around). It owns only its size.
type notesPane struct{ paneBox }

func (p *notesPane) view(doc *segments.Document, cur int) []string {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	border, inner := paneBorder(p.st, p.width, true)
	n := 0
	for i := range doc.Segments {
		if doc.Segments[i].Note != "" {
			n++
		}
	}
	lines := []string{paneTitle(p.st, fmt.Sprintf("Notes (%d)", n), inner, p.right)}
	note := sanitizeLine(doc.Segments[cur].Note)
	if note == "" {
		lines = append(lines, p.st.PaneMeta.Render(fmt.Sprintf("segment %d has no note", cur+1)))
	} else {
		lines = append(lines, p.st.PaneNum.Render(fmt.Sprint(cur+1))+" "+p.st.PaneMeta.Render("this segment"))
		for _, ls := range wrapText(note, max(inner-2, 1)) {
			lines = append(lines, "  "+p.st.PaneTarget.Render(note[ls.start:ls.end]))
		}
	}
	// The others, as many as fit, in document order from the cursor.
	for k := 1; k < len(doc.Segments) && len(lines) < p.height; k++ {
		i := (cur + k) % len(doc.Segments)
		if doc.Segments[i].Note == "" {
			continue
		}
		num := fmt.Sprint(i + 1)
		lines = append(lines, fit(p.st.PaneNum.Render(num)+" "+sanitizeLine(doc.Segments[i].Note), inner))
	}
	return paneFrame(lines, p.width, p.height, border, inner)
}
