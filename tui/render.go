package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/internal/safetext"
)

// Drawing text into cells: wrapping, styled spans (glossary hits, search
// matches, diffs) and the current row's background. Shared by the table
// and the panes.

// renderText wraps text to width-indent cells and styles it, spans
// included (sorted, not overlapping), returning lines of exactly
// width-indent cells (the caller draws the indent on the first line; later
// lines get spaces).
func renderText(text string, width, indent int, spans []span, base lipgloss.Style, bg *lipgloss.Style) []string {
	return renderWrapped(wrapText, text, width, indent, spans, base, bg)
}

// renderTarget is renderText for a target cell the editor can open on: it
// wraps as the editor's textarea does (wrapEditable).
func renderTarget(text string, width, indent int, spans []span, base lipgloss.Style, bg *lipgloss.Style) []string {
	return renderWrapped(wrapEditable, text, width, indent, spans, base, bg)
}

// renderWrapped is renderText with the wrapping rule given.
func renderWrapped(wrap func(string, int) []lineSpan, text string, width, indent int, spans []span, base lipgloss.Style, bg *lipgloss.Style) []string {
	w := max(width-indent, 1)
	if clean, idx := safetext.DisplayMap(text); idx != nil {
		// Rare: the text still holds controls. Wrap the clean text and
		// move the spans with it.
		text = clean
		spans = moveSpans(spans, idx)
	}
	lines := wrap(text, w)
	out := make([]string, len(lines))
	var b strings.Builder
	h := 0
	for li, ls := range lines {
		b.Reset()
		if li > 0 && indent > 0 {
			b.WriteString(paint(strings.Repeat(" ", indent), base, bg))
		}
		pos := ls.start
		for pos < ls.end {
			for h < len(spans) && spans[h].end <= pos {
				h++
			}
			if h < len(spans) && spans[h].start <= pos {
				end := min(spans[h].end, ls.end)
				b.WriteString(paint(text[pos:end], spans[h].st, bg))
				pos = end
				continue
			}
			end := ls.end
			if h < len(spans) && spans[h].start < end {
				end = spans[h].start
			}
			b.WriteString(paint(text[pos:end], base, bg))
			pos = end
		}
		line := b.String()
		lw := ls.width
		if lw > w {
			line = ansi.Truncate(line, w, "")
			lw = ansi.StringWidth(line)
		}
		if lw < w {
			line += paint(strings.Repeat(" ", w-lw), lipgloss.NewStyle(), bg)
		}
		out[li] = line
	}
	return out
}

// hitSpans turns glossary hits into spans drawn with st.
func hitSpans(hits []glossary.Hit, st lipgloss.Style) []span {
	if len(hits) == 0 {
		return nil
	}
	out := make([]span, len(hits))
	for i, h := range hits {
		out[i] = span{h.Start, h.End, st}
	}
	return out
}

// overlay merges two sorted span lists; where they overlap, top wins.
func overlay(under, top []span) []span {
	if len(top) == 0 {
		return under
	}
	if len(under) == 0 {
		return top
	}
	out := make([]span, 0, len(under)+len(top))
	j := 0
	for _, u := range under {
		for j < len(top) && top[j].end <= u.start {
			out = append(out, top[j])
			j++
		}
		// Cut u around the top spans that overlap it.
		start := u.start
		for k := j; k < len(top) && top[k].start < u.end; k++ {
			if top[k].start > start {
				out = append(out, span{start, top[k].start, u.st})
			}
			start = max(start, top[k].end)
		}
		if start < u.end {
			out = append(out, span{start, u.end, u.st})
		}
	}
	out = append(out, top[j:]...)
	// Restore order: top spans and cut pieces were appended interleaved.
	sortSpans(out)
	return out
}

func sortSpans(s []span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].start < s[j-1].start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// paint renders s with st, adding bg's background when bg is not nil.
// Empty strings and styles without attributes skip lipgloss entirely,
// which keeps the common plain-text row cheap.
func paint(s string, st lipgloss.Style, bg *lipgloss.Style) string {
	if s == "" {
		return ""
	}
	if bg != nil {
		st = st.Inherit(*bg)
	}
	if isPlain(st) {
		return s
	}
	return st.Render(s)
}

// isPlain reports whether st draws nothing but the text.
func isPlain(st lipgloss.Style) bool {
	return st.Value() == "" && st.GetForeground() == (lipgloss.NoColor{}) &&
		st.GetBackground() == (lipgloss.NoColor{}) && !st.GetBold() && !st.GetUnderline() &&
		!st.GetReverse() && !st.GetItalic() && !st.GetFaint()
}
