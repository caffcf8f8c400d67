package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// sideBySideMin is the table width from which source and target sit side by
// side; below it they stack.
const sideBySideMin = 100

// colSep separates the source and target columns.
const colSep = " │ "

// rowEntry is one segment's rendered lines and gutter, cached per (width,
// version).
type rowEntry struct {
	width, ver int
	rev        uint64 // the segment's Rev when drawn
	src, tgt   []string
	gutter     string
}

// rowCache holds rendered rows. It is a pointer shared by the copies of the
// model Bubble Tea makes, so View can fill it. cur holds the current row,
// drawn with its own highlight.
type rowCache struct {
	rows map[int]*rowEntry
	cur  *rowEntry
	curI int
	// Strings every frame needs, built once per width.
	width                                          int
	sep, blankSrc, blankTgt, blankRow, blankGutter string
}

// table is the segment list: one row per segment, source beside (or above)
// target. It owns the rows on screen (top, skip), their cache and the row
// versions touch bumps; the browser (browse.go) owns it and the root reads
// its layout. Only rows on screen are rendered, through rowCache.
type table struct {
	doc  *segments.Document
	st   *Styles
	hits *hitStore
	// issues flags rows with QA errors; hl highlights search matches.
	issues *issueStore
	hl     *highlighter
	cache  *rowCache
	// A row is drawn again when its segment's Rev changes (every
	// segments operation bumps it) or when ver[i] does: touch bumps it for
	// what the segment does not hold (glossary hits, QA findings, search
	// highlights).
	ver           []int
	width, height int
	top           int // first segment on screen
	// skip is how many lines of the top row are scrolled off, when the
	// row being edited is taller than the screen.
	skip int
	// rows are the segments shown when a filter is on, sorted; nil
	// shows every segment (tablerows.go).
	rows []int
}

func newTable(doc *segments.Document, st *Styles, hits *hitStore, issues *issueStore) *table {
	return &table{
		doc:    doc,
		st:     st,
		hits:   hits,
		issues: issues,
		hl:     &highlighter{st: st.SearchMatch},
		cache:  &rowCache{rows: map[int]*rowEntry{}},
		ver:    make([]int, len(doc.Segments)),
	}
}

func (t *table) setSize(w, h int) {
	if w != t.width || h != t.height {
		// Entries are keyed by width anyway, and long rows are cut to the
		// height; dropping them bounds memory when the terminal is
		// resized often.
		t.cache.rows = map[int]*rowEntry{}
		t.cache.cur = nil
	}
	t.width, t.height = max(w, 0), max(h, 0)
}

// frame returns the per-width strings, building them after a resize.
func (t *table) frame() *rowCache {
	c := t.cache
	if c.width != t.width || c.sep == "" {
		sw, tw := t.columns()
		c.width = t.width
		c.sep = t.st.Separator.Render(colSep)
		c.blankSrc = strings.Repeat(" ", max(sw, 0))
		c.blankTgt = strings.Repeat(" ", max(tw, 0))
		c.blankRow = strings.Repeat(" ", t.width)
		c.blankGutter = strings.Repeat(" ", t.gutterWidth())
	}
	return c
}

// gutter renders the first gutter line of segment i: current marker,
// number, status glyph.
func (t *table) gutter(i int, isCur bool, bg *lipgloss.Style) string {
	nd := t.gutterWidth() - 6
	mark := " "
	numSt := t.st.Number
	if isCur {
		mark = t.st.Marker.Render(t.st.CurrentGlyph)
		numSt = t.st.NumberCur
	}
	glyph, gst := t.st.statusGlyph(t.doc.Segments[i].Status)
	num := strconv.Itoa(i + 1)
	num = strings.Repeat(" ", max(nd-len(num), 0)) + num
	sp := func(n int) string { return paint(strings.Repeat(" ", n), lipgloss.NewStyle(), bg) }
	// The column after the status glyph flags a QA error, a note, or a
	// target filled from a repetition that the translator has not
	// reviewed yet (the status line says the others of the current row).
	flag, fst := " ", lipgloss.NewStyle()
	switch s := &t.doc.Segments[i]; {
	case t.issues != nil && t.issues.hasError(i):
		flag, fst = t.st.QAErrorGlyph, t.st.QAError
	case s.Note != "":
		flag, fst = t.st.NoteGlyph, t.st.Note
	case s.Origin == segments.OriginRepetition && s.Status == segments.StatusDraft:
		flag, fst = t.st.RepetitionGlyph, t.st.Repetition
	}
	return mark + sp(1) + numSt.Render(num) + sp(1) + paint(glyph, gst, bg) + paint(flag, fst, bg) + sp(1)
}

