package tui

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/segments"
)

// undoLimit bounds the undo stack of one segment.
const undoLimit = 200

// editState is a snapshot of the editor for undo and redo.
type editState struct {
	value    string
	row, col int
}

// editor is the target editor component: a bubbles textarea for the
// current segment's target, with what the textarea lacks: undo and redo
// within the segment, and a height that follows the wrapped text so the
// row grows as the translator types. It owns the text being typed, its
// undo stack, its width and the edit key map; the document it only reads
// (ctrl+r copies the source). What changes the document (confirming,
// leaving with a draft) it asks of the root with an intent.
type editor struct {
	ta    textarea.Model
	keys  *EditKeys
	doc   *segments.Document
	seg   int // segment being edited
	undo  []editState
	redo  []editState
	width int
	// nrows caches rows(): the display lines of the value at width.
	nrows int
	// lastRune is the rune the last change typed, -1 when the last change
	// was something else (deletion, insertion of a term, undo).
	lastRune rune
	// marks are byte spans of the value to underline (misspelt words,
	// spell.go); they belong to the value they were computed for.
	marks     [][2]int
	marksText string
	// codes are the inline codes of the segment's block: the value holds
	// its target's tags as tag runes (tags.go).
	codes          []segments.Code
	base, tagStyle lipgloss.Style
}

func newEditor(keys *EditKeys, st *Styles, doc *segments.Document) editor {
	ta := textarea.New()
	ta.KeyMap = keys.KeyMap
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	// Typing and pasting stop at editMax runes: the cost of each key grows
	// with the text (the textarea copies its line).
	ta.CharLimit = editMax
	ta.MaxHeight = 0
	ta.MaxWidth = 0
	ta.EndOfBufferCharacter = ' '
	// A steady cursor: no blink ticks, no redraws while the translator thinks.
	ta.Cursor.SetMode(cursor.CursorStatic)
	plain := lipgloss.NewStyle()
	s := textarea.Style{
		Base: plain, CursorLine: plain, CursorLineNumber: plain, EndOfBuffer: plain,
		LineNumber: plain, Placeholder: plain, Prompt: plain, Text: plain,
	}
	if !st.Mono {
		s.CursorLine = st.CurrentRow
		s.Text = st.CurrentRow
		s.EndOfBuffer = st.CurrentRow
	}
	ta.FocusedStyle, ta.BlurredStyle = s, s
	ta.Cursor.Style = lipgloss.NewStyle().Reverse(true)
	ta.Cursor.TextStyle = plain
	return editor{ta: ta, keys: keys, doc: doc, seg: -1, lastRune: -1, base: s.Text, tagStyle: st.Tag}
}

// The editor's intents (component.go).
type (
	// confirmIntent confirms segment seg with text and moves on: to the
	// next segment, or with toUntranslated to the next untranslated one.
	confirmIntent struct {
		seg            int
		text           string
		toUntranslated bool
	}
	// leaveIntent closes the editor, its text kept as a draft.
	leaveIntent struct{}
	// typedIntent says the text changed: the draft autosave is due.
	typedIntent struct{}
	// insertHitIntent inserts glossary hit n's translation at the cursor.
	insertHitIntent struct{ n int }
	// useMatchIntent puts memory match n's target into the editor,
	// replacing the text or inserted at the cursor.
	useMatchIntent struct {
		n       int
		replace bool
	}
)

// Update implements component: the edit keys become intents, undo and
// redo and ctrl+r stay inside, other keys and messages (a paste) go to
// the textarea.
func (e *editor) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return e.typing(msg)
	}
	k := e.keys
	switch {
	case key.Matches(km, k.Confirm):
		return confirmIntent{seg: e.seg, text: e.value()}, nil
	case key.Matches(km, k.ConfirmNext):
		return confirmIntent{seg: e.seg, text: e.value(), toUntranslated: true}, nil
	case key.Matches(km, k.Leave):
		return leaveIntent{}, nil
	case key.Matches(km, k.Quit):
		return quitIntent{}, nil
	case key.Matches(km, k.Save):
		return saveIntent{}, nil
	case key.Matches(km, k.Glossary):
		return paneIntent{paneAll}, nil
	case key.Matches(km, k.Help):
		return helpIntent{}, nil
	case key.Matches(km, k.Concordance):
		return concordOpenIntent{}, nil
	case key.Matches(km, k.AddTerm):
		return termOpenIntent{}, nil
	case key.Matches(km, k.CopySource):
		return e.copySource(), nil
	case key.Matches(km, k.InsertTag):
		return e.insertTags(false), nil
	case key.Matches(km, k.InsertAllTags):
		return e.insertTags(true), nil
	case key.Matches(km, k.Undo):
		return e.stepIntent(e.undoStep(), "nothing to undo"), nil
	case key.Matches(km, k.Redo):
		return e.stepIntent(e.redoStep(), "nothing to redo"), nil
	}
	switch {
	case key.Matches(km, k.KeyMap.LineNext) && e.moveRow(1),
		key.Matches(km, k.KeyMap.LinePrevious) && e.moveRow(-1):
		return nil, nil
	}
	// alt+1…9 and f1…f3 never reach here: the glossary and matches panes
	// take them first (withPanes).
	return e.typing(msg)
}

