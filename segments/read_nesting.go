package segments

import (
	"fmt"
	"strings"
)

// Limits on Markdown container nesting. goldmark re-examines every open
// container (list item, block quote) for each line, and each check measures
// the line's indentation from its start, so every line inside containers
// nested d deep costs about d² steps: 2,000 nested list items took 28 s,
// and even 20 levels read at 1 MB/s. Only lines with a list or quote marker
// open containers, so limitNesting flattens those that would go deeper;
// lines without a marker (code, continuation text) are never changed.
const (
	// maxIndent is the deepest column at which a list or quote marker is
	// kept (a tab moves to the next multiple of 4): six levels of lists
	// indented by four spaces, twelve by two.
	maxIndent = 24
	// maxMarkers is the most list and quote markers kept at the start of
	// one line ("- - - item", "> > >").
	maxMarkers = 6
)

// limitNesting returns s with every line whose container prefix (spaces,
// tabs, list markers, quote markers) puts a marker deeper than maxIndent
// columns or holds more than maxMarkers markers cut back to that depth: the
// rest of the prefix (indentation and markers) is dropped, the line's text
// kept. It returns s itself when no
// line needs it (the common case, without allocating), and otherwise the
// 1-based number of the first line changed and how many were.
func limitNesting(s string) (string, nestingReport) {
	var (
		b   strings.Builder
		rep nestingReport
		pos int // s[:pos] is copied to b (once b is used)
	)
	for start, line := 0, 1; start < len(s); line++ {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		if cut, skip := deepPrefix(s[start:end]); skip > 0 {
			if rep.Lines == 0 {
				b.Grow(len(s))
				rep.First = line
			}
			rep.Lines++
			b.WriteString(s[pos : start+cut])
			pos = start + cut + skip
		}
		start = end + 1
	}
	if rep.Lines == 0 {
		return s, rep
	}
	b.WriteString(s[pos:])
	return b.String(), rep
}

// nestingReport says what limitNesting changed.
type nestingReport struct{ First, Lines int }

// warning describes the change for the reader's warnings ("" when none).
func (r nestingReport) warning() string {
	if r.Lines == 0 {
		return ""
	}
	return fmt.Sprintf("Markdown lists or quotes nested too deep (a marker past column %d, or more than %d markers on a line): "+
		"%d lines flattened to that depth, as nesting that deep makes reading slow", maxIndent, maxMarkers, r.Lines)
}

// deepPrefix looks at the container prefix of line. When it goes past the
// limits it returns where the excess starts and how many bytes of prefix
// to drop from there (the text after the prefix is kept); skip is 0
// otherwise.
func deepPrefix(line string) (cut, skip int) {
	col, markers := 0, 0
	for i := 0; i < len(line); {
		n, marker := prefixToken(line, i)
		if n == 0 {
			return 0, 0
		}
		if line[i] == '\t' {
			col += 4 - col%4
		} else {
			col += n
		}
		if marker {
			markers++
		}
		if col > maxIndent || markers > maxMarkers {
			j, marked := i, false
			for j < len(line) {
				n, m := prefixToken(line, j)
				if n == 0 {
					break
				}
				j += n
				marked = marked || m
			}
			if !marked { // deep indentation without a marker opens nothing
				return 0, 0
			}
			return i, j - i
		}
		i += n
	}
	return 0, 0
}

// prefixToken returns the length of the container-prefix token at line[i]
// (a space, a tab, a quote marker ">", a bullet "-", "*" or "+" followed by
// a space, a tab or the line's end, or an ordered marker "12." or "3)"
// likewise followed) and whether it is a marker; 0 when line[i:] starts
// with text.
func prefixToken(line string, i int) (n int, marker bool) {
	endsMarker := func(j int) bool { return j == len(line) || line[j] == ' ' || line[j] == '\t' }
	switch c := line[i]; {
	case c == ' ' || c == '\t':
		return 1, false
	case c == '>':
		return 1, true
	case (c == '-' || c == '*' || c == '+') && endsMarker(i+1):
		return 1, true
	case c >= '0' && c <= '9':
		j := i
		for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') && endsMarker(j+1) {
			return j + 1 - i, true
		}
	}
	return 0, false
}