// touch marks segment i's row for drawing again after a change outside
// the segment (hits, findings, highlights); changes of the segment itself
// are seen through its Rev.
func (t *table) touch(i int) {
	if i >= 0 && i < len(t.ver) {
		t.ver[i]++
	}
}

// touchAll marks every row for drawing again (a new glossary).
func (t *table) touchAll() {
	for i := range t.ver {
		t.ver[i]++
	}
}

// rowVer is segment i's row version: it changes with touch.
func (t *table) rowVer(i int) int { return t.ver[i] }

// contains reports whether cell x, y (from the table's top left) is in the
// table.
func (t *table) contains(x, y int) bool {
	return x >= 0 && y >= 0 && x < t.width && y < t.height
}

func (t *table) sideBySide() bool { return t.width >= sideBySideMin }

func (t *table) gutterWidth() int {
	// marker, space, number, space, status glyph, two spaces
	return len(strconv.Itoa(len(t.doc.Segments))) + 6
}

// columns returns the widths of the source and target columns.
func (t *table) columns() (src, tgt int) {
	inner := t.width - t.gutterWidth()
	if t.sideBySide() {
		inner -= ansi.StringWidth(colSep)
		src = inner / 2
		return src, inner - src
	}
	return inner, inner
}

// blockPrefix returns the marker drawn, dim, before segment i's source and
// target (heading hashes, list marker, quote bar) and whether i is its
// block's first segment. Markers are structure, never part of either text:
// the exporters write them from the block. Heading and quote markers exist
// only in Markdown: a plain-text title has none.
func (t *table) blockPrefix(i int) (string, bool) {
	s := &t.doc.Segments[i]
	if s.Block < 0 || s.Block >= len(t.doc.Blocks) {
		return "", false
	}
	b := &t.doc.Blocks[s.Block]
	first := b.First == i
	md := t.doc.Format != "text"
	switch {
	case b.Kind == segments.KindHeading && md:
		return strings.Repeat("#", min(max(b.Level, 1), 6)) + " ", first
	case b.Kind == segments.KindListItem:
		m := sanitizeLine(b.Marker)
		if m == "" {
			m = "-"
		}
		return strings.Repeat("  ", max(b.Level-1, 0)) + m + " ", first
	case b.Kind == segments.KindQuote && md:
		return "> ", true
	}
	return "", first
}

// targetPrefix is the prefix drawn before segment i's target: its block
// marker on the block's first segment, blanks of the same width on the
// others, so a list item's lines align on both sides.
func (t *table) targetPrefix(i int) (string, int) {
	if i < 0 || i >= len(t.doc.Segments) {
		return "", 0
	}
	sw, _ := t.columns()
	prefix, first := t.blockPrefix(i)
	pw := ansi.StringWidth(prefix)
	if pw == 0 || pw >= sw/2 {
		return "", 0
	}
	if !first {
		prefix = strings.Repeat(" ", pw)
	}
	return prefix, pw
}

// editWidth is the editor's width on segment i: the target column less
// the marker prefix.
func (t *table) editWidth(i int) int {
	_, tw := t.columns()
	_, pw := t.targetPrefix(i)
	return max(tw-pw, 1)
}

