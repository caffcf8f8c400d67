package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/glossary"
)

// paneRightMin is the terminal width from which the glossary pane sits to
// the right of the table; below it the pane goes under the table.
const paneRightMin = 140

// paneRightWidth is the pane's width when it is on the right.
const paneRightWidth = 38

// glossaryPane is the glossary pane component: the current segment's
// glossary hits, numbered 1–9 as the alt+N keys insert them. It owns its
// size, its cache of rendered panes, the hits the root last gave it (show)
// and the insert-term keys of editing; inserting changes the editor's text,
// so it asks the root (insertHitIntent).
type glossaryPane struct {
	paneBox
	keys   *EditKeys
	target string // target language, for the "no translation" hint
	cache  *paneCache
	// What show gave: segment seg's hits, known once computed, gen the hit
	// store's generation.
	seg, gen int
	hits     []glossary.Hit
	known    bool
}

func newGlossaryPane(st *Styles, keys *EditKeys, target string) *glossaryPane {
	return &glossaryPane{paneBox: paneBox{st: st}, keys: keys, target: target, cache: &paneCache{}}
}

// show sets what the pane shows: segment seg's hits, known false while they
// are being computed; gen is the hit store's generation, which changes when
// a new glossary arrives.
func (p *glossaryPane) show(seg, gen int, hits []glossary.Hit, known bool) {
	p.seg, p.gen, p.hits, p.known = seg, gen, hits, known
}

// Update implements component: the insert-term keys (alt+1…9).
func (p *glossaryPane) Update(msg tea.Msg) (tea.Msg, tea.Cmd) { return takeUpdate(p.takeKey, msg) }

// takeKey handles the insert-term keys; it reports false for other keys.
func (p *glossaryPane) takeKey(km tea.KeyMsg) (tea.Msg, bool) {
	for n := range p.keys.InsertHit {
		if key.Matches(km, p.keys.InsertHit[n]) {
			return insertHitIntent{n}, true
		}
	}
	return nil, false
}

func (p *glossaryPane) ShortHelp() []key.Binding  { return []key.Binding{p.keys.insertHitHelp} }
func (p *glossaryPane) FullHelp() [][]key.Binding { return [][]key.Binding{p.keys.InsertHit[:]} }

// View implements component.
func (p *glossaryPane) View() string { return strings.Join(p.lines(), "\n") }

// paneCache keeps the last few rendered panes: a pane only changes with the
// current segment, its hits or the size, and translators often step back
// and forth between neighbouring segments.
type paneCache struct {
	entries [paneCacheSize]struct {
		key   string
		lines []string
	}
	next int // entry the next put overwrites
}

const paneCacheSize = 4

func (c *paneCache) get(key string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	for i := range c.entries {
		if e := &c.entries[i]; e.lines != nil && e.key == key {
			return e.lines, true
		}
	}
	return nil, false
}

func (c *paneCache) put(key string, lines []string) {
	if c == nil || lines == nil {
		return
	}
	c.entries[c.next].key, c.entries[c.next].lines = key, lines
	c.next = (c.next + 1) % paneCacheSize
}

// lines renders the pane as exactly height lines of width cells.
func (p *glossaryPane) lines() []string {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	hits, known := p.hits, p.known
	key := fmt.Sprint(p.seg, p.gen, known, len(hits), p.width, p.height, p.right)
	if lines, ok := p.cache.get(key); ok {
		return lines
	}
	out := p.render(hits, known)
	p.cache.put(key, out)
	return out
}

