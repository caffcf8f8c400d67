package segments

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleRunes is the longest line that can be taken for a title: news
// headlines run past 80 characters ("Semi-conducteurs : Washington
// renforce ses contrôles sur les exportations vers la Chine", 87).
const maxTitleRunes = 120

// maxWrapRunes is the longest line a hard-wrapped paragraph has; a longer
// line that ends a sentence ends its paragraph: the text has one paragraph
// a line, as text copied from a web page does.
const maxWrapRunes = 100

// textLine is one non-blank line of plain text.
type textLine struct {
	indent int    // leading spaces
	body   string // the line without surrounding whitespace
}

// textBlocks finds the blocks of plain text s (already normalised): blank
// lines separate blocks; inside a block a newline is a soft wrap and becomes
// a space, except after a line too long to be wrapped that ends a sentence
// (one paragraph a line), and except that list items (lines starting with -, *, •, –, "1.",
// "1)", "a)") are blocks of their own, and a short title line followed by a
// paragraph is a heading block.
func textBlocks(s string) []rawBlock {
	var group []textLine
	// About one block per blank line: sizing the slice once saves copying
	// hundreds of thousands of blocks while it grows.
	blocks := make([]rawBlock, 0, strings.Count(s, "\n\n")+1)
	flush := func() {
		if len(group) > 0 {
			blocks = groupBlocks(blocks, group)
			group = group[:0]
		}
	}
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		body := strings.TrimSpace(line)
		if body == "" {
			flush()
			continue
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		group = append(group, textLine{indent: indent, body: body})
	}
	flush()
	return blocks
}

