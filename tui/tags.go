package tui

import (
	"slices"
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"

	"github.com/trad-project/trad/segments"
)

// Inline codes in the editor (docs/tags.md). The textarea holds each tag
// of the target as one private-use rune, so it moves over a tag and
// deletes it as one character; the editor draws those runes as labels
// (‹b1›) and turns its value back into text and tags when it saves.

const (
	tagRuneBase = 0xE000
	tagRuneMax  = 0xF8FF
)

var tagKinds = [...]segments.TagKind{segments.TagOpen, segments.TagClose, segments.TagPlaceholder}

// tagRune is the rune standing for t in the textarea.
func tagRune(t segments.Tag) (rune, bool) {
	k := slices.Index(tagKinds[:], t.Kind)
	r := tagRuneBase + rune(t.ID*len(tagKinds)+k)
	if k < 0 || t.ID < 0 || r > tagRuneMax {
		return 0, false
	}
	return r, true
}

// runeTag is the tag rune r stands for.
func runeTag(r rune) (segments.Tag, bool) {
	if r < tagRuneBase || r > tagRuneMax {
		return segments.Tag{}, false
	}
	n := int(r - tagRuneBase)
	return segments.Tag{ID: n / len(tagKinds), Kind: tagKinds[n%len(tagKinds)]}, true
}

func isTagRune(r rune) bool { return r >= tagRuneBase && r <= tagRuneMax }

// encodeTags is text with a tag rune at each tag: the textarea's value.
func encodeTags(text string, tags []segments.Tag) string {
	if len(tags) == 0 {
		return text
	}
	var b strings.Builder
	p := 0
	for _, t := range tags {
		at := min(max(t.At, p), len(text))
		b.WriteString(text[p:at])
		p = at
		if r, ok := tagRune(t); ok {
			b.WriteRune(r)
		}
	}
	b.WriteString(text[p:])
	return b.String()
}

// decodeTags is the text and tags of a textarea value: the inverse of
// encodeTags.
func decodeTags(v string) segments.Tagged {
	if !strings.ContainsFunc(v, isTagRune) {
		return segments.Tagged{Text: v}
	}
	var b strings.Builder
	var tags []segments.Tag
	for _, r := range v {
		if t, ok := runeTag(r); ok {
			t.At = b.Len()
			tags = append(tags, t)
			continue
		}
		b.WriteRune(r)
	}
	return segments.Tagged{Text: b.String(), Tags: tags}
}

// segCodes returns the codes of segment i's block.
func segCodes(d *segments.Document, i int) []segments.Code {
	if i < 0 || i >= len(d.Segments) {
		return nil
	}
	b := d.Segments[i].Block
	if b < 0 || b >= len(d.Blocks) {
		return nil
	}
	return d.Blocks[b].Codes
}

// tagLabel is how tag rune r is shown with the block's codes; "" when r is
// not a tag of them.
func tagLabel(r rune, codes []segments.Code) string {
	t, ok := runeTag(r)
	if !ok {
		return ""
	}
	b := segments.Block{Codes: codes}
	c, ok := b.CodeByID(t.ID)
	if !ok {
		return "‹?›"
	}
	return c.Label(t.Kind)
}

// labelText returns text with its tags (and the wrapping pairs) shown as
// labels, idx mapping each byte offset of text to the labelled text (for
// moveSpans), and the labels' spans in style st.
func labelText(text string, tags []segments.Tag, wrap []int, codes []segments.Code, st lipgloss.Style) (string, []int, []span) {
	tags = segments.FullTags(tags, wrap, len(text))
	if len(tags) == 0 {
		return text, nil, nil
	}
	var b strings.Builder
	idx := make([]int, len(text)+1)
	var spans []span
	p := 0
	advance := func(to int) {
		for ; p < to; p++ {
			idx[p] = b.Len()
			b.WriteByte(text[p])
		}
	}
	segments.WalkTagged(text, tags, codes, func(s string) { advance(p + len(s)) }, func(t segments.Tag, c segments.Code) {
		start := b.Len()
		b.WriteString(c.Label(t.Kind))
		spans = append(spans, span{start, b.Len(), st})
	})
	idx[len(text)] = b.Len()
	return b.String(), idx, spans
}

// shownRunes is one line of the editor's value as drawn: each tag rune
// becomes its label's runes. from[k] is the value rune shown k-th; tag[k]
// says it is part of a label.
func shownRunes(line []rune, codes []segments.Code) (shown []rune, from []int, tag []bool) {
	for i, r := range line {
		if l := tagLabel(r, codes); l != "" {
			for _, lr := range l {
				shown, from, tag = append(shown, lr), append(from, i), append(tag, true)
			}
			continue
		}
		shown, from, tag = append(shown, r), append(from, i), append(tag, false)
	}
	return shown, from, tag
}

