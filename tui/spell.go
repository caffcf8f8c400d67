package tui

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"

	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/spell"
)

// This file underlines the misspelt words of the target while the
// translator types. The check runs in a command after a pause in typing
// (spellDelay), never in Update: no keystroke waits for hunspell; a result
// for a text that changed meanwhile is dropped.

// spellDelay is the pause in typing after which the target is checked.
const spellDelay = 150 * time.Millisecond

// spellState is the underlines of the text being edited.
type spellState struct {
	seenVer int // the typingVer last scheduled
	seg     int
	text    string       // the text spans belong to
	spans   []spell.Span // misspelt words of text
}

// spellTickMsg fires spellDelay after a change; ver is the typing version
// it was scheduled for.
type spellTickMsg struct{ ver int }

// spellMsg carries the misspelt words of text in segment seg.
type spellMsg struct {
	seg   int
	text  string
	spans []spell.Span
	err   error
}

// spellWatch schedules a check when the editor's text changed, or opened.
func (m *Model) spellWatch() tea.Cmd {
	if m.qx.spell == nil || !m.editing() {
		return nil
	}
	if m.typingVer == m.sp.seenVer && m.sp.seg == m.editor.seg {
		return nil
	}
	if m.sp.seg != m.editor.seg {
		m.sp.seg, m.sp.text, m.sp.spans = m.editor.seg, "", nil
		m.editor.marks = nil
	}
	m.sp.seenVer = m.typingVer
	return m.tick(spellDelay, spellTickMsg{ver: m.typingVer})
}

// onSpellTick starts the check if typing has paused since it was scheduled.
func (m *Model) onSpellTick(msg spellTickMsg) tea.Cmd {
	if msg.ver != m.typingVer || !m.editing() || m.qx.spell == nil {
		return nil
	}
	i, text := m.editor.seg, m.editor.value()
	if text == m.sp.text && i == m.sp.seg {
		return nil
	}
	seg := m.doc.Segments[i]
	skip := qa.SpellSkip(seg.Source, m.doc.SourceLang.String(), m.doc.TargetLang.String(), m.hits.get(i), m.qx.project)
	sp := m.qx.spell
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		spans, err := sp.CheckSkip(ctx, text, skip)
		return spellMsg{seg: i, text: text, spans: spans, err: err}
	}
}

// onSpell installs the underlines if the text is still the one checked.
func (m *Model) onSpell(msg spellMsg) tea.Cmd {
	if !m.editing() || m.editor.seg != msg.seg || m.editor.value() != msg.text || msg.err != nil {
		return nil
	}
	m.sp.seg, m.sp.text, m.sp.spans = msg.seg, msg.text, msg.spans
	marks := make([][2]int, len(msg.spans))
	for k, s := range msg.spans {
		marks[k] = [2]int{s.Start, s.End}
	}
	m.editor.marks, m.editor.marksText = marks, msg.text
	return nil
}

// cursorLine returns the editor's line under the cursor and the cursor's
// rune column in it.
func (m *Model) cursorLine() ([]rune, int) {
	lines := strings.Split(m.editor.value(), "\n")
	row := m.editor.ta.Line()
	if row >= len(lines) {
		return nil, 0
	}
	rs := []rune(lines[row])
	return rs, min(m.editor.ta.LineInfo().CharOffset+m.editor.ta.LineInfo().StartColumn, len(rs))
}

// wordAtCursor returns the run of letters, apostrophes and hyphens under
// (or just before) the editor's cursor, for the concordance and the
// add-term form: "NATO", "well-known".
func (m *Model) wordAtCursor() string {
	rs, col := m.cursorLine()
	isWord := func(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-' }
	start, end := col, col
	for start > 0 && isWord(rs[start-1]) {
		start--
	}
	for end < len(rs) && isWord(rs[end]) {
		end++
	}
	return strings.Trim(string(rs[start:end]), "'’-")
}

// spellWordAtCursor returns the word under (or just before) the cursor as
// spelling sees it (spell.Words, the checker's own word splitter): "add to
// dictionary" on "well-knwn" adds "knwn", the word the checker underlined,
// and nothing inside a link.
func (m *Model) spellWordAtCursor() string {
	rs, col := m.cursorLine()
	line := string(rs)
	at := len(string(rs[:col]))
	for _, w := range spell.Words(line) {
		if w.Start <= at && at <= w.End {
			return w.Word
		}
	}
	return ""
}

// spellWord is the word under the cursor for the spelling keys, or "" and
// the message saying why there is none.
func (m *Model) spellWord() (string, tea.Cmd) {
	if m.qx.spell == nil {
		return "", m.flash("spelling is off")
	}
	w := m.spellWordAtCursor()
	if w == "" {
		return "", m.flash("no word under the cursor")
	}
	return w, nil
}

// addWord adds the word under the cursor to the user dictionary, and checks
// the text again.
func (m *Model) addWord() tea.Cmd {
	w, cmd := m.spellWord()
	if w == "" {
		return cmd
	}
	// Add rewrites the user dictionary: file I/O, so it runs in a command.
	sp := m.qx.spell
	return func() tea.Msg { return wordAddedMsg{word: w, err: sp.Add(w)} }
}

// wordAddedMsg says whether adding word to the user dictionary worked.
type wordAddedMsg struct {
	word string
	err  error
}

func (m *Model) onWordAdded(msg wordAddedMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash(fmt.Sprintf("could not add %q to the dictionary: %v", msg.word, msg.err))
	}
	m.sp.text = "" // check again
	return tea.Batch(m.flash(fmt.Sprintf("%q added to your dictionary", msg.word)), m.onSpellTick(spellTickMsg{ver: m.typingVer}))
}

