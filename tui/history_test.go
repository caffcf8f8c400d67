package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// TestUndoConfirmInBrowse: ctrl+z after a confirm restores the version
// before the edit (not the drafts autosaved while typing), saves it, and
// the history pane shows the versions.
func TestUndoConfirmInBrowse(t *testing.T) {
	h := started(t, testDoc())
	h.press("enter") // segment 1, translated
	h.typeText(" today")
	h.fireTicks() // autosaved drafts must not fill the history
	h.typeText(" again")
	h.fireTicks()
	h.press("enter")
	s := h.m.doc.Segments[0]
	if s.Target != "Artificial intelligence and the State today again" || len(s.History) != 1 {
		t.Fatalf("after the confirm: %q with %d versions in history, want 1", s.Target, len(s.History))
	}
	h.press("k", "ctrl+z")
	s = h.m.doc.Segments[0]
	if s.Target != "Artificial intelligence and the State" || s.Status != segments.StatusTranslated {
		t.Fatalf("ctrl+z gave %q (%v)", s.Target, s.Status)
	}
	if got := h.lastSave().Segments[0].Target; got != s.Target {
		t.Fatalf("the undo was not saved: %q", got)
	}
	if v := h.view(); !strings.Contains(v, "back to its previous version") || !strings.Contains(v, "▶ 1 ✓") {
		t.Fatalf("no message, or the row was not drawn again:\n%s", v)
	}
	h.press("ctrl+z")
	if !strings.Contains(h.view(), "no earlier version") {
		t.Fatalf("a second ctrl+z does not say there is nothing left:\n%s", h.view())
	}
	// The history pane lists what a confirm replaced.
	h.press("j", "enter", "ctrl+a", "alt+k")
	h.typeText("The government released a report.\r")
	h.press("esc", "k", "H") // the confirm opened segment 3, a draft

	v := h.view()
	if !strings.Contains(v, "History (1)") || !strings.Contains(v, "reviewed") || !strings.Contains(v, "Tuesday.") {
		t.Fatalf("the history pane does not show the replaced version:\n%s", v)
	}
}

// TestPaneToggles: each pane has its key; ctrl+g still hides them all; the
// right-hand column grows with the window.
func TestPaneToggles(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Memory: testMemory()})
	h.send(tea.WindowSizeMsg{Width: 200, Height: 40})
	if h.m.paneW <= paneRightWidth || h.m.table.width < sideBySideMin {
		t.Fatalf("at 200 columns the pane is %d wide and the table %d", h.m.paneW, h.m.table.width)
	}
	h.press("down", "down", "down")
	has := func(s string) bool { return strings.Contains(h.view(), s) }
	if !has("Glossary (1)") || !has("Matches (2)") {
		t.Fatalf("panes missing:\n%s", h.view())
	}
	h.press("alt+m")
	if has("Matches (") || !has("Glossary (1)") {
		t.Fatalf("alt+m did not hide only the matches:\n%s", h.view())
	}
	h.press("alt+g")
	if has("Glossary (1)") || h.m.paneW != 0 && !has("QA") {
		t.Fatalf("alt+g did not hide the glossary:\n%s", h.view())
	}
	h.press("alt+m", "ctrl+g")
	if has("Matches (") || h.m.paneW != 0 {
		t.Fatalf("ctrl+g did not hide every pane:\n%s", h.view())
	}
	h.press("ctrl+g")
	if !has("Matches (2)") || has("Glossary (1)") {
		t.Fatalf("ctrl+g did not bring back the panes as they were:\n%s", h.view())
	}
}

// TestHugeSegmentIsWindowed: a segment far longer than the screen draws
// its start and says how much is left out; a translation too long for the
// editor is not opened, with a message.
func TestHugeSegmentIsWindowed(t *testing.T) {
	doc := hugeDoc(1<<20, true)
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down")
	if v := h.view(); !strings.Contains(v, "too long to show in full (1.0 MB)") {
		t.Fatalf("no cut-off line:\n%s", v)
	}
	if n := len(h.m.table.entry(1).tgt); n > h.m.table.height {
		t.Fatalf("the row holds %d lines", n)
	}
	h.press("enter")
	if h.m.editing() || !strings.Contains(h.view(), "too long for the editor") {
		t.Fatalf("editing %v:\n%s", h.m.editing(), h.view())
	}
}
