package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/bubbles/key"

	"github.com/trad-project/trad/segments"
)

// keyTaker is a pane's (or a part's) share of a mode's keys: it returns the
// intent of a key it owns, or false to leave the key to the others.
type keyTaker func(tea.KeyMsg) (intent tea.Msg, ok bool)

// withPanes is a mode's component (the browser, the editor) with the
// panes that own some of that mode's keys: the QA pane's selection and
// ignoring, the matches pane's f1…f3 and f4, the glossary pane's alt+1…9,
// the spelling keys. The panes see a key first, as they did when the root
// checked their keys before the mode's own; what they do not take goes to
// the component. With no segment there is nothing for a pane to act on.
type withPanes struct {
	component
	doc   *segments.Document
	panes []keyTaker
}

// Update implements component.
func (w *withPanes) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && len(w.doc.Segments) > 0 {
		for _, take := range w.panes {
			if it, ok := take(km); ok {
				return it, nil
			}
		}
	}
	return w.component.Update(msg)
}

// takeUpdate is a pane's Update: the intent of a key its taker owns,
// nothing for other keys and messages.
func takeUpdate(take keyTaker, msg tea.Msg) (tea.Msg, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		it, _ := take(km)
		return it, nil
	}
	return nil, nil
}

// The spelling intents (spell.go).
type (
	// addWordIntent adds the word under the editor's cursor to the user
	// dictionary.
	addWordIntent struct{}
	// suggestIntent asks for corrections of the word under the cursor.
	suggestIntent struct{}
)

// spellKeys takes the spelling keys of editing (alt+a, alt+s).
func spellKeys(k *EditKeys) keyTaker {
	return func(km tea.KeyMsg) (tea.Msg, bool) {
		switch {
		case key.Matches(km, k.AddWord):
			return addWordIntent{}, true
		case key.Matches(km, k.Suggest):
			return suggestIntent{}, true
		}
		return nil, false
	}
}