// render draws the pane. Every hit (up to 9) is shown: in full (term,
// translations, domain, origin, note) while the space left still allows the
// others a line each, then on one line each.
func (p *glossaryPane) render(hits []glossary.Hit, known bool) []string {
	border, inner := paneBorder(p.st, p.width, p.right)
	var lines []string
	title := "Glossary"
	if len(hits) > 0 {
		title += " (" + strconv.Itoa(len(hits)) + ")"
	}
	lines = append(lines, paneTitle(p.st, title, inner, p.right))
	switch {
	case !known:
		lines = append(lines, p.st.PaneMeta.Render("looking up terms…"))
	case len(hits) == 0:
		lines = append(lines, p.st.PaneMeta.Render("no glossary terms in this segment"))
	}
	shown := hits[:min(len(hits), 9)]
	budget := p.height - len(lines)
	if len(hits) > len(shown) {
		budget-- // the "… N more" line
	}
	compact := false // once one hit is cut short, the next ones are too
	head := len(lines)
	ends := make([]int, 0, len(shown)) // ends[i]: lines once hit i is in
	for i, h := range shown {
		if !compact {
			full := p.fullLines(i, h, inner)
			if rest := len(shown) - i - 1; len(full)+rest <= budget {
				lines = append(lines, full...)
				ends = append(ends, len(lines))
				budget -= len(full)
				continue
			}
			compact = true
		}
		lines = append(lines, p.compactLine(i, h))
		ends = append(ends, len(lines))
	}
	visible := len(shown)
	if len(lines) > p.height || len(hits) > len(shown) && len(lines) >= p.height {
		// Not all fit: keep the hits that do and say how many are left out.
		visible = 0
		for visible < len(ends) && ends[visible] <= p.height-1 {
			visible++
		}
		if visible > 0 {
			lines = lines[:ends[visible-1]]
		} else {
			lines = lines[:min(head, max(p.height-1, 0))]
		}
	}
	if n := len(hits) - visible; n > 0 {
		lines = append(lines, p.st.PaneMeta.Render(fmt.Sprintf("… %d more", n)))
	}
	return paneFrame(lines, p.width, p.height, border, inner)
}

// targetsText is a hit's translations, or a hint that there are none.
func (p *glossaryPane) targetsText(h glossary.Hit) string {
	if len(h.Targets) == 0 {
		return "(no " + p.target + " term)"
	}
	return sanitizeLine(strings.Join(h.Targets, ", "))
}

// compactLine is hit i on one line: number, term, translations, domain.
func (p *glossaryPane) compactLine(i int, h glossary.Hit) string {
	line := p.st.PaneNum.Render(strconv.Itoa(i+1)) + " " + p.st.PaneTerm.Render(sanitizeLine(h.Text)) +
		p.st.PaneMeta.Render(" → ") + p.st.PaneTarget.Render(p.targetsText(h))
	if h.Entry != nil && h.Entry.Domain != "" {
		line += p.st.PaneMeta.Render(" · " + sanitizeLine(h.Entry.Domain))
	}
	return line
}

// fullLines is hit i with everything a translator needs: translations
// (wrapped when narrow), domain, the glossary term when the text differs,
// origin, and the note, wrapped rather than cut.
func (p *glossaryPane) fullLines(i int, h glossary.Hit, inner int) []string {
	var lines []string
	targets := p.targetsText(h)
	term := sanitizeLine(h.Text)
	num := strconv.Itoa(i + 1)
	if len(num)+ansi.StringWidth(term)+ansi.StringWidth(targets)+4 <= inner {
		lines = append(lines, p.st.PaneNum.Render(num)+" "+p.st.PaneTerm.Render(term)+
			p.st.PaneMeta.Render(" → ")+p.st.PaneTarget.Render(targets))
	} else {
		// Too narrow for one line: the term, then its translations.
		lines = append(lines, p.st.PaneNum.Render(num)+" "+p.st.PaneTerm.Render(term))
		for k, ls := range wrapText(targets, max(inner-4, 1)) {
			lead := "  → "
			if k > 0 {
				lead = "    "
			}
			lines = append(lines, p.st.PaneMeta.Render(lead)+p.st.PaneTarget.Render(targets[ls.start:ls.end]))
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
		if o := h.Entry.Origin; o.Data != "" {
			// Two built-in files can hold an entry on the same line.
			meta = append(meta, "builtin "+shortOrigin(o.Data, o.Line))
		} else if o.File != "" {
			meta = append(meta, shortOrigin(o.File, o.Line))
		}
	}
	if len(meta) > 0 {
		lines = append(lines, "  "+p.st.PaneMeta.Render(strings.Join(meta, " · ")))
	}
	if h.Entry != nil && h.Entry.Note != "" {
		note := sanitizeLine(h.Entry.Note)
		for _, ls := range wrapText(note, max(inner-2, 1)) {
			lines = append(lines, "  "+p.st.PaneMeta.Render(note[ls.start:ls.end]))
		}
	}
	return lines
}
