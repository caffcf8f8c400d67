package bitext

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/trad-project/trad/segments"
)

// WriteMarkdown writes doc as bilingual Markdown. The "table" layout (the
// default) is a GFM table with one row per segment: number, source, and the
// exported target (empty when the segment is not exported). Cells are
// escaped so that a CommonMark+GFM parser reads back exactly the segment
// text: see MarkdownCell. The "parallel" layout writes each block as its
// source followed by its translation, keeping headings, list items, quotes
// and code blocks.
func WriteMarkdown(w io.Writer, doc *segments.Document, opts Options) error {
	src, tgt, err := langTags(doc)
	if err != nil {
		return fmt.Errorf("write Markdown: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	switch opts.Markdown.Layout {
	case "", LayoutTable:
		fmt.Fprintf(bw, "| # | Source (%s) | Target (%s) |\n|--:|---|---|\n", src, tgt)
		var num [20]byte
		for i := range doc.Segments {
			s := &doc.Segments[i]
			bw.WriteString("| ")
			bw.Write(strconv.AppendInt(num[:0], int64(i+1), 10))
			bw.WriteString(" | ")
			bw.WriteString(MarkdownCell(segmentMarkup(doc, s, false)))
			bw.WriteString(" | ")
			if Exported(s, opts) {
				bw.WriteString(MarkdownCell(segmentMarkup(doc, s, true)))
			}
			bw.WriteString(" |\n")
		}
	case LayoutParallel:
		writeParallel(bw, doc, opts)
	default:
		return fmt.Errorf("write Markdown: unknown layout %q (want table or parallel)", opts.Markdown.Layout)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write Markdown: %w", err)
	}
	return nil
}

// MarkdownCell escapes s for a GFM table cell so that markdown-it (and
// GitHub) read back exactly s as the cell's text: backslash escapes for
// \ | * _ ` < [ ] & ~ and for a leading # - + >; a scheme's ":" ("http:")
// and "%" before two hex digits escaped (so markdown-it neither linkifies
// nor percent-decodes URLs in the text); leading and trailing
// whitespace as numeric character references (cells are trimmed), and line
// breaks as <br> (a table row is one line).
func MarkdownCell(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	// Leading and trailing whitespace would be trimmed by the table parser.
	lead := 0
	for lead < len(s) {
		r, n := utf8.DecodeRuneInString(s[lead:])
		if !jsSpace(r) {
			break
		}
		lead += n
	}
	trail := len(s)
	for trail > lead {
		r, n := utf8.DecodeLastRuneInString(s[:trail])
		if !jsSpace(r) {
			break
		}
		trail -= n
	}
	charRefs(&b, s[:lead])
	body := s[lead:trail]
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch c {
		case '\\', '|', '*', '_', '`', '<', '[', ']', '&', '~':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '#', '-', '+', '>':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case ':':
			// "http:" or "mailto:" would start a linkified URL whose text
			// markdown-it takes raw (escapes included) and percent-decodes.
			if i > 0 && i+1 < len(body) && isLetter(body[i-1]) && body[i+1] != ' ' {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '%':
			if i+2 < len(body) && isHex(body[i+1]) && isHex(body[i+2]) {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '\n':
			b.WriteString("<br>")
		case '\r':
			b.WriteString("&#13;")
		default:
			b.WriteByte(c)
		}
	}
	charRefs(&b, s[trail:])
	return b.String()
}

func charRefs(b *strings.Builder, ws string) {
	for _, r := range ws {
		if r == '\n' {
			b.WriteString("<br>")
			continue
		}
		fmt.Fprintf(b, "&#%d;", r)
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsSpace reports whether JavaScript's String.prototype.trim removes r,
// which is what markdown-it does to a table cell. Newlines are not in the
// set: they become <br>.
func jsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// blockTarget assembles block b's translation: the block text with each
// segment replaced by its exported target, or kept in the source language
// when it has none (fallback) — the text around and between segments (table
// pipes, separating spaces) is the source's. n is how many targets were used,
// missing how many segments kept their source.
func blockTarget(doc *segments.Document, b int, opts Options) (text string, n, missing int) {
	return blockText(doc, b, opts, true, nil)
}

// blockText is blockTarget (target true) or the block's source markup
// segment by segment (target false), with after(s) written after each
// segment s when after is not nil (the parallel layout's note references).
func blockText(doc *segments.Document, b int, opts Options, target bool, after func(*segments.Segment) string) (text string, n, missing int) {
	bl := &doc.Blocks[b]
	segs := doc.BlockSegments(b)
	if len(segs) == 0 {
		return bl.Text, 0, 0
	}
	var t strings.Builder
	t.Grow(len(bl.Text) + len(bl.Text)/4)
	pos := 0 // offset in bl.Text up to which the text is written
	offsetsOK := true
	for i := range segs {
		s := &segs[i]
		if s.Start < pos || s.End < s.Start || s.End > len(bl.Text) {
			offsetsOK = false
			break
		}
		pos = s.End
	}
	pos = 0
	for i := range segs {
		s := &segs[i]
		if offsetsOK {
			t.WriteString(bl.Text[pos:s.Start])
			pos = s.End
		} else if i > 0 {
			t.WriteString(" ")
		}
		if target && Exported(s, opts) {
			t.WriteString(bl.TargetMarkup(s))
			n++
		} else {
			t.WriteString(bl.SourceMarkup(s))
			missing++
		}
		if after != nil {
			t.WriteString(after(s))
		}
	}
	if offsetsOK {
		t.WriteString(bl.Text[pos:])
	}
	return t.String(), n, missing
}

// blockRenderer writes blocks back in their source syntax. It remembers the
// list markers of enclosing items so nested items get the right indent.
type blockRenderer struct {
	markdown bool
	loose    bool     // a blank line between list items too (parallel layout)
	markers  []string // marker of the latest item at each list level
	prev     *segments.Block
}

func newBlockRenderer(markdown bool) *blockRenderer { return &blockRenderer{markdown: markdown} }

// sep returns what goes between the previous block and bl: a newline
// between items of one list and between rows of one table (they must stay
// tight), a blank line otherwise.
func (r *blockRenderer) sep(bl *segments.Block) string {
	prev := r.prev
	r.prev = bl
	switch {
	case prev == nil:
		return ""
	case prev.Info == "table" && bl.Info == "table":
		return ""
	case !r.loose && prev.Kind == segments.KindListItem && bl.Kind == segments.KindListItem && bl.Marker != "" && prev.Marker != "":
		return ""
	}
	return "\n"
}

// listIndent returns the indentation of an item at bl's level, and records
// its marker; a list-item block without marker is a further paragraph of
// the item above, indented to its content. A marker may be a chain ("- -
// item": the item's ancestors have no text of their own), and an item
// deeper than the items written so far gets "-" ancestors on its line:
// indenting it instead would make it an indented code block.
func (r *blockRenderer) listIndent(bl *segments.Block) (indent, marker string) {
	level := max(bl.Level, 1)
	if bl.Marker == "" {
		for len(r.markers) < level {
			r.markers = append(r.markers, "-")
		}
		return strings.Repeat(" ", markersWidth(r.markers[:level])), ""
	}
	chain := strings.Fields(bl.Marker)
	open := min(len(r.markers), max(level-len(chain), 0))
	for len(chain) < level-open {
		chain = append([]string{"-"}, chain...)
	}
	chain = chain[len(chain)-(level-open):]
	w := markersWidth(r.markers[:open])
	r.markers = append(r.markers[:open], chain...)
	return strings.Repeat(" ", w), strings.Join(chain, " ")
}

// markersWidth is the indentation of the content of items with markers ms.
func markersWidth(ms []string) int {
	w := 0
	for _, m := range ms {
		w += len(m) + 1
	}
	return w
}

// prefixLines puts first before text's first line and rest before the
// others (trimmed on empty lines), and ends with a newline.
func prefixLines(text, first, rest string) string {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString("\n")
			if l != "" {
				b.WriteString(rest)
			} else {
				b.WriteString(strings.TrimRight(rest, " "))
			}
		}
		b.WriteString(l)
	}
	b.WriteString("\n")
	return b.String()
}

// item returns the line prefixes of a list-item block.
func (r *blockRenderer) item(bl *segments.Block) (first, rest string) {
	indent, marker := r.listIndent(bl)
	if marker == "" {
		return indent, indent
	}
	return indent + marker + " ", indent + strings.Repeat(" ", len(marker)+1)
}

// render returns block bl, with text in place of its own, preceded by its
// separation from the previous block.
func (r *blockRenderer) render(bl *segments.Block, text string) string {
	sep := r.sep(bl)
	if bl.Kind != segments.KindListItem && !(bl.Kind == segments.KindCode && bl.Marker != "") {
		r.markers = r.markers[:0]
	}
	if bl.Info == "table" || bl.Kind == segments.KindCode {
		// Table rows and code blocks (fences included) are Markdown to
		// write back as they are.
		return sep + text + "\n"
	}
	switch bl.Kind {
	case segments.KindHeading:
		if !r.markdown {
			return sep + text + "\n"
		}
		return sep + strings.Repeat("#", min(max(bl.Level, 1), 6)) + " " + strings.ReplaceAll(text, "\n", " ") + "\n"
	case segments.KindListItem:
		first, rest := r.item(bl)
		return sep + prefixLines(text, first, rest)
	case segments.KindQuote:
		if r.markdown {
			return sep + prefixLines(text, "> ", "> ")
		}
	}
	return sep + text + "\n"
}

// renderPair returns a block's source followed by its translation in one
// structure: a list item gets the translation as a further paragraph, a
// quote as a second quoted paragraph, others
// a second block of their kind.
func (r *blockRenderer) renderPair(bl *segments.Block, source, target string) string {
	switch {
	case bl.Kind == segments.KindListItem:
		sep := r.sep(bl)
		first, rest := r.item(bl)
		return sep + prefixLines(source, first, rest) + "\n" + prefixLines(target, rest, rest)
	case bl.Kind == segments.KindQuote && r.markdown:
		return r.render(bl, source) + ">\n" + prefixLines(target, "> ", "> ")
	}
	out := r.render(bl, source)
	r.prev = nil // the copy below follows its source with a blank line
	return out + "\n" + r.render(bl, target)
}

// segmentMarkup is s's source (or target) with its inline codes written
// back as the article's markup; the plain text when its block is unknown.
func segmentMarkup(doc *segments.Document, s *segments.Segment, target bool) string {
	if s.Block < 0 || s.Block >= len(doc.Blocks) {
		if target {
			return s.Target
		}
		return s.Source
	}
	if bl := &doc.Blocks[s.Block]; target {
		return bl.TargetMarkup(s)
	} else {
		return bl.SourceMarkup(s)
	}
}
