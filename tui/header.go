package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/segments"
)

// progress counts confirmed segments and words, kept up to date on every
// status change so the header never rescans a large document.
type progress struct {
	words               []int
	segs, words0        int
	doneSegs, doneWords int
}

func newProgress(doc *segments.Document, count func(string) int) progress {
	p := progress{words: make([]int, len(doc.Segments)), segs: len(doc.Segments)}
	for i := range doc.Segments {
		w := count(doc.Segments[i].Source)
		p.words[i] = w
		p.words0 += w
		if doc.Segments[i].Status.Confirmed() {
			p.doneSegs++
			p.doneWords += w
		}
	}
	return p
}

// change records segment i going from status a to b.
func (p *progress) change(i int, a, b segments.Status) {
	if a.Confirmed() == b.Confirmed() || i < 0 || i >= len(p.words) {
		return
	}
	d := 1
	if !b.Confirmed() {
		d = -1
	}
	p.doneSegs += d
	p.doneWords += d * p.words[i]
}

func (p *progress) percent() int {
	if p.words0 == 0 {
		if p.segs == 0 {
			return 0
		}
		return p.doneSegs * 100 / p.segs
	}
	return p.doneWords * 100 / p.words0
}

// header is the top line: file, languages, progress and save state.
type header struct {
	st       *Styles
	file     string
	langs    string
	width    int
	progress *progress
	filter   *filterState
	cache    *[2]string // last key and line
}

func newHeader(st *Styles, doc *segments.Document, projectPath string, p *progress, f *filterState) header {
	name := doc.SourcePath
	if name == "" {
		name = projectPath
	}
	if name != "" {
		name = filepath.Base(name)
	} else {
		name = "untitled"
	}
	return header{
		st:       st,
		file:     sanitizeLine(name),
		langs:    sanitizeLine(doc.SourceLang.String() + " → " + doc.TargetLang.String()),
		progress: p,
		filter:   f,
		cache:    new([2]string),
	}
}

func (h *header) setSize(w int) { h.width = max(w, 0) }

// view renders the header; state is the save state ("saved", "unsaved"…).
func (h *header) view(state string, stateErr bool) string {
	if h.width <= 0 {
		return ""
	}
	p := h.progress
	key := fmt.Sprint(h.width, p.doneSegs, p.doneWords, state, stateErr)
	if f := h.filter; f != nil && f.active {
		key += fmt.Sprint("\x00", f.label, f.shown, f.of)
	}
	if h.cache[0] == key {
		return h.cache[1]
	}
	line := h.render(state, stateErr)
	h.cache[0], h.cache[1] = key, line
	return line
}

func (h *header) render(state string, stateErr bool) string {
	p := h.progress
	pct := p.percent()
	const barW = 10
	full := pct * barW / 100
	bar := h.st.BarFull.Render(strings.Repeat("█", full)) + h.st.BarEmpty.Render(strings.Repeat("░", barW-full))
	left := h.st.Header.Render(h.file) + h.st.HeaderDim.Render("  "+h.langs)
	segs := fmt.Sprintf("%d/%d segments", p.doneSegs, p.segs)
	words := fmt.Sprintf("%d/%d words", p.doneWords, p.words0)
	pc := fmt.Sprintf("%d%%", pct)
	stSt := h.st.HeaderDim
	if stateErr {
		stSt = h.st.Error
	}
	if f := h.filter; f != nil && f.active {
		return h.renderFiltered(left, segs, pc, bar)
	}
	// Drop the least useful parts first when the line is too narrow.
	candidates := [][]string{
		{segs, words, pc + " " + bar, stSt.Render(state)},
		{segs, words, pc + " " + bar},
		{segs, pc + " " + bar},
		{segs, pc},
		{pc},
	}
	for _, parts := range candidates {
		right := strings.Join(parts, h.st.HeaderDim.Render(" · "))
		gap := h.width - ansi.StringWidth(left) - ansi.StringWidth(right)
		if gap >= 2 {
			return left + strings.Repeat(" ", gap) + right
		}
	}
	return fit(left, h.width)
}

// renderFiltered is the header with a filter on: the filter and "N of M
// segments" replace the save state and the word count, which the status
// line and an unfiltered view still show.
func (h *header) renderFiltered(left, segs, pc, bar string) string {
	f := h.filter
	label := sanitizeLine(f.label)
	count := fmt.Sprintf("%d of %d segments", f.shown, f.of)
	flt := h.st.Prompt.Render("filter: "+label) + h.st.HeaderDim.Render(" · ") + count
	short := h.st.Prompt.Render("filter") + " " + count
	for _, parts := range [][]string{{flt, segs, pc + " " + bar}, {flt, pc}, {flt}, {short}} {
		right := strings.Join(parts, h.st.HeaderDim.Render(" · "))
		gap := h.width - ansi.StringWidth(left) - ansi.StringWidth(right)
		if gap >= 2 {
			return left + strings.Repeat(" ", gap) + right
		}
	}
	// Too narrow for the file name too: the filter comes first.
	for _, s := range []string{flt, short} {
		if ansi.StringWidth(s) <= h.width {
			return fit(s, h.width)
		}
	}
	return fit(count, h.width)
}