// typing passes msg to the textarea.
func (e *editor) typing(msg tea.Msg) (tea.Msg, tea.Cmd) {
	changed, cmd := e.update(msg)
	if changed {
		return typedIntent{}, cmd
	}
	return nil, cmd
}

// stepIntent is the intent after an undo or redo step: the text changed,
// or there was nothing to do.
func (e *editor) stepIntent(done bool, nothing string) tea.Msg {
	if !done {
		return flashIntent{nothing}
	}
	return typedIntent{}
}

// copySource replaces the text by the segment's source (ctrl+r).
func (e *editor) copySource() tea.Msg {
	s := &e.doc.Segments[e.seg]
	src := encodeTags(s.Source, s.SourceTags)
	if n := len(src); n > editMax {
		return flashIntent{fmt.Sprintf("the source is %s, too long to copy into the editor (limit %s)", byteSize(n), byteSize(editMax))}
	}
	e.replace(safetext.Display(src))
	return typedIntent{}
}

// View implements component: the text's lines, each as wide as the
// editor, as many as the text needs.
func (e *editor) View() string { return strings.Join(e.lines(e.width), "\n") }

// SetSize implements component: the width; the height follows the text.
func (e *editor) SetSize(w, _ int) { e.setWidth(w) }

func (e *editor) ShortHelp() []key.Binding  { return editHelp{e.keys}.ShortHelp() }
func (e *editor) FullHelp() [][]key.Binding { return editHelp{e.keys}.FullHelp() }

// open starts editing segment seg whose target is value (tags as tag
// runes, see encodeTags).
func (e *editor) open(seg int, value string) tea.Cmd {
	e.seg = seg
	e.codes = segCodes(e.doc, seg)
	e.undo, e.redo = nil, nil
	e.lastRune = -1
	e.ta.SetHeight(e.maxHeight())
	e.ta.SetValue(value)
	e.fitHeight()
	return e.ta.Focus()
}

func (e *editor) close() {
	e.ta.Blur()
	e.seg = -1
	e.undo, e.redo = nil, nil
}

func (e *editor) value() string { return e.ta.Value() }

// segment is the segment being edited, -1 when the editor is closed.
func (e *editor) segment() int { return e.seg }

func (e *editor) setWidth(w int) {
	if w < 1 {
		w = 1
	}
	if w == e.width {
		return
	}
	e.width = w
	e.ta.SetWidth(w)
	e.fitHeight()
}

// maxHeight is a height no segment reaches, used during updates so the
// textarea never scrolls its own viewport (the table scrolls instead).
func (e *editor) maxHeight() int { return 1000 }

// fitHeight sets the textarea's height to the number of display lines of its
// value, so View returns exactly the lines of text.
func (e *editor) fitHeight() {
	n := 0
	for _, line := range strings.Split(e.ta.Value(), "\n") {
		n += len(taWrap(e.shown(line), e.ta.Width()))
	}
	e.nrows = max(n, 1)
	e.ta.SetHeight(e.nrows)
}

// rows returns how many display lines the textarea shows for its value,
// counted with the textarea's own wrapping rules when the value last changed.
func (e *editor) rows() int { return max(e.nrows, 1) }

func (e *editor) state() editState {
	li := e.ta.LineInfo()
	return editState{value: e.ta.Value(), row: e.ta.Line(), col: li.StartColumn + li.ColumnOffset}
}

// restore puts the editor back into state s, cursor included.
func (e *editor) restore(s editState) {
	e.ta.SetHeight(e.maxHeight())
	e.ta.SetValue(s.value)
	for i := 0; e.ta.Line() > s.row && i < 10000; i++ {
		e.ta.CursorUp()
	}
	e.ta.SetCursor(s.col)
	e.fitHeight()
}

// pushUndo records s before a change.
func (e *editor) pushUndo(s editState) {
	e.undo = append(e.undo, s)
	if len(e.undo) > undoLimit {
		e.undo = e.undo[len(e.undo)-undoLimit:]
	}
	e.redo = nil
}

