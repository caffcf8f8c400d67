package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestToolKeysRemap: the tools' keys are remappable in keys.json
// (ctrl+k among them: the concordance moves, the text field's
// delete-to-end-of-line can have ctrl+k back), without conflicts, and the
// remapped keys work.
func TestToolKeysRemap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "keys.json")
	content := `{"browse": {"filter": ["ctrl+f"], "concordance": ["ctrl+o"], "note": ["#"]},
	  "edit": {"concordance": ["ctrl+o"], "delete-after-cursor": ["ctrl+k"], "add-term": ["ctrl+x"]}}`
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	k, warns, err := LoadKeyMap(p)
	if err != nil || len(warns) > 0 {
		t.Fatalf("LoadKeyMap: %v, warnings %q", err, warns)
	}
	h := newHarness(t, testDoc(), Options{Keys: &k})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.send(tea.KeyMsg{Type: tea.KeyCtrlF})
	if h.m.mode != modeFilter {
		t.Errorf("ctrl+f: mode %v, want the filter prompt", h.m.mode)
	}
	h.press("esc", "#")
	if h.m.mode != modeNote {
		t.Errorf("#: mode %v, want the note prompt", h.m.mode)
	}
	h.press("esc", "enter", "ctrl+a", "ctrl+k") // emptied with the remapped key
	h.typeText("abc")
	h.press("left", "left", "ctrl+k") // the text field's key again
	if v := h.m.editor.value(); v != "a" {
		t.Errorf("ctrl+k remapped to delete-after-cursor leaves %q", v)
	}
	h.send(tea.KeyMsg{Type: tea.KeyCtrlO})
	if h.m.mode != modeConcord {
		t.Errorf("ctrl+o in the editor: mode %v, want the concordance", h.m.mode)
	}
}
