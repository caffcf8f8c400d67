package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestNoteSession: m adds a note (saved at once), the row carries the
// glyph, the notes pane (M) shows it, the filter finds it, an empty note
// removes it, esc cancels.
func TestNoteSession(t *testing.T) {
	h := started(t, testDoc())
	h.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	h.press("down", "down", "m")
	h.typeText("ask the client: \"centres\" or \"centers\"?\r")
	if got := h.m.doc.Segments[2].Note; got != `ask the client: "centres" or "centers"?` {
		t.Fatalf("note = %q", got)
	}
	if got := h.lastSave().Segments[2].Note; got != h.m.doc.Segments[2].Note {
		t.Fatalf("the note was not saved: %q", got)
	}
	v := h.view()
	if !strings.Contains(v, "3 ✎✱") {
		t.Errorf("row 3 lacks the note glyph:\n%s", v)
	}
	h.press("down")
	h.press("M")
	v = h.view()
	for _, want := range []string{"Notes (1)", "segment 4 has no note", "3 ask the client"} {
		if !strings.Contains(v, want) {
			t.Errorf("notes pane lacks %q:\n%s", want, v)
		}
	}
	h.press("up")
	if v := h.view(); !strings.Contains(v, "this segment") || !strings.Contains(v, "note: ask the client") {
		t.Errorf("the current note is not in the pane and status line:\n%s", v)
	}
	// esc cancels, keeping the note.
	h.press("m", "ctrl+a", "ctrl+k", "esc")
	if h.m.doc.Segments[2].Note == "" {
		t.Fatal("esc removed the note")
	}
	typeFilter(h, "notes")
	if got := h.m.table.rows; len(got) != 1 || got[0] != 2 {
		t.Errorf("filter notes keeps %v, want [2]", got)
	}
	h.press("F", "m", "ctrl+a", "ctrl+k", "enter")
	if h.m.doc.Segments[2].Note != "" || !strings.Contains(h.m.status.msg, "note removed") {
		t.Errorf("an empty note: %q, status %q", h.m.doc.Segments[2].Note, h.m.status.msg)
	}
	h.press("M")
	if strings.Contains(h.view(), "Notes (") {
		t.Error("M did not hide the notes pane")
	}
}
