package tui

import (
	"fmt"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// panes says which side panes are on. ctrl+g (all) hides or shows them
// together; each has its own key too. The history pane, off by default,
// takes the matches pane's place.
type panes struct {
	all, glossary, matches, qa, history bool
	// notes shows the notes pane (notes.go) in the matches pane's place.
	notes bool
}

func allPanes() panes { return panes{all: true, glossary: true, matches: true, qa: true} }

// toggle flips one pane setting.
func (p *panes) toggle(id paneID) {
	switch id {
	case paneAll:
		p.all = !p.all
	case paneGlossary:
		p.glossary = !p.glossary
	case paneMatches:
		p.matches = !p.matches
	case paneQA:
		p.qa = !p.qa
	case paneHistory:
		p.history = !p.history
	case paneNotes:
		p.notes = !p.notes
	}
}

// togglePane flips one pane setting and lays the screen out again.
func (m *Model) togglePane(id paneID) {
	m.show.toggle(id)
	m.layout()
}

// bottomPaneMax is the most rows the pane strip under the table takes.
const bottomPaneMax = 12

// layoutPanes places the pane area in a body of w×body cells and returns
// the table's size. From paneRightMin columns the panes are a column on
// the right, as wide as the room allows (three tenths of the window, the
// table keeping sideBySideMin); below, a strip under the table.
func (m *Model) layoutPanes(w, body int) (tw, th int) {
	m.paneW, m.paneH, m.paneRight = 0, 0, false
	sh := m.show
	if !sh.all || !sh.glossary && !sh.matches && !sh.qa && !sh.history && !sh.notes {
		return w, body
	}
	if w >= paneRightMin {
		pw := max(paneRightWidth, min(w*3/10, w-sideBySideMin))
		m.paneW, m.paneH, m.paneRight = pw, body, true
		return w - pw, body
	}
	ph := min(max(body/3, 3), bottomPaneMax)
	if body-ph < 3 {
		return w, body
	}
	m.paneW, m.paneH = w, ph
	return w, body - ph
}

// paneView renders the glossary, QA and matches (or history) panes for
// the current segment into the pane area: a column on the right (top to
// bottom) or a strip under the table (glossary and QA on the left, matches
// on the right).
func (m Model) paneView() []string {
	w, h := m.paneW, m.paneH
	is := m.qpane.shown()
	hits, hitsKnown := m.hits.get(m.cur), m.hits.known(m.cur) || m.finder == nil && !m.loading
	state := matchesKnown
	switch {
	case !m.matches.hasMemory() && m.loading:
		state = matchesLoading
	case !m.matches.hasMemory():
		state = matchesNoMemory
	case !m.matches.known(m.cur):
		state = matchesLooking
	}
	mkey := fmt.Sprint(m.cur, "|", m.matches.version(), "|", m.table.rowVer(m.cur), "|", m.doc.Segments[m.cur].Rev)
	// The whole area is cached: between moves it only changes with the
	// hits, matches or findings arriving, not with keystrokes.
	if m.show.notes {
		// The pane lists the other segments' notes too.
		mkey += fmt.Sprint("|", m.version)
	}
	key := fmt.Sprint(mkey, "|", m.hits.generation(), hitsKnown, len(hits), "|", state, "|", m.issues.version(), m.qpane.version(), "|", m.mtx.ver, m.mtx.forbidden, "|", w, h, m.paneRight, m.show)
	if lines, ok := m.paneCache.get(key); ok {
		return lines
	}
	out := m.renderPanes(w, h, is, hits, hitsKnown, mkey, state)
	m.paneCache.put(key, out)
	return out
}

// paneHeights shares h rows of the right-hand column: the matches (or
// history) pane half, the QA findings what they need (issues rows, title
// included) of the rest, the
// glossary the remainder; a pane that is off gives its rows to the others.
func (m Model) paneHeights(h, issues int) (gh, qh, mh int) {
	sh := m.show
	lower := sh.matches || sh.history || sh.notes
	if sh.qa && issues > 0 {
		qh = issues
	}
	switch {
	case lower && sh.glossary:
		mh = h / 2
		qh = min(qh, max(h-mh-2, 1))
		gh = h - mh - qh
	case lower:
		qh = min(qh, h/2)
		mh = h - qh
	default:
		qh = min(qh, h/2)
		if !sh.glossary {
			qh = h
		}
		gh = h - qh
	}
	return gh, qh, mh
}

// lowerPane renders the matches pane, or the history pane in its place.
func (m Model) lowerPane(mkey string, state matchState) []string {
	seg := m.doc.Segments[m.cur]
	if m.show.notes {
		return m.npane.view(m.doc, m.cur)
	}
	if m.show.history {
		return m.hpane.view(seg)
	}
	m.mpane.show(mkey, m.shownMatches(m.cur), state, seg.Target, m.mtPaneView())
	return m.mpane.lines()
}

// renderPanes lays the panes out; paneView caches the result.
func (m Model) renderPanes(w, h int, is []qa.Issue, hits []glossary.Hit, hitsKnown bool, mkey string, state matchState) []string {
	if m.paneRight {
		m.qpane.right = true
		gh, qh, mh := m.paneHeights(h, m.qpane.need(w))
		m.pane.setSize(w, gh, true)
		m.qpane.setSize(w, qh, true)
		m.mpane.setSize(w, mh, true)
		m.hpane.setSize(w, mh, true)
		m.npane.setSize(w, mh, true)
		m.pane.show(m.cur, m.hits.generation(), hits, hitsKnown)
		var out []string
		if gh > 0 {
			out = append(out, m.pane.lines()...)
		}
		if qh > 0 {
			out = append(out, m.qpane.lines()...)
		}
		if mh > 0 {
			out = append(out, m.lowerPane(mkey, state)...)
		}
		return out
	}
	return m.bottomPanes(w, h, is, hits, hitsKnown, mkey, state)
}

// bottomPanes is the strip under the table: glossary and QA on the left,
// matches (or history) on the right, each side taking the whole width when
// the other is off.
func (m Model) bottomPanes(w, h int, is []qa.Issue, hits []glossary.Hit, hitsKnown bool, mkey string, state matchState) []string {
	sh := m.show
	left := sh.glossary || sh.qa && len(is) > 0
	right := sh.matches || sh.history || sh.notes
	gw := w * 2 / 5
	switch {
	case !right:
		gw = w
	case !left:
		gw = 0
	}
	var l, r []string
	if gw > 0 {
		qh := 0
		if sh.qa && len(is) > 0 {
			m.qpane.right = false
			// The findings before the glossary: it keeps two rows.
			qh = min(m.qpane.need(gw), max(h-2, 1))
			if !sh.glossary {
				qh = h
			}
		}
		m.pane.setSize(gw, h-qh, false)
		m.qpane.setSize(gw, qh, false)
		if h-qh > 0 {
			m.pane.show(m.cur, m.hits.generation(), hits, hitsKnown)
			l = m.pane.lines()
		}
		if qh > 0 {
			l = append(l[:len(l):len(l)], m.qpane.lines()...)
		}
	}
	if w-gw > 0 {
		m.mpane.setSize(w-gw, h, false)
		m.hpane.setSize(w-gw, h, false)
		m.npane.setSize(w-gw, h, false)
		r = m.lowerPane(mkey, state)
	}
	out := make([]string, h)
	for i := range out {
		a, b := fit("", gw), fit("", w-gw)
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		out[i] = a + b
	}
	return out
}

// paneBox is what every pane has: its styles, its size and whether it
// sits in the right-hand column (title style) or under the table.
type paneBox struct {
	st            *Styles
	width, height int
	right         bool
}

func (p *paneBox) setSize(w, h int, right bool) {
	p.width, p.height, p.right = max(w, 0), max(h, 0), right
}

// SetSize implements component; the pane keeps its place.
func (p *paneBox) SetSize(w, h int) { p.setSize(w, h, p.right) }

// The panes are components: they take some keys of the mode they serve
// (withPanes) and draw themselves.
var (
	_ component = (*glossaryPane)(nil)
	_ component = (*matchPane)(nil)
	_ component = (*qaPane)(nil)
)

// historyPane lists the current segment's earlier versions, newest first:
// when, status, origin, and the text. It owns only its size; undo in
// browse mode (ctrl+z) restores the newest.
type historyPane struct{ paneBox }

func (p *historyPane) view(s segments.Segment) []string {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	border, inner := paneBorder(p.st, p.width, true)
	lines := []string{paneTitle(p.st, fmt.Sprintf("History (%d)", len(s.History)), inner, p.right)}
	if len(s.History) == 0 {
		lines = append(lines, p.st.PaneMeta.Render("no earlier version"))
	}
	for k := len(s.History) - 1; k >= 0; k-- {
		v := s.History[k]
		head := v.Status.String()
		if !v.Changed.IsZero() {
			head = v.Changed.Local().Format("2006-01-02 15:04") + " · " + head
		}
		if v.Origin != "" {
			head += " · " + sanitizeLine(v.Origin)
		}
		if v.Conflict {
			head += " · conflict"
		}
		if v.By != "" {
			head += " · " + sanitizeLine(v.By)
		}
		lines = append(lines, p.st.PaneNum.Render(fmt.Sprint(len(s.History)-k))+" "+p.st.PaneMeta.Render(head))
		text := sanitizeLine(v.Target)
		if text == "" {
			text = "(empty)"
		}
		for _, ls := range wrapText(text, max(inner-2, 1)) {
			lines = append(lines, "  "+p.st.PaneTarget.Render(text[ls.start:ls.end]))
		}
	}
	return paneFrame(lines, p.width, p.height, border, inner)
}