// drawTagged draws the editor's value, which holds tags, as lines of the
// given width: the textarea's wrapping rules measured on the shown text,
// the labels in the tag style, the cursor at row, col (a rune of line row),
// the byte spans marks of value underlined (misspelt words).
func drawTagged(value string, row, col, width int, codes []segments.Code, marks [][2]int, base, tagSt, cur lipgloss.Style) []string {
	var out []string
	off := 0 // byte offset of the line in value
	for li, line := range strings.Split(value, "\n") {
		runes := []rune(line)
		// byteAt[i] is the offset in value of the line's rune i.
		byteAt := make([]int, len(runes))
		for i, b := 0, off; i < len(runes); i++ {
			byteAt[i] = b
			b += utf8.RuneLen(runes[i])
		}
		shown, from, tag := shownRunes(runes, codes)
		k := 0
		for _, wl := range taWrap(shown, width) {
			var b strings.Builder
			var under [][2]int
			w := 0
			// Runs of one style are rendered at once.
			var run []rune
			var runSt *lipgloss.Style
			flush := func() {
				if len(run) > 0 {
					b.WriteString(runSt.Render(string(run)))
				}
				run = run[:0]
			}
			for range wl {
				if k >= len(shown) {
					break
				}
				st := &base
				if tag[k] {
					st = &tagSt
				}
				if li == row && from[k] == col { // a whole label under the cursor
					st = &cur
				}
				if st != runSt {
					flush()
					runSt = st
				}
				run = append(run, shown[k])
				rw := runewidth.RuneWidth(shown[k])
				if !tag[k] && inSpans(marks, byteAt[from[k]]) {
					under = addCol(under, w, w+rw)
				}
				w += rw
				k++
			}
			flush()
			if li == row && col >= len([]rune(line)) && k == len(shown) && w < width {
				b.WriteString(cur.Render(" "))
				col = -1
			}
			out = append(out, underlineCols(b.String(), under))
		}
		off += len(line) + 1
	}
	return out
}

// inSpans reports whether byte offset p is in one of the spans.
func inSpans(spans [][2]int, p int) bool {
	for _, s := range spans {
		if p >= s[0] && p < s[1] {
			return true
		}
	}
	return false
}

// insertTags inserts at the cursor the next tag of the source missing in
// the target, or with all every missing one (in the source's order).
func (e *editor) insertTags(all bool) tea.Msg {
	missing := segments.MissingTags(e.doc.Segments[e.seg].SourceTags, decodeTags(e.value()).Tags)
	if len(missing) == 0 {
		return flashIntent{"no missing tag"}
	}
	if !all {
		missing = missing[:1]
	}
	var b strings.Builder
	for _, t := range missing {
		if r, ok := tagRune(t); ok {
			b.WriteRune(r)
		}
	}
	e.insert(b.String())
	return typedIntent{}
}

// tagUnderCursor describes the tag just before or under the cursor by its
// original markup (a link's URL): the status line's hint; "" when none.
func (e *editor) tagUnderCursor() string {
	if e.seg < 0 || len(e.codes) == 0 {
		return ""
	}
	st := e.state()
	lines := strings.Split(st.value, "\n")
	if st.row >= len(lines) {
		return ""
	}
	line := []rune(lines[st.row])
	for _, c := range []int{st.col, st.col - 1} {
		if c < 0 || c >= len(line) {
			continue
		}
		t, ok := runeTag(line[c])
		if !ok {
			continue
		}
		b := segments.Block{Codes: e.codes}
		code, ok := b.CodeByID(t.ID)
		if !ok {
			return ""
		}
		s := code.Label(t.Kind) + " " + sanitizeLine(code.Markup(t.Kind))
		if u := code.URL(); u != "" {
			s += " → " + sanitizeLine(u)
		}
		return s
	}
	return ""
}

// untagged is s without the runes the editor takes for tags: text from
// elsewhere (a memory match) cannot bring tags in by accident.
func untagged(s string) string {
	if !strings.ContainsFunc(s, isTagRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isTagRune(r) {
			return -1
		}
		return r
	}, s)
}

// moveRow moves the cursor d drawn rows down (up for d < 0) within a line
// of the value that holds tags: the textarea's own up and down follow its
// wrapping, where a tag is one cell, not the drawn one. It reports false
// when it leaves the move to the textarea (no tags, or the move leaves the
// line).
func (e *editor) moveRow(d int) bool {
	if len(e.codes) == 0 {
		return false
	}
	st := e.state()
	lines := strings.Split(st.value, "\n")
	if st.row >= len(lines) || !strings.ContainsFunc(lines[st.row], isTagRune) {
		return false
	}
	line := []rune(lines[st.row])
	shown, from, _ := shownRunes(line, e.codes)
	rows := taWrap(shown, e.ta.Width())
	// The shown index of the cursor, its drawn row and column.
	k := len(shown)
	for i := range from {
		if from[i] >= st.col {
			k = i
			break
		}
	}
	start, cr := 0, 0
	for r := range rows {
		if start+len(rows[r]) > k || r == len(rows)-1 {
			cr = r
			break
		}
		start += len(rows[r])
	}
	x := runewidth.StringWidth(string(shown[start:min(k, len(shown))]))
	t := cr + d
	if t < 0 || t >= len(rows) {
		return false
	}
	start = 0
	for r := 0; r < t; r++ {
		start += len(rows[r])
	}
	end := min(start+len(rows[t]), len(shown))
	col := len(line)
	if t < len(rows)-1 && end > start {
		col = from[end-1] // the row's last character: its trailing space
	}
	w := 0
	for i := start; i < end; i++ {
		if w >= x {
			col = from[i]
			break
		}
		w += runewidth.RuneWidth(shown[i])
	}
	e.ta.SetCursor(col)
	return true
}
