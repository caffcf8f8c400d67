package tui

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// The panes own the keys that act on what they show: each turns its keys
// into intents for the root and leaves the others alone.
func TestPaneIntents(t *testing.T) {
	doc := testDoc()
	doc.Cursor = 2
	keys := DefaultKeyMap()
	st := MonoStyles()
	ed := newEditor(&keys.Edit, &st, doc)
	mp := newMatchPane(&st, &keys, &ed, "")
	gp := newGlossaryPane(&st, &keys.Edit, "en")
	f4 := tea.KeyMsg{Type: tea.KeyF4}
	for _, tt := range []struct {
		name string
		c    component
		key  tea.KeyMsg
		want tea.Msg
	}{
		{"browse f2", mp, keyMsg("f2"), editIntent{1}},
		{"browse f4", mp, f4, useMTIntent{}},
		{"browse j", mp, keyMsg("j"), nil},
		{"alt+3", gp, keyMsg("alt+3"), insertHitIntent{2}},
		{"j to the glossary", gp, keyMsg("j"), nil},
	} {
		if got, _ := tt.c.Update(tt.key); got != tt.want {
			t.Errorf("%s: intent %#v, want %#v", tt.name, got, tt.want)
		}
	}
	ed.open(2, "")
	for key, want := range map[string]tea.Msg{"f1": useMatchIntent{0, true}, "shift+f2": useMatchIntent{1, false}, "j": nil} {
		if got, _ := mp.Update(keyMsg(key)); got != want {
			t.Errorf("editing, %s: intent %#v, want %#v", key, got, want)
		}
	}
	if got, _ := mp.Update(f4); got != (useMTIntent{}) {
		t.Errorf("editing, f4: intent %#v", got)
	}
}

func TestQAPaneIntents(t *testing.T) {
	doc := testDoc()
	doc.Cursor = 1
	keys := DefaultKeyMap()
	st := MonoStyles()
	issues := newIssueStore()
	p := newQAPane(&st, &keys.Browse, issues, doc)
	tab, shiftTab := tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyShiftTab}
	if got, _ := p.Update(tab); got != (flashIntent{"no QA issue in this segment"}) {
		t.Errorf("tab without findings: %#v", got)
	}
	issues.set(1, []qa.Issue{
		{Segment: 1, Check: "numbers", Key: "n1", Message: "5 missing"},
		{Segment: 1, Check: "glossary", Key: "g1", Message: "chip", Ignored: &segments.QAIgnore{Who: "ann"}},
		{Segment: 1, Check: "links", Key: "l1", Message: "link"},
	})
	p.follow(1)
	ver := p.version()
	if got, _ := p.Update(tab); got != nil || p.sel != 1 || p.version() == ver {
		t.Fatalf("tab: intent %#v, selection %d, version %d (was %d)", got, p.sel, p.version(), ver)
	}
	// The selection is among the standing findings: the ignored one is not listed.
	if got, _ := p.Update(keyMsg("x")); got != (qaIgnoreIntent{seg: 1, check: "links", key: "l1"}) {
		t.Errorf("x: %#v", got)
	}
	p.Update(shiftTab)
	p.Update(shiftTab) // wraps around
	if got, _ := p.Update(keyMsg("X")); got != (qaIgnoreIntent{seg: 1, check: "links", key: "l1", undo: true}) {
		t.Errorf("X after two shift+tab: %#v", got)
	}
	if got, _ := p.Update(keyMsg("I")); got != (flashIntent{"QA pane: ignored issues shown (1 here)"}) || len(p.shown()) != 3 || p.sel != 0 {
		t.Errorf("I: %#v, %d shown, selection %d", got, len(p.shown()), p.sel)
	}
	if got, _ := p.Update(keyMsg("j")); got != nil {
		t.Errorf("j to the QA pane: %#v", got)
	}
	// Moving to another segment starts at its first finding.
	p.Update(tab)
	p.follow(2)
	if p.sel != 0 {
		t.Errorf("selection %d on a new segment", p.sel)
	}
}

// withPanes gives the panes the keys first, and nothing to them when the
// document has no segment.
func TestWithPanesOrder(t *testing.T) {
	keys := DefaultKeyMap()
	st := MonoStyles()
	doc := testDoc()
	ed := newEditor(&keys.Edit, &st, doc)
	b := &browser{keys: &keys.Browse, edit: &keys.Edit, t: newTable(doc, &st, nil, nil), ed: &ed}
	mp := newMatchPane(&st, &keys, &ed, "")
	w := &withPanes{component: b, doc: doc, panes: []keyTaker{mp.takeBrowseKey}}
	for key, want := range map[string]tea.Msg{"f3": editIntent{2}, "enter": editIntent{-1}} {
		if got, _ := w.Update(keyMsg(key)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %#v, want %#v", key, got, want)
		}
	}
	empty := &segments.Document{}
	b = &browser{keys: &keys.Browse, edit: &keys.Edit, t: newTable(empty, &st, nil, nil), ed: &ed}
	w = &withPanes{component: b, doc: empty, panes: []keyTaker{mp.takeBrowseKey}}
	if got, _ := w.Update(keyMsg("f3")); got != nil {
		t.Errorf("f3 in an empty document: %#v", got)
	}
}
