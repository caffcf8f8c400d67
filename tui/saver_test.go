package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// TestOutsideChangesComeIn: while the editor is open, another process
// (trad import) saves the project; the poll notices, the editor's save
// merges it, the screen shows it with a message, and the editor's own
// confirmed work is in the file too.
func TestOutsideChangesComeIn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "article.fr.trad.json")
	if err := segments.Save(path, testDoc()); err != nil {
		t.Fatal(err)
	}
	st := segments.NewStore(path, "trad edit")
	doc, _, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, doc, Options{Store: st})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "enter")
	h.typeText("Digital sovereignty is becoming a priority.\r")

	other := segments.NewStore(path, "trad import")
	od, _, err := other.Load()
	if err != nil {
		t.Fatal(err)
	}
	od.SetDraft(6, "Brussels is preparing new rules.", segments.OriginImport, time.Now())
	if _, err := other.Save(od); err != nil {
		t.Fatal(err)
	}
	h.send(pollMsg{})
	s := h.m.doc.Segments[6]
	if s.Target != "Brussels is preparing new rules." || s.Status != segments.StatusDraft {
		t.Fatalf("the import did not reach the editor: %q (%v)", s.Target, s.Status)
	}
	if v := h.view(); !strings.Contains(v, "1 segment updated by trad import") || !strings.Contains(v, "Brussels is preparing new rules.") {
		t.Fatalf("no message or row not drawn:\n%s", v)
	}
	final, _, err := segments.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if final.Segments[3].Target != "Digital sovereignty is becoming a priority." || final.Segments[6].Target != "Brussels is preparing new rules." {
		t.Fatalf("file after the merge: %q / %q", final.Segments[3].Target, final.Segments[6].Target)
	}
	// Nothing changed outside: the poll saves nothing and says nothing.
	h.m.status.clear(h.m.status.id)
	h.send(pollMsg{})
	if strings.Contains(h.view(), "updated by") {
		t.Fatal("a poll without outside change reported one")
	}
}

// TestReadOnlyNeverSaves: a read-only editor (the project is open in
// another editor) saves nothing, says so on ctrl+s and quits at once.
func TestReadOnlyNeverSaves(t *testing.T) {
	h := newHarness(t, testDoc(), Options{ReadOnly: true})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "enter")
	h.typeText("Typed anyway.\r")
	h.press("ctrl+s")
	if !strings.Contains(h.view(), "read-only: nothing is saved") || !strings.Contains(h.view(), "read-only") {
		t.Fatalf("ctrl+s in read-only:\n%s", h.view())
	}
	h.press("esc", "q")
	if !h.quit || len(h.saves) != 0 || h.m.Unsaved() {
		t.Fatalf("quit %v, %d saves, unsaved %v", h.quit, len(h.saves), h.m.Unsaved())
	}
}
