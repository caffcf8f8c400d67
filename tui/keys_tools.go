package tui

import "github.com/charmbracelet/bubbles/key"

// The keys of the translator's tools (issue 12): filter, notes,
// concordance, replace, repetitions, terms, split and merge. They are
// remappable in keys.json like the others (docs/keys.md).

func defaultToolKeys(k *KeyMap) {
	b := binding
	br := &k.Browse
	br.Filter = b([]string{"f"}, "f", "filter rows")
	br.ClearFilter = b([]string{"F"}, "F", "clear filter")
	br.Note = b([]string{"m"}, "m", "note")
	br.PaneNotes = b([]string{"M"}, "M", "notes pane")
	br.Concordance = b([]string{"ctrl+k"}, "ctrl+k", "concordance")
	br.Replace = b([]string{"R"}, "R", "replace in targets")
	br.UndoBulk = b([]string{"U"}, "U", "undo replace/fill")
	br.AddTerm = b([]string{"T"}, "T", "add a term")
	br.Split = b([]string{"S"}, "S", "split segment")
	br.Merge = b([]string{"J"}, "J", "merge with next")
	ed := &k.Edit
	ed.Concordance = b([]string{"ctrl+k"}, "ctrl+k", "concordance")
	ed.AddTerm = b([]string{"alt+T"}, "alt+T", "add a term")
	// ctrl+k is the concordance (issue 12); the text field's "delete to
	// the end of the line" moves to alt+k.
	ed.DeleteAfterCursor = b([]string{"alt+k"}, "alt+k", "delete to end of line")
}

// toolActions adds the tools' actions to m, the keys.json names.
func (k *KeyMap) toolActions(m map[string][]keyAction) {
	br := &k.Browse
	m["browse"] = append(m["browse"],
		keyAction{"filter", &br.Filter}, keyAction{"clear-filter", &br.ClearFilter},
		keyAction{"note", &br.Note}, keyAction{"pane-notes", &br.PaneNotes},
		keyAction{"concordance", &br.Concordance},
		keyAction{"replace", &br.Replace}, keyAction{"undo-bulk", &br.UndoBulk},
		keyAction{"add-term", &br.AddTerm}, keyAction{"split", &br.Split}, keyAction{"merge", &br.Merge})
	ed := &k.Edit
	m["edit"] = append(m["edit"], keyAction{"concordance", &ed.Concordance}, keyAction{"add-term", &ed.AddTerm})
}

// toolColumn is the tools' column of the browsing help.
func toolColumn(k *BrowseKeys) []key.Binding {
	return []key.Binding{k.Filter, k.ClearFilter, k.Note, k.PaneNotes, k.Concordance, k.Replace, k.UndoBulk, k.AddTerm, k.Split, k.Merge}
}
