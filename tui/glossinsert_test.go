package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
)

// pluralFinder finds "puces" as the plural of the entry "puce" → "chip".
type pluralFinder struct{}

func (pluralFinder) Match(text string) []glossary.Hit {
	i := strings.Index(text, "puces")
	if i < 0 {
		return nil
	}
	return []glossary.Hit{{Start: i, End: i + len("puces"), Text: "puces", Term: "puce", Targets: []string{"chip", "semiconductor"},
		Plural: true, Entry: &glossary.Entry{POS: "noun", Note: "not the insect"}}}
}

// TestInsertHitAdapts: a hit inserted at the start of a sentence is
// capitalised, mid-sentence it is not; the same key again cycles through
// the entry's translations (one undo step each); the status line shows
// them with the note.
func TestInsertHitAdapts(t *testing.T) {
	h := started(t, testDoc())
	h.press("down", "down", "down", "enter") // "La souveraineté numérique devient une priorité."
	h.press("alt+1")
	if v := h.m.editor.value(); v != "Digital sovereignty" {
		t.Fatalf("at the start of the target: %q", v)
	}
	h.typeText(" matters. ")
	h.press("alt+1")
	if v := h.m.editor.value(); v != "Digital sovereignty matters. Digital sovereignty" {
		t.Fatalf("after a full stop: %q", v)
	}
	// After an opening quote, bracket or dash that follows a full stop:
	// still a sentence start (glossary.SentenceStart's rule).
	for _, open := range []string{"« ", "(", "— "} {
		h.press("ctrl+a", "alt+k")
		h.typeText("Fin. " + open)
		h.press("alt+1")
		if v := h.m.editor.value(); v != "Fin. "+open+"Digital sovereignty" {
			t.Fatalf("after %q: %q", open, v)
		}
	}
	h.press("esc", "up", "enter", "ctrl+a", "alt+k") // segment 3: "centres de données"
	h.typeText("Most ")
	h.press("alt+1")
	if v := h.m.editor.value(); v != "Most data centres" {
		t.Fatalf("mid-sentence: %q", v)
	}
	if s := h.m.status.msg; !strings.Contains(s, "[data centres], data centers") || !strings.Contains(s, "alt+1 again: next") {
		t.Errorf("status: %q", s)
	}
	h.press("alt+1")
	if v := h.m.editor.value(); v != "Most data centers" || !strings.Contains(h.m.status.msg, "data centres, [data centers]") {
		t.Fatalf("alt+1 again: %q, status %q", h.m.editor.value(), h.m.status.msg)
	}
	h.press("alt+1")
	if v := h.m.editor.value(); v != "Most data centres" {
		t.Fatalf("alt+1 a third time wraps around: %q", v)
	}
	h.press("ctrl+z")
	if v := h.m.editor.value(); v != "Most " {
		t.Errorf("one undo leaves %q, want the text before the insertion", v)
	}
	// Typing in between: the key inserts the first translation again.
	h.press("alt+1")
	h.typeText(" and ")
	h.press("alt+1")
	if v := h.m.editor.value(); v != "Most data centres and data centres" {
		t.Errorf("after typing: %q", v)
	}
}

// TestInsertHitPlural: a plural hit inserts the plural; the entry's note
// is in the status line.
func TestInsertHitPlural(t *testing.T) {
	h := newHarness(t, testDoc(), Options{Hits: pluralFinder{}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "down", "enter") // "Les puces restent rares."
	h.typeText("The ")
	h.press("alt+1")
	if v := h.m.editor.value(); v != "The chips" {
		t.Fatalf("plural: %q", v)
	}
	if s := h.m.status.msg; !strings.Contains(s, "(plural)") || !strings.Contains(s, "note: not the insect") {
		t.Errorf("status: %q", s)
	}
	h.press("alt+1")
	if v := h.m.editor.value(); v != "The semiconductors" {
		t.Fatalf("next translation, plural: %q", v)
	}
}
