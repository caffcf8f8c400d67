package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// sanitize removes what must never reach the terminal from text that came
// from an article or a glossary: escape sequences (ESC and what follows it up
// to the final byte) and every other C0/C1 control. Tabs become spaces;
// newlines are kept. Text read through segments is already normalised, so
// the common case returns s unchanged without allocating.
func sanitize(s string) string {
	clean, _ := sanitizeMap(s, false)
	return clean
}

// sanitizeMap is sanitize that can also return, when withMap is set, the
// offset in the result of every byte offset of s (len(s)+1 entries), so
// byte spans such as glossary hits can follow the text.
func sanitizeMap(s string, withMap bool) (string, []int) {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if isControl(r) && r != '\n' {
			clean = false
			break
		}
	}
	if clean {
		return s, nil
	}
	var idx []int
	if withMap {
		idx = make([]int, len(s)+1)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		start := b.Len()
		switch {
		case r == 0x1b || r == 0x9b:
			size = escapeLen(s[i:])
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case isControl(r):
		default:
			b.WriteString(s[i : i+size])
		}
		if withMap {
			for j := i; j < i+size; j++ {
				idx[j] = start
			}
		}
		i += size
	}
	if withMap {
		idx[len(s)] = b.Len()
	}
	return b.String(), idx
}

// sanitizeLine is sanitize with newlines turned into spaces, for one-line
// places such as the header and the glossary pane.
func sanitizeLine(s string) string {
	s = sanitize(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// escapeLen returns the byte length of the escape sequence at the start of s
// (which starts with ESC or CSI): CSI sequences up to their final byte, OSC,
// DCS, APC, PM and SOS strings up to their terminator, other escapes two bytes.
func escapeLen(s string) int {
	_, first := utf8.DecodeRuneInString(s)
	if s[0] == 0xc2 { // C1 CSI encoded as U+009B
		return first + csiLen(s[first:])
	}
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', '_', '^', 'X':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	default:
		_, n := utf8.DecodeRuneInString(s[1:])
		return 1 + n
	}
}

// csiLen returns the length of a CSI sequence's parameters and final byte.
func csiLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
		if s[i] < 0x20 || s[i] > 0x7e {
			return i // malformed: stop before the odd byte
		}
	}
	return len(s)
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