// suggestMsg carries hunspell's corrections of word.
type suggestMsg struct {
	word  string
	suggs []string
	err   error
}

// suggest asks for corrections of the word under the cursor, in a command.
func (m *Model) suggest() tea.Cmd {
	w, cmd := m.spellWord()
	if w == "" {
		return cmd
	}
	sp := m.qx.spell
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s, err := sp.Suggest(ctx, w)
		return suggestMsg{word: w, suggs: s, err: err}
	}
}

func (m *Model) onSuggest(msg suggestMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return m.flash(fmt.Sprintf("suggestions for %q: %v", msg.word, msg.err))
	case len(msg.suggs) == 0:
		return m.flash(fmt.Sprintf("no suggestion for %q", msg.word))
	}
	return m.flash(fmt.Sprintf("%s → %s", sanitizeLine(msg.word), sanitizeLine(strings.Join(msg.suggs[:min(len(msg.suggs), 6)], ", "))))
}

// underlineRows underlines the byte spans marks of value in rows, the
// editor's rendered lines (value soft-wrapped at width as the textarea
// does, one row per display line): escape sequences are kept, and the
// underline is set again after each of them.
func underlineRows(rows []string, value string, width int, marks [][2]int) []string {
	if len(marks) == 0 || width < 1 {
		return rows
	}
	// Column ranges per display row.
	ranges := map[int][][2]int{}
	row, off := 0, 0
	for _, line := range strings.Split(value, "\n") {
		wrapped := taWrap([]rune(line), width)
		b := off
		for r, rs := range wrapped {
			col := 0
			for _, c := range rs {
				n := utf8.RuneLen(c)
				for _, mk := range marks {
					if b >= mk[0] && b < mk[1] {
						ranges[row+r] = addCol(ranges[row+r], col, col+runewidth.RuneWidth(c))
					}
				}
				col += runewidth.RuneWidth(c)
				if b < off+len(line) {
					b += n
				}
			}
		}
		row += len(wrapped)
		off += len(line) + 1
	}
	out := make([]string, len(rows))
	for r, l := range rows {
		out[r] = underlineCols(l, ranges[r])
	}
	return out
}

// validMarks keeps the marks computed for text that still hold in value:
// those before the first byte the translator changed since (typing at the
// end keeps every underline until the next check).
func validMarks(marks [][2]int, text, value string) [][2]int {
	if text == value {
		return marks
	}
	p := 0
	for p < len(text) && p < len(value) && text[p] == value[p] {
		p++
	}
	var out [][2]int
	for _, mk := range marks {
		if mk[1] < p || mk[1] == p && p == len(text) {
			out = append(out, mk)
		}
	}
	return out
}

// addCol adds [a, b) to rs, merged with the last range when adjacent.
func addCol(rs [][2]int, a, b int) [][2]int {
	if n := len(rs); n > 0 && rs[n-1][1] == a {
		rs[n-1][1] = b
		return rs
	}
	return append(rs, [2]int{a, b})
}

// underlineCols underlines the cell ranges rs of line, a string with SGR
// escape sequences.
func underlineCols(line string, rs [][2]int) string {
	if len(rs) == 0 {
		return line
	}
	var b strings.Builder
	col, in := 0, false
	inRange := func(c int) bool {
		for _, r := range rs {
			if c >= r[0] && c < r[1] {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			j := i + 1
			if j < len(line) && line[j] == '[' {
				j++
				for j < len(line) && (line[j] < 0x40 || line[j] > 0x7e) {
					j++
				}
			}
			j = min(j+1, len(line))
			b.WriteString(line[i:j])
			if in {
				b.WriteString("\x1b[4m")
			}
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		want := inRange(col)
		if want != in {
			if want {
				b.WriteString("\x1b[4m")
			} else {
				b.WriteString("\x1b[24m")
			}
			in = want
		}
		b.WriteString(line[i : i+n])
		col += runewidth.RuneWidth(r)
		i += n
	}
	if in {
		b.WriteString("\x1b[24m")
	}
	return b.String()
}
