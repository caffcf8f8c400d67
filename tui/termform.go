package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/glossary"
)

// Adding a term from the editor (T, or alt+T while editing): a form with
// the source term, target term, domain and note, prefilled with the text
// the last search highlighted in the current source (else nothing; ctrl+n
// adds the source's words one by one) and the word under the editor's
// cursor. enter checks the user glossary for duplicates and conflicts, in
// a command, and shows them; enter again adds the entry
// (glossary.AppendEntry: the user glossary's own format, atomically), and
// the new entry is matched at once.

// Form fields.
const (
	fieldSource = iota
	fieldTarget
	fieldDomain
	fieldNote
	fieldCount
)

var fieldNames = [fieldCount]string{"source", "target", "domain", "note"}

// termForm is the add-term component. It owns its fields, the clashes
// found and the last error; the root runs the check and the append.
type termForm struct {
	st     *Styles
	fields [fieldCount]textinput.Model
	focus  int
	width  int
	// words are the current source's words, for ctrl+n.
	words wordFeed
	// checked is the entry the clashes were found for: enter again with
	// the same entry adds it.
	checked *glossary.Entry
	clashes []glossary.Clash
	busy    bool
	err     string
	// fw and fh are the form's area (the table's).
	fw, fh int
}

func newTermForm(st *Styles) *termForm {
	f := &termForm{st: st}
	for i := range f.fields {
		ti := textinput.New()
		ti.Prompt = ""
		ti.CharLimit = 500
		ti.Cursor.SetMode(cursor.CursorStatic)
		f.fields[i] = ti
	}
	f.fields[fieldNote].CharLimit = 2000
	return f
}

// open resets the form with src and tgt in the first two fields.
func (f *termForm) open(src, tgt, source string) {
	for i := range f.fields {
		f.fields[i].SetValue("")
		f.fields[i].Blur()
	}
	f.fields[fieldSource].SetValue(src)
	f.fields[fieldTarget].SetValue(tgt)
	f.focus = fieldSource
	if src != "" {
		f.focus = fieldTarget
	}
	f.fields[f.focus].Focus()
	f.fields[f.focus].CursorEnd()
	f.words = newWordFeed(source)
	f.checked, f.clashes, f.busy, f.err = nil, nil, false, ""
}

// entry is the entry the fields describe, in languages src and tgt.
func (f *termForm) entry(src, tgt string) glossary.Entry {
	v := func(i int) string { return strings.TrimSpace(f.fields[i].Value()) }
	return glossary.Entry{
		Terms:  glossary.NewTerms(map[string][]string{glossary.BaseLang(src): {v(fieldSource)}, glossary.BaseLang(tgt): {v(fieldTarget)}}),
		Domain: v(fieldDomain),
		Note:   v(fieldNote),
	}
}

// The form's intents.
type (
	// termSubmitIntent asks the root to check the entry for clashes, or
	// to add it when force (enter again after the clashes were shown).
	termSubmitIntent struct{ force bool }
	// termCloseIntent closes the form.
	termCloseIntent struct{}
)

// Update implements component.
func (f *termForm) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	switch km.String() {
	case "esc":
		return termCloseIntent{}, nil
	case "tab", "down":
		f.move(1)
		return nil, nil
	case "shift+tab", "up":
		f.move(-1)
		return nil, nil
	case "ctrl+n":
		if f.focus == fieldSource {
			f.words.feed(&f.fields[fieldSource])
		}
		return nil, nil
	case "enter":
		if f.busy {
			return nil, nil
		}
		if strings.TrimSpace(f.fields[fieldSource].Value()) == "" || strings.TrimSpace(f.fields[fieldTarget].Value()) == "" {
			f.err = "a term needs a source and a target"
			return nil, nil
		}
		return termSubmitIntent{force: f.checked != nil}, nil
	}
	before := f.fields[f.focus].Value()
	var cmd tea.Cmd
	f.fields[f.focus], cmd = f.fields[f.focus].Update(msg)
	if f.fields[f.focus].Value() != before {
		// A changed entry is checked again.
		f.checked, f.clashes, f.err = nil, nil, ""
	}
	return nil, cmd
}

// move focuses the next (1) or previous (-1) field.
func (f *termForm) move(d int) {
	f.fields[f.focus].Blur()
	f.focus = (f.focus + d + fieldCount) % fieldCount
	f.fields[f.focus].Focus()
	f.fields[f.focus].CursorEnd()
}

// View implements component: the form's status line.
func (f *termForm) View() string {
	s := "add a term to your glossary: tab next field · ctrl+n source word · enter check and add · esc cancel"
	switch {
	case f.busy:
		s = "add a term: checking your glossary…"
	case f.checked != nil && len(f.clashes) > 0:
		s = "add a term: see the clashes above; enter adds it anyway, esc cancels, or change a field"
	}
	return fit(f.st.Prompt.Render(s), f.width)
}

// SetSize implements component (the status line's width).
func (f *termForm) SetSize(w, _ int) { f.width = max(w, 0) }

func (f *termForm) ShortHelp() []key.Binding {
	return []key.Binding{binding([]string{"tab"}, "tab", "next field"), binding([]string{"ctrl+n"}, "ctrl+n", "source word"),
		binding([]string{"enter"}, "enter", "check, add"), binding([]string{"esc"}, "esc", "cancel")}
}

func (f *termForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// form renders the form in the table's place: the fields, then the
// clashes or the error.
func (f *termForm) form() []string {
	w, h := f.fw, f.fh
	out := []string{fit(f.st.Header.Render("  Add a term"), w), fit("", w)}
	for i := range f.fields {
		mark := "  "
		if i == f.focus {
			mark = f.st.Marker.Render(f.st.CurrentGlyph) + " "
		}
		label := fmt.Sprintf("%-7s", fieldNames[i])
		f.fields[i].Width = max(w-14, 1)
		out = append(out, fit(mark+f.st.PaneMeta.Render(label)+" "+f.fields[i].View(), w))
	}
	out = append(out, fit("", w))
	if f.err != "" {
		out = append(out, fit("  "+f.st.Error.Render(sanitizeLine(f.err)), w))
	}
	if f.checked != nil && len(f.clashes) > 0 {
		for _, c := range f.clashes {
			what := fmt.Sprintf("  %s: %s → %s", c.Kind, c.Source, strings.Join(c.Targets, ", "))
			if c.Entry != nil {
				what += " · " + shortOrigin(c.Entry.Origin.File, c.Entry.Origin.Line)
				if c.Entry.Domain != "" {
					what += " · " + c.Entry.Domain
				}
			}
			out = append(out, fit(f.st.QAWarn.Render(sanitizeLine(what)), w))
		}
	}
	for len(out) < h {
		out = append(out, fit("", w))
	}
	return out[:h]
}

// termOpenIntent opens the form (T, alt+T).
type termOpenIntent struct{}

// termCheckedMsg carries the clashes of an entry with the glossary.
type termCheckedMsg struct {
	entry   *glossary.Entry
	clashes []glossary.Clash
}

// termAddedMsg reports the end of an append: the entry as written, and
// the glossary with it.
type termAddedMsg struct {
	entry *glossary.Entry
	path  string
	g     *glossary.Glossary
	err   error
}

// matcherBuiltMsg carries the matcher built after the gen-th added term.
type matcherBuiltMsg struct {
	gen     int
	matcher *glossary.Matcher
}