// groupBlocks appends the blocks of one group of consecutive non-blank lines.
func groupBlocks(blocks []rawBlock, group []textLine) []rawBlock {
	var (
		cur     *rawBlock // the block being filled, nil between blocks
		parts   []string  // its lines
		indents []int     // indentation of the open list levels
	)
	// width[i] is the longest line (in bytes) from group[i] on, for isTitle;
	// computed once, when first needed, so that a group stays linear.
	var width []int
	widthFrom := func(i int) int {
		if width == nil {
			width = make([]int, len(group)+1)
			for j := len(group) - 1; j >= 0; j-- {
				width[j] = max(width[j+1], len(group[j].body))
			}
		}
		return width[i]
	}
	flush := func() {
		if cur != nil {
			cur.text = joinParts(parts)
			blocks = append(blocks, *cur)
			cur, parts = nil, parts[:0]
		}
	}
	for i, ln := range group {
		if marker, rest := listMarker(ln.body); marker != "" {
			flush()
			for len(indents) > 0 && indents[len(indents)-1] > ln.indent {
				indents = indents[:len(indents)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < ln.indent {
				indents = append(indents, ln.indent)
			}
			cur = &rawBlock{kind: KindListItem, level: len(indents), marker: marker}
			parts = append(parts, rest)
			continue
		}
		if cur != nil && cur.kind == KindListItem {
			// A wrapped list item goes on indented, or unindented after a
			// line that does not end a sentence.
			if ln.indent > 0 || !endsSentence(parts[len(parts)-1]) {
				parts = append(parts, ln.body)
				continue
			}
			flush()
			indents = indents[:0]
		}
		if cur != nil && cur.kind == KindParagraph && endsParagraph(parts[len(parts)-1]) {
			flush()
		}
		if cur == nil {
			// A title on its own between blank lines ("La guerre des
			// puces"), or a title line right above its paragraph.
			lone := len(group) == 1 && titleShape(ln.body) && len(strings.Fields(ln.body)) <= maxLoneTitleWords
			if lone || i+1 < len(group) && isTitle(ln.body, group[i+1].body, widthFrom, i+1) {
				level := 2
				if len(blocks) == 0 {
					level = 1
				}
				blocks = append(blocks, rawBlock{kind: KindHeading, level: level, text: ln.body})
				continue
			}
			cur = &rawBlock{kind: KindParagraph}
		}
		parts = append(parts, ln.body)
	}
	flush()
	return blocks
}

// endsParagraph reports whether line, in a paragraph, is the last of it
// although no blank line follows: longer than a hard-wrapped line and
// ending a sentence.
func endsParagraph(line string) bool {
	return len(line) > maxWrapRunes && utf8.RuneCountInString(line) > maxWrapRunes && endsSentence(line)
}

// joinParts joins the lines of one block with single spaces (soft wraps).
func joinParts(parts []string) string {
	if len(parts) == 1 {
		return parts[0] // a substring of the input: no copy
	}
	return strings.Join(parts, " ")
}

// listMarker returns the list marker that starts line and the text after
// it, or "" when the line is not a list item.
func listMarker(line string) (marker, rest string) {
	r, n := utf8.DecodeRuneInString(line)
	switch {
	case r == '-' || r == '*' || r == '•' || r == '–':
		// the marker alone on its line is not an item
	case r >= '0' && r <= '9':
		for n < len(line) && n < 3 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n >= len(line) || (line[n] != '.' && line[n] != ')') {
			return "", line
		}
		n++
	case r >= 'a' && r <= 'z':
		if n >= len(line) || line[n] != ')' {
			return "", line
		}
		n++
	default:
		return "", line
	}
	if n >= len(line) || line[n] != ' ' {
		return "", line
	}
	rest = strings.TrimLeft(line[n:], " ")
	if rest == "" {
		return "", line
	}
	return line[:n], rest
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	// Closing quotes may follow the terminator after a (narrow) no-break
	// space, as French typography wants: « C'est fini. ».
	s = strings.TrimRight(s, "»\"”’')] \u00a0\u202f")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', ':', ';':
		return true
	}
	return false
}

// isTitle reports whether line, followed in its group by the line next and
// lines at most widthFrom(from) bytes long, is clearly a title: short, without final punctuation, starting with
// an upper-case letter or a digit, followed by a line that starts a sentence,
// and short enough that the next line's first word would have fitted on it
// had it been a hard-wrapped paragraph line.
func isTitle(line, next string, widthFrom func(int) int, from int) bool {
	if !titleShape(line) {
		return false
	}
	if m, _ := listMarker(next); m == "" {
		nr, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsUpper(nr) && !unicode.IsDigit(nr) && !strings.ContainsRune("«\"“—–-", nr) {
			return false
		}
	}
	word := next
	if i := strings.IndexByte(next, ' '); i >= 0 {
		word = next[:i]
	}
	return len(line)+1+len(word) <= widthFrom(from)
}

// titleShape reports whether line could be a title: short, without final
// punctuation (closing quotes aside), starting with an upper-case letter or
// a digit.
func titleShape(line string) bool {
	// A line of more bytes than maxTitleRunes runes can take needs no
	// counting (a 50 MB single-line article is one such line).
	if len(line) > maxTitleRunes*utf8.UTFMax || utf8.RuneCountInString(line) > maxTitleRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if unicode.IsPunct(last) && !strings.ContainsRune("»\")”’", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// maxLoneTitleWords is the most words a paragraph of one line can have and
// still be taken for a title.
const maxLoneTitleWords = 12

// cellSpans returns the trimmed, non-empty cells of a Markdown table row,
// split at the pipes that are not escaped.
func cellSpans(row string) []Span {
	var spans []Span
	start := 0
	add := func(a, b int) {
		// White space of any kind: a no-break space left at a cell's
		// edge made a segment with surrounding space (FuzzRead).
		a = b - len(strings.TrimLeftFunc(row[a:b], unicode.IsSpace))
		b = a + len(strings.TrimRightFunc(row[a:b], unicode.IsSpace))
		if a < b {
			spans = append(spans, Span{a, b})
		}
	}
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			add(start, i)
			start = i + 1
		}
	}
	add(start, len(row))
	return spans
}
