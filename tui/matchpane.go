package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/tm"
)

// matchPane is the matches pane component: the current segment's best
// translation-memory matches, numbered as the f1…f3 keys use them, each
// with its score, origin, source (the words that differ from the current
// source highlighted) and target, and the machine translation. It owns its
// size, its cache of rendered panes, what the root last gave it to show
// (show) and the keys that use a match or the MT suggestion, in browsing
// (open the editor with it) and in editing (replace or insert); putting
// text in the editor is the root's (editIntent, useMatchIntent,
// useMTIntent).
type matchPane struct {
	paneBox
	browse  *BrowseKeys
	edit    *EditKeys
	ed      *editor // open: the edit keys apply
	project string  // the project file: its units show as "this project"
	cache   *paneCache
	// What show gave; key identifies it for the cache.
	key    string
	ms     []tm.Match
	state  matchState
	target string
	mv     mtView
}

// useMTIntent puts the machine translation into the editor, opening it
// from browsing.
type useMTIntent struct{}

func newMatchPane(st *Styles, keys *KeyMap, ed *editor, project string) *matchPane {
	return &matchPane{paneBox: paneBox{st: st}, browse: &keys.Browse, edit: &keys.Edit, ed: ed, project: project, cache: &paneCache{}}
}

// show sets what the pane shows: matches ms (state says what is known of
// them), the segment's target (the match equal to it is marked) and the MT
// suggestion; key identifies the content (segment, versions) for the cache.
func (p *matchPane) show(key string, ms []tm.Match, state matchState, target string, mv mtView) {
	p.key, p.ms, p.state, p.target, p.mv = key, ms, state, target, mv
}

// Update implements component: the keys that use a match or the MT.
func (p *matchPane) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if p.ed.segment() >= 0 {
		return takeUpdate(p.takeEditKey, msg)
	}
	return takeUpdate(p.takeBrowseKey, msg)
}

// takeBrowseKey handles f1…f3 and f4 in browsing; it reports false for
// other keys.
func (p *matchPane) takeBrowseKey(km tea.KeyMsg) (tea.Msg, bool) {
	if key.Matches(km, p.browse.UseMT) {
		return useMTIntent{}, true
	}
	for n := range p.browse.UseMatch {
		if key.Matches(km, p.browse.UseMatch[n]) {
			return editIntent{n}, true
		}
	}
	return nil, false
}

// takeEditKey handles f1…f3, shift+f1…f3 and f4 in editing; it reports
// false for other keys.
func (p *matchPane) takeEditKey(km tea.KeyMsg) (tea.Msg, bool) {
	k := p.edit
	if key.Matches(km, k.UseMT) {
		return useMTIntent{}, true
	}
	for n := range k.ReplaceMatch {
		switch {
		case key.Matches(km, k.ReplaceMatch[n]):
			return useMatchIntent{n, true}, true
		case key.Matches(km, k.InsertMatch[n]):
			return useMatchIntent{n, false}, true
		}
	}
	return nil, false
}

func (p *matchPane) ShortHelp() []key.Binding {
	if p.ed.segment() >= 0 {
		return []key.Binding{p.edit.replaceMatchHelp, p.edit.insertMatchHelp, p.edit.UseMT}
	}
	return []key.Binding{p.browse.useMatchHelp, p.browse.UseMT}
}

func (p *matchPane) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// View implements component.
func (p *matchPane) View() string { return strings.Join(p.lines(), "\n") }

// matchState says what the pane knows about the current segment's matches.
type matchState int

const (
	matchesNoMemory matchState = iota // no memory configured
	matchesLoading                    // the memory is still loading
	matchesLooking                    // the look-up is running
	matchesKnown
)

// lines renders the pane as exactly height lines of width cells.
func (p *matchPane) lines() []string {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	ms, state, target, mv := p.ms, p.state, p.target, p.mv
	key := fmt.Sprint(p.key, "|", state, len(ms), p.width, p.height, p.right, "|", mv.key())
	if lines, ok := p.cache.get(key); ok {
		return lines
	}
	var out []string
	for level := 0; level < 4; level++ {
		var fits bool
		if out, fits = p.render(ms, state, level, target, mv); fits {
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

func (p *matchPane) origin(o string) string { return unitOrigin(o, p.project) }

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
func (p *matchPane) render(ms []tm.Match, state matchState, level int, target string, mv mtView) ([]string, bool) {
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
	mtAt := len(ms) // the MT suggestion goes below the matches of 75 % and more
	for i, m := range ms {
		if m.Score < mtAbove {
			mtAt = i
			break
		}
	}
	for i, m := range ms {
		if i == mtAt {
			lines = append(lines, p.mtLines(mv, level, inner)...)
		}
		head := p.st.PaneNum.Render(strconv.Itoa(i+1)) + " " + p.st.MatchScore.Render(scoreLabel(m))
		if target != "" && m.Target == target {
			head += p.st.PaneMeta.Render(" = current")
		}
		target := sanitizeLine(m.Target)
		src, spans := p.diffSource(m)
		clean, idx := safetext.DisplayMap(src)
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
	if mtAt == len(ms) {
		lines = append(lines, p.mtLines(mv, level, inner)...)
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

// moveSpans maps spans through a safetext.DisplayMap offset table, dropping those
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