// update passes msg to the textarea and records an undo step when the value
// changes. It reports whether the value changed.
func (e *editor) update(msg tea.Msg) (bool, tea.Cmd) {
	before := e.state()
	e.ta.SetHeight(e.maxHeight())
	var cmd tea.Cmd
	e.ta, cmd = e.ta.Update(msg)
	changed := e.ta.Value() != before.value
	if changed {
		// Typing is undone a word at a time: a run of letters and the
		// spaces after it form one step; the next word starts a new one.
		var r rune = -1
		if k, ok := msg.(tea.KeyMsg); ok && (k.Type == tea.KeyRunes || k.Type == tea.KeySpace) && len(k.Runes) == 1 && !k.Alt {
			r = k.Runes[0]
		}
		wordStart := r >= 0 && !unicode.IsSpace(r) && e.lastRune >= 0 && unicode.IsSpace(e.lastRune)
		if r < 0 || e.lastRune < 0 || wordStart {
			e.pushUndo(before)
		} else {
			e.redo = nil
		}
		e.lastRune = r
	}
	e.fitHeight()
	return changed, cmd
}

// insert inserts s at the cursor as one undo step.
func (e *editor) insert(s string) {
	e.pushUndo(e.state())
	e.lastRune = -1
	e.ta.SetHeight(e.maxHeight())
	e.ta.InsertString(s)
	e.fitHeight()
}

// replace sets the whole value as one undo step.
func (e *editor) replace(s string) {
	if s == e.ta.Value() {
		return
	}
	e.pushUndo(e.state())
	e.lastRune = -1
	e.ta.SetHeight(e.maxHeight())
	e.ta.SetValue(s)
	e.fitHeight()
}

// undoStep undoes the last change; it reports false when there is none.
func (e *editor) undoStep() bool { return e.step(&e.undo, &e.redo) }

// redoStep redoes the last undone change; it reports false when there is none.
func (e *editor) redoStep() bool { return e.step(&e.redo, &e.undo) }

// step restores the state on top of from, pushing the current one on to.
func (e *editor) step(from, to *[]editState) bool {
	if len(*from) == 0 {
		return false
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, e.state())
	e.restore(s)
	e.lastRune = -1
	return true
}

// lines returns the textarea's view as lines of exactly width cells.
func (e *editor) lines(width int) []string {
	if len(e.codes) > 0 && strings.ContainsFunc(e.ta.Value(), isTagRune) {
		// The textarea would draw a tag as one cell: the editor draws
		// the value itself, with the labels.
		st := e.state()
		cur := e.base.Reverse(true)
		var marks [][2]int
		if len(e.marks) > 0 {
			marks = validMarks(e.marks, e.marksText, st.value)
		}
		out := drawTagged(st.value, st.row, st.col, e.ta.Width(), e.codes, marks, e.base, e.tagStyle.Inherit(e.base), cur)
		for i := range out {
			out[i] = fit(out[i], width)
		}
		return out
	}
	v := e.ta.View()
	out := strings.Split(strings.TrimSuffix(v, "\n"), "\n")
	n := e.rows()
	if len(out) > n {
		out = out[:n]
	}
	for i := range out {
		out[i] = fit(out[i], width)
	}
	if len(e.marks) > 0 {
		out = underlineRows(out, e.ta.Value(), e.ta.Width(), validMarks(e.marks, e.marksText, e.ta.Value()))
	}
	return out
}

// cursorRow returns the display line (wrapped) the cursor is on, counted
// from the first line of the value.
func (e *editor) cursorRow() int {
	lines := strings.Split(e.ta.Value(), "\n")
	row := 0
	for l := 0; l < e.ta.Line() && l < len(lines); l++ {
		row += len(taWrap(e.shown(lines[l]), e.ta.Width()))
	}
	if l := e.ta.Line(); l < len(lines) && strings.ContainsFunc(lines[l], isTagRune) {
		// Wrapped on the shown text: find the row of the cursor's rune.
		st := e.state()
		shown, from, _ := shownRunes([]rune(lines[l]), e.codes)
		k := 0
		for r, wl := range taWrap(shown, e.ta.Width()) {
			k += len(wl)
			if k > 0 && k <= len(from) && from[k-1] >= st.col || k >= len(from) {
				return row + r
			}
		}
	}
	return row + e.ta.LineInfo().RowOffset
}

// shown is a line of the value as drawn (tag runes as labels).
func (e *editor) shown(line string) []rune {
	if len(e.codes) == 0 || !strings.ContainsFunc(line, isTagRune) {
		return []rune(line)
	}
	s, _, _ := shownRunes([]rune(line), e.codes)
	return s
}
