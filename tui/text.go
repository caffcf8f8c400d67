package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
	"github.com/trad-project/trad/internal/safetext"
)

// sanitizeLine cleans text from outside for a one-line place (the header,
// the glossary pane): safetext.Display's rules, the editor's one stripper,
// with newlines turned into spaces.
func sanitizeLine(s string) string {
	s = safetext.Display(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

// isControl reports a C0 or C1 control or DEL: the wrapper gives one no
// width (safetext.Display removes them before text reaches the screen).
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// lineSpan is one wrapped display line: the byte range [start, end) of the
// wrapped text, trailing spaces excluded, and its width in cells.
type lineSpan struct {
	start, end int
	width      int
}

// wrapText wraps s into lines of at most width terminal cells, breaking
// after spaces, around wide (CJK) characters, and inside words only when a
// word is wider than the line. Newlines force a break. Widths come from the
// same grapheme width function lipgloss uses, so CJK and emoji line up.
// It always returns at least one line. Spans index s itself, so styling
// (glossary hits) can be applied per line afterwards.
func wrapText(s string, width int) []lineSpan {
	if width < 1 {
		width = 1
	}
	var (
		lines     []lineSpan
		lineStart int
		lw        int // width of s[lineStart:pos]
		brk       = -1
		brkW      int // width of s[lineStart:brk]
	)
	emit := func(end int) {
		w := lw
		// Trim trailing spaces: they never take room at a line's end.
		for end > lineStart && s[end-1] == ' ' {
			end--
			w--
		}
		if w < 0 {
			w = 0
		}
		lines = append(lines, lineSpan{lineStart, end, w})
	}
	for pos := 0; pos < len(s); {
		g, gw := ansi.FirstGraphemeCluster(s[pos:], ansi.GraphemeWidth)
		if g == "" {
			break
		}
		if len(g) > 1 {
			// The width lipgloss lays the line out with: a cluster's own
			// width can be less ("0🏽" is 1 cell as a cluster, 3 as text),
			// and the line would then overflow its column.
			gw = ansi.StringWidth(g)
		}
		next := pos + len(g)
		switch {
		case g == "\n" || g == "\r\n":
			emit(pos)
			lineStart, lw, brk = next, 0, -1
		case g == " " || g == "\t":
			if lw == 0 && len(lines) > 0 && pos == lineStart && s[pos-1] != '\n' {
				// Spaces at the start of a soft-wrapped line are dropped.
				lineStart = next
				break
			}
			if lw+1 > width {
				emit(pos)
				lineStart, lw, brk = next, 0, -1
				break
			}
			lw++
			brk, brkW = next, lw
		default:
			if isControlCluster(g) {
				gw = 0
			}
			if gw == 2 && lw > 0 {
				brk, brkW = pos, lw // a wide character may start a line
			}
			for lw > 0 && lw+gw > width {
				if brk > lineStart && brk <= pos {
					end := brk
					rest := lw - brkW
					lw = brkW
					emit(end)
					lineStart, lw = end, rest
					brk = -1
					continue
				}
				emit(pos)
				lineStart, lw, brk = pos, 0, -1
			}
			lw += gw
			if gw == 2 {
				brk, brkW = next, lw
			}
		}
		pos = next
	}
	emit(len(s))
	return lines
}

// taWrap is the textarea's soft-wrapping algorithm (bubbles v1.0.0
// textarea.wrap, MIT licence), copied because it is unexported: the editor
// needs the exact number of display lines the textarea will draw, and the
// table draws a target in the same lines. The textarea measures the whole
// line and word again at each rune (quadratic in a long target); here the
// widths are kept up to date (widthAdd), with the same results.
// FuzzTaWrapMatchesTextarea checks it against the textarea's View.
func taWrap(runes []rune, width int) [][]rune {
	var (
		lines        = [][]rune{{}}
		word         = []rune{}
		row          int
		spaces       int
		lineW, wordW int // uniseg widths of lines[row] and word
	)
	for _, r := range runes {
		if unicode.IsSpace(r) {
			spaces++
		} else {
			wordW = widthAdd(word, wordW, []rune{r}, -1)
			word = append(word, r)
		}
		if spaces > 0 {
			if lineW+wordW+spaces > width {
				row++
				lines = append(lines, []rune{})
				lineW = 0
			}
			lineW = widthAdd(lines[row], lineW, word, wordW)
			lines[row] = append(lines[row], word...)
			sp := oneSpace[:]
			if spaces > 1 {
				sp = []rune(strings.Repeat(" ", spaces))
			}
			lineW = widthAdd(lines[row], lineW, sp, spaces)
			lines[row] = append(lines[row], sp...)
			spaces = 0
			word, wordW = nil, 0
		} else {
			lastCharLen := runewidth.RuneWidth(word[len(word)-1])
			if wordW+lastCharLen > width {
				if len(lines[row]) > 0 {
					row++
					lines = append(lines, []rune{})
					lineW = 0
				}
				lineW = widthAdd(lines[row], lineW, word, wordW)
				lines[row] = append(lines[row], word...)
				word, wordW = nil, 0
			}
		}
	}
	if lineW+wordW+spaces >= width {
		lines = append(lines, []rune{})
		lines[row+1] = append(lines[row+1], word...)
	} else {
		lines[row] = append(lines[row], word...)
	}
	return lines
}

var oneSpace = [1]rune{' '}

// widthAdd returns the uniseg width of a followed by b, given a's width aw
// and b's bw (-1: unknown). Where a ends and b starts with ASCII the two
// never share a grapheme cluster and the widths add up; elsewhere (a
// combining mark, a ZWJ sequence, a cut inside a word) the whole is
// measured, as the textarea does.
func widthAdd(a []rune, aw int, b []rune, bw int) int {
	if bw < 0 && len(b) == 1 && b[0] < utf8.RuneSelf {
		bw = 0 // an ASCII control
		if b[0] >= 0x20 && b[0] < 0x7F {
			bw = 1
		}
	}
	switch {
	case len(b) == 0:
		return aw
	case len(a) == 0 && bw >= 0:
		return bw
	case len(a) > 0 && a[len(a)-1] < utf8.RuneSelf && b[0] < utf8.RuneSelf:
		if bw < 0 {
			bw = uniseg.StringWidth(string(b))
		}
		return aw + bw
	}
	return uniseg.StringWidth(string(a) + string(b))
}

// wrapEditable wraps an editable target as the editor's textarea will
// (taWrap, line by line), as spans of s like wrapText's: the table draws
// the target cell with it, so a row keeps its height when the editor opens
// on it. Unlike wrapText, a word must fit with the space after it, a run
// of CJK is one word, and a last line that fills the width is followed by
// an empty one (where the textarea keeps its cursor).
func wrapEditable(s string, width int) []lineSpan {
	if width < 1 {
		width = 1
	}
	var out []lineSpan
	start := 0
	for {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		pos := start
		for _, row := range taWrap([]rune(s[start:end]), width) {
			// A row holds the line's runes in order (spaces drawn as ' ').
			from := pos
			for range row {
				_, n := utf8.DecodeRuneInString(s[pos:])
				pos += n
			}
			last := pos
			for last > from {
				r, n := utf8.DecodeLastRuneInString(s[from:last])
				if !unicode.IsSpace(r) {
					break
				}
				last -= n
			}
			out = append(out, lineSpan{from, last, ansi.StringWidth(s[from:last])})
		}
		if end == len(s) {
			return out
		}
		start = end + 1
	}
}

func isControlCluster(g string) bool {
	r, _ := utf8.DecodeRuneInString(g)
	return isControl(r) || (len(g) == utf8.RuneLen(r) && unicode.Is(unicode.Cf, r) && r != 0x200d)
}

// fit truncates s to width cells and pads it to exactly width.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		s = ansi.Truncate(s, width, "…")
		w = ansi.StringWidth(s)
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}
