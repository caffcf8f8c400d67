package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// TestMarkerIsStructure: the heading marker is drawn beside the target as
// it is beside the source, is not in the editor, and a translator who types
// it anyway gets a clean target on confirm.
func TestMarkerIsStructure(t *testing.T) {
	doc := testDoc()
	doc.Segments[0].Target, doc.Segments[0].Status = "", segments.StatusNew
	h := started(t, doc)
	h.press("g", "enter")
	if v := h.m.editor.value(); v != "" {
		t.Fatalf("the editor holds %q; the marker is not text", v)
	}
	h.typeText("# Chips")
	if v := h.view(); !strings.Contains(v, "│ # # Chips") {
		t.Fatalf("while editing, the marker is not drawn before the typed text:\n%s", v)
	}
	h.press("enter")
	if got := h.m.doc.Segments[0].Target; got != "Chips" {
		t.Fatalf("confirmed target %q, want the marker removed", got)
	}
	if got := h.lastSave().Segments[0].Target; got != "Chips" {
		t.Fatalf("saved target %q", got)
	}
	h.press("esc", "g")
	if v := h.view(); !strings.Contains(v, "│ # Chips") {
		t.Fatalf("the marker is not drawn beside the target:\n%s", v)
	}
	// A list item's "- " typed in the second segment of a paragraph stays:
	// only a block's first segment carries the marker.
	h.press("down", "down", "down", "down", "enter")
	h.typeText("- Chips remain scarce.\r")
	if got := h.m.doc.Segments[4].Target; got != "Chips remain scarce." {
		t.Fatalf("list item target %q", got)
	}
}

// TestPlainTextTitleHasNoMarker: a .txt article's title is a heading block
// but the file has no "#": none is drawn.
func TestPlainTextTitleHasNoMarker(t *testing.T) {
	doc := testDoc()
	doc.Format = "text"
	h := started(t, doc)
	v := h.view()
	if strings.Contains(v, "# L'intelligence") || strings.Contains(v, "# Artificial") {
		t.Fatalf("a plain-text title shows a Markdown marker:\n%s", v)
	}
	if !strings.Contains(v, "- Les puces") {
		t.Fatalf("list markers, which are in the text file, are gone:\n%s", v)
	}
}

// TestMarkersCleanedOnLoad: targets saved with their block's marker are
// cleaned when the editor opens, once, and saved.
func TestMarkersCleanedOnLoad(t *testing.T) {
	doc := testDoc()
	doc.Segments[0].Target = "# Artificial intelligence and the State"
	doc.Segments[5].Target, doc.Segments[5].Status = "- The sovereign cloud is slow.", segments.StatusTranslated
	h := newHarness(t, doc, Options{})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if v := h.view(); !strings.Contains(v, "2 targets started with") || !strings.Contains(v, "segments 1, 6") {
		t.Fatalf("no report of the cleaning:\n%s", v)
	}
	h.press("q")
	saved := h.lastSave()
	if saved.Segments[0].Target != "Artificial intelligence and the State" || saved.Segments[5].Target != "The sovereign cloud is slow." {
		t.Fatalf("cleaned targets not saved: %q, %q", saved.Segments[0].Target, saved.Segments[5].Target)
	}
	if len(saved.Segments[0].History) != 1 {
		t.Fatal("the text before the cleaning is not in the history")
	}
}

// TestExportHasOneMarker: a heading translated with its marker typed in
// exports as "# Chips", not "# # Chips".
func TestExportHasOneMarker(t *testing.T) {
	doc := testDoc()
	doc.Segments[0].Target, doc.Segments[0].Status = "", segments.StatusNew
	h := started(t, doc)
	h.press("g", "enter")
	h.typeText("# Chips\r")
	h.press("esc", "down", "down", "down", "enter") // segment 5, a list item
	h.typeText("- Chips remain scarce.\r")
	var b strings.Builder
	if err := bitext.Write(&b, h.m.doc, bitext.FormatTarget, bitext.Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "# Chips\n") || strings.Contains(out, "# # ") || strings.Contains(out, "- - ") || !strings.Contains(out, "- Chips remain scarce.") {
		t.Fatalf("export:\n%s", out)
	}
}
