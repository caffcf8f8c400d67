package tui

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
)

// The components change only their own state and ask the root for the
// rest with intents: these tests drive them alone, without a Model.

func TestEditorIntents(t *testing.T) {
	doc := testDoc()
	keys := DefaultKeyMap()
	st := MonoStyles()
	tests := []struct {
		key  string
		want tea.Msg
	}{
		{"enter", confirmIntent{seg: 3, text: "Digital"}},
		{"ctrl+u", confirmIntent{seg: 3, text: "Digital", toUntranslated: true}},
		{"esc", leaveIntent{}},
		{"ctrl+c", quitIntent{}},
		{"ctrl+s", saveIntent{}},
		{"ctrl+g", paneIntent{paneAll}},
		{"f12", helpIntent{}},
		{"ctrl+y", flashIntent{"nothing to redo"}},
		{"x", typedIntent{}},
	}
	for _, tt := range tests {
		ed := newEditor(&keys.Edit, &st, doc)
		ed.SetSize(40, 0)
		ed.open(3, "Digital")
		got, _ := ed.Update(keyMsg(tt.key))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: intent %#v, want %#v", tt.key, got, tt.want)
		}
	}
	if doc.Segments[3].Target != "" || doc.Segments[3].Rev != 0 {
		t.Errorf("the editor changed the document: %+v", doc.Segments[3])
	}
}

func TestEditorCopySourceAndUndo(t *testing.T) {
	doc := testDoc()
	keys := DefaultKeyMap()
	st := MonoStyles()
	ed := newEditor(&keys.Edit, &st, doc)
	ed.SetSize(40, 0)
	ed.open(4, "")
	if it, _ := ed.Update(keyMsg("ctrl+r")); it != (typedIntent{}) || ed.value() != doc.Segments[4].Source {
		t.Fatalf("ctrl+r: intent %#v, text %q", it, ed.value())
	}
	if it, _ := ed.Update(keyMsg("ctrl+z")); it != (typedIntent{}) || ed.value() != "" {
		t.Fatalf("ctrl+z: intent %#v, text %q", it, ed.value())
	}
	if it, _ := ed.Update(keyMsg("ctrl+z")); it != (flashIntent{"nothing to undo"}) {
		t.Fatalf("second ctrl+z: intent %#v", it)
	}
}

func TestSearchComponent(t *testing.T) {
	doc := testDoc()
	st := MonoStyles()
	hl := &highlighter{st: st.SearchMatch}
	s := newSearch(&st, doc, hl)
	s.open()
	for _, r := range "gouv" {
		if it, _ := s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}); it != nil {
			t.Fatalf("typing %q: intent %#v", r, it)
		}
	}
	it, cmd := s.Update(keyMsg("enter"))
	if it != (closeIntent{}) || cmd == nil {
		t.Fatalf("enter: intent %#v, command %v", it, cmd)
	}
	res := cmd().(searchMsg)
	if !reflect.DeepEqual(res.matches, []int{1}) {
		t.Fatalf("matches %v, want [1]", res.matches)
	}
	// A second search overtakes the first: its result is dropped.
	s.open()
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("puces")})
	_, cmd2 := s.Update(keyMsg("enter"))
	if it, _ := s.Update(res); it != nil {
		t.Fatalf("stale result: intent %#v", it)
	}
	it, _ = s.Update(cmd2())
	if f, ok := it.(foundIntent); !ok || !reflect.DeepEqual(f.redraw, []int{4}) {
		t.Fatalf("result: intent %#v, want row 4 to redraw", it)
	}
	if seg, note := s.jump(0, 0, nil); seg != 4 || note != `match 1/1 for "puces"` {
		t.Errorf("jump: %d %q", seg, note)
	}
	// The next search redraws the old query's rows and the new ones.
	s.open()
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("gouv")})
	_, cmd3 := s.Update(keyMsg("enter"))
	if it, _ := s.Update(cmd3()); !reflect.DeepEqual(it, foundIntent{[]int{4, 1}}) {
		t.Fatalf("third search: intent %#v", it)
	}
	if seg, note := s.jump(1, 1, nil); seg != 1 || note != `match 1/1 for "gouv"` {
		t.Errorf("next after 1 wraps to 1: %d %q", seg, note)
	}
}

func TestGotoAndQuitPromptIntents(t *testing.T) {
	st := MonoStyles()
	g := newGoto(&st)
	g.open()
	g.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("12")})
	if it, _ := g.Update(keyMsg("enter")); it != (closeIntent{moveIntent{11}}) {
		t.Errorf("goto 12: %#v", it)
	}
	g.open()
	g.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")})
	if it, _ := g.Update(keyMsg("enter")); it != (closeIntent{flashIntent{"go to: type a segment number"}}) {
		t.Errorf("goto x: %#v", it)
	}
	keys := DefaultKeyMap()
	q := &quitPrompt{st: &st, keys: &keys.Prompt}
	for key, want := range map[string]tea.Msg{"y": quitNowIntent{}, "n": closeIntent{}, "s": closeIntent{retryQuitIntent{}}, "x": nil} {
		if it, _ := q.Update(keyMsg(key)); it != want {
			t.Errorf("quit prompt %s: %#v, want %#v", key, it, want)
		}
	}
}

func TestBrowserIntents(t *testing.T) {
	doc := testDoc()
	doc.Cursor = 2
	keys := DefaultKeyMap()
	st := MonoStyles()
	ed := newEditor(&keys.Edit, &st, doc)
	b := &browser{keys: &keys.Browse, edit: &keys.Edit, t: newTable(doc, &st, nil, nil), ed: &ed}
	b.SetSize(120, 30)
	tests := []struct {
		key  string
		want tea.Msg
	}{
		{"j", moveIntent{3}}, {"k", moveIntent{1}}, {"G", moveIntent{len(doc.Segments) - 1}}, {"g", moveIntent{0}},
		{"n", untranslatedIntent{1}}, {"N", untranslatedIntent{-1}},
		{"/", openIntent{modeSearch}}, {":", openIntent{modeGoto}}, {"ctrl+e", openIntent{modeExport}},
		{"enter", editIntent{-1}}, {"r", reviewIntent{}}, {"ctrl+z", undoConfirmIntent{}},
		{"ctrl+n", jumpIntent{1}}, {"alt+m", paneIntent{paneMatches}}, {"H", paneIntent{paneHistory}},
		{"?", helpIntent{}}, {"q", quitIntent{}}, {"x", nil},
	}
	for _, tt := range tests {
		if got, _ := b.Update(keyMsg(tt.key)); got != tt.want {
			t.Errorf("%s: intent %#v, want %#v", tt.key, got, tt.want)
		}
	}
	// The wheel scrolls the table itself; a click asks to move.
	if got, _ := b.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown}); got != (scrolledIntent{}) || b.t.top != 1 {
		t.Errorf("wheel: intent %#v, top %d", got, b.t.top)
	}
	if got, _ := b.Update(tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, X: 10, Y: 0}); got != (clickIntent{1}) {
		t.Errorf("click on the top row: %#v", got)
	}

	empty := &segments.Document{}
	b = &browser{keys: &keys.Browse, edit: &keys.Edit, t: newTable(empty, &st, nil, nil), ed: &ed}
	for key, want := range map[string]tea.Msg{"q": quitIntent{}, "j": nil, "enter": nil, "/": nil} {
		if got, _ := b.Update(keyMsg(key)); got != want {
			t.Errorf("empty document, %s: %#v, want %#v", key, got, want)
		}
	}
}
