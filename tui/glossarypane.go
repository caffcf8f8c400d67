package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/glossary"
)

// paneRightMin is the terminal width from which the glossary pane sits to
// the right of the table; below it the pane goes under the table.
const paneRightMin = 140

// paneRightWidth is the pane's width when it is on the right.
const paneRightWidth = 38

// glossaryPane shows the current segment's glossary hits, numbered 1–9 as
// the alt+N keys insert them.
type glossaryPane struct {
	st            *Styles
	width, height int
	right         bool
	target        string // target language, for the "no translation" hint
	cache         *paneCache
}

// paneCache keeps the last rendered pane: it only changes with the current
// segment, its hits or the size.
type paneCache struct {
	key   string
	lines []string
}

func (p *glossaryPane) setSize(w, h int, right bool) {
	p.width, p.height, p.right = max(w, 0), max(h, 0), right
}

// view renders the pane for segment seg as exactly height lines of width
// cells. known is false while the hits are still being computed.
func (p *glossaryPane) view(seg int, hits []glossary.Hit, known bool) []string {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	key := fmt.Sprint(seg, known, len(hits), p.width, p.height, p.right)
	if p.cache != nil && p.cache.key == key {
		return p.cache.lines
	}
	out, fits := p.render(hits, known, false)
	if !fits {
		// Not every hit fits: one line per hit, so all of them show.
		out, _ = p.render(hits, known, true)
	}
	if p.cache != nil {
		p.cache.key, p.cache.lines = key, out
	}
	return out
}

// render draws the pane; compact keeps one line per hit. It reports whether
// everything fitted.
func (p *glossaryPane) render(hits []glossary.Hit, known, compact bool) ([]string, bool) {
	border, inner := paneBorder(p.st, p.width, p.right)
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	title := "Glossary"
	if len(hits) > 0 {
		title += " (" + strconv.Itoa(len(hits)) + ")"
	}
	add(paneTitle(p.st, title, inner, p.right))
	switch {
	case !known:
		add(p.st.PaneMeta.Render("looking up terms…"))
	case len(hits) == 0:
		add(p.st.PaneMeta.Render("no glossary terms in this segment"))
	}
	for i, h := range hits {
		if i >= 9 {
			add(p.st.PaneMeta.Render(fmt.Sprintf("… %d more", len(hits)-9)))
			break
		}
		targets := "(no " + p.target + " term)"
		if len(h.Targets) > 0 {
			targets = sanitizeLine(strings.Join(h.Targets, ", "))
		}
		term := sanitizeLine(h.Text)
		if compact {
			line := p.st.PaneNum.Render(strconv.Itoa(i+1)) + " " + p.st.PaneTerm.Render(term) +
				p.st.PaneMeta.Render(" → ") + p.st.PaneTarget.Render(targets)
			if h.Entry != nil && h.Entry.Domain != "" {
				line += p.st.PaneMeta.Render(" · " + sanitizeLine(h.Entry.Domain))
			}
			add(line)
			continue
		}
		if len(strconv.Itoa(i+1))+ansi.StringWidth(term)+ansi.StringWidth(targets)+4 <= inner {
			add(p.st.PaneNum.Render(strconv.Itoa(i+1)) + " " + p.st.PaneTerm.Render(term) +
				p.st.PaneMeta.Render(" → ") + p.st.PaneTarget.Render(targets))
		} else {
			// Too narrow for one line: the term, then its translations.
			add(p.st.PaneNum.Render(strconv.Itoa(i+1)) + " " + p.st.PaneTerm.Render(term))
			for _, ls := range wrapText(targets, max(inner-4, 1)) {
				add(p.st.PaneMeta.Render("  → ") + p.st.PaneTarget.Render(targets[ls.start:ls.end]))
			}
		}
		var meta []string
		if h.Entry != nil {
			if h.Entry.Domain != "" {
				meta = append(meta, sanitizeLine(h.Entry.Domain))
			}
			if h.Term != "" && h.Term != h.Text {
				meta = append(meta, "term: "+sanitizeLine(h.Term))
			}
			if h.Entry.Origin.File != "" {
				o := sanitizeLine(h.Entry.Origin.File)
				if h.Entry.Origin.Line > 0 {
					o += ":" + strconv.Itoa(h.Entry.Origin.Line)
				}
				meta = append(meta, o)
			}
		}
		if len(meta) > 0 {
			add("  " + p.st.PaneMeta.Render(strings.Join(meta, " · ")))
		}
		if h.Entry != nil && h.Entry.Note != "" {
			// Notes matter (false friends): wrap them rather than cut them.
			note := sanitizeLine(h.Entry.Note)
			for _, ls := range wrapText(note, max(inner-2, 1)) {
				add("  " + p.st.PaneMeta.Render(note[ls.start:ls.end]))
			}
		}
	}
	return paneFrame(lines, p.width, p.height, border, inner), len(lines) <= p.height
}