// prefixed draws prefix, dim, before the first of lines and blanks before
// the others.
func (t *table) prefixed(lines []string, prefix string, bg *lipgloss.Style) []string {
	if prefix == "" {
		return lines
	}
	pad := paint(strings.Repeat(" ", ansi.StringWidth(prefix)), lipgloss.NewStyle(), bg)
	out := make([]string, len(lines))
	for k, l := range lines {
		if k == 0 {
			out[k] = paint(prefix, t.st.Separator, bg) + l
		} else {
			out[k] = pad + l
		}
	}
	return out
}

func (t *table) isHeading(i int) bool {
	s := &t.doc.Segments[i]
	return s.Block >= 0 && s.Block < len(t.doc.Blocks) && t.doc.Blocks[s.Block].Kind == segments.KindHeading
}

// separated reports whether a blank line goes before segment i: a new block
// starts there and i is not the first row on screen.
func (t *table) separated(i int) bool {
	return i > t.top && t.prev(i) >= 0 && t.newBlock(i)
}

// sepHeight is 1 when a blank line goes before segment i, the separator
// rowHeight counts.
func (t *table) sepHeight(i int) int {
	if t.separated(i) {
		return 1
	}
	return 0
}

// newBlock reports whether segment i starts a block other than the
// previous segment's; consecutive list items count as one block.
func (t *table) newBlock(i int) bool {
	a, b := t.doc.Segments[t.prev(i)].Block, t.doc.Segments[i].Block
	if a == b {
		return false
	}
	if a >= 0 && b >= 0 && a < len(t.doc.Blocks) && b < len(t.doc.Blocks) &&
		t.doc.Blocks[a].Kind == segments.KindListItem && t.doc.Blocks[b].Kind == segments.KindListItem {
		return false
	}
	return true
}

// entry returns segment i's rendered lines for the normal (not current) row.
func (t *table) entry(i int) *rowEntry {
	if e, ok := t.cache.rows[i]; ok && e.width == t.width && e.ver == t.ver[i] && e.rev == t.doc.Segments[i].Rev {
		return e
	}
	e := &rowEntry{width: t.width, ver: t.ver[i], rev: t.doc.Segments[i].Rev}
	e.src, e.tgt = t.renderSides(i, nil)
	e.gutter = t.gutter(i, false, nil)
	t.cache.rows[i] = e
	return e
}

// curEntry returns segment i's lines drawn as the current row.
func (t *table) curEntry(i int, bg *lipgloss.Style) *rowEntry {
	if e := t.cache.cur; e != nil && t.cache.curI == i && e.width == t.width && e.ver == t.ver[i] && e.rev == t.doc.Segments[i].Rev {
		return e
	}
	e := &rowEntry{width: t.width, ver: t.ver[i], rev: t.doc.Segments[i].Rev}
	e.src, e.tgt = t.renderSides(i, bg)
	e.gutter = t.gutter(i, true, bg)
	t.cache.cur, t.cache.curI = e, i
	return e
}

// renderSides renders segment i's source and target into column-wide lines.
// bg, when not nil, is the current row's background.
func (t *table) renderSides(i int, bg *lipgloss.Style) (src, tgt []string) {
	sw, tw := t.columns()
	seg := &t.doc.Segments[i]
	prefix, first := t.blockPrefix(i)
	pw := ansi.StringWidth(prefix)
	if pw >= sw/2 {
		prefix, pw = "", 0
	}
	base := t.st.Source
	if t.isHeading(i) {
		base = t.st.Heading
	}
	var hits []glossary.Hit
	if t.hits != nil {
		hits = t.hits.get(i)
	}
	// Only the start of a very long text is drawn: the cost of a row
	// stays that of a few screens.
	stext, srest := shownText(seg.Source)
	if srest > 0 {
		hits = validHits(hits, len(stext))
	}
	sspans := overlay(hitSpans(hits, t.st.Hit), t.hl.spans(stext))
	stext, sspans = t.labelled(i, stext, srest, seg.SourceTags, seg.Wrap, sspans)
	src = renderText(stext, sw, pw, sspans, base, bg)
	if pw > 0 {
		if !first {
			prefix = strings.Repeat(" ", pw)
		}
		src[0] = paint(prefix, t.st.Separator, bg) + src[0]
	}
	rows := max(t.height, 2)
	src = capLines(t.st, src, rows, sw, srest > 0, len(seg.Source))
	if seg.Target != "" {
		tp, tpw := t.targetPrefix(i)
		ttext, trest := shownText(seg.Target)
		ttext, tspans := t.labelled(i, ttext, trest, seg.TargetTags, seg.Wrap, t.hl.spans(ttext))
		tgt = renderTarget(ttext, tw, tpw, tspans, t.st.Target, bg)
		if tpw > 0 {
			tgt[0] = paint(tp, t.st.Separator, bg) + tgt[0]
		}
		tgt = capLines(t.st, tgt, rows, tw, trest > 0, len(seg.Target))
	}
	return src, tgt
}

