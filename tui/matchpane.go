package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/tm"
)

// matchPane shows the current segment's best translation-memory matches,
// numbered as the f1…f3 keys use them, each with its score, origin, source
// (the words that differ from the current source highlighted) and target.
type matchPane struct {
	paneBox
	project string // the project file: its units show as "this project"
	cache   *paneCache
}

// matchState says what the pane knows about the current segment's matches.
type matchState int

const (
	matchesNoMemory matchState = iota // no memory configured
	matchesLoading                    // the memory is still loading
	matchesLooking                    // the look-up is running
	matchesKnown
)

// view renders the pane as exactly height lines of width cells. key
// identifies the content (segment, versions) for the cache.
func (p *matchPane) view(key string, ms []tm.Match, state matchState, target string) []string {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	key = fmt.Sprint(key, "|", state, len(ms), p.width, p.height, p.right)
	if lines, ok := p.cache.get(key); ok {
		return lines
	}
	var out []string
	for level := 0; level < 4; level++ {
		var fits bool
		if out, fits = p.render(ms, state, level, target); fits {
			break
		}
	}
	p.cache.put(key, out)
	return out
}

// scoreLabel is "87%", "101% ctx" or "99% numbers".
func scoreLabel(m tm.Match) string {
	s := strconv.Itoa(m.Score) + "%"
	switch {
	case m.Context || m.Score > 100:
		s += " ctx"
	case m.NumbersSubstituted:
		s += " numbers"
	}
	return s
}

func (p *matchPane) origin(o string) string {
	if o == "" {
		return "memory"
	}
	if p.project != "" && o == p.project {
		return "this project"
	}
	return shortOrigin(o, 0)
}

// diffSource returns the match's source with the words that are not in the
// current source highlighted: in colour by style, in monochrome between
// brackets, so the difference stays visible without colour.
func (p *matchPane) diffSource(m tm.Match) (string, []span) {
	src := m.Source
	var dels [][2]int
	for _, d := range m.Diff {
		if d.Kind == tm.DiffDelete && d.MStart >= 0 && d.MEnd <= len(src) && d.MStart < d.MEnd {
			if n := len(dels); n == 0 || dels[n-1][1] <= d.MStart {
				dels = append(dels, [2]int{d.MStart, d.MEnd})
			}
		}
	}
	if !p.st.Mono {
		spans := make([]span, len(dels))
		for i, d := range dels {
			spans[i] = span{d[0], d[1], p.st.MatchDiff}
		}
		return src, spans
	}
	var b strings.Builder
	var spans []span
	last := 0
	for _, d := range dels {
		b.WriteString(src[last:d[0]])
		start := b.Len()
		b.WriteString("[" + src[d[0]:d[1]] + "]")
		spans = append(spans, span{start, b.Len(), p.st.MatchDiff})
		last = d[1]
	}
	b.WriteString(src[last:])
	return b.String(), spans
}

// render draws the pane at a level of detail: 0 shows each match's source
// and target wrapped; 1 the best match so, the others by their target;
// 2 one line each; 3 only the targets. The best match keeps its diff
// (level 1) as long as it fits, in the short strip of a 120-column window
// too. The match equal
// to target (the segment's text) is marked "= current". It reports whether
// everything fitted.
func (p *matchPane) render(ms []tm.Match, state matchState, level int, target string) ([]string, bool) {
	// Always bordered: below the table it sits right of the glossary.
	border, inner := paneBorder(p.st, p.width, true)
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	title := "Matches"
	if len(ms) > 0 {
		title += " (" + strconv.Itoa(len(ms)) + ")"
	}
	add(paneTitle(p.st, title, inner, p.right))
	switch state {
	case matchesNoMemory:
		add(p.st.PaneMeta.Render("no translation memory"))
	case matchesLoading:
		add(p.st.PaneMeta.Render("loading memory…"))
	case matchesLooking:
		add(p.st.PaneMeta.Render("looking up the memory…"))
	default:
		if len(ms) == 0 {
			add(p.st.PaneMeta.Render("no match in the memory"))
		}
	}
	for i, m := range ms {
		head := p.st.PaneNum.Render(strconv.Itoa(i+1)) + " " + p.st.MatchScore.Render(scoreLabel(m))
		if target != "" && m.Target == target {
			head += p.st.PaneMeta.Render(" = current")
		}
		target := sanitizeLine(m.Target)
		src, spans := p.diffSource(m)
		clean, idx := sanitizeMap(src, true)
		if idx != nil {
			spans = moveSpans(spans, idx)
			src = clean
		}
		src = strings.ReplaceAll(src, "\n", " ")
		lv := level
		if level == 1 {
			lv = 0
			if i > 0 {
				lv = 3
			}
		}
		switch lv {
		case 3:
			add(head + " " + p.st.PaneTarget.Render(target))
		case 2:
			add(head + " " + p.st.PaneTarget.Render(target))
			// One line, cut with an ellipsis rather than wrapped.
			one := renderText(src, max(ansi.StringWidth(src), 1), 0, spans, p.st.PaneMeta, nil)[0]
			add("  " + ansi.Truncate(one, max(inner-2, 1), "…"))
		default:
			add(head + p.st.PaneMeta.Render(" · "+p.origin(m.Origin)))
			for _, l := range renderText(src, max(inner-2, 1), 0, spans, p.st.PaneMeta, nil) {
				add("  " + l)
			}
			for j, ls := range wrapText(target, max(inner-4, 1)) {
				lead := "  → "
				if j > 0 {
					lead = "    "
				}
				add(p.st.PaneMeta.Render(lead) + p.st.PaneTarget.Render(target[ls.start:ls.end]))
			}
		}
	}
	return paneFrame(lines, p.width, p.height, border, inner), len(lines) <= p.height
}

// paneTitle draws a pane's title: bold in the right-hand column, a rule
// across the pane below the table.
func paneTitle(st *Styles, title string, inner int, right bool) string {
	if right {
		return st.PaneTitle.Render(title)
	}
	return st.PaneBorder.Render("──") + " " + st.PaneTitle.Render(title) + " " +
		st.PaneBorder.Render(strings.Repeat("─", max(inner-ansi.StringWidth(title)-4, 0)))
}

// paneBorder returns the border drawn at the left of each pane line (none
// for a pane under the table that starts at the left edge) and the width
// left inside it.
func paneBorder(st *Styles, width int, bordered bool) (border string, inner int) {
	if !bordered {
		return "", width
	}
	return st.PaneBorder.Render("│") + " ", width - 2
}

// paneFrame lays a pane's lines out as exactly height lines of width cells,
// each after border; lines beyond height are cut.
func paneFrame(lines []string, width, height int, border string, inner int) []string {
	out := make([]string, height)
	for i := range out {
		if inner <= 0 {
			out[i] = fit(border, width)
			continue
		}
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out[i] = border + fit(l, inner)
	}
	return out
}

// moveSpans maps spans through a sanitizeMap offset table, dropping those
// that vanish.
func moveSpans(spans []span, idx []int) []span {
	out := spans[:0:0]
	for _, s := range spans {
		if s.start >= 0 && s.end < len(idx) && idx[s.start] < idx[s.end] {
			out = append(out, span{idx[s.start], idx[s.end], s.st})
		}
	}
	return out
}
