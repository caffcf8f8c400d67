package tui

import (
	"fmt"
	"unicode/utf8"
)

// Limits that keep the editor's cost bounded by what is on screen, not by
// the length of a segment (issue 10: a 50 MB single-line article).
const (
	// shownTextMax is how much of a segment's source or target a row
	// wraps; a row also keeps no more lines than the table has, the last
	// one saying the text goes on. 8 KB fills a tall screen at any width.
	shownTextMax = 8 << 10
	// lookupMax is the longest source looked up in the glossary and the
	// translation memory: longer ones are not sentences.
	lookupMax = 64 << 10
	// editMax is the longest translation the editor opens, in bytes; it is
	// also what it lets the translator type or paste (in runes).
	editMax = 256 << 10
)

// shownText returns the part of text a row wraps, cut at a rune boundary,
// and how many bytes are left out.
func shownText(text string) (string, int) {
	if len(text) <= shownTextMax {
		return text, 0
	}
	cut := shownTextMax
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut], len(text) - cut
}

// capLines keeps lines within max rows; when it cuts, or the text was cut
// before wrapping, its last row says so with the text's full size.
func capLines(st *Styles, lines []string, max, width int, cut bool, size int) []string {
	if len(lines) <= max && !cut {
		return lines
	}
	keep := min(len(lines), max-1)
	out := append(lines[:keep:keep], fit(st.PaneMeta.Render(fmt.Sprintf("… too long to show in full (%s)", byteSize(size))), width))
	return out
}

// byteSize is "12 KB", "49.9 MB".
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