// labelled is text (segment i's source or target, rest bytes cut off)
// with its tags shown as labels and spans moved with it; a cut text is
// left as it is.
func (t *table) labelled(i int, text string, rest int, tags []segments.Tag, wrap []int, spans []span) (string, []span) {
	if rest > 0 || len(tags)+len(wrap) == 0 {
		return text, spans
	}
	shown, idx, tagSpans := labelText(text, tags, wrap, segCodes(t.doc, i), t.st.Tag)
	if idx == nil {
		return text, spans
	}
	return shown, overlay(moveSpans(spans, idx), tagSpans)
}

// span is a styled byte range of a text: a glossary hit, a search match,
// a word that differs from the current source.
type span struct {
	start, end int
	st         lipgloss.Style
}

// rowLayout is one row on screen.
type rowLayout struct {
	seg    int
	y      int // first screen line of the row (its separator, if any)
	height int
}

// rowHeight returns how many lines segment i takes, its separator included.
// editRows is the editor's line count when i is being edited, else 0.
func (t *table) rowHeight(i, editRows int) int {
	e := t.entry(i)
	tl := len(e.tgt)
	if editRows > 0 {
		tl = editRows
	}
	h := len(e.src)
	if t.sideBySide() {
		h = max(h, tl)
	} else {
		h += max(tl, 1)
	}
	if t.separated(i) {
		h++
	}
	return h
}

// ensureVisible scrolls so segment cur is entirely on screen when it fits.
// When it does not (a segment taller than the screen being edited),
// cursorLine, the editor's cursor line in the target (-1 when not editing),
// stays visible.
func (t *table) ensureVisible(cur, editRows, cursorLine int) {
	n := len(t.doc.Segments)
	if n == 0 || t.height <= 0 {
		t.top, t.skip = 0, 0
		return
	}
	cur = min(max(cur, 0), n-1)
	t.top = t.nearest(min(max(t.top, 0), n-1))
	if cur < t.top {
		t.top = cur
	} else {
		// Walk up from cur while the rows still fit, so a jump far down
		// renders only the rows that can be on screen, not every row
		// between the old top and cur. The first row on screen has no
		// separator; each row added above gives the one below its own.
		top := cur
		sum := t.rowHeight(cur, editRows) - t.sepHeight(cur)
		for top > t.top {
			p := t.prev(top)
			if p < 0 {
				break
			}
			sum += t.rowHeight(p, 0) - t.sepHeight(p) + t.sepHeight(top)
			if sum > t.height {
				break
			}
			top = p
		}
		t.top = top
	}
	h := t.rowHeight(cur, editRows)
	if t.top != cur || h <= t.height || cursorLine < 0 {
		t.skip = 0
		return
	}
	// The top row is the current one and taller than the screen: scroll
	// inside it just enough to show the cursor line.
	line := cursorLine
	if !t.sideBySide() {
		line += len(t.entry(cur).src)
	}
	if line < t.skip {
		t.skip = line
	}
	if line >= t.skip+t.height {
		t.skip = line - t.height + 1
	}
	t.skip = min(max(t.skip, 0), h-t.height)
}

// scroll moves the view by n rows without moving the cursor.
func (t *table) scroll(n int) {
	t.top = t.step(t.top, n)
	t.skip = 0
}

// layout returns the rows on screen, top to bottom.
func (t *table) layout(cur, editRows int) []rowLayout {
	var rows []rowLayout
	y := -t.skip
	for i := t.top; i < len(t.doc.Segments) && y < t.height; i = t.next(i) {
		er := 0
		if i == cur {
			er = editRows
		}
		h := t.rowHeight(i, er)
		rows = append(rows, rowLayout{seg: i, y: y, height: h})
		y += h
	}
	return rows
}

// segmentAt returns the segment drawn at screen line y of the table, or -1.
func (t *table) segmentAt(y, cur, editRows int) int {
	for _, r := range t.layout(cur, editRows) {
		if y >= r.y && y < r.y+r.height {
			return r.seg
		}
	}
	return -1
}

// view renders the visible rows. cur is the current segment; edit, when not
// nil, is the editor whose lines replace the current target.
func (t *table) view(cur int, edit *editor) []string {
	if t.width <= 0 || t.height <= 0 {
		return nil
	}
	out := make([]string, 0, t.height)
	fr := t.frame()
	drop := t.skip
	for i := t.top; i < len(t.doc.Segments) && len(out) < t.height; i = t.next(i) {
		if i > t.top {
			drop = 0
		}
		if t.separated(i) {
			out = append(out, fr.blankRow)
		}
		var ed *editor
		if i == cur {
			ed = edit
		}
		for _, l := range t.rowLines(i, i == cur, ed, fr) {
			if len(out) >= t.height {
				break
			}
			// The first skip lines of the top row are scrolled off.
			if drop > 0 {
				drop--
				continue
			}
			out = append(out, l)
		}
	}
	for len(out) < t.height {
		out = append(out, fr.blankRow)
	}
	return out[:t.height]
}

// rowLines draws segment i's row: gutter, source and target side by side,
// or the source above an arrow and the target. edit, when not nil, is the
// editor whose lines replace the target.
func (t *table) rowLines(i int, isCur bool, edit *editor, fr *rowCache) []string {
	var bg *lipgloss.Style
	if isCur && !t.st.Mono {
		bg = &t.st.CurrentRow
	}
	var e *rowEntry
	if isCur {
		e = t.curEntry(i, bg)
	} else {
		e = t.entry(i)
	}
	src, tgt := e.src, e.tgt
	if edit != nil {
		// The editor is as wide as the target column less the prefix
		// (editWidth).
		tp, _ := t.targetPrefix(i)
		tgt = t.prefixed(strings.Split(edit.View(), "\n"), tp, bg)
	}
	contGutter := fr.blankGutter
	blankSrc, blankTgt := fr.blankSrc, fr.blankTgt
	if bg != nil {
		contGutter = bg.Render(fr.blankGutter)
		blankSrc, blankTgt = bg.Render(blankSrc), bg.Render(blankTgt)
	}
	line := func(l int, lines []string, blank string) string {
		if l < len(lines) {
			return lines[l]
		}
		return blank
	}
	var out []string
	if t.sideBySide() {
		for l := 0; l < max(len(src), len(tgt)); l++ {
			g := contGutter
			if l == 0 {
				g = e.gutter
			}
			out = append(out, g+line(l, src, blankSrc)+fr.sep+line(l, tgt, blankTgt))
		}
		return out
	}
	for l := range src {
		g := contGutter
		if l == 0 {
			g = e.gutter
		}
		out = append(out, g+src[l])
	}
	arrow := paint(strings.Repeat(" ", max(t.gutterWidth()-3, 0))+"→  ", t.st.Separator, bg)
	for l := 0; l < max(len(tgt), 1); l++ {
		g := contGutter
		if l == 0 {
			g = arrow
		}
		out = append(out, g+line(l, tgt, blankTgt))
	}
	return out
}
